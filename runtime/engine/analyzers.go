package engine

import (
	"strings"
	"time"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// Protocol analysers: the Analyzer framework's built-ins configure the
// engine's analyzer.Manager (zeek_init registers ports before any packet),
// each new connection gets its analyzer.Set, and analyserHost turns the
// analysers' confirmations, violations and weirds into events.

// analyzers returns the engine's analyser manager, made on first use.
func (e *Engine) analyzers() *analyzer.Manager {
	if e.apps == nil {
		e.apps = analyzer.NewManager(analyserHost{e}, e.analyzerConfig())
		e.addSignatures(e.apps)
	}
	return e.apps
}

// analyzerConfig reads the dpd_* settings (constants, final once the
// scripts are loaded) and whether rexmit_inconsistency is handled.
func (e *Engine) analyzerConfig() analyzer.Config {
	cfg := analyzer.Config{BufferSize: 1024}
	if v, ok := e.global("dpd_buffer_size"); ok {
		cfg.BufferSize = int(v.Count())
	}
	if v, ok := e.global("dpd_ignore_ports"); ok {
		cfg.IgnorePorts = v.Bool()
	}
	cfg.Inconsistencies = e.handler("rexmit_inconsistency")
	return cfg
}

// tagName is an analyser tag's Zeek name: Analyzer::ANALYZER_HTTP is
// "HTTP" (likewise for packet and file analyser tags).
func (e *Engine) tagName(v value.Value) string {
	et, _ := e.typeOf("AllAnalyzers::Tag").(*types.EnumType)
	if et == nil {
		return ""
	}
	full := et.NameOf(int64(v.N))
	if i := strings.LastIndex(full, "::"); i >= 0 {
		full = full[i+2:]
	}
	return strings.TrimPrefix(full, "ANALYZER_")
}

// tagValue is the tag of an analyser name, as Analyzer::__tag looks it up
// (protocol analysers first, then packet and file analysers).
func (e *Engine) tagValue(name string) (value.Value, bool) {
	for _, mod := range []string{"Analyzer", "PacketAnalyzer", "Files"} {
		if s := e.chk.Lookup(mod + "::ANALYZER_" + strings.ToUpper(name)); s != nil && s.Enum != nil {
			return value.Enum(s.Enum.Value), true
		}
	}
	return value.None, false
}

func (e *Engine) analyzerBuiltin(name string) builtins.Impl {
	switch name {
	case "Analyzer::__register_for_port":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			tr := analyzer.TCP
			switch a[1].PortProto() {
			case value.ProtoUDP:
				tr = analyzer.UDP
			case value.ProtoTCP:
			default:
				return value.Bool(false), nil
			}
			return value.Bool(e.analyzers().RegisterPort(e.tagName(a[0]), uint16(a[1].PortNum()), tr)), nil
		}
	case "Analyzer::__enable_analyzer", "Analyzer::__disable_analyzer":
		on := name == "Analyzer::__enable_analyzer"
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.analyzers().SetEnabled(e.tagName(a[0]), on)), nil
		}
	case "Analyzer::__disable_all_analyzers":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			e.analyzers().DisableAll()
			return value.None, nil
		}
	case "Analyzer::__name":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.String(e.tagName(a[0])), nil
		}
	case "Analyzer::__tag":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			v, _ := e.tagValue(a[0].Str())
			return v, nil
		}
	case "Analyzer::__has_tag":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			_, ok := e.tagValue(a[0].Str())
			return value.Bool(ok), nil
		}
	case "Analyzer::__schedule_analyzer":
		return e.scheduleAnalyzer
	case "disable_analyzer":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			c := e.lookupConn(a[0])
			if c == nil {
				if a[2].Bool() {
					e.reporter("error", "error", "", "cannot find connection")
				}
				return value.Bool(false), nil
			}
			set := state(c).apps
			return value.Bool(set != nil && set.Remove(a[1].Count())), nil
		}
	}
	return nil
}

// attachAnalyzers gives a new connection its analysers (none for most
// connections when no analyser wants them).
func (e *Engine) attachAnalyzers(c *flow.Conn) {
	var also []*analyzer.Spec
	if s := e.contentsFor(c); s != nil {
		also = append(also, s)
	}
	if e.apps == nil && also == nil && len(e.chk.Signatures) == 0 {
		return
	}
	if set := e.analyzers().Attach(c, also...); set != nil {
		state(c).apps = set
		for _, x := range set.Expected() {
			if tag, ok := e.tagValue(x.Spec.Name); ok && e.handler("scheduled_analyzer_applied") {
				e.raise1("scheduled_analyzer_applied", value.Value{P: e.connRecord(c)}, tag)
			}
		}
	}
}

