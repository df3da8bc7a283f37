package engine

import (
	"container/heap"
	"errors"
	"io"
	"sync/atomic"
	"time"

	"github.com/gobro/gobro/lang/types"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/net/uid"
	"github.com/gobro/gobro/runtime/value"
)

// PacketInput is a trace to run through the engine (zeek -r).
type PacketInput struct {
	Source gnet.PacketSource
	// IgnoreChecksums is -C.
	IgnoreChecksums bool
	// UIDs generates connection uids; nil means random ones.
	UIDs *uid.Generator
	// Dump, when set, receives every packet read (-w).
	Dump *gnet.Dumper
	// Filter, when set, is the capture filter (-f): packets it rejects
	// are dropped before anything sees them.
	Filter func(data []byte, wireLen int) bool
}

// packetState is the packet loop's state.
type packetState struct {
	in      PacketInput
	tracker *flow.Tracker
	started bool // the first packet has been seen
	// contents is the tcp_contents settings (contents.go), read once.
	contents *contentsConfig
	// packets counts the packets read; atomic because Progress reads it
	// from other goroutines.
	packets atomic.Int64
	// levels[i] is the latest packet level i of the current frame: its
	// connection (nil if none) and whether its payload was analysed, so
	// the packets tunnelled inside it get their encapsulation chain.
	levels []level
	encap  []flow.Encap

	// The connection events beyond the core ones (events_conn.go): their
	// handlers, the frame for raw_packet, the current packet's record
	// and where its tracker notes start.
	// lastFlush is when the logs were last flushed on a live run.
	lastFlush time.Time

	ev        eventHandlers
	frame     *gnet.Packet
	rec       *value.Record
	noteStart int
}

type level struct {
	conn   *flow.Conn
	ok     bool
	isOrig bool // the packet's direction in conn
}

// SetPacketInput makes Run read packets from in after zeek_init; network
// time then starts at 0 and follows the packet timestamps.
func (e *Engine) SetPacketInput(in PacketInput) {
	e.pkt = &packetState{in: in}
}

// trackerConfig builds the tracker's configuration from the script
// globals, read after zeek_init (likely_server_ports, the timeouts).
func (e *Engine) trackerConfig() flow.Config {
	cfg := flow.BareConfig()
	// -C is Zeek's way of setting ignore_checksums; a script may too.
	cfg.IgnoreChecksums = e.pkt.in.IgnoreChecksums || e.globalBool("ignore_checksums", false)
	cfg.UIDs = e.pkt.in.UIDs
	if cfg.UIDs == nil {
		cfg.UIDs = uid.NewRandom()
	}
	dur := func(name string, d *time.Duration) {
		if v, ok := e.global(name); ok {
			*d = time.Duration(v.Double() * float64(time.Second))
		}
	}
	dur("tcp_inactivity_timeout", &cfg.TCPInactivityTimeout)
	dur("udp_inactivity_timeout", &cfg.UDPInactivityTimeout)
	dur("icmp_inactivity_timeout", &cfg.ICMPInactivityTimeout)
	dur("tcp_attempt_delay", &cfg.TCPAttemptDelay)
	dur("tcp_close_delay", &cfg.TCPCloseDelay)
	dur("tcp_connection_linger", &cfg.TCPConnectionLinger)
	dur("tcp_SYN_timeout", &cfg.TCPSYNTimeout)
	dur("tcp_session_timer", &cfg.TCPSessionTimer)
	dur("dns_session_timeout", &cfg.DNSSessionTimeout)
	e.eventConfig(&cfg)
	ports := func(name string, f func(num uint32, proto int)) {
		v, ok := e.global(name)
		t, _ := v.P.(*value.Table)
		if !ok || t == nil {
			return
		}
		for it := t.Iter(); it.Next(); {
			k := it.Key1()
			f(k.PortNum(), k.PortProto())
		}
	}
	ports("likely_server_ports", func(num uint32, proto int) {
		switch proto {
		case value.ProtoTCP:
			cfg.LikelyServerPorts[flow.PortProto{Port: uint16(num), Proto: flow.ProtoTCP}] = true
		case value.ProtoUDP:
			cfg.LikelyServerPorts[flow.PortProto{Port: uint16(num), Proto: flow.ProtoUDP}] = true
		}
	})
	// The DNS analyzer is attached when base/protocols/dns is loaded.
	ports("DNS::ports", func(num uint32, proto int) {
		if proto == value.ProtoUDP {
			cfg.DNSPorts[uint16(num)] = true
		}
	})
	return cfg
}

