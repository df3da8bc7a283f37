package logging

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// jsonWriter writes one JSON object per record (LogAscii::use_json,
// rendering.md §3.4); there is no header or footer.
type jsonWriter struct {
	out  io.WriteCloser
	buf  *bufio.Writer
	cols []Column
	opts Options
	line []byte
}

func (w *jsonWriter) Write(vals []value.Value) error {
	if w.buf == nil {
		w.buf = bufio.NewWriterSize(w.out, bufferSize)
	}
	b := append(w.line[:0], '{')
	first := true
	for i, v := range vals {
		if v.IsUnset() && !w.opts.JSONIncludeUnsetFields {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = AppendJSONString(b, w.cols[i].Name)
		b = append(b, ':')
		b = w.value(b, v, w.cols[i].Type)
	}
	b = append(b, '}', '\n')
	w.line = b
	_, err := w.buf.Write(b)
	return err
}

func (w *jsonWriter) Flush() error {
	if w.buf == nil {
		return nil
	}
	return w.buf.Flush()
}

func (w *jsonWriter) Close() error {
	var err error
	if w.buf != nil {
		err = w.buf.Flush()
	}
	if cerr := w.out.Close(); err == nil {
		err = cerr
	}
	return err
}

func (w *jsonWriter) value(b []byte, v value.Value, t types.Type) []byte {
	if v.IsUnset() {
		return append(b, "null"...)
	}
	if a, ok := v.P.(*value.Any); ok {
		v, t = a.Value, a.Type
	}
	switch t.Kind() {
	case types.Bool:
		if v.Bool() {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case types.Count:
		return strconv.AppendUint(b, v.Count(), 10)
	case types.Int:
		return strconv.AppendInt(b, v.Int(), 10)
	case types.Port:
		return strconv.AppendUint(b, uint64(v.PortNum()), 10)
	case types.Addr:
		return append(value.AppendAddr(append(b, '"'), v.Addr()), '"') // nothing to escape
	case types.Subnet:
		return AppendJSONString(b, value.FormatSubnet(v.Subnet()))
	case types.Enum:
		return AppendJSONString(b, enumName(v, t))
	case types.Double, types.Interval:
		return AppendJSONDouble(b, v.Double())
	case types.Time:
		return w.time(b, v.Double())
	case types.String:
		return AppendJSONString(b, v.Str())
	case types.Set, types.Table:
		b = append(b, '[')
		if tab, _ := v.P.(*value.Table); tab != nil {
			et := tab.Type.Index[0]
			first := true
			for pos := tab.Next(-1, tab.End()); pos >= 0; pos = tab.Next(pos, tab.End()) {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = w.value(b, tab.Key1At(pos), et)
			}
		}
		return append(b, ']')
	case types.Vector:
		b = append(b, '[')
		if vec, _ := v.P.(*value.Vector); vec != nil {
			et := types.Type(types.AnyType)
			if vt, ok := t.(*types.VectorType); ok {
				et = vt.Elem
			}
			for i, e := range vec.Elems {
				if i > 0 {
					b = append(b, ',')
				}
				b = w.value(b, e, et)
			}
		}
		return append(b, ']')
	case types.File:
		if f, ok := v.P.(*value.File); ok && f != nil {
			return AppendJSONString(b, f.Name)
		}
		return append(b, "null"...)
	}
	return AppendJSONString(b, value.Render(v, t, value.ModeRaw))
}

func (w *jsonWriter) time(b []byte, x float64) []byte {
	switch w.opts.JSONTimestamps {
	case "JSON::TS_MILLIS":
		return strconv.AppendInt(b, int64(x*1000), 10)
	case "JSON::TS_MILLIS_UNSIGNED":
		return strconv.AppendUint(b, uint64(int64(x*1000)), 10)
	case "JSON::TS_ISO8601":
		sec := math.Floor(x)
		usec := int64(math.Round((x - sec) * 1e6))
		t := time.Unix(int64(sec), usec*1000).UTC()
		return AppendJSONString(b, t.Format("2006-01-02T15:04:05.000000Z"))
	}
	return AppendJSONDouble(b, x)
}

// AppendJSONDouble renders a double as rapidjson does: shortest
// round-trip digits, plain notation while the decimal point falls within
// the first 21 digits or the value is at least 1e-6, else an exponent
// without '+' or padding; inf and NaN are null.
func AppendJSONDouble(b []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return append(b, "null"...)
	}
	if x == 0 {
		if math.Signbit(x) {
			return append(b, "-0.0"...)
		}
		return append(b, "0.0"...)
	}
	if x < 0 {
		b = append(b, '-')
		x = -x
	}
	e := strconv.FormatFloat(x, 'e', -1, 64) // d.ddddde±XX
	mant, exp := e, 0
	for i := 0; i < len(e); i++ {
		if e[i] == 'e' {
			mant = e[:i]
			exp, _ = strconv.Atoi(e[i+1:])
			break
		}
	}
	var digits []byte
	for i := 0; i < len(mant); i++ {
		if mant[i] != '.' {
			digits = append(digits, mant[i])
		}
	}
	n := len(digits)
	kk := exp + 1 // position of the decimal point
	k := kk - n   // value = digits × 10^k
	switch {
	case k >= 0 && kk <= 21:
		b = append(b, digits...)
		for i := 0; i < k; i++ {
			b = append(b, '0')
		}
		return append(b, '.', '0')
	case kk > 0 && kk <= 21:
		b = append(b, digits[:kk]...)
		b = append(b, '.')
		return append(b, digits[kk:]...)
	case kk > -6 && kk <= 0:
		b = append(b, '0', '.')
		for i := 0; i < -kk; i++ {
			b = append(b, '0')
		}
		return append(b, digits...)
	case n == 1:
		b = append(b, digits[0], 'e')
		return strconv.AppendInt(b, int64(kk-1), 10)
	default:
		b = append(b, digits[0], '.')
		b = append(b, digits[1:]...)
		b = append(b, 'e')
		return strconv.AppendInt(b, int64(kk-1), 10)
	}
}

// AppendJSONString writes s as a JSON string with Zeek's default escape
// policy (rendering.md §3.4): \b \f \n \r \t escaped as such, `"` and `\`
// escaped; other control bytes and invalid UTF-8 become the text \xHH
// (its backslash doubled by JSON); valid UTF-8 is kept raw unless the
// string holds such a bad byte, in which case all non-ASCII bytes are
// written as \xHH too.
func AppendJSONString(b []byte, s string) []byte {
	bad := !utf8.ValidString(s)
	if !bad {
		for i := 0; i < len(s); i++ {
			if c := s[i]; (c < 0x20 || c == 0x7f) && !strings.ContainsRune("\b\f\n\r\t", rune(c)) {
				bad = true
				break
			}
		}
	}
	const hexd = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c == '\b':
			b = append(b, '\\', 'b')
		case c == '\f':
			b = append(b, '\\', 'f')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20 || c == 0x7f || (c >= 0x80 && bad):
			b = append(b, '\\', '\\', 'x', hexd[c>>4], hexd[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
