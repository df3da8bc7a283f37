// Package websocket serves Zeek's WebSocket API (JSON v1): clients
// connect to /v1/messages/json, send the topic prefixes they subscribe
// to, get an ack, then exchange data messages rendered as
// runtime/broker's JSON. The package knows connections and topics only;
// what a message means (a Zeek event) is the engine's business, reached
// through Handler on the server's goroutines.
package websocket

import (
	"context"
	"crypto/subtle"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
	"sync"
	"time"

	ws "github.com/coder/websocket"

	"github.com/gobro/gobro/runtime/broker"
)

// Path is the one URL path clients may connect to.
const Path = "/v1/messages/json"

// Options configure a server.
type Options struct {
	// Addr is the host:port to listen on.
	Addr string
	// TLS, when set, serves wss:// (with ClientAuth for mutual TLS).
	TLS *tls.Config
	// Token, when set, must come as "Authorization: Bearer <Token>" with
	// the upgrade request; others are refused with 401 before any
	// WebSocket traffic (a gobro addition: Zeek relies on TLS only).
	Token string
	// NodeID prefixes client endpoint ids: "<NodeID>-websocket-<n>".
	NodeID string
	// Version is what the ack reports as the server's version.
	Version string
	// MaxMessage bounds a client message in bytes; a bigger one closes
	// the connection with 1009 (message too big). 0 means 1 MiB.
	MaxMessage int64
	// QueueLen is how many outgoing messages may wait for a client; one
	// that falls further behind is disconnected, so a stalled client
	// costs bounded memory and never slows the others. 0 means 4096.
	QueueLen int
	// PingInterval is how often clients are pinged; one that does not
	// answer within it is dropped (a peer gone without closing). 0 sends
	// no pings.
	PingInterval time.Duration
}

// Client is one connected client.
type Client struct {
	// ID is its endpoint id, as the ack told it.
	ID string
	// Remote is its address.
	Remote netip.AddrPort
	// AppName is its X-Application-Name header, "" without one.
	AppName string
	// Subscriptions are the topic prefixes of its handshake.
	Subscriptions []string

	conn *ws.Conn
	out  chan []byte
	once sync.Once
	gone chan struct{}
	// code and reason are set when the server closes the connection.
	code   ws.StatusCode
	reason string
}

// Handler learns what clients do. Its methods are called on the
// server's goroutines, one client at a time per client.
type Handler interface {
	// Added: the client finished its handshake.
	Added(c *Client)
	// Message: the client published d on topic.
	Message(c *Client, topic string, d broker.Data)
	// Lost: the client is gone, with the close code and reason it sent
	// (or that the server gave it).
	Lost(c *Client, code int, reason string)
}

// Server is a listening WebSocket API server.
type Server struct {
	opts Options
	h    Handler
	ln   net.Listener
	http *http.Server

	// ctx ends with Close: every read and write waits on it.
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	clients map[*Client]struct{}
	n       int
	wg      sync.WaitGroup
}

// handshakeTimeout bounds the wait for a client's subscriptions.
const handshakeTimeout = 30 * time.Second

// Listen starts serving on opts.Addr.
func Listen(opts Options, h Handler) (*Server, error) {
	if opts.MaxMessage <= 0 {
		opts.MaxMessage = 1 << 20
	}
	if opts.QueueLen <= 0 {
		opts.QueueLen = 4096
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, err
	}
	if opts.TLS != nil {
		ln = tls.NewListener(ln, opts.TLS)
	}
	s := &Server{opts: opts, h: h, ln: ln, clients: map[*Client]struct{}{}}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.http = &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 10 * time.Second,
		// Failed handshakes (a client without a certificate) are the
		// client's business, not lines on our stderr.
		ErrorLog: log.New(io.Discard, "", 0)}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.http.Serve(ln)
	}()
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Close stops listening and disconnects every client (going away,
// 1001), waiting for their goroutines.
func (s *Server) Close() error {
	err := s.http.Close()
	s.mu.Lock()
	for c := range s.clients {
		c.close(ws.StatusGoingAway, "server shutting down")
	}
	s.mu.Unlock()
	// Clients answer the close frame; those that do not in time (and
	// connections still in their handshake) are cut.
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		s.cancel()
		<-done
	}
	s.cancel()
	return err
}

