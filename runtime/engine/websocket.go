package engine

import (
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
	"github.com/gobro/gobro/runtime/websocket"
)

// Zeek's WebSocket API (runtime/websocket) on the engine's side: the
// servers scripts start, the topics they subscribe to, events published
// to clients and events received from them, and the client status events.
// Client messages reach the script thread through the inbox.

// Version is what the WebSocket ack reports (cmd/gobro sets it).
var Version = "gobro"

type wsState struct {
	servers []*websocket.Server
	// subs are the script's topic prefixes (Broker::subscribe): client
	// events on other topics are not for this node.
	subs []string
	// auto are the auto_publish topics of events.
	auto   map[*compile.Function][]string
	nodeID string
	// endpoints are the clients' Cluster::EndpointInfo records.
	endpoints map[*websocket.Client]value.Value
}

func (e *Engine) wsState() *wsState {
	if e.ws == nil {
		id := make([]byte, 16)
		rand.Read(id)
		e.ws = &wsState{auto: map[*compile.Function][]string{}, endpoints: map[*websocket.Client]value.Value{},
			nodeID: formatUUID(id)}
	}
	return e.ws
}

func formatUUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// closeWebSockets stops the servers at the end of the run.
func (e *Engine) closeWebSockets() {
	if e.ws == nil {
		return
	}
	for _, s := range e.ws.servers {
		s.Close()
		e.inbox.senders--
	}
	e.ws.servers = nil
	e.takeInbox() // the clients' last words (websocket_client_lost)
}

func (e *Engine) websocketBuiltin(name string) builtins.Impl {
	switch name {
	case "Cluster::__listen_websocket":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			err := e.listenWebSocket(a[0].P.(*value.Record))
			return value.Bool(err == nil), err
		}
	case "Broker::__listen_websocket":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			// "" is every interface, as in Zeek; the script's default
			// (default_listen_address_websocket) is loopback.
			s, err := e.startWebSocket(websocket.Options{Addr: net.JoinHostPort(a[0].Str(), strconv.Itoa(int(a[1].PortNum())))})
			if err != nil {
				return value.Port(0, value.ProtoUnknown), err
			}
			return value.Port(uint32(s.Addr().(*net.TCPAddr).Port), value.ProtoTCP), nil
		}
	case "Broker::__subscribe":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			w := e.wsState()
			if !slices.Contains(w.subs, a[0].Str()) {
				w.subs = append(w.subs, a[0].Str())
			}
			return value.Bool(true), nil
		}
	case "Broker::__unsubscribe":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			w := e.wsState()
			i := slices.Index(w.subs, a[0].Str())
			if i >= 0 {
				w.subs = slices.Delete(w.subs, i, i+1)
			}
			return value.Bool(i >= 0), nil
		}
	case "Broker::__node_id":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.String(e.wsState().nodeID), nil
		}
	case "Broker::publish", "Cluster::publish":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			ev, err := e.eventOf(ctx, a[1:])
			if err != nil {
				return value.Bool(false), err
			}
			e.publish(a[0].Str(), ev)
			return value.Bool(true), nil
		}
	case "Broker::make_event":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			ev, err := e.eventOf(ctx, a)
			if err != nil {
				return value.None, err
			}
			rt, _ := ctx.Type("Broker::Event").(*types.RecordType)
			vt, _ := ctx.Type("Broker::DataVector").(*types.VectorType)
			if rt == nil || vt == nil {
				return value.None, errors.New("Broker::Event is not declared")
			}
			r := value.NewRecord(rt)
			r.Set("name", value.String(ev.Name))
			args := &value.Vector{Type: vt}
			for _, d := range ev.Args {
				args.Elems = append(args.Elems, builtins.MakeBrokerData(ctx, d))
			}
			r.Set("args", value.Value{P: args})
			return value.Value{P: r}, nil
		}
	case "Cluster::make_event":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			if _, err := e.eventOf(ctx, a); err != nil {
				return value.None, err
			}
			rt, _ := ctx.Type("Cluster::Event").(*types.RecordType)
			if rt == nil {
				return value.None, errors.New("Cluster::Event is not declared")
			}
			r := value.NewRecord(rt)
			r.Set("ev", a[0])
			vt, _ := rt.Field("args").Type.(*types.VectorType)
			r.Set("args", value.Value{P: &value.Vector{Type: vt, Elems: append([]value.Value(nil), a[1:]...)}})
			return value.Value{P: r}, nil
		}
	case "Broker::__auto_publish", "Broker::__auto_unpublish":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			fn := eventFunction(a[1])
			if fn == nil {
				return value.Bool(false), errors.New("not an event")
			}
			w, topic := e.wsState(), a[0].Str()
			i := slices.Index(w.auto[fn], topic)
			if name == "Broker::__auto_publish" {
				if i < 0 {
					w.auto[fn] = append(w.auto[fn], topic)
				}
				return value.Bool(true), nil
			}
			if i >= 0 {
				w.auto[fn] = slices.Delete(w.auto[fn], i, i+1)
			}
			return value.Bool(i >= 0), nil
		}
	}
	return nil
}

