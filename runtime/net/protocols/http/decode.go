package http

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"io"
)

// Content encodings of a body: gzip and deflate. (The transfer
// encodings are the mime package's.)

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
