package http

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	// Named apart from this package's own exchange (http_test.go).
	tcpexchange "github.com/gobro/gobro/runtime/net/protocols/exchange"
)

// conversation is a whole HTTP/1.1 exchange cut into segments, with
// what a correct parse of it must report.
type conversation struct {
	tcpexchange.Exchange
	messages int // requests and replies
	// lastBody is the body length of the last reply, so that a parse
	// that stopped early cannot pass for a whole one.
	lastBody int
}

// calls parses the conversation once with a recorder that writes every
// callback down, fails unless each message was seen and ended normally
// without a violation or a weird, and returns how many callbacks the
// parse makes: every quiet run must count as many.
func (c *conversation) calls(b *testing.B) int {
	r := &recorder{}
	c.Feed(New(r))
	done, last := 0, ""
	for _, l := range r.log {
		switch {
		case strings.HasPrefix(l, "violation"), strings.HasPrefix(l, "weird"):
			b.Fatalf("the analyser rejects the conversation: %s", l)
		case strings.HasPrefix(l, "http_message_done"):
			if !strings.Contains(l, `finish_msg="message ends normally"`) {
				b.Fatalf("a message did not end normally: %s", l)
			}
			done++
			if strings.HasPrefix(l, "http_message_done resp") {
				last = l
			}
		}
	}
	if done != c.messages {
		b.Fatalf("%d messages done, want %d", done, c.messages)
	}
	if want := fmt.Sprintf(" body_length=%d ", c.lastBody); !strings.Contains(last, want) {
		b.Fatalf("last reply %q, want%s", last, want)
	}
	return len(r.log)
}

// benchBody is n bytes that look like compressed data: all byte values,
// CR and LF among them, which a body of known length must pass raw.
func benchBody(n int) []byte {
	body := make([]byte, n)
	x := uint32(2463534242)
	for i := range body {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		body[i] = byte(x)
	}
	return body
}

const benchRequest = "GET /download/archive.tar.gz HTTP/1.1\r\nHost: files.example.com\r\n" +
	"User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n" +
	"Accept: */*\r\nAccept-Encoding: gzip, deflate, br\r\nConnection: keep-alive\r\n\r\n"

// bulkBody is one request answered with a body of the given size whose
// length the reply states.
func bulkBody(size int) *conversation {
	c := &conversation{messages: 2, lastBody: size}
	c.Send(true, []byte(benchRequest))
	reply := "HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nDate: Wed, 26 Nov 2025 10:00:00 GMT\r\n" +
		"Content-Type: application/gzip\r\nContent-Length: " + strconv.Itoa(size) + "\r\n" +
		"Last-Modified: Mon, 24 Nov 2025 08:00:00 GMT\r\nETag: \"5f3a-64a1\"\r\nAccept-Ranges: bytes\r\n\r\n"
	c.Send(false, append([]byte(reply), benchBody(size)...))
	c.Flush()
	return c
}

// chunked is one request answered with a chunked body of the given size
// in chunks of chunkSize bytes (the last may be shorter).
func chunked(size, chunkSize int) *conversation {
	c := &conversation{messages: 2, lastBody: size}
	c.Send(true, []byte(benchRequest))
	reply := []byte("HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nDate: Wed, 26 Nov 2025 10:00:00 GMT\r\n" +
		"Content-Type: application/gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
	body := benchBody(size)
	for len(body) > 0 {
		n := min(chunkSize, len(body))
		reply = strconv.AppendInt(reply, int64(n), 16)
		reply = append(reply, "\r\n"...)
		reply = append(reply, body[:n]...)
		reply = append(reply, "\r\n"...)
		body = body[n:]
	}
	c.Send(false, append(reply, "0\r\n\r\n"...))
	c.Flush()
	return c
}

// manyRequests is n keep-alive request/reply pairs: mostly GETs of small
// resources, every fourth a POST of a small form, each answered with a
// small JSON body. The headers are most of the bytes.
func manyRequests(n int) *conversation {
	c := &conversation{messages: 2 * n}
	for i := range n {
		id := strconv.Itoa(i)
		common := "Host: api.example.com\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n" +
			"Accept: application/json\r\nAccept-Encoding: gzip, deflate, br\r\nCookie: session=8f2c1e9a7b3d4f60; theme=dark\r\n"
		if i%4 == 3 {
			form := "item=" + id + "&qty=1&note=hello+world"
			c.Send(true, []byte("POST /api/cart HTTP/1.1\r\n"+common+
				"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "+strconv.Itoa(len(form))+"\r\n\r\n"+form))
		} else {
			c.Send(true, []byte("GET /api/items/"+id+"?fields=name,price HTTP/1.1\r\n"+common+"\r\n"))
		}
		body := `{"id":` + id + `,"name":"item ` + id + `","price":"12.50","tags":["a","b"],"stock":true}`
		c.Send(false, []byte("HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nDate: Wed, 26 Nov 2025 10:00:00 GMT\r\n"+
			"Content-Type: application/json; charset=utf-8\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n"+
			"Cache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n"+body))
		c.lastBody = len(body)
	}
	c.Flush()
	return c
}

// BenchmarkAnalyzer measures the analyser's throughput over both
// directions of a large conversation, with every event handled as a
// script that handles them all would make it build them: a body of
// known length, a chunked body, and many small messages (the header
// path, also as messages per second).
func BenchmarkAnalyzer(b *testing.B) {
	for _, bc := range []struct {
		name string
		conv func() *conversation
		// msgRate adds messages per second, telling for small ones.
		msgRate bool
	}{
		{"bulk-body", func() *conversation { return bulkBody(4 << 20) }, false},
		{"chunked", func() *conversation { return chunked(4<<20, 8<<10) }, false},
		{"many-requests", func() *conversation { return manyRequests(2000) }, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := bc.conv()
			want := c.calls(b)
			b.SetBytes(int64(c.Total))
			b.ReportAllocs()
			runs := 0
			for b.Loop() {
				r := &recorder{quiet: true}
				c.Feed(New(r))
				if r.n != want {
					b.Fatalf("%d callbacks, want %d", r.n, want)
				}
				runs++
			}
			if bc.msgRate {
				b.ReportMetric(float64(runs*c.messages)/b.Elapsed().Seconds(), "msgs/s")
			}
		})
	}
}
