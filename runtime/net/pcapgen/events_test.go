package pcapgen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gobro/gobro/runtime/net/pcapgen"
)

// TestEventTracesReproducible regenerates the traces of the connection
// event tests and checks them against testdata/pcap (-update rewrites
// them).
func TestEventTracesReproducible(t *testing.T) {
	for name, gen := range map[string]func() []byte{
		"events-tcp.pcap":  pcapgen.EventsTCPBytes,
		"events-udp.pcap":  pcapgen.EventsUDPBytes,
		"events-icmp.pcap": pcapgen.EventsICMPBytes,
	} {
		path := filepath.Join("..", "..", "..", "testdata", "pcap", name)
		got := gen()
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) || !bytes.Equal(got, gen()) {
			t.Fatalf("%s is not what pcapgen generates; run go test ./runtime/net/pcapgen -run EventTraces -update", path)
		}
	}
}

// TestCorruptedChecksums checks that Corrupted spoils exactly the
// transport checksums of its packets.
func TestCorruptedChecksums(t *testing.T) {
	pkts := decodeAll(t, pcapgen.EventsUDPBytes())
	bad := 0
	for _, p := range pkts {
		if p.SrcPort == 7000 {
			bad++
			if p.Payload[len(p.Payload)-1] == 'd' {
				t.Errorf("datagram %v not corrupted", p.Payload)
			}
		}
	}
	if bad != 10 {
		t.Errorf("%d corrupted datagrams, want 10", bad)
	}
}
