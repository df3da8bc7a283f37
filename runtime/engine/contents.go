package engine

import (
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// tcp_contents (and rexmit_inconsistency): the reassembled bytes of TCP
// connections, for the
// directions tcp_content_deliver_all_orig/resp or the responder port in
// tcp_content_delivery_ports_orig/resp ask for. The engine attaches its
// own analyser for them (Zeek's TCP_Contents), so the bytes come through
// the same reassembly as every protocol analyser's.

// contentsConfig is the tcp_content_* settings, read once per run.
type contentsConfig struct {
	contents, rexmit bool               // tcp_contents, rexmit_inconsistency handled
	all              [2]bool            // orig, resp
	ports            [2]map[uint16]bool // by responder port
	spec             *analyzer.Spec
}

func (e *Engine) contentsSettings() *contentsConfig {
	if e.pkt.contents != nil {
		return e.pkt.contents
	}
	cfg := &contentsConfig{contents: e.handler("tcp_contents"), rexmit: e.handler("rexmit_inconsistency")}
	for i, dir := range []string{"orig", "resp"} {
		if v, ok := e.global("tcp_content_deliver_all_" + dir); ok {
			cfg.all[i] = v.Bool()
		}
		cfg.ports[i] = map[uint16]bool{}
		if v, ok := e.global("tcp_content_delivery_ports_" + dir); ok {
			if t, _ := v.P.(*value.Table); t != nil {
				for it := t.Iter(); it.Next(); {
					if it.Val().Bool() {
						cfg.ports[i][uint16(it.Key1().PortNum())] = true
					}
				}
			}
		}
	}
	cfg.spec = &analyzer.Spec{Name: "CONTENTS", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return &contents{e: e, ctx: ctx, want: cfg.wants(ctx.Conn)}
	}}
	e.pkt.contents = cfg
	return cfg
}

// wants tells which directions of c go to tcp_contents.
func (cfg *contentsConfig) wants(c *flow.Conn) (w [2]bool) {
	for i := range w {
		w[i] = cfg.contents && (cfg.all[i] || cfg.ports[i][c.ID.RespP])
	}
	return w
}

// contentsFor returns the analyser delivering tcp_contents for a new
// connection, or nil when it would deliver nothing. A handled
// rexmit_inconsistency needs the connection's streams too, so it gets
// the analyser then whatever it delivers.
func (e *Engine) contentsFor(c *flow.Conn) *analyzer.Spec {
	if c.ID.Proto != flow.ProtoTCP {
		return nil
	}
	cfg := e.contentsSettings()
	if cfg.rexmit {
		return cfg.spec
	}
	if w := cfg.wants(c); w[0] || w[1] {
		return cfg.spec
	}
	return nil
}

// contents raises tcp_contents for the wanted directions. seq is
// relative, the first byte being 1, and counts gaps, as Zeek's does.
type contents struct {
	e    *Engine
	ctx  *analyzer.Context
	want [2]bool
	next [2]uint64 // bytes delivered or skipped so far
}

func side(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

func (x *contents) Deliver(isOrig bool, data []byte) {
	i := side(isOrig)
	seq := x.next[i] + 1
	x.next[i] += uint64(len(data))
	if x.want[i] {
		e := x.e
		e.raise1("tcp_contents", value.Value{P: e.connRecord(x.ctx.Conn)}, value.Bool(isOrig), value.Count(seq), value.String(string(data)))
	}
}

func (x *contents) Gap(isOrig bool, n uint64) { x.next[side(isOrig)] += n }
func (*contents) EndOfData(bool)              {}
func (*contents) Done()                       {}
