package logging

import "testing"

// TestAppendJSONString: Zeek's escape policy (rendering.md §3.4): a string
// holding a control byte has its non-ASCII bytes written as \xHH too.
func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\b\f\n\r\t\x00\x15", `"\b\f\n\r\t\\x00\\x15"`},
		{"\xc3\x28", `"\\xc3("`},
		{`\\`, `"\\\\"`},
		{"a rocket \U0001F680!\x00 NUL\x00", `"a rocket \\xf0\\x9f\\x9a\\x80!\\x00 NUL\\x00"`},
		{"caf\u00e9", "\"caf\u00e9\""},
	}
	for _, tc := range tests {
		if got := string(AppendJSONString(nil, tc.in)); got != tc.want {
			t.Errorf("%q: got %s want %s", tc.in, got, tc.want)
		}
	}
}