// global reads a declared global's value.
func (e *Engine) global(name string) (value.Value, bool) {
	s := e.chk.Lookup(name)
	if s == nil || s.Slot < 0 || s.Slot >= len(e.prog.Globals) {
		return value.None, false
	}
	v := e.prog.Globals[s.Slot]
	if v.IsUnset() {
		return value.None, false
	}
	return v, true
}

// runPackets is the packet loop: for each packet, network time advances
// (never backwards), due timers fire, then the connection tracker sees
// the packet and its events are raised and drained. At the end of the
// input it raises net_done.
func (e *Engine) runPackets() error {
	p := e.pkt
	p.tracker = flow.NewTracker(e.trackerConfig())
	dec := gnet.NewDecoder()
	dec.Frag = gnet.NewReassembler()
	if v, ok := e.global("Tunnel::max_depth"); ok {
		dec.MaxTunnelDepth = int(v.Count())
	}
	var raw gnet.RawPacket
	var err error
	for !e.terminating && !e.stopRequested.Load() {
		e.takeInbox() // what input pollers and WebSocket clients sent (inbox.go)
		if e.suspended > 0 && !e.awaitResume() {
			continue
		}
		if err = p.in.Source.Next(&raw); err != nil {
			if errors.Is(err, gnet.ErrTimeout) {
				// A quiet interface: network time follows the wall
				// clock, so timers and timeouts still fire.
				now := time.Now()
				e.idle(now)
				e.flushLive(now)
				err = nil
				continue
			}
			if errors.Is(err, io.EOF) {
				err = nil
			}
			break
		}
		if p.in.Filter != nil && !p.in.Filter(raw.Data, raw.WireLen) {
			continue // -f: as if the capture never saw it
		}
		p.packets.Add(1)
		if p.in.Dump != nil {
			if err := p.in.Dump.Write(&raw); err != nil {
				e.reporter("error", "error", "", "writing packets (-w): "+err.Error())
				p.in.Dump = nil
			}
		}
		ts := float64(raw.Timestamp.UnixNano()) / 1e9
		if !p.started {
			p.started = true
			if ts > e.netTime {
				e.netTime = ts
			}
			e.raise("network_time_init")
			e.drain()
		} else if ts > e.netTime {
			e.netTime = ts
		}
		e.fireDue(raw.Timestamp)
		p.levels = p.levels[:0]
		dec.DecodeChain(&raw, e.processLevel)
		e.rawPacket(&raw)
		e.drain()
		if p.packets.Load()&255 == 0 && p.in.Source.Live() {
			e.flushLive(time.Now())
		}
	}
	e.raise1("net_done", value.Time(e.netTime))
	e.drain()
	return err
}

// flushLive hands the logs' buffered lines to their files about once a
// second of wall-clock time on a live run, so `tail -f conn.log` follows
// the traffic (Zeek's writers flush on each threading heartbeat). Trace
// runs flush only when files close: nobody watches them meanwhile.
func (e *Engine) flushLive(now time.Time) {
	p := e.pkt
	if now.Sub(p.lastFlush) < time.Second {
		return
	}
	p.lastFlush = now
	for _, f := range e.logFiles().byPath {
		if f.w != nil {
			f.w.Flush()
		}
	}
}

// awaitResume holds packets back while processing is suspended
// (suspend_processing): the usual reason is an input stream still being
// read or a WebSocket client expected to answer, so the engine waits on
// the inbox, whose work may call continue_processing. It reports whether
// packets may flow again. With nothing that could send, nothing could
// ever resume the run, so it warns and resumes rather than hang.
func (e *Engine) awaitResume() bool {
	if e.inbox.senders == 0 {
		e.reporter("warning", "warning", "", "processing suspended with nothing to continue it; continuing")
		e.suspended = 0
		return true
	}
	e.waitInbox(maxInboxWait) // bounded, to notice Stop
	return e.suspended == 0
}

// Progress is the number of packets read so far; safe to call from
// another goroutine while Run reads a trace (the CLI's progress line).
func (e *Engine) Progress() int64 {
	if e.pkt == nil {
		return 0
	}
	return e.pkt.packets.Load()
}

// idle advances network time to now while a live source has no packets
// (never backwards), running what became due.
func (e *Engine) idle(now time.Time) {
	if !e.pkt.started {
		return // network time starts with the first packet
	}
	if ts := float64(now.UnixNano()) / 1e9; ts > e.netTime {
		e.netTime = ts
	}
	e.fireDue(now)
	e.drain()
}

// Stop asks a running packet loop, or a run waiting for input, to end
// (SIGINT, SIGTERM): the engine then finishes as at the end of a trace.
// Safe from any goroutine.
func (e *Engine) Stop() { e.stopRequested.Store(true) }

