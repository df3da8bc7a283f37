package irc

// maxLine is the longest line the CONTENTLINE splitter keeps for IRC;
// a longer one is cut there (contentline_size_exceeded).
const maxLine = 1000

// splitter cuts one direction of the connection into lines the way
// Zeek's CONTENTLINE analyser does with both CR and LF as line ends: a
// CRLF is one end, a lone CR or LF is one too, an LF right after a CR
// that ended a line (in an earlier delivery) is dropped, and a byte
// other than LF after a lone CR is the once-per-connection weird
// line_terminated_with_single_CR. A line reaching maxLine is handed out
// as it is and the byte that did not fit is lost.
type splitter struct {
	buf  []byte
	last byte // the byte before the next one, as Zeek tracks it
}

// feed passes data through, calling line for each complete line (only
// valid during the call) until line returns false; it returns the bytes
// after the line that stopped it, or nil.
func (s *splitter) feed(a *Analyzer, isOrig bool, data []byte, line func([]byte) bool) []byte {
	for i := 0; i < len(data); i++ {
		c := data[i]
		if len(s.buf) >= maxLine {
			a.h.Weird("CONTENTLINE", "contentline_size_exceeded", "")
			if !s.emit(c, line) {
				return data[i+1:]
			}
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
		}
		s.buf = append(s.buf, c)
		if s.last == '\r' {
			a.weirdOnce(flagSingleCR, "CONTENTLINE", "line_terminated_with_single_CR")
		}
		s.last = c
	}
	return nil
}

func (s *splitter) emit(c byte, line func([]byte) bool) bool {
	s.last = c
	l := s.buf
	s.buf = s.buf[:0]
	return line(l)
}

// flush hands out a partial line at the end of the direction.
func (s *splitter) flush(line func([]byte) bool) {
	if len(s.buf) > 0 {
		s.emit('\n', line)
	}
}
