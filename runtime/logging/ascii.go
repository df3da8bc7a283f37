package logging

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// asciiWriter writes Zeek's tab-separated logs (rendering.md §3.1–3.3).
type asciiWriter struct {
	out  io.WriteCloser
	buf  *bufio.Writer
	path string
	cols []Column
	opts Options
	line []byte
}

const hexDigits = "0123456789abcdef"

// bufferSize is a log file's write buffer. With bufio's 4 KiB a busy
// log made a write system call every dozen rows; the engine flushes
// live logs every second, at rotation and on Log::flush, so a bigger
// buffer only means fewer calls.
const bufferSize = 64 << 10

func appendHex(b []byte, c byte) []byte {
	return append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
}

func (w *asciiWriter) header() error {
	w.buf = bufio.NewWriterSize(w.out, bufferSize)
	if !w.opts.IncludeMeta {
		return nil
	}
	o := &w.opts
	p, sep := o.MetaPrefix, o.Separator
	var b []byte
	b = append(b, p+"separator "...)
	for i := 0; i < len(sep); i++ {
		c := sep[i]
		if c <= ' ' || c >= 0x7f {
			b = appendHex(b, c)
		} else {
			b = append(b, c)
		}
	}
	b = append(b, '\n')
	for _, kv := range [][2]string{
		{"set_separator", o.SetSeparator}, {"empty_field", o.EmptyField},
		{"unset_field", o.UnsetField}, {"path", w.path}, {"open", stamp(o.now())},
	} {
		b = append(b, p+kv[0]+sep+kv[1]+"\n"...)
	}
	b = append(b, p+"fields"...)
	for _, c := range w.cols {
		b = append(b, sep+c.Name...)
	}
	b = append(b, '\n')
	b = append(b, p+"types"...)
	for _, c := range w.cols {
		b = append(b, sep+TypeName(c.Type)...)
	}
	b = append(b, '\n')
	// The header reaches the file at once, as Zeek writes it when it
	// opens the file; rows are buffered.
	if _, err := w.buf.Write(b); err != nil {
		return err
	}
	return w.buf.Flush()
}

// TypeName is a column's type as log headers show it: set[count],
// vector[string], enum, func...
func TypeName(t types.Type) string {
	switch t := t.(type) {
	case *types.TableType:
		if t.IsSet() && len(t.Index) == 1 {
			return "set[" + TypeName(t.Index[0]) + "]"
		}
		return "table"
	case *types.VectorType:
		return "vector[" + TypeName(t.Elem) + "]"
	}
	switch t.Kind() {
	case types.Func:
		return "func"
	case types.File:
		return "file"
	}
	return t.Kind().String()
}

func (w *asciiWriter) Write(vals []value.Value) error {
	b := w.line[:0]
	for i, v := range vals {
		if i > 0 {
			b = append(b, w.opts.Separator...)
		}
		b = w.field(b, v, w.cols[i].Type, false)
	}
	if mp := w.opts.MetaPrefix; mp != "" && len(b) >= len(mp) && string(b[:len(mp)]) == mp {
		// A row must not look like a header line.
		b = append(appendHex(nil, b[0]), b[1:]...)
	}
	b = append(b, '\n')
	w.line = b
	_, err := w.buf.Write(b)
	return err
}

func (w *asciiWriter) Flush() error { return w.buf.Flush() }

func (w *asciiWriter) Close() error {
	if w.opts.IncludeMeta {
		w.buf.WriteString(w.opts.MetaPrefix + "close" + w.opts.Separator + stamp(w.opts.now()) + "\n")
	}
	err := w.buf.Flush()
	if cerr := w.out.Close(); err == nil {
		err = cerr
	}
	return err
}

// field appends the TSV rendering of v; inSet is set for the elements of
// sets and vectors, whose set_separator is escaped too.
func (w *asciiWriter) field(b []byte, v value.Value, t types.Type, inSet bool) []byte {
	o := &w.opts
	if v.IsUnset() {
		return append(b, o.UnsetField...)
	}
	if a, ok := v.P.(*value.Any); ok {
		v, t = a.Value, a.Type
	}
	switch t.Kind() {
	case types.Bool:
		if v.Bool() {
			return append(b, 'T')
		}
		return append(b, 'F')
	case types.Count:
		return strconv.AppendUint(b, v.Count(), 10)
	case types.Int:
		return strconv.AppendInt(b, v.Int(), 10)
	case types.Port:
		return strconv.AppendUint(b, uint64(v.PortNum()), 10)
	case types.Addr:
		return value.AppendAddr(b, v.Addr())
	case types.Subnet:
		return append(b, value.FormatSubnet(v.Subnet())...)
	case types.Enum:
		return append(b, enumName(v, t)...)
	case types.Time, types.Interval:
		return appendFixed6(b, v.Double())
	case types.Double:
		return AppendTSVDouble(b, v.Double())
	case types.String:
		return w.str(b, v.Str(), inSet)
	case types.Set, types.Table:
		tab, _ := v.P.(*value.Table)
		if tab == nil || tab.Len() == 0 {
			return append(b, o.EmptyField...)
		}
		et := tab.Type.Index[0]
		first := true
		for pos := tab.Next(-1, tab.End()); pos >= 0; pos = tab.Next(pos, tab.End()) {
			if !first {
				b = append(b, o.SetSeparator...)
			}
			first = false
			b = w.field(b, tab.Key1At(pos), et, true)
		}
		return b
	case types.Vector:
		vec, _ := v.P.(*value.Vector)
		if vec == nil || len(vec.Elems) == 0 {
			return append(b, o.EmptyField...)
		}
		et := types.Type(types.AnyType)
		if vt, ok := t.(*types.VectorType); ok {
			et = vt.Elem
		}
		for i, e := range vec.Elems {
			if i > 0 {
				b = append(b, o.SetSeparator...)
			}
			b = w.field(b, e, et, true)
		}
		return b
	case types.File:
		if f, ok := v.P.(*value.File); ok && f != nil {
			return w.str(b, f.Name, inSet)
		}
		return append(b, o.UnsetField...)
	}
	return w.str(b, value.Render(v, t, value.ModeRaw), inSet)
}

