package builtins

import (
	"math"
	"net/netip"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/logging"
	"github.com/gobro/gobro/runtime/value"
)

type fakeOpaque struct{}

func (fakeOpaque) OpaqueName() string { return "TopkVal" }

func toJSON(t *testing.T, v value.Value, vt types.Type, onlyLoggable bool, intervalAsDouble bool) string {
	t.Helper()
	got, err := call(t, nil, "to_json", value.Box(v, vt), B(onlyLoggable), pat("^_"), B(intervalAsDouble))
	if err != nil {
		t.Fatalf("to_json: %v", err)
	}
	return got.Str()
}

// Expected values from Zeek's B:scripts.base.utils.json/output (to_json on
// every type) and rendering.md §3.4 (doubles, string escaping).
func TestToJSON(t *testing.T) {
	myrec1 := types.NewRecord("myrec1")
	myrec1.AddField(&types.Field{Name: "c", Type: types.CountType, Optional: true})
	myrec1.AddField(&types.Field{Name: "s", Type: types.StringType, Log: true})
	myrec2 := types.NewRecord("myrec2")
	myrec2.AddField(&types.Field{Name: "m", Type: myrec1, Log: true})
	rec1 := func(c value.Value, s string) value.Value {
		return value.Value{P: value.RecordOf(myrec1, []value.Value{c, S(s)})}
	}
	vec := func(et types.Type, elems ...value.Value) (value.Value, types.Type) {
		vt := &types.VectorType{Elem: et}
		return value.Value{P: &value.Vector{Type: vt, Elems: elems}}, vt
	}
	set := func(st *types.TableType, keys ...[]value.Value) value.Value {
		tab := value.NewTable(st)
		for _, k := range keys {
			tab.Add(k)
		}
		return value.Value{P: tab}
	}
	tab := func(tt *types.TableType, kv ...value.Value) value.Value {
		tb := value.NewTable(tt)
		for i := 0; i+1 < len(kv); i += 2 {
			tb.Put1(kv[i], kv[i+1])
		}
		return value.Value{P: tb}
	}
	addr := func(s string) value.Value { return value.Addr(netip.MustParseAddr(s)) }
	subnet := func(s string) value.Value { return value.Subnet(netip.MustParsePrefix(s)) }

	ve1, vt := vec(types.CountType)
	ve2, _ := vec(types.CountType, C(2), C(1))
	ve3, vta := vec(types.AddrType, addr("1.2.3.4"))
	setBool := types.NewSet(types.BoolType)
	ve4, vts := vec(setBool, set(setBool, []value.Value{B(true)}, []value.Value{B(false)}))
	ve5, vtr := vec(myrec1, rec1(C(2), "test"))
	ve6, _ := vec(types.CountType, C(0), value.None, C(2))
	setCount := types.NewSet(types.CountType)
	setAddr := types.NewSet(types.AddrType)
	setRec := types.NewSet(myrec1)
	setSC := types.NewSet(types.StringType, types.CountType)
	tCA := types.NewTable(types.AddrType, types.CountType)
	tSC := types.NewTable(types.CountType, types.StringType)
	tAT := types.NewTable(tSC, types.AddrType)
	tAV := types.NewTable(vt, types.AddrType)
	tCR := types.NewTable(myrec1, types.CountType)
	multi := types.NewTable(types.BoolType, types.StringType, types.CountType)

	tests := []struct {
		v    value.Value
		t    types.Type
		log  bool
		want string
	}{
		{B(true), types.BoolType, false, "true"},
		{C(123), types.CountType, false, "123"},
		{I(-999), types.IntType, false, "-999"},
		{D(3.14), types.DoubleType, false, "3.14"},
		{D(-1.23456789e308), types.DoubleType, false, "-1.23456789e308"},
		{D(9e-308), types.DoubleType, false, "9e-308"},
		{value.Time(1480788576.868945), types.TimeType, false, "1480788576.868945"},
		{value.Interval(-12 * 3600), types.IntervalType, false, `"-12.0 hrs"`},
		{S("hello"), types.StringType, false, `"hello"`},
		{S(""), types.StringType, false, `""`},
		{value.Port(65535, value.ProtoTCP), types.PortType, false, `{"port":65535,"proto":"tcp"}`},
		{value.Port(1, value.ProtoUDP), types.PortType, false, `{"port":1,"proto":"udp"}`},
		{value.Port(123, value.ProtoICMP), types.PortType, false, `{"port":123,"proto":"icmp"}`},
		{value.Port(0, value.ProtoUnknown), types.PortType, false, `{"port":0,"proto":"unknown"}`},
		{addr("1.2.3.4"), types.AddrType, false, `"1.2.3.4"`},
		{addr("ffff:1234::1"), types.AddrType, false, `"ffff:1234::1"`},
		{addr("::ffff:123.123.123.123"), types.AddrType, false, `"123.123.123.123"`},
		{subnet("192.0.0.0/8"), types.SubnetType, false, `"192.0.0.0/8"`},
		{subnet("fe80::/64"), types.SubnetType, false, `"fe80::/64"`},
		{value.Enum(0), testColor, false, `"Red"`},
		{pat("^abcd"), types.PatternType, false, `"/^?(^abcd)$?/"`},
		{rec1(C(100), "test"), myrec1, false, `{"c":100,"s":"test"}`},
		{rec1(C(100), "test"), myrec1, true, `{"s":"test"}`},
		{rec1(value.None, "test"), myrec1, false, `{"s":"test"}`},
		{value.Value{P: value.RecordOf(myrec2, []value.Value{rec1(C(15), "test")})}, myrec2, true, `{"m":{"s":"test"}}`},
		{ve1, vt, false, "[]"},
		{ve2, vt, false, "[2,1]"},
		{ve3, vta, false, `["1.2.3.4"]`},
		{ve4, vts, false, "[[true,false]]"},
		{ve5, vtr, true, `[{"s":"test"}]`},
		{ve6, vt, false, "[0,null,2]"},
		{set(setCount), setCount, false, "[]"},
		{set(setCount, []value.Value{C(2)}, []value.Value{C(1)}), setCount, false, "[2,1]"},
		{set(setAddr, []value.Value{addr("1.2.3.4")}), setAddr, false, `["1.2.3.4"]`},
		{set(setRec, []value.Value{rec1(C(2), "test")}), setRec, true, `[{"s":"test"}]`},
		{set(setSC, []value.Value{S("three"), C(3)}, []value.Value{S("one"), C(1)}), setSC, false, `[["three",3],["one",1]]`},
		{tab(tCA), tCA, false, "{}"},
		{tab(tCA, C(2), addr("10.2.2.2"), C(1), addr("10.1.1.1")), tCA, false, `{"2":"10.2.2.2","1":"10.1.1.1"}`},
		{tab(tAT, addr("10.1.1.1"), tab(tSC, S("a"), C(1))), tAT, false, `{"10.1.1.1":{"a":1}}`},
		{tab(tAV, addr("10.1.1.1"), func() value.Value { v, _ := vec(types.CountType, C(1), C(2)); return v }()), tAV, false, `{"10.1.1.1":[1,2]}`},
		{tab(tCR, C(1), rec1(C(2), "test")), tCR, true, `{"1":{"s":"test"}}`},
		{value.Value{P: fakeOpaque{}}, &types.OpaqueType{Name: "topk"}, false, `{"opaque_type":"TopkVal"}`},
		// Our choices where there is no baseline.
		{func() value.Value {
			tb := value.NewTable(multi)
			tb.Put([]value.Value{S("a"), C(1)}, B(true))
			return value.Value{P: tb}
		}(), multi, false, `{"[\"a\",1]":true}`},
		{value.Value{P: types.CountType}, types.AnyType, false, `"count"`},
	}
	for _, tc := range tests {
		if got := toJSON(t, tc.v, tc.t, tc.log, false); got != tc.want {
			t.Errorf("to_json(%s) = %s, want %s", value.Render(tc.v, tc.t, value.ModeShort), got, tc.want)
		}
	}
	if got := toJSON(t, value.Interval(-12*3600), types.IntervalType, false, true); got != "-43200.0" {
		t.Errorf("to_json(-12hr, interval_as_double) = %s", got)
	}
	// field_escape_pattern cuts the first match from field names.
	r := types.NewRecord("r")
	r.AddField(&types.Field{Name: "_path", Type: types.StringType})
	r.AddField(&types.Field{Name: "a_b", Type: types.CountType})
	rv := value.Value{P: value.RecordOf(r, []value.Value{S("x"), C(1)})}
	if got := toJSON(t, rv, r, false, false); got != `{"path":"x","a_b":1}` {
		t.Errorf("to_json(escape) = %s", got)
	}
	got, _ := call(t, nil, "to_json", value.Box(rv, r), B(false), pat("_"), B(false))
	if got.Str() != `{"path":"x","ab":1}` {
		t.Errorf("to_json(escape /_/) = %s", got.Str())
	}
}

