package engine

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
)

// stampRE matches the wall-clock times of #open and #close, which the
// goldens hold masked as Zeek's canonicaliser does.
var stampRE = regexp.MustCompile(`(?m)^(#(?:open|close)\t)\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$`)

// TestLogFiles runs every testdata/run/logs/*.zeek in bare mode in a fresh
// directory and compares the log files it leaves (and its stdout, as
// stdout.txt, when not empty; stderr as stderr.txt for tests named
// reporter*) with the goldens in testdata/run/logs/NAME/.
func TestLogFiles(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/run/logs")
	files, _ := filepath.Glob(filepath.Join(dir, "*.zeek"))
	if len(files) == 0 {
		t.Fatal("no log tests")
	}
	cache := t.TempDir()
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			t.Chdir(dir)
			res := frontend.Load(&frontend.Config{SearchPath: []string{"."}, Bare: true, Scripts: []string{"./" + name}, CacheDir: cache})
			var stdout, stderr strings.Builder
			if res.Diags.HasErrors() {
				res.Diags.Print(&stderr, res.Sources())
				t.Fatal(stderr.String())
			}
			work := t.TempDir()
			t.Chdir(work)
			e := New(res.Program, &stdout, &stderr)
			e.Getenv = func(string) string { return "" }
			e.Run()
			golden := filepath.Join(dir, strings.TrimSuffix(name, ".zeek"))
			got := map[string]string{}
			if stdout.Len() > 0 {
				got["stdout.txt"] = stdout.String()
			}
			// A test about errors keeps its stderr as stderr.txt; any
			// other must write none.
			if _, err := os.Stat(filepath.Join(golden, "stderr.txt")); err == nil || *update && stderr.Len() > 0 && strings.HasPrefix(name, "reporter") {
				got["stderr.txt"] = stderr.String()
			} else if stderr.Len() > 0 {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			logs, _ := filepath.Glob(filepath.Join(work, "*.log"))
			for _, l := range logs {
				b, _ := os.ReadFile(l)
				got[filepath.Base(l)] = stampRE.ReplaceAllString(string(b), "${1}XXXX-XX-XX-XX-XX-XX")
			}
			if *update {
				os.RemoveAll(golden)
				os.MkdirAll(golden, 0o755)
			}
			want, _ := filepath.Glob(filepath.Join(golden, "*"))
			if !*update && len(want) != len(got) {
				var names []string
				for n := range got {
					names = append(names, n)
				}
				sort.Strings(names)
				t.Errorf("files %v, want %d goldens in %s", names, len(want), golden)
			}
			for n, s := range got {
				checkGolden(t, filepath.Join(golden, n), s)
			}
		})
	}
}
