package builtins

import (
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func TestCompressPath(t *testing.T) {
	// Zeek's bifs/compress_path test.
	tests := [][2]string{
		{"./../foo", "../foo"}, {"././../foo", "../foo"}, {"/1/2/3", "/1/2/3"},
		{"/1/./2/3", "/1/2/3"}, {"/1/2/../3", "/1/3"}, {"1/2/3/", "1/2/3"},
		{"1/2//3///", "1/2/3"}, {"~/zeek/testing", "~/zeek/testing"},
		{"~jon/zeek/testing", "~jon/zeek/testing"}, {"~jon/./zeek/testing", "~jon/zeek/testing"},
		{"~/zeek/testing/../././.", "~/zeek"}, {"./zeek", "./zeek"}, {"../zeek", "../zeek"},
		{"../zeek/testing/..", "../zeek"}, {"./zeek/..", "."}, {"./zeek/../..", ".."},
		{"./zeek/../../..", "../.."}, {"./..", ".."}, {"../..", "../.."}, {"/..", "/.."},
		{"~/..", "~/.."}, {"/../..", "/../.."}, {"~/../..", "~/../.."}, {"zeek/..", ""},
		{"zeek/../..", ".."},
	}
	for _, tc := range tests {
		got, _ := call(t, nil, "compress_path", S(tc[0]))
		if got.Str() != tc[1] {
			t.Errorf("compress_path(%q) = %q; want %q", tc[0], got.Str(), tc[1])
		}
	}
}

func TestFileOps(t *testing.T) {
	dir := t.TempDir()
	d := filepath.Join(dir, "sub")
	if v, err := call(t, nil, "mkdir", S(d)); err != nil || !v.Bool() {
		t.Fatalf("mkdir = %v, %v", v.Bool(), err)
	}
	// An existing directory is fine.
	if v, err := call(t, nil, "mkdir", S(d)); err != nil || !v.Bool() {
		t.Errorf("mkdir existing = %v, %v", v.Bool(), err)
	}
	f := filepath.Join(d, "f")
	os.WriteFile(f, []byte("hello"), 0o644)
	if v, _ := call(t, nil, "file_size", S(f)); v.Double() != 5 {
		t.Errorf("file_size = %v; want 5", v.Double())
	}
	if v, _ := call(t, nil, "file_size", S(filepath.Join(dir, "nope"))); v.Double() != -1 {
		t.Errorf("file_size(missing) = %v; want -1", v.Double())
	}
	// mkdir over a file fails with Zeek's message.
	v, err := call(t, nil, "mkdir", S(f))
	if v.Bool() || errText(err) != "cannot create directory '"+f+"': File exists" {
		t.Errorf("mkdir(file) = %v, %q", v.Bool(), errText(err))
	}
	g := filepath.Join(d, "g")
	if v, err := call(t, nil, "rename", S(f), S(g)); err != nil || !v.Bool() {
		t.Errorf("rename = %v, %v", v.Bool(), err)
	}
	v, err = call(t, nil, "rmdir", S(d))
	if v.Bool() || errText(err) != "cannot remove directory '"+d+"': Directory not empty" {
		t.Errorf("rmdir(non-empty) = %v, %q", v.Bool(), errText(err))
	}
	if v, err := call(t, nil, "unlink", S(g)); err != nil || !v.Bool() {
		t.Errorf("unlink = %v, %v", v.Bool(), err)
	}
	v, err = call(t, nil, "unlink", S(g))
	if v.Bool() || errText(err) != "cannot unlink file '"+g+"': No such file or directory" {
		t.Errorf("unlink(missing) = %v, %q", v.Bool(), errText(err))
	}
	if _, err := call(t, nil, "rename", S(g), S(f)); !strings.HasPrefix(errText(err), "cannot rename file '"+g+"' to '"+f+"': ") {
		t.Errorf("rename(missing): %q", errText(err))
	}
	if v, err := call(t, nil, "rmdir", S(d)); err != nil || !v.Bool() {
		t.Errorf("rmdir = %v, %v", v.Bool(), err)
	}
}

func TestSystem(t *testing.T) {
	if v, _ := call(t, nil, "system", S("true")); v.Int() != 0 {
		t.Errorf("system(true) = %d", v.Int())
	}
	if v, _ := call(t, nil, "system", S("exit 3")); v.Int() != 3 {
		t.Errorf("system(exit 3) = %d", v.Int())
	}
	env := value.NewTable(types.NewTable(types.StringType, types.StringType))
	env.Put1(S("foo"), S("bar"))
	if v, _ := call(t, nil, "system_env", S(`test "$ZEEK_ARG_FOO" = bar`), value.Value{P: env}); v.Int() != 0 {
		t.Errorf("system_env: ZEEK_ARG_FOO not set (status %d)", v.Int())
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if v, _ := call(t, nil, "piped_exec", S("cat > '"+out+"'"), S("data")); !v.Bool() {
		t.Error("piped_exec = F")
	}
	if b, _ := os.ReadFile(out); string(b) != "data" {
		t.Errorf("piped_exec wrote %q", b)
	}
}

func TestCommunityID(t *testing.T) {
	cid := types.NewRecord("conn_id")
	for _, f := range []struct {
		n string
		t types.Type
	}{{"orig_h", types.AddrType}, {"orig_p", types.PortType}, {"resp_h", types.AddrType}, {"resp_p", types.PortType}} {
		cid.AddField(&types.Field{Name: f.n, Type: f.t})
	}
	mk := func(oh string, op uint32, rh string, rp uint32, proto int) value.Value {
		return value.Value{P: value.RecordOf(cid, []value.Value{
			value.Addr(mustAddr(oh)), value.Port(op, proto), value.Addr(mustAddr(rh)), value.Port(rp, proto)})}
	}
	// Zeek's documentation example.
	fwd := mk("141.142.228.5", 59856, "192.150.187.43", 80, value.ProtoTCP)
	got, err := call(t, nil, "community_id_v1", fwd, C(0), B(true))
	if err != nil || got.Str() != "1:yvyB8h+3dnggTZW0UEITWCst97w=" {
		t.Errorf("community_id_v1 = %q, %v", got.Str(), err)
	}
	// Direction does not matter.
	rev := mk("192.150.187.43", 80, "141.142.228.5", 59856, value.ProtoTCP)
	if r, _ := call(t, nil, "community_id_v1", rev, C(0), B(true)); r.Str() != got.Str() {
		t.Errorf("reverse = %q; want %q", r.Str(), got.Str())
	}
	// Seed and hex form.
	s1, _ := call(t, nil, "community_id_v1", fwd, C(1), B(true))
	hx, _ := call(t, nil, "community_id_v1", fwd, C(0), B(false))
	if s1.Str() == got.Str() || !strings.HasPrefix(hx.Str(), "1:") || len(hx.Str()) != 42 {
		t.Errorf("seed 1 = %q, hex = %q", s1.Str(), hx.Str())
	}
}

func TestMD5HMAC(t *testing.T) {
	ctx := &fakeCtx{}
	a, _ := call(t, ctx, "md5_hmac", value.Box(S("foo"), types.StringType))
	b, _ := call(t, ctx, "md5_hmac", value.Box(S("foo"), types.StringType))
	c, _ := call(t, &fakeCtx{}, "md5_hmac", value.Box(S("foo"), types.StringType))
	plain, _ := call(t, nil, "md5_hash", value.Box(S("foo"), types.StringType))
	if len(a.Str()) != 32 || a.Str() != b.Str() || a.Str() == c.Str() || a.Str() == plain.Str() {
		t.Errorf("md5_hmac: %q %q (other run %q, md5 %q)", a.Str(), b.Str(), c.Str(), plain.Str())
	}
}

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }
