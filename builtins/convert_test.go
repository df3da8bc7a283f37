package builtins

import (
	"math"
	"testing"
)

func TestToCount(t *testing.T) {
	tests := []struct {
		in   string
		base uint64
		want uint64
		err  string
	}{
		{"7", 10, 7, ""},
		{"", 10, 0, "bad conversion to count"},
		{"-5", 10, 18446744073709551611, ""}, // strtoull wraps a negation
		{" 205", 10, 205, ""},                // leading white space is skipped
		{"206 ", 10, 206, ""},                // trailing white space is accepted
		{"10101100", 2, 172, ""},
		{"43", 8, 35, ""},
		{"C3", 16, 195, ""},
		{"0xC3", 16, 195, ""},
		{"not a count", 10, 0, "bad conversion to count"},
		{"12abc", 10, 0, "bad conversion to count"},
		{"9223372036854775808", 10, 9223372036854775808, ""},
		{"18446744073709551615", 10, math.MaxUint64, ""},
		{"18446744073709551616", 10, 0, "bad conversion to count"},
		{"2", 2, 0, "bad conversion to count"},
		{"010", 0, 8, ""},
		{"7", 1, 0, "bad conversion to count"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "to_count", S(tc.in), C(tc.base))
		if errText(err) != tc.err || got.Count() != tc.want {
			t.Errorf("to_count(%q, %d) = %d, %q; want %d, %q", tc.in, tc.base, got.Count(), errText(err), tc.want, tc.err)
		}
	}
}

func TestToInt(t *testing.T) {
	tests := []struct {
		in   string
		base uint64
		want int64
		err  string
	}{
		{"1", 10, 1, ""},
		{"-1", 10, -1, ""},
		{"10111100", 2, 188, ""},
		{"47", 8, 39, ""},
		{"F3", 16, 243, ""},
		{"0xF3", 16, 243, ""},
		{"4294967296", 10, 4294967296, ""},
		{"not an int", 10, 0, "bad conversion to integer"},
		{" 205", 10, 205, ""},
		{"206 ", 10, 206, ""},
		{"", 10, 0, "bad conversion to integer"},
		{"-9223372036854775808", 10, math.MinInt64, ""},
		{"9223372036854775808", 10, 0, "bad conversion to integer"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "to_int", S(tc.in), C(tc.base))
		if errText(err) != tc.err || got.Int() != tc.want {
			t.Errorf("to_int(%q, %d) = %d, %q; want %d, %q", tc.in, tc.base, got.Int(), errText(err), tc.want, tc.err)
		}
	}
}

func TestToDouble(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  string
	}{
		{"3.14", 3.14, ""},
		{" -1e3", -1000, ""},
		{"5", 5, ""},
		{"", 0, "bad conversion to double"},
		{"abc", 0, "bad conversion to double"},
		{"1.5x", 0, "bad conversion to double"},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "to_double", S(tc.in))
		if errText(err) != tc.err || got.Double() != tc.want {
			t.Errorf("to_double(%q) = %v, %q", tc.in, got.Double(), errText(err))
		}
	}
}

func TestNumericConversions(t *testing.T) {
	// Zeek's bifs.to_count baseline: int_to_count(-2) is an error, 3.9 rounds to 4.
	c, err := call(t, nil, "int_to_count", I(-2))
	if c.Count() != 0 || errText(err) != "bad conversion to count" {
		t.Errorf("int_to_count(-2) = %d, %v", c.Count(), err)
	}
	c, _ = call(t, nil, "int_to_count", I(2))
	if c.Count() != 2 {
		t.Errorf("int_to_count(2) = %d", c.Count())
	}
	for _, tc := range []struct {
		d    float64
		want uint64
		err  string
	}{{3.14, 3, ""}, {3.9, 4, ""}, {2.5, 2, ""}, {0, 0, ""}, {-1, 0, "bad conversion to count"}, {1e30, math.MaxUint64, ""}} {
		c, err := call(t, nil, "double_to_count", D(tc.d))
		if c.Count() != tc.want || errText(err) != tc.err {
			t.Errorf("double_to_count(%v) = %d, %v", tc.d, c.Count(), err)
		}
	}
	for _, tc := range []struct {
		d    float64
		want int64
	}{{3.14, 3}, {3.9, 4}, {-3.14, -3}, {-3.9, -4}, {1e30, math.MaxInt64}, {-1e30, math.MinInt64}} {
		i, _ := call(t, nil, "double_to_int", D(tc.d))
		if i.Int() != tc.want {
			t.Errorf("double_to_int(%v) = %d", tc.d, i.Int())
		}
	}
	d, _ := call(t, nil, "count_to_double", C(10000))
	if d.Double() != 10000 {
		t.Errorf("count_to_double = %v", d.Double())
	}
	d, _ = call(t, nil, "int_to_double", I(-41))
	if d.Double() != -41 {
		t.Errorf("int_to_double = %v", d.Double())
	}
}