// eventFunction is the event a (boxed) value is, or nil.
func eventFunction(v value.Value) *compile.Function {
	if a, ok := v.P.(*value.Any); ok {
		v = a.Value
	}
	f, ok := v.P.(*value.Func)
	if !ok || f.Type == nil || f.Type.Flavor != ast.Event {
		return nil
	}
	fn, _ := f.Impl.(*compile.Function)
	return fn
}

// eventOf builds the event publish and make_event take: an event and its
// arguments, or an event already made (Broker::Event).
func (e *Engine) eventOf(ctx builtins.Context, args []value.Value) (broker.Event, error) {
	if len(args) == 0 {
		return broker.Event{}, errors.New("no event to publish")
	}
	first := args[0]
	if a, ok := first.P.(*value.Any); ok {
		first = a.Value
	}
	if r, ok := first.P.(*value.Record); ok && len(args) == 1 && r.Type.Name == "Broker::Event" {
		ev := broker.Event{Name: r.Get("name").Str()}
		if vec, ok := r.Get("args").P.(*value.Vector); ok {
			for _, el := range vec.Elems {
				d, _ := builtins.BrokerDataOf(el)
				if d == nil {
					d = broker.None{}
				}
				ev.Args = append(ev.Args, d)
			}
		}
		return ev, nil
	}
	if r, ok := first.P.(*value.Record); ok && len(args) == 1 && r.Type.Name == "Cluster::Event" {
		// Cluster::make_event's record: the event and its boxed arguments.
		evArgs := []value.Value{r.Get("ev")}
		if vec, ok := r.Get("args").P.(*value.Vector); ok {
			evArgs = append(evArgs, vec.Elems...)
		}
		return e.eventOf(ctx, evArgs)
	}
	fn := eventFunction(args[0])
	if fn == nil {
		return broker.Event{}, errors.New("the first argument must be an event, a Broker::Event or a Cluster::Event")
	}
	params := fn.Type.Params
	if len(args)-1 != len(params) {
		return broker.Event{}, fmt.Errorf("event %s takes %d arguments, got %d", fn.Name, len(params), len(args)-1)
	}
	ev := broker.Event{Name: fn.Name}
	for i, p := range params {
		v, t := args[i+1], types.Type(types.AnyType)
		if a, ok := v.P.(*value.Any); ok {
			v, t = a.Value, a.Type
		}
		if !types.Identical(t, p.Type) && !(t.Kind() == types.Count && p.Type.Kind() == types.Int) {
			return broker.Event{}, fmt.Errorf("argument %d of %s: %s given, %s expected", i+1, fn.Name, t, p.Type)
		}
		if t.Kind() == types.Count && p.Type.Kind() == types.Int {
			v, t = value.Int(int64(v.Count())), p.Type
		}
		d, ok := builtins.ToBroker(v, t)
		if !ok {
			return broker.Event{}, fmt.Errorf("argument %d of %s (%s) cannot be sent", i+1, fn.Name, t)
		}
		ev.Args = append(ev.Args, d)
	}
	return ev, nil
}

