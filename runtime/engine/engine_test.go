package engine

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/frontend"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

var update = flag.Bool("update", false, "rewrite .out/.err goldens")

// TestScripts runs every testdata/run/*.zeek in bare mode and compares
// stdout with NAME.out and stderr with NAME.err (absent = empty), byte for
// byte. Scripts named bif-file*, input-watch* and broker-sqlite* run in a
// fresh temporary directory (the files they open are created there);
// zeek_args() sees ["gobro", "-b", "./NAME.zeek"].
func TestScripts(t *testing.T) {
	t.Setenv("TZ", "UTC") // local times: calc_next_rotate, strftime
	dir, _ := filepath.Abs("../../testdata/run")
	files, _ := filepath.Glob(filepath.Join(dir, "*.zeek"))
	if len(files) == 0 {
		t.Fatal("no script tests")
	}
	cache := t.TempDir()
	t.Chdir(dir)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			// Logs go to a directory of their own, not among the
			// scripts: runs cannot meet each other's, and none is
			// left behind.
			logDir := t.TempDir()
			res := frontend.Load(&frontend.Config{SearchPath: []string{"."}, Bare: true, Scripts: []string{"./" + name}, CacheDir: cache})
			var stdout, stderr strings.Builder
			if res.Diags.HasErrors() {
				res.Diags.Print(&stderr, res.Sources())
			} else {
				if strings.HasPrefix(name, "bif-file") || strings.HasPrefix(name, "input-watch") || strings.HasPrefix(name, "broker-sqlite") {
					// File tests write relative to the working
					// directory (input-watch tests write the files
					// their streams read, broker-sqlite tests their
					// store files): give them a fresh one.
					t.Chdir(t.TempDir())
				}
				e := New(res.Program, &stdout, &stderr)
				e.Args = []string{"gobro", "-b", "./" + name}
				e.LogDir = logDir
				readTrace(t, e, filepath.Join(dir, name))
				if seed := directive(t, filepath.Join(dir, name), "@TEST-SEED"); seed != "" {
					s, err := uid.ReadSeedFile(filepath.Join(dir, seed))
					if err != nil {
						t.Fatal(err)
					}
					e.Seed = &s // as gobro -G FILE
				}
				e.FindScript = res.Loader.Find
				e.Getenv = func(k string) string {
					if k == "ZEEK_DNS_FAKE" {
						return "1" // deterministic DNS answers
					}
					return ""
				}
				// Input streams polled often, so that tests waiting
				// for a file change are quick; a script that never
				// terminates is stopped, to fail rather than hang.
				e.InputHeartbeat = 10 * time.Millisecond
				defer time.AfterFunc(time.Minute, e.Stop).Stop()
				e.Run()
			}
			// Scripts run in testdata/run (so they are named ./x.zeek as
			// Zeek names them); logs they write are not goldens unless
			// a NAME.LOG.out exists (x.intel.log.out for x.zeek's
			// intel.log), which is compared with #open/#close masked.
			base := strings.TrimSuffix(name, ".zeek")
			logGoldens, _ := filepath.Glob(filepath.Join(dir, base+".*.log.out"))
			for _, g := range logGoldens {
				l := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(g), base+"."), ".out")
				got, err := os.ReadFile(filepath.Join(logDir, l))
				if err != nil {
					t.Errorf("%s: no %s", name, l)
					continue
				}
				checkGolden(t, g, logTimesMasked.ReplaceAllString(string(got), "$1 XXXX"))
			}
			checkGolden(t, filepath.Join(dir, base+".out"), stdout.String())
			checkGolden(t, filepath.Join(dir, base+".err"), stderr.String())
		})
	}
}

// logTimesMasked finds the wall-clock times of a log's #open and #close.
var logTimesMasked = regexp.MustCompile(`(?m)^(#open|#close)\t.*$`)

// traceDir holds the bundled traces (absolute: tests change directory).
var traceDir, _ = filepath.Abs("../../testdata/pcap")

// readTrace makes the engine read the trace the test script names on a
// line "# @TEST-PCAP: NAME", testdata/pcap/NAME, as zeek -D -r does
// (deterministic uids).
func readTrace(t *testing.T, e *Engine, script string) {
	trace := directive(t, script, "@TEST-PCAP")
	if trace == "" {
		return
	}
	src, err := gnet.Open(filepath.Join(traceDir, trace))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	gen, err := uid.New(uid.Options{Deterministic: true})
	if err != nil {
		t.Fatal(err)
	}
	e.SetPacketInput(PacketInput{Source: src, UIDs: gen})
}

// directive returns what a test script names on a line "# WHAT: NAME"
// ("" if none): @TEST-PCAP names a trace, @TEST-SEED a seed file in
// testdata/run (the run then has Zeek's seed, as with -G).
func directive(t *testing.T, name, what string) string {
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(src), "\n") {
		if v, ok := strings.CutPrefix(l, "# "+what+": "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if got == "" {
			os.Remove(golden)
			return
		}
		os.WriteFile(golden, []byte(got), 0o644)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got ---\n%s--- want ---\n%s", golden, got, want)
	}
}
