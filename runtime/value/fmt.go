package value

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gobro/gobro/lang/types"
)

// Errors of fmt, with Zeek's texts (rendering.md §2).
var (
	ErrFmtTooFew      = errors.New("too few arguments for format")
	ErrFmtTooMany     = errors.New("too many arguments for format")
	ErrFmtBadFormat   = errors.New("bad format")
	ErrFmtWidth       = errors.New("excessive field width or precision")
	ErrFmtPrecision   = errors.New("precision specified for non-floating point")
	ErrFmtIntType     = errors.New("bad type for %d/%x format")
	ErrFmtFloatType   = errors.New("bad type for floating-point format")
	ErrFmtTimeType    = errors.New("bad type for Date/Time format")
	maxFmtWidthOrPrec = 128
)

// Fmt is the fmt built-in with a default Printer (local time zone).
func Fmt(format string, args []Value, argTypes []types.Type) (string, error) {
	var p Printer
	return p.Fmt(format, args, argTypes, nil)
}

// Fmt formats args by Zeek's fmt directives. argTypes are the static
// types (an any argument is unwrapped to its dynamic type). loc is the
// zone for %D and %T (nil: time.Local).
//
// A wrong argument count returns "" and the error. Other errors (bad
// type, bad verb, excessive width, precision on a non-float verb) are
// reported as Zeek reports them and formatting goes on: the result is
// complete apart from the offending directive's text, and err is the
// first such error.
func (p *Printer) Fmt(format string, args []Value, argTypes []types.Type, loc *time.Location) (string, error) {
	if loc == nil {
		loc = time.Local
	}
	raw := Printer{Mode: ModeRaw, FieldDefault: p.FieldDefault}
	// Stack buffers for the result and one directive's text: fmt runs
	// for file handles and keys on the per-connection path.
	var outBuf [128]byte
	var dirBuf [64]byte
	out := outBuf[:0]
	var first error
	report := func(err error) {
		if first == nil {
			first = err
		}
	}
	n := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out = append(out, c)
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			out = append(out, '%')
			continue
		}
		// Flags, width, precision.
		left, zero := false, false
		if i < len(format) && format[i] == '-' {
			left = true
			i++
		}
		if i < len(format) && format[i] == '0' {
			zero = true
			i++
		}
		width, prec := 0, -1
		for i < len(format) && isDigit(format[i]) {
			width = width*10 + int(format[i]-'0')
			i++
		}
		if i < len(format) && format[i] == '.' {
			i++
			prec = 0
			for i < len(format) && isDigit(format[i]) {
				prec = prec*10 + int(format[i]-'0')
				i++
			}
		}
		if i >= len(format) {
			report(ErrFmtBadFormat)
			break
		}
		verb := format[i]
		if n >= len(args) {
			return "", ErrFmtTooFew
		}
		v, t := args[n], argTypes[n]
		n++
		if t.Kind() == types.Any {
			if a, ok := v.P.(*Any); ok && a != nil {
				v, t = a.Value, a.Type
			}
		}
		if width > maxFmtWidthOrPrec || prec > maxFmtWidthOrPrec {
			report(ErrFmtWidth)
			continue
		}
		isFloat := verb == 'e' || verb == 'f' || verb == 'g'
		if prec >= 0 && !isFloat {
			report(ErrFmtPrecision)
		}
		var s []byte
		var err error
		switch verb {
		case 's':
			var ok bool
			if s, ok = AppendScalar(dirBuf[:0], v, t, ModeRaw); !ok {
				s = raw.Append(nil, v, t) // an aggregate: on the heap
			}
		case 'd', 'x':
			s, err = fmtInteger(dirBuf[:0], v, t, verb)
		case 'e', 'f', 'g':
			s, err = fmtFloat(dirBuf[:0], v, t, verb, prec)
		case 'D', 'T':
			s, err = fmtTime(v, t, verb, loc)
		default:
			err = ErrFmtBadFormat
		}
		if err != nil {
			report(err)
			continue
		}
		out = pad(out, s, width, left, zero && !left && (verb == 'd' || verb == 'x'))
	}
	if n < len(args) {
		return "", ErrFmtTooMany
	}
	return string(out), first
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// pad appends s to out, padded to width bytes with spaces (or zeros after
// the sign).
func pad(out, s []byte, width int, left, zero bool) []byte {
	fill := width - len(s)
	if fill <= 0 {
		return append(out, s...)
	}
	switch {
	case left:
		out = append(out, s...)
		return append(out, strings.Repeat(" ", fill)...)
	case zero:
		if len(s) > 0 && s[0] == '-' {
			out = append(out, '-')
			s = s[1:]
		}
		out = append(out, strings.Repeat("0", fill)...)
		return append(out, s...)
	}
	out = append(out, strings.Repeat(" ", fill)...)
	return append(out, s...)
}

