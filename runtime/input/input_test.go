package input

import (
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Fixtures: the types of the tests, built as lang/check builds them.

func enumOf(name string, consts ...string) *types.EnumType {
	e := types.NewEnum(name)
	for _, c := range consts {
		e.Add(c, -1)
	}
	return e
}

var (
	logID     = enumOf("Log::ID", "SSH::LOG", "SSH::SUCCESS")
	intelType = enumOf("Intel::Type", "Intel::ADDR", "Intel::SUBNET", "Intel::URL", "Intel::DOMAIN")
)

type fld struct {
	name string
	t    types.Type
	opt  bool
	tcol string // &type_column
}

func record(name string, fs ...fld) *types.RecordType {
	rt := types.NewRecord(name)
	for _, f := range fs {
		tf := &types.Field{Name: f.name, Type: f.t, Optional: f.opt}
		if f.tcol != "" {
			tf.Attrs = []*ast.Attr{{Name: "type_column", Value: &ast.BasicLit{Kind: ast.LitString, Value: f.tcol}}}
		}
		rt.AddField(tf)
	}
	return rt
}

// intelItem is Intel::Item as the intel framework reads it.
func intelItem() *types.RecordType {
	meta := record("Intel::MetaData",
		fld{name: "source", t: types.StringType},
		fld{name: "desc", t: types.StringType, opt: true},
		fld{name: "url", t: types.StringType, opt: true},
	)
	return record("Intel::Item",
		fld{name: "indicator", t: types.StringType},
		fld{name: "indicator_type", t: intelType},
		fld{name: "meta", t: meta},
	)
}

// msgs returns the problems' messages, with dir replaced by "DIR".
func msgs(ps []Problem, dir string) []string {
	var out []string
	for _, p := range ps {
		m := p.Msg
		if dir != "" {
			m = strings.ReplaceAll(m, dir, "DIR")
		}
		out = append(out, m)
	}
	return out
}

func checkMsgs(t *testing.T, ps []Problem, dir string, want ...string) {
	t.Helper()
	got := msgs(ps, dir)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// readString reads content as the file input.log of a fresh directory;
// messages name it DIR/input.log.
func readString(t *testing.T, content string, cols []Column, o Options) ([]Row, []Problem, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "input.log"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	o.PathPrefix = dir
	rows, probs := Read("input.log", cols, o)
	return rows, probs, dir
}

func lines(rows []Row) []int {
	var out []int
	for _, r := range rows {
		out = append(out, r.Line)
	}
	return out
}

func TestColumns(t *testing.T) {
	id := record("conn_id",
		fld{name: "orig_h", t: types.AddrType},
		fld{name: "orig_p", t: types.PortType, tcol: "proto"},
	)
	rt := record("Val",
		fld{name: "ts", t: types.TimeType},
		fld{name: "id", t: id},
		fld{name: "note", t: types.StringType, opt: true},
	)
	got := Columns(rt)
	want := []Column{
		{Name: "ts", Type: types.TimeType, Path: []int{0}},
		{Name: "id.orig_h", Type: types.AddrType, Path: []int{1, 0}},
		{Name: "id.orig_p", Type: types.PortType, Path: []int{1, 1}, TypeColumn: "proto"},
		{Name: "note", Type: types.StringType, Path: []int{2}, Optional: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Columns = %+v\nwant %+v", got, want)
	}
	if err := Validate(rt); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestValidate(t *testing.T) {
	opt := record("R", fld{name: "id", t: record("conn_id", fld{name: "a", t: types.AddrType}), opt: true})
	if err := Validate(opt); err == nil || err.Error() != `The input framework does not support optional record fields: "id"` {
		t.Errorf("optional record: %v", err)
	}
	tab := record("R", fld{name: "x", t: record("S", fld{name: "t", t: types.NewTable(types.StringType, types.CountType)})})
	if err := Validate(tab); err == nil || err.Error() != `Incompatible type "table" in type definition for field "x.t" in ReaderFrontend` {
		t.Errorf("table: %v", err)
	}
	ok := record("R", fld{name: "s", t: types.NewSet(types.AddrType)}, fld{name: "v", t: &types.VectorType{Elem: logID}})
	if err := Validate(ok); err != nil {
		t.Errorf("sets and vectors: %v", err)
	}
}

// typesRecord has a field of every readable type, all optional so that
// the unset line is read too.
func typesRecord() *types.RecordType {
	id := record("conn_id",
		fld{name: "orig_h", t: types.AddrType, opt: true},
		fld{name: "orig_p", t: types.PortType, opt: true},
	)
	return record("Types",
		fld{name: "b", t: types.BoolType, opt: true},
		fld{name: "i", t: types.IntType, opt: true},
		fld{name: "c", t: types.CountType, opt: true},
		fld{name: "d", t: types.DoubleType, opt: true},
		fld{name: "t", t: types.TimeType, opt: true},
		fld{name: "iv", t: types.IntervalType, opt: true},
		fld{name: "s", t: types.StringType, opt: true},
		fld{name: "e", t: logID, opt: true},
		fld{name: "a", t: types.AddrType, opt: true},
		fld{name: "a6", t: types.AddrType, opt: true},
		fld{name: "sn", t: types.SubnetType, opt: true},
		fld{name: "sn6", t: types.SubnetType, opt: true},
		fld{name: "p", t: types.PortType, opt: true},
		fld{name: "pt", t: types.PortType, opt: true, tcol: "proto"},
		fld{name: "pat", t: types.PatternType, opt: true},
		fld{name: "ss", t: types.NewSet(types.StringType), opt: true},
		fld{name: "sc", t: types.NewSet(types.CountType), opt: true},
		fld{name: "vs", t: &types.VectorType{Elem: types.StringType}, opt: true},
		fld{name: "vc", t: &types.VectorType{Elem: types.CountType}, opt: true},
		fld{name: "id", t: id},
		fld{name: "missing", t: types.StringType, opt: true},
	)
}

func addr(s string) value.Value   { return value.Addr(netip.MustParseAddr(s)) }
func subnet(s string) value.Value { return value.Subnet(netip.MustParsePrefix(s)) }

func setOf(t types.Type, vs ...value.Value) value.Value {
	tab := value.NewTable(types.NewSet(t))
	for _, v := range vs {
		tab.Add1(v)
	}
	return value.Value{P: tab}
}

func vecOf(t types.Type, vs ...value.Value) value.Value {
	return value.Value{P: &value.Vector{Type: &types.VectorType{Elem: t}, Elems: vs}}
}

func strs(ss ...string) []value.Value {
	var out []value.Value
	for _, s := range ss {
		out = append(out, value.String(s))
	}
	return out
}

func counts(cs ...uint64) []value.Value {
	var out []value.Value
	for _, c := range cs {
		out = append(out, value.Count(c))
	}
	return out
}

func TestAllTypes(t *testing.T) {
	rt := typesRecord()
	cols := Columns(rt)
	o := DefaultOptions()
	o.Name = "types"
	rows, probs := Read("testdata/types.log", cols, o)
	checkMsgs(t, probs, "")
	if got := lines(rows); !reflect.DeepEqual(got, []int{9, 12, 13, 14}) {
		t.Fatalf("rows at lines %v", got)
	}
	ssh := func(n string) value.Value { return value.Enum(logID.Lookup(n).Value) }
	S, C := types.StringType, types.CountType
	want := [][]value.Value{
		{value.Bool(true), value.Int(-42), value.Count(math.MaxUint64), value.Double(3.14),
			value.Time(1315801931.273616), value.Interval(100), value.String("hurz"), ssh("SSH::LOG"),
			addr("1.2.3.4"), addr("2001:db8::1"), subnet("10.0.0.0/24"), subnet("2001:db8::/32"),
			value.Port(80, value.ProtoTCP), value.Port(53, value.ProtoUDP), {P: value.MustPattern("foo|bar", false, false)},
			setOf(S, strs("CC", "AA", "BB")...), setOf(C, counts(2, 4, 1, 3)...),
			vecOf(S, strs("a", "b", "a")...), vecOf(C, counts(10, 20, 30)...),
			addr("192.168.1.1"), value.Port(22, value.ProtoUnknown), value.None},
		{value.Bool(false), value.Int(math.MaxInt64), value.Count(0), value.Double(-0.5),
			value.Time(0), value.Interval(-1.5), value.String("fa\tl\\ure"), ssh("SSH::SUCCESS"),
			addr("10.1.2.3"), addr("::1"), subnet("10.0.0.0/8"), subnet("::/0"),
			value.Port(8, value.ProtoICMP), value.Port(0, value.ProtoUnknown), {P: value.MustPattern("^oob", true, false)},
			setOf(S), setOf(C), vecOf(S), vecOf(C),
			addr("10.0.0.1"), value.Port(443, value.ProtoUnknown), value.None},
		{value.None, value.None, value.None, value.None, value.None, value.None, value.None, value.None,
			value.None, value.None, value.None, value.None, value.None, value.None, value.None,
			value.None, value.None, value.None, value.None, value.None, value.None, value.None},
		{value.Bool(true), value.Int(math.MinInt64), value.Count(7), value.Double(1000),
			value.Time(math.Inf(1)), value.Interval(math.NaN()), value.String("-"), ssh("SSH::LOG"),
			addr("127.0.0.1"), addr("fe80::1"), subnet("0.0.0.0/0"), subnet("::1/128"),
			value.Port(65535, value.ProtoTCP), value.Port(65535, value.ProtoTCP), {P: value.MustPattern("a/b", false, true)},
			setOf(S, strs("x,y", "(empty)", "")...), setOf(C, counts(5)...),
			vecOf(S, strs("", "a", "")...), vecOf(C, value.Count(1), value.None, value.Count(3)),
			addr("1.2.3.4"), value.Port(0, value.ProtoUnknown), value.None},
	}
	for r, row := range rows {
		if len(row.Values) != len(cols) {
			t.Fatalf("row %d: %d values for %d columns", r, len(row.Values), len(cols))
		}
		for i, c := range cols {
			got, w := row.Values[i], want[r][i]
			same := value.Equal(got, w, c.Type)
			if c.Type.Kind() == types.Interval && !w.IsUnset() && math.IsNaN(w.Double()) {
				same = math.IsNaN(got.Double())
			}
			if !same {
				t.Errorf("line %d, %s: got %s, want %s", row.Line, c.Name,
					value.Render(got, c.Type, value.ModePrint), value.Render(w, c.Type, value.ModePrint))
			}
		}
	}
	// A pattern read from a file matches as its literal does.
	if p := rows[0].Values[14].P.(*value.Pattern); !p.MatchAnywhere("xbarx") || p.MatchExact("foobar") {
		t.Errorf("pattern /foo|bar/ does not match as it should")
	}
	if p := rows[1].Values[14].P.(*value.Pattern); !p.MatchAnywhere("OOBE") {
		t.Errorf("pattern /^oob/i does not match OOBE")
	}
}

func TestBuildNested(t *testing.T) {
	rt := intelItem()
	cols := Columns(rt)
	o := DefaultOptions()
	rows, probs := Read("testdata/intel.dat", cols, o)
	checkMsgs(t, probs, "")
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	rec := Build(rt, cols, rows[0])
	meta := rec.Field(2).P.(*value.Record)
	if rec.Field(0).Str() != "1.2.3.4" || rec.Field(1).Int() != intelType.Lookup("Intel::ADDR").Value ||
		meta.Type != rt.Fields[2].Type || meta.Field(0).Str() != "source1" || !meta.Field(1).IsUnset() ||
		meta.Field(2).Str() != "http://source1.com/badhosts/1.2.3.4" {
		t.Errorf("record: %s", value.Render(value.Value{P: rec}, rt, value.ModePrint))
	}
	want := `[indicator=a.b.com, indicator_type=Intel::DOMAIN, meta=[source=source2, desc=<uninitialized>, url=<uninitialized>]]`
	if got := value.Render(value.Value{P: Build(rt, cols, rows[1])}, rt, value.ModePrint); got != want {
		t.Errorf("record:\n%s\nwant\n%s", got, want)
	}

	// A table stream's columns are its idx columns and then its val
	// columns; each record is built from its part of the row.
	idx := record("Idx", fld{name: "indicator", t: types.StringType})
	val := record("Val", fld{name: "meta", t: rt.Fields[2].Type})
	ic, vc := Columns(idx), Columns(val)
	rows, _ = Read("testdata/intel.dat", append(append([]Column(nil), ic...), vc...), o)
	r := rows[1]
	k := Build(idx, ic, Row{Line: r.Line, Values: r.Values[:len(ic)]})
	v := Build(val, vc, Row{Line: r.Line, Values: r.Values[len(ic):]})
	if got := value.Render(value.Value{P: k}, idx, value.ModePrint) + " " + value.Render(value.Value{P: v}, val, value.ModePrint); got != "[indicator=a.b.com] [meta=[source=source2, desc=<uninitialized>, url=<uninitialized>]]" {
		t.Errorf("idx/val: %s", got)
	}
}

// badLogType is the record type testdata/bad.log is read as.
func badLogType() *types.RecordType {
	return record("Val",
		fld{name: "i", t: types.IntType},
		fld{name: "c", t: types.CountType},
		fld{name: "a", t: types.AddrType},
		fld{name: "sn", t: types.SubnetType},
		fld{name: "b", t: types.BoolType},
		fld{name: "e", t: logID},
		fld{name: "ss", t: types.NewSet(types.StringType)},
	)
}

func TestBadValues(t *testing.T) {
	rt := badLogType()
	o := DefaultOptions()
	o.Name = "bad"
	rows, probs := Read("testdata/bad.log", Columns(rt), o)
	const p = "testdata/bad.log/Input::READER_ASCII: testdata/bad.log, line "
	checkMsgs(t, probs, "",
		p+"4: String 'notanumber' contained no parseable number",
		p+"4: Could not convert line '2\tnotanumber\t1.2.3.4\t10.0.0.0/8\tT\tSSH::LOG\ta,b' of testdata/bad.log to Val. Ignoring line.",
		p+"5: Bad address: 342.2.3.4",
		p+"6: Invalid value for subnet: 127.0.0.1",
		p+"6: Could not convert line '4\t4\t1.2.3.4\t127.0.0.1\tT\tSSH::LOG\ta,b' of testdata/bad.log to Val. Ignoring line.",
		p+"7: Field: b Invalid value for boolean: yes",
		p+"7: Could not convert line '5\t5\t1.2.3.4\t10.0.0.0/8\tyes\tSSH::LOG\ta,b' of testdata/bad.log to Val. Ignoring line.",
		"Value 'SSH::NOPE' for stream 'bad' is not a valid enum.",
		p+"9: Number '-7' cannot be negative",
		p+"9: Could not convert line '7\t-7\t1.2.3.4\t10.0.0.0/8\tT\tSSH::LOG\ta,b' of testdata/bad.log to Val. Ignoring line.",
		p+"10: Not enough fields in line '8\t8\t1.2.3.4\t10.0.0.0/8\tT\tSSH::LOG' of testdata/bad.log. Found 5 fields, want positions 6 and -1",
		"testdata/bad.log:11: Skipping input with missing non-optional value",
		p+"12: Number '10x' contained non-numeric trailing characters. Ignored trailing characters 'x'",
	)
	// Zeek keeps the line with a bad address (as 0.0.0.0) and a number
	// with trailing text.
	if got := lines(rows); !reflect.DeepEqual(got, []int{3, 5, 12, 13}) {
		t.Errorf("rows at lines %v", got)
	}
	if len(rows) == 4 && (rows[1].Values[2].Addr() != netip.IPv4Unspecified() || rows[2].Values[1].Count() != 10) {
		t.Errorf("kept values: %v %v", rows[1].Values[2].Addr(), rows[2].Values[1].Count())
	}
	for _, pr := range probs {
		if pr.Fatal || pr.Error || pr.File {
			t.Errorf("%q: fatal %v error %v file %v", pr.Msg, pr.Fatal, pr.Error, pr.File)
		}
	}
	if probs[0].Line != 4 || probs[0].Text != "String 'notanumber' contained no parseable number" {
		t.Errorf("problem 0: line %d text %q", probs[0].Line, probs[0].Text)
	}
}

// TestLocateAll: with the stream config locate_all (the intel feeds'),
// the input manager's complaints name the file and line like the
// reader's own; the rows kept are the same as without it.
func TestLocateAll(t *testing.T) {
	rt := badLogType()
	o := DefaultOptions()
	o.Name = "bad"
	o.ApplyConfig(map[string]string{"locate_all": "T"})
	if !o.LocateAll {
		t.Fatal("locate_all=T did not set LocateAll")
	}
	plain, _ := Read("testdata/bad.log", Columns(rt), DefaultOptions())
	rows, probs := Read("testdata/bad.log", Columns(rt), o)
	const p = "testdata/bad.log/Input::READER_ASCII: testdata/bad.log, line "
	var manager []string
	for _, pr := range probs {
		if !strings.HasPrefix(pr.Msg, p) {
			t.Errorf("not located: %q", pr.Msg)
		}
		if pr.Text == "Skipping input with missing non-optional value" || strings.HasPrefix(pr.Text, "Value ") {
			manager = append(manager, pr.Msg)
		}
	}
	want := []string{
		p + "8: Value 'SSH::NOPE' for stream 'bad' is not a valid enum.",
		p + "11: Skipping input with missing non-optional value",
	}
	if !reflect.DeepEqual(manager, want) {
		t.Errorf("input manager complaints:\n%q\nwant\n%q", manager, want)
	}
	if !reflect.DeepEqual(lines(rows), lines(plain)) {
		t.Errorf("rows at lines %v, without locate_all %v", lines(rows), lines(plain))
	}
}

// TestZeekInvalidLines replays Zeek's btest
// scripts/base/frameworks/input/invalid-lines.zeek (its input file and
// record type; its baseline's messages and table).
func TestZeekInvalidLines(t *testing.T) {
	rt := record("Val",
		fld{name: "i", t: types.IntType}, // the Idx record
		fld{name: "b", t: types.BoolType},
		fld{name: "e", t: logID},
		fld{name: "c", t: types.CountType},
		fld{name: "p", t: types.PortType, tcol: "pt"},
		fld{name: "sn", t: types.SubnetType},
		fld{name: "a", t: types.AddrType},
		fld{name: "d", t: types.DoubleType},
		fld{name: "t", t: types.TimeType},
		fld{name: "iv", t: types.IntervalType},
		fld{name: "s", t: types.StringType},
		fld{name: "ns", t: types.StringType},
		fld{name: "sc", t: types.NewSet(types.CountType)},
		fld{name: "ss", t: types.NewSet(types.StringType)},
		fld{name: "se", t: types.NewSet(types.StringType)},
		fld{name: "vc", t: &types.VectorType{Elem: types.IntType}},
		fld{name: "ve", t: &types.VectorType{Elem: types.IntType}},
	)
	o := DefaultOptions()
	o.EmptyField = "EMPTY"
	o.Name = "ssh"
	const src = "testdata/invalid-lines.log"
	const p = src + "/Input::READER_ASCII: " + src + ", line "
	line5 := "'T\t-41\tSSH::LOG\t21\t123\ttcp\t10.0.0.0/24\t1.2.3.4\t3.14\t1315801931.273616\t100.000000\thurz\t2,4,1,3\tCC,AA,BB\tEMPTY\t10,20,30'"

	rows, probs := Read(src, Columns(rt), o)
	checkMsgs(t, probs, "",
		p+"5: Not enough fields in line "+line5+" of "+src+". Found 15 fields, want positions 17 and -1",
		p+"7: Tried to parse invalid/unknown protocol: whatever",
		p+"8: Bad address: 342.2.3.4",
		p+"9: Not enough fields in line 'T\t-41' of "+src+". Found 1 fields, want positions 2 and -1",
	)
	var got []string
	for _, r := range rows {
		got = append(got, value.Render(value.Value{P: Build(rt, Columns(rt), r)}, rt, value.ModePrint))
	}
	want := []string{
		"[i=-42, b=T, e=SSH::LOG, c=21, p=123/tcp, sn=10.0.0.0/24, a=1.2.3.4, d=3.14, t=1315801931.273616, iv=1.0 min 40.0 secs, s=hurz, ns=4242, sc={\n2,\n4,\n1,\n3\n}, ss={\nCC,\nAA,\nBB\n}, se={\n\n}, vc=[10, 20, 30], ve=[]]",
		"[i=-43, b=T, e=SSH::LOG, c=21, p=123/unknown, sn=10.0.0.0/24, a=1.2.3.4, d=3.14, t=1315801931.273616, iv=1.0 min 40.0 secs, s=hurz, ns=4242 HOHOHO, sc={\n2,\n4,\n1,\n3\n}, ss={\nCC,\nAA,\nBB\n}, se={\n\n}, vc=[10, 20, 30], ve=[]]",
		"[i=-44, b=T, e=SSH::LOG, c=21, p=123/udp, sn=10.0.0.0/24, a=0.0.0.0, d=3.14, t=1315801931.273616, iv=1.0 min 40.0 secs, s=hurz, ns=4242 HOHOHO, sc={\n2,\n4,\n1,\n3\n}, ss={\nCC,\nAA,\nBB\n}, se={\n\n}, vc=[10, 20, 30], ve=[]]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The baseline's second stream, with fail_on_invalid_lines: the
	// first short line is an error and ends the reading.
	o.ApplyConfig(map[string]string{"fail_on_invalid_lines": "T"})
	rows, probs = Read(src, Columns(rt), o)
	checkMsgs(t, probs, "",
		p+"5: Not enough fields in line "+line5+" of "+src+". Found 15 fields, want positions 17 and -1")
	if len(rows) != 0 || !probs[0].Fatal || !probs[0].Error || probs[0].File {
		t.Errorf("rows %d, problem %+v", len(rows), probs[0])
	}
}

func TestFailOnInvalidLinesKeepsEarlierRows(t *testing.T) {
	cols := Columns(record("R", fld{name: "a", t: types.CountType}, fld{name: "b", t: types.CountType}))
	o := DefaultOptions()
	o.FailOnInvalidLines = true
	// A value that does not convert only warns even so; a short line stops.
	rows, probs, dir := readString(t, "#fields\ta\tb\n1\t2\n3\tx\n4\n5\t6\n", cols, o)
	checkMsgs(t, probs, dir,
		"input.log/Input::READER_ASCII: DIR/input.log, line 3: String 'x' contained no parseable number",
		"input.log/Input::READER_ASCII: DIR/input.log, line 3: Could not convert line '3\tx' of DIR/input.log to Val. Ignoring line.",
		"input.log/Input::READER_ASCII: DIR/input.log, line 4: Not enough fields in line '4' of DIR/input.log. Found 0 fields, want positions 1 and -1",
	)
	if got := lines(rows); !reflect.DeepEqual(got, []int{2}) || probs[1].Fatal || !probs[2].Fatal {
		t.Errorf("rows at %v; fatal: %v %v", got, probs[1].Fatal, probs[2].Fatal)
	}
}

func TestMissingFile(t *testing.T) {
	cols := Columns(record("Val", fld{name: "i", t: types.IntType}, fld{name: "b", t: types.BoolType}))
	for _, fail := range []bool{false, true} {
		o := DefaultOptions()
		o.FailOnFileProblem = fail
		rows, probs := Read("does-not-exist.dat", cols, o)
		// Zeek: "error: does-not-exist.dat/Input::READER_ASCII: Init: cannot open does-not-exist.dat"
		checkMsgs(t, probs, "", "does-not-exist.dat/Input::READER_ASCII: Init: cannot open does-not-exist.dat")
		pr := probs[0]
		if len(rows) != 0 || pr.Fatal != fail || pr.Error != fail || !pr.File || pr.Line != 0 ||
			pr.Text != "Init: cannot open does-not-exist.dat" {
			t.Errorf("fail=%v: %d rows, %+v", fail, len(rows), pr)
		}
	}
}

func TestFileProblems(t *testing.T) {
	cols := Columns(record("Val",
		fld{name: "ip", t: types.AddrType},
		fld{name: "p", t: types.PortType, tcol: "proto"},
	))
	o := DefaultOptions()
	const pre = "input.log/Input::READER_ASCII: "
	tests := []struct {
		name, content string
		want          []string
	}{
		{"missing column", "#fields\tp\tproto\n80\ttcp\n", []string{
			pre + "Did not find requested field ip in input data file DIR/input.log.",
			pre + "Init: cannot open DIR/input.log; problem reading file header"}},
		{"missing type column", "#fields\tip\tp\n1.2.3.4\t80\n", []string{
			pre + "Could not find requested port type field proto in input data file DIR/input.log.",
			pre + "Init: cannot open DIR/input.log; problem reading file header"}},
		{"empty file", "", []string{
			pre + "Could not read input data file DIR/input.log; first line could not be read",
			pre + "Init: cannot open DIR/input.log; problem reading file header"}},
		{"only comments", "#separator \\x09\n#path\tx\n\n", []string{
			pre + "Could not read input data file DIR/input.log; first line could not be read",
			pre + "Init: cannot open DIR/input.log; problem reading file header"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, probs, dir := readString(t, tc.content, cols, o)
			checkMsgs(t, probs, dir, tc.want...)
			if len(rows) != 0 {
				t.Errorf("%d rows", len(rows))
			}
			for _, p := range probs {
				if !p.File || p.Fatal {
					t.Errorf("%+v", p)
				}
			}
		})
	}
}

// TestFirstLineIsHeader: like Zeek, a file without "#fields" takes its
// first data line as the header.
func TestFirstLineIsHeader(t *testing.T) {
	cols := Columns(record("R", fld{name: "ip", t: types.AddrType}, fld{name: "reason", t: types.StringType}))
	rows, probs, _ := readString(t, "reason\tip\nMalware host\t192.168.17.1\n", cols, DefaultOptions())
	checkMsgs(t, probs, "")
	if len(rows) != 1 || rows[0].Line != 2 || rows[0].Values[0].Addr() != netip.MustParseAddr("192.168.17.1") ||
		rows[0].Values[1].Str() != "Malware host" {
		t.Errorf("rows %+v", rows)
	}
}

func TestMissingOptionalColumn(t *testing.T) {
	cols := Columns(intelItem())
	rows, probs := Read("testdata/intel.dat", cols, DefaultOptions())
	checkMsgs(t, probs, "")
	for _, r := range rows {
		if !r.Values[3].IsUnset() { // meta.desc is not in the file
			t.Errorf("line %d: meta.desc = %v", r.Line, r.Values[3])
		}
	}
	if !rows[1].Values[4].IsUnset() || rows[0].Values[4].Str() != "http://source1.com/badhosts/1.2.3.4" {
		t.Errorf("meta.url: %v, %v", rows[0].Values[4], rows[1].Values[4])
	}
}

// TestCRLF: Zeek drops the CR before the newline, but only after deciding
// that a line is empty, so an empty CRLF line is a data line with one
// empty field.
func TestCRLF(t *testing.T) {
	cols := Columns(intelItem())
	o := DefaultOptions()
	rows, probs := Read("testdata/crlf.log", cols, o)
	checkMsgs(t, probs, "",
		"testdata/crlf.log/Input::READER_ASCII: testdata/crlf.log, line 3: Not enough fields in line '' of testdata/crlf.log. Found 0 fields, want positions 1 and -1")
	if got := lines(rows); !reflect.DeepEqual(got, []int{2, 4}) {
		t.Fatalf("rows at %v", got)
	}
	if v := rows[1].Values; v[0].Str() != "evil.com" || v[1].Int() != intelType.Lookup("Intel::DOMAIN").Value || v[2].Str() != "src2" {
		t.Errorf("values %v", v)
	}
}

func TestSetsAndVectors(t *testing.T) {
	rt := record("R",
		fld{name: "k", t: types.CountType},
		fld{name: "ss", t: types.NewSet(types.StringType), opt: true},
		fld{name: "sc", t: types.NewSet(types.CountType), opt: true},
		fld{name: "vc", t: &types.VectorType{Elem: types.CountType}, opt: true},
	)
	cols := Columns(rt)
	S, C := types.StringType, types.CountType
	tests := []struct {
		name     string
		o        func(*Options)
		field    string // ss, sc and vc get the same text
		ss, sc   value.Value
		vc       value.Value
		problems []string // with "LINE: " for the reader's prefix
	}{
		{"elements", nil, "1,2,1", setOf(S, strs("1", "2")...), setOf(C, counts(1, 2)...), vecOf(C, counts(1, 2, 1)...), nil},
		{"empty", nil, "(empty)", setOf(S), setOf(C), vecOf(C), nil},
		{"unset", nil, "-", value.None, value.None, value.None, nil},
		{"custom empty", func(o *Options) { o.EmptyField = "EMPTY" }, "EMPTY", setOf(S), setOf(C), vecOf(C), nil},
		{"custom separator", func(o *Options) { o.SetSeparator = ";" }, "3;4", setOf(S, strs("3", "4")...), setOf(C, counts(3, 4)...), vecOf(C, counts(3, 4)...), nil},
		{"empty text, empty_field unset", func(o *Options) { o.EmptyField = "" }, "", setOf(S), setOf(C), vecOf(C), nil},
		{"empty text", nil, "", setOf(S, strs("")...), value.None, value.None, []string{
			"LINE: Got empty string for number field",
			"LINE: Error while trying to add empty set element",
			"LINE: Could not convert line '1\t\t\t' of DIR/input.log to Val. Ignoring line."}},
		{"trailing separator", nil, "1,", setOf(S, strs("1", "")...), value.None, value.None, []string{
			"LINE: Got empty string for number field",
			"LINE: Error while trying to add empty set element",
			"LINE: Could not convert line '1\t1,\t1,\t1,' of DIR/input.log to Val. Ignoring line."}},
		{"bad element", nil, "1,x,2", setOf(S, strs("1", "x", "2")...), value.None, value.None, []string{
			"LINE: String 'x' contained no parseable number",
			"LINE: Error while reading set or vector",
			"LINE: Could not convert line '1\t1,x,2\t1,x,2\t1,x,2' of DIR/input.log to Val. Ignoring line."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOptions()
			if tc.o != nil {
				tc.o(&o)
			}
			f := tc.field
			content := "#fields\tk\tss\tsc\tvc\n1\t" + f + "\t" + f + "\t" + f + "\n"
			rows, probs, dir := readString(t, content, cols, o)
			var want []string
			for _, p := range tc.problems {
				want = append(want, strings.Replace(p, "LINE: ", "input.log/Input::READER_ASCII: DIR/input.log, line 2: ", 1))
			}
			checkMsgs(t, probs, dir, want...)
			if tc.problems != nil {
				// Read the string set alone.
				cols := []Column{cols[0], cols[1]}
				rows, _, _ = readString(t, content, cols, o)
				if len(rows) != 1 || !value.Equal(rows[0].Values[1], tc.ss, cols[1].Type) {
					t.Errorf("string set: %+v", rows)
				}
				return
			}
			if len(rows) != 1 {
				t.Fatalf("%d rows", len(rows))
			}
			for i, w := range []value.Value{tc.ss, tc.sc, tc.vc} {
				c := cols[i+1]
				if got := rows[0].Values[i+1]; !value.Equal(got, w, c.Type) {
					t.Errorf("%s = %s, want %s", c.Name, value.Render(got, c.Type, value.ModePrint), value.Render(w, c.Type, value.ModePrint))
				}
			}
		})
	}
}

func TestUnsetSetElement(t *testing.T) {
	cols := Columns(record("R", fld{name: "s", t: types.NewSet(types.CountType)}))
	rows, probs, dir := readString(t, "#fields\ts\n1,-\n", cols, DefaultOptions())
	checkMsgs(t, probs, dir, "input.log:2: Skipping input with missing non-optional value")
	if len(rows) != 0 {
		t.Errorf("%d rows", len(rows))
	}
}

func TestEscapedStrings(t *testing.T) {
	cols := Columns(record("R", fld{name: "s", t: types.StringType}, fld{name: "e", t: logID}))
	content := "#fields\ts\te\n" +
		"a\\x09b\\x0a\\x00\\xff\tSSH::LOG\n" + // control and high bytes
		"back\\\\slash \\d \\x4\tSSH\\x3a\\x3aLOG\n" + // \\ is one backslash; others stay
		"\\x2d\tSSH::LOG\n" + // the string "-", escaped by the writer
		"\\x28empty)\tSSH::LOG\n" + // the string "(empty)"
		"(empty)\tSSH::LOG\n" + // the empty string
		"\tSSH::LOG\n" // an empty field is an empty string too
	rows, probs, _ := readString(t, content, cols, DefaultOptions())
	checkMsgs(t, probs, "")
	want := []string{"a\tb\n\x00\xff", `back\slash \d \x4`, "-", "(empty)", "", ""}
	if len(rows) != len(want) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, w := range want {
		if got := rows[i].Values[0].Str(); got != w {
			t.Errorf("line %d: %q, want %q", rows[i].Line, got, w)
		}
		if rows[i].Values[1].Int() != logID.Lookup("SSH::LOG").Value {
			t.Errorf("line %d: enum %d", rows[i].Line, rows[i].Values[1].Int())
		}
	}
}

// TestZeekMissingEnum replays missing-enum.zeek and missing-table-value.zeek.
func TestZeekMissingEnum(t *testing.T) {
	color := enumOf("Color", "Red", "White", "Blue")
	cols := Columns(record("R", fld{name: "ip", t: types.AddrType}, fld{name: "colors", t: types.NewSet(color)}))
	o := DefaultOptions()
	o.Name = "denylist"
	rows, probs, _ := readString(t, "#separator \\x09\n#fields\tip\tcolors\n192.168.17.1\tRed,White\n192.168.27.2\tWhite,asdf\n192.168.250.3\tBlue\n", cols, o)
	checkMsgs(t, probs, "", "Value 'asdf' for stream 'denylist' is not a valid enum.")
	if got := lines(rows); !reflect.DeepEqual(got, []int{3, 5}) || probs[0].Line != 4 {
		t.Errorf("rows at %v, problem at %d", got, probs[0].Line)
	}

	cols = Columns(record("R", fld{name: "e", t: logID}, fld{name: "i", t: types.IntType}))
	o.Name = "enum"
	rows, probs, _ = readString(t, "#fields\te\ti\nIdoNot::Exist\t1\n", cols, o)
	checkMsgs(t, probs, "", "Value 'IdoNot::Exist' for stream 'enum' is not a valid enum.")
	if len(rows) != 0 {
		t.Errorf("%d rows", len(rows))
	}
}

// TestZeekPorts replays port.zeek (&type_column) and port-embedded.zeek.
func TestZeekPorts(t *testing.T) {
	cols := Columns(record("R", fld{name: "i", t: types.AddrType}, fld{name: "p", t: types.PortType, tcol: "t"}))
	rows, probs, _ := readString(t, "#fields\ti\tp\tt\n1.2.3.4\t80\ttcp\n1.2.3.5\t52\tudp\n1.2.3.6\t30\tunknown\n", cols, DefaultOptions())
	checkMsgs(t, probs, "")
	want := []value.Value{value.Port(80, value.ProtoTCP), value.Port(52, value.ProtoUDP), value.Port(30, value.ProtoUnknown)}
	for i, r := range rows {
		if r.Values[1] != want[i] {
			t.Errorf("line %d: %v", r.Line, r.Values[1])
		}
	}

	cols = Columns(record("R", fld{name: "i", t: types.AddrType}, fld{name: "p", t: types.PortType}))
	rows, probs, dir := readString(t, "#fields\ti\tp\n1.2.3.4\t80/tcp\n1.2.3.5\t52/udp\n1.2.3.6\t30/unknown\n1.2.3.7\t50/trash\n1.2.3.8\t-1/tcp\n1.2.3.9\t65536/tcp\n", cols, DefaultOptions())
	const p = "input.log/Input::READER_ASCII: DIR/input.log, line "
	checkMsgs(t, probs, dir,
		p+"5: Port '50/trash' contained unknown protocol 'trash'",
		p+"6: Number '-1' cannot be negative",
		p+"6: Could not convert line '1.2.3.8\t-1/tcp' of DIR/input.log to Val. Ignoring line.",
		p+"7: Number '65536' out of supported range.",
		p+"7: Could not convert line '1.2.3.9\t65536/tcp' of DIR/input.log to Val. Ignoring line.",
	)
	want = append(want, value.Port(50, value.ProtoUnknown))
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if r.Values[1] != want[i] {
			t.Errorf("line %d: %v", r.Line, r.Values[1])
		}
	}
}

// TestZeekPatterns replays patterns.zeek, bad_patterns.zeek and
// pattern-flags.zeek.
func TestZeekPatterns(t *testing.T) {
	cols := Columns(record("R", fld{name: "i", t: types.CountType}, fld{name: "p", t: types.PatternType}))
	content := "#separator \\x09\n#fields\ti\tp\n#types\tcount\tpattern\n" +
		"1\t/dog/\n2\t/d/og/\n3\t/cat/sss\n4\t/foo|bar\n5\tthis is not a pattern\n6\t/5\n" +
		"7\t/dog/i\n8\t/c.t/s\n9\t/foo.|bar/is\n10\t/dup/isis\n11\t/other/isg\n12\t/[/\n"
	rows, probs, dir := readString(t, content, cols, DefaultOptions())
	const p = "input.log/Input::READER_ASCII: DIR/input.log, line "
	bad := func(line, text, l string) []string {
		return []string{
			p + line + ": String '" + text + "' contained no parseable pattern.",
			p + line + ": Could not convert line '" + l + "' of DIR/input.log to Val. Ignoring line.",
		}
	}
	var want []string
	want = append(want, bad("6", "/cat/sss", "3\t/cat/sss")...)
	want = append(want, bad("7", "/foo|bar", "4\t/foo|bar")...)
	want = append(want, bad("8", "this is not a pattern", "5\tthis is not a pattern")...)
	want = append(want, bad("9", "/5", "6\t/5")...)
	want = append(want, bad("13", "/dup/isis", "10\t/dup/isis")...)
	want = append(want, bad("14", "/other/isg", "11\t/other/isg")...)
	// Our own wording; the reason is runtime/value's.
	want = append(want, "Could not compile pattern '/[/': unterminated character class in pattern")
	got := msgs(probs, dir)
	if len(got) != len(want) || !reflect.DeepEqual(got[:len(got)-1], want[:len(want)-1]) ||
		!strings.HasPrefix(got[len(got)-1], "Could not compile pattern '/[/': ") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checks := []struct {
		line     int
		s        string
		in, full bool
	}{
		{4, "hotdogs", true, false},
		{5, "d/og", true, true},
		{10, "DOG", true, true},
		{11, "c\nt", true, true},
		{12, "FOO\n", true, true},
		{12, "BAR", true, true},
	}
	byLine := map[int]*value.Pattern{}
	for _, r := range rows {
		byLine[r.Line] = r.Values[1].P.(*value.Pattern)
	}
	if len(rows) != 5 {
		t.Errorf("rows at %v", lines(rows))
	}
	for _, c := range checks {
		pat := byLine[c.line]
		if pat == nil {
			t.Errorf("line %d not read", c.line)
			continue
		}
		if pat.MatchAnywhere(c.s) != c.in || pat.MatchExact(c.s) != c.full {
			t.Errorf("line %d /%s/ on %q: in %v ==  %v", c.line, pat.Text(), c.s, pat.MatchAnywhere(c.s), pat.MatchExact(c.s))
		}
	}
}

// TestZeekNumbers replays invalidnumbers.zeek and invalidtext.zeek (with
// today's rule that a count cannot be negative).
func TestZeekNumbers(t *testing.T) {
	cols := Columns(record("R", fld{name: "i", t: types.IntType}, fld{name: "c", t: types.CountType}))
	content := "#separator \\x09\n#fields\ti\tc\n#types\tint\tcount\n" +
		"12129223372036854775800\t121218446744073709551612\n" +
		"9223372036854775801TEXTHERE\t1Justtext\n" +
		"Justtext\t1\n" +
		"9223372036854775800\t-18446744073709551612\n" +
		"9223372036854775800\t18446744073709551615\n"
	rows, probs, dir := readString(t, content, cols, DefaultOptions())
	const p = "input.log/Input::READER_ASCII: DIR/input.log, line "
	checkMsgs(t, probs, dir,
		p+"4: Number '12129223372036854775800' out of supported range.",
		p+"4: Could not convert line '12129223372036854775800\t121218446744073709551612' of DIR/input.log to Val. Ignoring line.",
		p+"5: Number '9223372036854775801TEXTHERE' contained non-numeric trailing characters. Ignored trailing characters 'TEXTHERE'",
		p+"5: Number '1Justtext' contained non-numeric trailing characters. Ignored trailing characters 'Justtext'",
		p+"6: String 'Justtext' contained no parseable number",
		p+"6: Could not convert line 'Justtext\t1' of DIR/input.log to Val. Ignoring line.",
		p+"7: Number '-18446744073709551612' cannot be negative",
		p+"7: Could not convert line '9223372036854775800\t-18446744073709551612' of DIR/input.log to Val. Ignoring line.",
	)
	// As in Zeek's baseline, the line with trailing text is read.
	if got := lines(rows); !reflect.DeepEqual(got, []int{5, 8}) || rows[0].Values[0].Int() != 9223372036854775801 ||
		rows[0].Values[1].Count() != 1 || rows[1].Values[1].Count() != math.MaxUint64 {
		t.Errorf("rows %+v", rows)
	}

	cols = Columns(record("R", fld{name: "i", t: types.StringType}, fld{name: "c", t: types.CountType}))
	rows, probs, dir = readString(t, "#separator \\x09\n#fields\ti\tc\n#types\tint\tcount\n\tl\n\t5\n", cols, DefaultOptions())
	checkMsgs(t, probs, dir,
		p+"4: String 'l' contained no parseable number",
		p+"4: Could not convert line '\tl' of DIR/input.log to Val. Ignoring line.")
	if len(rows) != 1 || rows[0].Values[0].Str() != "" || rows[0].Values[1].Count() != 5 {
		t.Errorf("rows %+v", rows)
	}
}

func TestNumberForms(t *testing.T) {
	cols := Columns(record("R", fld{name: "d", t: types.DoubleType}, fld{name: "i", t: types.IntType}))
	tests := []struct {
		d, i   string
		dv     float64
		iv     int64
		warns  []string
		failed bool
	}{
		{" 1.5", "+7", 1.5, 7, nil, false},
		{"0x10", " -3", 16, -3, nil, false},
		{"0x1.8p1", "0", 3, 0, nil, false},
		{"-Infinity", "1", math.Inf(-1), 1, nil, false},
		{".5e1", "1", 5, 1, nil, false},
		{"1e", "1", 1, 1, []string{"Number '1e' contained non-numeric trailing characters. Ignored trailing characters 'e'"}, false},
		{"1e400", "1", 0, 0, []string{"Number '1e400' out of supported range."}, true},
		{"1e-400", "1", 0, 0, []string{"Number '1e-400' out of supported range."}, true},
		{"", "1", 0, 0, []string{"Got empty string for number field"}, true},
		{"  ", "1", 0, 0, []string{"String '  ' contained no parseable number"}, true},
		{"1", "0x10", 1, 0, []string{"Number '0x10' contained non-numeric trailing characters. Ignored trailing characters 'x10'"}, false},
	}
	for _, tc := range tests {
		rows, probs, _ := readString(t, "#fields\td\ti\n"+tc.d+"\t"+tc.i+"\n", cols, DefaultOptions())
		var got []string
		for _, p := range probs {
			got = append(got, p.Text)
		}
		if tc.failed {
			if len(rows) != 0 || len(got) != len(tc.warns)+1 || !reflect.DeepEqual(got[:len(tc.warns)], tc.warns) {
				t.Errorf("%q %q: rows %d, problems %q", tc.d, tc.i, len(rows), got)
			}
			continue
		}
		if !reflect.DeepEqual(got, tc.warns) || len(rows) != 1 {
			t.Errorf("%q %q: problems %q, want %q", tc.d, tc.i, got, tc.warns)
			continue
		}
		if d := rows[0].Values[0].Double(); d != tc.dv || rows[0].Values[1].Int() != tc.iv {
			t.Errorf("%q %q: %v %v", tc.d, tc.i, d, rows[0].Values[1].Int())
		}
	}
}

func TestAddresses(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"10.1", "10.0.0.1", true},
		{"10.1.2", "10.1.0.2", true},
		{"0x7f.1", "127.0.0.1", true},
		{"010.0.0.1", "8.0.0.1", true},
		{"167772161", "10.0.0.1", true},
		{"1.2.3.4 trailing", "1.2.3.4", true},
		{"[2001:db8::1]", "2001:db8::1", true},
		{"::ffff:1.2.3.4", "1.2.3.4", true},
		{"1.2.3.256", "0.0.0.0", false},
		{"09.1.1.1", "0.0.0.0", false},
		{"1..2", "0.0.0.0", false},
		{" ", "0.0.0.0", false},
		{"fe80::1%eth0", "::", false},
		{"2001:db8::g", "::", false},
	} {
		cols := Columns(record("R", fld{name: "a", t: types.AddrType}))
		rows, probs, _ := readString(t, "#fields\ta\n"+tc.in+"\n", cols, DefaultOptions())
		if len(rows) != 1 || rows[0].Values[0].Addr() != netip.MustParseAddr(tc.want) || (len(probs) == 0) != tc.ok {
			t.Errorf("%q: rows %+v problems %v", tc.in, rows, msgs(probs, ""))
		}
	}
}

func TestPathPrefix(t *testing.T) {
	cols := Columns(intelItem())
	dir, _ := filepath.Abs("testdata")
	for _, prefix := range []string{dir, dir + "//"} {
		o := DefaultOptions()
		o.PathPrefix = prefix
		if rows, probs := Read("intel.dat", cols, o); len(rows) != 2 || len(probs) != 0 {
			t.Errorf("prefix %q: %d rows, %v", prefix, len(rows), msgs(probs, ""))
		}
	}
	// An absolute source ignores the prefix.
	o := DefaultOptions()
	o.PathPrefix = "/nonexistent"
	if rows, probs := Read(filepath.Join(dir, "intel.dat"), cols, o); len(rows) != 2 || len(probs) != 0 {
		t.Errorf("absolute: %d rows, %v", len(rows), msgs(probs, ""))
	}
	// The prefix shows in the file name, not in the source of the prefix.
	o.PathPrefix = "/nonexistent/"
	_, probs := Read("intel.dat", cols, o)
	checkMsgs(t, probs, "", "intel.dat/Input::READER_ASCII: Init: cannot open /nonexistent/intel.dat")
	o.PathPrefix = "///"
	_, probs = Read("intel.dat", cols, o)
	checkMsgs(t, probs, "", "intel.dat/Input::READER_ASCII: Init: cannot open //intel.dat")
}

func TestSeparators(t *testing.T) {
	cols := Columns(record("R", fld{name: "a", t: types.CountType}, fld{name: "s", t: types.NewSet(types.CountType)}))
	o := DefaultOptions()
	o.ApplyConfig(map[string]string{"separator": "|", "set_separator": ";", "unset_field": "NONE", "path_prefix": "/ignored"})
	rows, probs, _ := readString(t, "#fields|a|s\n1|2;3\nNONE|4\n", cols, o)
	checkMsgs(t, probs, "", "input.log:3: Skipping input with missing non-optional value")
	if len(rows) != 1 || rows[0].Values[0].Count() != 1 || !value.Equal(rows[0].Values[1], setOf(types.CountType, counts(2, 3)...), cols[1].Type) {
		t.Errorf("rows %+v", rows)
	}

	// Zeek uses the first byte of a longer separator, with an error.
	o = DefaultOptions()
	o.Separator = "||"
	rows, probs, _ = readString(t, "#fields|a|s\n1|2\n", cols, o)
	checkMsgs(t, probs, "", "input.log/Input::READER_ASCII: separator length has to be 1. Separator will be truncated.")
	if len(rows) != 1 || !probs[0].Error || probs[0].Fatal || probs[0].File {
		t.Errorf("rows %+v, %+v", rows, probs)
	}
}

func TestApplyConfig(t *testing.T) {
	o := DefaultOptions()
	o.ApplyConfig(map[string]string{"fail_on_invalid_lines": "T", "fail_on_file_problem": "TRUE", "empty_field": "EMPTY", "bogus": "x"})
	want := Options{Separator: "\t", SetSeparator: ",", EmptyField: "EMPTY", UnsetField: "-", FailOnInvalidLines: true, FailOnFileProblem: true}
	if o != want {
		t.Errorf("got %+v", o)
	}
	o.ApplyConfig(map[string]string{"fail_on_invalid_lines": "F", "fail_on_file_problem": "true"})
	if o.FailOnInvalidLines || o.FailOnFileProblem {
		t.Errorf("got %+v", o)
	}
}

// TestLongLine: lines longer than the read buffer are read whole.
func TestLongLine(t *testing.T) {
	cols := Columns(record("R", fld{name: "s", t: types.StringType}, fld{name: "c", t: types.CountType}))
	long := strings.Repeat("x\\x41", 50000)
	rows, probs, _ := readString(t, "#fields\ts\tc\n"+long+"\t1\nshort\t2", cols, DefaultOptions())
	checkMsgs(t, probs, "")
	if len(rows) != 2 || rows[0].Values[0].Str() != strings.Repeat("xA", 50000) || rows[1].Values[0].Str() != "short" || rows[1].Values[1].Count() != 2 {
		t.Errorf("%d rows", len(rows))
	}
}

func TestSubnets(t *testing.T) {
	cols := Columns(record("R", fld{name: "k", t: types.CountType}, fld{name: "sn", t: types.SubnetType}))
	content := "#fields\tk\tsn\n1\t10.1.2.3/8\n2\t10.0.0.0/33\n3\t2001:db8::/129\n4\t10.0.0.0/x\n5\t/24\n6\t10.0.0.0/-1\n7\t 192.168.0.0/16 \n"
	rows, probs, dir := readString(t, content, cols, DefaultOptions())
	const p = "input.log/Input::READER_ASCII: DIR/input.log, line "
	conv := func(n, l string) string {
		return p + n + ": Could not convert line '" + l + "' of DIR/input.log to Val. Ignoring line."
	}
	checkMsgs(t, probs, dir,
		p+"3: Invalid value for subnet: 10.0.0.0/33", conv("3", "2\t10.0.0.0/33"),
		p+"4: Invalid value for subnet: 2001:db8::/129", conv("4", "3\t2001:db8::/129"),
		p+"5: String 'x' contained no parseable number", conv("5", "4\t10.0.0.0/x"),
		p+"6: Bad address: ",
		p+"7: Invalid value for subnet: 10.0.0.0/-1", conv("7", "6\t10.0.0.0/-1"),
	)
	want := map[int]string{2: "10.0.0.0/8", 6: "0.0.0.0/24", 8: "192.168.0.0/16"}
	if len(rows) != len(want) {
		t.Fatalf("rows at %v", lines(rows))
	}
	for _, r := range rows {
		if got := r.Values[1].Subnet(); got != netip.MustParsePrefix(want[r.Line]) {
			t.Errorf("line %d: %v", r.Line, got)
		}
	}
}

func TestUnsupportedType(t *testing.T) {
	cols := []Column{{Name: "t", Type: types.NewTable(types.StringType, types.CountType), Path: []int{0}}}
	rows, probs, dir := readString(t, "#fields\tt\n1\n", cols, DefaultOptions())
	checkMsgs(t, probs, dir,
		"input.log/Input::READER_ASCII: DIR/input.log, line 2: unsupported field format table[count] of string for t",
		"input.log/Input::READER_ASCII: DIR/input.log, line 2: Could not convert line '1' of DIR/input.log to Val. Ignoring line.")
	if len(rows) != 0 {
		t.Errorf("%d rows", len(rows))
	}
}

// TestManyRows reads a file large enough for the row slice to be sized
// from the file's size.
func TestManyRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "intel.dat")
	writeIntel(t, path, 5000)
	rows, probs := Read(path, Columns(intelItem()), DefaultOptions())
	if len(rows) != 5000 || len(probs) != 0 {
		t.Fatalf("%d rows, %d problems", len(rows), len(probs))
	}
	for i, r := range rows {
		if r.Line != i+2 || len(r.Values) != 5 {
			t.Fatalf("row %d: line %d, %d values", i, r.Line, len(r.Values))
		}
	}
	if v := rows[4999].Values; v[0].Str() != "host4999.bad-domain.example" || v[3].Str() != "phishing\tkit" {
		t.Errorf("last row %v", v)
	}
	if v := rows[2].Values; v[0].Str() != "http://host2.example/path/2" || !v[3].IsUnset() {
		t.Errorf("row 2 %v", v)
	}
}

// TestComments: lines starting with "#" are skipped wherever they are
// (#separator is not interpreted, as in Zeek); so is a second #fields
// line (Zeek would read it as data), and so are empty lines. Line
// numbers count them all.
func TestComments(t *testing.T) {
	cols := Columns(record("R", fld{name: "a", t: types.StringType}, fld{name: "b", t: types.CountType}))
	content := "#separator |\n# free text\n#fields\ta\tb\n#types\tstring\tcount\n\nx\t1\n#fields\tb\ta\n# another\ny\t2\n#close\t2016\n"
	rows, probs, _ := readString(t, content, cols, DefaultOptions())
	checkMsgs(t, probs, "")
	if got := lines(rows); !reflect.DeepEqual(got, []int{6, 9}) || rows[1].Values[0].Str() != "y" || rows[1].Values[1].Count() != 2 {
		t.Errorf("rows %+v", rows)
	}
}
