package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
)

// recorder is a checker that remembers the order of declarations by the
// name they declare, and treats names starting with "def_" as defined.
type recorder struct{ names []string }

func (r *recorder) Decl(d ast.Decl) {
	if v, ok := d.(*ast.VarDecl); ok {
		r.names = append(r.names, v.Name)
	}
}
func (r *recorder) Defined(name string) bool          { return strings.HasPrefix(name, "def_") }
func (r *recorder) CondExpr(e ast.Expr) (bool, error) { return e.(*ast.BasicLit).Value == "T", nil }

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResolution(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"main.zeek":        "@load a\n@load b.bro\n@load pkg\n@load ./sub/rel\n@load a\nglobal main_done = 1;\n",
		"a.zeek":           "global a_zeek = 1;\n",
		"a.bro":            "global a_bro = 1;\n",
		"b.bro":            "global b_bro = 1;\n",
		"b.zeek":           "global b_zeek = 1;\n",
		"pkg/__load__.bro": "global pkg_bro = 1;\n",
		"sub/rel.bro":      "@load ../c\nglobal rel = 1;\n",
		"c.zeek":           "@load base/emb\nglobal c = 1;\n",
	})
	emb := fstest.MapFS{
		"base/emb.zeek":        {Data: []byte("global emb = 1;\n")},
		"policy/only-pol.zeek": {Data: []byte("global pol = 1;\n")},
	}
	r := &recorder{}
	d := &diag.List{}
	l := New([]string{dir}, emb, d, r)
	l.Load("main", "", token.Pos{})
	l.Load("only-pol", "", token.Pos{})
	if len(d.Items) > 0 {
		t.Fatalf("diagnostics: %v", d.Items)
	}
	want := "a_zeek b_bro pkg_bro emb c rel main_done pol"
	if got := strings.Join(r.names, " "); got != want {
		t.Errorf("load order\n got %s\nwant %s", got, want)
	}
}

func TestConditionalsAndMissing(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"m.zeek": "@if ( T )\nglobal yes = 1;\n@else\nglobal no = 1;\n@endif\n" +
			"@ifdef ( def_x )\nglobal defined = 1;\n@endif\n@ifndef ( def_x )\nglobal undefined = 1;\n@endif\n" +
			"@load nowhere\nglobal after = 1;\n",
	})
	r := &recorder{}
	d := &diag.List{}
	l := New([]string{dir}, nil, d, r)
	l.Load("m", "", token.Pos{})
	if got := strings.Join(r.names, " "); got != "yes defined" {
		t.Errorf("got %q", got)
	}
	if len(d.Items) != 1 || d.Items[0].Header() != "fatal error in "+filepath.Join(dir, "m.zeek")+", line 12: can't find nowhere" {
		t.Errorf("diagnostics: %v", d.Items)
	}
}

func TestUnloadAndPrefixes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"m.zeek":       "@unload skipped\n@load skipped\n@prefixes += tune\nglobal m = 1;\n",
		"skipped.zeek": "global skipped = 1;\n",
		"tune.m.zeek":  "global tuned = 1;\n",
	})
	r := &recorder{}
	d := &diag.List{}
	l := New([]string{dir}, nil, d, r)
	l.Load("m", "", token.Pos{})
	l.LoadPrefixes()
	if got := strings.Join(r.names, " "); got != "m tuned" {
		t.Errorf("got %q (%v)", got, d.Items)
	}
}

func TestSearchPath(t *testing.T) {
	env := map[string]string{"ZEEKPATH": "a::b:"}
	if got := strings.Join(SearchPath(func(k string) string { return env[k] }), " "); got != "a b" {
		t.Errorf("ZEEKPATH: %q", got)
	}
	env = map[string]string{"BROPATH": "x"}
	if got := strings.Join(SearchPath(func(k string) string { return env[k] }), " "); got != "x" {
		t.Errorf("BROPATH: %q", got)
	}
	if got := strings.Join(SearchPath(func(string) string { return "" }), " "); got != "." {
		t.Errorf("default: %q", got)
	}
}

func TestDisplayNames(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"x.zeek": "global x = 1;\n"})
	t.Chdir(dir)
	l := New([]string{"."}, nil, &diag.List{}, nil)
	l.Load("x", "", token.Pos{})
	if got := strings.Join(l.Files(), " "); got != "./x.zeek" {
		t.Errorf("got %q", got)
	}
}

// TestDeprecated: @deprecated warns where the script was loaded from, in
// Zeek's words (a message keeps its quotes; without one the line ends in a
// space).
func TestDeprecated(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"foo.zeek": "@deprecated\n@load bar\n@load baz\n",
		"bar.zeek": "@deprecated \"Use '@load qux' instead\"\n",
		"baz.zeek": "@deprecated\n",
	})
	t.Chdir(dir)
	d := &diag.List{}
	l := New([]string{"."}, nil, d, &recorder{})
	l.Load("foo", "", token.Pos{})
	var got []string
	for _, x := range d.Items {
		got = append(got, x.Header())
	}
	want := []string{
		"warning in ./foo.zeek, line 1: deprecated script loaded from command line arguments ",
		`warning in ./bar.zeek, line 1: deprecated script loaded from ./foo.zeek:2 "Use '@load qux' instead"`,
		"warning in ./baz.zeek, line 1: deprecated script loaded from ./foo.zeek:3 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
