package ftp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gobro/gobro/runtime/value"
)

// fake records what the analyser reports, one line each.
type fake struct {
	log       []string
	confirmed bool
	quiet     bool   // the fuzz target: keep nothing, check events
	bad       string // the first broken event, in quiet mode
}

// checkEvent records the first event whose arguments break what the
// analyser promises: a request's command has at least three printable,
// non-blank, upper-case bytes; a reply's code is 0 (inside a multi-line
// reply) or 100…999.
func (f *fake) checkEvent(event string, args []value.Value) {
	if f.bad != "" {
		return
	}
	switch event {
	case "ftp_request":
		cmd := args[0].Str()
		ok := len(cmd) >= 3
		for i := 0; i < len(cmd); i++ {
			ok = ok && cmd[i] > ' ' && cmd[i] <= '~' && !(cmd[i] >= 'a' && cmd[i] <= 'z')
		}
		if !ok {
			f.bad = fmt.Sprintf("ftp_request command %q", cmd)
		}
	case "ftp_reply":
		if code := args[0].Count(); code != 0 && (code < 100 || code > 999) {
			f.bad = fmt.Sprintf("ftp_reply code %d", code)
		}
	}
}

func (f *fake) add(format string, a ...any) {
	if !f.quiet {
		f.log = append(f.log, fmt.Sprintf(format, a...))
	}
}
func (f *fake) Confirm() {
	if !f.confirmed {
		f.add("confirm")
	}
	f.confirmed = true
}
func (f *fake) Confirmed() bool { return f.confirmed }
func (f *fake) Violation(reason string, data []byte) {
	f.add("violation %s %q", reason, data)
}
func (f *fake) Weird(source, name, addl string) { f.add("weird %s %s %q", source, name, addl) }
func (f *fake) LimitWeird(source, name, addl string) {
	f.add("limit-weird %s %s %q", source, name, addl)
}
func (f *fake) Handled(string) bool { return true }
func (f *fake) Raise(event string, args ...value.Value) {
	if f.quiet {
		f.checkEvent(event, args)
		return
	}
	var parts []string
	for i, a := range args {
		switch p := a.P.(type) {
		case string:
			parts = append(parts, fmt.Sprintf("%q", p))
		case nil:
			if event == "ftp_reply" && i == 2 { // cont_resp
				parts = append(parts, fmt.Sprint(a.N == 1))
				continue
			}
			parts = append(parts, fmt.Sprint(a.N))
		default:
			parts = append(parts, fmt.Sprint(p))
		}
	}
	f.add("%s(%s)", event, strings.Join(parts, ", "))
}

type step struct {
	orig bool
	data string
}

