package engine

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Helpers for the records the engine builds (connections, tunnels,
// statistics) and reads (conn_id, descriptions), by field name.

// recField is a record's field by name (unset if absent).
func recField(r *value.Record, name string) value.Value { return r.Get(name) }

// setField sets a record's field by name (nothing if absent).
func setField(r *value.Record, name string, v value.Value) { r.Set(name, v) }

func fieldRecord(rt *types.RecordType, name string) *types.RecordType {
	if f := rt.Field(name); f != nil {
		r, _ := f.Type.(*types.RecordType)
		if r != nil {
			return r
		}
	}
	return types.NewRecord(name)
}

// newRecord makes a record value with every field unset but for empty
// &default containers, with room for all: the records the engine makes
// for events are filled whole, so sized once they never grow.
func newRecord(rt *types.RecordType) *value.Record { return value.NewFullRecord(rt) }

// newConnRecord makes a `connection` record with an empty service set,
// the rest unset, with room for the fields of will.
func newConnRecord(ct *types.RecordType, will uint64) *value.Record {
	rec := value.NewRecordFor(ct, will)
	if f := ct.Field("service"); f != nil {
		if tt, ok := f.Type.(*types.TableType); ok {
			rec.SetField(f.Offset, value.Value{P: value.NewTable(tt)})
		}
	}
	return rec
}
