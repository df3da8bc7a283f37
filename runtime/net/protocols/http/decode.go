package http

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"io"
)

// Body decodings: quoted-printable and base64 transfer encodings, and
// gzip/deflate content encodings.

// maxZipped bounds the compressed body kept for inflating, and
// maxInflated what inflating one body may produce.
const (
	maxZipped   = 16 << 20
	maxInflated = 64 << 20
)

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeQuotedPrintable decodes one line; every line but one ending in a
// soft break ("=") gets a CRLF.
func (e *entity) decodeQuotedPrintable(data []byte) {
	end := len(data) - 1
	for end >= 0 && (data[end] == ' ' || data[end] == '\t') {
		end--
	}
	soft := false
	var out []byte
	for i := 0; i <= end; i++ {
		c := data[i]
		switch {
		case c == '=':
			if i == end {
				soft = true
				continue
			}
			if i+2 < len(data) {
				if a, b := unhex(data[i+1]), unhex(data[i+2]); a >= 0 && b >= 0 {
					out = append(out, byte(a<<4|b))
					i += 2
					continue
				}
			}
			e.msg.event("illegal encoding", "= is not followed by two hexadecimal digits in quoted-printable encoding")
			out = append(out, c)
		case c >= 33 && c <= 126, c == ' ', c == '\t':
			out = append(out, c)
		default:
			e.msg.event("illegal encoding", "control characters in quoted-printable encoding: "+itoa(int(int8(c))))
			out = append(out, c)
		}
	}
	if !soft {
		out = append(out, '\r', '\n')
	}
	e.dataOctets(out)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// base64Decoder decodes across lines, skipping characters outside the
// alphabet and stopping at padding.
type base64Decoder struct {
	quad [4]byte
	n    int
	done bool
}

func b64value(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

func (d *base64Decoder) decode(data []byte) []byte {
	var out []byte
	for _, c := range data {
		if d.done {
			break
		}
		if c == '=' {
			d.done = true
			break
		}
		v := b64value(c)
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
		out = append(out, d.finish()...)
	}
	return out
}

// finish returns the bytes of a final, partial group.
func (d *base64Decoder) finish() []byte {
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

// inflate decompresses a whole gzip or deflate body, returning what it
// could and whether the stream was sound. Deflate bodies come with or
// without the zlib wrapper in the wild; both are tried.
func inflate(kind int, data []byte) ([]byte, bool) {
	var r io.Reader
	if kind == gzipped {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, false
		}
		r = zr
	} else {
		if len(data) >= 2 && data[0]&0x0f == 8 && (uint16(data[0])<<8|uint16(data[1]))%31 == 0 {
			data = data[2:] // zlib header
		}
		r = flate.NewReader(bytes.NewReader(data))
	}
	out, err := io.ReadAll(io.LimitReader(r, maxInflated))
	return out, err == nil
}
