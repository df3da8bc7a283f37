package smtp

// splitter cuts one direction into lines as Zeek's CONTENTLINE analyser
// does for SMTP: CRLF, a lone CR and a lone LF each end a line, an LF
// right after a CR that ended a line in an earlier delivery is dropped,
// and a byte other than LF after a lone CR is the once-per-connection
// weird line_terminated_with_single_CR. The first NUL of a connection is
// the weird NUL_in_line (it stays in the line). A partial line at the
// end of the direction is dropped (SetSkipPartial).
type splitter struct {
	buf  []byte
	last byte
}

// feed passes data through, calling line for each complete line (only
// valid during the call) until line returns false; it returns the bytes
// after the line that stopped it, or nil.
func (s *splitter) feed(a *Analyzer, data []byte, line func([]byte) bool) []byte {
	for i := 0; i < len(data); i++ {
		c := data[i]
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
			a.weirdOnce(flagNUL, "CONTENTLINE", "NUL_in_line")
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
