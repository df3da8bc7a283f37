package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTruncatedTrace: a trace cut in the middle of a packet is analysed up
// to the damage, the logs are written as at a normal end, and the run
// says where it stopped and exits 1.
func TestTruncatedTrace(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pcap", "sample.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOBRO_CACHE", "off")
	t.Setenv("TZ", "UTC")
	t.Chdir(t.TempDir())
	// 1500 bytes end inside the 16th packet, after the HTTP and the
	// rejected SMTP connections (flushed at the end in key order).
	if err := os.WriteFile("cut.pcap", data[:1500], 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	code := run([]string{"-b", "-r", "cut.pcap", "base/protocols/conn"}, strings.NewReader(""), &stdout, &stderr)
	if want := "error: problem with trace file cut.pcap (after packet 15: unexpected EOF)\n"; code != 1 || stderr.String() != want {
		t.Fatalf("exit %d, stderr %q; want 1, %q", code, stderr.String(), want)
	}
	log, err := os.ReadFile("conn.log")
	if err != nil {
		t.Fatal(err)
	}
	var ports []string
	for _, l := range strings.Split(string(log), "\n") {
		if f := strings.Split(l, "\t"); len(f) > 5 && !strings.HasPrefix(l, "#") {
			ports = append(ports, f[5]+"/"+f[6])
		}
	}
	if got := strings.Join(ports, " "); got != "25/tcp 80/tcp" {
		t.Errorf("conn.log connections %q, want the two before the cut", got)
	}
}
