package ssl

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/gobro/gobro/runtime/net/protocols/exchange"
	"github.com/gobro/gobro/runtime/value"
)

// benchFileBase is as long as the file handle prefix newAnalyzer builds,
// which every certificate's id hashes.
const benchFileBase = "Analyzer::ANALYZER_SSL1700000000.000000192.168.1.10:51234 > 93.184.216.34:443"

// filler is n bytes standing in for keys, signatures and certificates:
// the analyser copies them into events without looking inside.
func filler(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = seed + byte(i)
	}
	return b
}

// fullHandshake is a TLS 1.2 ECDHE-RSA handshake with a browser's
// client hello (which also offers TLS 1.3) and real-world sizes: a
// two-certificate chain, an RSA-2048 signature, a session ticket. Its
// last server record is encrypted, so ssl_established is raised. n makes
// each handshake's name, randoms and blobs differ. Each side's flight is
// a turn of e.
func fullHandshake(e *exchange.Exchange, n int) {
	seed := byte(n)
	suites := cat(u16(0x1301), u16(0x1302), u16(0x1303), u16(0xc02b), u16(0xc02f), u16(0xc02c),
		u16(0xc030), u16(0xcca9), u16(0xcca8), u16(0xc013), u16(0xc014), u16(0x009c), u16(0x009d),
		u16(0x002f), u16(0x0035))
	ch := hsMsg(1, u16(0x0303), random(seed), v8(filler(32, seed)), v16(suites), v8([]byte{0}),
		v16(
			ext(0, v16([]byte{0}, v16([]byte(fmt.Sprintf("www%d.example.com", n))))),
			ext(23),
			ext(0xff01, []byte{0}),
			ext(10, v16(u16(29), u16(23), u16(24))),
			ext(11, v8([]byte{0})),
			ext(35),
			ext(16, v16(v8([]byte("h2")), v8([]byte("http/1.1")))),
			ext(5, []byte{1, 0, 0, 0, 0}),
			ext(13, v16([]byte{4, 3, 8, 4, 4, 1, 5, 3, 8, 5, 5, 1, 8, 6, 6, 1})),
			ext(18),
			ext(51, v16(u16(29), v16(filler(32, seed+1)))),
			ext(45, v8([]byte{1})),
			ext(43, v8(u16(0x0304), u16(0x0303))),
		))
	sh := hsMsg(2, u16(0x0303), random(seed+2), v8(filler(32, seed+3)), u16(0xc02f), []byte{0},
		v16(ext(0xff01, []byte{0}), ext(11, v8([]byte{0})), ext(23), ext(35), ext(16, v16(v8([]byte("h2"))))))
	cert := hsMsg(11, v24(v24(filler(1800, seed+4)), v24(filler(1200, seed+5))))
	ske := hsMsg(12, []byte{3}, u16(29), v8(filler(32, seed+6)), []byte{4, 1}, v16(filler(256, seed+7)))
	cke := hsMsg(16, v8(filler(32, seed+8)))
	nst := hsMsg(4, []byte{0, 0, 0x1c, 0x20}, v16(filler(192, seed+9)))
	finished := filler(40, seed+10) // explicit nonce, verify_data, AEAD tag
	e.Send(true, record(22, 0x0301, ch))
	e.Send(false, record(22, 0x0303, sh, cert, ske, hsMsg(14)))
	e.Send(true, cat(record(22, 0x0303, cke), ccs, record(22, 0x0303, finished)))
	e.Send(false, cat(record(22, 0x0303, nst), ccs, record(22, 0x0303, finished)))
}

// countingHost counts the events, violations and weirds it is given, to
// check that the benchmarks' input parses as intended.
type countingHost struct {
	typedNullHost
	n map[string]int
}

