package value

import (
	"sync/atomic"

	"github.com/gobro/gobro/lang/types"
)

// Layout finds the offsets of named fields once per record type, for
// makers that fill the same record for every message: setting fields
// by name looks each name up in a map, which was a third of DNS
// parsing. It remembers the last type it was asked about, atomically,
// since analysers of several engines may share one.
type Layout struct {
	names []string
	last  atomic.Pointer[layoutOf]
}

type layoutOf struct {
	rt  *types.RecordType
	off []int
}

// NewLayout is a Layout of the names, in the order Of returns them.
func NewLayout(names ...string) *Layout { return &Layout{names: names} }

// Of returns the offsets in rt of the layout's names, -1 for a name rt
// lacks.
func (l *Layout) Of(rt *types.RecordType) []int {
	if c := l.last.Load(); c != nil && c.rt == rt {
		return c.off
	}
	off := make([]int, len(l.names))
	for i, name := range l.names {
		off[i] = -1
		if f := rt.Field(name); f != nil {
			off[i] = f.Offset
		}
	}
	l.last.Store(&layoutOf{rt, off})
	return off
}

// SetAll sets r's fields of the layout to vals, in the layout's order
// (those r's type lacks are skipped).
func (l *Layout) SetAll(r *Record, vals ...Value) {
	for i, o := range l.Of(r.Type) {
		if o >= 0 {
			r.SetField(o, vals[i])
		}
	}
}
