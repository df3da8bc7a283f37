package bpf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"
)

func mustCompile(t testing.TB, expr string, lt layers.LinkType) *Filter {
	t.Helper()
	f, err := Compile(expr, lt, 0)
	if err != nil {
		t.Fatalf("Compile(%q, %v): %v", expr, lt, err)
	}
	return f
}

// matchCase: expr applied to a named synthetic frame.
type matchCase struct {
	expr  string
	frame string
	want  bool
}

func runCases(t *testing.T, lt layers.LinkType, cases []matchCase) {
	t.Helper()
	frames := map[string][]byte{}
	for _, s := range synthetic() {
		f := rewrap([]frame{{s.data, len(s.data), layers.LinkTypeEthernet}}, lt)
		if len(f) == 1 {
			frames[s.name] = f[0].data
		}
	}
	for _, c := range cases {
		data, ok := frames[c.frame]
		if !ok {
			t.Fatalf("no frame %q for %v", c.frame, lt)
		}
		f := mustCompile(t, c.expr, lt)
		if got := f.Match(data, len(data)); got != c.want {
			t.Errorf("%v: %q on %s = %t, want %t\n%s", lt, c.expr, c.frame, got, c.want, f)
		}
	}
}

func TestMatchEthernet(t *testing.T) {
	runCases(t, layers.LinkTypeEthernet, []matchCase{
		{"", "tcp4", true},
		{"   ", "arp", true},

		// protocols
		{"ip", "tcp4", true}, {"ip", "tcp6", false}, {"ip", "arp", false}, {"ip", "vlan10", false},
		{"ip6", "tcp6", true}, {"ip6", "tcp4", false},
		{"arp", "arp", true}, {"arp", "tcp4", false}, {"rarp", "arp", false},
		{"tcp", "tcp4", true}, {"tcp", "tcp6", true}, {"tcp", "udp4", false}, {"tcp", "ipopts", true},
		{"udp", "udp4", true}, {"udp", "udp6frag", true}, {"udp", "frag", true}, {"udp", "tcp6", false},
		{"icmp", "icmp4", true}, {"icmp", "icmp6ns", false},
		{"icmp6", "icmp6ns", true}, {"icmp6", "icmp4", false},
		{"sctp", "sctp4", true}, {"sctp", "tcp4", false},
		{"ip proto 17", "udp4", true}, {"ip proto \\udp", "udp4", true}, {"ip proto 17", "udp6frag", false},
		{"ip6 proto 17", "udp6frag", true}, {"ip6 proto 44", "udp6frag", true}, {"proto 17", "udp6frag", true},
		{"proto 17", "udp4", true}, {"proto \\tcp", "udp4", false},
		{"ether proto 0x0806", "arp", true}, {"ether proto \\ip6", "tcp6", true}, {"ether proto \\arp", "tcp6", false},

		// hosts and nets (host also covers ARP addresses)
		{"host 10.0.0.1", "tcp4", true}, {"host 10.0.0.1", "arp", true}, {"host 10.0.0.1", "udp4", false},
		{"src host 10.0.0.2", "tcp4", false}, {"dst host 10.0.0.2", "tcp4", true},
		{"src and dst host 10.0.0.1", "tcp4", false}, {"src or dst host 10.0.0.1", "tcp4", true},
		{"ip host 10.0.0.1", "arp", false}, {"arp host 10.0.0.2", "arp", true}, {"arp src host 10.0.0.2", "arp", false},
		{"host 10.0.0.9 or 192.168.1.1", "udp4", true}, {"host 10.0.0.9 or 10.0.0.8", "udp4", false},
		{"host 192.168.1.1 and not 10.0.0.2", "udp4", false},
		{"net 10", "tcp4", true}, {"net 10", "udp4", true}, {"net 10", "icmp4", true},
		{"src net 192.168.0.0/16", "udp4", true}, {"src net 192.168.0.0/16", "tcp4", false},
		{"net 10.0.0.0 mask 255.255.255.0", "tcp4", true}, {"dst net 8.8", "icmp4", true}, {"net 10.1", "qinq", false},
		{"host 10.0.0", "tcp4", true}, // a short address covers its /24, as in libpcap
		{"host 2001:db8::2", "tcp6", true}, {"host 2001:db8::2", "tcp4", false},
		{"net 2001:db8::/32", "tcp6", true}, {"src net 2001:db8:1::/48", "udp6frag", false},
		{"dst net 2001:db8:1::/48", "udp6frag", true}, {"ip6 host fe80::1", "icmp6ns", true},

		// ports: IHL respected, only first fragments, IPv6 without extension headers
		{"port 80", "tcp4", true}, {"port 80", "firstfrag", true}, {"port 53", "udp4", true},
		{"port 53", "frag", false}, {"port 53", "udp6frag", false}, {"port 443", "tcp6", true},
		{"tcp dst port 80", "tcp4", true}, {"tcp src port 80", "tcp4", false}, {"udp port 80", "tcp4", false},
		{"tcp port 8080", "ipopts", true}, {"portrange 8000-8090", "ipopts", true}, {"portrange 8090-8000", "ipopts", true},
		{"portrange 1-79", "tcp4", false}, {"src portrange 1000-2000", "tcp4", true},
		{"sctp port 9", "sctp4", true}, {"port 9", "sctp4", true}, {"tcp port 9", "sctp4", false},
		{"port 53 and not 22", "udp4", true}, {"tcp port 80 or 443", "tcp6", true}, {"tcp port 80 or udp port 53", "udp4", true},
		{"port domain", "udp4", true}, {"tcp port http", "tcp4", true},

		// link layer
		{"ether host 00:01:02:03:04:05", "tcp4", true}, {"ether src 00:0a:0b:0c:0d:0e", "tcp4", false},
		{"ether src 00:0a:0b:0c:0d:0e", "udp4", true}, {"ether dst 000a.0b0c.0d0e", "tcp4", true},
		{"ether src and dst 00:01:02:03:04:05", "tcp4", false},
		{"ether broadcast", "arp", true}, {"broadcast", "tcp4", false},
		{"ether multicast", "mcast4", true}, {"multicast", "icmp6ns", true}, {"multicast", "tcp4", false},
		{"ip multicast", "mcast4", true}, {"ip multicast", "tcp4", false}, {"ip6 multicast", "icmp6ns", true},
		{"ip broadcast", "bcast4", true}, {"ip broadcast", "tcp4", false},

		// VLAN, MPLS, PPPoE: later offsets move
		{"vlan", "vlan10", true}, {"vlan", "qinq", true}, {"vlan", "tcp4", false},
		{"vlan 10", "vlan10", true}, {"vlan 10", "qinq", false}, {"vlan 100 and vlan 20", "qinq", true},
		{"vlan and tcp port 80", "vlan10", true}, {"tcp port 80", "vlan10", false},
		{"vlan and vlan and udp port 53", "qinq", true}, {"vlan and udp port 53", "qinq", false},
		{"vlan 10 and host 10.0.0.2", "vlan10", true},
		{"mpls", "mpls", true}, {"mpls", "tcp4", false}, {"mpls 16 and tcp port 23", "mpls", true},
		{"mpls 17", "mpls", false}, {"mpls and ip", "mpls2", false}, {"mpls and mpls 5 and ip6", "mpls2", true},
		{"mpls and mpls and udp port 547", "mpls2", true}, {"mpls and mpls", "mpls", false},
		{"mpls and host 10.34.0.1", "mpls", true},
		{"pppoes", "pppoe4", true}, {"pppoes", "udp4", false}, {"pppoes 0x11 and udp port 67", "pppoe4", true},
		{"pppoes 0x22", "pppoe4", false}, {"pppoes and ip6", "pppoe6", true}, {"pppoes and ip6", "pppoe4", false},
		{"pppoes and host 10.0.0.1", "pppoe4", true}, {"pppoed", "pppoe4", false},

		// lengths
		{"greater 100", "bcast4", true}, {"greater 100", "arp", false}, {"less 64", "arp", true},
		{"len = 60", "arp", true}, {"len != 60", "arp", false}, {"len - 14 > 300", "bcast4", true},

		// byte offsets and arithmetic
		{"tcp[tcpflags] & tcp-syn != 0", "tcp4", true}, {"tcp[tcpflags] & tcp-syn != 0", "ipopts", false},
		{"tcp[tcpflags] & tcp-syn != 0", "tcp6", false}, // tcp[] is IPv4 only
		{"tcp[13] & 2 != 0", "tcp4", true}, {"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0", "tcp4", true},
		{"tcp[tcpflags] = tcp-ack", "ipopts", true}, {"tcp[0:2] = 2000", "ipopts", true},
		{"ip[6:2] & 0x1fff = 0", "tcp4", true}, {"ip[6:2] & 0x1fff = 0", "frag", false},
		{"udp[0:2] = 53", "frag", false}, {"udp[0:2] = 53", "udp4", true}, {"udp[2:2] = 5353", "udp4", true},
		{"icmp[icmptype] = icmp-echo", "icmp4", true}, {"icmp[icmptype] = icmp-echoreply", "icmp4", false},
		{"icmp6[icmp6type] = icmp6-neighborsolicit", "icmp6ns", true}, {"icmp6[0] = 135", "icmp6ns", true},
		{"ip6[6] = 44", "udp6frag", true}, {"ip6[40] = 17", "udp6frag", true},
		{"arp[7] = 1", "arp", true}, {"ether[12:2] = 0x0800", "tcp4", true}, {"ether[0] & 1 = 1", "mcast4", true},
		{"ip[0] & 0xf = 6", "ipopts", true}, {"ip[0] & 0xf = 6", "tcp4", false}, {"ip[0] & 0xf > 5", "ipopts", true},
		{"ip[ip[0] & 3] = 0", "tcp4", true},
		{"ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2) != 0", "tcp4", true},
		{"1 + 2 * 3 = 7", "arp", true}, {"1 ^ 2 | 1 = 2", "arp", true}, {"-1 = 0xffffffff", "arp", true},
		{"ip[8] * 2 = 128", "tcp4", true}, {"ip[8] / 3 = 21", "tcp4", true}, {"ip[8] % 5 = 4", "tcp4", true},
		{"ip[8] << 1 = 128 && ip[8] >> 1 == 32", "tcp4", true}, {"ip[8] ^ 0xff = 0xbf", "tcp4", true},
		{"ip[8] - ip[9] = 58", "tcp4", true}, {"ip[8] + ip[9] = 70", "tcp4", true}, {"- ip[8] = 0xffffffc0", "tcp4", true},
		{"ip[8] < ip[9]", "tcp4", false}, {"ip[8] >= 64 and ip[8] <= 64 and ip[8] > 63", "tcp4", true},

		// boolean structure
		{"not tcp", "udp4", true}, {"not tcp", "tcp4", false}, {"!(tcp or udp)", "arp", true},
		{"tcp and not port 22", "tcp4", true}, {"tcp && port 80 || udp", "udp4", true},
		{"udp or tcp and port 53", "tcp4", false}, // and/or: equal precedence, left to right
		{"(tcp or udp) and (port 80 or port 53)", "udp4", true}, {"not (ip or ip6)", "arp", true},
	})
}

