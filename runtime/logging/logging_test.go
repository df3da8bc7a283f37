package logging

import (
	"math"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

type buf struct{ strings.Builder }

func (*buf) Close() error { return nil }

func fixed() time.Time { return time.Date(2016, 7, 13, 16, 15, 30, 0, time.Local) }

func rec(t *types.RecordType, vals ...value.Value) value.Value {
	return value.Value{P: value.RecordOf(t, vals)}
}

func TestWriters(t *testing.T) {
	idT := types.NewRecord("conn_id")
	idT.AddField(&types.Field{Name: "orig_h", Type: types.AddrType, Log: true})
	idT.AddField(&types.Field{Name: "orig_p", Type: types.PortType, Log: true})
	idT.AddField(&types.Field{Name: "note", Type: types.StringType})
	info := types.NewRecord("Info")
	info.AddField(&types.Field{Name: "ts", Type: types.TimeType, Log: true})
	info.AddField(&types.Field{Name: "id", Type: idT, Log: true, Optional: true})
	info.AddField(&types.Field{Name: "d", Type: types.DoubleType, Log: true})
	info.AddField(&types.Field{Name: "s", Type: types.StringType, Log: true, Optional: true})
	vt := &types.VectorType{Elem: types.CountType}
	info.AddField(&types.Field{Name: "v", Type: vt, Log: true})
	info.AddField(&types.Field{Name: "secret", Type: types.StringType})

	vec := func(xs ...value.Value) value.Value { return value.Value{P: &value.Vector{Type: vt, Elems: xs}} }
	id := rec(idT, value.Addr(netip.MustParseAddr("1.2.3.4")), value.Port(22, value.ProtoTCP), value.String("n"))
	rows := [][]value.Value{
		{value.Time(1234567890.01), id, value.Double(2153226000.123456789), value.String("fa\tl\\ure"), vec(value.Count(1), value.None, value.Count(3)), value.String("x")},
		{value.Time(0), value.None, value.Double(math.Inf(-1)), value.None, vec(), value.None},
		{value.Time(-1.5), id, value.Double(-2.23e-308), value.String("#Kaputt \xff"), vec(value.Count(0)), value.None},
	}
	tests := []struct {
		name string
		opts func(*Options)
		want string
	}{
		{"tsv", nil, "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\ttest\n#open\t2016-07-13-16-15-30\n" +
			"#fields\tts\tid.orig_h\tid.orig_p\td\ts\tv\n#types\ttime\taddr\tport\tdouble\tstring\tvector[count]\n" +
			"1234567890.010000\t1.2.3.4\t22\t2153226000.123457\tfa\\x09l\\\\ure\t1,-,3\n" +
			"0.000000\t-\t-\t-inf\t-\t(empty)\n" +
			"-1.500000\t1.2.3.4\t22\t-0.0\t#Kaputt \\xff\t0\n" +
			"#close\t2016-07-13-16-15-30\n"},
		{"custom", func(o *Options) {
			o.Separator = "||"
			o.UnsetField = "NONE"
			o.EmptyField = "EMPTY"
			o.IncludeMeta = false
		},
			"1234567890.010000||1.2.3.4||22||2153226000.123457||fa\\x09l\\\\ure||1,NONE,3\n" +
				"0.000000||NONE||NONE||-inf||NONE||EMPTY\n" +
				"-1.500000||1.2.3.4||22||-0.0||#Kaputt \\xff||0\n"},
		{"json", func(o *Options) { o.UseJSON = true },
			`{"ts":1234567890.01,"id.orig_h":"1.2.3.4","id.orig_p":22,"d":2153226000.123457,"s":"fa\tl\\ure","v":[1,null,3]}` + "\n" +
				`{"ts":0.0,"d":null,"v":[]}` + "\n" +
				`{"ts":-1.5,"id.orig_h":"1.2.3.4","id.orig_p":22,"d":-2.23e-308,"s":"#Kaputt \\xff","v":[0]}` + "\n"},
		{"json-iso", func(o *Options) {
			o.UseJSON = true
			o.JSONTimestamps = "JSON::TS_ISO8601"
			o.JSONIncludeUnsetFields = true
		},
			`{"ts":"2009-02-13T23:31:30.010000Z","id.orig_h":"1.2.3.4","id.orig_p":22,"d":2153226000.123457,"s":"fa\tl\\ure","v":[1,null,3]}` + "\n" +
				`{"ts":"1970-01-01T00:00:00.000000Z","id.orig_h":null,"id.orig_p":null,"d":null,"s":null,"v":[]}` + "\n" +
				`{"ts":"1969-12-31T23:59:58.500000Z","id.orig_h":"1.2.3.4","id.orig_p":22,"d":-2.23e-308,"s":"#Kaputt \\xff","v":[0]}` + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOptions()
			o.Now = fixed
			if tc.opts != nil {
				tc.opts(&o)
			}
			cols := Columns(info, ".", nil)
			var b buf
			w, err := New(&b, "test", cols, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if err := w.Write(Extract(nil, rec(info, r...), cols)); err != nil {
					t.Fatal(err)
				}
			}
			w.Close()
			if got := b.String(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestDoubles(t *testing.T) {
	for _, tc := range []struct {
		x         float64
		tsv, json string
	}{
		{2153226000.123456789, "2153226000.123457", "2153226000.123457"},
		{1.123456789, "1.123457", "1.123456789"},
		{5e4, "50000.0", "50000.0"},
		{3.14e15, "3140000000000000.0", "3140000000000000.0"},
		{1.23456789e-5, "0.000012", "0.0000123456789"},
		{2.23e-308, "0.0", "2.23e-308"},
		{-2.23e-308, "-0.0", "-2.23e-308"},
		{math.Copysign(0, -1), "0.0", "-0.0"},
		{1.79e308, "", "1.79e308"},
		{math.NaN(), "nan", "null"},
		{math.Inf(1), "inf", "null"},
	} {
		if got := string(AppendTSVDouble(nil, tc.x)); tc.tsv != "" && got != tc.tsv {
			t.Errorf("TSV %v = %s, want %s", tc.x, got, tc.tsv)
		}
		if got := string(AppendJSONDouble(nil, tc.x)); got != tc.json {
			t.Errorf("JSON %v = %s, want %s", tc.x, got, tc.json)
		}
	}
	if got := string(AppendTSVDouble(nil, 1.79e308)); len(got) != 311 || !strings.HasSuffix(got, ".0") {
		t.Errorf("TSV 1.79e308 = %s", got)
	}
}

func TestFileName(t *testing.T) {
	env := map[string]string{"BRO_LOG_SUFFIX": "txt"}
	if got := FileName("", "conn", func(k string) string { return env[k] }); got != "conn.txt" {
		t.Errorf("got %s", got)
	}
	env["ZEEK_LOG_SUFFIX"] = "zlog"
	if got := FileName("out", "conn", func(k string) string { return env[k] }); got != "out/conn.zlog" {
		t.Errorf("got %s", got)
	}
	if got := FileName("", "conn", nil); got != "conn.log" {
		t.Errorf("got %s", got)
	}
}
