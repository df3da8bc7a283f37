package net

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/layers"
)

// tracesDir finds shared/traces: beside the repository (as laid out for CI)
// or at /work/shared/traces. Tests that need it skip when it is absent.
func tracesDir(t testing.TB) string {
	t.Helper()
	for _, dir := range []string{os.Getenv("GOBRO_TRACES"), "../../../shared/traces", "/work/shared/traces"} {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "README.md")); err == nil {
			return dir
		}
	}
	t.Skip("shared/traces not found (set GOBRO_TRACES); skipping trace tests")
	return ""
}

var tableRow = regexp.MustCompile("^\\| `([^`]+\\.(?:pcap|pcapng)(?:\\.gz)?)` \\| [^|]+\\| ([0-9,]+) \\| ([a-z-]+) \\|")

// readmeCounts parses the "Public traces" table: file -> (packets, link).
func readmeCounts(t testing.TB, dir string) map[string]struct {
	n    int
	link string
} {
	f, err := os.Open(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]struct {
		n    int
		link string
	}{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := tableRow.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
		if err != nil {
			t.Fatalf("bad count in %q", sc.Text())
		}
		out[m[1]] = struct {
			n    int
			link string
		}{n, m[3]}
	}
	if len(out) < 30 {
		t.Fatalf("parsed only %d trace rows from README.md", len(out))
	}
	return out
}

var linkNames = map[string]layers.LinkType{
	"ether":     layers.LinkTypeEthernet,
	"linux-sll": layers.LinkTypeLinuxSLL,
	"null":      layers.LinkTypeNull,
}

func TestAllTraces(t *testing.T) {
	dir := tracesDir(t)
	want := readmeCounts(t, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	seen := 0
	for _, path := range files {
		name := filepath.Base(path)
		if !strings.Contains(name, ".pcap") {
			continue
		}
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: not in README table", name)
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) {
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if lt, ok := linkNames[w.link]; ok && s.LinkType() != lt {
				t.Errorf("link type %v, README says %s", s.LinkType(), w.link)
			}
			d := NewDecoder()
			var rp RawPacket
			ip := 0
			weirds := map[string]int{}
			for {
				err := s.Next(&rp)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("packet %d: %v", s.Count()+1, err)
				}
				p := d.Decode(&rp)
				if p.IPVersion != 0 {
					ip++
				}
				if p.FirstWeird() != "" {
					weirds[p.FirstWeird()]++
				}
			}
			if s.Count() != w.n {
				t.Errorf("read %d packets, README says %d", s.Count(), w.n)
			}
			t.Logf("%d packets, %d IP, weirds %v", s.Count(), ip, weirds)
			if ip == 0 {
				t.Errorf("no IP packets decoded")
			}
		})
	}
	if seen < 30 {
		t.Errorf("only %d traces found", seen)
	}
}

