package engine

import (
	"net/netip"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// connState is what the engine keeps for one connection. It hangs off the
// connection itself (flow.Conn.Ext) rather than off maps keyed by it: one
// pointer per connection instead of several map entries, and no map probe
// per packet.
type connState struct {
	rec  *value.Record // the `connection` record, made on first use
	apps *analyzer.Set // its analysers, nil if none
	// The record's live fields (liveConn) and its endpoint records read
	// the connection through these, with hist the history boxed (a
	// string in an interface) when it changes.
	conn *flow.Conn
	L    *connLayout
	src  value.Source
	hist any
	// addrs are the endpoints' addresses by slot, boxed once (addr).
	addrs [2]any
	// macs are the first packet's link-layer addresses by endpoint slot
	// (flow.Endpoint.Slot), if hasMACs: Zeek keeps them as l2_addr and
	// swaps them when roles flip.
	macs    [2][6]byte
	hasMACs bool
	// tunnelDirs are the directions in which a UDP tunnel (Teredo,
	// VXLAN …) was decapsulated from the connection, until its packet
	// analyser confirmed (tunnels.go).
	tunnelDirs      uint8
	tunnelConfirmed bool
}

// state returns the engine's state of a connection, made on first use.
func state(c *flow.Conn) *connState {
	if s, ok := c.Ext.(*connState); ok {
		return s
	}
	s := &connState{}
	c.Ext = s
	return s
}

// connLayout is where the engine writes in `connection` records: the
// offsets of the fields it fills, found once (the record type is fixed
// once the scripts are checked); -1 where a field does not exist.
type connLayout struct {
	e  *Engine
	ct *types.RecordType
	// connLive, idLive and epLive are the fields liveConn supplies,
	// endpoints those it makes on first use (see LiveMask); made those
	// the engine sets in a new record.
	connLive, idLive, epLive, endpoints, made                uint64
	idT, epT                                                 *types.RecordType
	uid, startTime, vlan, innerVLAN, tunnel                  int
	id, orig, resp, duration, history, service               int
	origH, origP, respH, respP, proto                        int
	size, epState, numPkts, numBytesIP, flowLabel, l2Address int
}

func offset(rt *types.RecordType, name string) int {
	if rt != nil {
		if f := rt.Field(name); f != nil {
			return f.Offset
		}
	}
	return -1
}

// connLayout returns the layout of `connection`, nil if the scripts do
// not declare it.
func (e *Engine) connLayout() *connLayout {
	if e.layout != nil || e.noConnType {
		return e.layout
	}
	ct, _ := e.typeOf("connection").(*types.RecordType)
	if ct == nil {
		e.noConnType = true
		return nil
	}
	L := &connLayout{ct: ct, idT: fieldRecord(ct, "id"), epT: fieldRecord(ct, "orig")}
	L.uid, L.startTime, L.vlan = offset(ct, "uid"), offset(ct, "start_time"), offset(ct, "vlan")
	L.innerVLAN, L.tunnel, L.id = offset(ct, "inner_vlan"), offset(ct, "tunnel"), offset(ct, "id")
	L.orig, L.resp, L.duration = offset(ct, "orig"), offset(ct, "resp"), offset(ct, "duration")
	L.history, L.service = offset(ct, "history"), offset(ct, "service")
	L.origH, L.origP, L.respH = offset(L.idT, "orig_h"), offset(L.idT, "orig_p"), offset(L.idT, "resp_h")
	L.respP, L.proto = offset(L.idT, "resp_p"), offset(L.idT, "proto")
	L.size, L.epState, L.numPkts = offset(L.epT, "size"), offset(L.epT, "state"), offset(L.epT, "num_pkts")
	L.numBytesIP, L.flowLabel, L.l2Address = offset(L.epT, "num_bytes_ip"), offset(L.epT, "flow_label"), offset(L.epT, "l2_addr")
	L.e, L.connLive, L.idLive = e, mask(L.duration, L.history), mask(L.origH, L.origP, L.respH, L.respP, L.proto)
	L.epLive = mask(L.size, L.epState, L.numPkts, L.numBytesIP, L.flowLabel, L.l2Address)
	L.made, L.endpoints = mask(L.id, L.service, L.uid, L.startTime), mask(L.orig, L.resp)
	e.layout = L
	return L
}

// mask is the bitmap of the field offsets that exist and fit one.
func mask(offs ...int) uint64 {
	var m uint64
	for _, o := range offs {
		if o >= 0 && o < 64 {
			m |= 1 << o
		}
	}
	return m
}

// connRecord returns the connection's `connection` record, made on first
// use. What the tracker changes as packets come (the endpoints' sizes,
// states and counts, the duration, the history) the record and its
// endpoint records read from the tracker when a script asks (liveConn),
// so they are never stale and nothing is copied before each event, as
// Zeek's Connection::GetVal does; so does the id record, which follows
// the roles when they flip. As in Zeek, what a script wrote over those
// fields lasts until the next event that carries the connection.
func (e *Engine) connRecord(c *flow.Conn) *value.Record {
	L := e.connLayout()
	if L == nil {
		return &value.Record{}
	}
	st := state(c)
	if st.rec == nil {
		st.rec = e.newConnRecord(c, st, L)
	} else {
		// A script's write to a live field lasts until here.
		st.rec.ResetLive()
		for _, off := range [3]int{L.id, L.orig, L.resp} {
			if off < 0 {
				continue
			}
			if v, ok := st.rec.Val(off); ok { // made already
				if r, ok := v.P.(*value.Record); ok {
					r.ResetLive()
				}
			}
		}
	}
	return st.rec
}

// liveConn supplies the live fields of a connection's record, its id
// and its endpoint records (value.LiveFields), which it tells apart by
// their tags.
type liveConn connState

// The tags of a connection's live records.
const (
	connTag uint8 = iota
	idTag
	origTag
	respTag
)

func (s *liveConn) LiveMask(r *value.Record) uint64 {
	switch r.LiveTag() {
	case connTag:
		// The endpoint records until made: once stored, they are no
		// longer live fields that ResetLive would drop.
		return s.L.connLive | s.L.endpoints&^r.Stored()
	case idTag:
		return s.L.idLive
	}
	return s.L.epLive
}

// addr is ep's address a, boxed on first use: scripts read a
// connection's addresses often, and boxing one allocates.
func (s *liveConn) addr(ep *flow.Endpoint, a netip.Addr) value.Value {
	box := &s.addrs[ep.Slot()]
	if *box == nil {
		*box = value.Addr(a).P
	}
	return value.Value{P: *box}
}

func (s *liveConn) LiveField(r *value.Record, i int) value.Value {
	c, L := s.conn, s.L
	switch r.LiveTag() {
	case connTag:
		switch i {
		case L.duration:
			return value.Interval(c.Duration().Seconds())
		case L.history:
			if h, ok := s.hist.(string); !ok || h != c.History() {
				s.hist = value.String(c.History()).P
			}
			return value.Value{P: s.hist}
		case L.orig, L.resp:
			// Made when first read: an endpoint record reads all its
			// fields from the tracker, and scripts often never ask
			// for it before the connection ends.
			tag := origTag
			if i == L.resp {
				tag = respTag
			}
			ep := value.NewRecord(L.epT)
			ep.SetLive(&s.src, s, tag)
			r.SetField(i, value.Value{P: ep})
			return value.Value{P: ep}
		}
		return value.None
	case idTag:
		// The tracker's id, which flips with the roles.
		pp := portProto(c.ID.Proto)
		switch i {
		case L.origH:
			return s.addr(c.Orig, c.ID.OrigH)
		case L.origP:
			return value.Port(uint32(c.ID.OrigP), pp)
		case L.respH:
			return s.addr(c.Resp, c.ID.RespH)
		case L.respP:
			return value.Port(uint32(c.ID.RespP), pp)
		case L.proto:
			return value.Count(uint64(c.ID.Proto))
		}
		return value.None
	}
	ep := c.Resp
	if r.LiveTag() == origTag {
		ep = c.Orig
	}
	switch i {
	case L.size:
		return value.Count(ep.Size())
	case L.epState:
		return value.Count(uint64(ep.State))
	case L.numPkts:
		return value.Count(ep.NumPkts)
	case L.numBytesIP:
		return value.Count(ep.NumBytesIP)
	case L.flowLabel:
		return value.Count(0) // the decoder does not give it yet
	case L.l2Address:
		if s.hasMACs {
			return value.String(L.e.macName(s.macs[ep.Slot()]))
		}
	}
	return value.None
}

// newConnRecord makes a connection's record with what never changes.
func (e *Engine) newConnRecord(c *flow.Conn, st *connState, L *connLayout) *value.Record {
	// Room for what the engine sets, and for what the scripts had set
	// in the previous connection's record by now (Conn::Info at least):
	// connections live long, and room grown on demand is half again.
	will := L.made
	if e.lastConn != nil {
		will |= e.lastConn.Stored()
	}
	rec := newConnRecord(L.ct, will)
	e.lastConn = rec
	st.conn, st.L = c, L
	live := (*liveConn)(st)
	rec.SetLive(&st.src, live, connTag)
	if L.id >= 0 {
		id := value.NewRecord(L.idT)
		id.SetLive(&st.src, live, idTag)
		rec.SetField(L.id, value.Value{P: id})
	}
	rec.SetField(L.uid, value.String(c.UID()))
	rec.SetField(L.startTime, value.Time(float64(c.Start().UnixNano())/1e9))
	if c.VLAN >= 0 {
		rec.SetField(L.vlan, value.Int(int64(c.VLAN)))
	}
	if c.InnerVLAN >= 0 {
		rec.SetField(L.innerVLAN, value.Int(int64(c.InnerVLAN)))
	}
	if len(c.Encap()) > 0 {
		// Zeek sets connection$tunnel when it builds the record; later
		// changes come with tunnel_changed.
		rec.SetField(L.tunnel, e.encapVector(c.Encap()))
	}
	return rec
}
