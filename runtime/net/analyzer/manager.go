package analyzer

import (
	"github.com/gobro/gobro/runtime/net/flow"
)

// Host is what the engine does for analysers: turn their findings into
// events. Each method is called on the engine's goroutine, while a packet
// (or the end of a connection) is being processed.
type Host interface {
	// Confirmed: ctx recognised its protocol (once per analyser).
	Confirmed(ctx *Context)
	// Violated: ctx found data that breaks its protocol.
	Violated(ctx *Context, reason string, data []byte)
	// Weird: ctx saw something odd (a conn weird).
	Weird(ctx *Context, source, name, addl string)
	// Inconsistent: retransmitted TCP bytes differ from those seen first
	// (only with Config.Inconsistencies); flags are the TCP flags of the
	// packet that brought the new copy.
	Inconsistent(c *flow.Conn, old, new []byte, flags uint8)
	// Scripts: the protocol events analysers raise.
	Scripts
	// Files: the files analysers extract.
	Files
}

// Config is the detection settings, Zeek's dpd_* options.
type Config struct {
	// BufferSize is dpd_buffer_size: how many payload bytes (both
	// directions together) are kept for signature matching and replayed
	// to an analyser started by a signature.
	BufferSize int
	// IgnorePorts is dpd_ignore_ports: analysers start only by signature.
	IgnorePorts bool
	// Inconsistencies asks the TCP streams to compare retransmissions
	// with what they delivered (it keeps recent bytes per stream).
	Inconsistencies bool
}

type portKey struct {
	port uint16
	tr   Transport
}

// Manager is the analyser configuration of one engine: which kinds are
// enabled and which ports start them. Scripts change it through the
// Analyzer framework's built-ins.
type Manager struct {
	host     Host
	cfg      Config
	disabled map[*Spec]bool
	ports    map[portKey][]*Spec
	nextID   uint64
	// watch[tr] caches the enabled kinds with signatures for transport
	// tr; nil after a change of what is enabled.
	watch map[Transport]*watchList // per transport, made on first use
	sigs  map[*Spec][]Signature
	// expected are the connections announced by Expect.
	expected map[expectKey][]expectation
}

// NewManager returns a manager with every registered analyser enabled and
// no ports registered.
func NewManager(host Host, cfg Config) *Manager {
	return &Manager{host: host, cfg: cfg, disabled: map[*Spec]bool{}, ports: map[portKey][]*Spec{}}
}

// RegisterPort makes connections to port start the named analyser. It is
// false for an unknown analyser or one that does not run on tr.
func (m *Manager) RegisterPort(name string, port uint16, tr Transport) bool {
	s := Lookup(name)
	if s == nil || s.Transports&tr == 0 {
		return false
	}
	k := portKey{port, tr}
	for _, have := range m.ports[k] {
		if have == s {
			return true
		}
	}
	m.ports[k] = append(m.ports[k], s)
	return true
}

// SetEnabled enables or disables an analyser kind for new connections.
func (m *Manager) SetEnabled(name string, on bool) bool {
	s := Lookup(name)
	if s == nil {
		return false
	}
	if on {
		delete(m.disabled, s)
	} else {
		m.disabled[s] = true
	}
	m.watch = nil
	return true
}

// DisableAll disables every registered analyser.
func (m *Manager) DisableAll() {
	for _, s := range registry {
		m.disabled[s] = true
	}
	m.watch = nil
}

// AddSignature lets the analyser named start by content. It reports
// false when no such analyser exists.
func (m *Manager) AddSignature(name string, sig Signature) bool {
	s := Lookup(name)
	if s == nil {
		return false
	}
	if m.sigs == nil {
		m.sigs = map[*Spec][]Signature{}
	}
	m.sigs[s] = append(m.sigs[s], sig)
	m.watch = nil
	return true
}

// watched is an analyser kind whose signatures a new connection's
// detection buffer watches, with those of its signatures that apply to
// the connection's transport.
type watched struct {
	spec *Spec
	sigs []Signature
	// first is the index of sigs[0] among the list's signatures (see
	// pia.matched).
	first int
}

// watchList is what the detection buffers of new connections watch. A
// list never changes (a change of what is enabled makes a new one), so
// the connections started under it share it.
type watchList struct {
	kinds []watched
	sigs  int // the signatures of all kinds
}

// watchers returns the enabled kinds with signatures for tr, nil if
// there are none.
func (m *Manager) watchers(tr Transport) *watchList {
	if w, ok := m.watch[tr]; ok {
		return w
	}
	if m.watch == nil {
		m.watch = map[Transport]*watchList{}
	}
	var w *watchList
	for _, s := range Specs() {
		if s.Transports&tr == 0 || !m.Enabled(s) {
			continue
		}
		var sigs []Signature
		for _, sig := range m.sigs[s] {
			if sig.Transports == 0 || sig.Transports&tr != 0 {
				sigs = append(sigs, sig)
			}
		}
		if len(sigs) > 0 {
			if w == nil {
				w = &watchList{}
			}
			w.kinds = append(w.kinds, watched{s, sigs, w.sigs})
			w.sigs += len(sigs)
		}
	}
	m.watch[tr] = w
	return w
}

