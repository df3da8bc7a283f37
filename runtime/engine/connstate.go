package engine

import (
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
	// What rec holds already, so a refresh writes (and boxes) only what
	// changed: the id, written when idOrig was the originator (roles
	// flip by swapping the endpoints, and the id with them), the
	// history, and the originator when l2_addr was written.
	idOrig *flow.Endpoint
	hist   string
	l2Orig *flow.Endpoint
	// epoch is the engine's connEpoch when rec was last refreshed: the
	// tracker counts packets and moves states only between epochs, so
	// the many events of one packet refresh the record once (unless an
	// analyser flipped the roles, which changes idOrig and the history).
	epoch uint64
	// tunnelDirs are the directions in which a UDP tunnel (Teredo,
	// VXLAN …) was decapsulated from the connection, until its packet
	// analyser confirmed (tunnels.go).
	tunnelDirs      uint8
	tunnelConfirmed bool
	// macs are the first packet's link-layer addresses by endpoint
	// (Zeek keeps them as l2_addr and swaps them when roles flip).
	macs [2]endpointMAC
}

type endpointMAC struct {
	ep  *flow.Endpoint
	mac [6]byte
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
	ct                                                       *types.RecordType
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
	e.layout = L
	return L
}

func put(r *value.Record, off int, v value.Value) {
	r.SetField(off, v)
}

// connRecord returns the connection's `connection` record, made on first
// use and refreshed from the tracker on every call (as Zeek's
// Connection::GetVal does before each event).
func (e *Engine) connRecord(c *flow.Conn) *value.Record {
	L := e.connLayout()
	if L == nil {
		return &value.Record{}
	}
	st := state(c)
	rec := st.rec
	if rec == nil {
		rec = e.newConnRecord(c, L)
		st.rec = rec
	} else if st.epoch == e.connEpoch && st.idOrig == c.Orig && st.hist == c.History() {
		return rec // analysers may flip roles within a turn: that shows
	}
	st.epoch = e.connEpoch
	if L.id >= 0 && st.idOrig != c.Orig {
		st.idOrig = c.Orig
		writeID(rec.Field(L.id).P.(*value.Record), c.ID, L)
	}
	for i, ep := range [2]*flow.Endpoint{c.Orig, c.Resp} {
		off := L.orig
		if i == 1 {
			off = L.resp
		}
		if off < 0 {
			continue
		}
		r := rec.Field(off).P.(*value.Record)
		put(r, L.size, value.Count(ep.Size()))
		put(r, L.epState, value.Count(uint64(ep.State)))
		put(r, L.numPkts, value.Count(ep.NumPkts))
		put(r, L.numBytesIP, value.Count(ep.NumBytesIP))
	}
	if st.macs[0].ep != nil && st.l2Orig != c.Orig && L.l2Address >= 0 {
		st.l2Orig = c.Orig
		for _, m := range st.macs {
			off := L.resp
			if m.ep == c.Orig {
				off = L.orig
			}
			if off >= 0 {
				rec.Field(off).P.(*value.Record).SetField(L.l2Address, value.String(e.macName(m.mac)))
			}
		}
	}
	put(rec, L.duration, value.Interval(c.Duration().Seconds()))
	if L.history >= 0 && (st.hist != c.History() || !rec.Has(L.history)) {
		st.hist = c.History()
		rec.SetField(L.history, value.String(c.History()))
	}
	return rec
}

// newConnRecord makes a connection's record with what never changes.
func (e *Engine) newConnRecord(c *flow.Conn, L *connLayout) *value.Record {
	rec := newConnRecord(L.ct)
	put(rec, L.uid, value.String(c.UID()))
	put(rec, L.startTime, value.Time(float64(c.Start().UnixNano())/1e9))
	if c.VLAN >= 0 {
		put(rec, L.vlan, value.Int(int64(c.VLAN)))
	}
	if c.InnerVLAN >= 0 {
		put(rec, L.innerVLAN, value.Int(int64(c.InnerVLAN)))
	}
	if len(c.Encap()) > 0 {
		// Zeek sets connection$tunnel when it builds the record; later
		// changes come with tunnel_changed.
		put(rec, L.tunnel, e.encapVector(c.Encap()))
	}
	for _, off := range []int{L.orig, L.resp} {
		if off >= 0 && L.flowLabel >= 0 {
			rec.Field(off).P.(*value.Record).SetField(L.flowLabel, value.Count(0)) // the decoder does not give it yet
		}
	}
	return rec
}

// writeID fills a conn_id record.
func writeID(id *value.Record, cid flow.ConnID, L *connLayout) {
	pp := portProto(cid.Proto)
	put(id, L.origH, value.Addr(cid.OrigH))
	put(id, L.origP, value.Port(uint32(cid.OrigP), pp))
	put(id, L.respH, value.Addr(cid.RespH))
	put(id, L.respP, value.Port(uint32(cid.RespP), pp))
	put(id, L.proto, value.Count(uint64(cid.Proto)))
}
