package dns

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// BenchmarkAnalyzer measures the analyser on a long resolver exchange:
// 10,000 queries and their replies, as datagrams and as one TCP stream
// per direction cut into full-sized segments. Every event is handled, so
// each one's records are built as they are for scripts.
func BenchmarkAnalyzer(b *testing.B) {
	w := newResolverRun(10_000)
	b.Run("udp", func(b *testing.B) { benchConn(b, w, false, w.udpBytes) })
	b.Run("tcp", func(b *testing.B) { benchConn(b, w, true, len(w.origStream)+len(w.respStream)) })
}

func benchConn(b *testing.B, w *resolverRun, tcp bool, size int) {
	// The parser must have taken every message, and every record in
	// it: a parser that rejects its input measures nothing.
	h := &benchHost{}
	w.feed(newConn(h, defaultConfig(), tcp), tcp)
	if h.messages != w.messages || h.events != w.events || h.weirds+h.violations+h.flips != 0 {
		b.Fatalf("%d messages and %d events, want %d and %d; %d weirds, %d violations, %d flips",
			h.messages, h.events, w.messages, w.events, h.weirds, h.violations, h.flips)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		w.feed(newConn(&benchHost{}, defaultConfig(), tcp), tcp)
	}
	b.ReportMetric(float64(w.messages)*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// tcpSegment is a full Ethernet segment's payload (1500-byte MTU less
// the IPv4 and TCP headers with timestamps), so messages straddle
// segments.
const tcpSegment = 1448

// resolverRun is a resolver's queries to one server and the replies.
type resolverRun struct {
	queries, replies       [][]byte
	udpBytes               int
	origStream, respStream []byte // the same messages, framed for TCP
	messages, events       int    // what parsing all of them raises
}

func newResolverRun(n int) *resolverRun {
	w := &resolverRun{messages: 2 * n}
	for i := range n {
		q, r, answers := resolverExchange(i)
		w.queries = append(w.queries, q)
		w.replies = append(w.replies, r)
		w.udpBytes += len(q) + len(r)
		w.origStream = append(w.origStream, tcpFrame(q)...)
		w.respStream = append(w.respStream, tcpFrame(r)...)
		// A query raises dns_message, dns_request and dns_end; a reply
		// dns_message, dns_query_reply, one event per answer and
		// dns_end.
		w.events += 3 + 3 + answers
	}
	return w
}

// feed delivers the run to c: each query then its reply, or the two
// streams a segment at a time, taking turns.
func (w *resolverRun) feed(c *conn, tcp bool) {
	if !tcp {
		for i, q := range w.queries {
			c.Deliver(true, q)
			c.Deliver(false, w.replies[i])
		}
		return
	}
	orig, resp := w.origStream, w.respStream
	for len(orig) > 0 || len(resp) > 0 {
		n := min(len(orig), tcpSegment)
		if n > 0 {
			c.Deliver(true, orig[:n])
		}
		orig = orig[n:]
		n = min(len(resp), tcpSegment)
		if n > 0 {
			c.Deliver(false, resp[:n])
		}
		resp = resp[n:]
	}
	c.EndOfData(true)
	c.EndOfData(false)
}

// resolverExchange is the i-th query, for hostN.example.com, and its
// reply, whose answers take turns among the common shapes; names are
// compressed as servers compress them.
func resolverExchange(i int) (query, reply []byte, answers int) {
	host := fmt.Sprintf("host%d", i)
	qname := dname(host, "example", "com")
	const owner = headerLen         // the question's name
	domain := owner + 1 + len(host) // its "example.com"
	first := owner + len(qname) + 4 // the first answer
	firstData := first + 2 + 10     // its data, after an owner pointer and the fixed fields
	octet := byte(i)
	var qtype int
	var rrs [][]byte
	switch i % 5 {
	case 0: // a CNAME into the same domain, then the target's addresses
		qtype = typeA
		rrs = [][]byte{
			rr(ptr(owner), typeCNAME, 1, 300, cat([]byte{3}, []byte("cdn"), ptr(domain))),
			rr(ptr(firstData), typeA, 1, 60, []byte{192, 0, 2, octet}),
			rr(ptr(firstData), typeA, 1, 60, []byte{192, 0, 2, octet + 1}),
		}
	case 1:
		qtype = typeAAAA
		addr := netip.MustParseAddr("2001:db8::1").As16()
		addr[15] = octet
		rrs = [][]byte{rr(ptr(owner), typeAAAA, 1, 300, addr[:])}
		addr[14] = 1
		rrs = append(rrs, rr(ptr(owner), typeAAAA, 1, 300, addr[:]))
	case 2:
		qtype = typeTXT
		rrs = [][]byte{rr(ptr(owner), typeTXT, 1, 3600,
			charStrings("v=spf1 include:_spf.example.com ~all", fmt.Sprintf("verification=%08x", i)))}
	case 3:
		qtype = typeMX
		rrs = [][]byte{
			rr(ptr(owner), typeMX, 1, 3600, cat(be16(10), []byte{3}, []byte("mx1"), ptr(domain))),
			rr(ptr(owner), typeMX, 1, 3600, cat(be16(20), []byte{3}, []byte("mx2"), ptr(domain))),
		}
	case 4:
		qtype = typeA
		rrs = [][]byte{rr(ptr(owner), typeA, 1, 60, []byte{198, 51, 100, octet})}
	}
	id := i & 0xffff
	query = cat(hdr(id, fRD, 1, 0, 0, 0), question(qname, qtype, 1))
	reply = cat(hdr(id, fQR|fRD|fRA, 1, len(rrs), 0, 0), question(qname, qtype, 1), cat(rrs...))
	return query, reply, len(rrs)
}

// benchHost handles every event and keeps only counts.
type benchHost struct {
	messages, events, weirds, violations, flips int
}

var benchServer = netip.MustParseAddr("192.0.2.53")

func (h *benchHost) Confirm()                    {}
func (h *benchHost) Violation(string, []byte)    { h.violations++ }
func (h *benchHost) Weird(string, string)        { h.weirds++ }
func (h *benchHost) LimitWeird(string, string)   { h.weirds++ }
func (h *benchHost) Handled(string) bool         { return true }
func (h *benchHost) RespAddr() netip.Addr        { return benchServer }
func (h *benchHost) RespPort() uint16            { return 53 }
func (h *benchHost) FlipRoles()                  { h.flips++ }
func (h *benchHost) Type(name string) types.Type { return fakeTypes[name] }

func (h *benchHost) Raise(event string, args ...value.Value) {
	h.events++
	if event == "dns_message" {
		h.messages++
	}
}
