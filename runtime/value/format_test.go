package value

import (
	"math"
	"net/netip"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

func TestFormatDouble(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{5.0, "5.0"}, {1.0, "1.0"}, {0.000005, "0.000005"}, {0.0005, "0.0005"},
		{0.0000005, "5e-07"}, {0.000000000001, "1e-12"}, {3.14e15, "3.14e+15"},
		{-3.14e15, "-3.14e+15"}, {math.Inf(1), "inf"}, {math.Inf(-1), "-inf"},
		{math.NaN(), "nan"}, {3.139244209995776e+15, "3.139244209995776e+15"},
		{0.000001, "0.000001"}, {-60, "-60.0"}, {3600, "3600.0"},
		{1234563.14, "1234563.14"}, {1660671192.0, "1660671192.0"}, {0, "0.0"},
		{math.Copysign(0, -1), "0.0"}, {1.0000004, "1"}, {1.23456789e-7, "1.23457e-07"},
		{2385642157, "2.385642157e+09"}, {1e10, "1e+10"}, {-2.5, "-2.5"},
	} {
		if got := FormatDouble(tc.in); got != tc.want {
			t.Errorf("FormatDouble(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatInterval(t *testing.T) {
	const usec = 1e-6
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0 secs"},
		{0.12345678912345 * usec, "0.123457 usecs"},
		{-0.12345678912345 * usec, "-0.123457 usecs"},
		{0.12345678912345 * usec * 10000, "1.0 msec 234.567891 usecs"},
		{-0.12345678912345 * usec * 10000 * 10000, "-12.0 secs -345.0 msecs -678.912345 usecs"},
		{1.001 * usec * 1000, "1.0 msec 1.0 usec"},
		{1.1 * usec * 10000, "11.0 msecs"},
		{8.5 * 86400, "8.0 days 12.0 hrs"},
		{5.5, "5.0 secs 500.0 msecs"},
		{3.5 * usec, "3.5 usecs"},
		{2*86400 + 2, "2.0 days 2.0 secs"},
		{3 * 3600, "3.0 hrs"},
		{-60, "-1.0 min"},
	} {
		if got := FormatInterval(tc.in); got != tc.want {
			t.Errorf("FormatInterval(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatAddr(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"::ffff:192.168.1.100", "192.168.1.100"},
		{"::ffff:ffff", "::255.255.255.255"},
		{"::0a0a:ffff", "::10.10.255.255"},
		{"::ffff", "::ffff"},
		{"ffff::192.168.1.100", "ffff::c0a8:164"},
		{"::ffff:0:192.168.1.100", "::ffff:0:192.168.1.100"},
		{"805B:2D9D:DC28::FC57:212.200.31.255", "805b:2d9d:dc28::fc57:d4c8:1fff"},
		{"aaaa:bbbb:cccc:dddd:eeee:ffff:0:2222", "aaaa:bbbb:cccc:dddd:eeee:ffff:0:2222"},
		{"aaaa:bbbb:cccc:dddd:eeee:0:0:2222", "aaaa:bbbb:cccc:dddd:eeee::2222"},
		{"::", "::"}, {"::1", "::1"}, {"fe00::1", "fe00::1"},
		{"1:0:0:2:0:0:0:3", "1:0:0:2::3"}, {"1:0:0:2:2:0:0:3", "1::2:2:0:0:3"},
		{"2001:db8::", "2001:db8::"},
	} {
		a := netip.MustParseAddr(tc.in)
		if got := Render(Addr(a), types.AddrType, ModePrint); got != tc.want {
			t.Errorf("addr %s = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"127.0.0.1/24", "127.0.0.0/24"}, {"1.2.3.4/32", "1.2.3.4/32"},
		{"192.168.0.0/16", "192.168.0.0/16"}, {"::/1", "::/1"}, {"2001:db8::1/32", "2001:db8::/32"},
	} {
		p := netip.MustParsePrefix(tc.in)
		if got := Render(Subnet(p), types.SubnetType, ModePrint); got != tc.want {
			t.Errorf("subnet %s = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func testEnum() *types.EnumType {
	e := types.NewEnum("E")
	e.Add("ONE", -1)
	e.Add("TEST::TWO", -1)
	return e
}

func mkSet(elem types.Type, keys ...Value) *Table {
	tab := NewTable(types.NewSet(elem))
	for _, k := range keys {
		tab.Add1(k)
	}
	return tab
}

func TestRenderScalars(t *testing.T) {
	e := testEnum()
	for _, tc := range []struct {
		v    Value
		t    types.Type
		mode Mode
		want string
	}{
		{Bool(true), types.BoolType, ModePrint, "T"},
		{Bool(false), types.BoolType, ModePrint, "F"},
		{Count(math.MaxUint64), types.CountType, ModePrint, "18446744073709551615"},
		{Int(math.MinInt64), types.IntType, ModePrint, "-9223372036854775808"},
		{Int(-42), types.IntType, ModePrint, "-42"},
		{Time(1660671192), types.TimeType, ModePrint, "1660671192.0"},
		{String("Test \x00string"), types.StringType, ModePrint, `Test \x00string`},
		{String(`AB\xffCD` + "\x00"), types.StringType, ModePrint, `AB\xffCD\x00`},
		{String("foo \016 bar"), types.StringType, ModePrint, `foo \x0e bar`},
		{String("O\x85\xe0C\x00\x1f !\"#$%&'"), types.StringType, ModePrint, `O\x85\xe0C\x00\x1f !"#$%&'`},
		{String("\x00\x1f"), types.StringType, ModeRaw, "\x00\x1f"},
		{String("a\nb"), types.StringType, ModeShort, `a\x0ab`},
		{Port(123, ProtoUDP), types.PortType, ModePrint, "123/udp"},
		{Port(256, ProtoICMP), types.PortType, ModePrint, "256/icmp"},
		{Port(0, ProtoUnknown), types.PortType, ModePrint, "0/unknown"},
		{Port(22, ProtoTCP), types.PortType, ModePrint, "22/tcp"},
		{Enum(0), e, ModePrint, "ONE"},
		{Enum(1), e, ModeRaw, "TEST::TWO"},
		{Value{P: MustPattern("a", false, false)}, types.PatternType, ModePrint, "/^?(a)$?/"},
		{Value{P: MustPattern("^foo|bar", false, false)}, types.PatternType, ModePrint, "/^?(^foo|bar)$?/"},
		{Value{P: MustPattern(".*PATTERN.*", false, false)}, types.PatternType, ModePrint, "/^?(.*PATTERN.*)$?/"},
		{Value{P: &File{Name: "otherfile"}}, types.FileType, ModePrint, `file "otherfile" of string`},
		{Value{P: testOpaque{}}, &types.OpaqueType{Name: "x"}, ModePrint, "<opaque of BackendHandleVal>"},
		{Box(String("Foo"), types.StringType), types.AnyType, ModePrint, "Foo"},
		{None, types.CountType, ModePrint, "<uninitialized>"},
	} {
		if got := Render(tc.v, tc.t, tc.mode); got != tc.want {
			t.Errorf("Render(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

type testOpaque struct{}

func (testOpaque) OpaqueName() string { return "BackendHandleVal" }

func TestRenderRecord(t *testing.T) {
	inner := types.NewRecord("I")
	inner.AddField(&types.Field{Name: "a", Type: types.StringType})
	rt := types.NewRecord("R")
	rt.AddField(&types.Field{Name: "s1", Type: types.StringType})
	rt.AddField(&types.Field{Name: "i1", Type: inner})
	rt.AddField(&types.Field{Name: "donotset", Type: types.CountType, Optional: true})
	rt.AddField(&types.Field{Name: "ip", Type: types.SubnetType})
	r := RecordOf(rt, []Value{
		String("s1"), {P: RecordOf(inner, []Value{String("a")})}, None,
		Subnet(netip.MustParsePrefix("127.0.0.1/24")),
	})
	want := "[s1=s1, i1=[a=a], donotset=<uninitialized>, ip=127.0.0.0/24]"
	if got := Render(Value{P: r}, rt, ModePrint); got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	// A field added by redef after the record was made, with a default.
	rt.AddField(&types.Field{Name: "def", Type: types.CountType, Default: &ast.BasicLit{Kind: ast.LitCount, Value: "5"}, Redef: true})
	p := Printer{FieldDefault: func(f *types.Field) (Value, bool) { return Count(5), true }}
	want = "[s1=s1, i1=[a=a], donotset=<uninitialized>, ip=127.0.0.0/24, def=5]"
	if got := string(p.Append(nil, Value{P: r}, rt)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Render(Value{P: r}, rt, ModePrint); got != want[:len(want)-2]+"<uninitialized>]" {
		t.Errorf("without callback: %q", got)
	}

	empty := types.NewRecord("")
	if got := Render(Value{P: &Record{Type: empty}}, empty, ModePrint); got != "[]" {
		t.Errorf("empty record: %q", got)
	}

	// Cycles.
	cyc := types.NewRecord("C")
	cyc.AddField(&types.Field{Name: "val", Type: types.CountType})
	cyc.AddField(&types.Field{Name: "a", Type: cyc, Optional: true})
	c := RecordOf(cyc, []Value{Count(1), None})
	c.SetField(1, Value{P: c})
	if got := Render(Value{P: c}, cyc, ModePrint); got != "[val=1, a=<cycle>]" {
		t.Errorf("cycle: %q", got)
	}
	vt := &types.VectorType{Elem: types.AnyType}
	v := &Vector{Type: vt}
	v.Elems = []Value{Box(Value{P: v}, vt)}
	if got := Render(Value{P: v}, vt, ModePrint); got != "[<cycle>]" {
		t.Errorf("vector cycle: %q", got)
	}
	tt := types.NewTable(types.AnyType, types.CountType)
	tab := NewTable(tt)
	tab.Put1(Count(1), Box(Value{P: tab}, tt))
	if got := Render(Value{P: tab}, tt, ModePrint); got != "{\n[1] = <cycle>\n}" {
		t.Errorf("table cycle: %q", got)
	}
}

func TestRenderVector(t *testing.T) {
	vs := &types.VectorType{Elem: types.StringType}
	v := &Vector{Type: vs, Elems: []Value{None, String("foo"), String("bar"), None, String("baz")}}
	if got := Render(Value{P: v}, vs, ModePrint); got != "[, foo, bar, , baz]" {
		t.Errorf("holes: %q", got)
	}
	vc := &types.VectorType{Elem: types.CountType}
	if got := Render(Value{P: &Vector{Type: vc, Elems: []Value{Count(10), None, Count(20)}}}, vc, ModePrint); got != "[10, , 20]" {
		t.Errorf("sparse: %q", got)
	}
	if got := Render(Value{P: &Vector{Type: vc}}, vc, ModePrint); got != "[]" {
		t.Errorf("empty: %q", got)
	}
	va := &types.VectorType{Elem: types.AddrType}
	if got := Render(Value{P: &Vector{Type: va, Elems: []Value{
		Addr(netip.MustParseAddr("74.53.140.153")), Addr(netip.MustParseAddr("10.10.1.4"))}}}, va, ModePrint); got != "[74.53.140.153, 10.10.1.4]" {
		t.Errorf("addrs: %q", got)
	}
}

func TestRenderTable(t *testing.T) {
	tt := types.NewTable(types.StringType, types.CountType)
	tab := NewTable(tt)
	tab.Put1(Count(3), String("three"))
	tab.Put1(Count(1), String("one"))
	tab.Put1(Count(5), String("five"))
	tv := Value{P: tab}
	check := func(name string, v Value, typ types.Type, mode Mode, want string) {
		t.Helper()
		if got := Render(v, typ, mode); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	check("print", tv, tt, ModePrint, "{\n[3] = three,\n[1] = one,\n[5] = five\n}")
	check("raw", tv, tt, ModeRaw, "{\n\t[3] = three,\n\t[1] = one,\n\t[5] = five\n}")
	check("short", tv, tt, ModeShort, "{[3] = three,[1] = one,[5] = five}")

	cs := types.NewSet(types.CountType)
	set := mkSet(types.CountType, Count(2), Count(1), Count(3))
	check("raw set", Value{P: set}, cs, ModeRaw, "{\n\t2,\n\t1,\n\t3\n}")
	ss := types.NewSet(types.StringType)
	check("raw string set", Value{P: mkSet(types.StringType, String("SSH"))}, ss, ModeRaw, "{\nSSH\n}")
	check("empty raw", Value{P: NewTable(ss)}, ss, ModeRaw, "{\n\n}")
	check("empty print", Value{P: NewTable(ss)}, ss, ModePrint, "{\n\n}")
	check("empty short", Value{P: NewTable(ss)}, ss, ModeShort, "{}")

	// table[count] of set[string, count]
	inner := types.NewSet(types.StringType, types.CountType)
	outer := types.NewTable(inner, types.CountType)
	o := NewTable(outer)
	s5 := NewTable(inner)
	s5.Add([]Value{String("bah"), Count(3)})
	s5.Add([]Value{String("baz"), Count(4)})
	o.Put1(Count(5), Value{P: s5})
	check("nested print", Value{P: o}, outer, ModePrint, "{\n[5] = {\n[bah, 3],\n[baz, 4]\n}\n}")
	check("nested raw", Value{P: o}, outer, ModeRaw, "{\n\t[5] = {\n\t\t[bah, 3],\n\t\t[baz, 4]\n\t}\n}")

	// Record keys are bracketed; a record holding an empty table.
	rt := types.NewRecord("R")
	rt.AddField(&types.Field{Name: "min", Type: types.CountType, Optional: true})
	rt.AddField(&types.Field{Name: "max", Type: types.CountType})
	rk := types.NewTable(types.StringType, rt)
	rtab := NewTable(rk)
	rtab.Put1(Value{P: RecordOf(rt, []Value{None, Count(2)})}, String("max2"))
	check("record key", Value{P: rtab}, rk, ModePrint, "{\n[[min=<uninitialized>, max=2]] = max2\n}")

	// Short-mode table inside a record (call stacks).
	st := types.NewTable(types.AnyType, types.CountType)
	stab := NewTable(st)
	stab.Put1(Count(2), Box(String("test"), types.StringType))
	stab.Put1(Count(5), Box(Count(3), types.CountType))
	check("short any", Value{P: stab}, st, ModeShort, "{[2] = test,[5] = 3}")
}

func TestFmt(t *testing.T) {
	set := mkSet(types.CountType, Count(2), Count(1), Count(3))
	tt := types.NewTable(types.StringType, types.CountType)
	tab := NewTable(tt)
	tab.Put1(Count(2), String("bro"))
	tab.Put1(Count(1), String("test"))
	vc := &types.VectorType{Elem: types.CountType}
	vec := &Vector{Type: vc, Elems: []Value{Count(1), Count(2), Count(3)}}
	a4 := Addr(netip.MustParseAddr("127.0.0.1"))
	a6 := Addr(netip.MustParseAddr("fe00::1"))
	sn := Subnet(netip.MustParsePrefix("192.168.0.0/16"))
	e := testEnum()
	for _, tc := range []struct {
		format string
		v      Value
		t      types.Type
		want   string
	}{
		{"*%-10s*", String("test"), types.StringType, "*test      *"},
		{"*%10s*", Bool(true), types.BoolType, "*         T*"},
		{"*%10.2e*", Double(3.14159265), types.DoubleType, "*  3.14e+00*"},
		{"*%-10.2f*", Double(-3.14159265), types.DoubleType, "*-3.14     *"},
		{"*%10.2g*", Double(3.14159265), types.DoubleType, "*       3.1*"},
		{"*%010d*", Count(128), types.CountType, "*0000000128*"},
		{"*%-10d*", Int(-128), types.IntType, "*-128      *"},
		{"*%010d*", Int(-5), types.IntType, "*-000000005*"},
		{"*%010x*", Count(160), types.CountType, "*00000000a0*"},
		{"*%10x*", Port(160, ProtoTCP), types.PortType, "*        a0*"},
		{"*%10x*", a4, types.AddrType, "*  7f000001*"},
		{"*%10x*", a6, types.AddrType, "*fe000000000000000000000000000001*"},
		{"*%10s*", sn, types.SubnetType, "*192.168.0.0/16*"},
		{"*%10s*", Interval(3 * 3600), types.IntervalType, "*   3.0 hrs*"},
		{"*%10s*", Value{P: set}, types.NewSet(types.CountType), "*{\n\t2,\n\t1,\n\t3\n}*"},
		{"*%10s*", Value{P: tab}, tt, "*{\n\t[2] = bro,\n\t[1] = test\n}*"},
		{"*%10s*", Value{P: vec}, vc, "* [1, 2, 3]*"},
		{"%e", Double(3.1e+2), types.DoubleType, "3.100000e+02"},
		{"%f", Double(3.1e+2), types.DoubleType, "310.000000"},
		{"%g", Double(3.1e+2), types.DoubleType, "310"},
		{"%.3e", Double(3.1e+2), types.DoubleType, "3.100e+02"},
		{"%g", Double(0.0001), types.DoubleType, "0.0001"},
		{"%g", Double(1e-5), types.DoubleType, "1e-05"},
		{"%g", Double(1234567), types.DoubleType, "1.23457e+06"},
		{"%f", Interval(60), types.IntervalType, "60.000000"},
		{"%d", Bool(true), types.BoolType, "1"},
		{"%d", Enum(1), e, "1"},
		{"%d", Port(80, ProtoTCP), types.PortType, "80"},
		{"%x", Int(-1), types.IntType, "ffffffffffffffff"},
		{"max double value = %.16e", Double(math.MaxFloat64), types.DoubleType, "max double value = 1.7976931348623157e+308"},
		{"%s", String("\x00\x1f"), types.StringType, "\x00\x1f"},
		{"%s", Value{P: MustPattern("^foo|bar", false, false)}, types.PatternType, "/^?(^foo|bar)$?/"},
		{"%d%%", Count(5), types.CountType, "5%"},
		{"%T", Time(1300475167.096534967), types.TimeType, "2011-03-18-19:06:07.096534967"},
		{"%D", Time(629503200), types.TimeType, "1989-12-12-22:00:00"},
		{"%s", Box(Count(3), types.CountType), types.AnyType, "3"},
		{"%d", Box(Count(3), types.CountType), types.AnyType, "3"},
	} {
		var p Printer
		got, err := p.Fmt(tc.format, []Value{tc.v}, []types.Type{tc.t}, time.UTC)
		if err != nil || got != tc.want {
			t.Errorf("fmt(%q, %v) = %q, %v; want %q", tc.format, tc.t, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		format string
		args   []Value
		types  []types.Type
		want   string
		err    error
	}{
		{"test", nil, nil, "test", nil},
		{"%%", nil, nil, "%", nil},
		{"", nil, nil, "", nil},
		{"%s %s", []Value{Count(1)}, []types.Type{types.CountType}, "", ErrFmtTooFew},
		{"%s", []Value{Count(1), Count(2)}, []types.Type{types.CountType, types.CountType}, "", ErrFmtTooMany},
		{"a%db", []Value{String("x")}, []types.Type{types.StringType}, "ab", ErrFmtIntType},
		{"a%fb", []Value{String("x")}, []types.Type{types.StringType}, "ab", ErrFmtFloatType},
		{"a%Db", []Value{Double(1)}, []types.Type{types.DoubleType}, "ab", ErrFmtTimeType},
		{"a%Ab", []Value{Count(1)}, []types.Type{types.CountType}, "ab", ErrFmtBadFormat},
		{"a%.2db", []Value{Count(1)}, []types.Type{types.CountType}, "a1b", ErrFmtPrecision},
		{"a%200sb", []Value{Count(1)}, []types.Type{types.CountType}, "ab", ErrFmtWidth},
		{"cat %s %s", []Value{String("foo"), Count(3)}, []types.Type{types.StringType, types.CountType}, "cat foo 3", nil},
	} {
		var p Printer
		got, err := p.Fmt(tc.format, tc.args, tc.types, time.UTC)
		if got != tc.want || err != tc.err {
			t.Errorf("fmt(%q) = %q, %v; want %q, %v", tc.format, got, err, tc.want, tc.err)
		}
	}
}
