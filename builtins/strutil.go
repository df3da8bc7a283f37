package builtins

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"github.com/gobro/gobro/runtime/value"
)

// The Python-style string utilities (count_substr, ljust, find_str...),
// classification, editing, and byte-string conversions. Byte strings,
// ASCII-only case rules, as in Zeek's C locale.

func init() {
	register(map[string]Impl{
		"count_substr":         bifCountSubstr,
		"to_title":             bifToTitle,
		"swap_case":            bifSwapCase,
		"ljust":                bifLjust,
		"rjust":                bifRjust,
		"zfill":                bifZfill,
		"remove_prefix":        bifRemovePrefix,
		"remove_suffix":        bifRemoveSuffix,
		"is_alpha":             bifIsAlpha,
		"is_ascii":             bifIsASCII,
		"find_str":             bifFindStr,
		"rfind_str":            bifRfindStr,
		"levenshtein_distance": bifLevenshteinDistance,
		"edit":                 bifEdit,
		"string_fill":          bifStringFill,
		"str_shell_escape":     bifStrShellEscape,
		"hexdump":              bifHexdump,
		"bytestring_to_count":  bifBytestringToCount,
		"bytestring_to_double": bifBytestringToDouble,
	})
}

// count_substr counts non-overlapping occurrences; an empty sub counts 0.
func bifCountSubstr(_ Context, args []value.Value) (value.Value, error) {
	s, sub := args[0].Str(), args[1].Str()
	if sub == "" {
		return value.Count(0), nil
	}
	return value.Count(uint64(strings.Count(s, sub))), nil
}