func enumName(v value.Value, t types.Type) string {
	if et, ok := t.(*types.EnumType); ok {
		if n := et.NameOf(v.Int()); n != "" {
			return n
		}
	}
	return strconv.FormatInt(v.Int(), 10)
}

// appendFixed6 renders time and interval: exactly 6 decimals.
func appendFixed6(b []byte, x float64) []byte {
	if s, ok := special(x); ok {
		return append(b, s...)
	}
	return strconv.AppendFloat(b, x, 'f', 6, 64)
}

func special(x float64) (string, bool) {
	switch {
	case math.IsNaN(x):
		return "nan", true
	case math.IsInf(x, 1):
		return "inf", true
	case math.IsInf(x, -1):
		return "-inf", true
	}
	return "", false
}

// AppendTSVDouble renders a double column: fixed notation, at most 6
// decimals, trailing zeros trimmed, ".0" for integral values.
func AppendTSVDouble(b []byte, x float64) []byte {
	if s, ok := special(x); ok {
		return append(b, s...)
	}
	if x == 0 {
		return append(b, "0.0"...)
	}
	b = strconv.AppendFloat(b, x, 'f', 6, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = append(b, '0')
	}
	return b
}

// str appends a string with Zeek's TSV escaping (rendering.md §3.3).
func (w *asciiWriter) str(b []byte, s string, inSet bool) []byte {
	o := &w.opts
	if s == "" {
		return append(b, o.EmptyField...)
	}
	if s == o.UnsetField || s == o.EmptyField {
		b = appendHex(b, s[0])
		return append(b, s[1:]...)
	}
	if plainASCII(s) && !(o.Separator != "" && strings.Contains(s, o.Separator)) &&
		!(inSet && o.SetSeparator != "" && strings.Contains(s, o.SetSeparator)) {
		return append(b, s...) // nothing to escape: most uids, hosts, URIs
	}
	return w.escaped(b, s, inSet)
}

// plainASCII reports whether s has only printable ASCII other than the
// backslash: bytes that every escape rule leaves alone.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\\' {
			return false
		}
	}
	return true
}

// escaped appends s with Zeek's escapes: backslashes doubled, separators
// hex-escaped, and bad UTF-8 and control bytes hex-escaped chunk by chunk.
func (w *asciiWriter) escaped(b []byte, s string, inSet bool) []byte {
	o := &w.opts
	// Chunks between escapes: once a bad or control byte is seen in one,
	// its multi-byte sequences are hex-escaped too (Zeek's UTF-8 check
	// runs over the whole chunk).
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			b = append(b, '\\', '\\')
			i++
			continue
		case o.Separator != "" && strings.HasPrefix(s[i:], o.Separator):
			for j := 0; j < len(o.Separator); j++ {
				b = appendHex(b, o.Separator[j])
			}
			i += len(o.Separator)
			continue
		case inSet && o.SetSeparator != "" && strings.HasPrefix(s[i:], o.SetSeparator):
			for j := 0; j < len(o.SetSeparator); j++ {
				b = appendHex(b, o.SetSeparator[j])
			}
			i += len(o.SetSeparator)
			continue
		}
		// A chunk: up to the next backslash or separator.
		j := i
		for j < len(s) && s[j] != '\\' && !(o.Separator != "" && strings.HasPrefix(s[j:], o.Separator)) &&
			!(inSet && o.SetSeparator != "" && strings.HasPrefix(s[j:], o.SetSeparator)) {
			j++
		}
		b = w.chunk(b, s[i:j])
		i = j
	}
	return b
}

func (w *asciiWriter) chunk(b []byte, s string) []byte {
	clean := w.opts.EnableUTF8 && utf8.ValidString(s)
	if clean {
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] == 0x7f {
				clean = false
				break
			}
		}
	}
	if clean {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			b = appendHex(b, c)
		} else {
			b = append(b, c)
		}
	}
	return b
}
