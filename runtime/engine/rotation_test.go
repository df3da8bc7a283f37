package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// stoppingSource is a live source replaying a trace that stops the engine
// once it has handed over n packets, as gobro's SIGINT handler does.
type stoppingSource struct {
	gnet.PacketSource
	n    int
	stop func()
}

func (s *stoppingSource) Next(p *gnet.RawPacket) error {
	if s.n--; s.n == 0 {
		s.stop()
	}
	return s.PacketSource.Next(p)
}

func (s *stoppingSource) Live() bool { return true }

// TestStopRotates: a live run ended by Stop finishes as a trace does: the
// file of a rotating filter rotates a last time, terminating, and every
// file is closed. rotate-filter.zeek rotates every two minutes; the run
// stops at the fifth packet (00:02:10), which rotated the first period.
func TestStopRotates(t *testing.T) {
	t.Setenv("TZ", "UTC")
	logs, _ := filepath.Abs("../../testdata/run/logs")
	t.Chdir(logs)
	res := frontend.Load(&frontend.Config{SearchPath: []string{"."}, Bare: true, Scripts: []string{"./rotate-filter.zeek"}, CacheDir: t.TempDir()})
	var stdout, stderr strings.Builder
	if res.Diags.HasErrors() {
		res.Diags.Print(&stderr, res.Sources())
		t.Fatal(stderr.String())
	}
	dir := t.TempDir()
	t.Chdir(dir)
	trace, err := gnet.Open(filepath.Join(traceDir, "rotation.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	defer trace.Close()
	gen, _ := uid.New(uid.Options{Deterministic: true})
	e := New(res.Program, &stdout, &stderr)
	e.Getenv = func(string) string { return "" }
	e.SetPacketInput(PacketInput{Source: &stoppingSource{PacketSource: trace, n: 5, stop: e.Stop}, UIDs: gen})
	if code := e.Run(); code != 0 || stderr.Len() > 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	want := `[writer=Log::WRITER_ASCII, fname=archive/rotating-24-01-01_00.00.10.log, path=rotating, open=1704067210.0, close=1704067330.0, terminating=F]
[writer=Log::WRITER_ASCII, fname=archive/rotating-24-01-01_00.02.10.log, path=rotating, open=1704067330.0, close=1704067330.0, terminating=T]
`
	if stdout.String() != want {
		t.Errorf("postprocessor saw\n%swant\n%s", stdout.String(), want)
	}
	for name, rows := range map[string]int{
		"archive/rotating-24-01-01_00.00.10.log": 4,
		"archive/rotating-24-01-01_00.02.10.log": 1,
		"rotating.log":                           1, // written in zeek_done
		"test.log":                               6,
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Error(err)
			continue
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if n := len(lines) - 9; n != rows || !strings.HasPrefix(lines[len(lines)-1], "#close\t") {
			t.Errorf("%s: %d rows, last line %q; want %d rows and #close", name, n, lines[len(lines)-1], rows)
		}
	}
}