func (h *countingHost) Raise(event string, _ ...value.Value) { h.n[event]++ }
func (h *countingHost) Confirm()                             { h.n["confirm"]++ }
func (h *countingHost) Violation(reason string, _ []byte)    { h.n["violation: "+reason]++ }
func (h *countingHost) Weird(name, _ string)                 { h.n["weird "+name]++ }

// checkCounts fails the benchmark unless the events in want came as often
// as wanted and there was no violation nor weird.
func checkCounts(b *testing.B, got, want map[string]int) {
	b.Helper()
	var bad []string
	for e, n := range want {
		if got[e] != n {
			bad = append(bad, fmt.Sprintf("%s: %d, want %d", e, got[e], n))
		}
	}
	for e, n := range got {
		if strings.HasPrefix(e, "violation") || strings.HasPrefix(e, "weird") {
			bad = append(bad, fmt.Sprintf("%s: %d", e, n))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		b.Fatalf("the input does not parse as intended:\n%s", strings.Join(bad, "\n"))
	}
}

// BenchmarkAnalyzer feeds whole connections, both directions in
// MSS-sized segments, to a fresh analyser whose host handles every
// event, so the events' values are built as for a script that uses them.
func BenchmarkAnalyzer(b *testing.B) {
	// application-data: one handshake, then 16 rounds of the client
	// sending 32 KiB and the server 256 KiB, in full-size records (16 KiB
	// of plaintext plus AES-GCM's nonce and tag): the path of nearly every
	// HTTPS byte once the handshake is done.
	b.Run("application-data", func(b *testing.B) {
		const rounds, clientRecs, serverRecs = 16, 2, 16
		body := filler(16<<10+24, 0)
		e := &exchange.Exchange{}
		fullHandshake(e, 0)
		for range rounds {
			e.Send(true, bytes.Repeat(record(23, 0x0303, body), clientRecs))
			e.Send(false, bytes.Repeat(record(23, 0x0303, body), serverRecs))
		}
		e.Flush()

		h := &countingHost{n: map[string]int{}}
		e.Feed(newConn(h, benchFileBase))
		checkCounts(b, h.n, map[string]int{
			"ssl_client_hello": 1, "ssl_server_hello": 1, "SSL::__certificate": 2, "ssl_established": 1,
			// Both Finished messages, then the data records.
			"ssl_encrypted_data": 2 + rounds*(clientRecs+serverRecs),
		})

		b.SetBytes(int64(e.Total))
		b.ReportAllocs()
		for b.Loop() {
			e.Feed(newConn(typedNullHost{}, benchFileBase))
		}
	})

	// handshakes: 2,000 connections that each end after the handshake,
	// every one on its own analyser: hello and extension parsing, the
	// certificate chain's file ids, key exchange, ticket.
	b.Run("handshakes", func(b *testing.B) {
		const conns = 2000
		conn := make([]exchange.Exchange, conns)
		total := 0
		for i := range conn {
			fullHandshake(&conn[i], i)
			conn[i].Flush()
			total += conn[i].Total
		}

		h := &countingHost{n: map[string]int{}}
		for i := range conn {
			conn[i].Feed(newConn(h, benchFileBase))
		}
		checkCounts(b, h.n, map[string]int{
			"confirm": conns, "ssl_client_hello": conns, "ssl_server_hello": conns,
			"ssl_extension_server_name": conns, "ssl_extension_supported_versions": conns,
			"ssl_extension_application_layer_protocol_negotiation": 2 * conns,
			"SSL::__certificate": 2 * conns, "ssl_ecdh_server_params": conns, "ssl_ecdh_client_params": conns,
			"ssl_session_ticket_handshake": conns, "ssl_established": conns,
		})

		b.SetBytes(int64(total))
		b.ReportAllocs()
		for b.Loop() {
			for i := range conn {
				conn[i].Feed(newConn(typedNullHost{}, benchFileBase))
			}
		}
		b.ReportMetric(float64(b.N)*conns/b.Elapsed().Seconds(), "handshakes/s")
	})
}
