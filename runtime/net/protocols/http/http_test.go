package http

import (
	"slices"
	"strings"
	"testing"
)

// exchange is one piece of a conversation: data from one side, a gap,
// or the end of a side.
type exchange struct {
	orig bool
	data string
	gap  uint64
	eof  bool
}

func c(s string) exchange { return exchange{orig: true, data: s} }
func s(s string) exchange { return exchange{data: s} }

// run feeds a conversation to a new analyser and returns its transcript;
// quiet events are left out.
func run(t *testing.T, quiet []string, ex ...exchange) []string {
	t.Helper()
	r := &recorder{unhandled: map[string]bool{}}
	for _, e := range quiet {
		r.unhandled[e] = true
	}
	a := New(r)
	for _, e := range ex {
		switch {
		case e.eof:
			a.EndOfData(e.orig)
		case e.gap > 0:
			a.Gap(e.orig, e.gap)
		default:
			a.Deliver(e.orig, []byte(e.data))
		}
	}
	a.Done()
	return r.log
}

func check(t *testing.T, got []string, want string) {
	t.Helper()
	w := strings.Split(strings.TrimSpace(want), "\n")
	for i := range w {
		w[i] = strings.TrimSpace(w[i])
	}
	if strings.Join(got, "\n") != strings.Join(w, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
	}
}

func TestGetWithBody(t *testing.T) {
	got := run(t, []string{"http_stats"},
		c("GET /a%20b?x=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: t\r\n\r\n"),
		s("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhel"),
		s("lo"),
	)
	check(t, got, `
		confirm
		http_request "GET" "/a%20b?x=1" "/a b?x=1" "1.1"
		http_begin_entity orig
		http_header orig "Host" "HOST" "example.com"
		http_header orig "User-Agent" "USER-AGENT" "t"
		http_all_headers orig {[original_name="Host" name="HOST" value="example.com"],[original_name="User-Agent" name="USER-AGENT" value="t"]}
		http_content_type orig "TEXT" "PLAIN"
		http_end_entity orig
		file-end orig
		http_message_done orig [interrupted=false finish_msg="message ends normally" body_length=0 content_gap_length=0 header_length=53]
		confirm
		http_reply "1.1" 200 "OK"
		http_begin_entity resp
		http_header resp "Content-Type" "CONTENT-TYPE" "text/plain"
		http_header resp "Content-Length" "CONTENT-LENGTH" "5"
		http_all_headers resp {[original_name="Content-Type" name="CONTENT-TYPE" value="text/plain"],[original_name="Content-Length" name="CONTENT-LENGTH" value="5"]}
		http_content_type resp "TEXT" "PLAIN"
		http_entity_data resp 3 "hel"
		file-size resp 5
		file resp "hel"
		http_entity_data resp 2 "lo"
		file resp "lo"
		http_end_entity resp
		file-end resp
		http_message_done resp [interrupted=false finish_msg="message ends normally" body_length=5 content_gap_length=0 header_length=56]
		file-end orig
	`)
}

func TestPartialHistory(t *testing.T) {
	for h, want := range map[string]bool{
		"ShADadFf": false, // a whole connection
		"DdA":      true,  // joined in the middle (wikipedia.pcap)
		"^hADdFaf": false, // first seen at the SYN-ACK (tcp-missing-syn.pcap)
		"Sh":       false,
		"SaD":      true, // the responder answered without a SYN
		"":         false,
		"CcShAD":   false, // bad-checksum letters do not count
	} {
		if got := partialHistory(h); got != want {
			t.Errorf("partialHistory(%q) = %v, want %v", h, got, want)
		}
	}
}

// TestLineLengthLimit: a line longer than maxLineLength is cut with a
// weird to maxLineLength-1 bytes, the same however the stream is split
// (the splitter copies runs of ordinary bytes at once, so the limit must
// hold inside a run as well as between deliveries).
func TestLineLengthLimit(t *testing.T) {
	long := "GET /" + strings.Repeat("a", maxLineLength) + " HTTP/1.1\r\n"
	uri := "/" + strings.Repeat("a", maxLineLength-1-len("GET /"))
	var first []string
	for _, chunk := range []int{len(long), 4096, 1000003} {
		r := &recorder{unhandled: map[string]bool{}}
		a := New(r)
		for rest := long; rest != ""; {
			n := min(chunk, len(rest))
			a.Deliver(true, []byte(rest[:n]))
			rest = rest[n:]
		}
		a.Done()
		if first == nil {
			first = r.log
			want := []string{
				`weird CONTENTLINE contentline_size_exceeded ""`,
				"confirm",
				`http_request "GET" "` + uri + `" "` + uri + `" "0.9"`,
			}
			if len(r.log) < len(want) || !slices.Equal(r.log[:len(want)], want) {
				t.Fatalf("the cut line is not reported as expected; transcript starts %.200q", r.log)
			}
		} else if !slices.Equal(r.log, first) {
			t.Errorf("chunks of %d bytes: transcript differs from one delivery", chunk)
		}
	}
}

// TestNoData: a connection that carries nothing makes no state; its end
// still reports empty statistics, as Zeek's does.
func TestNoData(t *testing.T) {
	r := &recorder{unhandled: map[string]bool{}}
	a := New(r)
	a.EndOfData(true)
	a.EndOfData(false)
	if a.state != nil {
		t.Fatal("state made without data")
	}
	a.Done()
	check(t, r.log, `
		http_stats [num_requests=0 num_replies=0]
		file-end orig
	`)
}

// TestDoneMessageReleased: a message that is done keeps only what later
// calls still reach: a gap counted against its body's known length, and
// data trailing its end.
func TestDoneMessageReleased(t *testing.T) {
	r := &recorder{unhandled: map[string]bool{"http_stats": true}}
	a := New(r)
	a.Deliver(true, []byte("GET / HTTP/1.1\r\n\r\n"))
	a.Deliver(false, []byte("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
	a.EndOfData(false) // ends the reply 7 bytes short
	if a.replyMsg == nil || !a.replyMsg.finished || a.replyMsg.top != nil {
		t.Fatal("the reply that is done was not released")
	}
	r.log = nil
	a.Gap(false, 3)                  // counts against the 7 bytes
	a.Deliver(false, []byte("wxyz")) // the 4 left go through raw
	a.Gap(false, 1)
	a.Done()
	check(t, r.log, `
		http_event "content gap" "seq=43, len=3"
		file-gap resp 3
		http_event "illegal format" "data trailing the end of entity"
		http_event "content gap" "seq=50, len=1"
		file-gap resp 1
		file-end orig
	`)
}
