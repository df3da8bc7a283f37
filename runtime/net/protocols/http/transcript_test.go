package http

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const (
	multipartBody = "--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nline1\r\nline2\r\n--XX--"
	encodedBody   = "--b 1\r\nContent-Transfer-Encoding: base64\r\n\r\naGVs\r\nbG8=\r\n--b 1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=3Db=\r\nc\r\n--b 1--\r\n"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts in testdata/")

// TestTranscripts runs conversations and compares what the analyser
// reports with testdata/<name>.txt, transcripts checked by hand against
// Zeek's HTTP analyser (-update rewrites them, to be reviewed again).
func TestTranscripts(t *testing.T) {
	for name, ex := range map[string][]exchange{
		"pipelined": {
			c("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\nHEAD /3 HTTP/1.1\r\n\r\n"),
			s("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"),
		},
		"chunked": {
			c("POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n"),
			s("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nwxyz\r\n2\r\n12\r\n0\r\n\r\n"),
		},
		"304-close": {
			c("GET / HTTP/1.0\r\n\r\n"),
			s("HTTP/1.0 304 Not Modified\r\nContent-Length: 10\r\n\r\n"),
			s("HTTP/1.0 200 OK\r\nConnection: close\r\n\r\nrest until close"),
			{eof: true},
		},
		"multipart": {
			// The closing boundary lacks its CRLF: the body's known
			// length ends the line.
			c("POST /u HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: " + strconv.Itoa(len(multipartBody)) + "\r\n\r\n"),
			c(multipartBody),
			s("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"),
		},
		"connect": {
			c("CONNECT h:443 HTTP/1.1\r\n\r\n"),
			s("HTTP/1.1 200 Connection established\r\n\r\n\x16\x03\x01"),
			c("\x16\x03\x01\x00"),
		},
		"http09": {
			c("GET /\r\n"),
			s("<html>hi</html>"),
			{eof: true},
		},
		"garbage": {
			c("\x01\x02\x03 hello\r\n"),
			s("junk\r\n"),
		},
		"unknown-method": {
			c("FOO /x HTTP/1.1\r\n\r\n"),
			s("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n"),
		},
		"no-crlf": {
			c("GET /a HTTP/1.1\nHost: h\n\n"),
			s("HTTP/1.1 200 OK\rContent-Length: 1\r\rx"),
		},
		"gzip": {
			c("GET /z HTTP/1.1\r\n\r\n"),
			s("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 25\r\n\r\n\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcbH\xcd\xc9\xc9\x07\x00\x86\xa6\x106\x05\x00\x00\x00"),
		},
		"gap": {
			c("GET / HTTP/1.1\r\n\r\n"),
			s("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab"),
			{gap: 4},
			s("cdef"),
		},
		"content-length-overflow": {
			c("GET /big HTTP/1.1\r\n\r\n"),
			s("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\nAAAA"),
			{eof: true},
		},
		"interim-and-final": {
			c("POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"),
			s("HTTP/1.1 100 Continue\r\n\r\n"),
			c("ok"),
			s("HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"),
		},
		"encodings": {
			c("POST /m HTTP/1.1\r\nContent-Type: multipart/mixed; boundary=\"b 1\"\r\nContent-Length: " + strconv.Itoa(len(encodedBody)) + "\r\n\r\n"),
			c(encodedBody),
		},
		"bad-uri-escapes": {
			c("GET /%zz/%%41/%u0041/%4 HTTP/1.1\r\n\r\n"),
		},
	} {
		t.Run(name, func(t *testing.T) {
			got := strings.Join(run(t, []string{"http_all_headers"}, ex...), "\n") + "\n"
			file := filepath.Join("testdata", name+".txt")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("transcript differs from %s:\ngot:\n%s\nwant:\n%s", file, got, want)
			}
		})
	}
}
