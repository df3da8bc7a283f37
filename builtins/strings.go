package builtins

import (
	"encoding/hex"
	"slices"
	"strconv"
	"strings"

	"github.com/gobro/gobro/runtime/value"
)

// String built-ins that are pure functions of their arguments. Strings are
// byte strings: case mapping and classification are ASCII-only, as in
// Zeek's C locale.

func init() {
	register(map[string]Impl{
		"to_lower":             bifToLower,
		"to_upper":             bifToUpper,
		"strip":                bifStrip,
		"lstrip":               bifLstrip,
		"rstrip":               bifRstrip,
		"sub_bytes":            bifSubBytes,
		"strstr":               bifStrstr,
		"strcmp":               bifStrcmp,
		"starts_with":          bifStartsWith,
		"ends_with":            bifEndsWith,
		"subst_string":         bifSubstString,
		"string_cat":           bifStringCat,
		"join_string_vec":      bifJoinStringVec,
		"reverse":              bifReverse,
		"is_num":               bifIsNum,
		"is_alnum":             bifIsAlnum,
		"escape_string":        bifEscapeString,
		"clean":                bifClean,
		"to_string_literal":    bifToStringLiteral,
		"string_to_ascii_hex":  bifBytestringToHexstr,
		"safe_shell_quote":     bifSafeShellQuote,
		"bytestring_to_hexstr": bifBytestringToHexstr,
		"hexstr_to_bytestring": bifHexstrToBytestring,
		"encode_base64":        bifEncodeBase64,
		"decode_base64":        bifDecodeBase64,
		"unescape_URI":         bifUnescapeURI,
		"str_split_indices":    bifStrSplitIndices,
	})
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
func isASCIIAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func mapBytes(s string, f func(byte) byte) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = f(c)
	}
	return string(b)
}

func bifToLower(_ Context, args []value.Value) (value.Value, error) {
	return value.String(mapBytes(args[0].Str(), func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	})), nil
}

func bifToUpper(_ Context, args []value.Value) (value.Value, error) {
	return value.String(mapBytes(args[0].Str(), func(c byte) byte {
		if 'a' <= c && c <= 'z' {
			return c - ('a' - 'A')
		}
		return c
	})), nil
}

// strip removes white space (C isspace) at both ends.
func bifStrip(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	i, j := 0, len(s)
	for i < j && isASCIISpace(s[i]) {
		i++
	}
	for j > i && isASCIISpace(s[j-1]) {
		j--
	}
	return value.String(s[i:j]), nil
}

// lstrip and rstrip remove any of the bytes in chars at one end.
func bifLstrip(_ Context, args []value.Value) (value.Value, error) {
	s, chars := args[0].Str(), args[1].Str()
	i := 0
	for i < len(s) && strings.IndexByte(chars, s[i]) >= 0 {
		i++
	}
	return value.String(s[i:]), nil
}

func bifRstrip(_ Context, args []value.Value) (value.Value, error) {
	s, chars := args[0].Str(), args[1].Str()
	j := len(s)
	for j > 0 && strings.IndexByte(chars, s[j-1]) >= 0 {
		j--
	}
	return value.String(s[:j]), nil
}

// sub_bytes takes n bytes from the 1-based position start (0 counts as 1);
// a negative n, or one past the end, takes the rest; a start past the end
// gives "".
func bifSubBytes(_ Context, args []value.Value) (value.Value, error) {
	s, start, n := args[0].Str(), args[1].Count(), args[2].Int()
	if start > 0 {
		start--
	}
	if start >= uint64(len(s)) {
		return value.String(""), nil
	}
	rest := int64(len(s)) - int64(start)
	if n < 0 || n > rest {
		n = rest
	}
	return value.String(s[start : int64(start)+n]), nil
}

// strstr is the 1-based position of little in big, 0 if absent.
func bifStrstr(_ Context, args []value.Value) (value.Value, error) {
	return value.Count(uint64(strings.Index(args[0].Str(), args[1].Str()) + 1)), nil
}

// strcmp compares bytewise: the difference of the first differing bytes,
// else the difference of the lengths.
func bifStrcmp(_ Context, args []value.Value) (value.Value, error) {
	a, b := args[0].Str(), args[1].Str()
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return value.Int(int64(a[i]) - int64(b[i])), nil
		}
	}
	return value.Int(int64(len(a)) - int64(len(b))), nil
}

