package http

import (
	"testing"
)

// FuzzAnalyzer feeds arbitrary bytes to the analyser as a conversation:
// each control byte picks the direction, the size of the next piece and
// now and then a gap or a direction's end, so the parser meets every
// split of lines, headers, chunk sizes and bodies. It must neither panic
// nor hang.
func FuzzAnalyzer(f *testing.F) {
	seeds := []string{
		"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc",
		"POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX: y\r\n\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nab",
		"POST /u HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 40\r\n\r\n--XX\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n--XX--",
		"HTTP/1.1 206 Partial\r\nContent-Range: bytes 5-9/100\r\nContent-Length: 5\r\n\r\n12345",
		"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n\x1f\x8b\x08\x00",
		"GET /\r\n",
		"CONNECT h:1 HTTP/1.1\r\n\r\n",
		"HTTP/1.1 101 Switching\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n",
		"GET /%u00%%4 HTTP/1.1\n\rHost\r\n :x\r\n\r\n",
	}
	for i, s := range seeds {
		f.Add(byte(i), []byte(s))
		f.Add(byte(i*37+1), []byte(seeds[0]+s))
	}
	f.Fuzz(func(t *testing.T, ctl byte, data []byte) { fuzzOne(ctl, data) })
}

// fuzzOne runs one fuzz input.
func fuzzOne(ctl byte, data []byte) {
	{
		r := &recorder{quiet: true, unhandled: map[string]bool{}}
		if ctl&0x80 != 0 {
			r.unhandled["http_all_headers"] = true
		}
		a := New(r)
		state := uint32(ctl) | 1
		next := func() uint32 {
			state ^= state << 13
			state ^= state >> 17
			state ^= state << 5
			return state
		}
		isOrig := true
		for len(data) > 0 {
			x := next()
			n := int(x%64) + 1
			if n > len(data) {
				n = len(data)
			}
			switch x % 23 {
			case 0:
				a.Gap(isOrig, uint64(x%9)+1)
			case 1:
				a.EndOfData(isOrig)
			default:
				a.Deliver(isOrig, data[:n])
				data = data[n:]
			}
			if x%5 == 0 {
				isOrig = !isOrig
			}
		}
		a.EndOfData(true)
		a.EndOfData(false)
		a.Done()
	}
}
