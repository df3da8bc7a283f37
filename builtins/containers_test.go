package builtins

import (
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func vecOf(et types.Type, elems ...value.Value) value.Value {
	vt := &types.VectorType{Elem: et}
	return value.Box(value.Value{P: &value.Vector{Type: vt, Elems: elems}}, vt)
}

func render(v value.Value) string {
	inner, t := boxed(v)
	return value.Render(inner, t, value.ModePrint)
}

func sn(s string) value.Value {
	return value.Subnet(netip.MustParsePrefix(strings.NewReplacer("[", "", "]", "").Replace(s)))
}
func ad(s string) value.Value { return value.Addr(netip.MustParseAddr(s)) }

// Zeek's B:bifs.sort/out: numeric kinds, bool and port sort without a
// comparison function (in place, the vector is also returned); addr needs
// one.
func TestSort(t *testing.T) {
	iv := value.Interval
	tests := []struct {
		vec  value.Value
		want string
		err  string
	}{
		{vecOf(types.CountType, C(5), C(2), C(8), C(3)), "[2, 3, 5, 8]", ""},
		{vecOf(types.IntervalType, iv(5*3600), iv(2*86400), iv(1), iv(-7*60)), "[-7.0 mins, 1.0 sec, 5.0 hrs, 2.0 days]", ""},
		{vecOf(types.BoolType, B(true), B(false), B(false), B(true)), "[F, F, T, T]", ""},
		{vecOf(types.PortType, value.Port(12, value.ProtoICMP), value.Port(123, value.ProtoTCP), value.Port(500, value.ProtoUDP), value.Port(7, value.ProtoUDP), value.Port(57, value.ProtoTCP)),
			"[57/tcp, 123/tcp, 7/udp, 500/udp, 12/icmp]", ""},
		{vecOf(types.DoubleType, D(3.03), D(3.01), D(3.02), D(3.015)), "[3.01, 3.015, 3.02, 3.03]", ""},
		{vecOf(types.CountType, C(2304), C(1156), C(11), C(42), C(4294967296)), "[11, 42, 1156, 2304, 4294967296]", ""},
		{vecOf(types.IntType, I(3), I(-5), I(0)), "[-5, 0, 3]", ""},
		{vecOf(types.CountType, C(3), value.None, C(1)), "[1, 3, ]", ""},
		{vecOf(types.AddrType, ad("192.168.123.200"), ad("10.0.0.157"), ad("192.168.0.3")),
			"[192.168.123.200, 10.0.0.157, 192.168.0.3]", "comparison function required for sort() with non-numeric types"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "sort", tc.vec)
		if errText(err) != tc.err {
			t.Errorf("sort(%s): error %q, want %q", render(tc.vec), errText(err), tc.err)
		}
		if s := render(tc.vec); s != tc.want {
			t.Errorf("sort: vector is %s, want %s", s, tc.want)
		}
		if err == nil && got.P != tc.vec.P {
			t.Errorf("sort(%s) did not return its argument", tc.want)
		}
	}
	f := value.Value{P: &value.Func{Name: "cmp"}}
	if _, err := call(t, nil, "sort", vecOf(types.CountType, C(2), C(1)), f); !strings.Contains(errText(err), "needs the engine") {
		t.Errorf("sort(v, f): error %q", errText(err))
	}
}

func TestOrder(t *testing.T) {
	ctx := &fakeCtx{}
	tests := []struct {
		vec  value.Value
		want []string
		err  string
	}{
		{vecOf(types.CountType, C(5), C(2), C(8), C(3)), []string{"1", "3", "0", "2"}, ""},
		{vecOf(types.DoubleType, D(2), D(1), D(2), D(0)), []string{"3", "1", "0", "2"}, ""}, // stable
		{vecOf(types.CountType), nil, ""},
		{vecOf(types.StringType, S("b"), S("a")), nil, "comparison function required for order() with non-numeric types"},
	}
	for _, tc := range tests {
		got, err := call(t, ctx, "order", tc.vec)
		var idx []string
		for _, e := range vectorElems(got) {
			idx = append(idx, render(value.Box(e, types.CountType)))
		}
		if errText(err) != tc.err || !slices.Equal(idx, tc.want) {
			t.Errorf("order(%s) = %v, %q; want %v, %q", render(tc.vec), idx, errText(err), tc.want, tc.err)
		}
	}
}

func TestResize(t *testing.T) {
	v := vecOf(types.CountType, C(1), C(2), C(3))
	old, err := call(t, nil, "resize", v, C(5))
	if err != nil || old.Count() != 3 || render(v) != "[1, 2, 3, , ]" {
		t.Errorf("resize up: %d %v %s", old.Count(), err, render(v))
	}
	old, err = call(t, nil, "resize", v, C(1))
	if err != nil || old.Count() != 5 || render(v) != "[1]" {
		t.Errorf("resize down: %d %v %s", old.Count(), err, render(v))
	}
	old, err = call(t, nil, "resize", value.Box(C(1), types.CountType), C(1))
	if err == nil || old.Count() != 0 {
		t.Errorf("resize(count): %d %v", old.Count(), err)
	}
}

// B:bifs.any_set / all_set: all_set of the empty vector is T.
func TestAnyAllSet(t *testing.T) {
	tests := []struct {
		vec      value.Value
		any, all bool
	}{
		{vecOf(types.BoolType, B(true), B(false), B(true)), true, false},
		{vecOf(types.BoolType, B(false), B(false)), false, false},
		{vecOf(types.BoolType, B(true), B(true)), true, true},
		{vecOf(types.BoolType), false, true},
		{vecOf(types.BoolType, B(true), value.None), true, false},
	}
	for _, tc := range tests {
		a, err1 := call(t, nil, "any_set", tc.vec)
		l, err2 := call(t, nil, "all_set", tc.vec)
		if err1 != nil || err2 != nil || a.Bool() != tc.any || l.Bool() != tc.all {
			t.Errorf("%s: any_set %v all_set %v (%v %v)", render(tc.vec), a.Bool(), l.Bool(), err1, err2)
		}
	}
	if _, err := call(t, nil, "any_set", vecOf(types.CountType, C(1))); errText(err) != "any_set() requires vector of bool" {
		t.Errorf("any_set(vector of count): %v", err)
	}
}

func countTable(kv ...uint64) value.Value {
	tt := types.NewTable(types.StringType, types.CountType)
	tab := value.NewTable(tt)
	for i := 0; i+1 < len(kv); i += 2 {
		tab.Put1(C(kv[i]), S(strings.Repeat("x", int(kv[i+1]))))
	}
	return value.Box(value.Value{P: tab}, tt)
}

func TestTableKeysValuesClear(t *testing.T) {
	tab := countTable(3, 1, 1, 2, 5, 3)
	keys, err := call(t, nil, "table_keys", tab)
	if err != nil || render(keys) != "{\n3,\n1,\n5\n}" {
		t.Errorf("table_keys = %q, %v", render(keys), err)
	}
	if kt := keys.P.(*value.Any).Type; kt.String() != "set[count]" {
		t.Errorf("table_keys type %s", kt)
	}
	vals, err := call(t, nil, "table_values", tab)
	if err != nil || render(vals) != "[x, xx, xxx]" {
		t.Errorf("table_values = %q, %v", render(vals), err)
	}
	if vt := vals.P.(*value.Any).Type; vt.String() != "vector of string" {
		t.Errorf("table_values type %s", vt)
	}
	// Multi-column keys.
	st := types.NewSet(types.StringType, types.CountType)
	set := value.NewTable(st)
	set.Add([]value.Value{S("a"), C(1)})
	set.Add([]value.Value{S("b"), C(2)})
	keys, _ = call(t, nil, "table_keys", value.Box(value.Value{P: set}, st))
	if render(keys) != "{\n[a, 1],\n[b, 2]\n}" {
		t.Errorf("table_keys(set[string,count]) = %q", render(keys))
	}
	if _, err := call(t, nil, "table_values", value.Box(value.Value{P: set}, st)); err == nil {
		t.Errorf("table_values(set): no error")
	}
	if _, err := call(t, nil, "clear_table", tab); err != nil || tab.P.(*value.Any).Value.P.(*value.Table).Len() != 0 {
		t.Errorf("clear_table: %v", err)
	}
	if _, err := call(t, nil, "clear_table", value.Box(C(1), types.CountType)); err == nil {
		t.Errorf("clear_table(count): no error")
	}
}

func subnetSet(nets ...string) value.Value {
	st := types.NewSet(types.SubnetType)
	set := value.NewTable(st)
	for _, n := range nets {
		set.Add1(sn(n))
	}
	return value.Box(value.Value{P: set}, st)
}

// Zeek's bifs.matching_subnets / check_subnet / filter_subnet_table tests:
// matching_subnets lists every key covering the subnet; check_subnet is
// an exact match; filter_subnet_table keeps the covering entries.
func TestSubnetBIFs(t *testing.T) {
	ctx := &fakeCtx{}
	set := subnetSet("10.0.0.0/8", "10.2.0.0/16", "10.2.0.2/31", "10.1.0.0/16", "10.3.0.0/16", "5.0.0.0/8", "5.5.0.0/25", "5.2.0.0/32", "7.2.0.0/32", "[2607:f8b0:4008:807::200e]/64", "[2607:f8b0:4007:807::200e]/64", "[2607:f8b0:4007:807::200e]/128")
	tests := []struct {
		search string
		match  string
		check  bool
	}{
		{"10.2.0.2/32", "[10.0.0.0/8, 10.2.0.0/16, 10.2.0.2/31]", false},
		{"10.2.0.2/31", "[10.0.0.0/8, 10.2.0.0/16, 10.2.0.2/31]", true},
		{"10.3.0.0/16", "[10.0.0.0/8, 10.3.0.0/16]", true},
		{"8.0.0.0/8", "[]", false},
		{"[2607:f8b0:4007:807::200e]/128", "[2607:f8b0:4007:807::/64, 2607:f8b0:4007:807::200e/128]", true},
		{"0.0.0.0/0", "[]", false},
	}
	for _, tc := range tests {
		m, err := call(t, ctx, "matching_subnets", sn(tc.search), set)
		got := render(value.Box(m, m.P.(*value.Vector).Type))
		if err != nil || got != tc.match {
			t.Errorf("matching_subnets(%s) = %s, %v; want %s", tc.search, got, err, tc.match)
		}
		c, err := call(t, ctx, "check_subnet", sn(tc.search), set)
		if err != nil || c.Bool() != tc.check {
			t.Errorf("check_subnet(%s) = %v, %v", tc.search, c.Bool(), err)
		}
	}
	// filter_subnet_table on a table keeps type and values.
	tt := types.NewTable(types.StringType, types.SubnetType)
	tab := value.NewTable(tt)
	tab.Put1(sn("10.0.0.0/8"), S("a"))
	tab.Put1(sn("10.2.0.0/16"), S("b"))
	tab.Put1(sn("10.3.0.0/16"), S("c"))
	tab.Attrs = &value.TableAttrs{HasDefault: true, Default: S("none"), Engine: 42}
	f, err := call(t, ctx, "filter_subnet_table", sn("10.2.0.2/32"), value.Box(value.Value{P: tab}, tt))
	if err != nil || render(f) != "{\n[10.0.0.0/8] = a,\n[10.2.0.0/16] = b\n}" {
		t.Errorf("filter_subnet_table = %q, %v", render(f), err)
	}
	ft := f.P.(*value.Any).Value.P.(*value.Table)
	if ft == tab || ft.Attrs == nil || !ft.Attrs.HasDefault || ft.Attrs.Engine != nil {
		t.Errorf("filter_subnet_table: attrs %+v", ft.Attrs)
	}
	for _, name := range []string{"matching_subnets", "check_subnet", "filter_subnet_table"} {
		_, err := call(t, ctx, name, sn("10.0.0.0/8"), countTable(1, 1))
		if !strings.Contains(errText(err), "needs to be called on a set[subnet]/table[subnet]") {
			t.Errorf("%s(table[count]): %v", name, err)
		}
	}
}

func TestSameObject(t *testing.T) {
	rt := types.NewRecord("r")
	r1 := value.Value{P: &value.Record{Type: rt}}
	r2 := value.Value{P: &value.Record{Type: rt}}
	tests := []struct {
		a, b value.Value
		want bool
	}{
		{value.Box(r1, rt), value.Box(r1, rt), true},
		{value.Box(r1, rt), value.Box(r2, rt), false},
		{countTable(), countTable(), false},
		{value.Box(C(1), types.CountType), value.Box(C(1), types.CountType), false},
		{value.Box(S("a"), types.StringType), value.Box(S("a"), types.StringType), false},
	}
	tab := countTable(1, 1)
	tests = append(tests, struct {
		a, b value.Value
		want bool
	}{tab, tab, true})
	for i, tc := range tests {
		got, err := call(t, nil, "same_object", tc.a, tc.b)
		if err != nil || got.Bool() != tc.want {
			t.Errorf("%d: same_object = %v, %v", i, got.Bool(), err)
		}
	}
}

// B:bifs.enum_names: an enum type or a string naming one; anything else
// gives the empty set.
func TestEnumNames(t *testing.T) {
	ctx := &fakeCtx{}
	tests := []struct {
		arg  value.Value
		want []string
	}{
		{value.Value{P: testColor}, []string{"Red", "White", "Blue"}},
		{value.Box(S("color"), types.StringType), []string{"Red", "White", "Blue"}},
		{value.Box(value.Enum(1), testColor), []string{"Red", "White", "Blue"}},
		{value.Box(S("nope"), types.StringType), nil},
		{value.Value{P: types.CountType}, nil},
	}
	for _, tc := range tests {
		got, err := call(t, ctx, "enum_names", tc.arg)
		var names []string
		for it := got.P.(*value.Table).Iter(); it.Next(); {
			names = append(names, it.Key1().Str())
		}
		if err != nil || !slices.Equal(names, tc.want) {
			t.Errorf("enum_names = %v, %v; want %v", names, err, tc.want)
		}
	}
	i, err := call(t, ctx, "enum_to_int", value.Box(value.Enum(2), testColor))
	if err != nil || i.Int() != 2 {
		t.Errorf("enum_to_int(Blue) = %d, %v", i.Int(), err)
	}
	if _, err := call(t, ctx, "enum_to_int", value.Box(C(2), types.CountType)); err == nil {
		t.Errorf("enum_to_int(count): no error")
	}
}

func TestRecordFields(t *testing.T) {
	ctx := &fakeCtx{}
	rt := types.NewRecord("myrec")
	rt.AddField(&types.Field{Name: "c", Type: types.CountType, Optional: true})
	rt.AddField(&types.Field{Name: "s", Type: types.StringType, Log: true})
	rec := value.RecordOf(rt, []value.Value{value.None, S("test")})
	want := "{\n[c] = [type_name=count, log=F, optional=T, value=<uninitialized>, default_val=<uninitialized>],\n" +
		"[s] = [type_name=string, log=T, optional=F, value=test, default_val=<uninitialized>]\n}"
	got, err := call(t, ctx, "record_fields", value.Box(value.Value{P: rec}, rt))
	if err != nil || render(value.Box(got, recordFieldTable)) != want {
		t.Errorf("record_fields(value) = %q, %v", render(value.Box(got, recordFieldTable)), err)
	}
	got, err = call(t, ctx, "record_fields", value.Value{P: rt})
	if s := render(value.Box(got, recordFieldTable)); err != nil || !strings.Contains(s, "[s] = [type_name=string, log=T, optional=F, value=<uninitialized>") {
		t.Errorf("record_fields(type) = %q, %v", s, err)
	}
	if _, err := call(t, ctx, "record_fields", value.Box(C(1), types.CountType)); err == nil {
		t.Errorf("record_fields(count): no error")
	}
}

func TestRecordTypeToVector(t *testing.T) {
	rt := types.NewRecord("myrec")
	rt.AddField(&types.Field{Name: "a", Type: types.CountType})
	rt.AddField(&types.Field{Name: "b", Type: types.StringType})
	ctx := &typesCtx{fakeCtx: &fakeCtx{}, extra: map[string]types.Type{"myrec": rt}}
	got, err := call(t, ctx, "record_type_to_vector", S("myrec"))
	if err != nil || !slices.Equal(strs(got), []string{"a", "b"}) {
		t.Errorf("record_type_to_vector = %q, %v", strs(got), err)
	}
	got, _ = call(t, ctx, "record_type_to_vector", S("nope"))
	if len(strs(got)) != 0 {
		t.Errorf("record_type_to_vector(unknown) = %q", strs(got))
	}
}

// typesCtx is a fakeCtx that knows more type names.
type typesCtx struct {
	*fakeCtx
	extra map[string]types.Type
}

func (c *typesCtx) Type(name string) types.Type {
	if t, ok := c.extra[name]; ok {
		return t
	}
	return c.fakeCtx.Type(name)
}