// rendering.md §3.4 (B:…logging.ascii-double/json.log and
// B:…logging.ascii-json-utf8/ssh.log.hex).
func TestJSONScalars(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{3140000000000000, "3140000000000000.0"},
		{1.123456789, "1.123456789"},
		{2153226000.123457, "2153226000.123457"},
		{0.0000123456789, "0.0000123456789"},
		{0.000001, "0.000001"},
		{1e-7, "1e-7"},
		{1.79e308, "1.79e308"},
		{2.23e-308, "2.23e-308"},
		{1e21, "1e21"},
		{123456789012345678901.0, "123456789012345680000.0"},
		{-2.5, "-2.5"},
		{100, "100.0"},
		{math.Inf(1), "null"},
		{math.NaN(), "null"},
	} {
		if got := string(logging.AppendJSONDouble(nil, tc.x)); got != tc.want {
			t.Errorf("json double %v = %s, want %s", tc.x, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"\b\f\n\r\t\x00\x15", `"\b\f\n\r\t\\x00\\x15"`},
		{"\xc3\x28", `"\\xc3("`},
		{`\\`, `"\\\\"`},
		{"a rocket 🚀!\x00 NUL\x00", `"a rocket \\xf0\\x9f\\x9a\\x80!\\x00 NUL\\x00"`},
		{"héllo \"q\"", `"héllo \"q\""`},
	} {
		if got := string(logging.AppendJSONString(nil, tc.in)); got != tc.want {
			t.Errorf("json string %q = %s, want %s", tc.in, got, tc.want)
		}
	}
}
