package builtins

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Address, subnet and port built-ins.

func init() {
	register(map[string]Impl{
		"to_addr":                  bifToAddr,
		"is_valid_ip":              bifIsValidIP,
		"to_subnet":                bifToSubnet,
		"is_v4_addr":               bifIsV4Addr,
		"is_v6_addr":               bifIsV6Addr,
		"is_v4_subnet":             bifIsV4Subnet,
		"is_v6_subnet":             bifIsV6Subnet,
		"subnet_width":             bifSubnetWidth,
		"mask_addr":                bifMaskAddr,
		"subnet_to_addr":           bifSubnetToAddr,
		"addr_to_subnet":           bifAddrToSubnet,
		"addr_to_counts":           bifAddrToCounts,
		"counts_to_addr":           bifCountsToAddr,
		"count_to_v4_addr":         bifCountToV4Addr,
		"raw_bytes_to_v4_addr":     bifRawBytesToV4Addr,
		"raw_bytes_to_v6_addr":     bifRawBytesToV6Addr,
		"addr_to_ptr_name":         bifAddrToPtrName,
		"ptr_name_to_addr":         bifPtrNameToAddr,
		"get_port_transport_proto": bifGetPortTransportProto,
		"count_to_port":            bifCountToPort,
		"port_to_count":            bifPortToCount,
		"to_port":                  bifToPort,
		"is_tcp_port":              bifIsTCPPort,
		"is_udp_port":              bifIsUDPPort,
		"is_icmp_port":             bifIsICMPPort,
	})
}

var zeroAddr = netip.IPv6Unspecified()

// parseAddr reads an IPv4 or IPv6 address as Zeek does: IPv4 octets may
// carry leading zeros ("001.002.003.004" is 1.2.3.4, decimal); zones are
// not addresses. IPv4-mapped IPv6 addresses come back as IPv4.
func parseAddr(s string) (netip.Addr, bool) {
	if a, ok := parseDottedQuad(s); ok {
		return a, true
	}
	if strings.IndexByte(s, ':') < 0 || strings.IndexByte(s, '%') >= 0 {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

func parseDottedQuad(s string) (netip.Addr, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return netip.Addr{}, false
	}
	var b [4]byte
	for i, p := range parts {
		if p == "" || len(p) > 3 {
			return netip.Addr{}, false
		}
		n := 0
		for j := 0; j < len(p); j++ {
			if !isASCIIDigit(p[j]) {
				return netip.Addr{}, false
			}
			n = n*10 + int(p[j]-'0')
		}
		if n > 255 {
			return netip.Addr{}, false
		}
		b[i] = byte(n)
	}
	return netip.AddrFrom4(b), true
}

func bifToAddr(_ Context, args []value.Value) (value.Value, error) {
	a, ok := parseAddr(args[0].Str())
	if !ok {
		return value.Addr(zeroAddr), BadValue(args[0], types.StringType, "failed converting string to IP address")
	}
	return value.Addr(a), nil
}

func bifIsValidIP(_ Context, args []value.Value) (value.Value, error) {
	_, ok := parseAddr(args[0].Str())
	return value.Bool(ok), nil
}

// parseSubnet reads "addr/len". An IPv4-mapped IPv6 network of at least 96
// bits is the IPv4 network of len-96 bits.
func parseSubnet(s string) (netip.Prefix, bool) {
	i := strings.LastIndexByte(s, '/')
	if i < 0 {
		return netip.Prefix{}, false
	}
	as, ls := s[:i], s[i+1:]
	if ls == "" || len(ls) > 3 {
		return netip.Prefix{}, false
	}
	n := 0
	for j := 0; j < len(ls); j++ {
		if !isASCIIDigit(ls[j]) {
			return netip.Prefix{}, false
		}
		n = n*10 + int(ls[j]-'0')
	}
	if a, ok := parseDottedQuad(as); ok {
		if n > 32 {
			return netip.Prefix{}, false
		}
		return netip.PrefixFrom(a, n).Masked(), true
	}
	if strings.IndexByte(as, ':') < 0 || strings.IndexByte(as, '%') >= 0 {
		return netip.Prefix{}, false
	}
	a, err := netip.ParseAddr(as)
	if err != nil || n > 128 {
		return netip.Prefix{}, false
	}
	if a.Is4In6() && n >= 96 {
		return netip.PrefixFrom(a.Unmap(), n-96).Masked(), true
	}
	return netip.PrefixFrom(a, n).Masked(), true
}

var zeroSubnet = netip.PrefixFrom(netip.IPv6Unspecified(), 0)

func bifToSubnet(_ Context, args []value.Value) (value.Value, error) {
	p, ok := parseSubnet(args[0].Str())
	if !ok {
		return value.Subnet(zeroSubnet), BadValue(args[0], types.StringType, "failed converting string to IP prefix")
	}
	return value.Subnet(p), nil
}

func bifIsV4Addr(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].Addr().Is4()), nil
}

