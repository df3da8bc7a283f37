package types

import (
	"fmt"
	"testing"

	"github.com/gobro/gobro/lang/ast"
)

func TestString(t *testing.T) {
	r := NewRecord("")
	r.AddField(&Field{Name: "a", Type: AddrType})
	r.AddField(&Field{Name: "b", Type: PortType})
	named := NewRecord("conn_id")
	for _, tc := range []struct {
		t    Type
		want string
	}{
		{NewSet(CountType), "set[count]"},
		{NewSet(AddrType, PortType), "set[addr,port]"},
		{NewTable(CountType, StringType), "table[string] of count"},
		{&VectorType{Elem: StringType}, "vector of string"},
		{r, "record { a:addr; b:port; }"},
		{named, "conn_id"},
		{NewSet(named), "set[conn_id]"},
		{&FuncType{Flavor: ast.Function, Params: []*Param{{Name: "i", Type: CountType}}, Result: StringType}, "function(i:count) : string"},
		{&FuncType{Flavor: ast.Function, Result: &FuncType{Flavor: ast.Function, Params: []*Param{{Name: "ts", Type: TimeType}}, Result: TimeType}}, "function() : function(ts:time) : time"},
		{&FuncType{Flavor: ast.Event, Params: []*Param{{Name: "c", Type: named}}}, "event(c:conn_id)"},
		{&OpaqueType{Name: "Broker::Store"}, "opaque of Broker::Store"},
		{Alias("addr_set", NewSet(AddrType)), "addr_set"},
		{IntervalType, "interval"},
	} {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
	if got := Describe(Alias("addr_set", NewSet(AddrType))); got != "set[addr]" {
		t.Errorf("Describe(alias) = %q", got)
	}
}

func TestIdentical(t *testing.T) {
	r1, r2 := NewRecord("A"), NewRecord("B")
	r1.AddField(&Field{Name: "x", Type: CountType})
	r2.AddField(&Field{Name: "x", Type: CountType})
	self := NewRecord("S")
	self.AddField(&Field{Name: "next", Type: &VectorType{Elem: self}})
	self2 := NewRecord("S2")
	self2.AddField(&Field{Name: "next", Type: &VectorType{Elem: self2}})
	for _, tc := range []struct {
		a, b Type
		want bool
	}{
		{Alias("addr_set", NewSet(AddrType)), NewSet(AddrType), true},
		{NewSet(AddrType), NewSet(SubnetType), false},
		{NewSet(AddrType), NewTable(AddrType, AddrType), false},
		{NewTable(CountType, StringType), NewTable(CountType, StringType), true},
		{r1, r2, true},
		{self, self2, true},
		{CountType, IntType, false},
		{&OpaqueType{Name: "x"}, &OpaqueType{Name: "x"}, true},
		{&FuncType{Flavor: ast.Function, Params: []*Param{{Name: "a", Type: CountType}}, Result: VoidType},
			&FuncType{Flavor: ast.Function, Params: []*Param{{Name: "b", Type: CountType}}}, true},
		{&FuncType{Flavor: ast.Event}, &FuncType{Flavor: ast.Hook}, false},
	} {
		if got := Identical(tc.a, tc.b); got != tc.want {
			t.Errorf("Identical(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}

func TestPromotable(t *testing.T) {
	opt := NewRecord("R")
	opt.AddField(&Field{Name: "a", Type: CountType})
	opt.AddField(&Field{Name: "b", Type: StringType, Optional: true})
	small := NewRecord("")
	small.AddField(&Field{Name: "a", Type: CountType})
	bad := NewRecord("")
	bad.AddField(&Field{Name: "c", Type: CountType})
	for _, tc := range []struct {
		from, to Type
		want     bool
	}{
		{CountType, IntType, true},
		{CountType, DoubleType, true},
		{IntType, DoubleType, true},
		{DoubleType, CountType, false},
		{IntType, CountType, false},
		{StringType, AnyType, true},
		{ErrorType, StringType, true},
		{StringType, AddrType, false},
		{small, opt, true},
		{bad, opt, false},
		{opt, small, false},
	} {
		if got := Promotable(tc.from, tc.to); got != tc.want {
			t.Errorf("Promotable(%s, %s) = %v", tc.from, tc.to, got)
		}
	}
}

// A record type stops at MaxRecordFields, which value.Record's 16-bit
// slot counts rely on.
func TestRecordFieldLimit(t *testing.T) {
	r := NewRecord("R")
	for i := range MaxRecordFields {
		if err := r.AddField(&Field{Name: fmt.Sprint("f", i), Type: CountType}); err != nil {
			t.Fatalf("field %d: %v", i, err)
		}
	}
	err := r.AddField(&Field{Name: "one_more", Type: CountType})
	if err == nil || err.Error() != "record type has more than 65535 fields" {
		t.Fatalf("field past the limit: %v", err)
	}
}

func TestRecordGrowth(t *testing.T) {
	r := NewRecord("R")
	r.AddField(&Field{Name: "a", Type: CountType})
	if err := r.AddField(&Field{Name: "a", Type: CountType}); err == nil || err.Error() != `duplicate field "a"` {
		t.Fatalf("duplicate field: %v", err)
	}
	r.AddField(&Field{Name: "b", Type: CountType, Optional: true, Redef: true})
	if f := r.Field("b"); f == nil || f.Offset != 1 || r.NumFields() != 2 {
		t.Fatalf("field b: %+v", f)
	}
}

func TestEnum(t *testing.T) {
	e := NewEnum("Intel::Type")
	a := e.Add("Intel::ADDR", -1)
	b := e.Add("Intel::URL", 5)
	c := e.Add("Conn::IN_ORIG", -1)
	if a.Value != 0 || b.Value != 5 || c.Value != 6 {
		t.Fatalf("values %d %d %d", a.Value, b.Value, c.Value)
	}
	if e.Add("Intel::ADDR", -1) != nil {
		t.Fatal("duplicate name accepted")
	}
	if e.Lookup("Conn::IN_ORIG") != c || e.NameOf(5) != "Intel::URL" {
		t.Fatal("lookup")
	}
}
