package analyzer

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/types"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// recorder is a test analyser that logs every call, confirms on "HELLO"
// and reports a violation on "BAD".
type recorder struct {
	ctx *Context
	log *[]string
}

func (r *recorder) Deliver(isOrig bool, data []byte) {
	*r.log = append(*r.log, fmt.Sprintf("%s %s %q", r.ctx.Spec.Name, side(isOrig), data))
	if strings.Contains(string(data), "HELLO") {
		r.ctx.Confirm()
	}
	if strings.Contains(string(data), "BAD") {
		r.ctx.Violation("bad data", data)
	}
}
func (r *recorder) Gap(isOrig bool, n uint64) {
	*r.log = append(*r.log, fmt.Sprintf("%s %s gap %d", r.ctx.Spec.Name, side(isOrig), n))
}
func (r *recorder) EndOfData(isOrig bool) {
	*r.log = append(*r.log, fmt.Sprintf("%s %s eof", r.ctx.Spec.Name, side(isOrig)))
}
func (r *recorder) Done() { *r.log = append(*r.log, r.ctx.Spec.Name+" done") }

func side(isOrig bool) string {
	if isOrig {
		return "orig"
	}
	return "resp"
}

var events []string

func newRecorder(ctx *Context) Analyzer { return &recorder{ctx: ctx, log: &events} }

func init() {
	Register(&Spec{Name: "TPORT", Transports: TCP | UDP, New: newRecorder})
	Register(&Spec{Name: "TSIG", Transports: TCP, New: newRecorder})
	Register(&Spec{Name: "TUDP", Transports: UDP, New: newRecorder})
}

// newManager is a manager with the test kinds' signatures: TSIG needs a
// greeting and its answer, TUDP a datagram starting with Q.
func newManager(cfg Config) *Manager {
	m := NewManager(host{}, cfg)
	m.AddSignature("TSIG", Signature{Orig: regexp.MustCompile(`^HELLO `), Resp: regexp.MustCompile(`^OK`)})
	m.AddSignature("TUDP", Signature{Orig: regexp.MustCompile(`^Q`)})
	// Limited to UDP, so TPORT never starts by content on TCP.
	m.AddSignature("TPORT", Signature{Orig: regexp.MustCompile(`^PORTONLY`), Transports: UDP})
	return m
}

type host struct{}

func (host) Confirmed(x *Context) { events = append(events, x.Spec.Name+" confirmed") }
func (host) Violated(x *Context, reason string, data []byte) {
	events = append(events, fmt.Sprintf("%s violation %s %q", x.Spec.Name, reason, data))
}
func (host) Weird(x *Context, source, name, addl string) {}
func (host) Inconsistent(c *flow.Conn, old, new []byte, flags uint8) {
	events = append(events, fmt.Sprintf("inconsistent %q %q %#x", old, new, flags))
}

func (host) Handled(event string) bool { return event == "t_event" }
func (host) Raise(x *Context, event string, args []value.Value) {
	events = append(events, fmt.Sprintf("%s raised %s %d args", x.Spec.Name, event, len(args)))
}
func (host) Type(name string) types.Type                           { return nil }
func (host) Global(string) (value.Value, bool)                     { return value.None, false }
func (host) FileData(x *Context, isOrig bool, off int64, d []byte) {}
func (host) FileGap(x *Context, isOrig bool, n uint64)             {}
func (host) FileSize(x *Context, isOrig bool, n uint64)            {}
func (host) FileEnd(x *Context, isOrig bool)                       {}

func conn(proto uint8, respPort uint16) *flow.Conn {
	return &flow.Conn{
		ID:   flow.ConnID{OrigH: netip.MustParseAddr("10.0.0.1"), OrigP: 40000, RespH: netip.MustParseAddr("10.0.0.2"), RespP: respPort, Proto: proto},
		Orig: &flow.Endpoint{}, Resp: &flow.Endpoint{},
	}
}

func tcp(flags uint8, seq, ack uint32, payload string) *gnet.Packet {
	return &gnet.Packet{Proto: gnet.ProtoTCP, TCPFlags: flags, Seq: seq, Ack: ack, Payload: []byte(payload),
		IPHdrLen: 20, TCPHdrLen: 20, IPLen: 40 + len(payload)}
}

func udp(payload string) *gnet.Packet {
	// Two bytes of link padding that the IP length excludes.
	return &gnet.Packet{Proto: gnet.ProtoUDP, Payload: []byte(payload + "\x00\x00"), IPHdrLen: 20, IPLen: 28 + len(payload)}
}

