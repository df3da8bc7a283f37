package engine_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/runtime/engine"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// updateSample rewrites the bundled trace's golden.
var updateSample = flag.Bool("update-sample", false, "rewrite testdata/pcap/sample.conn.log")

// runSample runs the engine on testdata/pcap/sample.pcap in a temp dir
// (zeek -D [-b] -r sample.pcap scripts...) and returns its conn.log.
func runSample(t *testing.T, bare bool, scripts ...string) string {
	t.Helper()
	trace, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "sample.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	_, stderr := runEngine(t, trace, bare, scripts...)
	if stderr != "" {
		t.Errorf("stderr:\n%s", stderr)
	}
	got, err := os.ReadFile("conn.log")
	if err != nil {
		t.Fatalf("no conn.log: %v", err)
	}
	return openRE.ReplaceAllStringFunc(string(got), func(l string) string {
		return strings.SplitN(l, "\t", 2)[0] + "\tXXXX-XX-XX-XX-XX-XX"
	})
}

// runEngine runs scripts over a trace in the current directory as
// zeek -D [-b] -r trace does (UTC, deterministic uids) and returns stdout
// and stderr; a load error or a non-zero exit fails the test.
func runEngine(t *testing.T, trace string, bare bool, scripts ...string) (string, string) {
	t.Helper()
	return runPcap(t, trace, runOpts{bare: bare, scripts: scripts})
}

// runOpts says how runPcap runs the engine: bare mode, the scripts to
// load and redefs to execute, and -C (our recorded traces come from a
// veth link, whose outgoing checksums are left to the absent hardware).
type runOpts struct {
	bare            bool
	scripts, exec   []string
	ignoreChecksums bool
}

// runPcap runs the engine over a trace in the current directory (UTC,
// deterministic uids) and returns stdout and stderr; a load error or a
// non-zero exit fails the test.
func runPcap(t *testing.T, trace string, o runOpts) (string, string) {
	t.Helper()
	t.Setenv("TZ", "UTC")
	t.Setenv("ZEEK_SEED_FILE", "")
	t.Setenv("ZEEK_SEED_VALUES", "")
	res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(os.Getenv), Bare: o.bare, Scripts: o.scripts, Exec: o.exec})
	if res.Diags.HasErrors() {
		var b strings.Builder
		res.Diags.Print(&b, res.Sources())
		t.Fatalf("loading scripts:\n%s", b.String())
	}
	gen, err := uid.New(uid.Options{Deterministic: true})
	if err != nil {
		t.Fatal(err)
	}
	src, err := gnet.Open(trace)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var stdout, stderr strings.Builder
	eng := engine.New(res.Program, &stdout, &stderr)
	eng.SetPacketInput(engine.PacketInput{Source: src, UIDs: gen, IgnoreChecksums: o.ignoreChecksums})
	if code := eng.Run(); code != 0 {
		t.Fatalf("exit code %d, stderr:\n%s", code, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// TestSampleConnLog is the bundled trace's golden: zeek -D -b -r
// sample.pcap base/protocols/conn. Bare mode keeps the golden what Zeek
// itself writes: without the protocol scripts no analyzer is registered
// for 80/tcp or 53/udp, so service is unset there too. The timestamps are
// the trace's own (pcapgen's), so only #open/#close are masked.
// go test -update-sample rewrites testdata/pcap/sample.conn.log.
func TestSampleConnLog(t *testing.T) {
	golden, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "sample.conn.log"))
	got := runSample(t, true, "base/protocols/conn")
	if *updateSample {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		d, cols, _ := diffColumns(got, string(want))
		t.Errorf("conn.log differs from %s (columns %v):\n%s", golden, cols, d)
	}
}

// TestSampleConnLogDefault runs the default policy (make run's job): the
// same connections, now with the services the protocol analysers find,
// against sample.default.conn.log (rows sorted: the flush order is the
// default policy's). -update-sample rewrites it too.
func TestSampleConnLogDefault(t *testing.T) {
	golden, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "sample.default.conn.log"))
	rows := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				out = append(out, l)
			}
		}
		slices.Sort(out)
		return out
	}
	got := runSample(t, false)
	if *updateSample {
		if err := os.WriteFile(golden, []byte(strings.Join(rows(got), "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	g, w := rows(got), rows(string(want))
	if !slices.Equal(g, w) {
		t.Errorf("default-policy conn.log rows differ from %s:\ngot:\n%s\nwant:\n%s", golden, strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
}
