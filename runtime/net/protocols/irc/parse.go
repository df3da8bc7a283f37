package irc

import (
	"math"
	"strings"
)

// maxMessage is the longest line parsed; longer ones are a weird.
const maxMessage = 512

// message is one line taken apart as Zeek's IRC analyser does.
type message struct {
	prefix  string // without its colon
	code    int    // a reply's code; 0 for a command
	command string // the command word in upper case ("" for a reply)
	params  string // the rest of the line
}

// badLine says why a line was not parsed: a weird, and for lines that
// break the protocol a violation. prefixDone says the line got past its
// prefix, which is where Zeek confirms a client's connection.
type badLine struct {
	weird, violation string
	prefixDone       bool
}

// parseLine splits one line. Blanks (spaces only) are skipped before the
// prefix, the command and a command's parameters, not before a reply's.
func parseLine(line []byte) (message, *badLine) {
	var m message
	if len(line) > maxMessage {
		return m, &badLine{weird: "irc_line_size_exceeded"}
	}
	rest := skipSpaces(string(line))
	if len(rest) < 3 {
		return m, &badLine{weird: "irc_line_too_short"}
	}
	if rest[0] == ':' {
		i := strings.IndexByte(rest, ' ')
		if i < 0 {
			return m, &badLine{weird: "irc_invalid_line"}
		}
		m.prefix, rest = rest[1:i], skipSpaces(rest[i+1:])
	}
	// Zeek's shortest command with optional parameters is WHO.
	if len(rest) < 3 {
		return m, &badLine{weird: "irc_invalid_line", violation: "line too short", prefixDone: true}
	}
	if isDigit(rest[0]) {
		if len(rest) < 4 || !isDigit(rest[1]) || !isDigit(rest[2]) || rest[3] != ' ' {
			return m, &badLine{weird: "irc_invalid_reply_number", violation: "invalid reply number", prefixDone: true}
		}
		m.code = int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
		m.params = rest[4:]
		return m, nil
	}
	word, params, _ := strings.Cut(rest, " ")
	m.command = upper(word)
	m.params = skipSpaces(params)
	return m, nil
}

// splitWords is Zeek's IRC word splitter: the non-empty pieces of s
// between sep bytes.
func splitWords(s string, sep byte) []string {
	var words []string
	for len(s) > 0 {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			words = append(words, s)
			break
		}
		if i > 0 {
			words = append(words, s[:i])
		}
		s = s[i+1:]
	}
	return words
}

func skipSpaces(s string) string { return strings.TrimLeft(s, " ") }

// trimColon drops one leading colon (a trailing parameter's marker).
func trimColon(s string) string { return strings.TrimPrefix(s, ":") }

// nickOf is the nick of a "nick!user@host" prefix, or "" when the prefix
// has no '!'.
func nickOf(prefix string) string {
	if i := strings.IndexByte(prefix, '!'); i >= 0 {
		return prefix[:i]
	}
	return ""
}

// upper is ASCII upper case, as C's toupper in the C locale.
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// atoi is C's atoi (glibc: strtol cut to an int) as Zeek's analyser
// uses it on numbers in lines: leading white space, a sign, the digits
// up to the first non-digit, 0 when there are none; out of range it
// saturates to a 64-bit long, which the cut to 32 bits then wraps.
func atoi(s string) int64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var n uint64
	over := false
	for i := 0; i < len(s) && isDigit(s[i]); i++ {
		if n > (1<<63)/10 {
			over = true
		}
		n = n*10 + uint64(s[i]-'0')
		if n > 1<<63 {
			over = true
		}
	}
	var v int64
	switch {
	case over && neg:
		v = math.MinInt64
	case over:
		v = math.MaxInt64
	case neg:
		v = -int64(n)
	case n == 1<<63:
		v = math.MaxInt64
	default:
		v = int64(n)
	}
	return int64(int32(v))
}

// cstr is a string argument as Zeek passes most of them (through a C
// string): cut at the first NUL.
func cstr(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}