func bifStartsWith(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(strings.HasPrefix(args[0].Str(), args[1].Str())), nil
}

func bifEndsWith(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(strings.HasSuffix(args[0].Str(), args[1].Str())), nil
}

// subst_string replaces every non-overlapping occurrence of from, left to
// right; an empty from changes nothing.
func bifSubstString(_ Context, args []value.Value) (value.Value, error) {
	s, from, to := args[0].Str(), args[1].Str(), args[2].Str()
	if from == "" {
		return value.String(s), nil
	}
	return value.String(strings.ReplaceAll(s, from, to)), nil
}

// string_cat concatenates its (string) arguments.
func bifStringCat(_ Context, args []value.Value) (value.Value, error) {
	var b strings.Builder
	for i, a := range args {
		v := unbox(a)
		s, ok := v.P.(string)
		if !ok {
			return value.String(""), bifError("string_cat: argument %d is not a string", i+1)
		}
		b.WriteString(s)
	}
	return value.String(b.String()), nil
}

// join_string_vec joins the elements with sep; a hole joins as "".
func bifJoinStringVec(_ Context, args []value.Value) (value.Value, error) {
	elems := vectorElems(args[0])
	sep := args[1].Str()
	var b strings.Builder
	for i, e := range elems {
		if i > 0 {
			b.WriteString(sep)
		}
		if !e.IsUnset() {
			b.WriteString(e.Str())
		}
	}
	return value.String(b.String()), nil
}

func bifReverse(_ Context, args []value.Value) (value.Value, error) {
	b := []byte(args[0].Str())
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return value.String(string(b)), nil
}

