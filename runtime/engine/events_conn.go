package engine

import (
	"time"

	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// The connection events beyond the core lifecycle ones in packets.go:
// what the tracker notes while it processes a packet (flow.Note), why it
// removed a connection (flow.EndReason), and the per-packet events
// (events_packet.go, events_tcp.go, events_udp.go, events_icmp.go). Each
// handler is looked up once per run; an unhandled event costs a nil test
// and, for tracker notes, not even that (the tracker does not record
// them).

// eventHandlers are the handlers of the connection events (nil where an
// event has none).
type eventHandlers struct {
	notes [flow.NumNoteKinds]*compile.Function // by note kind, TCP's

	flipped, reused, timeout, attempt, reset, partialClose, pending *compile.Function
	statusUpdate                                                    *compile.Function
	statusInterval                                                  float64

	newPacket, packetContents, rawPacket *compile.Function

	tcpPacket, tcpOption, tcpOptions, udpChecksums *compile.Function

	udpRequest, udpReply, udpContents, udpSessionDone *compile.Function

	icmp icmpHandlers

	// perPacket is set when any event built per packet is handled.
	perPacket bool
}

// noteEvents maps the tracker's note kinds to their events.
var noteEvents = [flow.NumNoteKinds]string{
	flow.NoteFlipped:         "connection_flipped",
	flow.NoteChecksums:       "tcp_multiple_checksum_errors",
	flow.NoteZeroWindows:     "tcp_multiple_zero_windows",
	flow.NoteSYN:             "connection_SYN_packet",
	flow.NoteFirstACK:        "connection_first_ACK",
	flow.NoteRetransmissions: "tcp_multiple_retransmissions",
	flow.NoteEstablished:     "connection_established",
	flow.NoteRejected:        "connection_rejected",
	flow.NoteReset:           "connection_reset",
	flow.NotePartial:         "partial_connection",
	flow.NoteGaps:            "tcp_multiple_gap",
	flow.NoteGap:             "content_gap",
	flow.NoteEOF:             "connection_EOF",
	flow.NotePacket:          "tcp_packet",
	flow.NoteFinished:        "connection_finished",
	flow.NoteHalfFinished:    "connection_half_finished",
}

// handlerFn is the named global event's compiled form when it has
// handlers, else nil.
func (e *Engine) handlerFn(name string) *compile.Function {
	if fn := e.function(name); fn != nil && fn.Handled() {
		return fn
	}
	return nil
}

// function is the compiled function, event or hook a global name
// declares, nil if none. Analysers ask by name for every event they
// might raise, and per chunk of data, so found ones are cached (a
// Function stays the same object as a REPL session adds bodies; the
// session clears the cache when it extends the program).
func (e *Engine) function(name string) *compile.Function {
	if fn, ok := e.funcs[name]; ok {
		return fn
	}
	s := e.chk.Lookup(name)
	if s == nil || s.Func == nil {
		return nil
	}
	fn := e.prog.Funcs[s.Func]
	if fn != nil {
		if e.funcs == nil {
			e.funcs = map[string]*compile.Function{}
		}
		e.funcs[name] = fn
	}
	return fn
}

// raiseFn queues an event for a handler found by handlerFn (nothing for
// nil).
func (e *Engine) raiseFn(fn *compile.Function, args ...value.Value) {
	if fn != nil {
		e.queue.push(newEvent(fn, args))
	}
}

// eventConfig looks the handlers up (after zeek_init) and tells the
// tracker which notes to record and the script settings behind them.
func (e *Engine) eventConfig(cfg *flow.Config) {
	h := &e.pkt.ev
	for k, name := range noteEvents {
		h.notes[k] = e.handlerFn(name)
	}
	h.tcpPacket = h.notes[flow.NotePacket]
	h.tcpOption, h.tcpOptions = e.handlerFn("tcp_option"), e.handlerFn("tcp_options")
	h.udpChecksums = e.handlerFn("udp_multiple_checksum_errors")
	h.flipped = h.notes[flow.NoteFlipped]
	h.reused, h.timeout = e.handlerFn("connection_reused"), e.handlerFn("connection_timeout")
	h.attempt, h.reset = e.handlerFn("connection_attempt"), h.notes[flow.NoteReset]
	h.partialClose, h.pending = e.handlerFn("connection_partial_close"), e.handlerFn("connection_pending")
	h.newPacket, h.packetContents = e.handlerFn("new_packet"), e.handlerFn("packet_contents")
	h.rawPacket = e.handlerFn("raw_packet")
	h.udpRequest, h.udpReply = e.handlerFn("udp_request"), e.handlerFn("udp_reply")
	h.udpContents, h.udpSessionDone = e.handlerFn("udp_contents"), e.handlerFn("udp_session_done")
	e.icmpConfig(&h.icmp)
	// Scripts declare connection_status_update_interval themselves; Zeek
	// reads it when it is there (0, the default, turns updates off).
	if h.statusUpdate = e.handlerFn("connection_status_update"); h.statusUpdate != nil {
		if v, ok := e.global("connection_status_update_interval"); ok {
			h.statusInterval = v.Double()
		}
	}

	for k, fn := range h.notes {
		if fn != nil {
			cfg.Notes = cfg.Notes.With(flow.NoteKind(k))
		}
	}
	if h.udpChecksums != nil {
		cfg.Notes = cfg.Notes.With(flow.NoteChecksums)
	}
	if h.tcpOption != nil || h.tcpOptions != nil {
		cfg.Notes = cfg.Notes.With(flow.NotePacket)
	}
	cfg.PartialCloseTimer = h.partialClose != nil
	h.perPacket = cfg.Notes != 0 || h.newPacket != nil || h.packetContents != nil || h.udpRequest != nil ||
		h.udpReply != nil || h.udpContents != nil || h.icmp.any

	e.flowSettings(cfg)
}

// flowSettings copies the script constants the tracker's TCP handling
// depends on.
func (e *Engine) flowSettings(cfg *flow.Config) {
	dur := func(name string, d *time.Duration) {
		if v, ok := e.global(name); ok {
			*d = time.Duration(v.Double() * float64(time.Second))
		}
	}
	dur("tcp_reset_delay", &cfg.TCPResetDelay)
	dur("tcp_partial_close_delay", &cfg.TCPPartialCloseDelay)
	count := func(name string, n *int) {
		if v, ok := e.global(name); ok {
			*n = int(v.Count())
		}
	}
	count("tcp_max_initial_window", &cfg.TCPMaxInitialWindow)
	count("tcp_max_above_hole_without_any_acks", &cfg.TCPMaxAboveHole)
	count("tcp_excessive_data_without_further_acks", &cfg.TCPExcessiveData)
	if v, ok := e.global("report_gaps_for_partial"); ok {
		cfg.ReportGapsForPartial = v.Bool()
	}
}

// connVal is the connection's record as an event argument, got once per
// packet (*rec caches it).
func (e *Engine) connVal(c *flow.Conn, rec **value.Record) value.Value {
	if *rec == nil {
		*rec = e.connRecord(c)
	}
	return value.Value{P: *rec}
}

// beforeNewConnection raises what Zeek raises before a packet's
// new_connection: the removal of the connection a new SYN replaced
// (connection_reused, connection_state_remove) and the new connection's
// role flip. A new connection also gets its status update timer.
func (e *Engine) beforeNewConnection(c *flow.Conn, isNew bool) {
	st := e.pkt
	st.noteStart = 0
	if old := st.tracker.Reused(); old != nil {
		e.removed([]*flow.Conn{old}, false)
	}
	if !isNew {
		return
	}
	if n := st.tracker.Notes(); len(n) > 0 && n[0].Kind == flow.NoteFlipped {
		st.noteStart = 1
		if st.ev.flipped != nil {
			e.raiseFn(st.ev.flipped, value.Value{P: e.connRecord(c)})
		}
	}
	e.statusUpdates(c)
}

// statusUpdates arms a connection's connection_status_update timer: every
// connection_status_update_interval of network time while it lives.
func (e *Engine) statusUpdates(c *flow.Conn) {
	h := &e.pkt.ev
	if h.statusUpdate == nil || h.statusInterval <= 0 {
		return
	}
	var tick func()
	tick = func() {
		if c.Removed || e.terminating {
			return // Zeek cancels a connection's timers when it goes
		}
		e.raiseFn(h.statusUpdate, value.Value{P: e.connRecord(c)})
		e.addRecurring(h.statusInterval, tick)
	}
	e.addRecurring(h.statusInterval, tick)
}

// endEvents raises, for a connection being removed, the event of its
// reason (the timer that ended it, or a reuse) and what Zeek's Done does
// at removal: connection_pending for a TCP connection still open at the
// end of the run, udp_session_done for a DNS-analysed UDP one. It comes
// right before connection_state_remove.
func (e *Engine) endEvents(c *flow.Conn, rec *value.Record, flushing bool) {
	h := &e.pkt.ev
	var fn *compile.Function
	switch c.EndReason {
	case flow.EndTimeout:
		fn = h.timeout
	case flow.EndAttempt:
		fn = h.attempt
	case flow.EndReset:
		fn = h.reset
	case flow.EndPartialClose:
		fn = h.partialClose
	case flow.EndReused:
		fn = h.reused
	}
	conn := value.Value{P: rec}
	e.raiseFn(fn, conn)
	if flushing && c.Pending() {
		e.raiseFn(h.pending, conn)
	}
	if c.ID.Proto == flow.ProtoUDP && c.DNS() {
		e.raiseFn(h.udpSessionDone, conn)
	}
}
