package value

import (
	"math"
	"net/netip"
	"testing"

	"github.com/gobro/gobro/lang/types"
)

func TestArith(t *testing.T) {
	var c uint64
	c--
	if Render(Count(c), types.CountType, ModePrint) != "18446744073709551615" {
		t.Fatal("count underflow")
	}
	if _, err := DivCount(1, 0); err == nil || err.Error() != "division by zero" {
		t.Fatal(err)
	}
	if _, err := ModInt(1, 0); err == nil || err.Error() != "modulo by zero" {
		t.Fatal(err)
	}
	if _, err := DivDouble(1, 0); err != ErrDivByZero {
		t.Fatal("double / 0")
	}
	if q, _ := DivInt(math.MinInt64, -1); q != math.MinInt64 {
		t.Fatal("MinInt64 / -1")
	}
	if q, _ := DivInt(-7, 2); q != -3 {
		t.Fatal("truncation")
	}
	if m, _ := ModInt(-7, 2); m != -1 {
		t.Fatal("mod sign")
	}
	if AbsInt(math.MinInt64) != 1<<63 {
		t.Fatal("abs")
	}
	a := netip.MustParseAddr("1.2.3.4")
	if _, err := MakeSubnet(a, 33); err == nil || err.Error() != "bad IPv4 subnet prefix length: 33" {
		t.Fatal(err)
	}
	if _, err := MakeSubnet(netip.MustParseAddr("::1"), 129); err == nil || err.Error() != "bad IPv6 subnet prefix length: 129" {
		t.Fatal(err)
	}
	if p, _ := MakeSubnet(a, 32); FormatSubnet(p) != "1.2.3.4/32" {
		t.Fatal(p)
	}
	if p, _ := MakeSubnet(a, 16); FormatSubnet(p) != "1.2.0.0/16" {
		t.Fatal(p)
	}
}

func TestSlicing(t *testing.T) {
	for _, tc := range []struct {
		first, last int64
		want        string
	}{
		{1, 3, "bc"}, {0, 5, "abcde"}, {0, -1, "abcd"}, {-2, 5, "de"}, {-10, 2, "ab"},
		{2, 100, "cde"}, {3, 1, ""}, {-1, -3, ""}, {5, 5, ""},
	} {
		if got := SliceString("abcde", tc.first, tc.last); got != tc.want {
			t.Errorf("slice [%d:%d] = %q, want %q", tc.first, tc.last, got, tc.want)
		}
	}
	for _, tc := range []struct {
		i    int64
		want string
	}{{0, "a"}, {-1, "e"}, {-5, "a"}, {-6, ""}, {5, ""}} {
		if got := IndexString("abcde", tc.i); got != tc.want {
			t.Errorf("s[%d] = %q", tc.i, got)
		}
	}
	if _, ok := VectorIndex(-7, 5); ok {
		t.Error("v[-7]")
	}
	if i, ok := VectorIndex(-1, 5); !ok || i != 4 {
		t.Error("v[-1]")
	}
	vt := &types.VectorType{Elem: types.CountType}
	v := &Vector{Type: vt, Elems: []Value{Count(1), Count(2), Count(3)}}
	s := SliceVector(v, 1, -0+3)
	s.Elems[0] = Count(9)
	if Render(Value{P: s}, vt, ModePrint) != "[9, 3]" || v.Elems[1].Count() != 2 {
		t.Error("vector slice")
	}
}

func TestSetOps(t *testing.T) {
	a := mkSet(types.CountType, Count(1), Count(2), Count(3))
	b := mkSet(types.CountType, Count(3), Count(4))
	st := a.Type
	r := func(x *Table) string { return Render(Value{P: x}, st, ModeShort) }
	if got := r(SetUnion(a, b)); got != "{1,2,3,4}" {
		t.Error(got)
	}
	if got := r(SetIntersect(a, b)); got != "{3}" {
		t.Error(got)
	}
	if got := r(SetDiff(a, b)); got != "{1,2}" {
		t.Error(got)
	}
	if SetSubset(a, b) || !SetSubset(SetIntersect(a, b), b) {
		t.Error("subset")
	}
}
