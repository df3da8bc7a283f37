package net

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"
)

var rawTime = time.Unix(1, 0)

var fuzzLinks = []layers.LinkType{
	layers.LinkTypeEthernet, layers.LinkTypeLinuxSLL, layers.LinkTypeLinuxSLL2,
	layers.LinkTypeNull, layers.LinkTypeLoop, layers.LinkTypeRaw,
}

// FuzzDecode feeds arbitrary bytes to the decoder under every supported
// link type (chosen by the first byte); decoding must never panic.
func FuzzDecode(f *testing.F) {
	if dir := findTraces(); dir != "" {
		for _, name := range []string{"q-in-q.pcap", "mixed-vlan-mpls.pcap", "pppoe.pcap", "ipv6-fragmented-dns.pcap", "irc-353.pcap", "tls-irc-starttls.pcap"} {
			s, err := Open(filepath.Join(dir, name))
			if err != nil {
				continue
			}
			var rp RawPacket
			for i := 0; i < 8 && s.Next(&rp) == nil; i++ {
				sel := byte(0)
				for j, lt := range fuzzLinks {
					if lt == rp.LinkType {
						sel = byte(j)
					}
				}
				f.Add(append([]byte{sel}, rp.Data...))
			}
			s.Close()
		}
	}
	f.Add([]byte{0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 0x81, 0, 0, 1, 0x88, 0x47, 0, 0, 1, 0xff, 0x60})
	d := NewDecoder()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		link := fuzzLinks[int(data[0])%len(fuzzLinks)]
		p := d.DecodeBytes(link, data[1:], rawTime, 0)
		if p.HasTransport && p.IPVersion == 0 {
			t.Fatalf("transport without IP")
		}
		if len(p.Payload) > len(data) {
			t.Fatalf("payload longer than frame")
		}
	})
}

func findTraces() string {
	for _, dir := range []string{os.Getenv("GOBRO_TRACES"), "../../../shared/traces", "/work/shared/traces"} {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "README.md")); err == nil {
			return dir
		}
	}
	return ""
}