// fireDue runs the engine timers and the tracker's timers due at now, in
// time order (tracker timers first on a tie).
func (e *Engine) fireDue(now time.Time) {
	for e.timers.Len() > 0 && e.timers[0].at <= e.netTime {
		t := heap.Pop(&e.timers).(*timer)
		if !t.recurring {
			e.pending--
		}
		e.removed(e.pkt.tracker.Expire(fromSeconds(t.at)), false)
		if t.cancelled {
			continue
		}
		t.run()
		e.drain()
	}
	e.removed(e.pkt.tracker.Expire(now), false)
}

func fromSeconds(s float64) time.Time {
	return time.Unix(0, int64(s*1e9+0.5))
}

// processLevel handles one level of a frame from DecodeChain: the frame,
// a reassembled datagram or a decapsulated packet. A tunnelled packet is
// dropped when the packet carrying it was not analysed (no connection, or
// a bad checksum); otherwise it gets its encapsulation chain with the
// outer connections' uids (IP/GRE tunnels: the tunnel's uid).
func (e *Engine) processLevel(pkt *gnet.Packet) {
	st := e.pkt
	if len(pkt.Encap) == 0 && !pkt.Reassembled {
		st.frame = pkt // for raw_packet
	}
	for _, w := range pkt.Weirds() {
		if w.Src.IsValid() {
			e.flowWeird(w.Name, w.Src, w.Dst, "", w.Source)
		} else {
			e.netWeird(w.Name, "", w.Source)
		}
	}
	n := len(pkt.Encap)
	if n > len(st.levels) {
		return // an outer level was not seen (cannot happen with DecodeChain)
	}
	st.levels = st.levels[:n]
	st.encap = st.encap[:0]
	for i := 0; i < n; i++ {
		lv, enc := st.levels[i], pkt.Encap[i]
		if !lv.ok {
			st.levels = append(st.levels, level{})
			return
		}
		x := flow.Encap{Type: enc.Type}
		if enc.Proto == gnet.ProtoUDP {
			if lv.conn == nil {
				st.levels = append(st.levels, level{})
				return
			}
			x.ID, x.UID = lv.conn.ID, lv.conn.UID()
			e.tunnelSeen(lv.conn, enc.Type, lv.isOrig)
		} else {
			x.ID = flow.ConnID{OrigH: enc.Src, RespH: enc.Dst}
			x.UID = st.tracker.TunnelUID(enc.Src, enc.Dst)
		}
		st.encap = append(st.encap, x)
	}
	c := e.processPacket(pkt, st.encap)
	ok := pkt.IPVersion != 0 && !pkt.IsFragment
	isOrig := false
	if c != nil {
		var analysed bool
		isOrig, analysed = st.tracker.Delivered() // the checksum verdict, not computed again
		ok = ok && !c.Removed && analysed
	} else if pkt.Proto == gnet.ProtoUDP {
		ok = false
	}
	st.levels = append(st.levels, level{conn: c, ok: ok, isOrig: isOrig})
}

// processPacket feeds one packet with its tunnel chain to the tracker
// and raises the events it tells. It returns the packet's connection.
func (e *Engine) processPacket(pkt *gnet.Packet, encap []flow.Encap) *flow.Conn {
	tr := e.pkt.tracker
	if pkt.IPVersion == 0 || pkt.IsFragment || !pkt.HasTransport {
		tr.Process(pkt)
		return nil
	}
	c, isNew, changed := tr.ProcessEncap(pkt, encap)
	if c == nil {
		return nil
	}
	e.beforeNewConnection(c, isNew)
	if isNew && pkt.HasMAC {
		// Zeek keeps the first packet's MAC addresses as the
		// endpoints' l2_addr (and swaps them when roles flip).
		src, dst := c.Orig, c.Resp
		if pkt.Src != c.ID.OrigH || pkt.SrcPort != c.ID.OrigP && c.ID.Proto != flow.ProtoICMP && c.ID.Proto != flow.ProtoICMPv6 {
			src, dst = c.Resp, c.Orig
		}
		st := state(c)
		st.macs[src.Slot()], st.macs[dst.Slot()], st.hasMACs = pkt.SrcMAC, pkt.DstMAC, true
	}
	// The record is made when an event first carries the connection
	// (as Zeek's Connection::GetVal), and so is the uid: a connection no
	// script sees takes none. What changes with packets it reads from
	// the tracker when a script asks (connRecord).
	var rec *value.Record
	if isNew {
		if e.handler("new_connection") {
			rec = e.connRecord(c)
			e.raise1("new_connection", value.Value{P: rec})
		}
		e.attachAnalyzers(c)
	}
	if changed && e.handler("tunnel_changed") {
		if rec == nil {
			rec = e.connRecord(c)
		}
		e.raise1("tunnel_changed", value.Value{P: rec}, e.encapVector(c.Encap()))
	}
	e.transportEvents(c, pkt, rec)
	e.feedAnalyzers(c, pkt)
	e.closingEvents(c, pkt)
	return c
}

