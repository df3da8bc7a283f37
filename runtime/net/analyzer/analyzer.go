// Package analyzer attaches protocol analysers to connections: the
// interface an analyser implements, the registry of analyser kinds, and
// per connection the Set that starts analysers by port and by content
// (dynamic protocol detection), feeds them reassembled TCP streams or UDP
// datagrams, and reports their confirmations and violations to the engine.
//
// It plays the part of Zeek's analyzer manager, its per-connection
// analyzer tree and its PIA (protocol identification) analyzers:
//
//   - An analyser registered for the responder's port (Analyzer::
//     register_for_port) starts with the connection's first payload.
//   - Every other enabled analyser with signatures watches the first
//     dpd_buffer_size bytes of the connection; when its signature matches
//     (both directions' patterns, for two-sided signatures) it starts and
//     first receives everything buffered so far, in arrival order.
//   - An analyser that recognises its protocol calls Confirm (once: the
//     engine raises analyzer_confirmation_info, whose handler adds the
//     service to c$service); one that finds garbage calls Violation (the
//     engine raises analyzer_violation_info; our dpd.zeek then removes
//     the analyser with disable_analyzer).
//
// Nothing is allocated for a connection no analyser could want: Attach
// returns nil when no port registration and no signature applies.
package analyzer

import "sort"

// Analyzer is one protocol analyser attached to one connection.
type Analyzer interface {
	// Deliver passes payload: the next in-order bytes of one direction of
	// a TCP connection, or one UDP datagram. data is only valid during
	// the call.
	Deliver(isOrig bool, data []byte)
	// Gap says n bytes of a TCP direction will never be delivered.
	Gap(isOrig bool, n uint64)
	// EndOfData says a TCP direction is over: its FIN was reached, or the
	// connection ended.
	EndOfData(isOrig bool)
	// Done is the last call: the connection is gone or the analyser was
	// removed.
	Done()
}

// Transport is a set of transports an analyser works on.
type Transport uint8

// The transports.
const (
	TCP Transport = 1 << iota
	UDP
)

// Spec describes one kind of analyser.
type Spec struct {
	// Name is Zeek's analyser name ("HTTP"); the script tag is
	// Analyzer::ANALYZER_<Name>.
	Name string
	// Transports the analyser can run on.
	Transports Transport
	// New makes an instance for one connection.
	New func(ctx *Context) Analyzer
}

// Signature recognises a protocol from the first bytes of a connection:
// one of Zeek's DPD signatures (the engine makes them from the signature
// files the scripts load, see Manager.AddSignature). A pattern is matched
// against its direction's payload so far (TCP: the reassembled stream;
// UDP: each datagram). When both patterns are set, both directions must
// match (Zeek's requires-reverse-signature), in either order; a nil
// pattern does not take part.
type Signature struct {
	Orig, Resp Matcher
	// Transports limits the signature (Zeek's ip-proto condition); 0
	// means every transport the analyser runs on.
	Transports Transport
}

// Matcher is a compiled payload pattern (a *regexp.Regexp or a Zeek
// pattern matching bytes).
type Matcher interface {
	Match(payload []byte) bool
}

// A Screened matcher knows bytes one of which every match contains.
// The detection buffer, whose TCP subject only grows, searches for them
// in what each delivery adds (and the Span-1 bytes before it, where one
// may begin), and runs Match only once one has come: a stream fed a
// byte at a time (keystrokes, echoes) would otherwise have its whole
// buffer matched again for every byte.
type Screened interface {
	Matcher
	// Screened reports whether b holds one of the bytes.
	Screened(b []byte) bool
	// Span is the length of the longest of them.
	Span() int
}

var registry = map[string]*Spec{}

// Register adds an analyser kind; analyser packages call it from init.
// Registering a name twice panics: it is a programming error.
func Register(s *Spec) {
	if _, dup := registry[s.Name]; dup {
		panic("analyzer: " + s.Name + " registered twice")
	}
	registry[s.Name] = s
}

// Lookup returns the analyser kind with Zeek's name, or nil.
func Lookup(name string) *Spec { return registry[name] }

// Specs returns every registered kind, sorted by name.
func Specs() []*Spec {
	out := make([]*Spec, 0, len(registry))
	for _, s := range registry {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
