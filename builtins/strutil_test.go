package builtins

import (
	"math"
	"testing"

	"github.com/gobro/gobro/runtime/value"
)

// Expected values from Zeek's B:bifs.string_utils/out, B:bifs.edit,
// B:bifs.hexdump/out, bifs/bytestring_to_count.zeek and the BIF docs.
func TestStringUtils(t *testing.T) {
	const s3 = "abcdefghi"
	tests := []struct {
		name string
		args []value.Value
		want any // string, int64, uint64 or bool
		err  string
	}{
		{"ljust", []value.Value{S("abc"), C(2), S(" ")}, "abc", ""},
		{"ljust", []value.Value{S("abc"), C(3), S(" ")}, "abc", ""},
		{"ljust", []value.Value{S("abc"), C(5), S(" ")}, "abc  ", ""},
		{"ljust", []value.Value{S("abc"), C(5), S("-")}, "abc--", ""},
		{"ljust", []value.Value{S("abc"), C(5), S("-+")}, "abc--", "ljust: fill argument must be exactly one character"},
		{"rjust", []value.Value{S("abc"), C(2), S(" ")}, "abc", ""},
		{"rjust", []value.Value{S("abc"), C(5), S(" ")}, "  abc", ""},
		{"rjust", []value.Value{S("abc"), C(5), S("-")}, "--abc", ""},
		{"zfill", []value.Value{S("abc"), C(3)}, "abc", ""},
		{"zfill", []value.Value{S("abc"), C(5)}, "00abc", ""},
		{"is_alpha", []value.Value{S("ab")}, true, ""},
		{"is_alpha", []value.Value{S("1a")}, false, ""},
		{"is_alpha", []value.Value{S("a1")}, false, ""},
		{"is_alpha", []value.Value{S("")}, false, ""},
		{"is_ascii", []value.Value{S("abc\x7f")}, true, ""},
		{"is_ascii", []value.Value{S("ab\x80")}, false, ""},
		{"is_ascii", []value.Value{S("")}, true, ""},
		{"count_substr", []value.Value{S("aabbaa"), S("aa")}, uint64(2), ""},
		{"count_substr", []value.Value{S("aabbaa"), S("bb")}, uint64(1), ""},
		{"count_substr", []value.Value{S("aabbaa"), S("cc")}, uint64(0), ""},
		{"count_substr", []value.Value{S("aaaa"), S("aa")}, uint64(2), ""},
		{"swap_case", []value.Value{S("aBc")}, "AbC", ""},
		{"to_title", []value.Value{S("bro is a very neat ids")}, "Bro Is A Very Neat Ids", ""},
		{"to_title", []value.Value{S("   ")}, "   ", ""},
		{"to_title", []value.Value{S("  a   c  ")}, "  A   C  ", ""},
		{"remove_prefix", []value.Value{S("ananab"), S("an")}, "ab", ""},
		{"remove_prefix", []value.Value{S("anatnab"), S("an")}, "atnab", ""},
		{"remove_prefix", []value.Value{S("abc"), S("")}, "abc", ""},
		{"remove_suffix", []value.Value{S("banana"), S("na")}, "ba", ""},
		{"remove_suffix", []value.Value{S("bantana"), S("na")}, "banta", ""},
		{"find_str", []value.Value{S(s3), S("abcd"), C(0), I(-1), B(true)}, int64(0), ""},
		{"find_str", []value.Value{S(s3), S("abcd"), C(1), I(-1), B(true)}, int64(-1), ""},
		{"find_str", []value.Value{S(s3), S("abcd"), C(0), I(2), B(true)}, int64(-1), ""},
		{"find_str", []value.Value{S(s3), S("efg"), C(0), I(-1), B(true)}, int64(4), ""},
		{"find_str", []value.Value{S(s3), S("efg"), C(2), I(6), B(true)}, int64(4), ""},
		{"find_str", []value.Value{S(s3), S("EFG"), C(0), I(-1), B(true)}, int64(-1), ""},
		{"find_str", []value.Value{S(s3), S("EFG"), C(0), I(-1), B(false)}, int64(4), ""},
		{"find_str", []value.Value{S(s3), S("a"), C(5), I(2), B(true)}, int64(-1), "find_str: start position cannot be greater than end position"},
		{"rfind_str", []value.Value{S(s3), S("abcd"), C(0), I(-1), B(true)}, int64(0), ""},
		{"rfind_str", []value.Value{S(s3), S("abcd"), C(1), I(-1), B(true)}, int64(-1), ""},
		{"rfind_str", []value.Value{S(s3), S("abcd"), C(0), I(2), B(true)}, int64(-1), ""},
		{"rfind_str", []value.Value{S(s3), S("efg"), C(0), I(-1), B(true)}, int64(4), ""},
		{"rfind_str", []value.Value{S(s3), S("efg"), C(2), I(6), B(true)}, int64(4), ""},
		{"rfind_str", []value.Value{S("abab"), S("ab"), C(0), I(-1), B(true)}, int64(2), ""},
		{"levenshtein_distance", []value.Value{S("kitten"), S("sitting")}, uint64(3), ""},
		{"levenshtein_distance", []value.Value{S(""), S("abc")}, uint64(3), ""},
		{"levenshtein_distance", []value.Value{S("flaw"), S("lawn")}, uint64(2), ""},
		{"edit", []value.Value{S("hello there"), S("e")}, "llo t", ""},
		{"edit", []value.Value{S("abc\x08\x08d"), S("\x08")}, "ad", ""},
		{"edit", []value.Value{S("\x08x"), S("\x08")}, "x", ""},
		{"string_fill", []value.Value{I(10), S("abc")}, "abcabcabca", ""},
		{"string_fill", []value.Value{I(0), S("abc")}, "", ""},
		{"string_fill", []value.Value{I(3), S("")}, "", ""},
		{"str_shell_escape", []value.Value{S("a \"$b\" `c` \\d")}, `a \"\$b\" \` + "`c\\`" + ` \\d`, ""},
		{"hexdump", []value.Value{S("abc\xffdefghijklmnopqrstuvwxyz")},
			"0000  61 62 63 ff 64 65 66 67  68 69 6a 6b 6c 6d 6e 6f  abc.defg hijklmno\n" +
				"0010  70 71 72 73 74 75 76 77  78 79 7a                 pqrstuvw xyz\n", ""},
		{"hexdump", []value.Value{S("")}, "", ""},
		{"bytestring_to_count", []value.Value{S("\xff"), B(true)}, uint64(255), ""},
		{"bytestring_to_count", []value.Value{S("\x03\xe8"), B(false)}, uint64(1000), ""},
		{"bytestring_to_count", []value.Value{S("\xe8\x03"), B(true)}, uint64(1000), ""},
		{"bytestring_to_count", []value.Value{S("\x11\x22\x33\x44"), B(false)}, uint64(287454020), ""},
		{"bytestring_to_count", []value.Value{S("\x11\x22\x33\x44"), B(true)}, uint64(1144201745), ""},
		{"bytestring_to_count", []value.Value{S("\xff\xff\x00"), B(true)}, uint64(65535), ""},
		{"bytestring_to_count", []value.Value{S("\xff\xff\xff\x00\x00\xff\xff\xff"), B(false)}, uint64(18446742974214701055), ""},
		{"bytestring_to_count", []value.Value{S("\xff\xff\x00\x00\x00\x00\x00\x00"), B(true)}, uint64(65535), ""},
		{"bytestring_to_count", []value.Value{S("\xff\xff\xff\xff\xff\xff\xff"), B(false)}, uint64(72057594037927935), ""},
		{"bytestring_to_count", []value.Value{S(""), B(false)}, uint64(0), "unsupported byte length for bytestring_to_count"},
		{"bytestring_to_count", []value.Value{S("123456789"), B(false)}, uint64(0), "unsupported byte length for bytestring_to_count"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, tc.name, tc.args...)
		if errText(err) != tc.err {
			t.Errorf("%s(%v): error %q, want %q", tc.name, tc.args, errText(err), tc.err)
		}
		var ok bool
		switch w := tc.want.(type) {
		case string:
			ok = got.Str() == w
		case int64:
			ok = got.Int() == w
		case uint64:
			ok = got.Count() == w
		case bool:
			ok = got.Bool() == w
		}
		if !ok {
			t.Errorf("%s(%v) = %v (%q); want %v", tc.name, tc.args, got.N, got.Str(), tc.want)
		}
	}
}

// B:bifs.bytestring_to_double/out.
func TestBytestringToDouble(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  bool
	}{
		{"\x43\x26\x4f\xa0\x71\x30\x80\x00", 3.14e15, false},
		{"\xc3\x26\x4f\xa0\x71\x30\x80\x00", -3.14e15, false},
		{"\x00\x1c\xc3\x59\xe0\x67\xa3\x49", 4e-308, false},
		{"\x00\x00\x00\x00\x00\x00\x00\x00", 0, false},
		{"\x7f\xf0\x00\x00\x00\x00\x00\x00", math.Inf(1), false},
		{"\xff\xf0\x00\x00\x00\x00\x00\x00", math.Inf(-1), false},
		{"\x00\x00\x00\x00\x00\x00\x00\x01", 5e-324, false},
		{"\x00\x00\x00\x00\x00\x00\x00", 0, true},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "bytestring_to_double", S(tc.in))
		if (err != nil) != tc.err || got.Double() != tc.want {
			t.Errorf("bytestring_to_double(%q) = %v, %v", tc.in, got.Double(), err)
		}
	}
	nan, _ := call(t, nil, "bytestring_to_double", S("\x7f\xf8\x00\x00\x00\x00\x00\x00"))
	if !math.IsNaN(nan.Double()) {
		t.Errorf("bytestring_to_double(NaN) = %v", nan.Double())
	}
	neg0, _ := call(t, nil, "bytestring_to_double", S("\x80\x00\x00\x00\x00\x00\x00\x00"))
	if !math.Signbit(neg0.Double()) {
		t.Errorf("bytestring_to_double(-0) = %v", neg0.Double())
	}
	if s := value.FormatDouble(3.14e15); s != "3.14e+15" {
		t.Errorf("print of 3.14e15 = %s", s)
	}
}