// handler tells whether the named global event has a handler.
func (e *Engine) handler(name string) bool { return e.handlerFn(name) != nil }

// encapVector is a tunnel chain as an EncapsulatingConnVector.
func (e *Engine) encapVector(chain []flow.Encap) value.Value {
	vt, _ := e.typeOf("EncapsulatingConnVector").(*types.VectorType)
	if vt == nil {
		if ct, _ := e.typeOf("connection").(*types.RecordType); ct != nil {
			if f := ct.Field("tunnel"); f != nil {
				vt, _ = f.Type.(*types.VectorType)
			}
		}
	}
	if vt == nil {
		return value.None
	}
	et, _ := vt.Elem.(*types.RecordType)
	v := &value.Vector{Type: vt}
	if et == nil {
		return value.Value{P: v}
	}
	set := setField
	for _, x := range chain {
		r := newRecord(et)
		id := newRecord(fieldRecord(et, "cid"))
		pp := portProto(x.ID.Proto)
		set(id, "orig_h", value.Addr(x.ID.OrigH))
		set(id, "orig_p", value.Port(uint32(x.ID.OrigP), pp))
		set(id, "resp_h", value.Addr(x.ID.RespH))
		set(id, "resp_p", value.Port(uint32(x.ID.RespP), pp))
		set(id, "proto", value.Count(uint64(x.ID.Proto)))
		if f := id.Type.Field("ctx"); f != nil && !id.Has(f.Offset) {
			if rt, ok := f.Type.(*types.RecordType); ok {
				id.SetField(f.Offset, value.Value{P: newRecord(rt)})
			}
		}
		set(r, "cid", value.Value{P: id})
		if s := e.chk.Lookup(x.Type.String()); s != nil && s.Enum != nil {
			set(r, "tunnel_type", value.Enum(s.Enum.Value))
		}
		if x.UID != "" {
			set(r, "uid", value.String(x.UID))
		}
		v.Elems = append(v.Elems, value.Value{P: r})
	}
	return value.Value{P: v}
}

// removed raises connection_state_remove (after the events of why and
// how the connection ended, endEvents) for connections the tracker
// dropped.
func (e *Engine) removed(cs []*flow.Conn, flushing bool) {
	for _, c := range cs {
		e.closeAnalyzers(c)
		rec := e.connRecord(c)
		e.endEvents(c, rec, flushing)
		e.raise1("connection_state_remove", value.Value{P: rec})
		c.Ext = nil
		if e.weirds != nil {
			delete(e.weirds.conn, rec)
		}
		e.drain()
	}
}

// flushConns is the end of the run: the tracker's remaining timers and
// connections, each connection removed with connection_state_remove.
func (e *Engine) flushConns() {
	if e.pkt == nil || e.pkt.tracker == nil {
		return
	}
	e.removed(e.pkt.tracker.Flush(), true)
}

// raise1 queues the named global event with arguments when it is handled.
func (e *Engine) raise1(name string, args ...value.Value) {
	if fn := e.handlerFn(name); fn != nil {
		e.queue.push(newEvent(fn, args))
	}
}

func (e *Engine) typeOf(name string) types.Type {
	if s := e.chk.Lookup(name); s != nil {
		return s.Type
	}
	return nil
}

// macName is formatMAC interned: a trace has few MAC addresses (the
// routers' and hosts'), and every connection record keeps two as
// l2_addr. The table is the engine's own (no locking) and bounded, so a
// flood of forged addresses cannot grow it.
func (e *Engine) macName(m [6]byte) string {
	if s, ok := e.macNames[m]; ok {
		return s
	}
	s := formatMAC(m)
	if len(e.macNames) < maxMACNames {
		if e.macNames == nil {
			e.macNames = map[[6]byte]string{}
		}
		e.macNames[m] = s
	}
	return s
}

const maxMACNames = 1 << 16

// formatMAC is Zeek's fmt_mac: lower-case hex pairs joined by colons.
func formatMAC(m [6]byte) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, 17)
	for i, x := range m {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hex[x>>4], hex[x&15])
	}
	return string(b)
}

// portProto is a transport's port protocol.
func portProto(p uint8) int {
	switch p {
	case flow.ProtoTCP:
		return value.ProtoTCP
	case flow.ProtoUDP:
		return value.ProtoUDP
	case flow.ProtoICMP, flow.ProtoICMPv6:
		return value.ProtoICMP
	}
	return value.ProtoUnknown
}