// publish sends an event to the clients subscribed to topic, with the
// network time as metadata when EventMetadata::add_network_timestamp is
// set (as in Zeek 8, off by default).
func (e *Engine) publish(topic string, ev broker.Event) {
	if e.ws == nil || len(e.ws.servers) == 0 {
		return
	}
	if e.globalBool("EventMetadata::add_network_timestamp", false) {
		ev.Metadata = append(ev.Metadata, broker.EventMetadata{Key: 1, Value: broker.Timestamp(int64(e.netTime * 1e9))})
	}
	d := ev.Data()
	for _, s := range e.ws.servers {
		s.Publish(topic, d)
	}
}

// autoPublish publishes a locally raised event to its auto_publish
// topics.
func (e *Engine) autoPublish(fn *compile.Function, args []value.Value) {
	topics := e.ws.auto[fn]
	if len(topics) == 0 {
		return
	}
	ev := broker.Event{Name: fn.Name}
	for i, p := range fn.Type.Params {
		d, ok := broker.Data(broker.None{}), false
		if i < len(args) {
			d, ok = builtins.ToBroker(args[i], p.Type)
		}
		if !ok {
			return
		}
		ev.Args = append(ev.Args, d)
	}
	for _, t := range topics {
		e.publish(t, ev)
	}
}

// listenWebSocket is Cluster::listen_websocket with its options record.
func (e *Engine) listenWebSocket(o *value.Record) error {
	addr := "127.0.0.1"
	if a := o.Get("listen_addr"); !a.IsUnset() {
		addr = a.Addr().String()
	} else if h := o.Get("listen_host"); !h.IsUnset() {
		addr = h.Str()
	}
	opts := websocket.Options{Addr: net.JoinHostPort(addr, strconv.Itoa(int(o.Get("listen_port").PortNum())))}
	if p := o.Get("ping_interval"); !p.IsUnset() {
		opts.PingInterval = time.Duration(p.Double() * float64(time.Second))
	}
	if tok := o.Get("auth_token"); !tok.IsUnset() {
		opts.Token = tok.Str()
	}
	if t, ok := o.Get("tls_options").P.(*value.Record); ok && !t.Get("cert_file").IsUnset() {
		cfg, err := serverTLS(t)
		if err != nil {
			return err
		}
		opts.TLS = cfg
	}
	_, err := e.startWebSocket(opts)
	return err
}

// serverTLS builds the TLS configuration of Cluster::WebSocketTLSOptions:
// certificate and key, and with enable_peer_verification clients must
// show a certificate signed by ca_file (mutual TLS).
func serverTLS(t *value.Record) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(t.Get("cert_file").Str(), t.Get("key_file").Str())
	if err != nil {
		return nil, err
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if v := t.Get("enable_peer_verification"); !v.IsUnset() && v.Bool() {
		pem, err := os.ReadFile(t.Get("ca_file").Str())
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("no certificates in %s", t.Get("ca_file").Str())
		}
		cfg.ClientCAs, cfg.ClientAuth = pool, tls.RequireAndVerifyClientCert
	}
	return cfg, nil
}

// startWebSocket starts a server whose clients post to the inbox.
func (e *Engine) startWebSocket(opts websocket.Options) (*websocket.Server, error) {
	w := e.wsState()
	opts.NodeID, opts.Version = w.nodeID, Version
	s, err := websocket.Listen(opts, wsHandler{e, e.inboxChan()})
	if err != nil {
		return nil, fmt.Errorf("cannot listen for WebSocket clients on %s: %v", opts.Addr, err)
	}
	w.servers = append(w.servers, s)
	e.inbox.senders++
	return s, nil
}

