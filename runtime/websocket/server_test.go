package websocket

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	ws "github.com/coder/websocket"

	"github.com/gobro/gobro/runtime/broker"
)

// recorder is a Handler that keeps what clients did.
type recorder struct {
	mu       sync.Mutex
	added    []string
	messages []string
	lost     []string
	got      chan string
}

func newRecorder() *recorder { return &recorder{got: make(chan string, 1000)} }

func (r *recorder) Added(c *Client) {
	r.mu.Lock()
	r.added = append(r.added, fmt.Sprintf("%s %q %v", c.ID, c.AppName, c.Subscriptions))
	r.mu.Unlock()
}
func (r *recorder) Message(c *Client, topic string, d broker.Data) {
	m := topic + " " + broker.Render(d)
	r.mu.Lock()
	r.messages = append(r.messages, m)
	r.mu.Unlock()
	r.got <- m
}
func (r *recorder) Lost(c *Client, code int, reason string) {
	r.mu.Lock()
	r.lost = append(r.lost, fmt.Sprintf("%s %d %s", c.ID, code, reason))
	r.mu.Unlock()
}

func (r *recorder) lostList() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.lost)
}

func start(t *testing.T, opts Options, h Handler) *Server {
	t.Helper()
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	opts.NodeID, opts.Version = "node", "test-1"
	s, err := Listen(opts, h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func url(s *Server, path string) string { return "ws://" + s.Addr().String() + path }

func dial(t *testing.T, u string, opts *ws.DialOptions) *ws.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := ws.Dial(ctx, u, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.CloseNow() })
	return c
}

func send(t *testing.T, c *ws.Conn, msg string) {
	t.Helper()
	if err := c.Write(context.Background(), ws.MessageText, []byte(msg)); err != nil {
		t.Fatal(err)
	}
}

func recv(t *testing.T, c *ws.Conn) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, msg, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return string(msg)
}

// closeCode reads until the connection ends and returns its close code.
func closeCode(t *testing.T, c *ws.Conn) ws.StatusCode {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		if _, _, err := c.Read(ctx); err != nil {
			return ws.CloseStatus(err)
		}
	}
}

