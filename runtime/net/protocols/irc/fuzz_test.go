package irc

import (
	"strings"
	"testing"
)

// FuzzIRC feeds arbitrary bytes to the analyser in chunks of both
// directions: each chunk is a header byte (bit 0: the direction, the
// rest: the length) and that many bytes. Every event is handled, so every
// parser runs. Nothing may panic or hang; a parsed line's command is
// upper case and its reply code three digits.
func FuzzIRC(f *testing.F) {
	f.Add([]byte("\x1bNICK alice\r\nUSER a 0 * :A B\r\n\x2d:srv 353 me = #c :@a b\r\n"))
	f.Add([]byte("\x13STARTTLS\r\n\x2a:s 670 me :go\r\n\x16\x03\x01\x00"))
	f.Add([]byte("\x5d:b!u@h PRIVMSG a :\x01DCC SEND f 3232235777 5000 12\x01\r\nPART #a,#b :x\r"))
	f.Add([]byte("\x25:s 352 me #a ~u h s n H :3 R\n:s 332 me #a :t\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		a := New(&fake{quiet: true})
		for len(in) > 0 {
			hdr := in[0]
			in = in[1:]
			n := min(int(hdr>>1), len(in))
			a.Deliver(hdr&1 == 1, in[:n])
			in = in[n:]
		}
		a.EndOfData(true)
		a.EndOfData(false)
		a.Done()
	})
}

// FuzzParseLine checks the line parser on its own: a reply has a code of
// three digits and no command, a command is upper case, and the prefix
// and parameters come from the line.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{":p 001 me :hi", "nick x", ":p", "  12x", "PRIVMSG a :b c", ":a  b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		m, bad := parseLine(line)
		if bad != nil {
			if bad.weird == "" {
				t.Fatal("a bad line without a weird")
			}
			return
		}
		l := string(line)
		if m.code != 0 && (m.code < 0 || m.code > 999 || m.command != "") {
			t.Fatalf("reply %d with command %q", m.code, m.command)
		}
		if strings.ContainsAny(m.command, "abcdefghijklmnopqrstuvwxyz") {
			t.Fatalf("command %q not upper case", m.command)
		}
		if !strings.Contains(l, m.prefix) || !strings.HasSuffix(l, m.params) {
			t.Fatalf("prefix %q / params %q not from %q", m.prefix, m.params, l)
		}
	})
}
