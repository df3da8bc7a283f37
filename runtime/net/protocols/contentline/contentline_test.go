package contentline

import (
	"fmt"
	"strings"
	"testing"
)

// Lines and weirds as Zeek's CONTENTLINE gives them: CRLF, lone CR and
// lone LF end lines, a CRLF split across deliveries is one end, a lone
// CR before other bytes and the first NUL are reported once per
// connection, an overlong line is cut each time (the byte that did not
// fit is lost), and Flush hands out
// the partial rest.
func TestLines(t *testing.T) {
	var got []string
	l := Lines{MaxLine: 8, NUL: true, Weird: func(name string) { got = append(got, "weird "+name) }}
	line := func(b []byte) bool { got = append(got, fmt.Sprintf("%q", b)); return true }
	for _, d := range []string{"one\r", "\ntwo\rthree\nfo\x00ur\r\n", "x\ry", "0123456789", "\r\nz\x00\r"} {
		l.Feed(true, []byte(d), line)
	}
	l.Feed(false, []byte("tail"), line)
	l.Flush(false, line)
	want := `"one" "two" weird line_terminated_with_single_CR "three" weird NUL_in_line "fo\x00ur" "x" weird contentline_size_exceeded "y0123456" "89" "z\x00" "tail"`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	if !l.PendingLF(true) || l.PendingLF(false) {
		t.Error("PendingLF does not follow the last line end")
	}
}

// A line handler that returns false stops the feed; the rest of the
// delivery comes back.
func TestFeedStops(t *testing.T) {
	l := Lines{Weird: func(string) {}}
	rest := l.Feed(true, []byte("STARTTLS\r\n\x16\x03\x01"), func([]byte) bool { return false })
	if string(rest) != "\x16\x03\x01" {
		t.Errorf("rest %q", rest)
	}
}