const (
	syn = gnet.TCPSyn
	ack = gnet.TCPAck
	fin = gnet.TCPFin
)

func check(t *testing.T, want ...string) {
	t.Helper()
	if strings.Join(events, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(events, "\n"), strings.Join(want, "\n"))
	}
	events = nil
}

// A registered port starts its analyser; the streams arrive in order
// (the resp segment sent out of order is held back), each direction
// ends at its FIN, and Close makes it done.
func TestPortStartsAnalyzer(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	if !m.RegisterPort("TPORT", 7000, TCP) {
		t.Fatal("RegisterPort failed")
	}
	c := conn(gnet.ProtoTCP, 7000)
	s := m.Attach(c)
	if s == nil || len(s.Running()) != 1 {
		t.Fatalf("Attach = %v", s)
	}
	s.Packet(tcp(syn, 100, 0, ""), true)
	s.Packet(tcp(syn|ack, 500, 101, ""), false)
	s.Packet(tcp(ack, 101, 501, "HELLO x"), true)
	s.Packet(tcp(ack, 504, 108, "def"), false) // ahead of "abc"
	s.Packet(tcp(ack, 501, 108, "abc"), false)
	s.Packet(tcp(ack|fin, 108, 507, ""), true)
	s.Packet(tcp(ack|fin, 507, 109, ""), false)
	s.Close()
	check(t,
		`TPORT orig "HELLO x"`, "TPORT confirmed",
		`TPORT resp "abc"`, `TPORT resp "def"`,
		"TPORT orig eof", "TPORT resp eof", "TPORT done")
}

// A TCP connection's port analyser is made when the connection first
// needs it, with the id Attach reserved: the handshake makes nothing,
// the first data does, and a connection without data makes it only to
// end it.
func TestPortAnalyzerMadeOnFirstUse(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 7000, TCP)
	idle, busy := m.Attach(conn(gnet.ProtoTCP, 7000)), m.Attach(conn(gnet.ProtoTCP, 7000))
	busy.Packet(tcp(syn, 100, 0, ""), true)
	busy.Packet(tcp(syn|ack, 500, 101, ""), false)
	busy.Packet(tcp(ack, 101, 501, ""), true)
	if idle.running != nil || busy.running != nil {
		t.Fatal("the analyser was made before any data")
	}
	busy.Packet(tcp(ack, 101, 501, "HELLO"), true)
	check(t, `TPORT orig "HELLO"`, "TPORT confirmed")
	busyID := busy.running[0].ID
	idle.Close()
	check(t, "TPORT done")
	if x := busy.Running(); len(x) != 1 || busyID != x[0].ID || busyID != m.nextID {
		t.Fatalf("busy's analyser id %d, the last given %d", busyID, m.nextID)
	}
	if later := m.Attach(conn(gnet.ProtoTCP, 7000)); later.Running()[0].ID != busyID+1 {
		t.Fatal("ids are not given in attach order")
	}
	check(t)
}

// A two-sided signature starts its analyser once both directions
// matched; it first gets the buffered payload in arrival order, then the
// rest. A connection nothing applies to gets no Set.
func TestSignatureStartsAnalyzer(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	if s := m.Attach(conn(gnet.ProtoICMP, 0)); s != nil {
		t.Fatal("ICMP connection attached")
	}
	c := conn(gnet.ProtoTCP, 12345)
	s := m.Attach(c)
	if s == nil || len(s.Running()) != 0 {
		t.Fatalf("Attach = %v", s)
	}
	s.Packet(tcp(ack, 1, 1, "HELLO "), true)
	s.Packet(tcp(ack, 7, 1, "there"), true)
	check(t) // the responder has not matched yet
	s.Packet(tcp(ack, 1, 12, "OK go"), false)
	s.Packet(tcp(ack, 6, 12, "!"), false)
	s.Close()
	check(t,
		`TSIG orig "HELLO "`, "TSIG confirmed", `TSIG orig "there"`, `TSIG resp "OK go"`,
		`TSIG resp "!"`,
		"TSIG orig eof", "TSIG resp eof", "TSIG done")
}

