package pcapgen_test

import (
	"testing"

	"github.com/gobro/gobro/runtime/net/pcapgen"
)

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
