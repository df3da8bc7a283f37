package bpf

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"

	gnet "github.com/gobro/gobro/runtime/net"
)

// These tests compare the compiler with libpcap through a real tcpdump
// (Debian: apt-get install -y tcpdump). They skip when tcpdump or the
// reference traces are missing.

func tcpdumpOrSkip(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed (apt-get install -y tcpdump)")
	}
	return p
}

// findTraces locates Zeek's reference traces the way the engine tests
// do: $GOBRO_TRACES, shared/traces beside the repository, or
// /work/shared/traces. This package sits one level deeper than
// runtime/engine, hence both relative spellings.
func findTraces() string {
	for _, d := range []string{os.Getenv("GOBRO_TRACES"), "../../../shared/traces", "../../../../shared/traces", "/work/shared/traces"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "MANIFEST.tsv")); err == nil {
			abs, _ := filepath.Abs(d)
			return abs
		}
	}
	return ""
}

func tracesDir(t testing.TB) string {
	t.Helper()
	d := findTraces()
	if d == "" {
		t.Skip("reference traces not found (set GOBRO_TRACES, or provide shared/traces beside the repository or /work/shared/traces)")
	}
	return d
}

type frame struct {
	data []byte
	wire int
	link layers.LinkType
}

// readFrames reads a trace (or tcpdump's output) with gobro's reader.
func readFrames(t testing.TB, r io.Reader, name string) []frame {
	t.Helper()
	src, err := gnet.NewSource(r, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer src.Close()
	var out []frame
	for {
		var p gnet.RawPacket
		err := src.Next(&p)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, frame{append([]byte(nil), p.Data...), p.WireLen, p.LinkType})
	}
}

type trace struct {
	name   string
	path   string // readable by tcpdump (gunzipped)
	frames []frame
}