// Detection gives up after the buffer limit: a later match starts
// nothing. Disabled kinds are not watched.
func TestBufferLimit(t *testing.T) {
	m := newManager(Config{BufferSize: 8})
	s := m.Attach(conn(gnet.ProtoTCP, 12345))
	s.Packet(tcp(ack, 1, 1, "xxxxxxxxxx"), false)
	s.Packet(tcp(ack, 1, 11, "HELLO "), true)
	s.Packet(tcp(ack, 11, 7, "OK"), false)
	s.Close()
	check(t)

	m.SetEnabled("TSIG", false)
	m.SetEnabled("TUDP", false)
	if s := m.Attach(conn(gnet.ProtoTCP, 12345)); s != nil {
		t.Fatal("disabled kinds still watched")
	}
}

// UDP: every datagram is delivered as it is (padding cut off), matched
// on its own; Remove stops deliveries and a violation is reported.
func TestUDPAndRemove(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 53, UDP)
	s := m.Attach(conn(gnet.ProtoUDP, 53))
	s.Packet(udp("zQ"), true) // Q not at the start: no match
	s.Packet(udp("Qa"), true)
	var aid uint64
	for _, x := range s.Running() {
		if x.Spec.Name == "TPORT" {
			aid = x.ID
		}
	}
	s.Packet(udp("BAD"), false)
	if !s.Remove(aid) || s.Remove(aid) {
		t.Fatal("Remove")
	}
	s.Packet(udp("more"), false)
	s.Close()
	check(t,
		`TPORT orig "zQ"`, `TPORT orig "Qa"`,
		`TUDP orig "zQ"`, `TUDP orig "Qa"`,
		`TPORT resp "BAD"`, `TPORT violation bad data "BAD"`,
		`TUDP resp "BAD"`, `TUDP violation bad data "BAD"`,
		"TPORT done", `TUDP resp "more"`, "TUDP done")
}

// A hole the peer acknowledged is a gap for the analysers; a replay
// after a match shows it too.
func TestGap(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 7000, TCP)
	s := m.Attach(conn(gnet.ProtoTCP, 7000))
	s.Packet(tcp(ack, 1, 1, "abc"), true)
	s.Packet(tcp(ack, 8, 1, "hij"), true)
	s.Packet(tcp(ack, 1, 11, ""), false)
	s.Close()
	check(t, `TPORT orig "abc"`, "TPORT orig gap 4", `TPORT orig "hij"`,
		"TPORT orig eof", "TPORT resp eof", "TPORT done")
}

// With inconsistencies asked for, a retransmission whose bytes differ
// from those delivered is reported with the new packet's flags.
func TestInconsistency(t *testing.T) {
	m := newManager(Config{BufferSize: 1024, Inconsistencies: true})
	m.RegisterPort("TPORT", 7000, TCP)
	s := m.Attach(conn(gnet.ProtoTCP, 7000))
	s.Packet(tcp(ack, 1, 1, "abcd"), true)
	s.Packet(tcp(ack|gnet.TCPPsh, 1, 1, "abXd"), true)
	s.Packet(tcp(ack, 1, 1, "abcd"), true) // the same bytes again: fine
	s.Close()
	check(t, `TPORT orig "abcd"`, `inconsistent "abcd" "abXd" 0x18`, "TPORT orig eof", "TPORT resp eof", "TPORT done")
}

// An analyser raises events through its context, only while attached.
func TestRaiseOnlyWhileAttached(t *testing.T) {
	events = nil
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 7, UDP)
	set := m.Attach(conn(flow.ProtoUDP, 7))
	set.Packet(udp("x"), true)
	x := set.Running()[0]
	if !x.Handled("t_event") || x.Handled("other") {
		t.Fatal("Handled does not ask the host")
	}
	x.Raise("t_event", value.Count(1), value.Count(2))
	x.Remove()
	x.Raise("t_event", value.Count(3))
	want := []string{"TPORT orig \"x\"", "TPORT raised t_event 2 args", "TPORT done"}
	if fmt.Sprint(events) != fmt.Sprint(want) {
		t.Fatalf("events %q, want %q", events, want)
	}
	if x.NewRecord("nothing") != nil {
		t.Fatal("NewRecord of an unknown type is not nil")
	}
}

