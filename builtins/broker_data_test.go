package builtins

import (
	"encoding/hex"
	"net/netip"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/value"
)

// TestToBrokerEncoding checks what script values become, by the bytes
// Broker stores for them (FORMAT.md §2, §4).
func TestToBrokerEncoding(t *testing.T) {
	et := types.NewEnum("Broker::BackendType")
	et.Add("Broker::MEMORY", 0)
	et.Add("Broker::SQLITE", 1)
	rt := types.NewRecord("R")
	rt.AddField(&types.Field{Name: "a", Type: types.CountType})
	rt.AddField(&types.Field{Name: "b", Type: types.StringType, Optional: true})
	rec := value.NewRecord(rt)
	rec.SetField(0, value.Count(1))
	multi := value.NewTable(types.NewSet(types.CountType, types.StringType))
	multi.Add([]value.Value{value.Count(2), value.String("x")})
	set := value.NewTable(types.NewSet(types.CountType))
	set.Add1(value.Count(3))
	set.Add1(value.Count(1))

	for _, c := range []struct {
		v    value.Value
		t    types.Type
		want string
	}{
		{value.Bool(true), types.BoolType, "0101"},
		{value.Count(7), types.CountType, "020000000000000007"},
		{value.Int(-1), types.IntType, "03ffffffffffffffff"},
		{value.Double(1.5), types.DoubleType, "043ff8000000000000"},
		{value.String("ab"), types.StringType, "05026162"},
		{value.Addr(netip.MustParseAddr("192.168.1.10")), types.AddrType, "0600000000000000000000ffffc0a8010a"},
		{value.Subnet(netip.MustParsePrefix("10.1.2.3/8")), types.SubnetType, "0700000000000000000000ffff0a00000068"},
		{value.Port(53, value.ProtoUDP), types.PortType, "08003502"},
		{value.Time(1.5), types.TimeType, "090000000059682f00"},
		{value.Interval(-5), types.IntervalType, "0afffffffed5fa0e00"},
		{value.Enum(1), et, "0b0e42726f6b65723a3a53514c495445"},
		{value.Value{P: rec}, rt, "0e0202000000000000000100"},
		{value.Value{P: set}, set.Type, "0c02020000000000000001020000000000000003"},
		{value.Value{P: multi}, multi.Type, "0c010e02020000000000000002050178"},
		{value.Box(value.Count(7), types.CountType), types.AnyType, "020000000000000007"},
	} {
		d, ok := ToBroker(c.v, c.t)
		if !ok {
			t.Errorf("%s: no conversion", c.want)
			continue
		}
		if got := hex.EncodeToString(broker.Encode(d)); got != c.want {
			t.Errorf("%s value: got %s, want %s", c.t, got, c.want)
		}
		back, ok := FromBroker(d, c.t)
		if c.t.Kind() == types.Any {
			continue
		}
		if !ok || !value.Equal(back, c.v, c.t) {
			t.Errorf("%s: %s does not convert back", c.t, c.want)
		}
	}
}

// TestBrokerConversionFailures: what has no Broker form, and data that
// is not of the type asked for.
func TestBrokerConversionFailures(t *testing.T) {
	vt := &types.VectorType{Elem: types.CountType}
	holes := &value.Vector{Type: vt, Elems: []value.Value{value.Count(1), value.None}}
	if _, ok := ToBroker(value.Value{P: holes}, vt); ok {
		t.Error("a vector with a hole converted")
	}
	if _, ok := ToBroker(value.Value{P: &value.Func{Name: "lambda_<0x1>"}}, &types.FuncType{}); ok {
		t.Error("a lambda converted")
	}
	for _, c := range []struct {
		d broker.Data
		t types.Type
	}{
		{broker.Count(1), types.IntType},
		{broker.Integer(1), types.CountType},
		{broker.String("x"), types.AddrType},
		{broker.NewSet(broker.String("x")), types.NewSet(types.AddrType)},
		{broker.Vector{broker.Count(1)}, types.NewSet(types.CountType)},
		{broker.Enum("Nope::X"), types.NewEnum("E")},
	} {
		if v, ok := FromBroker(c.d, c.t); ok {
			t.Errorf("%s as %s gave %v", BrokerText(c.d), c.t, v)
		}
	}
	_, err := CastBrokerData(value.Value{P: value.NewRecord(types.NewRecord("Broker::Data"))}, types.CountType)
	if err == nil || err.Error() != "invalid cast of value with type 'Broker::Data' to type 'count' (nil field)" {
		t.Errorf("cast of empty data: %v", err)
	}
}

// Patterns and functions convert one way, as FORMAT.md §4 describes
// Zeek's stores: a pattern as its exact and anywhere texts, a function
// by name.
func TestToBrokerPatternAndFunction(t *testing.T) {
	p := value.MustPattern("a+b", false, false)
	d, ok := ToBroker(value.Value{P: p}, types.PatternType)
	if !ok || broker.Render(d) != `[^?(a+b)$?, ^?(.|\n)*(a+b)]` {
		t.Errorf("pattern: %v %v", d, ok)
	}
	f := &value.Func{Name: "Known::get_host", Type: &types.FuncType{Result: types.BoolType}}
	d, ok = ToBroker(value.Value{P: f}, f.Type)
	if !ok || broker.Render(d) != "[Known::get_host]" {
		t.Errorf("function: %v %v", d, ok)
	}
}
