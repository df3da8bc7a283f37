// Package contentline cuts a connection's streams into lines the way
// Zeek's CONTENTLINE analyser does for protocols that take CR and LF as
// line ends (IRC, SMTP): a CRLF is one end, a lone CR or LF is one too,
// an LF right after a CR that ended a line in an earlier delivery is
// dropped, and a byte other than LF after a lone CR is the weird
// line_terminated_with_single_CR. Its weirds have the source CONTENTLINE.
package contentline

import "bytes"

// Lines splits both directions of one connection.
type Lines struct {
	// MaxLine cuts a line reaching it: it is handed out as it is, the
	// byte that did not fit is lost, and each cut is the weird
	// contentline_size_exceeded. 0 means no limit.
	MaxLine int
	// NUL makes the first NUL of the connection the weird NUL_in_line
	// (the byte stays in the line).
	NUL bool
	// Weird reports a weird of the connection.
	Weird func(name string)

	dirs [2]splitter
	// reported are the weirds Zeek gives once per connection.
	reported uint8
}

const (
	onceSingleCR = 1 << iota
	onceNUL
)

type splitter struct {
	buf  []byte
	last byte // the byte before the next one, as Zeek tracks it
}

func dir(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

func (l *Lines) once(flag uint8, name string) {
	if l.reported&flag == 0 {
		l.reported |= flag
		l.Weird(name)
	}
}

// Feed passes a direction's data through, calling line for each
// complete line (valid only during the call) until line returns false;
// it returns the bytes after the line that stopped it, or nil.
func (l *Lines) Feed(isOrig bool, data []byte, line func([]byte) bool) []byte {
	s := &l.dirs[dir(isOrig)]
	for i := 0; i < len(data); i++ {
		c := data[i]
		if l.MaxLine > 0 && len(s.buf) >= l.MaxLine {
			l.Weird("contentline_size_exceeded")
			if !s.emit(c, line) {
				return data[i+1:]
			}
			continue
		}
		// Most of a line is ordinary bytes: copy the run at once.
		if n := l.ordinaryRun(data[i:], len(s.buf)); n > 0 {
			if s.last == '\r' {
				l.once(onceSingleCR, "line_terminated_with_single_CR")
			}
			s.buf = append(s.buf, data[i:i+n]...)
			s.last = data[i+n-1]
			i += n - 1
			continue
		}
		switch c {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
				c = '\n'
			}
			if !s.emit(c, line) {
				return data[i+1:]
			}
			continue
		case '\n':
			if s.last == '\r' && len(s.buf) == 0 {
				s.last = c // the LF of a CRLF split across deliveries
				continue
			}
			if !s.emit(c, line) {
				return data[i+1:]
			}
			continue
		case 0:
			if l.NUL {
				l.once(onceNUL, "NUL_in_line")
			}
		}
		s.buf = append(s.buf, c)
		if s.last == '\r' {
			l.once(onceSingleCR, "line_terminated_with_single_CR")
		}
		s.last = c
	}
	return nil
}

// ordinaryRun is the length of data's prefix that Feed can append
// without looking at each byte: no CR or LF, no NUL while a NUL is still
// to be reported, and no further than MaxLine from a line of have bytes.
func (l *Lines) ordinaryRun(data []byte, have int) int {
	n := bytes.IndexByte(data, '\n')
	if n < 0 {
		n = len(data)
	}
	if r := bytes.IndexByte(data[:n], '\r'); r >= 0 {
		n = r
	}
	if l.NUL && l.reported&onceNUL == 0 {
		if z := bytes.IndexByte(data[:n], 0); z >= 0 {
			n = z
		}
	}
	if l.MaxLine > 0 {
		n = min(n, l.MaxLine-have)
	}
	return n
}

// PendingLF reports whether the direction's last line ended with a CR,
// so an LF that follows belongs to that line end (a protocol reading the
// next bytes itself, like SMTP's BDAT chunks, drops it).
func (l *Lines) PendingLF(isOrig bool) bool { return l.dirs[dir(isOrig)].last == '\r' }

// Flush hands out a direction's partial line (at its end), if any.
func (l *Lines) Flush(isOrig bool, line func([]byte) bool) {
	if s := &l.dirs[dir(isOrig)]; len(s.buf) > 0 {
		s.emit('\n', line)
	}
}

func (s *splitter) emit(c byte, line func([]byte) bool) bool {
	s.last = c
	b := s.buf
	s.buf = s.buf[:0]
	return line(b)
}