func TestHandshakeAndMessages(t *testing.T) {
	r := newRecorder()
	s := start(t, Options{}, r)
	c := dial(t, url(s, Path), &ws.DialOptions{HTTPHeader: http.Header{"X-Application-Name": {"tester"}}})
	send(t, c, `["zeek.test", "other/"]`)
	if got := recv(t, c); got != `{"type":"ack","endpoint":"node-websocket-1","version":"test-1"}` {
		t.Fatalf("ack: %s", got)
	}
	// Output goes to clients subscribed to a prefix of the topic only.
	s.Publish("zeek.test.x", broker.Count(1))
	s.Publish("nobody/", broker.Count(2))
	s.Publish("other/y", broker.String("z"))
	for _, want := range []string{
		`{"type":"data-message","topic":"zeek.test.x","@data-type":"count","data":1}`,
		`{"type":"data-message","topic":"other/y","@data-type":"string","data":"z"}`,
	} {
		if got := recv(t, c); got != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
	}
	// Bad messages are answered, and the connection goes on.
	for msg, want := range map[string]string{
		`nope`:                            `{"type":"error","code":"deserialization_failed","context":"failed to decode JSON object"}`,
		`[1,2]`:                           `{"type":"error","code":"deserialization_failed","context":"failed to decode JSON object"}`,
		`{"@data-type":"count","data":1}`: `{"type":"error","code":"deserialization_failed","context":"no topic in top-level JSON object"}`,
		`{"type":"data-message","topic":"t","@data-type":"count","data":-1}`: `{"type":"error","code":"deserialization_failed","context":"failed to decode JSON object"}`,
	} {
		send(t, c, msg)
		if got := recv(t, c); got != want {
			t.Errorf("%s: got %s\nwant %s", msg, got, want)
		}
	}
	send(t, c, `{"type":"data-message","topic":"in/x","@data-type":"integer","data":-5}`)
	if got := <-r.got; got != "in/x -5" {
		t.Errorf("message: %s", got)
	}
	c.Close(ws.StatusNormalClosure, "bye")
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		lost := strings.Join(r.lost, ";")
		r.mu.Unlock()
		if lost != "" {
			if lost != "node-websocket-1 1000 bye" {
				t.Errorf("lost: %s", lost)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no Lost")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := strings.Join(r.added, ";"); got != `node-websocket-1 "tester" [zeek.test other/]` {
		t.Errorf("added: %s", got)
	}
}

func TestRefusals(t *testing.T) {
	r := newRecorder()
	s := start(t, Options{}, r)
	for _, tc := range []struct {
		path, app, first, want string
	}{
		{"/v1/messages/binary", "", "", `{"type":"error","code":"invalid_uri","context":"Invalid URI - use /v1/messages/json"}`},
		{Path, "bad name!", "", `{"type":"error","code":"invalid_application_name","context":"Invalid X-Application-Name"}`},
		{Path, "", `{"a":1}`, `{"type":"error","code":"deserialization_failed","context":"subscriptions not an array"}`},
		{Path, "", `["a", 1]`, `{"type":"error","code":"deserialization_failed","context":"individual subscription not a string"}`},
	} {
		opts := &ws.DialOptions{}
		if tc.app != "" {
			opts.HTTPHeader = http.Header{"X-Application-Name": {tc.app}}
		}
		c := dial(t, url(s, tc.path), opts)
		if tc.first != "" {
			send(t, c, tc.first)
		}
		if got := recv(t, c); got != tc.want {
			t.Errorf("%s %q %s: got %s", tc.path, tc.app, tc.first, got)
		}
		if code := closeCode(t, c); code != ws.StatusPolicyViolation {
			t.Errorf("%s: close code %d, want 1008", tc.path, code)
		}
	}
	if len(r.added) != 0 {
		t.Errorf("refused clients were added: %v", r.added)
	}
}

// TestLimits: a message over MaxMessage closes only its connection
// (1009); a client that reads nothing is disconnected once its queue is
// full, while the others get every message.
func TestLimits(t *testing.T) {
	r := newRecorder()
	s := start(t, Options{MaxMessage: 1024, QueueLen: 8}, r)
	big := dial(t, url(s, Path), nil)
	send(t, big, `["t/"]`)
	recv(t, big)
	good := dial(t, url(s, Path), nil)
	good.SetReadLimit(1 << 20)
	send(t, good, `["t/"]`)
	recv(t, good)
	send(t, big, `{"type":"data-message","topic":"x","@data-type":"string","data":"`+strings.Repeat("a", 4096)+`"}`)
	if code := closeCode(t, big); code != ws.StatusMessageTooBig {
		t.Errorf("huge message: close code %d, want 1009", code)
	}

	stalled := dial(t, url(s, Path), nil)
	send(t, stalled, `["t/"]`)
	// It never reads: its queue fills and the server drops it, while
	// good reads along.
	payload := broker.String(strings.Repeat("p", 64<<10))
	for i := 0; i < 200; i++ {
		s.Publish("t/x", payload)
		recv(t, good)
	}
	closeCode(t, stalled) // its connection ends, however far it read
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Contains(r.lostList(), "node-websocket-3 1008 client too slow: outgoing queue full") {
		if time.Now().After(deadline) {
			t.Fatalf("the stalled client was not dropped: %v", r.lostList())
		}
		time.Sleep(10 * time.Millisecond)
	}
	send(t, good, `{"type":"data-message","topic":"still/here","@data-type":"boolean","data":true}`)
	if got := <-r.got; got != "still/here T" {
		t.Errorf("good client after the others: %s", got)
	}
}

// TestManyClients: 200 clients at once each get what is published.
func TestManyClients(t *testing.T) {
	s := start(t, Options{}, newRecorder())
	const n = 200
	conns := make([]*ws.Conn, n)
	for i := range conns {
		conns[i] = dial(t, url(s, Path), nil)
		send(t, conns[i], `["many/"]`)
	}
	for _, c := range conns {
		recv(t, c) // ack
	}
	s.Publish("many/x", broker.Count(7))
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for _, c := range conns {
		wg.Add(1)
		go func(c *ws.Conn) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_, msg, err := c.Read(ctx)
			if err == nil && string(msg) != `{"type":"data-message","topic":"many/x","@data-type":"count","data":7}` {
				err = errors.New(string(msg))
			}
			errs <- err
		}(c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestToken(t *testing.T) {
	s := start(t, Options{Token: "s3cret"}, newRecorder())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, resp, err := ws.Dial(ctx, url(s, Path), nil); err == nil || resp == nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token: %v", err)
	}
	c := dial(t, url(s, Path), &ws.DialOptions{HTTPHeader: http.Header{"Authorization": {"Bearer s3cret"}}})
	send(t, c, `[]`)
	if got := recv(t, c); !strings.Contains(got, `"type":"ack"`) {
		t.Errorf("with the token: %s", got)
	}
}

// TestMutualTLS: with TLS and client certificates required, a client
// with a certificate of the CA gets in and one without does not.
func TestMutualTLS(t *testing.T) {
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"}, IsCA: true,
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, _ := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	ca, _ := x509.ParseCertificate(caDER)
	leaf := func(cn string, usage x509.ExtKeyUsage) tls.Certificate {
		key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: cn},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
			ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}}
		der, _ := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	srv := &tls.Config{Certificates: []tls.Certificate{leaf("server", x509.ExtKeyUsageServerAuth)},
		ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert}
	s := start(t, Options{TLS: srv}, newRecorder())
	u := "wss://" + s.Addr().String() + Path
	client := func(certs []tls.Certificate) *http.Client {
		return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: certs}}}
	}
	c := dial(t, u, &ws.DialOptions{HTTPClient: client([]tls.Certificate{leaf("client", x509.ExtKeyUsageClientAuth)})})
	send(t, c, `[]`)
	if got := recv(t, c); !strings.Contains(got, `"type":"ack"`) {
		t.Errorf("with a client certificate: %s", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, _, err := ws.Dial(ctx, u, &ws.DialOptions{HTTPClient: client(nil)}); err == nil {
		t.Error("a client without a certificate got in")
	}
}

// TestPing: with a ping interval, a client that answers pings stays and
// one whose connection no longer answers (its reads stopped, so pongs
// are never sent) is dropped.
func TestPing(t *testing.T) {
	r := newRecorder()
	s := start(t, Options{PingInterval: 50 * time.Millisecond}, r)
	live := dial(t, url(s, Path), nil)
	send(t, live, `[]`)
	recv(t, live)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { // keep reading, which answers pings
		for {
			if _, _, err := live.Read(ctx); err != nil {
				return
			}
		}
	}()
	dead := dial(t, url(s, Path), nil)
	send(t, dead, `[]`)
	recv(t, dead) // and then never reads again: no pongs
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Contains(r.lostList(), "node-websocket-2 1008 no answer to ping") {
		if time.Now().After(deadline) {
			t.Fatalf("the silent client was not dropped: %v", r.lostList())
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // several more pings
	if l := r.lostList(); len(l) != 1 {
		t.Errorf("lost: %v, want only the silent client", l)
	}
}
