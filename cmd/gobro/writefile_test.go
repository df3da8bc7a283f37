package main

import (
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gnet "github.com/gobro/gobro/runtime/net"
)

// TestWriteFile: -w writes every packet read, with its timestamp, lengths
// and bytes, in a pcap gobro (and any pcap tool) reads back; a file that
// cannot be created is a fatal error.
func TestWriteFile(t *testing.T) {
	trace, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "sample.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOBRO_CACHE", "off")
	dir := t.TempDir()
	t.Chdir(dir)
	var stdout, stderr strings.Builder
	if code := run([]string{"-b", "-r", trace, "-w", "out.pcap"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want, got := readAll(t, trace), readAll(t, "out.pcap")
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("%d packets written, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if !g.Timestamp.Equal(w.Timestamp) || g.WireLen != w.WireLen || !slices.Equal(g.Data, w.Data) {
			t.Errorf("packet %d differs: %v/%d/%d bytes, want %v/%d/%d", i, g.Timestamp, g.WireLen, len(g.Data), w.Timestamp, w.WireLen, len(w.Data))
		}
	}
	stderr.Reset()
	if code := run([]string{"-b", "-r", trace, "-w", filepath.Join(dir, "no", "such", "dir.pcap")}, strings.NewReader(""), &stdout, &stderr); code != 1 ||
		!strings.HasPrefix(stderr.String(), "fatal error: can't open dump file ") {
		t.Errorf("unwritable -w: exit %d, stderr %q", code, stderr.String())
	}
}

func readAll(t *testing.T, path string) []gnet.RawPacket {
	t.Helper()
	src, err := gnet.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var out []gnet.RawPacket
	for {
		var p gnet.RawPacket
		err := src.Next(&p)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		p.Data = slices.Clone(p.Data)
		out = append(out, p)
	}
}