// Publish sends d on topic to every client subscribed to a prefix of it.
func (s *Server) Publish(topic string, d broker.Data) {
	var msg []byte
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		if !subscribed(c.Subscriptions, topic) {
			continue
		}
		if msg == nil {
			msg = broker.AppendDataMessage(nil, topic, d)
		}
		c.send(msg)
	}
}

// subscribed: Zeek matches topics by plain string prefix.
func subscribed(prefixes []string, topic string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(topic, p) {
			return true
		}
	}
	return false
}

// Error sends a client an error message; the connection stays.
func (s *Server) Error(c *Client, code, context string) {
	c.send(errorMessage(code, context))
}

func errorMessage(code, context string) []byte {
	msg, _ := json.Marshal(struct {
		Type    string `json:"type"`
		Code    string `json:"code"`
		Context string `json:"context"`
	}{"error", code, context})
	return msg
}

// stallLimit is how long a full client queue may hold a sender up; a
// client that does not catch up within it is dropped.
const stallLimit = time.Second

// send queues a message for the client. A full queue holds the sender up
// (a burst larger than the queue still arrives whole) until stallLimit,
// then the client is disconnected: a stalled client costs bounded memory
// and delays others once, by stallLimit at most.
func (c *Client) send(msg []byte) {
	select {
	case <-c.gone:
		return
	case c.out <- msg:
		return
	default:
	}
	t := time.NewTimer(stallLimit)
	defer t.Stop()
	select {
	case <-c.gone:
	case c.out <- msg:
	case <-t.C:
		// No close handshake: the client is not reading.
		c.end(ws.StatusPolicyViolation, "client too slow: outgoing queue full", true)
	}
}

// close ends the connection once, with a close handshake.
func (c *Client) close(code ws.StatusCode, reason string) { c.end(code, reason, false) }

// end ends the connection once: with a close handshake, or at once.
func (c *Client) end(code ws.StatusCode, reason string, now bool) {
	c.once.Do(func() {
		c.code, c.reason = code, reason
		close(c.gone)
		if now {
			c.conn.CloseNow()
		}
		// Otherwise the writer sends what is queued, then the close.
	})
}

// appName is what X-Application-Name may hold (as Zeek checks it).
var appName = regexp.MustCompile(`^[-/_.=:*@a-zA-Z0-9]+$`)

// serve runs one connection.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.opts.Token != "" {
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) != 1 {
			http.Error(w, "missing or wrong bearer token", http.StatusUnauthorized)
			return
		}
	}
	conn, err := ws.Accept(w, r, nil)
	if err != nil {
		return // Accept answered the request
	}
	s.wg.Add(1)
	defer s.wg.Done()
	ctx := s.ctx
	refuse := func(code, context string) {
		conn.Write(ctx, ws.MessageText, errorMessage(code, context))
		conn.Close(ws.StatusPolicyViolation, context)
	}
	if r.URL.Path != Path {
		refuse("invalid_uri", "Invalid URI - use "+Path)
		return
	}
	app := r.Header.Get("X-Application-Name")
	if app != "" && !appName.MatchString(app) {
		refuse("invalid_application_name", "Invalid X-Application-Name")
		return
	}
	conn.SetReadLimit(s.opts.MaxMessage)
	hctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	_, first, err := conn.Read(hctx)
	cancel()
	if err != nil {
		conn.CloseNow()
		return
	}
	subs, why := parseSubscriptions(first)
	if why != "" {
		refuse("deserialization_failed", why)
		return
	}
	c := s.add(conn, r, app, subs)
	go c.write(ctx)
	if s.opts.PingInterval > 0 {
		go c.ping(ctx, s.opts.PingInterval)
	}
	s.h.Added(c)
	code, reason := s.read(ctx, c)
	s.remove(c)
	c.close(ws.StatusCode(code), reason)
	// When the server ended it, that is what happened (the client may
	// not even have seen the close frame).
	s.h.Lost(c, int(c.code), c.reason)
}

