package smtp

import (
	"strconv"
	"strings"
)

// defaultBDATMaxLine is SMTP::bdat_max_line_length's default.
const defaultBDATMaxLine = 4096

// bdat is the state of a mail sent in BDAT chunks (RFC 3030): the bytes
// of the chunk still to come, whether it is the last, and the partial
// line carried from one chunk to the next. The chunks' bytes bypass the
// command line splitter: they are cut into lines here (CRLF or LF ends
// one; no dot-unstuffing) and go to the mail as DATA's lines do, but
// without smtp_data. A line longer than SMTP::bdat_max_line_length is
// cut there, with the weird smtp_bdat_line_too_long.
type bdat struct {
	left    uint64
	last    bool
	buf     []byte
	maxLine int
	skipLF  bool // the command line ended in a lone CR: an LF may follow
}

// parseBDAT reads BDAT's argument, "size" or "size LAST".
func parseBDAT(arg string) (size uint64, last, ok bool) {
	f := strings.Fields(arg)
	if len(f) == 0 || len(f) > 2 {
		return 0, false, false
	}
	size, err := strconv.ParseUint(f[0], 10, 64)
	if err != nil {
		return 0, false, false
	}
	if len(f) == 2 {
		if !strings.EqualFold(f[1], "LAST") {
			return 0, false, false
		}
		last = true
	}
	return size, last, true
}

// startChunk: a valid BDAT command; its chunk follows it.
func (a *Analyzer) startChunk(size uint64, last bool, isOrig bool) {
	if a.mail == nil {
		a.mail = newMail(a, isOrig)
	}
	a.bdat.left, a.bdat.last = size, last
	a.bdat.skipLF = a.lines.PendingLF(isOrig)
	if size == 0 {
		a.chunkDone()
	}
}

// chunk takes the bytes of the chunk under way from data and returns
// the rest.
func (a *Analyzer) chunk(data []byte) []byte {
	if a.bdat.skipLF && len(data) > 0 {
		a.bdat.skipLF = false
		if data[0] == '\n' {
			data = data[1:]
		}
	}
	n := uint64(len(data))
	if n > a.bdat.left {
		n = a.bdat.left
	}
	max := a.bdat.maxLine
	if max <= 0 {
		max = defaultBDATMaxLine
	}
	for _, c := range data[:n] {
		if c == '\n' {
			l := a.bdat.buf
			if len(l) > 0 && l[len(l)-1] == '\r' {
				l = l[:len(l)-1]
			}
			a.bdatLine(l)
			continue
		}
		// A full line is cut when more of it comes (not at its CR).
		if n := len(a.bdat.buf); c != '\r' && n >= max && (n > max || a.bdat.buf[n-1] != '\r') {
			a.weird("smtp_bdat_line_too_long")
			a.bdatLine(a.bdat.buf)
		}
		a.bdat.buf = append(a.bdat.buf, c)
	}
	a.bdat.left -= n
	if a.bdat.left == 0 {
		a.chunkDone()
	}
	return data[n:]
}

func (a *Analyzer) bdatLine(l []byte) {
	if a.mail != nil {
		a.mail.deliver(l)
	}
	a.bdat.buf = a.bdat.buf[:0]
}

// chunkDone: the chunk is complete. After the last one the mail ends
// (a partial last line is its last line) and the session waits for the
// reply.
func (a *Analyzer) chunkDone() {
	if !a.bdat.last {
		return
	}
	a.bdat.last = false
	if len(a.bdat.buf) > 0 {
		a.bdatLine(a.bdat.buf)
	}
	a.endData()
	a.state = stAfterData
}

// endBDAT forgets a BDAT mail under way (RSET, a gap): it ends as it is.
func (a *Analyzer) endBDAT() {
	a.bdat.left, a.bdat.last, a.bdat.skipLF = 0, false, false
	a.bdat.buf = a.bdat.buf[:0]
	if a.mail != nil {
		a.endData()
	}
}
