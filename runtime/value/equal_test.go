package value

import (
	"math"
	"net/netip"
	"testing"

	"github.com/gobro/gobro/lang/types"
)

func TestEqual(t *testing.T) {
	rt := types.NewRecord("R")
	rt.AddField(&types.Field{Name: "a", Type: types.CountType})
	rt.AddField(&types.Field{Name: "b", Type: types.StringType, Optional: true})
	rec := func(a uint64, b Value) Value { return Value{P: RecordOf(rt, []Value{Count(a), b})} }
	s1 := mkSet(types.CountType, Count(1), Count(2))
	s2 := mkSet(types.CountType, Count(2), Count(1))
	s3 := mkSet(types.CountType, Count(2), Count(3))
	vt := &types.VectorType{Elem: types.CountType}
	f := &Func{Name: "f"}
	for _, tc := range []struct {
		a, b Value
		t    types.Type
		want bool
	}{
		{Count(1), Count(1), types.CountType, true},
		{Count(1), Count(2), types.CountType, false},
		{Double(0), Double(math.Copysign(0, -1)), types.DoubleType, true},
		{Double(math.NaN()), Double(math.NaN()), types.DoubleType, false},
		{String("a"), String("a"), types.StringType, true},
		{Addr(netip.MustParseAddr("::ffff:1.2.3.4")), Addr(netip.MustParseAddr("1.2.3.4")), types.AddrType, true},
		{Subnet(netip.MustParsePrefix("10.0.0.1/8")), Subnet(netip.MustParsePrefix("10.0.0.0/8")), types.SubnetType, true},
		{Port(80, ProtoTCP), Port(80, ProtoUDP), types.PortType, false},
		{rec(1, None), rec(1, None), rt, true},
		{rec(1, None), rec(1, String("x")), rt, false},
		{Value{P: s1}, Value{P: s2}, s1.Type, true},
		{Value{P: s1}, Value{P: s3}, s1.Type, false},
		{Value{P: &Vector{Type: vt, Elems: []Value{Count(1), None}}}, Value{P: &Vector{Type: vt, Elems: []Value{Count(1), None}}}, vt, true},
		{Value{P: &Vector{Type: vt, Elems: []Value{Count(1), None}}}, Value{P: &Vector{Type: vt, Elems: []Value{Count(1), Count(0)}}}, vt, false},
		{Value{P: f}, Value{P: f}, &types.FuncType{}, true},
		{Box(Count(1), types.CountType), Box(Count(1), types.CountType), types.AnyType, true},
		{Box(Count(1), types.CountType), Box(Int(1), types.IntType), types.AnyType, false},
		{None, None, types.CountType, true},
		{None, Count(0), types.CountType, false},
	} {
		if got := Equal(tc.a, tc.b, tc.t); got != tc.want {
			t.Errorf("Equal(%s, %s) = %v", Render(tc.a, tc.t, ModeShort), Render(tc.b, tc.t, ModeShort), got)
		}
	}
}

func TestCopy(t *testing.T) {
	rt := types.NewRecord("R")
	rt.AddField(&types.Field{Name: "n", Type: types.CountType})
	rt.AddField(&types.Field{Name: "self", Type: rt, Optional: true})
	tt := types.NewTable(rt, types.StringType)
	rt.AddField(&types.Field{Name: "tab", Type: tt, Optional: true})
	r := RecordOf(rt, []Value{Count(1), None, None})
	r.SetField(1, Value{P: r})
	tab := NewTable(tt)
	tab.Put1(String("me"), Value{P: r})
	r.SetField(2, Value{P: tab})

	c := Copy(Value{P: r}, rt).P.(*Record)
	if c == r || c.Field(1).P != c {
		t.Fatal("cycle not preserved")
	}
	ct := c.Field(2).P.(*Table)
	if ct == tab {
		t.Fatal("table shared")
	}
	if v, _ := ct.Get1(String("me")); v.P != c {
		t.Fatal("shared substructure not mapped to the copy")
	}
	c.SetField(0, Count(2))
	if r.Field(0).Count() != 1 {
		t.Fatal("copy aliases original")
	}
	if !Equal(Value{P: r}, Copy(Value{P: r}, rt), rt) {
		t.Fatal("copy not equal")
	}
	// A copied table is independent and keeps its order.
	s := mkSet(types.StringType, String("b"), String("a"))
	cs := Copy(Value{P: s}, s.Type).P.(*Table)
	cs.Add1(String("c"))
	s.Delete1(String("b"))
	if got := Render(Value{P: cs}, s.Type, ModeShort); got != "{b,a,c}" {
		t.Fatalf("copy: %s", got)
	}
	if got := Render(Value{P: s}, s.Type, ModeShort); got != "{a}" {
		t.Fatalf("orig: %s", got)
	}
	// Subnet tables keep their prefix index.
	sn := NewTable(types.NewSet(types.SubnetType))
	sn.Add1(Subnet(netip.MustParsePrefix("10.0.0.0/8")))
	csn := Copy(Value{P: sn}, sn.Type).P.(*Table)
	if !csn.ContainsAddr(netip.MustParseAddr("10.1.1.1")) {
		t.Fatal("copied subnet set")
	}
}
