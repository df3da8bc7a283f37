package engine

import (
	"fmt"
	"time"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// Built-ins about live connections (zeek-surface.md §3.6): they find the
// tracker's connection from a conn_id or a connection record.

func (e *Engine) connBuiltin(name string) builtins.Impl {
	switch name {
	case "connection_exists":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.lookupConn(a[0]) != nil), nil
		}
	case "lookup_connection":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			if c := e.lookupConn(a[0]); c != nil {
				return value.Value{P: e.connRecord(c)}, nil
			}
			// Zeek complains and hands back a placeholder connection
			// carrying the asked-for id.
			return value.Value{P: e.placeholderConn(a[0])}, builtins.BadValue(a[0], e.typeOf("conn_id"), "connection ID not a known connection")
		}
	case "get_conn_transport_proto":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			c := e.lookupConn(a[0])
			if c == nil {
				return value.Enum(value.ProtoUnknown), builtins.BadValue(a[0], e.typeOf("conn_id"), "unknown connection id in get_conn_transport_proto()")
			}
			return value.Enum(int64(portProto(c.ID.Proto))), nil
		}
	case "set_inactivity_timeout":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			c := e.lookupConn(a[0])
			if c == nil {
				return value.Interval(0), nil
			}
			d := time.Duration(a[1].Double() * float64(time.Second))
			return value.Interval(e.pkt.tracker.SetInactivityTimeout(c, d).Seconds()), nil
		}
	case "skip_further_processing":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			c := e.lookupConn(a[0])
			if c == nil {
				return value.Bool(false), nil
			}
			c.SetSkip(true)
			return value.Bool(true), nil
		}
	case "set_record_packets":
		// Packet recording (-w) keeps every packet; there is no per-
		// connection switch to flip.
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.lookupConn(a[0]) != nil), nil
		}
	case "Reporter::limit_reached_weird":
		// A conn weird whose addl is the limit ("10", or "10 > 20" with
		// a maximum), and the 'X' history letter, once per connection.
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			addl := fmt.Sprint(a[2].Count())
			if m := a[3].Count(); m > 0 {
				addl += fmt.Sprintf(" > %d", m)
			}
			rec, _ := a[1].P.(*value.Record)
			if rec != nil {
				if c := e.lookupConn(recField(rec, "id")); c != nil {
					c.AddLimitHistory()
					setField(rec, "history", value.String(c.History()))
				}
			}
			e.connWeird(a[0].Str(), rec, addl, a[4].Str())
			return value.Bool(true), nil
		}
	}
	return nil
}

// lookupConn finds the live connection of a conn_id value.
func (e *Engine) lookupConn(v value.Value) *flow.Conn {
	if e.pkt == nil || e.pkt.tracker == nil {
		return nil
	}
	id, ok := e.connID(v)
	if !ok {
		return nil
	}
	return e.pkt.tracker.Lookup(id)
}

// connID reads a conn_id record. Its proto field, when unset or 65535
// (unknown), comes from the ports' transport.
func (e *Engine) connID(v value.Value) (flow.ConnID, bool) {
	r, ok := v.P.(*value.Record)
	if !ok {
		return flow.ConnID{}, false
	}
	op, rp := recField(r, "orig_p"), recField(r, "resp_p")
	id := flow.ConnID{
		OrigH: recField(r, "orig_h").Addr().Unmap(),
		OrigP: uint16(op.PortNum()),
		RespH: recField(r, "resp_h").Addr().Unmap(),
		RespP: uint16(rp.PortNum()),
	}
	if p := recField(r, "proto"); !p.IsUnset() && p.Count() < 256 {
		id.Proto = uint8(p.Count())
	} else {
		switch op.PortProto() {
		case value.ProtoTCP:
			id.Proto = flow.ProtoTCP
		case value.ProtoUDP:
			id.Proto = flow.ProtoUDP
		case value.ProtoICMP:
			id.Proto = flow.ProtoICMP
			if id.OrigH.Is6() {
				id.Proto = flow.ProtoICMPv6
			}
		}
	}
	return id, true
}

// placeholderConn is the connection record lookup_connection returns for
// an unknown id: the id, empty endpoints, no history.
func (e *Engine) placeholderConn(id value.Value) *value.Record {
	ct, _ := e.typeOf("connection").(*types.RecordType)
	if ct == nil {
		return &value.Record{}
	}
	rec := newConnRecord(ct, value.AllFields)
	setField(rec, "id", value.Copy(id, e.typeOf("conn_id")))
	for _, side := range []string{"orig", "resp"} {
		ep := value.NewRecord(fieldRecord(ct, side))
		setField(rec, side, value.Value{P: ep})
		setField(ep, "size", value.Count(0))
		setField(ep, "state", value.Count(0))
	}
	setField(rec, "start_time", value.Time(0))
	setField(rec, "duration", value.Interval(0))
	setField(rec, "history", value.String(""))
	setField(rec, "uid", value.String(""))
	return rec
}
