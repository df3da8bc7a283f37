package http

import "bytes"

// lineSplitter cuts one direction's TCP stream into lines the way Zeek's
// CONTENTLINE support analyser does for HTTP: CRLF ends a line, and so do
// a lone CR or a lone LF unless the mode says otherwise (bodies of
// multipart parts use CRLF only). A body of known size is passed through
// raw ("plain delivery") without looking for line ends.
type lineSplitter struct {
	a   *Analyzer
	buf []byte
	// plain is how many bytes still go through raw.
	plain int64
	// deliverySize counts down the stream bytes of an entity of known
	// length (Zeek's delivery_length, -1 when unset): when it reaches 0
	// with a line still open, the line is closed with a weird.
	deliverySize int64
	// remaining is how many bytes of the current delivery follow the
	// line being handed out (for data after a CONNECT reply).
	remaining int

	isOrig   bool
	lastChar byte
	// crEOL, lfEOL: whether a lone CR, a lone LF ends a line.
	crEOL, lfEOL   bool
	suppressWeirds bool
	// skip drops all further data (after a content gap).
	skip bool
}

// maxLineLength bounds a line; longer ones are cut with a weird.
const maxLineLength = 16 << 20

func newLineSplitter(a *Analyzer, isOrig bool) lineSplitter {
	return lineSplitter{a: a, isOrig: isOrig, crEOL: true, lfEOL: true, deliverySize: -1}
}

// setCRLFOnly makes only CRLF end lines (true) or restores the default.
func (l *lineSplitter) setCRLFOnly(on bool) { l.crEOL, l.lfEOL = !on, !on }

func (l *lineSplitter) partial() bool { return len(l.buf) > 0 }

// deliver passes one in-order chunk of the stream.
func (l *lineSplitter) deliver(data []byte) {
	if len(data) == 0 || l.skip {
		return
	}
	if l.deliverySize > 0 {
		l.deliverySize -= int64(len(data))
	}
	l.run(data)
	if l.deliverySize == 0 {
		if l.partial() {
			l.a.weirdFrom("CONTENTLINE", "line_terminated_without_CRLF", "")
			l.run([]byte("\r\n"))
		}
		l.deliverySize = -1
	}
}

func (l *lineSplitter) run(data []byte) {
	for len(data) > 0 && !l.skip {
		if l.crEOL && l.lastChar == '\r' && data[0] == '\n' {
			// The LF of a CRLF whose CR already ended the line.
			l.lastChar = '\n'
			data = data[1:]
		}
		if l.plain > 0 {
			n := int64(len(data))
			if n > l.plain {
				n = l.plain
			}
			l.lastChar = 0
			l.plain -= n
			l.remaining = len(data) - int(n)
			l.a.plainData(l.isOrig, data[:n])
			data = data[n:]
			if len(data) == 0 {
				return
			}
		}
		if len(data) == 0 || l.skip {
			return
		}
		data = data[l.once(data):]
	}
}

// once consumes bytes up to and including the next line end, handing
// the line out, and returns how many bytes it consumed.
func (l *lineSplitter) once(data []byte) int {
	for i := 0; i < len(data); i++ {
		if len(l.buf) >= maxLineLength {
			l.a.weirdFrom("CONTENTLINE", "contentline_size_exceeded", "")
			l.buf = l.buf[:maxLineLength-1]
			return l.emit(data, i, data[i])
		}
		// Most of a line holds no CR or LF: copy that run at once.
		if n := min(ordinaryRun(data[i:]), maxLineLength-len(l.buf)); n > 0 {
			l.singleCR()
			l.buf = append(l.buf, data[i:i+n]...)
			l.lastChar = data[i+n-1]
			i += n - 1
			continue
		}
		c := data[i]
		if c == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				l.lastChar = '\r'
				return l.emit(data, i+1, '\n')
			}
			if l.crEOL {
				return l.emit(data, i, c)
			}
		} else { // '\n'
			if l.lastChar == '\r' {
				if len(l.buf) == 0 {
					l.lastChar = c
					continue
				}
				l.buf = l.buf[:len(l.buf)-1]
				return l.emit(data, i, c)
			}
			if l.lfEOL {
				return l.emit(data, i, c)
			}
			if !l.suppressWeirds && l.a.flagOnce(flagSingleLF) {
				l.a.weirdFrom("CONTENTLINE", "line_terminated_with_single_LF", "")
			}
		}
		l.buf = append(l.buf, c)
		l.singleCR()
		l.lastChar = c
	}
	return len(data)
}

// singleCR reports, once per connection, a CR kept inside a line (one
// that did not end it) as Zeek's CONTENTLINE does, when the byte after
// it is being added.
func (l *lineSplitter) singleCR() {
	if l.lastChar == '\r' && !l.suppressWeirds && l.a.flagOnce(flagSingleCR) {
		l.a.weirdFrom("CONTENTLINE", "line_terminated_with_single_CR", "")
	}
}

// ordinaryRun is the length of data's prefix free of CR and LF, found
// with two vectorised searches rather than a byte loop.
func ordinaryRun(data []byte) int {
	n := bytes.IndexByte(data, '\n')
	if n < 0 {
		n = len(data)
	}
	if r := bytes.IndexByte(data[:n], '\r'); r >= 0 {
		return r
	}
	return n
}

// emit hands out the buffered line, ended by data[i] (c), and returns the
// bytes consumed.
func (l *lineSplitter) emit(data []byte, i int, c byte) int {
	l.lastChar = c
	l.remaining = len(data) - i - 1
	line := l.buf
	l.buf = l.buf[:0]
	// line is only valid during the call: handlers copy what they keep.
	l.a.line(l.isOrig, line)
	if cap(l.buf) > 64<<10 {
		l.buf = nil // do not keep a huge buffer for short lines
	}
	return i + 1
}

// eof closes an unterminated last line, as a final LF would. The
// direction is over, so an empty line buffer goes too (one still holding
// bytes, which a raw body took the LF from, stays for a later eof).
func (l *lineSplitter) eof() {
	if len(l.buf) > 0 {
		l.deliver([]byte{'\n'})
	}
	if len(l.buf) == 0 {
		l.buf = nil
	}
}
