package value

import (
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Renderings of the scalar kinds shared by print, fmt and messages
// (rendering.md §1.2, §1.3, §1.5, §1.6).

// FormatDouble renders a double or time as print and fmt("%s") do.
func FormatDouble(x float64) string {
	return string(appendDouble(nil, x))
}

func appendDouble(b []byte, x float64) []byte {
	if math.IsNaN(x) {
		return append(b, "nan"...)
	}
	if x == 0 { // also -0
		return append(b, "0.0"...)
	}
	start := len(b)
	ax := math.Abs(x)
	if x < 0 {
		b = append(b, '-')
	}
	switch {
	case ax > math.MaxInt32:
		// Shortest round-trip digits; Go already writes "e+15", "+Inf".
		if math.IsInf(ax, 1) {
			return append(b, "inf"...)
		}
		return strconv.AppendFloat(b, ax, 'e', -1, 64)
	case ax < 1e-6:
		b = strconv.AppendFloat(b, ax, 'g', 6, 64)
	default:
		b = strconv.AppendFloat(b, ax, 'f', 6, 64)
		b = trimFraction(b, start)
	}
	// An integral-looking result gets ".0" only when x really is (almost)
	// an integer: 1.0000004 prints "1".
	if !hasByte(b[start:], 'e') && !hasByte(b[start:], '.') &&
		math.Abs(x-math.RoundToEven(x)) < 1e-9 {
		b = append(b, ".0"...)
	}
	return b
}

func hasByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// trimFraction strips trailing zeros and a dangling '.' from a fixed-point
// number written at b[start:].
func trimFraction(b []byte, start int) []byte {
	if !hasByte(b[start:], '.') {
		return b
	}
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

var intervalUnits = [...]struct {
	secs float64
	name string
}{{86400, "day"}, {3600, "hr"}, {60, "min"}, {1, "sec"}, {1e-3, "msec"}}

// FormatInterval renders an interval (in seconds) as a sum of units.
func FormatInterval(v float64) string {
	return string(appendInterval(nil, v))
}

func appendInterval(b []byte, v float64) []byte {
	start := len(b)
	part := func(n float64, unit string) {
		if len(b) > start {
			b = append(b, ' ')
		}
		b = appendDouble(b, n)
		b = append(b, ' ')
		b = append(b, unit...)
		if math.Abs(n-1) >= 1e-6 && math.Abs(n+1) >= 1e-6 {
			b = append(b, 's')
		}
	}
	if v != 0 && !math.IsNaN(v) {
		for _, u := range intervalUnits {
			if math.Abs(v) >= u.secs {
				n := math.Trunc(v / u.secs)
				v -= n * u.secs
				part(n, u.name)
			}
		}
		if us := v / 1e-6; math.Abs(us) >= 1e-6 {
			part(us, "usec")
		}
	}
	if len(b) == start {
		b = append(b, "0 secs"...)
	}
	return b
}

// FormatAddr renders an address as Zeek does: dotted quad for IPv4;
// RFC 5952-style IPv6 with the first longest zero run (of two or more
// groups) as "::", and a dotted IPv4 tail for the compatible and mapped
// forms (::a.b.c.d, ::ffff:a.b.c.d, ::ffff:0:a.b.c.d).
func FormatAddr(a netip.Addr) string { return string(appendAddr(nil, a)) }

func appendAddr(b []byte, a netip.Addr) []byte {
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
	b = appendAddr(b, p.Addr())
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
