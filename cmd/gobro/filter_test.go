package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTraceFilter: -f drops the packets a filter rejects before anything
// sees them (conn.log holds the UDP flows of the bundled trace only, and
// --summary counts the packets kept); a filter that does not compile is
// a fatal error naming it.
func TestTraceFilter(t *testing.T) {
	trace, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "sample.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOBRO_CACHE", "off")
	t.Setenv("TZ", "UTC")
	dir := t.TempDir()
	t.Chdir(dir)
	var stdout, stderr strings.Builder
	if code := run([]string{"-D", "-b", "--summary", "-f", "udp", "-r", trace, "base/protocols/conn"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), ": 5 packets, 2 connections;") {
		t.Errorf("summary %q", stdout.String())
	}
	log, _ := os.ReadFile("conn.log")
	var protos []string
	for _, l := range strings.Split(string(log), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			protos = append(protos, strings.Split(l, "\t")[6])
		}
	}
	if strings.Join(protos, ",") != "udp,udp" {
		t.Errorf("conn.log protocols %v, want two udp rows", protos)
	}

	stderr.Reset()
	code := run([]string{"-b", "-f", "tcp port", "-r", trace}, strings.NewReader(""), &stdout, &stderr)
	if code != 1 || !strings.HasPrefix(stderr.String(), "fatal error: failed to compile pcap filter 'tcp port': ") {
		t.Errorf("bad filter: exit %d, stderr %q", code, stderr.String())
	}
}