// loadTraces reads every trace once; gzip'd ones are unpacked into dir
// for tcpdump.
func loadTraces(t testing.TB, dir string) []trace {
	t.Helper()
	src := tracesDir(t)
	names, _ := filepath.Glob(filepath.Join(src, "*.pcap*"))
	var out []trace
	for _, p := range names {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = f
		plain := p
		if strings.HasSuffix(p, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := io.ReadAll(gz)
			if err != nil {
				t.Fatal(err)
			}
			plain = filepath.Join(dir, strings.TrimSuffix(filepath.Base(p), ".gz"))
			if err := os.WriteFile(plain, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			r = bytes.NewReader(raw)
		}
		out = append(out, trace{name: filepath.Base(p), path: plain, frames: readFrames(t, r, p)})
		f.Close()
	}
	if len(out) == 0 {
		t.Skip("no traces in " + src)
	}
	return out
}

// oracleFilters cover the language; several are expected to fail to
// compile on some link types, which must then fail in both compilers.
var oracleFilters = []string{
	"ip", "ip6", "arp", "tcp", "udp", "icmp", "icmp6 or sctp",
	"tcp port 80", "udp port 53", "tcp port 80 or udp port 53", "port 53 and not 22",
	"tcp dst port 80 or 443", "src port 80", "portrange 1-1023", "tcp portrange 20-25 or udp portrange 5353-5355",
	"host 141.142.228.5", "src host 192.150.187.43 or dst host 141.142.220.202",
	"net 10", "net 192.168.0.0/16 or net 172.16.0.0 mask 255.240.0.0", "src net 141.142 and not dst net 224.0.0.0/4",
	"ip6 host 2001:470:4867:99::21", "net 2001:470::/32", "ip6 net fe80::/10",
	"ether broadcast", "ether multicast", "ether host 00:10:db:88:d2:ef", "ether src c8:bc:c8:96:d2:a0 or ether dst 33:33:00:00:00:fb",
	"ether proto 0x0806", "ether proto \\ip6",
	"vlan", "vlan 10 or vlan 13", "vlan and vlan and udp", "vlan and ip and not vlan",
	"mpls", "mpls and tcp port 23", "mpls 29 and ip", "mpls and mpls and ip6",
	"pppoes", "pppoes and ip6", "pppoed or (pppoes and udp port 547)",
	"greater 1000", "less 100", "len > 1400 or len <= 60",
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0", "tcp[13] & 2 != 0 and tcp[tcpflags] & tcp-ack = 0",
	"ip[6:2] & 0x1fff = 0", "ip[6:2] & 0x3fff != 0",
	"icmp[icmptype] = icmp-echo or icmp[icmptype] = icmp-echoreply", "icmp6[icmp6type] = icmp6-neighborsolicit",
	"ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2) != 0", "udp[4:2] > 100", "ip6[6] = 17",
	"ip proto 17", "ip6 proto 58", "proto 6", "ip proto \\udp",
	"not tcp", "!(tcp or udp)", "tcp and not port 22", "ip multicast or ip6 multicast", "ip broadcast",
	"ether[12:2] = 0x0800 and ip[8] < 64", "ip[9] == 6 && ip[0] & 0x0f > 5",
	"ip and (tcp[0:2] > 1024 or udp[0:2] > 1024)", "udp[8] ^ 1 | 2 = 3", "tcp[100] = 0 or not tcp",
}

// bigTrace traces run a smaller set of filters to keep the test short.
const bigTrace = 5000

func TestOracleTraces(t *testing.T) {
	tcpdump := tcpdumpOrSkip(t)
	traces := loadTraces(t, t.TempDir())
	var mu sync.Mutex
	agreed, total := 0, 0
	t.Run("traces", func(t *testing.T) {
		for _, tr := range traces {
			t.Run(tr.name, func(t *testing.T) {
				t.Parallel()
				filters := oracleFilters
				if len(tr.frames) > bigTrace {
					filters = filters[:12]
				}
				for _, expr := range filters {
					ok := checkTrace(t, tcpdump, tr, expr)
					mu.Lock()
					total++
					if ok {
						agreed++
					}
					mu.Unlock()
				}
			})
		}
	})
	t.Logf("tcpdump agreed on %d of %d (filter, trace) pairs", agreed, total)
}

// checkTrace filters one trace with tcpdump and with Match and compares
// the accepted packets.
func checkTrace(t *testing.T, tcpdump string, tr trace, expr string) bool {
	t.Helper()
	cmd := exec.Command(tcpdump, "-r", tr.path, "-w", "-", "--", expr)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()

	filters := map[layers.LinkType]*Filter{}
	var compileErr error
	for _, f := range tr.frames {
		if _, done := filters[f.link]; done {
			continue
		}
		filters[f.link], compileErr = Compile(expr, f.link, 262144)
		if compileErr != nil {
			break
		}
	}
	if runErr != nil {
		if strings.Contains(stderr.String(), "expression rejects all packets") {
			// libpcap's optimizer proved it; our program must agree.
			for i, f := range tr.frames {
				if filters[f.link] != nil && filters[f.link].Match(f.data, f.wire) {
					t.Errorf("%s %q: tcpdump rejects all packets, we accept #%d", tr.name, expr, i)
					return false
				}
			}
			return true
		}
		if compileErr == nil {
			t.Errorf("%s %q: tcpdump failed (%s), we compiled", tr.name, expr, strings.TrimSpace(stderr.String()))
			return false
		}
		return true
	}
	if compileErr != nil {
		t.Errorf("%s %q: tcpdump accepts the filter, we fail: %v", tr.name, expr, compileErr)
		return false
	}
	kept := readFrames(t, bytes.NewReader(out), "tcpdump output")
	want := map[int]bool{}
	j := 0
	for i, f := range tr.frames {
		if j < len(kept) && kept[j].wire == f.wire && bytes.Equal(kept[j].data, f.data) {
			want[i] = true
			j++
		}
	}
	if j != len(kept) {
		t.Errorf("%s %q: could not map %d of tcpdump's packets back to the trace", tr.name, expr, len(kept)-j)
		return false
	}
	var diffs []string
	for i, f := range tr.frames {
		if got := filters[f.link].Match(f.data, f.wire); got != want[i] {
			diffs = append(diffs, fmt.Sprintf("#%d(ours=%t)", i+1, got))
		}
	}
	if len(diffs) > 0 {
		if len(diffs) > 10 {
			diffs = append(diffs[:10], "...")
		}
		t.Errorf("%s %q: %d packets differ from tcpdump: %s\nour program:\n%s", tr.name, expr, len(diffs), strings.Join(diffs, " "), filters[tr.frames[0].link])
		return false
	}
	return true
}

// libpcapProgram returns the program libpcap compiles for expr on link
// type lt, or libpcap's error text.
func libpcapProgram(t *testing.T, tcpdump, dir string, lt layers.LinkType, expr string) ([]bpf.RawInstruction, string) {
	t.Helper()
	hdr := filepath.Join(dir, fmt.Sprintf("lt%d.pcap", lt))
	if _, err := os.Stat(hdr); err != nil {
		var b bytes.Buffer
		binary.Write(&b, binary.LittleEndian, []uint32{0xa1b2c3d4, 4<<16 | 2, 0, 0, 65535, uint32(lt)})
		if err := os.WriteFile(hdr, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(tcpdump, "-r", hdr, "-ddd", "--", expr)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := stderr.String()
		for _, l := range strings.Split(msg, "\n") {
			if strings.HasPrefix(l, "tcpdump: ") {
				return nil, strings.TrimPrefix(l, "tcpdump: ")
			}
		}
		return nil, strings.TrimSpace(msg)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var prog []bpf.RawInstruction
	for _, l := range lines[1:] {
		var v [4]uint64
		for i, f := range strings.Fields(l) {
			v[i], _ = strconv.ParseUint(f, 10, 32)
		}
		prog = append(prog, bpf.RawInstruction{Op: uint16(v[0]), Jt: uint8(v[1]), Jf: uint8(v[2]), K: uint32(v[3])})
	}
	if err := validate(prog); err != nil {
		// protochain loops backwards, which our interpreter refuses.
		return nil, "unsupported program: " + err.Error()
	}
	return prog, ""
}

// differentialFilters exercise corners the traces do not reach; each
// is compiled by libpcap and by us for every link type, and both
// programs run on a corpus of real, synthetic, mutated and truncated
// frames.
var differentialFilters = append(append([]string{}, oracleFilters...),
	"host 10.1.2.3", "host 10.1.2", "dst host 10", "src and dst net 10.0.0.0/8", "src or dst host 10.0.0.1",
	"net 10.1", "host 10.0.0.1 or 10.0.0.2 or (10.0.0.3 and not 10.0.0.4)", "not host 10.0.0.1 and 10.0.0.2",
	"arp host 10.0.0.1", "rarp src host 10.0.0.1", "ip host 10.0.0.1", "ip src 10.0.0.1",
	"host ::1", "ip6 src net 2001:db8::/32", "dst net ::/0", "net ::1 or ::2",
	"port 80", "port 80 or 443", "tcp src port 1024 and dst 80", "udp portrange 53-53", "portrange 90-80",
	"sctp port 9", "tcp src or dst port 22", "tcp src and dst port 22",
	"icmp", "igmp", "pim", "vrrp", "carp", "ah or esp", "igrp", "icmp6", "sctp",
	"ether proto 0x42", "ether proto 1501", "ether proto \\arp", "ether proto \\rarp", "ether proto 0x86dd",
	"ether dst ff:ff:ff:ff:ff:ff", "ether src and dst 00:01:02:03:04:05", "ether host 0001.0203.0405",
	"broadcast", "multicast", "ip broadcast", "ip6 multicast",
	"vlan 100", "vlan and vlan 20", "vlan and mpls", "vlan and pppoes and ip", "vlan 1 and host 10.0.0.1",
	"mpls 16", "mpls and mpls 5 and ip", "mpls and host 10.0.0.1", "mpls and port 80", "mpls and ip[0] = 0x45",
	"pppoes 0x11 and ip", "pppoes and host 10.0.0.1", "pppoes and arp", "pppoes and mpls", "pppoed",
	"tcp[0:4] = 0x00500050", "tcp[12:1] & 0xf0 > 0x50", "udp[0:2] = 53 or udp[2:2] = 53",
	"icmp[icmpcode] != 0", "icmp6[0] = 128", "ip6[40] = 58", "arp[7] = 2", "rarp[6:2] = 3",
	"ip[0] & 0xf != 5", "ip[ip[0] & 3] = 1", "tcp[tcp[12] >> 4] = 0", "ether[0] & 1 = 1", "link[0:2] = 0xffff",
	"len - 14 > 100", "-1 = 0xffffffff", "1 + 2 * 3 = 7", "1 ^ 2 | 1 = 3", "ip[0] % 3 = 1", "ip[1] / 4 < 2",
	"ip[0] << 1 > 0x90", "ip[2:2] >> 8 != 0", "ip[0] * ip[1] > ip[2]", "ip[0] - ip[1] > 0", "- ip[0] < 0",
	"ip[3] & 1 = 0 and not ip[3] | 2 = 2", "tcp[8:4] + tcp[4:4] = 0",
	"less 60 and greater 40", "len = 60", "len != 60", "len >= 100 and len <= 200",
	"ip[0:4] = 0 or ip[100000] = 1", "ether[0xffffffff] = 0", "ip[0xfffffff0] = 0", "tcp[0xffffff00:2] = 0",
	"tcp[1/0] = 0", "ip[0] % 0 = 1", "ip[0] << 33 = 0", "ip6 protochain 6", "gateway 1.2.3.4",
	"inbound", "outbound", "ip proto 300", "ip6 proto 6 or 17", "proto \\tcp or \\udp",
	"ip6 host ::ffff:1.2.3.4", "ip6 net fe80::1/10", "host fe80::/64", "net 10.1.2.3/8", "net 1.2.3.0/24",
	"host foo", "port foo", "tcp port http", "udp port http", "port domain", "portrange ftp-data-ftp",
	"tcp and 80", "ip[1:3] = 1", "vlan 5000", "mpls 1048576", "net 10.0.0.0/33", "ether host 1:2:3",
	"port 080", "port 0x50", "tcp[1]+", "(", ")", "tcp or", "host 1.2.3.4 port 80", "tcp proto 6",
	"arp proto 1", "ip6 net 10", "ip host ::1", "tcp host 1.2.3.4", "udp net 10", "port 1.2.3.4",
	"ether src 1.2.3.4", "src 1:2:3:4:5:6", "link", "ip6 broadcast", "tcp multicast",
	"vlan and vlan and vlan", "mpls and vlan", "pppoes and vlan",
	// implicit qualifiers and grammar corners
	"host 10.0.0.1 and (10.0.0.2 or 10.0.0.3)", "not host 10.0.0.1 and 10.0.0.2", "src or dst net 10 and 11",
	"ip proto 6 or 17", "ether proto 0x800 or 0x806", "ether src 0:1:2:3:4:5 or 0:a:b:c:d:e",
	"net 10.0.0.0 mask 255.0.0.0 or 10.1.2.3", "host 2001:db8::1 or 2001:db8::2", "port 80 and not (22 or 23)",
	"not (port 22)", "tcp port 80 or 443 or 8080", "udp and port 53 or 5353", "src port 53 or dst port 53 and udp",
	"(port 1) or 2", "host 1.2.3.4 and tcp or 1.2.3.5", "tcp and (80)", "port 1 or (tcp)", "port (80)",
	"vlan (10)", "mpls (16) and ip", "! tcp && ! udp", "not not tcp", "ip and not ip6 or arp",
	"ip[0] & 0xf0 = 0x40 and (ip[0] & 0xf) * 4 = 20", "(ip[0] & 0xf) = 5", "(ip[0]) = 0x45", "((1)) = 1",
	"len < 100 or len > 1000", "greater 0x100", "less 0100", "ether host ff:ff:ff:ff:ff:ff", "ip6 dst host ff02::fb",
	"tcp[tcpflags] & (tcp-rst|tcp-push|tcp-urg|tcp-ece|tcp-cwr) != 0", "icmp[icmpcode] = 0 and icmp[icmptype] != icmp-unreach",
)

// differentialLinks are the link types compared; Ethernet frames are
// rewrapped into each.
var differentialLinks = []layers.LinkType{
	layers.LinkTypeEthernet, layers.LinkTypeRaw, layers.LinkTypeIPv4, layers.LinkTypeIPv6,
	layers.LinkTypeLinuxSLL, layers.LinkTypeLinuxSLL2, layers.LinkTypeNull, layers.LinkTypeLoop,
}

func TestOracleDifferential(t *testing.T) {
	tcpdump := tcpdumpOrSkip(t)
	dir := t.TempDir()
	base := corpus(t)
	for _, lt := range differentialLinks {
		frames := rewrap(base, lt)
		t.Run(linkName(lt), func(t *testing.T) {
			t.Parallel()
			agree := 0
			truncDiffs := map[string]int{}
			defer func() {
				for expr, n := range truncDiffs {
					t.Logf("%q: %d frames with an out-of-bounds load differ in load order", expr, n)
				}
			}()
			for _, expr := range differentialFilters {
				want, werr := libpcapProgram(t, tcpdump, dir, lt, expr)
				got, gerr := Compile(expr, lt, 65535)
				switch {
				case werr != "" && strings.Contains(werr, "rejects all packets") && gerr == nil:
					for _, f := range frames {
						if got.Match(f.data, f.wire) {
							t.Errorf("%q: libpcap says it rejects all packets, we accept %x", expr, f.data)
							break
						}
					}
				case werr != "" && gerr == nil:
					t.Errorf("%q: libpcap fails (%s), we compile", expr, werr)
				case werr == "" && gerr != nil:
					t.Errorf("%q: libpcap compiles, we fail: %v", expr, gerr)
				case werr != "":
					var e *Error
					if !errors.As(gerr, &e) || !similarError(e.Msg, werr) {
						t.Logf("%q: error wording differs: libpcap %q, ours %q", expr, werr, gerr)
					}
				default:
					bad, cut := 0, 0
					for _, f := range frames {
						wr, woob := execute(want, f.data, uint32(f.wire))
						gr, goob := execute(got.prog, f.data, uint32(f.wire))
						w, g := wr != 0, gr != 0
						switch {
						case g == w:
						case woob || goob:
							// libpcap's optimizer may move a test ahead of
							// a load; when a load runs past the captured
							// bytes (a frame cut inside its headers, or a
							// bogus IHL) that decides which of them counts.
							cut++
						default:
							if bad == 0 {
								t.Errorf("%q on %x: libpcap %t, ours %t\nours:\n%s", expr, f.data, w, g, got)
							}
							bad++
						}
					}
					if cut > 0 {
						truncDiffs[expr] += cut
					}
					if bad > 0 {
						t.Errorf("%q: %d of %d frames differ", expr, bad, len(frames))
						continue
					}
				}
				agree++
			}
			t.Logf("%d of %d filters agree with libpcap on %d frames", agree, len(differentialFilters), len(frames))
		})
	}
}

// similarError compares error texts, ignoring our offset suffix and
// libpcap's "can't parse filter expression: " prefix.
func similarError(ours, theirs string) bool {
	theirs = strings.TrimPrefix(theirs, "can't parse filter expression: ")
	return ours == theirs
}

// corpus is every Ethernet frame of the traces plus the synthetic
// frames of the table tests, each also truncated at a few lengths and
// with a few header bytes changed.
func corpus(t testing.TB) []frame {
	t.Helper()
	var base []frame
	const perTrace = 300
	for _, tr := range loadTracesQuiet(t) {
		step := len(tr.frames)/perTrace + 1
		for i, f := range tr.frames {
			if f.link == layers.LinkTypeEthernet && i%step == 0 {
				base = append(base, f)
			}
		}
	}
	for _, s := range synthetic() {
		base = append(base, frame{s.data, len(s.data), layers.LinkTypeEthernet})
	}
	out := append([]frame(nil), base...)
	for i, f := range base {
		for _, cut := range []int{13, 14, 17, 23, 30, 34, 38, 40, 54, 58} {
			if cut < len(f.data) && (i+cut)%3 == 0 {
				out = append(out, frame{f.data[:cut], f.wire, f.link})
			}
		}
		if len(f.data) > 60 {
			for _, pos := range []int{14, 16, 20, 21, 23, 26, 47} {
				d := append([]byte(nil), f.data...)
				d[pos] ^= byte(0x41 + i)
				out = append(out, frame{d, f.wire, f.link})
			}
		}
	}
	return out
}

// loadTracesQuiet is loadTraces without skipping when traces are
// missing: the synthetic frames still make a corpus.
func loadTracesQuiet(t testing.TB) []trace {
	if findTraces() == "" {
		return nil
	}
	return loadTraces(t, t.TempDir())
}

// rewrap moves the network layer of Ethernet frames into link type lt.
// Frames whose EtherType the link cannot express are dropped (other
// than for Ethernet itself).
func rewrap(frames []frame, lt layers.LinkType) []frame {
	if lt == layers.LinkTypeEthernet {
		return frames
	}
	var out []frame
	for _, f := range frames {
		if len(f.data) < 14 {
			continue
		}
		et := binary.BigEndian.Uint16(f.data[12:])
		payload := f.data[14:]
		var hdr []byte
		switch lt {
		case layers.LinkTypeRaw, layers.LinkTypeIPv4, layers.LinkTypeIPv6:
			if et != etherTypeIP && et != etherTypeIPv6 {
				continue
			}
		case layers.LinkTypeLinuxSLL:
			hdr = make([]byte, 16)
			binary.BigEndian.PutUint16(hdr[0:], uint16(len(f.data)%5)) // packet type
			binary.BigEndian.PutUint16(hdr[2:], 1)
			binary.BigEndian.PutUint16(hdr[4:], 6)
			copy(hdr[6:], f.data[6:12])
			binary.BigEndian.PutUint16(hdr[14:], et)
		case layers.LinkTypeLinuxSLL2:
			hdr = make([]byte, 20)
			binary.BigEndian.PutUint16(hdr[0:], et)
			binary.BigEndian.PutUint32(hdr[4:], 2)
			binary.BigEndian.PutUint16(hdr[8:], 1)
			hdr[10] = byte(len(f.data) % 5)
			hdr[11] = 6
			copy(hdr[12:], f.data[6:12])
		case layers.LinkTypeNull, layers.LinkTypeLoop:
			var af uint32
			switch et {
			case etherTypeIP:
				af = 2
			case etherTypeIPv6:
				af = []uint32{24, 28, 30}[len(f.data)%3]
			default:
				af = uint32(et)
			}
			hdr = make([]byte, 4)
			if lt == layers.LinkTypeLoop {
				binary.BigEndian.PutUint32(hdr, af)
			} else {
				binary.LittleEndian.PutUint32(hdr, af)
			}
		}
		d := append(hdr, payload...)
		out = append(out, frame{d, f.wire - 14 + len(hdr), lt})
	}
	return out
}

func linkName(lt layers.LinkType) string {
	l, err := newLink(lt)
	if err != nil {
		return fmt.Sprint(lt)
	}
	return strings.ReplaceAll(l.name, " ", "_")
}
