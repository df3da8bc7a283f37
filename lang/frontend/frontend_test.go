package frontend

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/policy"
)

var update = flag.Bool("update", false, "rewrite .err goldens")

// cacheDir is a parse cache shared by the corpus tests: the embedded tree is
// parsed once, not once per script.
var cacheDir string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "gobro-frontend-test")
	if err != nil {
		panic(err)
	}
	cacheDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func headers(d *diag.List) []string {
	var out []string
	for _, x := range d.Items {
		out = append(out, x.Header())
	}
	return out
}

// TestCorpusOK: every script under testdata/lang/ok parses and checks in
// bare mode without errors.
func TestCorpusOK(t *testing.T) {
	for _, name := range corpus(t, "lang/ok", 300, "*.zeek", "*.bro") {
		t.Run(name, func(t *testing.T) {
			mustCheck(t, &Config{SearchPath: []string{"."}, Bare: true, Scripts: []string{"./" + name}, CacheDir: cacheDir}, false)
		})
	}
}

// TestCorpusErrors: every script under testdata/lang/errors gives exactly
// the diagnostics its "# expect:" header lines name, in order, and its full
// output (with carets) matches the .err golden byte for byte.
func TestCorpusErrors(t *testing.T) {
	for _, name := range corpus(t, "lang/errors", 40, "*.zeek") {
		t.Run(name, func(t *testing.T) {
			want := expectations(t, name)
			res := Load(&Config{SearchPath: []string{"."}, Bare: true, Scripts: []string{"./" + name}, CacheDir: cacheDir})
			got := headers(res.Diags)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("diagnostics differ\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			var b strings.Builder
			res.Diags.Print(&b, res.Sources())
			golden := strings.TrimSuffix(name, ".zeek") + ".err"
			if *update {
				os.WriteFile(golden, []byte(b.String()), 0o644)
				return
			}
			wantOut, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden %s (go test -update)", golden)
			}
			if b.String() != string(wantOut) {
				t.Errorf("output differs from %s:\n%s", golden, b.String())
			}
		})
	}
}

// corpus changes into testdata/<dir> (so scripts are named "./x.zeek", as
// Zeek names them) and returns the base names of the files matching the
// patterns, failing when there are fewer than min.
func corpus(t *testing.T, dir string, min int, patterns ...string) []string {
	t.Helper()
	abs, _ := filepath.Abs(filepath.Join("../../testdata", dir))
	var names []string
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join(abs, p))
		for _, f := range files {
			names = append(names, filepath.Base(f))
		}
	}
	if len(names) < min {
		t.Errorf("testdata/%s has %d scripts, want at least %d", dir, len(names), min)
	}
	t.Chdir(abs)
	return names
}

// expectations reads the "# expect: ..." and "# expect(ours): ..." lines.
func expectations(t *testing.T, name string) []string {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		for _, p := range []string{"# expect: ", "# expect(ours): "} {
			if rest, ok := strings.CutPrefix(line, p); ok {
				out = append(out, rest)
			}
		}
	}
	return out
}

// TestSeeds: the two seed-style scripts check unmodified with the default
// policy loaded.
func TestSeeds(t *testing.T) {
	for _, name := range corpus(t, "seeds", 2, "*.bro") {
		t.Run(name, func(t *testing.T) {
			mustCheck(t, &Config{SearchPath: []string{"."}, Scripts: []string{"./" + name}, CacheDir: cacheDir}, false)
		})
	}
}

// TestDefaultPolicy: the default startup set and site/local load cleanly.
func TestDefaultPolicy(t *testing.T) {
	mustCheck(t, &Config{Scripts: []string{"local"}, CacheDir: cacheDir}, true)
}

// mustCheck loads cfg and fails on any error (and, when strict, on any
// warning), printing the diagnostics as a user would see them.
func mustCheck(t *testing.T, cfg *Config, strict bool) {
	t.Helper()
	res := Load(cfg)
	if res.Diags.HasErrors() || strict && len(res.Diags.Items) > 0 {
		var b strings.Builder
		res.Diags.Print(&b, res.Sources())
		t.Errorf("%s", b.String())
	}
}