// Enabled reports whether the kind may start on new connections.
func (m *Manager) Enabled(s *Spec) bool { return !m.disabled[s] }

func transportOf(c *flow.Conn) Transport {
	switch c.ID.Proto {
	case flow.ProtoTCP:
		return TCP
	case flow.ProtoUDP:
		return UDP
	}
	return 0
}

// Attach prepares analysis of a new connection: the analysers expected
// for it (see Expect) or else those its responder port starts, the
// signatures that may start others, and the analysers in also (the
// engine's own consumers, started whatever the port). It returns nil
// when there is nothing to do, which costs the connection nothing
// further.
func (m *Manager) Attach(c *flow.Conn, also ...*Spec) *Set {
	tr := transportOf(c)
	if tr == 0 {
		return nil
	}
	expected := m.expectedFor(c, tr)
	start := expected
	if len(expected) == 0 && !m.cfg.IgnorePorts {
		for _, s := range m.ports[portKey{c.ID.RespP, tr}] {
			if m.Enabled(s) {
				start = append(start, s)
			}
		}
	}
	watch := m.watchers(tr)
	if m.cfg.BufferSize <= 0 {
		watch = nil
	}
	start = append(start, also...)
	if len(start) == 0 && watch == nil {
		return nil
	}
	set := &Set{m: m, conn: c, watch: watch, tcp: tr == TCP}
	if tr == TCP && len(start) == 1 && len(expected) == 0 && len(also) == 0 {
		// The port's analyser, with the id it gets now, is made when
		// the connection first needs it (Set.wake).
		m.nextID++
		set.pending, set.pendingID = start[0], m.nextID
		return set
	}
	for i, s := range start {
		x := set.start(s)
		x.expected = i < len(expected)
	}
	return set
}

// Context is one running analyser on one connection: what the analyser
// uses to report, and what the engine and scripts see of it.
type Context struct {
	Spec *Spec
	// ID is the analyser instance id (Zeek's aid), unique in the run.
	ID   uint64
	Conn *flow.Conn

	a         Analyzer
	set       *Set
	confirmed bool
	removed   bool
	expected  bool // started because the connection was expected
}

// Confirm says the analyser recognised its protocol. Only the first call
// is reported.
func (x *Context) Confirm() {
	if x.confirmed || x.removed {
		return
	}
	x.confirmed = true
	x.set.m.host.Confirmed(x)
}

// Confirmed reports whether Confirm was called.
func (x *Context) Confirmed() bool { return x.confirmed }

// Violation says the data broke the protocol (data may be nil).
func (x *Context) Violation(reason string, data []byte) {
	if !x.removed {
		x.set.m.host.Violated(x, reason, data)
	}
}

// Weird reports an oddity of this connection.
func (x *Context) Weird(name, addl string) { x.set.m.host.Weird(x, x.Spec.Name, name, addl) }

// WeirdFrom reports an oddity found by a part of the analyser that Zeek
// names on its own (HTTP's line splitting is "CONTENTLINE").
func (x *Context) WeirdFrom(source, name, addl string) { x.set.m.host.Weird(x, source, name, addl) }

// Remove detaches the analyser from its connection (its Done is called).
func (x *Context) Remove() { x.set.Remove(x.ID) }

// StartAnalyzer attaches an analyser of the named kind to x's connection
// from the current point of the streams on, as Zeek adds a child
// analyser (IRC's STARTTLS hands the connection to SSL): it receives
// both directions from the next delivery, and what is left of the
// delivery under way when the caller passes it on with Deliver. It is
// nil when the kind is unknown, disabled, cannot run on the transport or
// already runs on the connection, or when x is no longer attached.
func (x *Context) StartAnalyzer(name string) *Context {
	s, spec := x.set, Lookup(name)
	if spec == nil || x.removed || s.closed || !s.m.Enabled(spec) ||
		spec.Transports&transportOf(x.Conn) == 0 || s.has(spec) {
		return nil
	}
	return s.start(spec)
}

// StartTLS hands the rest of x's connection to an SSL analyser, as the
// protocols with STARTTLS do, and returns what feeds it the rest of the
// current delivery; nil when none could start.
func (x *Context) StartTLS() func(isOrig bool, data []byte) {
	if ssl := x.StartAnalyzer("SSL"); ssl != nil {
		return ssl.Deliver
	}
	return nil
}

// Deliver passes data to the analyser directly: the rest of a delivery
// in which another analyser started it (see StartAnalyzer).
func (x *Context) Deliver(isOrig bool, data []byte) {
	if !x.removed && len(data) > 0 {
		x.a.Deliver(isOrig, data)
	}
}