func TestMatchOtherLinks(t *testing.T) {
	raw := []matchCase{
		{"ip", "tcp4", true}, {"ip6", "tcp4", false}, {"ip6", "tcp6", true}, {"tcp port 80", "tcp4", true},
		{"host 10.0.0.1", "tcp4", true}, {"udp port 53", "udp4", true}, {"ip[0] = 0x45", "tcp4", true},
		{"tcp[tcpflags] & tcp-syn != 0", "tcp4", true}, {"ip6 host 2001:db8::2", "tcp6", true},
		{"ether[0] = 0x45", "tcp4", true}, // link[] is byte 0 of the frame, here the IP header
		{"not arp", "tcp4", true},
	}
	runCases(t, layers.LinkTypeRaw, raw)
	runCases(t, 12, raw)
	runCases(t, 14, raw)
	runCases(t, layers.LinkTypeIPv4, []matchCase{{"ip", "tcp4", true}, {"tcp port 80", "tcp4", true}, {"udp", "tcp4", false}})
	runCases(t, layers.LinkTypeIPv6, []matchCase{{"ip6", "tcp6", true}, {"tcp port 443", "tcp6", true}, {"udp", "tcp6", false}})
	cooked := []matchCase{
		{"ip", "tcp4", true}, {"ip", "tcp6", false}, {"arp", "arp", true}, {"host 10.0.0.1", "arp", true},
		{"tcp port 80", "tcp4", true}, {"ip6 and udp", "udp6frag", true}, {"pppoes and ip", "pppoe4", true},
		{"udp port 53", "tcp4", false},
	}
	runCases(t, layers.LinkTypeLinuxSLL, cooked)
	runCases(t, layers.LinkTypeLinuxSLL2, cooked)
	loop := []matchCase{{"ip", "tcp4", true}, {"ip6", "tcp6", true}, {"ip", "tcp6", false}, {"tcp port 80", "tcp4", true}, {"not arp", "tcp4", true}}
	runCases(t, layers.LinkTypeNull, loop)
	runCases(t, layers.LinkTypeLoop, loop)

	// BSD loopback headers are in the capturing host's byte order:
	// both orders are IPv4. OpenBSD's is always big-endian.
	tcp4 := frameByName(t, "tcp4")[14:]
	le := append([]byte{2, 0, 0, 0}, tcp4...)
	be := append([]byte{0, 0, 0, 2}, tcp4...)
	null := mustCompile(t, "ip and tcp port 80", layers.LinkTypeNull)
	loopF := mustCompile(t, "ip and tcp port 80", layers.LinkTypeLoop)
	if !null.Match(le, len(le)) || !null.Match(be, len(be)) {
		t.Error("null: IPv4 not recognised in both byte orders")
	}
	if loopF.Match(le, len(le)) || !loopF.Match(be, len(be)) {
		t.Error("loop: only network byte order is IPv4")
	}

	// inbound/outbound come from the cooked header's packet type.
	sll := rewrap([]frame{{frameByName(t, "tcp4"), 0, layers.LinkTypeEthernet}}, layers.LinkTypeLinuxSLL)[0].data
	binary.BigEndian.PutUint16(sll, 4) // sent by us
	if !mustCompile(t, "outbound", layers.LinkTypeLinuxSLL).Match(sll, len(sll)) ||
		mustCompile(t, "inbound", layers.LinkTypeLinuxSLL).Match(sll, len(sll)) {
		t.Error("SLL outbound packet misclassified")
	}
	sll2 := rewrap([]frame{{frameByName(t, "tcp4"), 0, layers.LinkTypeEthernet}}, layers.LinkTypeLinuxSLL2)[0].data
	sll2[10] = 0 // to us
	if !mustCompile(t, "inbound", layers.LinkTypeLinuxSLL2).Match(sll2, len(sll2)) {
		t.Error("SLL2 inbound packet misclassified")
	}
}