// fmtInteger appends v for %d or %x to b.
func fmtInteger(b []byte, v Value, t types.Type, verb byte) ([]byte, error) {
	var n uint64
	signed := false
	switch t.Kind() {
	case types.Bool, types.Count:
		n = v.N
	case types.Int, types.Enum:
		n, signed = v.N, true
	case types.Port:
		n = uint64(v.PortNum())
	case types.Addr:
		if verb != 'x' {
			return nil, ErrFmtIntType
		}
		a := v.Addr()
		if a.Is4() {
			a4 := a.As4()
			return append(b, hex8(a4[:])...), nil
		}
		a16 := a.As16()
		return append(b, hex8(a16[:])...), nil
	default:
		return nil, ErrFmtIntType
	}
	if verb == 'x' {
		return strconv.AppendUint(b, n, 16), nil
	}
	if signed {
		return strconv.AppendInt(b, int64(n), 10), nil
	}
	return strconv.AppendUint(b, n, 10), nil
}

func hex8(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// fmtFloat appends v for %e, %f or %g to b.
func fmtFloat(b []byte, v Value, t types.Type, verb byte, prec int) ([]byte, error) {
	var x float64
	switch t.Kind() {
	case types.Double, types.Time, types.Interval:
		x = v.Double()
	case types.Count:
		x = float64(v.N)
	case types.Int:
		x = float64(int64(v.N))
	default:
		return nil, ErrFmtFloatType
	}
	if prec < 0 {
		prec = 6
	}
	return AppendCFloat(b, x, verb, prec), nil
}

// AppendCFloat formats x like C's printf %e, %f or %g with a precision.
func AppendCFloat(b []byte, x float64, verb byte, prec int) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "nan"...)
	case math.IsInf(x, 1):
		return append(b, "inf"...)
	case math.IsInf(x, -1):
		return append(b, "-inf"...)
	}
	if verb != 'g' {
		return strconv.AppendFloat(b, x, verb, prec, 64)
	}
	// C's %g: precision P (0 means 1) significant digits; exponent form
	// when the exponent X < -4 or X >= P; trailing zeros removed.
	if prec == 0 {
		prec = 1
	}
	e := strconv.AppendFloat(nil, x, 'e', prec-1, 64)
	k := strings.LastIndexByte(string(e), 'e')
	exp, _ := strconv.Atoi(string(e[k+1:]))
	if exp < -4 || exp >= prec {
		mant := trimFraction(e[:k], 0)
		return append(append(b, mant...), e[k:]...)
	}
	start := len(b)
	b = strconv.AppendFloat(b, x, 'f', prec-1-exp, 64)
	return trimFraction(b, start)
}

// trimFraction strips trailing zeros and a dangling '.' from a fixed-point
// number written at b[start:].
func trimFraction(b []byte, start int) []byte {
	if bytes.IndexByte(b[start:], '.') < 0 {
		return b
	}
	b = bytes.TrimRight(b, "0")
	return bytes.TrimSuffix(b, []byte("."))
}

func fmtTime(v Value, t types.Type, verb byte, loc *time.Location) ([]byte, error) {
	if t.Kind() != types.Time {
		return nil, ErrFmtTimeType
	}
	secs := v.Double()
	whole := math.Floor(secs)
	tm := time.Unix(int64(whole), 0).In(loc)
	if verb == 'D' {
		return []byte(tm.Format("2006-01-02-15:04:05")), nil
	}
	s := tm.Format("2006-01-02-15:04") + ":"
	frac := float64(tm.Second()) + (secs - whole)
	s += pad0(strconv.FormatFloat(frac, 'f', 9, 64), 12)
	return []byte(s), nil
}

func pad0(s string, width int) string {
	if len(s) >= width {
		return s
	}
	return strings.Repeat("0", width-len(s)) + s
}
