package builtins

import (
	"net/netip"
	"slices"
	"testing"

	"github.com/gobro/gobro/runtime/value"
)

func TestToAddr(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"0.0.0.0", "0.0.0.0", ""},
		{"1.2.3.4", "1.2.3.4", ""},
		{"01.02.03.04", "1.2.3.4", ""},
		{"001.002.003.004", "1.2.3.4", ""},
		{"10.00.00.000", "10.0.0.0", ""},
		{"100.200.30.40", "100.200.30.40", ""},
		{"2001:db8::1", "2001:db8::1", ""},
		{"::ffff:192.168.1.100", "192.168.1.100", ""}, // IPv4-mapped is IPv4
		{"not an IP", "::", "failed converting string to IP address"},
		{"1.2.3.256", "::", "failed converting string to IP address"},
		{"1.2.3", "::", "failed converting string to IP address"},
		{"", "::", "failed converting string to IP address"},
		{"fe80::1%eth0", "::", "failed converting string to IP address"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "to_addr", S(tc.in))
		if errText(err) != tc.err || got.Addr() != netip.MustParseAddr(tc.want) {
			t.Errorf("to_addr(%q) = %v, %q; want %s, %q", tc.in, got.Addr(), errText(err), tc.want, tc.err)
		}
		if !got.Addr().Is4() && got.Addr().Is4In6() {
			t.Errorf("to_addr(%q) kept an IPv4-mapped address", tc.in)
		}
		valid, _ := call(t, nil, "is_valid_ip", S(tc.in))
		if valid.Bool() != (tc.err == "") {
			t.Errorf("is_valid_ip(%q) = %v", tc.in, valid.Bool())
		}
	}
}

func TestToSubnet(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"10.0.0.0/8", "10.0.0.0/8", ""},
		{"10.1.2.3/8", "10.0.0.0/8", ""},
		{"2607:f8b0::/32", "2607:f8b0::/32", ""},
		{"::ffff:0:0/96", "0.0.0.0/0", ""},
		{"::ffff:0:0/100", "0.0.0.0/4", ""},
		{"::ffff:0:0/1", "::/1", ""},
		{"10.0.0.0", "::/0", "failed converting string to IP prefix"},
		{"10.0.0.0/33", "::/0", "failed converting string to IP prefix"},
		{"10.0.0.0/x", "::/0", "failed converting string to IP prefix"},
		{"::/129", "::/0", "failed converting string to IP prefix"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "to_subnet", S(tc.in))
		if errText(err) != tc.err || got.Subnet() != netip.MustParsePrefix(tc.want) {
			t.Errorf("to_subnet(%q) = %v, %q; want %s, %q", tc.in, got.Subnet(), errText(err), tc.want, tc.err)
		}
	}
}

func A(s string) value.Value        { return value.Addr(netip.MustParseAddr(s)) }
func Sub(s string) value.Value      { return value.Subnet(netip.MustParsePrefix(s)) }
func P(n uint32, p int) value.Value { return value.Port(n, p) }

func TestAddrPredicates(t *testing.T) {
	tests := []struct {
		name string
		arg  value.Value
		want bool
	}{
		{"is_v4_addr", A("1.2.3.4"), true},
		{"is_v4_addr", A("::1"), false},
		{"is_v6_addr", A("::1"), true},
		{"is_v6_addr", A("::ffff:1.2.3.4"), false},
		{"is_v4_subnet", Sub("10.0.0.0/8"), true},
		{"is_v4_subnet", Sub("2001:db8::/32"), false},
		{"is_v6_subnet", Sub("2001:db8::/32"), true},
		{"is_v6_subnet", Sub("10.0.0.0/8"), false},
		{"is_tcp_port", P(80, value.ProtoTCP), true},
		{"is_tcp_port", P(80, value.ProtoUDP), false},
		{"is_udp_port", P(53, value.ProtoUDP), true},
		{"is_udp_port", P(53, value.ProtoICMP), false},
		{"is_icmp_port", P(8, value.ProtoICMP), true},
		{"is_icmp_port", P(8, value.ProtoUnknown), false},
	}
	for _, tc := range tests {
		got, _ := call(t, nil, tc.name, tc.arg)
		if got.Bool() != tc.want {
			t.Errorf("%s(%v) = %v", tc.name, tc.arg, got.Bool())
		}
	}
}

