package input

import (
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Zeek's reader converts numbers with the C library (strtoll, strtoull,
// strtod) and IPv4 addresses with inet_aton. Their leniencies decide
// which lines load and which warnings appear (leading blanks are fine,
// trailing garbage only warns, "0x10" is a double but not a count), so
// they are mimicked here rather than replaced by strconv's stricter rules.

// isCSpace is C's isspace in the "C" locale.
func isCSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// strip is Zeek's strstrip: blanks removed at both ends.
func strip(s string) string {
	i, j := 0, len(s)
	for i < j && isCSpace(s[i]) {
		i++
	}
	for j > i && isCSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// numResult is what strtoX leaves behind: how much of the text it used
// (0: nothing converted) and whether the value was out of range (ERANGE).
type numResult struct {
	end      int
	overflow bool
}

// scanDigits is the common part of strtoll and strtoull in base 10:
// blanks, a sign, digits. It returns the sign, the digits and the end.
func scanDigits(s string) (neg bool, digits string, end int) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i {
		return false, "", 0
	}
	return neg, s[i:j], j
}

// strtoll converts like C's strtoll(s, &end, 10).
func strtoll(s string) (int64, numResult) {
	neg, digits, end := scanDigits(s)
	if end == 0 {
		return 0, numResult{}
	}
	u, err := strconv.ParseUint(digits, 10, 64)
	if neg {
		if err != nil || u > 1<<63 {
			return math.MinInt64, numResult{end, true}
		}
		return -int64(u), numResult{end: end}
	}
	if err != nil || u > math.MaxInt64 {
		return math.MaxInt64, numResult{end, true}
	}
	return int64(u), numResult{end: end}
}

// strtoull converts like C's strtoull(s, &end, 10), which accepts a minus
// sign and negates in unsigned arithmetic (the caller rejects negatives
// as Zeek does).
func strtoull(s string) (uint64, numResult) {
	neg, digits, end := scanDigits(s)
	if end == 0 {
		return 0, numResult{}
	}
	u, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return math.MaxUint64, numResult{end, true}
	}
	if neg {
		u = -u
	}
	return u, numResult{end: end}
}

// strtod converts like C's strtod: decimal and hexadecimal floats, inf,
// infinity and nan (optionally nan(chars)), after leading blanks. ERANGE
// is set on overflow and, as glibc does, on underflow to a subnormal or
// zero.
func strtod(s string) (float64, numResult) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	start := i
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	rest := s[i:]
	switch {
	case hasPrefixFold(rest, "infinity"):
		return signed(math.Inf(1), neg), numResult{end: i + 8}
	case hasPrefixFold(rest, "inf"):
		return signed(math.Inf(1), neg), numResult{end: i + 3}
	case hasPrefixFold(rest, "nan"):
		end := i + 3
		if end < len(s) && s[end] == '(' {
			j := end + 1
			for j < len(s) && (isAlnum(s[j]) || s[j] == '_') {
				j++
			}
			if j < len(s) && s[j] == ')' {
				end = j + 1
			}
		}
		return math.NaN(), numResult{end: end}
	}
	if len(rest) >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') {
		if v, n, ok := hexFloat(rest[2:]); ok {
			r := numResult{end: i + 2 + n}
			r.overflow = rangeErr(v, true)
			return signed(v, neg), r
		}
		// "0x" without hex digits: strtod converts the "0".
		return signed(0, neg), numResult{end: i + 1}
	}
	j := i
	mant := 0
	nonzero := false
	for j < len(s) && isDigit(s[j]) {
		nonzero = nonzero || s[j] != '0'
		j++
		mant++
	}
	if j < len(s) && s[j] == '.' {
		j++
		for j < len(s) && isDigit(s[j]) {
			nonzero = nonzero || s[j] != '0'
			j++
			mant++
		}
	}
	if mant == 0 {
		return 0, numResult{}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			j = k
		}
	}
	v, err := strconv.ParseFloat(s[start:j], 64)
	r := numResult{end: j}
	if err != nil {
		// Only ErrRange can happen on text scanned as above.
		r.overflow = true
		return v, r
	}
	r.overflow = rangeErr(v, nonzero)
	return v, r
}

// hexFloat converts the digits after "0x": hex digits, an optional point
// and fraction, an optional binary exponent. It returns the value and the
// length used.
func hexFloat(s string) (float64, int, bool) {
	j := 0
	var b strings.Builder
	b.WriteString("0x")
	digits := 0
	for j < len(s) && isHex(s[j]) {
		b.WriteByte(s[j])
		j++
		digits++
	}
	if j < len(s) && s[j] == '.' {
		k := j + 1
		frac := 0
		for k < len(s) && isHex(s[k]) {
			k++
			frac++
		}
		if digits+frac > 0 {
			b.WriteString(s[j:k])
			digits += frac
			j = k
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	exp := "p0"
	if j < len(s) && (s[j] == 'p' || s[j] == 'P') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			exp = "p" + s[j+1:k]
			j = k
		}
	}
	b.WriteString(exp)
	// The text is well formed, so the only error is ErrRange with ±Inf,
	// which rangeErr reports.
	v, _ := strconv.ParseFloat(b.String(), 64)
	return v, j, true
}

// rangeErr tells whether glibc's strtod sets ERANGE for a result v:
// overflow to infinity, or underflow (a subnormal, or zero from digits
// that were not all zero).
func rangeErr(v float64, nonzero bool) bool {
	a := math.Abs(v)
	return math.IsInf(v, 0) || (a != 0 && a < 0x1p-1022) || (a == 0 && nonzero)
}

func signed(v float64, neg bool) float64 {
	if neg {
		return -v
	}
	return v
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}
func isAlnum(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') }

// inetAton parses an IPv4 address as C's inet_aton does: one to four
// parts separated by dots, each decimal, octal (leading 0) or hex (0x);
// the last part fills the remaining bytes ("10.1" is 10.0.0.1). The text
// may continue after a blank, which ends the address.
func inetAton(s string) (netip.Addr, bool) {
	var parts [4]uint64
	n := 0
	i := 0
	for {
		if i >= len(s) || !isDigit(s[i]) {
			return netip.Addr{}, false
		}
		base := uint64(10)
		if s[i] == '0' {
			base = 8
			i++
			if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
				base = 16
				i++
			}
		}
		var v uint64
		for i < len(s) {
			c := s[i]
			var d uint64
			switch {
			case isDigit(c) && (base != 8 || c < '8'):
				d = uint64(c - '0')
			case base == 16 && isHex(c):
				d = uint64(c|0x20-'a') + 10
			default:
				goto done
			}
			v = v*base + d
			if v > 0xffffffff {
				return netip.Addr{}, false
			}
			i++
		}
	done:
		if n == 4 {
			return netip.Addr{}, false
		}
		parts[n] = v
		n++
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		break
	}
	if i < len(s) && !isCSpace(s[i]) {
		return netip.Addr{}, false
	}
	var a uint64
	switch n {
	case 1:
		a = parts[0]
	case 2:
		if parts[0] > 0xff || parts[1] > 0xffffff {
			return netip.Addr{}, false
		}
		a = parts[0]<<24 | parts[1]
	case 3:
		if parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff {
			return netip.Addr{}, false
		}
		a = parts[0]<<24 | parts[1]<<16 | parts[2]
	case 4:
		for _, p := range parts {
			if p > 0xff {
				return netip.Addr{}, false
			}
		}
		a = parts[0]<<24 | parts[1]<<16 | parts[2]<<8 | parts[3]
	}
	return netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}), true
}
