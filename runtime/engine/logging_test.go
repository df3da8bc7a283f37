package engine

import (
	"io/fs"
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
// directory, with TZ=UTC (rotated files are named after local times) and
// the trace a "# @TEST-PCAP: NAME" line names, and compares every file it
// leaves there, in subdirectories too (logs, rotated logs, what
// postprocessors write), and its stdout, as stdout.txt, when not empty;
// stderr as stderr.txt for tests named reporter* or that have one) with
// the goldens in testdata/run/logs/NAME/.
func TestLogFiles(t *testing.T) {
	t.Setenv("TZ", "UTC")
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
			readTrace(t, e, f)
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
			for _, n := range filesUnder(work) {
				b, _ := os.ReadFile(filepath.Join(work, n))
				got[n] = stampRE.ReplaceAllString(string(b), "${1}XXXX-XX-XX-XX-XX-XX")
			}
			if *update {
				os.RemoveAll(golden)
				for n := range got {
					os.MkdirAll(filepath.Dir(filepath.Join(golden, n)), 0o755)
				}
			}
			if want := filesUnder(golden); !*update && len(want) != len(got) {
				var names []string
				for n := range got {
					names = append(names, n)
				}
				sort.Strings(names)
				t.Errorf("files %v, want %v", names, want)
			}
			for n, s := range got {
				checkGolden(t, filepath.Join(golden, n), s)
			}
		})
	}
}

// filesUnder lists the files under dir, as slash-separated paths
// relative to it, sorted.
func filesUnder(dir string) []string {
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(names)
	return names
}
