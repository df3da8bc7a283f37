package net

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"
)

// Tunnel kinds FuzzTunnel wraps its bytes in (the kind byte mod 8).
const (
	kindIP4in4 = iota
	kindIP6in4
	kindIP6in6
	kindIP4in6
	kindGRE4
	kindGRE6
	kindVXLAN
	kindTeredo
	numTunnelKinds
)

func outer4(proto byte, payload []byte) []byte {
	b := make([]byte, 20, 20+len(payload))
	b[0] = 0x45
	binary.BigEndian.PutUint16(b[2:], uint16(20+len(payload)))
	b[8], b[9] = 64, proto
	copy(b[12:], []byte{1, 1, 1, 1, 2, 2, 2, 2})
	return append(b, payload...)
}

func outer6(proto byte, payload []byte) []byte {
	b := make([]byte, 40, 40+len(payload))
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(len(payload)))
	b[6], b[7] = proto, 64
	b[8], b[23], b[24], b[39] = 0x20, 1, 0x20, 2
	return append(b, payload...)
}

func udp4(sport, dport uint16, payload []byte) []byte {
	u := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(u[0:], sport)
	binary.BigEndian.PutUint16(u[2:], dport)
	binary.BigEndian.PutUint16(u[4:], uint16(8+len(payload)))
	return outer4(ProtoUDP, append(u, payload...))
}

// wrapTunnel builds a valid outer packet of the given kind around
// inner; for GRE, VXLAN and Teredo inner starts with the tunnel's own
// header, so that is fuzzed too.
func wrapTunnel(kind int, inner []byte) []byte {
	switch kind {
	case kindIP4in4:
		return outer4(ProtoIPv4, inner)
	case kindIP6in4:
		return outer4(ProtoIPv6, inner)
	case kindIP6in6:
		return outer6(ProtoIPv6, inner)
	case kindIP4in6:
		return outer6(ProtoIPv4, inner)
	case kindGRE4:
		return outer4(47, inner)
	case kindGRE6:
		return outer6(47, inner)
	case kindVXLAN:
		return udp4(40000, VXLANPort, inner)
	}
	return udp4(TeredoPort, 40000, inner)
}

// tunnelSeeds are inner bytes for every kind: a small UDP packet in
// each encapsulation, plus the tunnel payloads of the shared traces.
func tunnelSeeds() map[int][][]byte {
	in4 := ip4Frag(1, udpDgram(10), 0, 18, false)
	in6 := outer6(ProtoUDP, udpDgram(10))
	eth := append([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0}, in4...)
	seeds := map[int][][]byte{
		kindIP4in4: {in4},
		kindIP6in4: {in6},
		kindIP6in6: {in6, outer6(ProtoIPv6, in6)},
		kindIP4in6: {in4, outer4(ProtoIPv4, in4)},
		kindGRE4: {append([]byte{0, 0, 0x08, 0}, in4...), append([]byte{0, 0, 0x65, 0x58}, eth...),
			append([]byte{0x10, 0, 0x88, 0xbe, 0, 0, 0, 1, 0x10, 0, 0, 1, 0, 0, 0, 0}, eth...),
			append([]byte{0x30, 1, 0x88, 0x0b, 0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0x03, 0, 0x21}, in4...)},
		kindGRE6:   {append([]byte{0, 0, 0x86, 0xdd}, in6...)},
		kindVXLAN:  {append([]byte{8, 0, 0, 0, 0, 0, 1, 0}, eth...)},
		kindTeredo: {in6, append([]byte{0, 0, 1, 2, 3, 4, 5, 6}, in6...)},
	}
	dir := findTraces()
	if dir == "" {
		return seeds
	}
	d := NewDecoder()
	for _, name := range []string{"tunnels-Teredo.pcap", "tunnels-vxlan.pcap"} {
		s, err := Open(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		var rp RawPacket
		for i := 0; i < 40 && s.Next(&rp) == nil; i++ {
			p := d.Decode(&rp)
			if p.Proto != ProtoUDP || !p.HasTransport || d.Decapsulate(p) == nil {
				continue
			}
			k := kindTeredo
			if p.DstPort == VXLANPort {
				k = kindVXLAN
			}
			if len(seeds[k]) < 6 {
				seeds[k] = append(seeds[k], append([]byte(nil), p.Payload...))
			}
		}
		s.Close()
	}
	return seeds
}

// FuzzTunnel decapsulates arbitrary bytes inside a valid outer packet of
// each tunnel kind (IP-in-IP both ways, GRE over IPv4 and IPv6 with the
// GRE header fuzzed, VXLAN, Teredo), with tunnel depth limits 0 to 3 and
// fragment reassembly on. Nothing may panic, the chain must respect the
// depth limit, and every level must be self-consistent.
func FuzzTunnel(f *testing.F) {
	for kind, ins := range tunnelSeeds() {
		for _, in := range ins {
			f.Add(uint8(kind), uint8(2), in)
		}
	}
	d := NewDecoder()
	d.Frag = NewReassembler()
	f.Fuzz(func(t *testing.T, kind, depth uint8, inner []byte) {
		k := int(kind % numTunnelKinds)
		d.MaxTunnelDepth = int(depth % 4)
		frame := wrapTunnel(k, inner)
		var levels []int
		d.DecodeChain(&RawPacket{Timestamp: time.Unix(1, 0), LinkType: layers.LinkTypeRaw, Data: frame, WireLen: len(frame)}, func(p *Packet) {
			checkLevel(t, p, d.MaxTunnelDepth)
			if n := len(levels); n > 0 && len(p.Encap) < levels[n-1] {
				t.Fatalf("tunnel level went down from %d to %d", levels[n-1], len(p.Encap))
			}
			levels = append(levels, len(p.Encap))
		})
		if len(levels) == 0 || levels[0] != 0 {
			t.Fatalf("outer packet missing: levels %v", levels)
		}
		if len(levels) > 2*(d.MaxTunnelDepth+1) {
			t.Fatalf("%d packets with depth limit %d", len(levels), d.MaxTunnelDepth)
		}
		if k <= kindIP4in6 && d.MaxTunnelDepth > 0 && len(inner) > 0 && inner[0]>>4 == ipVersionOf(k) && len(levels) < 2 {
			t.Fatalf("IP-in-IP not decapsulated")
		}
	})
}

// ipVersionOf is the IP version the inner packet of an IP-in-IP kind
// must have.
func ipVersionOf(kind int) byte {
	if kind == kindIP4in4 || kind == kindIP4in6 {
		return 4
	}
	return 6
}

// checkLevel checks one packet of a decoded chain.
func checkLevel(t *testing.T, p *Packet, maxDepth int) {
	if len(p.Encap) > maxDepth {
		t.Fatalf("packet at tunnel depth %d, limit %d", len(p.Encap), maxDepth)
	}
	for _, e := range p.Encap {
		if e.Type == TunnelNone || !e.Src.IsValid() || !e.Dst.IsValid() {
			t.Fatalf("bad encapsulation %+v", e)
		}
	}
	if p.HasTransport && p.IPVersion == 0 {
		t.Fatalf("transport without IP")
	}
	if p.CapLen > p.WireLen || len(p.Payload) > p.CapLen || len(p.IP) > p.CapLen {
		t.Fatalf("lengths: cap %d wire %d IP %d payload %d", p.CapLen, p.WireLen, len(p.IP), len(p.Payload))
	}
	if p.IPVersion != 0 && (p.IPHdrLen > len(p.IP) || p.IPHdrLen < 20) {
		t.Fatalf("IP header length %d of %d bytes", p.IPHdrLen, len(p.IP))
	}
}