func run(t *testing.T, maxCmd int, steps []step, want ...string) {
	t.Helper()
	f := &fake{}
	c := newControl(f, maxCmd)
	for _, s := range steps {
		c.Deliver(s.orig, []byte(s.data))
	}
	c.EndOfData(true)
	c.EndOfData(false)
	c.Done()
	if got := strings.Join(f.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func c(s string) step { return step{true, s} }
func s(s string) step { return step{false, s} }

// Requests: the command word upper-cased, blanks before the argument
// dropped; the first valid command confirms, before its event. Lines
// split across deliveries are joined; a bare LF ends a line too.
func TestRequests(t *testing.T) {
	run(t, 100, []step{c("user anonymous\r\n"), c("PASS  \tx y \r\nSY"), c("ST\n"), c("  NOOP\r\n")},
		"confirm",
		`ftp_request("USER", "anonymous")`,
		`ftp_request("PASS", "x y ")`,
		`ftp_request("SYST", "")`,
		`ftp_request("NOOP", "")`)
}

// A line whose first word is no command (short, or unprintable) is
// ignored: silently before the confirmation, a weird after; an empty line
// is nothing. An overlong command is a limit weird once confirmed.
func TestInvalidCommands(t *testing.T) {
	run(t, 5, []step{c("OK\r\n"), c("\r\n"), c("USER a\r\n"), c("X\x01Y z\r\n"), c("TOOLONG a\r\n")},
		"confirm",
		`ftp_request("USER", "a")`,
		`weird FTP FTP_invalid_command ""`,
		`limit-weird FTP FTP_max_command_length_exceeded "7 > 5"`)
}

// Replies: single lines, a multi-line reply (inner lines code 0 and
// cont_resp T, the last line with its code), a code with nothing after
// it; garbage outside a multi-line reply is a violation.
func TestReplies(t *testing.T) {
	run(t, 100, []step{
		s("220 ready\r\n"), s("230-Welcome\r\n  to the\r\n230-x\r\n"), s("230 done.\r\n"),
		s("200\r\n"), s("hello\r\n"), s("099 low\r\n"), s("200x\r\n"), s("331  spaced\r\n"),
	},
		`ftp_reply(220, "ready", false)`,
		`ftp_reply(230, "Welcome", true)`,
		`ftp_reply(0, "  to the", true)`,
		`ftp_reply(0, "230-x", true)`,
		`ftp_reply(230, "done.", false)`,
		`ftp_reply(200, "", false)`,
		`violation non-numeric reply code "hello"`,
		`violation invalid reply code "099 low"`,
		`violation invalid reply line "200x"`,
		`ftp_reply(331, "spaced", false)`)
}

// The NVT rules: a CR not before LF stays (a weird, once per
// connection), the first NUL of a direction goes (weird once), later
// NULs stay, a NUL after CR goes silently; Telnet commands are taken
// out and IAC IAC is one 0xff; a partial line ends with the direction.
func TestLineSplitting(t *testing.T) {
	run(t, 100, []step{
		c("USER a\rb\r\n"), c("PASS p\x00q\x00r\r\n"), c("CWD \xff\xfb\x01x\xff\xf1y\xff\xfa\x18\x01ab\xff\xf0z\r\n"),
		c("MKD \xff\xffd\r\x00\n"), c("SIZE \xff\xfa\x01\xff\xff\xffzQ\r\n"), c("QUIT"),
	},
		"weird NVT line_terminated_with_single_CR \"\"",
		"confirm",
		`ftp_request("USER", "a\rb")`,
		`weird NVT NUL_in_line ""`,
		`ftp_request("PASS", "pq\x00r")`,
		`ftp_request("CWD", "xyz")`,
		`ftp_request("MKD", "\xffd\r")`,
		// A suboption ended by IAC and a non-SE byte: that byte starts
		// a new command (z, a two-byte one).
		`ftp_request("SIZE", "Q")`,
		`ftp_request("QUIT", "")`)
}

// AUTH TLS accepted: ftp_starttls, then nothing more is parsed.
func TestStartTLS(t *testing.T) {
	run(t, 100, []step{c("AUTH TLS\r\n"), s("234 Go ahead.\r\n"), c("\x16\x03\x01garbage\r\n"), s("\x16\x03\x03more\r\n")},
		"confirm", `ftp_request("AUTH", "TLS")`, `ftp_reply(234, "Go ahead.", false)`, "ftp_starttls()")
}

// A line longer than the buffer is cut: all but its last byte, and the
// byte after the full buffer is lost.
func TestLongLine(t *testing.T) {
	f := &fake{}
	c := newControl(f, 100)
	long := strings.Repeat("a", maxLine)
	c.Deliver(false, []byte("200 "+long+"XYZ\r\n"))
	if len(f.log) != 3 || f.log[0] != `limit-weird NVT nvt_line_size_exceeded "16777116"` {
		t.Fatalf("log %.200q", f.log)
	}
	want := fmt.Sprintf("ftp_reply(200, %q, false)", long[:maxLine-5])
	if f.log[1] != want {
		t.Errorf("first piece %.80q…", f.log[1])
	}
	// The rest of the a's and XYZ are the next line: not a reply.
	if f.log[2] != `violation non-numeric reply code "aaaXYZ"` {
		t.Errorf("rest %q", f.log[2])
	}
}