func TestSubnetFuncs(t *testing.T) {
	w, _ := call(t, nil, "subnet_width", Sub("10.0.0.0/8"))
	w6, _ := call(t, nil, "subnet_width", Sub("2001:db8::/48"))
	if w.Count() != 8 || w6.Count() != 48 {
		t.Errorf("subnet_width = %d, %d", w.Count(), w6.Count())
	}
	a, _ := call(t, nil, "subnet_to_addr", Sub("10.1.0.0/16"))
	if a.Addr() != netip.MustParseAddr("10.1.0.0") {
		t.Errorf("subnet_to_addr = %v", a.Addr())
	}
	for _, tc := range []struct {
		a    string
		bits uint64
		want string
		err  string
	}{
		{"1.2.3.4", 16, "1.2.0.0/16", ""},
		{"1.2.3.4", 32, "1.2.3.4/32", ""},
		{"2001:db8::1", 32, "2001:db8::/32", ""},
		{"1.2.3.4", 33, "::/0", "Bad IPAddr(v4) IPPrefix length : 33"},
		{"::1", 129, "::/0", "Bad IPAddr(v6) IPPrefix length : 129"},
	} {
		got, err := call(t, nil, "mask_addr", A(tc.a), C(tc.bits))
		if errText(err) != tc.err || got.Subnet() != netip.MustParsePrefix(tc.want) {
			t.Errorf("mask_addr(%s, %d) = %v, %q", tc.a, tc.bits, got.Subnet(), errText(err))
		}
	}
	s, _ := call(t, nil, "addr_to_subnet", A("1.2.3.4"))
	if s.Subnet() != netip.MustParsePrefix("1.2.3.4/32") {
		t.Errorf("addr_to_subnet = %v", s.Subnet())
	}
}

func TestAddrCounts(t *testing.T) {
	ctx := &fakeCtx{}
	// Zeek's bifs.addr_count_conversion baseline.
	v, _ := call(t, ctx, "addr_to_counts", A("2001:0db8:85a3:0000:0000:8a2e:0370:7334"))
	var got []uint64
	for _, e := range vectorElems(v) {
		got = append(got, e.Count())
	}
	if !slices.Equal(got, []uint64{536939960, 2242052096, 35374, 57701172}) {
		t.Errorf("addr_to_counts(v6) = %v", got)
	}
	if v.P.(*value.Vector).Type.String() != "index_vec" {
		t.Errorf("addr_to_counts type = %s", v.P.(*value.Vector).Type)
	}
	back, _ := call(t, ctx, "counts_to_addr", v)
	if back.Addr() != netip.MustParseAddr("2001:db8:85a3::8a2e:370:7334") {
		t.Errorf("counts_to_addr = %v", back.Addr())
	}
	v, _ = call(t, ctx, "addr_to_counts", A("1.2.3.4"))
	if e := vectorElems(v); len(e) != 1 || e[0].Count() != 16909060 {
		t.Errorf("addr_to_counts(1.2.3.4) = %v", e)
	}
	back, _ = call(t, ctx, "counts_to_addr", v)
	if back.Addr() != netip.MustParseAddr("1.2.3.4") {
		t.Errorf("counts_to_addr = %v", back.Addr())
	}
	_, err := call(t, ctx, "counts_to_addr", indexVec(ctx, []uint64{1, 2}))
	if errText(err) != "invalid vector size" {
		t.Errorf("counts_to_addr(2 counts): %v", err)
	}
	// Four counts spelling an IPv4-mapped address give IPv4.
	back, _ = call(t, ctx, "counts_to_addr", indexVec(ctx, []uint64{0, 0, 0xffff, 0x01020304}))
	if back.Addr() != netip.MustParseAddr("1.2.3.4") {
		t.Errorf("counts_to_addr(mapped) = %v", back.Addr())
	}
}

func TestRawBytesAndCountToAddr(t *testing.T) {
	got, err := call(t, nil, "raw_bytes_to_v4_addr", S("\x0a\x00\x00\x01rest"))
	if err != nil || got.Addr() != netip.MustParseAddr("10.0.0.1") {
		t.Errorf("raw_bytes_to_v4_addr = %v, %v", got.Addr(), err)
	}
	_, err = call(t, nil, "raw_bytes_to_v4_addr", S("\x0a\x00"))
	if errText(err) != "too short a string as input to raw_bytes_to_v4_addr()" {
		t.Errorf("raw_bytes_to_v4_addr(short): %v", err)
	}
	got, err = call(t, nil, "raw_bytes_to_v6_addr", S("\x20\x01\x0d\xb8\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"))
	if err != nil || got.Addr() != netip.MustParseAddr("2001:db8::1") {
		t.Errorf("raw_bytes_to_v6_addr = %v, %v", got.Addr(), err)
	}
	got, err = call(t, nil, "count_to_v4_addr", C(16909060))
	if err != nil || got.Addr() != netip.MustParseAddr("1.2.3.4") {
		t.Errorf("count_to_v4_addr = %v, %v", got.Addr(), err)
	}
	_, err = call(t, nil, "count_to_v4_addr", C(1<<32))
	if errText(err) != "conversion of non-IPv4 count to addr" {
		t.Errorf("count_to_v4_addr(2^32): %v", err)
	}
}

