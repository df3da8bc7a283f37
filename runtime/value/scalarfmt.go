package value

import (
	"net/netip"

	"github.com/gobro/gobro/lang/ast"
	"strconv"
	"strings"
)

// Renderings of the scalar kinds shared by print, fmt and messages
// (rendering.md §1.2, §1.3, §1.5, §1.6).

// FormatDouble and FormatInterval are lang/ast's: one implementation
// of Zeek's algorithms for printing and for messages alike.
func FormatDouble(x float64) string { return ast.FormatDouble(x) }

func appendDouble(b []byte, x float64) []byte { return ast.AppendDouble(b, x) }

// FormatInterval renders an interval (in seconds) as a sum of units.
func FormatInterval(v float64) string { return ast.FormatInterval(v) }

func appendInterval(b []byte, v float64) []byte { return ast.AppendInterval(b, v) }

// FormatAddr renders an address as Zeek does: dotted quad for IPv4;
// RFC 5952-style IPv6 with the first longest zero run (of two or more
// groups) as "::", and a dotted IPv4 tail for the compatible and mapped
// forms (::a.b.c.d, ::ffff:a.b.c.d, ::ffff:0:a.b.c.d).
func FormatAddr(a netip.Addr) string { return string(AppendAddr(nil, a)) }

// AppendAddr appends a's FormatAddr form to b: log writers append
// addresses without making a string of each.
func AppendAddr(b []byte, a netip.Addr) []byte {
	if !a.IsValid() {
		return append(b, "::"...)
	}
	if a.Is4() {
		return a.AppendTo(b)
	}
	a16 := a.As16()
	var g [8]uint16
	for i := range g {
		g[i] = uint16(a16[2*i])<<8 | uint16(a16[2*i+1])
	}
	best, bestLen := -1, 0
	for i := 0; i < 8; {
		if g[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && g[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		best, bestLen = -1, 0
	}
	dotted := best == 0 && (bestLen == 6 ||
		bestLen == 5 && g[5] == 0xffff ||
		bestLen == 4 && g[4] == 0xffff && g[5] == 0)
	groups := 8
	if dotted {
		groups = 6
	}
	for i := 0; i < groups; i++ {
		if i == best {
			b = append(b, "::"...)
			i += bestLen - 1
			continue
		}
		if i > 0 && i != best+bestLen {
			b = append(b, ':')
		}
		b = strconv.AppendUint(b, uint64(g[i]), 16)
	}
	if dotted {
		if best+bestLen != 6 {
			b = append(b, ':')
		}
		b = netip.AddrFrom4([4]byte(a16[12:])).AppendTo(b)
	}
	return b
}

// FormatSubnet renders network/length.
func FormatSubnet(p netip.Prefix) string { return string(appendSubnet(nil, p)) }

func appendSubnet(b []byte, p netip.Prefix) []byte {
	b = AppendAddr(b, p.Addr())
	b = append(b, '/')
	return strconv.AppendInt(b, int64(max(p.Bits(), 0)), 10)
}

var protoNames = [...]string{ProtoUnknown: "unknown", ProtoTCP: "tcp", ProtoUDP: "udp", ProtoICMP: "icmp"}

// ProtoName is the transport name printed after a port number.
func ProtoName(proto int) string {
	if proto >= 0 && proto < len(protoNames) {
		return protoNames[proto]
	}
	return "unknown"
}

func appendPort(b []byte, v Value) []byte {
	b = strconv.AppendUint(b, uint64(v.PortNum()), 10)
	b = append(b, '/')
	return append(b, ProtoName(v.PortProto())...)
}

// appendEscaped writes s with every byte outside 0x20..0x7e as \xhh.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e {
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, c)
	}
	return b
}

// EscapeBytes is the print-mode escaping of a string.
func EscapeBytes(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e }) {
		return s
	}
	return string(appendEscaped(nil, s))
}
