package engine_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var updateTraces = flag.Bool("update-traces", false, "rewrite the golden logs of the recorded traces in testdata/pcap")

// TestRecordedTraces runs each trace we recorded from real traffic
// (testdata/pcap/NAME.pcap, made by the protocol packages' TestRecord
// tests with -record) through the default policy, as `gobro -C -r
// NAME.pcap` would (the captures come from a veth link, whose outgoing
// checksums are left to the absent hardware), and compares every log it
// has a golden for (NAME.LOG.log) byte for byte, but for the #open and
// #close lines. A log a trace should not write is caught too: every log
// the run writes needs a golden. -update-traces rewrites the goldens.
func TestRecordedTraces(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap"))
	if err != nil {
		t.Fatal(err)
	}
	traces, _ := filepath.Glob(filepath.Join(dir, "*.pcap"))
	for _, trace := range traces {
		name := strings.TrimSuffix(filepath.Base(trace), ".pcap")
		goldens, _ := filepath.Glob(filepath.Join(dir, name+".*.log"))
		if len(goldens) == 0 || name == "sample" { // sample: TestSampleConnLog
			continue
		}
		t.Run(name, func(t *testing.T) {
			logs := runRecorded(t, trace)
			if *updateTraces {
				for _, g := range goldens {
					os.Remove(g)
				}
				for log, text := range logs {
					if err := os.WriteFile(filepath.Join(dir, name+"."+log), []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			var names []string
			for log := range logs {
				names = append(names, log)
			}
			sort.Strings(names)
			for _, log := range names {
				golden := filepath.Join(dir, name+"."+log)
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Errorf("the run writes %s, which has no golden %s", log, filepath.Base(golden))
					continue
				}
				if got := logs[log]; got != string(want) {
					d, cols, _ := diffColumns(got, string(want))
					t.Errorf("%s differs from %s (columns %v):\n%s", log, filepath.Base(golden), cols, d)
				}
			}
			for _, g := range goldens {
				log := strings.TrimPrefix(filepath.Base(g), name+".")
				if _, ok := logs[log]; !ok {
					t.Errorf("golden %s, but the run wrote no %s", filepath.Base(g), log)
				}
			}
		})
	}
}

var openClose = regexp.MustCompile(`(?m)^#(open|close)\t.*$`)

// runRecorded runs the default policy over a trace in a temp dir (-C)
// and returns the logs it wrote (#open/#close masked); anything on
// stderr fails the test.
func runRecorded(t *testing.T, trace string, exec ...string) map[string]string {
	t.Helper()
	t.Chdir(t.TempDir())
	if _, stderr := runPcap(t, trace, runOpts{exec: exec, ignoreChecksums: true}); stderr != "" {
		t.Fatalf("stderr:\n%s", stderr)
	}
	logs := map[string]string{}
	files, _ := filepath.Glob("*.log")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		logs[f] = openClose.ReplaceAllString(string(b), "#$1\tXXXX-XX-XX-XX-XX-XX")
	}
	return logs
}

// With ports ignored, the signatures find the same three TLS connections
// of tls-handshakes.pcap by their hellos, and ssl.log is the same but for
// ts: the analyser starts with the server's hello, which matches the
// signature. (The TLS 1.3 client's hello, with its post-quantum key
// share, is longer than the default dpd_buffer_size of 1024 bytes, so the
// buffer is raised.)
func TestHandshakesByContent(t *testing.T) {
	trace, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "tls-handshakes.pcap"))
	want, err := os.ReadFile(strings.TrimSuffix(trace, ".pcap") + ".ssl.log")
	if err != nil {
		t.Fatal(err)
	}
	got := runRecorded(t, trace, "redef dpd_ignore_ports = T", "redef dpd_buffer_size = 4096")["ssl.log"]
	dropTS := func(log string) string {
		var out []string
		for _, l := range strings.Split(log, "\n") {
			if _, rest, ok := strings.Cut(l, "\t"); ok && !strings.HasPrefix(l, "#") {
				l = rest
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	}
	if dropTS(got) != dropTS(string(want)) {
		t.Errorf("ssl.log by content differs:\n%s", got)
	}
}