func bifIsV6Addr(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].Addr().Is6()), nil
}

func bifIsV4Subnet(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].Subnet().Addr().Is4()), nil
}

func bifIsV6Subnet(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].Subnet().Addr().Is6()), nil
}

// subnet_width is the prefix length (IPv4 lengths for IPv4 subnets).
func bifSubnetWidth(_ Context, args []value.Value) (value.Value, error) {
	return value.Count(uint64(max(args[0].Subnet().Bits(), 0))), nil
}

func bifMaskAddr(_ Context, args []value.Value) (value.Value, error) {
	a, n := args[0].Addr(), args[1].Count()
	if a.Is4() && n > 32 {
		return value.Subnet(zeroSubnet), bifError("Bad IPAddr(v4) IPPrefix length : %d", n)
	}
	if !a.Is4() && n > 128 {
		return value.Subnet(zeroSubnet), bifError("Bad IPAddr(v6) IPPrefix length : %d", n)
	}
	return value.Subnet(netip.PrefixFrom(a, int(n))), nil
}

func bifSubnetToAddr(_ Context, args []value.Value) (value.Value, error) {
	return value.Addr(args[0].Subnet().Addr()), nil
}

func bifAddrToSubnet(_ Context, args []value.Value) (value.Value, error) {
	a := args[0].Addr()
	return value.Subnet(netip.PrefixFrom(a, a.BitLen())), nil
}

// addr_to_counts: one count for IPv4, four (network order words) for IPv6.
func bifAddrToCounts(ctx Context, args []value.Value) (value.Value, error) {
	a := args[0].Addr()
	if a.Is4() {
		b := a.As4()
		return indexVec(ctx, []uint64{uint64(binary.BigEndian.Uint32(b[:]))}), nil
	}
	b := a.As16()
	cs := make([]uint64, 4)
	for i := range cs {
		cs[i] = uint64(binary.BigEndian.Uint32(b[4*i:]))
	}
	return indexVec(ctx, cs), nil
}

func bifCountsToAddr(_ Context, args []value.Value) (value.Value, error) {
	elems := vectorElems(args[0])
	switch len(elems) {
	case 1:
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], uint32(elems[0].Count()))
		return value.Addr(netip.AddrFrom4(b)), nil
	case 4:
		var b [16]byte
		for i, e := range elems {
			binary.BigEndian.PutUint32(b[4*i:], uint32(e.Count()))
		}
		return value.Addr(netip.AddrFrom16(b)), nil
	}
	return value.Addr(zeroAddr), bifError("invalid vector size")
}

func bifCountToV4Addr(_ Context, args []value.Value) (value.Value, error) {
	c := args[0].Count()
	if c > 0xffffffff {
		return value.Addr(netip.IPv4Unspecified()), bifError("conversion of non-IPv4 count to addr")
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(c))
	return value.Addr(netip.AddrFrom4(b)), nil
}

// raw_bytes_to_v4_addr reads the first four bytes, in network order.
func bifRawBytesToV4Addr(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if len(s) < 4 {
		return value.Addr(netip.IPv4Unspecified()), bifError("too short a string as input to raw_bytes_to_v4_addr()")
	}
	return value.Addr(netip.AddrFrom4([4]byte{s[0], s[1], s[2], s[3]})), nil
}

func bifRawBytesToV6Addr(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if len(s) < 16 {
		return value.Addr(zeroAddr), bifError("too short a string as input to raw_bytes_to_v6_addr()")
	}
	var b [16]byte
	copy(b[:], s)
	return value.Addr(netip.AddrFrom16(b)), nil
}

