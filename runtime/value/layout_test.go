package value

import (
	"slices"
	"testing"

	"github.com/gobro/gobro/lang/types"
)

// A layout gives each name's offset in the type asked about (-1 for a
// name the type lacks), follows a change of type, and sets fields by
// it.
func TestLayout(t *testing.T) {
	a := recordType(3) // f0 f1 f2
	b := types.NewRecord("B")
	b.AddField(&types.Field{Name: "f2", Type: types.CountType, Optional: true})
	b.AddField(&types.Field{Name: "f0", Type: types.CountType, Optional: true})
	l := NewLayout("f0", "missing", "f2")
	if got := l.Of(a); !slices.Equal(got, []int{0, -1, 2}) {
		t.Fatalf("offsets in A: %v", got)
	}
	if got := l.Of(b); !slices.Equal(got, []int{1, -1, 0}) {
		t.Fatalf("offsets in B: %v", got)
	}
	r := EmptyRecord(b, AllFields)
	l.SetAll(r, Count(10), Count(11), Count(12))
	if got, want := fields(r), "0=12 1=10 "; got != want {
		t.Fatalf("fields %q, want %q", got, want)
	}
}
