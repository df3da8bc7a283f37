package ftp

import "strconv"

// maxLine is the longest line kept, as Zeek's content-line buffers: a
// longer one is cut (nvt_line_size_exceeded) and handed out in pieces.
const maxLine = 16*1024*1024 - 100

// Telnet bytes the splitter knows (RFC 854).
const (
	telnetIAC  = 255
	telnetSB   = 250
	telnetSE   = 240
	telnetWILL = 251
	telnetDONT = 254
)

// Option states: where in a Telnet command sequence the splitter is.
const (
	optNone   = iota
	optIAC    // after IAC
	optCode   // after IAC WILL/WONT/DO/DONT: the option code follows
	optSub    // inside IAC SB … IAC SE
	optSubIAC // an IAC inside a suboption
)

// splitter cuts one direction of a control connection into lines the way
// Zeek's NVT analyser does for FTP: only LF ends a line (a CR right
// before it is dropped, a CR elsewhere stays and is a weird once), the
// first NUL of a direction is dropped with a weird (later ones stay), a
// NUL right after a CR is dropped silently, and Telnet commands (IAC …)
// are taken out of the text, an escaped IAC IAC leaving one 0xff.
type splitter struct {
	buf      []byte
	lastChar byte
	opt      int
	nulSeen  bool // the direction's first NUL was reported
	a        *control
}

// feed takes the direction's next bytes and calls line for each
// complete line (the slice is only valid during the call).
func (s *splitter) feed(data []byte, line func([]byte)) {
	for i := 0; i < len(data); i++ {
		c := data[i]
		if s.opt != optNone {
			if s.option(c) {
				i-- // a broken suboption: c starts a new command
			}
			continue
		}
		if len(s.buf) >= maxLine {
			// Zeek hands out all but the last byte of a full buffer
			// and loses the byte that did not fit.
			s.a.limitWeird("NVT", "nvt_line_size_exceeded", strconv.Itoa(maxLine))
			line(s.buf[:maxLine-1])
			s.buf = s.buf[:0]
			continue
		}
		switch c {
		case '\n':
			if s.lastChar == '\r' && len(s.buf) > 0 {
				s.buf = s.buf[:len(s.buf)-1]
			}
			s.lastChar = c
			line(s.buf)
			s.buf = s.buf[:0]
			continue
		case 0:
			switch {
			case s.lastChar == '\r':
			case !s.nulSeen:
				s.nulSeen = true
				s.a.weirdOnce(flagNUL, "NVT", "NUL_in_line")
			default:
				s.buf = append(s.buf, c)
			}
		case telnetIAC:
			s.opt = optIAC
			continue // lastChar stays what it was
		default:
			s.buf = append(s.buf, c)
		}
		if s.lastChar == '\r' && c != 0 {
			s.a.weirdOnce(flagCR, "NVT", "line_terminated_with_single_CR")
		}
		s.lastChar = c
	}
}

// option advances through a Telnet command sequence. It reports true
// when c ended a suboption badly and must be read again as the code
// after an IAC.
func (s *splitter) option(c byte) (again bool) {
	switch s.opt {
	case optIAC:
		switch {
		case c == telnetIAC: // an escaped 0xff is text
			s.opt = optNone
			if len(s.buf) < maxLine {
				s.buf = append(s.buf, c)
			}
			s.lastChar = c
		case c == telnetSB:
			s.opt = optSub
		case c >= telnetWILL && c <= telnetDONT:
			s.opt = optCode
		default: // a two-byte command
			s.opt = optNone
		}
	case optCode:
		s.opt = optNone
	case optSub:
		if c == telnetIAC {
			s.opt = optSubIAC
		}
	case optSubIAC:
		switch c {
		case telnetIAC:
			s.opt = optSub
		case telnetSE:
			s.opt = optNone
		default:
			s.opt = optIAC
			return true
		}
	}
	return false
}

// flush hands out a partial line at the end of the direction, as if an
// LF had come.
func (s *splitter) flush(line func([]byte)) {
	if len(s.buf) > 0 {
		s.feed([]byte{'\n'}, line)
	}
}
