// Package exchange builds the deliveries a TCP analyser gets in
// benchmarks and tests: a conversation as the reassembler would hand it
// over, each side's turn cut into segments of at most MSS bytes. A turn
// ends when the other side speaks or the sender flushes (waits for an
// answer), so messages cross segment boundaries as they do on the wire.
package exchange

import (
	"fmt"

	"github.com/gobro/gobro/runtime/net/analyzer"
)

// MSS is the payload of a full TCP segment on Ethernet with the
// timestamp option (1500 bytes less 20 of IPv4, 20 of TCP and 12 of
// options): the most one delivery carries on a common link.
const MSS = 1448

// Segment is one delivery: a direction and its payload.
type Segment struct {
	Orig bool
	Data []byte
}

// Exchange collects what both sides send. The zero value is empty and
// ready; Flush must end the last turn before Segments and Total are used.
type Exchange struct {
	Segments []Segment
	Total    int // bytes in Segments

	turn    bool   // who sent pending
	pending []byte // the current turn, not yet cut
}

// Send adds data to orig's turn, first ending the other side's.
func (e *Exchange) Send(orig bool, data []byte) {
	if orig != e.turn {
		e.Flush()
		e.turn = orig
	}
	e.pending = append(e.pending, data...)
}

// Flush ends the current turn: it goes out as full segments and a short
// last one.
func (e *Exchange) Flush() {
	for p := e.pending; len(p) > 0; {
		n := min(len(p), MSS)
		// Capped, so an analyser that appends to a delivery cannot
		// write over the next one.
		e.Segments = append(e.Segments, Segment{e.turn, p[:n:n]})
		e.Total += n
		p = p[n:]
	}
	e.pending = nil
}

// Feed delivers the segments to a, then ends both directions and the
// connection, as a connection closed by both sides does.
func (e *Exchange) Feed(a analyzer.Analyzer) {
	for _, s := range e.Segments {
		a.Deliver(s.Orig, s.Data)
	}
	a.EndOfData(true)
	a.EndOfData(false)
	a.Done()
}

// Complaints keeps the first violation or weird an analyser reports:
// embedded in a benchmark's host, it shows the input was parsed, not
// rejected (Bad is empty).
type Complaints struct {
	Bad string
}

// Complain records s unless something came first.
func (c *Complaints) Complain(s string) {
	if c.Bad == "" {
		c.Bad = s
	}
}

// Violation is an analyser host's violation report.
func (c *Complaints) Violation(reason string, data []byte) {
	c.Complain(fmt.Sprintf("violation %s %q", reason, data))
}

// Weird is an analyser host's weird report.
func (c *Complaints) Weird(source, name, addl string) {
	c.Complain("weird " + source + " " + name + " " + addl)
}