// Loads beyond the captured bytes reject the packet, even under "not",
// and no truncation of any frame makes Match panic.
func TestTruncated(t *testing.T) {
	tcp4 := frameByName(t, "tcp4")
	wire := len(tcp4)
	cases := []struct {
		expr string
		cut  int
		want bool
	}{
		{"tcp port 80", 36, false},      // destination port cut off
		{"tcp src port 1234", 36, true}, // source port is there
		{"not tcp port 80", 36, false},  // the failing load rejects, "not" does not help
		{"not tcp dst port 80", 30, false},
		{"ip", 13, false}, {"ip", 14, true},
		{"len > 60", 14, true}, // the wire length counts, not the captured one
		{"len = 67", 10, true},
		{"tcp[13] & 2 != 0", 48, true}, {"tcp[13] & 2 != 0", 47, false},
		{"ether host 00:01:02:03:04:05", 11, false}, {"ether dst 00:0a:0b:0c:0d:0e", 6, true},
	}
	if wire != 67 {
		t.Fatalf("tcp4 frame is %d bytes; the cases assume 67", wire)
	}
	for _, c := range cases {
		f := mustCompile(t, c.expr, layers.LinkTypeEthernet)
		if got := f.Match(tcp4[:c.cut], wire); got != c.want {
			t.Errorf("%q on %d of %d bytes = %t, want %t", c.expr, c.cut, wire, got, c.want)
		}
	}

	var filters []*Filter
	for _, expr := range oracleFilters {
		if f, err := Compile(expr, layers.LinkTypeEthernet, 0); err == nil {
			filters = append(filters, f)
		}
	}
	for _, s := range synthetic() {
		for n := 0; n <= len(s.data); n++ {
			for _, f := range filters {
				f.Match(s.data[:n], len(s.data))
			}
		}
	}
	for _, f := range filters {
		f.Match(nil, 0)
		f.Match(nil, -1)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		expr, msg string
		offset    int
	}{
		{"host foo", "unknown host 'foo'", 5},
		{"ether host foo", "unknown ether host 'foo'", 11},
		{"net foo", "unknown network 'foo'", 4},
		{"tcp and", "syntax error", 7},
		{"tcp port", "syntax error", 8},
		{"(tcp", "syntax error", 4},
		{"tcp)", "syntax error", 3},
		{"1", "syntax error", 0},
		{"foo", "syntax error", 0},
		{"TCP", "syntax error", 0},
		{"tcp and 80", "syntax error in filter expression", 8},
		{"port 70000", "illegal port number 70000 > 65535", 5},
		{"portrange 1-99999", "illegal port number 99999 > 65535", 10},
		{"port foo", "unknown port 'foo'", 5},
		{"udp port http", "port 'http' is tcp", 9},
		{"tcp host 1.2.3.4", "'tcp' modifier applied to host", 9},
		{"udp net 10", "'udp' modifier applied to net", 8},
		{"ip6 net 10", "'ip6' modifier applied to ip host", 8},
		{"ip host ::1", "'ip' modifier applied to ip6 host", 8},
		{"arp port 80", "illegal qualifier of 'port'", 9},
		{"port 1.2.3.4", "'port' modifier applied to ip host", 5},
		{"net 10.1.2.3/8", "non-network bits set in \"10.1.2.3/8\"", 4},
		{"net 10.0.0.0/33", "mask length must be <= 32", 4},
		{"net ::1/129", "mask length must be <= 128", 4},
		{"host 10.0.0.0/8", "Mask syntax for networks only", 5},
		{"host 1.2.3.256", "invalid IPv4 address '1.2.3.256'", 5},
		{"ether host 1.2.3.4", "illegal link layer address", 11},
		{"ether host 1:2:3", "bogus ethernet address 1:2:", 11},
		{"src 1:2:3:4:5:6", "ethernet address used in non-ether expression", 4},
		{"ip[1:3] = 1", "data size must be 1, 2, or 4", 5},
		{"ip[0] / 0 = 1", "division by zero", 6},
		{"ip[0] % 0 = 1", "modulus by zero", 6},
		{"ip[0] << 32 = 1", "shift by more than 31 bits", 6},
		{"port 080", "number 080 contains non-octal digit", 5},
		{"ip[99999999999] = 1", "number 99999999999 overflows 32 bits", 3},
		{"vlan 5000", "VLAN tag 5000 greater than maximum 4095", 0},
		{"mpls 1048576", "MPLS label 1048576 greater than maximum 1048575", 0},
		{"pppoes 65536", "PPPoE session number 65536 greater than maximum 65535", 0},
		{"mpls and vlan", "no VLAN match after MPLS", 9},
		{"mpls and arp", "unsupported protocol over mpls", 9},
		{"tcp proto 6", "'tcp proto' is bogus", 10},
		{"arp proto 1", "arp does not encapsulate another protocol", 10},
		{"ip proto foo", "unknown ip proto 'foo'", 9},
		{"ether proto \\foo", "unknown ether proto 'foo'", 12},
		{"gateway 1.2.3.4", "'gateway' requires a name", 8},
		{"ip6 protochain 6", "'protochain' is not supported by this filter compiler", 15},
		{"decnet host 1.2", "'decnet' modifier applied to host", 12},
		{"decnet", "'decnet' is not supported by this filter compiler", 0},
		{"inbound", "inbound/outbound not supported on Ethernet", 0},
		{"link", "link layer applied in wrong context", 0},
		{"ip6 broadcast", "only link-layer/IP broadcast filters supported", 4},
		{"tcp[0] = 1 and udp[0] = 1", "expression rejects all packets", -1},
		{"tcp and $", "illegal character '$'", 8},
		{"ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[ip[0]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1]+1] = 1", "", 0},
	}
	var e *Error
	for _, c := range cases {
		_, err := Compile(c.expr, layers.LinkTypeEthernet, 0)
		if c.msg == "" {
			if err != nil {
				t.Errorf("%q: unexpected error %v", c.expr, err)
			}
			continue
		}
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want error %q", c.expr, err, c.msg)
			continue
		}
		if e.Msg != c.msg || e.Offset != c.offset {
			t.Errorf("%q: got %q at %d, want %q at %d", c.expr, e.Msg, e.Offset, c.msg, c.offset)
		}
		if c.offset >= 0 && !strings.HasSuffix(err.Error(), fmt.Sprintf("(at offset %d)", c.offset)) {
			t.Errorf("%q: Error() = %q lacks the offset", c.expr, err.Error())
		}
	}

	// Deep right-nested arithmetic runs out of scratch memory.
	deep := "1 = ip[0]" + strings.Repeat(" + (ip[0]", 17) + strings.Repeat(")", 17)
	if _, err := Compile(deep, layers.LinkTypeEthernet, 0); err == nil || !strings.Contains(err.Error(), "too many registers") {
		t.Errorf("deep expression: got %v", err)
	}

	// Link types.
	for lt, msg := range map[layers.LinkType]string{
		layers.LinkTypeRaw:       "no VLAN support for Raw IP",
		layers.LinkTypeLinuxSLL:  "no VLAN support for Linux cooked v1",
		layers.LinkTypeLinuxSLL2: "no VLAN support for Linux cooked v2",
		layers.LinkTypeNull:      "no VLAN support for BSD loopback",
	} {
		if _, err := Compile("vlan", lt, 0); !errors.As(err, &e) || e.Msg != msg {
			t.Errorf("vlan on %v: %v", lt, err)
		}
	}
	if _, err := Compile("arp", layers.LinkTypeRaw, 0); err == nil {
		t.Error("arp on raw IP should reject all packets")
	}
	if _, err := Compile("ip", layers.LinkTypeFDDI, 0); err == nil {
		t.Error("FDDI should be unsupported")
	}
	if f, err := Compile("", layers.LinkTypeFDDI, 0); err != nil || !f.AcceptsAll() {
		t.Errorf("empty expression on any link: %v", err)
	}
}