// BenchmarkStartup measures the time from nothing to a checked program
// with the whole default policy loaded, as every run pays it: with the parse
// cache warm (the normal case) and without any cache.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	Load(&Config{CacheDir: dir}) // warm the cache
	b.Run("cached", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if res := Load(&Config{CacheDir: dir}); res.Diags.HasErrors() {
				b.Fatal(res.Diags.Items[0])
			}
		}
	})
	b.Run("uncached", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if res := Load(&Config{}); res.Diags.HasErrors() {
				b.Fatal(res.Diags.Items[0])
			}
		}
	})
}

// TestCacheEquivalence: a program loaded from the parse cache is the same
// as one parsed afresh (same declarations, same diagnostics).
func TestCacheEquivalence(t *testing.T) {
	dir := t.TempDir()
	cold := Load(&Config{CacheDir: dir, Scripts: []string{"local"}})
	warm := Load(&Config{CacheDir: dir, Scripts: []string{"local"}})
	plain := Load(&Config{Scripts: []string{"local"}})
	if warm.Loader.Decls() != plain.Loader.Decls() || cold.Loader.Decls() != plain.Loader.Decls() {
		t.Fatalf("declarations: cold %d warm %d plain %d", cold.Loader.Decls(), warm.Loader.Decls(), plain.Loader.Decls())
	}
	if len(warm.Program.Globals) != len(plain.Program.Globals) || len(warm.Program.Funcs) != len(plain.Program.Funcs) {
		t.Fatalf("program differs: globals %d/%d funcs %d/%d", len(warm.Program.Globals), len(plain.Program.Globals),
			len(warm.Program.Funcs), len(plain.Program.Funcs))
	}
	if strings.Join(headers(warm.Diags), "\n") != strings.Join(headers(plain.Diags), "\n") {
		t.Fatalf("diagnostics differ:\n%v\n%v", headers(warm.Diags), headers(plain.Diags))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "policy-*.gob"))
	if len(files) != 1 {
		t.Fatalf("want one cache file, have %v", files)
	}
}

// BenchmarkCheck10k measures parse+check throughput on a generated
// 10,000-line script (bare mode, so the script dominates).
func BenchmarkCheck10k(b *testing.B) {
	src := generated(10000)
	dir := b.TempDir()
	p := filepath.Join(dir, "gen.zeek")
	os.WriteFile(p, src, 0o644)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := Load(&Config{Bare: true, Scripts: []string{p}})
		if res.Diags.HasErrors() {
			b.Fatal(res.Diags.Items[0])
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "lines/s")
}

// generated returns a script of n lines mixing declarations, handlers and
// expressions in the proportions of real policy scripts.
func generated(n int) []byte {
	var b strings.Builder
	b.WriteString("module Gen;\n")
	lines := 1
	for i := 0; lines < n; i++ {
		id := itoa(i)
		chunk := "type R" + id + ": record {\n\ta: count &default=" + id + ";\n\tb: string &optional;\n\tc: set[addr];\n};\n" +
			"global t" + id + ": table[addr] of R" + id + " &create_expire=1 min;\n" +
			"function f" + id + "(x: count, s: string): string\n\t{\n" +
			"\tlocal r = R" + id + "($c=set(10.0.0.1));\n" +
			"\tif ( x > 5 && s in \"abc\" || |r$c| == 0 )\n\t\treturn fmt(\"%s-%d\", s, x * 2 + 1);\n" +
			"\tfor ( a in r$c )\n\t\tt" + id + "[a] = r;\n" +
			"\treturn cat(s, x);\n\t}\n" +
			"event zeek_init() &priority=" + id + "\n\t{\n\tprint f" + id + "(" + id + ", \"x\");\n\t}\n"
		b.WriteString(chunk)
		lines += strings.Count(chunk, "\n")
	}
	return []byte(b.String())
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestEveryPolicyScript: each script of the embedded tree checks on its own
// on top of the default startup set, as "gobro -a <script>" would.
func TestEveryPolicyScript(t *testing.T) {
	scripts := EmbeddedScripts(policy.FS)
	if len(scripts) < 50 {
		t.Fatalf("only %d scripts in the embedded tree", len(scripts))
	}
	for _, s := range scripts {
		t.Run(s, func(t *testing.T) {
			mustCheck(t, &Config{CacheDir: cacheDir, Scripts: []string{load.EmbeddedPrefix + s}}, true)
		})
	}
}