// An expected connection gets its expected analysers instead of its
// port's; the expectation is not used up (Zeek keeps it until its
// deadline), an unspecified originator matches any, and an expectation
// past its deadline, or for other endpoints, changes nothing.
func TestExpectedConnection(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 7000, TCP)
	now := time.Unix(0, 0) // the test connections start at 0
	if m.Expect(netip.Addr{}, netip.MustParseAddr("10.0.0.2"), 7000, TCP, "NOPE", now, time.Minute) ||
		m.Expect(netip.Addr{}, netip.MustParseAddr("10.0.0.2"), 7000, TCP, "TUDP", now, time.Minute) {
		t.Fatal("Expect accepted an unknown kind or a wrong transport")
	}
	names := func(xs []*Context) string {
		var out []string
		for _, x := range xs {
			out = append(out, x.Spec.Name)
		}
		return strings.Join(out, ",")
	}
	if !m.Expect(netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"), 7000, TCP, "TSIG", now, time.Minute) {
		t.Fatal("Expect failed")
	}
	for i := 0; i < 2; i++ {
		s := m.Attach(conn(gnet.ProtoTCP, 7000))
		if got := names(s.Running()); got != "TSIG" {
			t.Fatalf("connection %d runs %q, want TSIG only", i, got)
		}
		if got := names(s.Expected()); got != "TSIG" {
			t.Fatalf("connection %d expected %q", i, got)
		}
	}
	if s := m.Attach(conn(gnet.ProtoUDP, 7000)); s != nil && names(s.Running()) != "" {
		t.Fatalf("UDP connection runs %q", names(s.Running()))
	}

	// Any originator; the same kind expected twice starts once.
	m.Expect(netip.IPv6Unspecified(), netip.MustParseAddr("10.0.0.2"), 7001, TCP, "TPORT", now, time.Minute)
	m.Expect(netip.IPv4Unspecified(), netip.MustParseAddr("10.0.0.2"), 7001, TCP, "TPORT", now, time.Minute)
	s := m.Attach(conn(gnet.ProtoTCP, 7001))
	if got := names(s.Running()); got != "TPORT" || names(s.Expected()) != "TPORT" {
		t.Fatalf("wildcard: runs %q", got)
	}

	// Expired (a deadline before the connection's start), and expired
	// ones are dropped when the next is added.
	m.Expect(netip.Addr{}, netip.MustParseAddr("10.0.0.2"), 7002, TCP, "TSIG", now.Add(-time.Hour), time.Minute)
	m.RegisterPort("TPORT", 7002, TCP)
	s = m.Attach(conn(gnet.ProtoTCP, 7002))
	if got := names(s.Running()); got != "TPORT" || len(s.Expected()) != 0 {
		t.Fatalf("expired: runs %q, expected %d", got, len(s.Expected()))
	}
	m.Expect(netip.Addr{}, netip.MustParseAddr("10.0.0.9"), 7003, TCP, "TSIG", now.Add(2*time.Minute), time.Minute)
	if len(m.expected) != 1 {
		t.Fatalf("%d expectations left, want 1 (the others expired)", len(m.expected))
	}
	events = nil
}

// TestDetectionMadeOnFirstUse: the detection buffer is made with the
// first delivery, be it a gap: an analyser its signature starts later is
// replayed the gap too. A connection that carries nothing has none.
func TestDetectionMadeOnFirstUse(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	idle := m.Attach(conn(gnet.ProtoTCP, 12345))
	idle.Packet(tcp(syn, 100, 0, ""), true)
	idle.Packet(tcp(syn|ack, 500, 101, ""), false)
	idle.Packet(tcp(ack, 101, 501, ""), true)
	if idle.pia != nil || idle.watch == nil {
		t.Fatal("detection buffer made without payload")
	}
	idle.Close()
	check(t)

	// A signature of the responder's alone still matches after a gap in
	// the originator's stream.
	m.AddSignature("TSIG", Signature{Resp: regexp.MustCompile(`^OK`)})
	s := m.Attach(conn(gnet.ProtoTCP, 12345))
	s.Packet(tcp(syn, 100, 0, ""), true)
	s.Packet(tcp(syn|ack, 500, 101, ""), false)
	s.Packet(tcp(ack, 501, 105, ""), false) // acks 4 bytes never seen
	if s.pia == nil {
		t.Fatal("the gap made no detection buffer")
	}
	s.Packet(tcp(ack, 105, 501, "HELLO x"), true)
	s.Packet(tcp(ack, 501, 112, "OK"), false)
	s.Close()
	check(t,
		"TSIG orig gap 4", `TSIG orig "HELLO x"`, "TSIG confirmed", `TSIG resp "OK"`,
		"TSIG orig eof", "TSIG resp eof", "TSIG done")
}