func TestProgram(t *testing.T) {
	f := mustCompile(t, "ip", layers.LinkTypeEthernet)
	want := []bpf.Instruction{
		bpf.LoadAbsolute{Off: 12, Size: 2},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0x800, SkipTrue: 0, SkipFalse: 1},
		bpf.RetConstant{Val: 262144},
		bpf.RetConstant{Val: 0},
	}
	wantRaw, err := bpf.Assemble(want)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Instructions(); !slices.Equal(got, wantRaw) {
		t.Errorf("ip: got %v, want %v", got, wantRaw)
	}
	if f.Expr() != "ip" || f.AcceptsAll() || f.UsesVLAN() {
		t.Error("accessors")
	}
	// Instructions is a copy.
	ins := f.Instructions()
	ins[0].K = 99
	if f.Instructions()[0].K != 12 {
		t.Error("Instructions exposes the program")
	}

	g, err := Compile("tcp", layers.LinkTypeEthernet, 1500)
	if err != nil {
		t.Fatal(err)
	}
	last := g.Instructions()
	if r := run(last, frameByName(t, "tcp4"), 67); r != 1500 {
		t.Errorf("accept value %d, want the snaplen 1500", r)
	}
	if !mustCompile(t, "vlan and ip", layers.LinkTypeEthernet).UsesVLAN() {
		t.Error("UsesVLAN")
	}
	if !strings.Contains(f.String(), "ldh [12]") {
		t.Errorf("String: %s", f)
	}

	// Both programs are the same for the same input.
	a := mustCompile(t, "host 10.0.0.1 or port 53 or vlan and tcp[13] & 2 != 0", layers.LinkTypeEthernet)
	b := mustCompile(t, "host 10.0.0.1 or port 53 or vlan and tcp[13] & 2 != 0", layers.LinkTypeEthernet)
	if !slices.Equal(a.Instructions(), b.Instructions()) {
		t.Error("compilation is not deterministic")
	}

	// The EtherType is loaded once for "ip or ip6 or arp".
	if n := strings.Count(mustCompile(t, "ip or ip6 or arp", layers.LinkTypeEthernet).String(), "ldh [12]"); n != 1 {
		t.Errorf("EtherType loaded %d times", n)
	}
}

