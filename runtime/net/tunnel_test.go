package net

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"path/filepath"
	"testing"
	"time"
)

func chainTuples(t *testing.T, name string) (inner, outer map[string]bool, p6 []*Packet) {
	t.Helper()
	s, err := Open(filepath.Join(tracesDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := NewDecoder()
	d.Frag = NewReassembler()
	inner, outer = map[string]bool{}, map[string]bool{}
	var rp RawPacket
	for s.Next(&rp) == nil {
		d.DecodeChain(&rp, func(p *Packet) {
			if !p.HasTransport {
				return
			}
			k := fmt.Sprintf("%s %d %s %d %d", p.Src, p.SrcPort, p.Dst, p.DstPort, p.Proto)
			if len(p.Encap) > 0 {
				inner[k] = true
			} else {
				outer[k] = true
			}
			if p.Reassembled {
				c := *p
				p6 = append(p6, &c)
			}
		})
	}
	return
}

func TestTunnelsTeredo(t *testing.T) {
	inner, outer, _ := chainTuples(t, "tunnels-Teredo.pcap")
	for _, k := range []string{
		"2001:0:4137:9e50:8000:f12a:b9c8:2815 1286 2001:4860:0:2001::68 80 6",
		"2001:0:4137:9e50:8000:f12a:b9c8:2815 0 2001:4860:0:2001::68 0 58",
		"fe80::8000:ffff:ffff:fffd 0 ff02::2 0 58",
	} {
		if !inner[k] {
			t.Errorf("inner flow %q missing; have %v", k, inner)
		}
	}
	for _, k := range []string{"192.168.2.16 1920 192.168.2.1 53 17", "192.168.2.16 3797 83.170.1.38 32900 17", "192.168.2.16 3797 65.55.158.80 3544 17"} {
		if !outer[k] {
			t.Errorf("outer flow %q missing", k)
		}
	}
	for k := range inner {
		if k[0] != '2' && k[0] != 'f' {
			t.Errorf("unexpected inner flow %q", k)
		}
	}
}

func TestTunnelsVXLAN(t *testing.T) {
	inner, outer, _ := chainTuples(t, "tunnels-vxlan.pcap")
	if !inner["10.0.0.1 0 10.0.0.2 0 1"] || !inner["10.0.0.2 0 10.0.0.1 0 1"] {
		t.Errorf("inner ICMP missing: %v", inner)
	}
	if !outer["192.168.56.12 38071 192.168.56.11 4789 17"] {
		t.Errorf("outer missing: %v", outer)
	}
	t.Logf("inner %v", inner)
}

func TestIPv6FragmentedDNS(t *testing.T) {
	_, _, re := chainTuples(t, "ipv6-fragmented-dns.pcap")
	if len(re) == 0 {
		t.Fatal("no reassembled datagram")
	}
	for _, p := range re {
		if p.Proto != ProtoUDP || p.IPLen-p.IPHdrLen != 8+len(p.Payload) || p.FirstWeird() != "" {
			t.Errorf("bad reassembled packet: proto %d iplen %d hdr %d payload %d weird %q", p.Proto, p.IPLen, p.IPHdrLen, len(p.Payload), p.FirstWeird())
		}
		t.Logf("reassembled %s:%d -> %s:%d, %d payload bytes", p.Src, p.SrcPort, p.Dst, p.DstPort, len(p.Payload))
	}
}

// ip4Frag builds an IPv4/UDP fragment of a datagram with the given payload.
func ip4Frag(id uint16, dgram []byte, off, n int, more bool) []byte {
	b := make([]byte, 20+n)
	b[0] = 0x45
	binary.BigEndian.PutUint16(b[2:], uint16(20+n))
	binary.BigEndian.PutUint16(b[4:], id)
	f := uint16(off / 8)
	if more {
		f |= 0x2000
	}
	binary.BigEndian.PutUint16(b[6:], f)
	b[8], b[9] = 64, ProtoUDP
	copy(b[12:], []byte{10, 0, 0, 1, 10, 0, 0, 2})
	copy(b[20:], dgram[off:off+n])
	return b
}

func udpDgram(n int) []byte {
	d := make([]byte, 8+n)
	binary.BigEndian.PutUint16(d[0:], 1234)
	binary.BigEndian.PutUint16(d[2:], 53)
	binary.BigEndian.PutUint16(d[4:], uint16(8+n))
	for i := 8; i < len(d); i++ {
		d[i] = byte(i)
	}
	return d
}

func TestIPv4Fragments(t *testing.T) {
	dg := udpDgram(200) // 208 bytes: fragments at 0, 80, 160
	type fr struct {
		off, n int
		more   bool
		mod    bool
	}
	cases := []struct {
		name   string
		frags  []fr
		whole  bool
		weirds []string
	}{
		{"in order", []fr{{0, 80, true, false}, {80, 80, true, false}, {160, 48, false, false}}, true, nil},
		{"out of order", []fr{{160, 48, false, false}, {0, 80, true, false}, {80, 80, true, false}}, true, nil},
		{"overlap", []fr{{0, 96, true, false}, {80, 80, true, false}, {160, 48, false, false}}, true, []string{"fragment_overlap"}},
		{"inconsistent", []fr{{0, 96, true, false}, {80, 80, true, true}, {160, 48, false, false}}, true, []string{"fragment_inconsistency"}},
		{"missing", []fr{{0, 80, true, false}, {160, 48, false, false}}, false, nil},
		{"small", []fr{{0, 40, true, false}, {40, 168, false, false}}, true, []string{"excessively_small_fragment"}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDecoder()
			d.Frag = NewReassembler()
			var got *Packet
			var weirds []string
			for _, f := range c.frags {
				b := ip4Frag(uint16(i+1), dg, f.off, f.n, f.more)
				if f.mod {
					b[20] ^= 0xff
				}
				d.DecodeChain(&RawPacket{LinkType: 101, Data: b, Timestamp: time.Unix(1, 0)}, func(p *Packet) {
					if p.Reassembled {
						c := *p
						got = &c
					} else {
						for _, w := range p.Weirds() {
							weirds = append(weirds, w.Name)
						}
					}
				})
			}
			if (got != nil) != c.whole {
				t.Fatalf("reassembled = %v", got != nil)
			}
			if got != nil && (got.SrcPort != 1234 || got.DstPort != 53 || len(got.Payload) != 200 || got.FirstWeird() != "" || got.IsFragment) {
				t.Errorf("bad datagram: %+v", got)
			}
			if fmt.Sprint(weirds) != fmt.Sprint(c.weirds) {
				t.Errorf("weirds %v, want %v", weirds, c.weirds)
			}
			if !c.whole && d.Frag.Len() != 1 {
				t.Errorf("pending %d", d.Frag.Len())
			}
		})
	}
	// Timeout by packet time.
	r := NewReassembler()
	r.Timeout = 30 * time.Second
	d := NewDecoder()
	d.Frag = r
	d.DecodeChain(&RawPacket{LinkType: 101, Data: ip4Frag(9, dg, 0, 80, true), Timestamp: time.Unix(100, 0)}, func(*Packet) {})
	if r.Expire(time.Unix(200, 0)) != 1 || r.Len() != 0 {
		t.Errorf("timeout did not expire the datagram")
	}
}

func TestIPinIPAndGRE(t *testing.T) {
	in := ip4Frag(1, udpDgram(10), 0, 18, false)
	outer := func(proto byte, payload []byte) []byte {
		b := make([]byte, 20+len(payload))
		b[0] = 0x45
		binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
		b[8], b[9] = 64, proto
		copy(b[12:], []byte{1, 1, 1, 1, 2, 2, 2, 2})
		copy(b[20:], payload)
		return b
	}
	gre := append([]byte{0, 0, 0x08, 0}, in...)
	for _, c := range []struct {
		name string
		pkt  []byte
		typ  TunnelType
	}{{"ipip", outer(4, in), TunnelIP}, {"gre", outer(47, gre), TunnelGRE}} {
		d := NewDecoder()
		var got []*Packet
		d.DecodeChain(&RawPacket{LinkType: 101, Data: c.pkt}, func(p *Packet) { q := *p; got = append(got, &q) })
		if len(got) != 2 || got[1].DstPort != 53 || len(got[1].Encap) != 1 || got[1].Encap[0].Type != c.typ ||
			got[1].Encap[0].Src != netip.MustParseAddr("1.1.1.1") {
			t.Errorf("%s: got %d packets %+v", c.name, len(got), got)
		}
	}
	// Depth: IP in IP in IP in IP stops after 2 levels.
	d := NewDecoder()
	n, w := 0, ""
	d.DecodeChain(&RawPacket{LinkType: 101, Data: outer(4, outer(4, outer(4, in)))}, func(p *Packet) {
		n++
		if p.FirstWeird() != "" {
			w = p.FirstWeird()
		}
	})
	if n != 3 || w != "exceeded_tunnel_max_depth" {
		t.Errorf("depth: %d packets, weird %q", n, w)
	}
}