func allBytes(s string, f func(byte) bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

// is_num: one or more decimal digits and nothing else.
func bifIsNum(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(allBytes(args[0].Str(), isASCIIDigit)), nil
}

// is_alnum: one or more ASCII letters or digits and nothing else.
func bifIsAlnum(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(allBytes(args[0].Str(), func(c byte) bool { return isASCIIDigit(c) || isASCIIAlpha(c) })), nil
}

// Escaping styles of Zeek's string renderer.
const (
	escHex  = 1 << iota // bytes outside 0x20-0x7e as \xhh
	escBack             // \ as \\
	escQuot             // " and ' preceded by \
)

func escapeBytes(s string, style int) string {
	var b strings.Builder
	const digits = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && style&escBack != 0:
			b.WriteString(`\\`)
		case (c == '"' || c == '\'') && style&escQuot != 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case (c < 0x20 || c > 0x7e) && style&escHex != 0:
			b.WriteString(`\x`)
			b.WriteByte(digits[c>>4])
			b.WriteByte(digits[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// clean: non-printable bytes as \xhh.
func bifClean(_ Context, args []value.Value) (value.Value, error) {
	return value.String(escapeBytes(args[0].Str(), escHex)), nil
}

// escape_string: non-printable bytes as \xhh and \ doubled.
func bifEscapeString(_ Context, args []value.Value) (value.Value, error) {
	return value.String(escapeBytes(args[0].Str(), escHex|escBack)), nil
}

// to_string_literal: like escape_string, quotes escaped too.
func bifToStringLiteral(_ Context, args []value.Value) (value.Value, error) {
	return value.String(escapeBytes(args[0].Str(), escHex|escBack|escQuot)), nil
}

// safe_shell_quote backslash-escapes $ ` \ " and encloses the result in
// double quotes.
func bifSafeShellQuote(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '$', '`', '\\', '"':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return value.String(b.String()), nil
}

func bifBytestringToHexstr(_ Context, args []value.Value) (value.Value, error) {
	return value.String(hex.EncodeToString([]byte(args[0].Str()))), nil
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hexstr_to_bytestring reads pairs of hex digits; an odd length is an
// error. A pair that starts with a non-digit gives a 0 byte; a pair whose
// second byte is not a digit gives the value of the first.
func bifHexstrToBytestring(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if len(s)%2 != 0 {
		return value.String(""), bifError("Hex string '%s' has invalid length.", s)
	}
	out := make([]byte, len(s)/2)
	for i := range out {
		hi, lo := hexVal(s[2*i]), hexVal(s[2*i+1])
		switch {
		case hi < 0:
			out[i] = 0
		case lo < 0:
			out[i] = byte(hi)
		default:
			out[i] = byte(hi<<4 | lo)
		}
	}
	return value.String(string(out)), nil
}

const base64Std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// encode_base64 encodes with the given 64-character alphabet ("" = the
// standard one), padding with '='.
func bifEncodeBase64(_ Context, args []value.Value) (value.Value, error) {
	s, alpha := args[0].Str(), args[1].Str()
	if alpha == "" {
		alpha = base64Std
	}
	if len(alpha) != 64 {
		return value.String(""), bifError("base64 alphabet is not 64 characters: %s", alpha)
	}
	var b strings.Builder
	for i := 0; i < len(s); i += 3 {
		var n uint32
		k := min(3, len(s)-i)
		for j := 0; j < 3; j++ {
			n <<= 8
			if j < k {
				n |= uint32(s[i+j])
			}
		}
		for j := 0; j < 4; j++ {
			if j <= k {
				b.WriteByte(alpha[n>>(18-6*j)&63])
			} else {
				b.WriteByte('=')
			}
		}
	}
	return value.String(b.String()), nil
}

// decode_base64 decodes with the given alphabet ("" = the standard one).
// '=' pads; the first byte outside the alphabet is reported ("character N
// ignored by Base64 decoding") and fails the decoding, which then yields
// "". A trailing incomplete group is reported and padded with zero bits.
func bifDecodeBase64(ctx Context, args []value.Value) (value.Value, error) {
	s, alpha := args[0].Str(), args[1].Str()
	if alpha == "" {
		alpha = base64Std
	}
	if len(alpha) != 64 {
		return value.String(""), bifError("base64 decoding alphabet is not 64 characters: %s", alpha)
	}
	var table [256]int
	for i := range table {
		table[i] = -1
	}
	for i := 0; i < 64; i++ {
		table[alpha[i]] = i
	}
	var out []byte
	var group [4]int
	n, pad := 0, 0
	flush := func() {
		v := group[0]<<18 | group[1]<<12 | group[2]<<6 | group[3]
		bs := []byte{byte(v >> 16), byte(v >> 8), byte(v)}
		keep := 3 - pad
		if keep < 0 {
			keep = 0
		}
		out = append(out, bs[:keep]...)
		n, pad, group = 0, 0, [4]int{}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=' && table[c] < 0:
			group[n] = 0
			n++
			pad++
		case table[c] >= 0:
			group[n] = table[c]
			n++
		default:
			if ctx != nil {
				ctx.Report("error", "character "+strconv.Itoa(int(c))+" ignored by Base64 decoding")
			}
			return value.String(""), nil
		}
		if n == 4 {
			flush()
		}
	}
	if n > 0 {
		if ctx != nil {
			ctx.Report("error", "incomplete base64 group, padding with "+strconv.Itoa((4-n)*6)+" bits of 0")
		}
		// Bytes fully covered by the sextets present survive.
		pad += 4 - n
		flush()
	}
	return value.String(string(out)), nil
}

// unescape_URI decodes %hh escapes; a % not followed by two hex digits is
// kept as it is.
func bifUnescapeURI(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && hexVal(s[i+1]) >= 0 && hexVal(s[i+2]) >= 0 {
			out = append(out, byte(hexVal(s[i+1])<<4|hexVal(s[i+2])))
			i += 2
			continue
		}
		out = append(out, c)
	}
	return value.String(string(out)), nil
}

// str_split_indices cuts s before each of the given 0-based positions
// (sorted, duplicates and positions outside 1..len-1 ignored).
func bifStrSplitIndices(ctx Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	cuts := []int{0}
	seen := map[int]bool{0: true}
	for _, e := range vectorElems(args[1]) {
		if e.IsUnset() || e.Count() >= uint64(len(s)) || seen[int(e.Count())] {
			continue
		}
		seen[int(e.Count())] = true
		cuts = append(cuts, int(e.Count()))
	}
	slices.Sort(cuts)
	parts := make([]string, len(cuts))
	for i, c := range cuts {
		end := len(s)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		parts[i] = s[c:end]
	}
	return StringVec(ctx, parts), nil
}
