package http_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/net/live/record"
)

const exchangeTrace = "../../../../testdata/pcap/http-exchange.pcap"

// TestRecordExchange records testdata/pcap/http-exchange.pcap (run with
// -record, as root): Go's net/http client in A talks to a net/http server
// in B on port 80. One keep-alive connection carries two GETs, a POST
// with a body, a GET answered in chunks, a GET answered 404 and a HEAD; a
// second connection makes an HTTP/1.0 request with Connection: close.
// Client ports are fixed so a new recording differs from the committed
// one only in timing and Date headers.
func TestRecordExchange(t *testing.T) {
	record.Trace(t, exchangeTrace, func(p *record.Pair) error {
		srvAddr := netip.AddrPortFrom(record.IPB, 80)
		l, err := p.ListenB(srvAddr)
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: http.HandlerFunc(serve)}
		go srv.Serve(l)
		defer srv.Close()

		// The keep-alive connection, made in A; the client's transport
		// gets it instead of dialling.
		conn, err := p.DialA(40080, srvAddr)
		if err != nil {
			return err
		}
		used := false
		client := &http.Client{Transport: &http.Transport{
			DialContext: func(context.Context, string, string) (net.Conn, error) {
				if used {
					return nil, errors.New("only one connection")
				}
				used = true
				return conn, nil
			},
			MaxIdleConnsPerHost: 1,
			DisableCompression:  true,
		}}
		base := "http://" + srvAddr.String()
		steps := []struct{ method, path, body string }{
			{"GET", "/hello", ""},
			{"GET", "/second?x=1&y=%41", ""},
			{"POST", "/upload", "name=gobro&value=" + strings.Repeat("z", 300)},
			{"GET", "/chunked", ""},
			{"GET", "/missing", ""},
			{"HEAD", "/hello", ""},
		}
		for _, s := range steps {
			var body io.Reader
			if s.body != "" {
				body = strings.NewReader(s.body)
			}
			req, err := http.NewRequest(s.method, base+s.path, body)
			if err != nil {
				return err
			}
			if s.body != "" {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			resp, err := client.Do(req)
			if err != nil {
				return fmt.Errorf("%s %s: %v", s.method, s.path, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		client.CloseIdleConnections()

		// HTTP/1.0 with Connection: close, by hand.
		c, err := p.DialA(40081, srvAddr)
		if err != nil {
			return err
		}
		defer c.Close()
		fmt.Fprintf(c, "GET /hello HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n", srvAddr.Addr())
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err = io.Copy(io.Discard, bufio.NewReader(c))
		return err
	})
}

// serve is the test server's handler.
func serve(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	switch r.URL.Path {
	case "/hello":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "hello, world\n")
	case "/second":
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body>second</body></html>\n")
	case "/upload":
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"received": true}`+"\n")
	case "/chunked":
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 3; i++ {
			fmt.Fprintf(w, "chunk %d of the streamed reply\n", i)
			w.(http.Flusher).Flush()
		}
	default:
		http.NotFound(w, r)
	}
}
