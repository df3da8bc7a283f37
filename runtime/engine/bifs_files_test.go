package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
)

// runIn loads a testdata/run script and runs it with dir as the working
// directory; it returns stdout and stderr.
func runIn(t *testing.T, script, dir string) (string, string) {
	t.Helper()
	src, _ := filepath.Abs("../../testdata/run")
	t.Chdir(src)
	res := frontend.Load(&frontend.Config{SearchPath: []string{"."}, Bare: true, Scripts: []string{"./" + script}, CacheDir: t.TempDir()})
	var stdout, stderr strings.Builder
	if res.Diags.HasErrors() {
		res.Diags.Print(&stderr, res.Sources())
		t.Fatalf("%s: %s", script, stderr.String())
	}
	t.Chdir(dir)
	e := New(res.Program, &stdout, &stderr)
	e.Getenv = func(string) string { return "" }
	e.Run()
	return stdout.String(), stderr.String()
}

// TestFileContents checks what bif-file-ops.zeek leaves in its files:
// print lines, raw output, write_file data, append, truncation.
func TestFileContents(t *testing.T) {
	dir := t.TempDir()
	runIn(t, "bif-file-ops.zeek", dir)
	want := map[string]string{
		"out.txt":   "line, 1, T\n1.5, [1, 2], x\\x01y\nraw data\nappended\n",
		"raw.bin":   "hello\x00worldhi42T",
		"trunc.txt": "second\n",
	}
	for name, w := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(got) != w {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); err == nil {
		t.Errorf("a failed open created a directory")
	}
}