// scheduleAnalyzer is Analyzer::__schedule_analyzer(orig, resp, resp_p,
// analyzer, tout): the connection from orig (any, when unspecified) to
// resp:resp_p, if it comes within tout, gets the analyser instead of its
// port's. As in Zeek it answers T whatever happens, and before the first
// packet there is no time to count from: a warning, and nothing.
func (e *Engine) scheduleAnalyzer(_ builtins.Context, a []value.Value) (value.Value, error) {
	if e.netTime == 0 {
		e.reporter("warning", "warning", "", "cannot schedule analyzers before processing begins; ignored")
		return value.Bool(true), nil
	}
	tr := analyzer.TCP
	switch a[2].PortProto() {
	case value.ProtoUDP:
		tr = analyzer.UDP
	case value.ProtoTCP:
	default:
		return value.Bool(true), nil
	}
	now := time.Unix(0, int64(e.netTime*1e9))
	tout := time.Duration(a[4].Double() * 1e9)
	e.analyzers().Expect(a[0].Addr(), a[1].Addr(), uint16(a[2].PortNum()), tr, e.tagName(a[3]), now, tout)
	return value.Bool(true), nil
}

// feedAnalyzers passes a packet whose checksum was accepted to its
// connection's analysers, after the transport's own events.
func (e *Engine) feedAnalyzers(c *flow.Conn, pkt *gnet.Packet) {
	if e.apps == nil || c.Skipped() {
		return
	}
	if set := state(c).apps; set != nil {
		if isOrig, analysed := e.pkt.tracker.Delivered(); analysed {
			set.Packet(pkt, isOrig)
		}
	}
}

// closeAnalyzers ends a removed connection's analysis: the analysers'
// last events come before connection_state_remove, as in Zeek.
func (e *Engine) closeAnalyzers(c *flow.Conn) {
	if st, ok := c.Ext.(*connState); ok && st.apps != nil {
		st.apps.Close()
		st.apps = nil
	}
}

// analyserHost raises the events of the analysers' findings.
type analyserHost struct{ e *Engine }

func (h analyserHost) Confirmed(x *analyzer.Context) {
	e := h.e
	tag, ok := e.tagValue(x.Spec.Name)
	if !ok {
		return
	}
	rec := e.connRecord(x.Conn)
	e.raiseInfo("analyzer_confirmation_info", "AnalyzerConfirmationInfo", tag, rec, x, nil)
	e.raise1("protocol_confirmation", value.Value{P: rec}, tag, value.Count(x.ID))
}

func (h analyserHost) Violated(x *analyzer.Context, reason string, data []byte) {
	e := h.e
	tag, ok := e.tagValue(x.Spec.Name)
	if !ok {
		return
	}
	rec := e.connRecord(x.Conn)
	e.raiseInfo("analyzer_violation_info", "AnalyzerViolationInfo", tag, rec, x, func(info *value.Record) {
		setField(info, "reason", value.String(reason))
		if data != nil {
			setField(info, "data", value.String(string(data)))
		}
	})
	e.raise1("protocol_violation", value.Value{P: rec}, tag, value.Count(x.ID), value.String(reason))
}

// raiseInfo raises analyzer_confirmation_info or analyzer_violation_info
// when handled: the tag, and an info record with the connection and the
// analyser id, plus what fill sets.
func (e *Engine) raiseInfo(event, infoType string, tag value.Value, rec *value.Record, x *analyzer.Context, fill func(*value.Record)) {
	it, _ := e.typeOf(infoType).(*types.RecordType)
	if it == nil || !e.handler(event) {
		return
	}
	info := newRecord(it)
	setField(info, "c", value.Value{P: rec})
	setField(info, "aid", value.Count(x.ID))
	if fill != nil {
		fill(info)
	}
	e.raise1(event, tag, value.Value{P: info})
}

func (h analyserHost) Inconsistent(c *flow.Conn, old, new []byte, flags uint8) {
	e := h.e
	e.raise1("rexmit_inconsistency", value.Value{P: e.connRecord(c)}, value.String(string(old)), value.String(string(new)), value.String(tcpFlags(flags)))
}

func (h analyserHost) Handled(event string) bool { return h.e.handler(event) }

func (h analyserHost) Raise(x *analyzer.Context, event string, args []value.Value) {
	e := h.e
	fn := e.handlerFn(event)
	if fn == nil {
		return
	}
	var buf [smallArgs]value.Value // the queue copies the arguments
	all := append(append(buf[:0], value.Value{P: e.connRecord(x.Conn)}), args...)
	e.queue.push(newEvent(fn, all))
}

func (h analyserHost) Type(name string) types.Type { return h.e.typeOf(name) }

// Global is a script global's value, for analysers' settings.
func (h analyserHost) Global(name string) (value.Value, bool) { return h.e.global(name) }

func (h analyserHost) Weird(x *analyzer.Context, source, name, addl string) {
	h.e.connWeird(name, h.e.connRecord(x.Conn), addl, source)
}