// Programs longer than a conditional jump can span still work: far
// targets go through "ja".
func TestLongProgram(t *testing.T) {
	var hosts []string
	for i := 0; i < 150; i++ {
		hosts = append(hosts, fmt.Sprintf("10.9.%d.%d", i/200, i%200+1))
	}
	expr := "host " + strings.Join(hosts, " or ") + " or host 10.0.0.1"
	f := mustCompile(t, expr, layers.LinkTypeEthernet)
	prog := f.Instructions()
	if len(prog) < 600 {
		t.Fatalf("program has only %d instructions", len(prog))
	}
	if !strings.Contains(f.String(), "ja ") {
		t.Error("no long jump in a long program")
	}
	if !f.Match(frameByName(t, "tcp4"), 67) {
		t.Error("last alternative not reached")
	}
	if f.Match(frameByName(t, "tcp6"), 87) {
		t.Error("IPv6 frame matched IPv4 hosts")
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	f := mustCompile(t, "tcp port 80 or udp port 53 or (ip[2:2] - ((ip[0]&0xf)<<2) > tcp[12] and vlan)", layers.LinkTypeEthernet)
	data := frameByName(t, "tcp4")
	if n := testing.AllocsPerRun(100, func() { f.Match(data, len(data)) }); n != 0 {
		t.Errorf("Match allocates %v times per call", n)
	}
}

func FuzzCompile(f *testing.F) {
	frames := synthetic()
	for _, e := range oracleFilters {
		f.Add(e, []byte{})
	}
	for _, e := range []string{"", "(", "not not not tcp", "ip[ip[0]] = ip[1] ^ 3", "port 1 or (2 and not (3))",
		"\\tcp", "host ::ffff:1.2.3.4", "ether host a:b:c:d:e:f", "vlan (((3)))", "len < -1"} {
		f.Add(e, []byte{0x45, 0, 0, 20})
	}
	links := []layers.LinkType{layers.LinkTypeEthernet, layers.LinkTypeRaw, layers.LinkTypeLinuxSLL, layers.LinkTypeNull}
	f.Fuzz(func(t *testing.T, expr string, data []byte) {
		for _, lt := range links {
			flt, err := Compile(expr, lt, 0)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("%q: error of type %T", expr, err)
				}
				continue
			}
			if err := validate(flt.prog); err != nil {
				t.Fatalf("%q: invalid program: %v", expr, err)
			}
			flt.Match(data, len(data))
			flt.Match(data, 0)
			for _, s := range frames {
				for _, n := range []int{len(s.data), len(s.data) / 2, 15} {
					flt.Match(s.data[:min(n, len(s.data))], len(s.data))
				}
			}
		}
	})
}