// decodeAll returns copies of the decoded packets of a trace.
func decodeAll(t *testing.T, name string) []Packet {
	t.Helper()
	s, err := Open(filepath.Join(tracesDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := NewDecoder()
	var rp RawPacket
	var out []Packet
	for s.Next(&rp) == nil {
		p := *d.Decode(&rp)
		p.Payload, p.IP, p.TCPOptions = nil, nil, nil // views die with the buffer
		out = append(out, p)
	}
	return out
}

func TestSpotCheckFields(t *testing.T) {
	// tcp-missing-syn.pcap, first packet: the SYN-ACK from the server
	// (conn.log: 141.42.64.125:56730 -> 125.190.109.199:80, history ^hADdFaf).
	ps := decodeAll(t, "tcp-missing-syn.pcap")
	p := ps[0]
	if p.Src != netip.MustParseAddr("125.190.109.199") || p.SrcPort != 80 ||
		p.Dst != netip.MustParseAddr("141.42.64.125") || p.DstPort != 56730 ||
		p.Proto != ProtoTCP || p.TCPFlags != TCPSyn|TCPAck || p.IPVersion != 4 || !p.HasMAC {
		t.Errorf("tcp-missing-syn #0: %+v", p)
	}
	if p.Seq != 2697137987 || p.Ack != 1512382794 || p.Window != 57344 || p.IPLen != 60 {
		t.Errorf("tcp-missing-syn #0 seq/ack/win/len: %d %d %d %d", p.Seq, p.Ack, p.Window, p.IPLen)
	}
	if got := ps[0].Timestamp.UnixMicro(); got != 1128727435633408 {
		t.Errorf("timestamp %d", got)
	}

	// q-in-q.pcap: vlan 13, inner_vlan 10 (vlan-logging.conn.log).
	for i, p := range decodeAll(t, "q-in-q.pcap") {
		if p.NumVLANs != 2 || p.VLAN != 13 || p.InnerVLAN != 10 {
			t.Errorf("q-in-q #%d: vlans %d %d/%d", i, p.NumVLANs, p.VLAN, p.InnerVLAN)
		}
		if i == 0 && (p.Src != netip.MustParseAddr("172.19.51.37") || p.SrcPort != 47808 || p.Proto != ProtoUDP) {
			t.Errorf("q-in-q #0: %v:%d proto %d", p.Src, p.SrcPort, p.Proto)
		}
	}

	// mixed-vlan-mpls.pcap: MPLS-labelled telnet, and 802.1Q further on.
	mpls, vlan := 0, 0
	for _, p := range decodeAll(t, "mixed-vlan-mpls.pcap") {
		if p.MPLSLabels > 0 && p.IPVersion == 4 && p.HasTransport {
			mpls++
		}
		if p.NumVLANs > 0 && p.IPVersion == 4 {
			vlan++
		}
	}
	if mpls == 0 || vlan == 0 {
		t.Errorf("mixed-vlan-mpls: %d MPLS IP packets, %d VLAN IP packets", mpls, vlan)
	}

	// pppoe.pcap: ICMPv6 echo 128 inside PPPoE sessions (conn.log orig_p 128).
	echo := 0
	for _, p := range decodeAll(t, "pppoe.pcap") {
		if p.PPPoE && p.IPVersion == 6 && p.Proto == ProtoICMPv6 && p.ICMPType == 128 {
			echo++
		}
	}
	if echo == 0 {
		t.Errorf("pppoe: no ICMPv6 echo requests decoded")
	}

	// irc-353.pcap (BSD null): first packet is an IPv6 SYN ::1 -> ::1:6666.
	p = decodeAll(t, "irc-353.pcap")[0]
	if p.IPVersion != 6 || p.Src != netip.MustParseAddr("::1") || p.DstPort != 6666 || p.TCPFlags != TCPSyn {
		t.Errorf("irc-353 #0: %+v", p)
	}

	// tls-irc-starttls.pcap (Linux SLL): SYN 203.143.168.47:55123 -> 185.18.76.170:6667.
	p = decodeAll(t, "tls-irc-starttls.pcap")[0]
	if p.Src != netip.MustParseAddr("203.143.168.47") || p.SrcPort != 55123 || p.DstPort != 6667 || p.TCPFlags != TCPSyn {
		t.Errorf("tls-irc-starttls #0: %+v", p)
	}

	// ipv6-fragmented-dns.pcap: IPv6 fragment headers are recognised.
	frags := 0
	for _, p := range decodeAll(t, "ipv6-fragmented-dns.pcap") {
		if p.IsFragment && p.IPVersion == 6 {
			frags++
		}
	}
	if frags == 0 {
		t.Errorf("ipv6-fragmented-dns: no fragments seen")
	}

	// trunc-mpls-6in6-broken.pcap.gz: broken inner IP versions are reported
	// (Zeek logs 440 invalid_inner_IP_version weirds for it).
	inner := 0
	for _, p := range decodeAll(t, "trunc-mpls-6in6-broken.pcap.gz") {
		if p.FirstWeird() == "invalid_inner_IP_version" {
			inner++
		}
	}
	if inner == 0 {
		t.Errorf("trunc-mpls-6in6-broken: no invalid_inner_IP_version")
	}
}

func TestStdinAndGzipReader(t *testing.T) {
	dir := tracesDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "wikipedia.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	for name, data := range map[string][]byte{"plain": raw, "gzip": gz.Bytes()} {
		s, err := NewSource(bytes.NewReader(data), "-")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var rp RawPacket
		for s.Next(&rp) == nil {
		}
		if s.Count() != 136 {
			t.Errorf("%s: %d packets, want 136", name, s.Count())
		}
	}
	// A file cut partway through a record ends with an error, not a panic.
	s, err := NewSource(bytes.NewReader(raw[:20000]), "cut")
	if err != nil {
		t.Fatal(err)
	}
	var rp RawPacket
	for err = s.Next(&rp); err == nil; err = s.Next(&rp) {
	}
	if err == io.EOF {
		t.Errorf("truncated file ended with plain EOF after %d packets", s.Count())
	}
}

func TestOpenErrors(t *testing.T) {
	_, err := Open("NO_SUCH_TRACE")
	if err == nil || err.Error() != "unable to open NO_SUCH_TRACE: No such file or directory" {
		t.Errorf("missing file: %v", err)
	}
	f := filepath.Join(t.TempDir(), "not-a.pcap")
	os.WriteFile(f, []byte("this is not a pcap file\n"), 0o644)
	if _, err := Open(f); !errors.Is(err, ErrUnknownFormat) || err.Error() != "unknown file format" {
		t.Errorf("not a pcap: %v", err)
	}
}

func TestDecodeSyntheticLinkTypes(t *testing.T) {
	// A minimal IPv4/UDP packet, decoded as raw IP, and a PPPoE session frame.
	ip := []byte{
		0x45, 0, 0, 28, 0, 1, 0x40, 0, 64, 17, 0, 0,
		10, 0, 0, 1, 10, 0, 0, 2,
		0x30, 0x39, 0, 53, 0, 8, 0, 0,
	}
	d := NewDecoder()
	p := d.DecodeBytes(layers.LinkTypeRaw, ip, rawTime, 0)
	if p.FirstWeird() != "" || p.Proto != ProtoUDP || p.SrcPort != 12345 || p.DstPort != 53 || !p.DF {
		t.Errorf("raw: %+v", *p)
	}
	eth := append([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0x88, 0x64,
		0x11, 0x00, 0x00, 0x01, 0, byte(len(ip) + 2), 0x00, 0x21}, ip...)
	p = d.DecodeBytes(layers.LinkTypeEthernet, eth, rawTime, 0)
	if !p.PPPoE || p.FirstWeird() != "" || p.DstPort != 53 {
		t.Errorf("pppoe: %+v", *p)
	}
	// Truncations produce weirds, not panics.
	for i := 0; i < len(eth); i++ {
		p = d.DecodeBytes(layers.LinkTypeEthernet, eth[:i], rawTime, 0)
		if i >= 14 && p.FirstWeird() == "" {
			t.Errorf("cut at %d: no weird", i)
		}
	}
	p = d.DecodeBytes(layers.LinkTypeEthernet, eth[:len(eth)-4], rawTime, len(eth))
	if p.FirstWeird() != "internally_truncated_header" {
		t.Errorf("snapped UDP header: weird %q", p.FirstWeird())
	}
}

func TestDecodeNoAllocs(t *testing.T) {
	s, err := Open(filepath.Join(tracesDir(t), "mixed-vlan-mpls.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	var frames [][]byte
	var rp RawPacket
	for s.Next(&rp) == nil {
		frames = append(frames, append([]byte(nil), rp.Data...))
	}
	d := NewDecoder()
	allocs := testing.AllocsPerRun(20, func() {
		for _, f := range frames {
			d.DecodeBytes(layers.LinkTypeEthernet, f, rawTime, len(f))
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per %d decoded frames", allocs, len(frames))
	}
}
