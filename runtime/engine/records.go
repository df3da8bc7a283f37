package engine

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Helpers for the records the engine builds (connections, tunnels,
// statistics) and reads (conn_id, descriptions), by field name.

// recField is a record's field by name (unset if absent).
func recField(r *value.Record, name string) value.Value {
	if f := r.Type.Field(name); f != nil && f.Offset < len(r.Fields) {
		return r.Fields[f.Offset]
	}
	return value.None
}

// setField sets a record's field by name (nothing if absent).
func setField(r *value.Record, name string, v value.Value) {
	if f := r.Type.Field(name); f != nil && f.Offset < len(r.Fields) {
		r.Fields[f.Offset] = v
	}
}

// setString sets a string field unless it already holds an equal string,
// so refreshing an unchanged connection record boxes no string.
func setString(r *value.Record, name, s string) {
	if f := r.Type.Field(name); f != nil && f.Offset < len(r.Fields) {
		cur := r.Fields[f.Offset]
		if old, ok := cur.P.(string); ok && cur.N == 0 && old == s {
			return
		}
		r.Fields[f.Offset] = value.String(s)
	}
}

func fieldRecord(rt *types.RecordType, name string) *types.RecordType {
	if f := rt.Field(name); f != nil {
		r, _ := f.Type.(*types.RecordType)
		if r != nil {
			return r
		}
	}
	return types.NewRecord(name)
}

// newRecord makes a record value with every field unset; empty records
// and tables stand in for their &default.
func newRecord(rt *types.RecordType) *value.Record {
	r := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	for i, f := range rt.Fields {
		r.Fields[i] = value.None
		if f.Default == nil {
			continue
		}
		switch t := f.Type.(type) {
		case *types.RecordType:
			r.Fields[i] = value.Value{P: newRecord(t)}
		case *types.TableType:
			r.Fields[i] = value.Value{P: value.NewTable(t)}
		}
	}
	return r
}

// newConnRecord makes a `connection` record with its id and endpoint
// records and an empty service set, the rest unset.
func newConnRecord(ct *types.RecordType) *value.Record {
	rec := newRecord(ct)
	setField(rec, "id", value.Value{P: newRecord(fieldRecord(ct, "id"))})
	setField(rec, "orig", value.Value{P: newRecord(fieldRecord(ct, "orig"))})
	setField(rec, "resp", value.Value{P: newRecord(fieldRecord(ct, "resp"))})
	if f := ct.Field("service"); f != nil {
		if tt, ok := f.Type.(*types.TableType); ok {
			rec.Fields[f.Offset] = value.Value{P: value.NewTable(tt)}
		}
	}
	return rec
}