// wsHandler hands what clients do to the script thread.
type wsHandler struct {
	e  *Engine
	to chan<- func()
}

func (h wsHandler) Added(c *websocket.Client) { h.to <- func() { h.e.wsAdded(c) } }
func (h wsHandler) Lost(c *websocket.Client, code int, reason string) {
	h.to <- func() { h.e.wsLost(c, code, reason) }
}
func (h wsHandler) Message(c *websocket.Client, topic string, d broker.Data) {
	h.to <- func() { h.e.wsMessage(c, topic, d) }
}

// endpoint is the client's Cluster::EndpointInfo.
func (e *Engine) endpoint(c *websocket.Client) value.Value {
	if v, ok := e.ws.endpoints[c]; ok {
		return v
	}
	rt, _ := e.typeOf("Cluster::EndpointInfo").(*types.RecordType)
	nt, _ := e.typeOf("Cluster::NetworkInfo").(*types.RecordType)
	if rt == nil || nt == nil {
		return value.None
	}
	r, n := value.NewRecord(rt), value.NewRecord(nt)
	n.Set("address", value.String(c.Remote.Addr().Unmap().String()))
	n.Set("bound_port", value.Port(uint32(c.Remote.Port()), value.ProtoTCP))
	r.Set("id", value.String(c.ID))
	r.Set("network", value.Value{P: n})
	if c.AppName != "" {
		r.Set("application_name", value.String(c.AppName))
	}
	v := value.Value{P: r}
	e.ws.endpoints[c] = v
	return v
}

func (e *Engine) wsAdded(c *websocket.Client) {
	subs := make([]string, len(c.Subscriptions))
	copy(subs, c.Subscriptions)
	e.raise1("Cluster::websocket_client_added", e.endpoint(c), builtins.StringVec(ctx{e}, subs))
}

func (e *Engine) wsLost(c *websocket.Client, code int, reason string) {
	e.raise1("Cluster::websocket_client_lost", e.endpoint(c), value.Count(uint64(max(code, 0))), value.String(reason))
	delete(e.ws.endpoints, c)
}

// wsMessage dispatches an event a client published on a topic this node
// subscribes to. What is not a known event with fitting arguments is
// answered with an error and reported, never run.
func (e *Engine) wsMessage(c *websocket.Client, topic string, d broker.Data) {
	if !slices.ContainsFunc(e.ws.subs, func(p string) bool { return strings.HasPrefix(topic, p) }) {
		return
	}
	reject := func(why string) {
		for _, s := range e.ws.servers {
			s.Error(c, "deserialization_failed", "failed to create Zeek event")
		}
		e.reporter("warning", "warning", "", fmt.Sprintf("WebSocket event on %s rejected: %s", topic, why))
	}
	ev, err := broker.ParseEvent(d)
	if err != nil {
		reject(err.Error())
		return
	}
	s := e.chk.Lookup(ev.Name)
	if s == nil || s.Func == nil || s.Func.Type.Flavor != ast.Event {
		reject("unknown event " + ev.Name)
		return
	}
	fn := e.prog.Funcs[s.Func]
	params := fn.Type.Params
	if len(ev.Args) != len(params) {
		reject(fmt.Sprintf("event %s takes %d arguments, got %d", ev.Name, len(params), len(ev.Args)))
		return
	}
	args := make([]value.Value, len(params))
	for i, p := range params {
		v, ok := builtins.FromBroker(ev.Args[i], p.Type)
		if !ok {
			reject(fmt.Sprintf("argument %d of %s is %s, not %s", i+1, ev.Name, ev.Args[i].Kind(), p.Type))
			return
		}
		args[i] = v
	}
	if fn.Handled() {
		e.queue.push(newEvent(fn, args))
	}
}