func TestPtrNames(t *testing.T) {
	// Zeek's bifs.addr_to_ptr_name baseline.
	tests := []struct{ addr, name string }{
		{"2607:f8b0:4009:802::1012", "2.1.0.1.0.0.0.0.0.0.0.0.0.0.0.0.2.0.8.0.9.0.0.4.0.b.8.f.7.0.6.2.ip6.arpa"},
		{"74.125.225.52", "52.225.125.74.in-addr.arpa"},
	}
	for _, tc := range tests {
		got, _ := call(t, nil, "addr_to_ptr_name", A(tc.addr))
		if got.Str() != tc.name {
			t.Errorf("addr_to_ptr_name(%s) = %q", tc.addr, got.Str())
		}
		back, err := call(t, nil, "ptr_name_to_addr", S(tc.name))
		if err != nil || back.Addr() != netip.MustParseAddr(tc.addr) {
			t.Errorf("ptr_name_to_addr(%q) = %v, %v", tc.name, back.Addr(), err)
		}
	}
	back, err := call(t, nil, "ptr_name_to_addr", S("1.0.168.192.IN-ADDR.ARPA"))
	if err != nil || back.Addr() != netip.MustParseAddr("192.168.0.1") {
		t.Errorf("ptr_name_to_addr(upper case) = %v, %v", back.Addr(), err)
	}
	_, err = call(t, nil, "ptr_name_to_addr", S("www.example.com"))
	if err == nil {
		t.Errorf("ptr_name_to_addr(not a PTR name): no error")
	}
}

func TestPorts(t *testing.T) {
	tests := []struct {
		in   string
		num  uint32
		prot int
		err  string
	}{
		{"123/tcp", 123, value.ProtoTCP, ""},
		{"123/udp", 123, value.ProtoUDP, ""},
		{"123/icmp", 123, value.ProtoICMP, ""},
		{"0/tcp", 0, value.ProtoTCP, ""},
		{"65535/udp", 65535, value.ProtoUDP, ""},
		{"not a port", 0, value.ProtoUnknown, `wrong port format, must be /[0-9]{1,5}\/(tcp|udp|icmp)/`},
		{"123", 0, value.ProtoUnknown, `wrong port format, must be /[0-9]{1,5}\/(tcp|udp|icmp)/`},
		{"123/sctp", 0, value.ProtoUnknown, `wrong port format, must be /[0-9]{1,5}\/(tcp|udp|icmp)/`},
		{"65536/tcp", 0, value.ProtoUnknown, `wrong port format, must be /[0-9]{1,5}\/(tcp|udp|icmp)/`},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "to_port", S(tc.in))
		if errText(err) != tc.err || got.PortNum() != tc.num || got.PortProto() != tc.prot {
			t.Errorf("to_port(%q) = %d/%d, %q", tc.in, got.PortNum(), got.PortProto(), errText(err))
		}
	}
	for _, proto := range []int{value.ProtoTCP, value.ProtoUDP, value.ProtoICMP} {
		got, _ := call(t, nil, "count_to_port", C(256), value.Enum(int64(proto)))
		if got.PortNum() != 256 || got.PortProto() != proto {
			t.Errorf("count_to_port(256, %d) = %d/%d", proto, got.PortNum(), got.PortProto())
		}
		tp, _ := call(t, nil, "get_port_transport_proto", got)
		if tp.Int() != int64(proto) {
			t.Errorf("get_port_transport_proto = %d", tp.Int())
		}
	}
	ctx := &fakeCtx{}
	got, _ := call(t, ctx, "count_to_port", C(70000), value.Enum(value.ProtoTCP))
	if got.PortNum() != 0 || len(ctx.reports) != 1 || ctx.reports[0] != "warning: bad port number 70000" {
		t.Errorf("count_to_port(70000) = %d, %q", got.PortNum(), ctx.reports)
	}
	c, _ := call(t, nil, "port_to_count", P(123, value.ProtoTCP))
	if c.Count() != 123 {
		t.Errorf("port_to_count = %d", c.Count())
	}
}
