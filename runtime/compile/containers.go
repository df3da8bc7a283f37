package compile

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// The one place the compiler touches value.Table and value.Pattern, so the
// container API can evolve without edits all over the compiler.

func newTable(t *types.TableType) *value.Table { return value.NewTable(t) }

func tblGet(t *value.Table, key []value.Value) (value.Value, bool) { return t.Get(key) }
func tblPut(t *value.Table, key []value.Value, v value.Value)      { t.Put(key, v) }
func tblDel(t *value.Table, key []value.Value) bool                { return t.Delete(key) }
func tblHas(t *value.Table, key []value.Value) bool                { _, ok := t.Get(key); return ok }

// tblEach calls f for every entry in insertion order until f returns false;
// entries deleted during the walk are skipped.
func tblEach(t *value.Table, f func(key []value.Value, v value.Value) bool) {
	it := t.Iter()
	defer it.Done()
	for it.Next() {
		if !f(it.Key(nil), it.Val()) {
			return
		}
	}
}

func matchExact(p *value.Pattern, s string) bool    { return p.MatchExact(s) }
func matchAnywhere(p *value.Pattern, s string) bool { return p.MatchAnywhere(s) }