// parseSubscriptions reads the handshake: a JSON array of strings.
func parseSubscriptions(msg []byte) ([]string, string) {
	var raw []json.RawMessage
	if err := json.Unmarshal(msg, &raw); err != nil || raw == nil {
		return nil, "subscriptions not an array"
	}
	subs := make([]string, 0, len(raw))
	for _, r := range raw {
		var t string
		if err := json.Unmarshal(r, &t); err != nil {
			return nil, "individual subscription not a string"
		}
		subs = append(subs, t)
	}
	return subs, ""
}

// add registers a client that finished its handshake and queues its ack.
func (s *Server) add(conn *ws.Conn, r *http.Request, app string, subs []string) *Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	c := &Client{
		ID:            fmt.Sprintf("%s-websocket-%d", s.opts.NodeID, s.n),
		AppName:       app,
		Subscriptions: subs,
		conn:          conn,
		out:           make(chan []byte, s.opts.QueueLen),
		gone:          make(chan struct{}),
	}
	c.Remote, _ = netip.ParseAddrPort(r.RemoteAddr)
	ack, _ := json.Marshal(struct {
		Type     string `json:"type"`
		Endpoint string `json:"endpoint"`
		Version  string `json:"version"`
	}{"ack", c.ID, s.opts.Version})
	c.out <- ack
	s.clients[c] = struct{}{}
	return c
}

func (s *Server) remove(c *Client) {
	s.mu.Lock()
	delete(s.clients, c)
	s.mu.Unlock()
}

// write sends the client's queued messages until it is gone; then what
// is still queued (an event published just before shutdown) and the
// close frame.
func (c *Client) write(ctx context.Context) {
	send := func(msg []byte) bool {
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return c.conn.Write(wctx, ws.MessageText, msg) == nil
	}
	for {
		select {
		case <-c.gone:
			for len(c.out) > 0 && send(<-c.out) {
			}
			c.conn.Close(c.code, c.reason)
			return
		case msg := <-c.out:
			if !send(msg) {
				c.end(ws.StatusPolicyViolation, "write failed", true)
				return
			}
		}
	}
}

// ping pings the client every interval until it is gone, dropping it
// when a pong does not come within the interval.
func (c *Client) ping(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-c.gone:
			return
		case <-t.C:
			pctx, cancel := context.WithTimeout(ctx, interval)
			err := c.conn.Ping(pctx)
			cancel()
			if err != nil {
				c.end(ws.StatusPolicyViolation, "no answer to ping", true)
				return
			}
		}
	}
}

// read hands the client's messages to the handler until the connection
// ends, and returns the close code and reason.
func (s *Server) read(ctx context.Context, c *Client) (int, string) {
	for {
		_, msg, err := c.conn.Read(ctx)
		if err != nil {
			var ce ws.CloseError
			switch {
			case errors.As(err, &ce):
				return int(ce.Code), ce.Reason
			case errors.Is(err, context.Canceled), errors.Is(err, net.ErrClosed):
				return int(ws.StatusGoingAway), "server shutting down"
			}
			if strings.Contains(err.Error(), "read limited") {
				return int(ws.StatusMessageTooBig), "message too big"
			}
			return int(ws.StatusAbnormalClosure), "connection lost"
		}
		topic, d, err := broker.ParseDataMessage(msg)
		if err != nil {
			var je *broker.JSONError
			if errors.As(err, &je) {
				s.Error(c, je.Code, je.Context)
			} else {
				s.Error(c, "deserialization_failed", "failed to decode JSON object")
			}
			continue
		}
		s.h.Message(c, topic, d)
	}
}
