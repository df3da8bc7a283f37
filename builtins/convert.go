package builtins

import (
	"math"
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Numeric conversions.

func init() {
	register(map[string]Impl{
		"to_count":        bifToCount,
		"to_int":          bifToInt,
		"to_double":       bifToDouble,
		"double_to_count": bifDoubleToCount,
		"double_to_int":   bifDoubleToInt,
		"int_to_count":    bifIntToCount,
		"int_to_double":   bifIntToDouble,
		"count_to_double": bifCountToDouble,
	})
}

// parseInteger reads an integer the way C's strtoull/strtoll do: leading
// white space, an optional sign, an optional 0x/0X prefix (base 16, or base
// 0 which also takes a leading 0 as octal), then digits of the base. It
// fails when no digit is read, on overflow, or when the digits are
// followed by something other than white space.
func parseInteger(s string, base uint64) (neg bool, mag uint64, ok bool) {
	i := 0
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if base != 0 && (base < 2 || base > 36) {
		return false, 0, false
	}
	hasHexPrefix := i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && digitVal(s[i+2]) < 16
	switch {
	case (base == 16 || base == 0) && hasHexPrefix:
		base = 16
		i += 2
	case base == 0 && i < len(s) && s[i] == '0':
		base = 8
	case base == 0:
		base = 10
	}
	start := i
	for i < len(s) {
		d := digitVal(s[i])
		if d >= base {
			break
		}
		hi, lo := mulAdd(mag, base, d)
		if hi {
			return neg, 0, false
		}
		mag = lo
		i++
	}
	if i == start || (i < len(s) && !isASCIISpace(s[i])) {
		return neg, 0, false
	}
	return neg, mag, true
}

func digitVal(c byte) uint64 {
	switch {
	case '0' <= c && c <= '9':
		return uint64(c - '0')
	case 'a' <= c && c <= 'z':
		return uint64(c-'a') + 10
	case 'A' <= c && c <= 'Z':
		return uint64(c-'A') + 10
	}
	return 99
}

// mulAdd computes m*base+d, reporting overflow of 64 bits.
func mulAdd(m, base, d uint64) (overflow bool, r uint64) {
	if m > (math.MaxUint64-d)/base {
		return true, 0
	}
	return false, m*base + d
}

// to_count: a leading '-' negates modulo 2^64, as strtoull does.
func bifToCount(_ Context, args []value.Value) (value.Value, error) {
	neg, mag, ok := parseInteger(args[0].Str(), args[1].Count())
	if !ok {
		return value.Count(0), BadValue(args[0], types.StringType, "bad conversion to count")
	}
	if neg {
		mag = -mag
	}
	return value.Count(mag), nil
}

func bifToInt(_ Context, args []value.Value) (value.Value, error) {
	neg, mag, ok := parseInteger(args[0].Str(), args[1].Count())
	if ok && !neg && mag > math.MaxInt64 || ok && neg && mag > 1<<63 {
		ok = false
	}
	if !ok {
		return value.Int(0), BadValue(args[0], types.StringType, "bad conversion to integer")
	}
	if neg {
		return value.Int(int64(-mag)), nil
	}
	return value.Int(int64(mag)), nil
}

// to_double reads a C floating-point literal after optional white space.
func bifToDouble(_ Context, args []value.Value) (value.Value, error) {
	s := strings.TrimLeft(args[0].Str(), " \t\n\r\v\f")
	d, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeErr(err) || s == "" || strings.ContainsRune(s, '_') {
		return value.Double(0), BadValue(args[0], types.StringType, "bad conversion to double")
	}
	return value.Double(d), nil
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// double_to_count rounds to the nearest count (ties to even); negative
// values are an error.
func bifDoubleToCount(_ Context, args []value.Value) (value.Value, error) {
	d := args[0].Double()
	if d < 0 || math.IsNaN(d) {
		return value.Count(0), BadValue(args[0], types.DoubleType, "bad conversion to count")
	}
	r := math.RoundToEven(d)
	if r >= 1<<64 {
		return value.Count(math.MaxUint64), nil
	}
	return value.Count(uint64(r)), nil
}

// double_to_int rounds to the nearest int (ties to even).
func bifDoubleToInt(_ Context, args []value.Value) (value.Value, error) {
	r := math.RoundToEven(args[0].Double())
	switch {
	case math.IsNaN(r):
		return value.Int(0), nil
	case r >= 1<<63:
		return value.Int(math.MaxInt64), nil
	case r < -(1 << 63):
		return value.Int(math.MinInt64), nil
	}
	return value.Int(int64(r)), nil
}

func bifIntToCount(_ Context, args []value.Value) (value.Value, error) {
	n := args[0].Int()
	if n < 0 {
		return value.Count(0), BadValue(args[0], types.IntType, "bad conversion to count")
	}
	return value.Count(uint64(n)), nil
}

func bifIntToDouble(_ Context, args []value.Value) (value.Value, error) {
	return value.Double(float64(args[0].Int())), nil
}

func bifCountToDouble(_ Context, args []value.Value) (value.Value, error) {
	return value.Double(float64(args[0].Count())), nil
}
