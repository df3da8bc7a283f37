package mime

import (
	"encoding/hex"
	"strconv"
)

// The transfer encodings of a body: quoted-printable and base64, both
// decoded a line at a time.

// decodeQuotedPrintable decodes one line; every line but one ending in
// a soft break ("=") gets a CRLF. Bad escapes and control characters
// are kept as they are, with an event each.
func (e *Entity) decodeQuotedPrintable(line []byte) {
	end := len(line) - 1
	for end >= 0 && isLWS(line[end]) {
		end--
	}
	soft := false
	var out []byte
	for i := 0; i <= end; i++ {
		c := line[i]
		switch {
		case c == '=':
			if i == end {
				soft = true
				continue
			}
			// The escape's digits are looked for in the line as sent,
			// trailing blanks included, as Zeek does.
			var b [1]byte
			if i+2 < len(line) {
				if _, err := hex.Decode(b[:], line[i+1:i+3]); err == nil {
					out = append(out, b[0])
					i += 2
					continue
				}
			}
			e.part.Event(IllegalEncoding, "= is not followed by two hexadecimal digits in quoted-printable encoding")
			out = append(out, c)
		case c >= 33 && c <= 126, isLWS(c):
			out = append(out, c)
		default:
			e.part.Event(IllegalEncoding, "control characters in quoted-printable encoding: "+strconv.Itoa(int(int8(c))))
			out = append(out, c)
		}
	}
	if !soft {
		out = append(out, '\r', '\n')
	}
	e.add(out)
}

// A Decoder decodes a body a line at a time.
type Decoder interface {
	// Decode returns the bytes that a line completes.
	Decode(line []byte) []byte
	// Finish returns what is left at the body's end.
	Finish() []byte
}

// Base64Decoder decodes a base64 body across its lines: bytes outside the
// alphabet are skipped and the first padding ends the body (what
// follows it is ignored). The zero value is ready to use.
type Base64Decoder struct {
	quad [4]byte
	n    int
	done bool
}

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// base64Values maps a byte to its value in the alphabet, or -1.
var base64Values = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(base64Alphabet); i++ {
		t[base64Alphabet[i]] = int8(i)
	}
	return t
}()

// Decode implements Decoder.
func (d *Base64Decoder) Decode(line []byte) []byte {
	var out []byte
	for _, c := range line {
		if d.done {
			break
		}
		if c == '=' {
			d.done = true
			break
		}
		v := base64Values[c]
		if v < 0 {
			continue
		}
		d.quad[d.n] = byte(v)
		d.n++
		if d.n == 4 {
			out = append(out, d.quad[0]<<2|d.quad[1]>>4, d.quad[1]<<4|d.quad[2]>>2, d.quad[2]<<6|d.quad[3])
			d.n = 0
		}
	}
	if d.done {
		out = append(out, d.Finish()...)
	}
	return out
}

// Finish implements Decoder: it returns the bytes of a final, partial
// group (none for a lone character) and starts a new group.
func (d *Base64Decoder) Finish() []byte {
	var out []byte
	switch d.n {
	case 2:
		out = []byte{d.quad[0]<<2 | d.quad[1]>>4}
	case 3:
		out = []byte{d.quad[0]<<2 | d.quad[1]>>4, d.quad[1]<<4 | d.quad[2]>>2}
	}
	d.n = 0
	return out
}

// Partial reports whether characters of an incomplete group are held.
func (d *Base64Decoder) Partial() bool { return d.n > 0 }