func toUpperByte(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func toLowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// to_title upper-cases the first byte of each run of non-space bytes
// ("bro is a very neat ids" → "Bro Is A Very Neat Ids"); unlike Python's
// str.title, and like Zeek, the other bytes are left as they are.
func bifToTitle(_ Context, args []value.Value) (value.Value, error) {
	b := []byte(args[0].Str())
	start := true
	for i, c := range b {
		if c == ' ' {
			start = true
			continue
		}
		if start {
			b[i] = toUpperByte(c)
		}
		start = false
	}
	return value.String(string(b)), nil
}

func bifSwapCase(_ Context, args []value.Value) (value.Value, error) {
	return value.String(mapBytes(args[0].Str(), func(c byte) byte {
		switch {
		case 'a' <= c && c <= 'z':
			return toUpperByte(c)
		case 'A' <= c && c <= 'Z':
			return toLowerByte(c)
		}
		return c
	})), nil
}

// justify pads s to width with fill (one character) on the left or right.
// A fill longer than one character is an error; its first byte is used.
func justify(name, s string, width uint64, fill string, left bool) (value.Value, error) {
	var err error
	if len(fill) != 1 {
		err = bifError("%s: fill argument must be exactly one character", name)
		if fill == "" {
			return value.String(s), err
		}
	}
	if width <= uint64(len(s)) || width > math.MaxInt32 {
		return value.String(s), err
	}
	pad := strings.Repeat(fill[:1], int(width)-len(s))
	if left {
		return value.String(s + pad), err
	}
	return value.String(pad + s), err
}

func bifLjust(_ Context, args []value.Value) (value.Value, error) {
	return justify("ljust", args[0].Str(), args[1].Count(), args[2].Str(), true)
}

func bifRjust(_ Context, args []value.Value) (value.Value, error) {
	return justify("rjust", args[0].Str(), args[1].Count(), args[2].Str(), false)
}

func bifZfill(_ Context, args []value.Value) (value.Value, error) {
	return justify("zfill", args[0].Str(), args[1].Count(), "0", false)
}

// remove_prefix strips sub from the start as often as it repeats there.
func bifRemovePrefix(_ Context, args []value.Value) (value.Value, error) {
	s, sub := args[0].Str(), args[1].Str()
	if sub != "" {
		for strings.HasPrefix(s, sub) {
			s = s[len(sub):]
		}
	}
	return value.String(s), nil
}

// remove_suffix strips sub from the end as often as it repeats there.
func bifRemoveSuffix(_ Context, args []value.Value) (value.Value, error) {
	s, sub := args[0].Str(), args[1].Str()
	if sub != "" {
		for strings.HasSuffix(s, sub) {
			s = s[:len(s)-len(sub)]
		}
	}
	return value.String(s), nil
}

// is_alpha: non-empty and all ASCII letters.
func bifIsAlpha(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	for i := 0; i < len(s); i++ {
		if !isASCIIAlpha(s[i]) {
			return value.Bool(false), nil
		}
	}
	return value.Bool(s != ""), nil
}

// is_ascii: no byte above 127; the empty string is ASCII.
func bifIsASCII(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	for i := 0; i < len(s); i++ {
		if s[i] > 127 {
			return value.Bool(false), nil
		}
	}
	return value.Bool(true), nil
}

// findRange is the part of s that find_str and rfind_str search, and its
// offset. Following Zeek's baseline (find_str("abcdefghi", "efg", 2, 6)
// is 4), end is taken as the length of the range from start, as C++
// substr(start, end) does; end < 0 means "to the end of the string".
func findRange(name string, args []value.Value) (string, int, error) {
	s := args[0].Str()
	start := args[2].Count()
	end := args[3].Int()
	if end < 0 {
		end = int64(len(s))
	}
	if start > uint64(end) {
		return "", 0, bifError("%s: start position cannot be greater than end position", name)
	}
	if start >= uint64(len(s)) {
		return "", int(min(start, uint64(len(s)))), nil
	}
	stop := uint64(len(s))
	if uint64(end) < stop-start {
		stop = start + uint64(end)
	}
	return s[start:stop], int(start), nil
}

// asciiLower folds the ASCII letters of s to lower case.
func asciiLower(s string) string { return mapBytes(s, toLowerByte) }

func findStr(name string, args []value.Value, last bool) (value.Value, error) {
	r, off, err := findRange(name, args)
	if err != nil {
		return value.Int(-1), err
	}
	sub := args[1].Str()
	if !args[4].Bool() {
		r, sub = asciiLower(r), asciiLower(sub)
	}
	var i int
	if last {
		i = strings.LastIndex(r, sub)
	} else {
		i = strings.Index(r, sub)
	}
	if i < 0 {
		return value.Int(-1), nil
	}
	return value.Int(int64(off + i)), nil
}

// find_str returns the lowest position of sub in the range, or -1.
func bifFindStr(_ Context, args []value.Value) (value.Value, error) {
	return findStr("find_str", args, false)
}

// rfind_str returns the highest position of sub in the range, or -1.
func bifRfindStr(_ Context, args []value.Value) (value.Value, error) {
	return findStr("rfind_str", args, true)
}

// levenshtein_distance counts single-byte insertions, deletions and
// substitutions.
func bifLevenshteinDistance(_ Context, args []value.Value) (value.Value, error) {
	a, b := args[0].Str(), args[1].Str()
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return value.Count(uint64(prev[len(b)])), nil
}

// edit applies a backspace character: each occurrence deletes the byte
// before it ("hello there" with "e" → "llo t"). An edit string of more
// than one byte is an error; its first byte is used.
func bifEdit(_ Context, args []value.Value) (value.Value, error) {
	s, ec := args[0].Str(), args[1].Str()
	var err error
	if len(ec) != 1 {
		err = bifError("not exactly one edit character")
		if ec == "" {
			return value.String(s), err
		}
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ec[0] {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, s[i])
	}
	return value.String(string(out)), err
}

// string_fill returns len bytes of source repeated (the last repetition
// cut short).
func bifStringFill(_ Context, args []value.Value) (value.Value, error) {
	n, src := args[0].Int(), args[1].Str()
	if n <= 0 || src == "" {
		return value.String(""), nil
	}
	if n > math.MaxInt32 {
		return value.String(""), bifError("string_fill: length %d is too large", n)
	}
	reps := int(n)/len(src) + 1
	return value.String(strings.Repeat(src, reps)[:n]), nil
}

// str_shell_escape backslash-escapes the characters special inside
// double quotes (`$`, backquote, `\`, `"`), without adding quotes.
func bifStrShellEscape(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '$', '`', '\\', '"':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return value.String(b.String()), nil
}

// hexdump renders 16 bytes a line: a 4-digit hex offset, two spaces, the
// bytes as hex in two groups of 8, then the bytes as ASCII (`.` for
// non-printable) in two groups of 8; each line ends with a newline
// (B:bifs.hexdump/out).
func bifHexdump(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	var b strings.Builder
	for off := 0; off < len(s); off += 16 {
		line := s[off:min(off+16, len(s))]
		fmt.Fprintf(&b, "%04x  ", off)
		for i := 0; i < 16; i++ {
			if i == 8 {
				b.WriteByte(' ')
			}
			if i < len(line) {
				fmt.Fprintf(&b, "%02x ", line[i])
			} else {
				b.WriteString("   ")
			}
		}
		b.WriteByte(' ')
		for i := 0; i < len(line); i++ {
			if i == 8 {
				b.WriteByte(' ')
			}
			if c := line[i]; c >= 32 && c <= 126 {
				b.WriteByte(c)
			} else {
				b.WriteByte('.')
			}
		}
		b.WriteByte('\n')
	}
	return value.String(b.String()), nil
}

// bytestring_to_count reads 1 to 8 bytes as an unsigned integer, big
// endian unless is_le. Other lengths are an error and give 0.
func bifBytestringToCount(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if len(s) == 0 || len(s) > 8 {
		return value.Count(0), bifError("unsupported byte length for bytestring_to_count")
	}
	var x uint64
	if args[1].Bool() {
		for i := len(s) - 1; i >= 0; i-- {
			x = x<<8 | uint64(s[i])
		}
	} else {
		for i := 0; i < len(s); i++ {
			x = x<<8 | uint64(s[i])
		}
	}
	return value.Count(x), nil
}

// bytestring_to_double reads 8 bytes in network order as an IEEE double.
// Another length is an error and gives 0.
func bifBytestringToDouble(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	if len(s) != 8 {
		return value.Double(0), bifError("invalid length for bytestring_to_double: %d (must be 8)", len(s))
	}
	return value.Double(math.Float64frombits(binary.BigEndian.Uint64([]byte(s)))), nil
}
