package uid

import (
	"encoding/binary"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// tracesDir is the shared Zeek reference set (see its README, "UIDs").
func tracesDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GOBRO_TRACES")
	if dir == "" {
		dir = "/work/shared/traces"
	}
	if _, err := os.Stat(filepath.Join(dir, "random.seed")); err != nil {
		t.Skipf("Zeek reference traces not available (%s): %v", dir, err)
	}
	return dir
}

func TestReadmeFirstTwelve(t *testing.T) {
	dir := tracesDir(t)
	g, err := NewFromFile(filepath.Join(dir, "random.seed"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Fields("CHhAvVGS1DHFjwGM9 ClEkJM2Vm5giqnMf4h C4J4Th3PJpwUYZZ6gc CtPZjS20MLrsMUOJi2 CUM0KZ3MLUfNB0cl11 CmES5u32sYpV7JYN CP5puj4I8PtEU4qzYg C37jN32gN3y3AZzyf6 C3eiCBGOLw3VtHfOj CwjjYJ2WqgTbAqiHl6 C0LAHyvtKSQHyJxIl CFLRIC3zaTU1loLGxh")
	for i, w := range want {
		if got := g.Next('C'); got != w {
			t.Errorf("uid %d = %q, want %q", i, got, w)
		}
	}
}

type connRow struct {
	uid   string
	proto string
	key   string // direction-independent 5-tuple
}

// readConnLog returns the data rows of a baseline conn.log. Its ts column is
// masked by the canonifier, so it cannot give the creation order itself.
func readConnLog(t *testing.T, path string) []connRow {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cols map[string]int
	var rows []connRow
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "###") {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "#fields" {
			cols = map[string]int{}
			for i, n := range f[1:] {
				cols[n] = i
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		if cols == nil {
			t.Fatalf("%s: data before #fields", path)
		}
		get := func(n string) string { return f[cols[n]] }
		r := connRow{uid: get("uid"), proto: get("proto")}
		r.key = flowKey(r.proto, netip.MustParseAddr(get("id.orig_h")), atou16(t, get("id.orig_p")),
			netip.MustParseAddr(get("id.resp_h")), atou16(t, get("id.resp_p")))
		rows = append(rows, r)
	}
	return rows
}

func atou16(t *testing.T, s string) uint16 {
	v, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		t.Fatal(err)
	}
	return uint16(v)
}

func flowKey(proto string, a netip.Addr, ap uint16, b netip.Addr, bp uint16) string {
	x := netip.AddrPortFrom(a.Unmap(), ap).String()
	y := netip.AddrPortFrom(b.Unmap(), bp).String()
	if y < x {
		x, y = y, x
	}
	return proto + " " + x + " " + y
}

// firstPackets reads a classic pcap with Ethernet framing and returns, for
// every plain IPv4/IPv6 TCP or UDP flow, the index of its first packet.
func firstPackets(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 24 {
		t.Fatalf("%s: short pcap", path)
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		bo = binary.LittleEndian
	case 0xd4c3b2a1, 0x4d3cb2a1:
		bo = binary.BigEndian
	default:
		t.Fatalf("%s: not a classic pcap", path)
	}
	if lt := bo.Uint32(b[20:]); lt != 1 {
		t.Fatalf("%s: link type %d, want Ethernet", path, lt)
	}
	first := map[string]int{}
	off := 24
	for idx := 0; off+16 <= len(b); idx++ {
		incl := int(bo.Uint32(b[off+8:]))
		off += 16
		if off+incl > len(b) {
			break
		}
		pkt := b[off : off+incl]
		off += incl
		if k, ok := packetKey(pkt); ok {
			if _, seen := first[k]; !seen {
				first[k] = idx
			}
		}
	}
	return first
}

func packetKey(p []byte) (string, bool) {
	if len(p) < 14 {
		return "", false
	}
	et := binary.BigEndian.Uint16(p[12:])
	p = p[14:]
	for (et == 0x8100 || et == 0x88a8) && len(p) >= 4 {
		et = binary.BigEndian.Uint16(p[2:])
		p = p[4:]
	}
	var src, dst netip.Addr
	var next byte
	switch et {
	case 0x0800:
		if len(p) < 20 {
			return "", false
		}
		ihl := int(p[0]&0x0f) * 4
		if len(p) < ihl || binary.BigEndian.Uint16(p[6:])&0x1fff != 0 {
			return "", false
		}
		src, dst = netip.AddrFrom4([4]byte(p[12:16])), netip.AddrFrom4([4]byte(p[16:20]))
		next, p = p[9], p[ihl:]
	case 0x86dd:
		if len(p) < 40 {
			return "", false
		}
		src, dst = netip.AddrFrom16([16]byte(p[8:24])), netip.AddrFrom16([16]byte(p[24:40]))
		next, p = p[6], p[40:]
		for (next == 0 || next == 43 || next == 60 || next == 44) && len(p) >= 8 {
			n := int(p[1])*8 + 8
			if next == 44 {
				if binary.BigEndian.Uint16(p[2:])&0xfff8 != 0 {
					return "", false
				}
				n = 8
			}
			if len(p) < n {
				return "", false
			}
			next, p = p[0], p[n:]
		}
	default:
		return "", false
	}
	if len(p) < 4 {
		return "", false
	}
	sp, dp := binary.BigEndian.Uint16(p), binary.BigEndian.Uint16(p[2:])
	switch next {
	case 6:
		return flowKey("tcp", src, sp, dst, dp), true
	case 17:
		return flowKey("udp", src, sp, dst, dp), true
	}
	return "", false
}

// TestBaselineUIDs follows the README's "UIDs" section: every uid in these
// conn.logs is in the seeded sequence, at the position of its connection in
// creation order. The set of a log's uids must therefore be exactly the
// first N uids. Where each flow is one connection (plain Ethernet TCP/UDP,
// no tunnels, no reused 4-tuples), the creation order is recovered from the
// capture (the order of each flow's first packet, since the baselines' ts
// column is masked) and the uids must appear at exactly those positions.
func TestBaselineUIDs(t *testing.T) {
	dir := tracesDir(t)
	cases := []struct {
		trace      string
		rows       int
		checkOrder bool
	}{
		{"wikipedia.pcap", 34, true},
		{"ssh-ssh.pcap", 25, true},
		{"ftp-ipv6.pcap", 6, true},
		// Teredo: inner IPv6 flows and reused 4-tuples (several
		// connections per flow); only the set/position bound is checked.
		{"tunnels-Teredo.pcap", 21, false},
	}
	for _, c := range cases {
		t.Run(c.trace, func(t *testing.T) {
			g, err := NewFromFile(filepath.Join(dir, "random.seed"))
			if err != nil {
				t.Fatal(err)
			}
			rows := readConnLog(t, filepath.Join(dir, "expected", c.trace, "conn.log"))
			if len(rows) != c.rows {
				t.Fatalf("conn.log has %d rows, README says %d", len(rows), c.rows)
			}
			pos := map[string]int{}
			for i := range rows {
				pos[g.Next('C')] = i
			}
			seen := map[string]bool{}
			for _, r := range rows {
				if _, ok := pos[r.uid]; !ok {
					t.Errorf("uid %s (%s) is not among the first %d uids", r.uid, r.key, len(rows))
				}
				if seen[r.uid] {
					t.Errorf("uid %s appears twice", r.uid)
				}
				seen[r.uid] = true
			}
			if !c.checkOrder || t.Failed() {
				return
			}
			first := firstPackets(t, filepath.Join(dir, c.trace))
			sorted := append([]connRow(nil), rows...)
			for _, r := range sorted {
				if _, ok := first[r.key]; !ok {
					t.Fatalf("flow %s of uid %s not found in the capture", r.key, r.uid)
				}
			}
			sort.SliceStable(sorted, func(i, j int) bool { return first[sorted[i].key] < first[sorted[j].key] })
			for n, r := range sorted {
				if pos[r.uid] != n {
					t.Errorf("connection %d in creation order (%s, first packet #%d) has uid %s, which is uid #%d",
						n, r.key, first[r.key], r.uid, pos[r.uid])
				}
			}
		})
	}
}
