package analyzer

import (
	"bytes"
	"fmt"
	"testing"

	gnet "github.com/gobro/gobro/runtime/net"
)

// switcher is a test analyser that, on "SWITCH\n", hands its connection
// to TPORT as IRC's STARTTLS hands it to SSL: it starts TPORT, passes on
// the rest of the delivery and removes itself.
type switcher struct{ ctx *Context }

func (w *switcher) Deliver(isOrig bool, data []byte) {
	events = append(events, fmt.Sprintf("THAND %s %q", side(isOrig), data))
	i := bytes.Index(data, []byte("SWITCH\n"))
	if i < 0 {
		return
	}
	next := w.ctx.StartAnalyzer("TPORT")
	if next == nil {
		events = append(events, "THAND: no TPORT")
		return
	}
	if w.ctx.StartAnalyzer("TPORT") != nil {
		events = append(events, "THAND: TPORT started twice")
	}
	next.Deliver(isOrig, data[i+len("SWITCH\n"):])
	w.ctx.Remove()
}
func (w *switcher) Gap(isOrig bool, n uint64) {}
func (w *switcher) EndOfData(isOrig bool)     { events = append(events, "THAND eof") }
func (w *switcher) Done()                     { events = append(events, "THAND done") }

func init() {
	Register(&Spec{Name: "THAND", Transports: TCP, New: func(ctx *Context) Analyzer { return &switcher{ctx} }})
}

// An analyser hands its connection over: the new one gets the rest of
// the delivery, then both directions from there on (its confirmation is
// reported), and the end of the streams; the old one gets nothing more.
// Kinds that are unknown, disabled or of another transport do not start.
func TestStartAnalyzer(t *testing.T) {
	events = nil
	m := newManager(Config{BufferSize: 1024})
	m.RegisterPort("THAND", 6667, TCP)
	s := m.Attach(conn(gnet.ProtoTCP, 6667))
	x := s.Running()[0]
	if x.StartAnalyzer("NOPE") != nil || x.StartAnalyzer("TUDP") != nil {
		t.Fatal("started an unknown kind or one of another transport")
	}
	m.SetEnabled("TSIG", false)
	if x.StartAnalyzer("TSIG") != nil {
		t.Fatal("started a disabled kind")
	}
	s.Packet(tcp(ack, 1, 1, "a\n"), true)
	s.Packet(tcp(ack, 1, 3, "SWITCH\nHELLO"), false)
	s.Packet(tcp(ack, 3, 13, "b"), true)
	s.Packet(tcp(ack|fin, 4, 13, ""), true)
	s.Close()
	if x.StartAnalyzer("TPORT") != nil {
		t.Fatal("a removed analyser started another")
	}
	check(t,
		`THAND orig "a\n"`, `THAND resp "SWITCH\nHELLO"`,
		`TPORT resp "HELLO"`, "TPORT confirmed", "THAND done",
		`TPORT orig "b"`, "TPORT orig eof", "TPORT resp eof", "TPORT done")
}