// TestFirstSenderFlushedFirst: the first packet's sender has the first
// of the two streams, and Close flushes them in that order.
func TestFirstSenderFlushedFirst(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 7000, TCP)
	s := m.Attach(conn(gnet.ProtoTCP, 7000))
	s.Packet(tcp(syn|ack, 500, 101, ""), false) // the responder first
	s.Packet(tcp(ack, 101, 501, ""), true)
	s.Packet(tcp(ack, 103, 501, "cd"), true) // held: bytes 101-102 missing
	s.Packet(tcp(ack, 503, 101, "zz"), false)
	s.Close()
	check(t,
		"TPORT resp gap 2", `TPORT resp "zz"`, "TPORT orig gap 2", `TPORT orig "cd"`,
		"TPORT resp eof", "TPORT orig eof", "TPORT done")
}

// A TCP connection keeps no streams until it carries data: the handshake
// and a FIN without data are only recorded, the FIN ends its direction at
// once, and the first payload makes the streams as if they had been fed
// from the start (the resp stream starts at its SYN, the orig stream
// takes the ack of its FIN for no gap).
func TestStreamsMadeByData(t *testing.T) {
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("TPORT", 7000, TCP)
	idle := m.Attach(conn(gnet.ProtoTCP, 7000))
	idle.Packet(tcp(syn, 100, 0, ""), true)
	idle.Packet(tcp(syn|ack, 500, 101, ""), false)
	idle.Packet(tcp(ack, 101, 501, ""), true)
	idle.Close()
	if idle.streams != nil {
		t.Fatal("streams made without data")
	}
	check(t, "TPORT orig eof", "TPORT resp eof", "TPORT done")

	s := m.Attach(conn(gnet.ProtoTCP, 7000))
	s.Packet(tcp(syn, 100, 0, ""), true)
	s.Packet(tcp(syn|ack, 500, 101, ""), false)
	s.Packet(tcp(ack|fin, 101, 501, ""), true)
	if s.streams != nil {
		t.Fatal("streams made without data")
	}
	check(t, "TPORT orig eof")
	s.Packet(tcp(ack, 501, 102, "ab"), false)
	if s.streams == nil {
		t.Fatal("data made no streams")
	}
	s.Packet(tcp(ack, 504, 102, "d"), false) // held: 503 missing
	s.Close()
	check(t, `TPORT resp "ab"`, "TPORT resp gap 1", `TPORT resp "d"`, "TPORT resp eof", "TPORT done")
}

// screenedRegexp is a Screened matcher: a regexp and bytes one of
// which every match of it contains. matches counts Match calls.
type screenedRegexp struct {
	re      *regexp.Regexp
	screen  string
	matches *int
}

func (m screenedRegexp) Match(b []byte) bool { *m.matches++; return m.re.Match(b) }
func (m screenedRegexp) Screened(b []byte) bool {
	return strings.ContainsAny(string(b), m.screen)
}
func (m screenedRegexp) Span() int { return 1 }

// Screening a TCP direction's growing subject changes nothing but the
// work: over random streams fed in random pieces, a signature starts at
// the same delivery as when every delivery matches the whole subject,
// and a stream without the screen's bytes is never matched.
func TestScreenedSignatureStartsAsUnscreened(t *testing.T) {
	var calls int
	m := screenedRegexp{re: regexp.MustCompile(`^(|.*[\n\r])(:[^ \n\r]+ )?[0-9][0-9][0-9] `), screen: " ", matches: &calls}
	watch := &watchList{kinds: []watched{{spec: &Spec{Name: "TIRC"}, sigs: []Signature{{Orig: m}}}}, sigs: 1}
	r := rand.New(rand.NewPCG(5, 5))
	alphabet := []byte("a1: \r\nx9")
	for run := range 3000 {
		p := newPIA(watch, false)
		var all []byte
		want, got := -1, -1
		for i := 0; i < 40 && got < 0; i++ {
			chunk := make([]byte, 1+r.IntN(4))
			for j := range chunk {
				chunk[j] = alphabet[r.IntN(len(alphabet))]
			}
			all = append(all, chunk...)
			if want < 0 && m.re.Match(all) {
				want = i
			}
			if len(p.add(true, chunk)) > 0 {
				got = i
			}
		}
		if got != want {
			t.Fatalf("run %d: %q started at delivery %d, want %d", run, all, got, want)
		}
	}
	calls = 0
	p := newPIA(watch, false)
	for range 500 {
		p.add(true, []byte("a"))
	}
	if calls != 0 {
		t.Fatalf("%d matches of a stream without a space", calls)
	}
}