// addr_to_ptr_name: d.c.b.a.in-addr.arpa, or 32 reversed nibbles + ip6.arpa.
func bifAddrToPtrName(_ Context, args []value.Value) (value.Value, error) {
	a := args[0].Addr()
	var b strings.Builder
	if a.Is4() {
		o := a.As4()
		for i := 3; i >= 0; i-- {
			b.WriteString(strconv.Itoa(int(o[i])))
			b.WriteByte('.')
		}
		b.WriteString("in-addr.arpa")
		return value.String(b.String()), nil
	}
	const digits = "0123456789abcdef"
	o := a.As16()
	for i := 15; i >= 0; i-- {
		b.WriteByte(digits[o[i]&15])
		b.WriteByte('.')
		b.WriteByte(digits[o[i]>>4])
		b.WriteByte('.')
	}
	b.WriteString("ip6.arpa")
	return value.String(b.String()), nil
}

// ptr_name_to_addr is the inverse of addr_to_ptr_name.
func bifPtrNameToAddr(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if a, ok := parsePtrName(s); ok {
		return value.Addr(a), nil
	}
	return value.Addr(zeroAddr), bifError("invalid PTR name")
}

func parsePtrName(s string) (netip.Addr, bool) {
	ls := strings.ToLower(s)
	switch {
	case strings.HasSuffix(ls, ".in-addr.arpa"):
		parts := strings.Split(s[:len(s)-len(".in-addr.arpa")], ".")
		if len(parts) != 4 {
			return netip.Addr{}, false
		}
		return parseDottedQuad(parts[3] + "." + parts[2] + "." + parts[1] + "." + parts[0])
	case strings.HasSuffix(ls, ".ip6.arpa"):
		parts := strings.Split(ls[:len(ls)-len(".ip6.arpa")], ".")
		if len(parts) != 32 {
			return netip.Addr{}, false
		}
		var b [16]byte
		for i, p := range parts {
			if len(p) != 1 || hexVal(p[0]) < 0 {
				return netip.Addr{}, false
			}
			pos := 31 - i // nibble position from the most significant
			if pos%2 == 0 {
				b[pos/2] |= byte(hexVal(p[0])) << 4
			} else {
				b[pos/2] |= byte(hexVal(p[0]))
			}
		}
		return netip.AddrFrom16(b).Unmap(), true
	}
	return netip.Addr{}, false
}

func bifGetPortTransportProto(_ Context, args []value.Value) (value.Value, error) {
	return value.Enum(int64(args[0].PortProto())), nil
}

// count_to_port: a number beyond 65535 is a bad port number and becomes 0.
func bifCountToPort(ctx Context, args []value.Value) (value.Value, error) {
	n, proto := args[0].Count(), args[1].Int()
	if n > 0xffff {
		if ctx != nil {
			ctx.Report("warning", "bad port number "+strconv.FormatUint(n, 10))
		}
		n = 0
	}
	return value.Port(uint32(n), int(proto)), nil
}

func bifPortToCount(_ Context, args []value.Value) (value.Value, error) {
	return value.Count(uint64(args[0].PortNum())), nil
}

// to_port reads "NUMBER/tcp", "/udp" or "/icmp"; anything else is an
// error and gives 0/unknown.
func bifToPort(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if num, proto, ok := strings.Cut(s, "/"); ok && num != "" && len(num) <= 5 {
		n, err := strconv.ParseUint(num, 10, 32)
		if err == nil && n <= 0xffff {
			switch proto {
			case "tcp":
				return value.Port(uint32(n), value.ProtoTCP), nil
			case "udp":
				return value.Port(uint32(n), value.ProtoUDP), nil
			case "icmp":
				return value.Port(uint32(n), value.ProtoICMP), nil
			}
		}
	}
	return value.Port(0, value.ProtoUnknown), bifError(`wrong port format, must be /[0-9]{1,5}\/(tcp|udp|icmp)/`)
}

func bifIsTCPPort(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].PortProto() == value.ProtoTCP), nil
}

func bifIsUDPPort(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].PortProto() == value.ProtoUDP), nil
}

func bifIsICMPPort(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(args[0].PortProto() == value.ProtoICMP), nil
}
