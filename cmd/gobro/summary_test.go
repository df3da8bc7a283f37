package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSummary runs the bundled trace with --summary (make run's job).
func TestSummary(t *testing.T) {
	trace, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "sample.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("TZ", "UTC")
	t.Setenv("GOBRO_CACHE", "off")
	dir := t.TempDir()
	t.Chdir(dir)
	var stdout, stderr strings.Builder
	if code := run([]string{"-D", "-b", "--summary", "-r", trace, "base/protocols/conn"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := "gobro: " + trace + ": 23 packets, 5 connections; logs written to " + dir + ": conn.log\n"
	if stdout.String() != want {
		t.Errorf("summary:\n got %q\nwant %q", stdout.String(), want)
	}
	// Without --summary nothing is printed.
	stdout.Reset()
	if code := run([]string{"-D", "-b", "-r", trace, "base/protocols/conn"}, strings.NewReader(""), &stdout, &stderr); code != 0 || stdout.Len() != 0 {
		t.Errorf("exit %d, stdout %q", code, stdout.String())
	}
}