// BenchmarkMatch runs "tcp port 80 or udp port 53" over real frames:
// http-get.pcap (HTTP, accepted early) and ssh-ssh.pcap (SSH, every
// test runs before rejection). Without the traces it uses the
// synthetic frames.
func BenchmarkMatch(b *testing.B) {
	f := mustCompile(b, "tcp port 80 or udp port 53", layers.LinkTypeEthernet)
	sets := map[string][]frame{}
	for _, tr := range loadTracesQuiet(b) {
		if tr.name == "http-get.pcap" || tr.name == "ssh-ssh.pcap" {
			sets[strings.TrimSuffix(tr.name, ".pcap")] = tr.frames
		}
	}
	if len(sets) == 0 {
		for _, s := range synthetic() {
			sets["synthetic"] = append(sets["synthetic"], frame{s.data, len(s.data), layers.LinkTypeEthernet})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(sets)) {
		frames := sets[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				fr := frames[i%len(frames)]
				f.Match(fr.data, fr.wire)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/packet")
		})
	}
}

func TestNames(t *testing.T) {
	dir := t.TempDir()
	services := dir + "/services"
	protocols := dir + "/protocols"
	if err := os.WriteFile(services, []byte("# comment\nhttp 80/tcp www # web\ndomain 53/tcp\ndomain 53/udp\nodd 100/tcp\nodd 101/udp\nsyslog 514/udp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(protocols, []byte("tcp 6 TCP\nudp\t17\tUDP # user datagram\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type portWant struct {
		port, proto uint32
		ok          bool
	}
	for _, n := range []names{{servicesFile: services}, {servicesFile: "-"}} {
		for name, want := range map[string]portWant{
			"www":    {80, ipprotoTCP, true},
			"domain": {53, 0, true}, // TCP and UDP alike: any transport
			"syslog": {514, ipprotoUDP, true},
			"nope":   {0, 0, false},
		} {
			p, proto, ok := n.portByName(name)
			if (portWant{p, proto, ok}) != want {
				t.Errorf("%+v: %s = %d/%d/%t, want %+v", n, name, p, proto, ok, want)
			}
		}
	}
	if p, proto, _ := (names{servicesFile: services}).portByName("odd"); p != 100 || proto != ipprotoTCP {
		t.Errorf("odd: the TCP entry should win, got %d/%d", p, proto)
	}
	for _, c := range []struct {
		n    names
		name string
		want uint32
		ok   bool
	}{
		{names{protocolsFile: protocols}, "TCP", 6, true},
		{names{protocolsFile: protocols}, "udp", 17, true},
		{names{protocolsFile: protocols}, "gre", 0, false}, // the file, when present, is the truth
		{names{protocolsFile: "-"}, "gre", 47, true},
		{names{protocolsFile: "-"}, "ipv6-icmp", 58, true},
	} {
		if v, ok := c.n.protoByName(c.name); v != c.want || ok != c.ok {
			t.Errorf("%+v %s = %d/%t", c.n, c.name, v, ok)
		}
	}
}
