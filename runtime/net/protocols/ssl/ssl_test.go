package ssl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// recorder is a host that writes down what the parser reports, every
// event handled.
type recorder struct {
	log []string
}

func (r *recorder) Handled(string) bool { return true }
func (r *recorder) Raise(event string, args ...value.Value) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = show(a)
	}
	r.log = append(r.log, event+"("+strings.Join(parts, " ")+")")
}
func (r *recorder) Confirm()                          { r.log = append(r.log, "confirm") }
func (r *recorder) Violation(reason string, _ []byte) { r.log = append(r.log, "violation: "+reason) }
func (r *recorder) Weird(name, addl string)           { r.log = append(r.log, "weird "+name+" "+addl) }

var testTypes = func() map[string]types.Type {
	sig := types.NewRecord("SSL::SignatureAndHashAlgorithm")
	sig.AddField(&types.Field{Name: "HashAlgorithm", Type: types.CountType})
	sig.AddField(&types.Field{Name: "SignatureAlgorithm", Type: types.CountType})
	psk := types.NewRecord("SSL::PSKIdentity")
	psk.AddField(&types.Field{Name: "identity", Type: types.StringType})
	psk.AddField(&types.Field{Name: "obfuscated_ticket_age", Type: types.CountType})
	return map[string]types.Type{
		"index_vec":                       &types.VectorType{Elem: types.CountType},
		"string_vec":                      &types.VectorType{Elem: types.StringType},
		"SSL::SignatureAndHashAlgorithm":  sig,
		"signature_and_hashalgorithm_vec": &types.VectorType{Elem: sig},
		"SSL::PSKIdentity":                psk,
		"psk_identity_vec":                &types.VectorType{Elem: psk},
	}
}()

func (r *recorder) Type(name string) types.Type { return testTypes[name] }

// show writes a value compactly: strings quoted, vectors in brackets,
// records in braces, scalars as their number.
func show(v value.Value) string {
	switch p := v.P.(type) {
	case string:
		return fmt.Sprintf("%q", p)
	case *value.Vector:
		parts := make([]string, len(p.Elems))
		for i, e := range p.Elems {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case *value.Record:
		parts := make([]string, p.NumFields())
		for i, f := range p.Values() {
			parts[i] = show(f)
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	if v.N > 1<<62 { // a time: the bits of a double
		return fmt.Sprint(v.Double())
	}
	return fmt.Sprint(v.N)
}

// Builders of TLS bytes.

func u16(n int) []byte { return []byte{byte(n >> 8), byte(n)} }
func u24(n int) []byte { return []byte{byte(n >> 16), byte(n >> 8), byte(n)} }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func v8(b ...[]byte) []byte  { c := cat(b...); return cat([]byte{byte(len(c))}, c) }
func v16(b ...[]byte) []byte { c := cat(b...); return cat(u16(len(c)), c) }
func v24(b ...[]byte) []byte { c := cat(b...); return cat(u24(len(c)), c) }

func record(ctype byte, ver int, body ...[]byte) []byte {
	return cat([]byte{ctype}, u16(ver), v16(body...))
}

func hsMsg(typ byte, body ...[]byte) []byte { return cat([]byte{typ}, v24(body...)) }

func ext(code int, data ...[]byte) []byte { return cat(u16(code), v16(data...)) }

func random(b byte) []byte {
	r := make([]byte, 32)
	r[0], r[1], r[2], r[3] = 0x50, 0, 0, 1 // gmt_unix_time 0x50000001
	for i := 4; i < 32; i++ {
		r[i] = b
	}
	return r
}

var (
	clientHello12 = hsMsg(1, u16(0x0303), random(0xaa), v8(), v16(u16(0xc02f), u16(0x009c)), v8([]byte{0}),
		v16(
			ext(0, v16([]byte{0}, v16([]byte("example.com")))),
			ext(10, v16(u16(29), u16(23))),
			ext(11, v8([]byte{0})),
			ext(13, v16([]byte{4, 1, 4, 3})),
			ext(16, v16(v8([]byte("h2")), v8([]byte("http/1.1")))),
			ext(35),
		))
	serverHello12 = hsMsg(2, u16(0x0303), random(0xbb), v8([]byte{1, 2}), u16(0xc02f), []byte{0},
		v16(ext(16, v16(v8([]byte("h2")))), ext(11, v8([]byte{0})), ext(0)))
	certificate = hsMsg(11, v24(v24([]byte("leaf")), v24([]byte("ca"))))
	ske         = hsMsg(12, []byte{3}, u16(23), v8([]byte("POINT")), []byte{4, 1}, v16([]byte("SIG")))
	helloDone   = hsMsg(14)
	cke         = hsMsg(16, v8([]byte("CPOINT")))
	ticket      = hsMsg(4, []byte{0, 0, 1, 0}, v16([]byte("TICKET")))
	ccs         = record(20, 0x0303, []byte{1})
)

// tls12 is a full TLS 1.2 ECDHE handshake and some application data, as
// the two directions' streams.
func tls12() (client, server []byte) {
	client = cat(
		record(22, 0x0301, clientHello12),
		record(22, 0x0303, cke), ccs, record(22, 0x0303, []byte("encrypted finished")),
		record(23, 0x0303, []byte("GET /")),
	)
	server = cat(
		record(22, 0x0303, serverHello12, certificate, ske, helloDone),
		record(22, 0x0303, ticket), ccs, record(22, 0x0303, []byte("encrypted finished")),
		record(23, 0x0303, []byte("200 OK")),
	)
	return client, server
}

var tls12Events = []string{
	`ssl_extension_server_name(1 ["example.com"])`,
	`ssl_extension(1 0 "\x00\x0e\x00\x00\vexample.com")`,
	`ssl_extension_elliptic_curves(1 [29,23])`,
	`ssl_extension(1 10 "\x00\x04\x00\x1d\x00\x17")`,
	`ssl_extension_ec_point_formats(1 [0])`,
	`ssl_extension(1 11 "\x01\x00")`,
	`ssl_extension_signature_algorithm(1 [{4,1},{4,3}])`,
	`ssl_extension(1 13 "\x00\x04\x04\x01\x04\x03")`,
	`ssl_extension_application_layer_protocol_negotiation(1 ["h2","http/1.1"])`,
	`ssl_extension(1 16 "\x00\f\x02h2\bhttp/1.1")`,
	`ssl_extension(1 35 "")`,
	`confirm`,
	`ssl_client_hello(771 769 1.342177281e+09 "P\x00\x00\x01\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa\xaa" "" [49199,156] [0])`,
	`ssl_handshake_message(1 1 113)`,
	`ssl_plaintext_data(1 769 22 117)`,
	`ssl_extension_application_layer_protocol_negotiation(0 ["h2"])`,
	`ssl_extension(0 16 "\x00\x03\x02h2")`,
	`ssl_extension_ec_point_formats(0 [0])`,
	`ssl_extension(0 11 "\x01\x00")`,
	`ssl_extension(0 0 "")`,
	`ssl_server_hello(771 771 1.342177281e+09 "P\x00\x00\x01\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb\xbb" "\x01\x02" 49199 0)`,
	`ssl_handshake_message(0 2 61)`,
	`SSL::__certificate(0 "FUcZtJ106iNq1E55z4" "leaf" 1)`,
	`SSL::__certificate(0 "FU3iaZ2kOdLcfKQbA6" "ca" 0)`,
	`ssl_handshake_message(0 11 15)`,
	`ssl_ecdh_server_params(23 "POINT")`,
	`ssl_server_signature({4,1} "SIG")`,
	`ssl_handshake_message(0 12 16)`,
	`ssl_handshake_message(0 14 0)`,
	`ssl_plaintext_data(0 771 22 108)`,
	`ssl_ecdh_client_params("CPOINT")`,
	`ssl_handshake_message(1 16 7)`,
	`ssl_plaintext_data(1 771 22 11)`,
	`ssl_change_cipher_spec(1)`,
	`ssl_plaintext_data(1 771 20 1)`,
	`ssl_encrypted_data(1 771 22 18)`,
	`ssl_encrypted_data(1 771 23 5)`,
	`ssl_session_ticket_handshake(256 "TICKET")`,
	`ssl_handshake_message(0 4 12)`,
	`ssl_plaintext_data(0 771 22 16)`,
	`ssl_change_cipher_spec(0)`,
	`ssl_plaintext_data(0 771 20 1)`,
	`ssl_established()`,
	`ssl_encrypted_data(0 771 22 18)`,
	`ssl_encrypted_data(0 771 23 6)`,
}

// run feeds the client's stream, then the server's, in chunks of size n
// (0: whole).
func run(client, server []byte, n int) []string {
	r := &recorder{}
	c := newConn(r, "test")
	feed := func(isOrig bool, b []byte) {
		for len(b) > 0 {
			k := len(b)
			if n > 0 && n < k {
				k = n
			}
			c.Deliver(isOrig, b[:k])
			b = b[k:]
		}
	}
	// The client's hello first, then the server's flight, then the rest.
	cf, sf := recordLen(client), recordLen(server)
	feed(true, client[:cf])
	feed(false, server[:sf])
	feed(true, client[cf:])
	feed(false, server[sf:])
	return r.log
}

// recordLen is the length of the first record of b, header included.
func recordLen(b []byte) int { return 5 + (int(b[3])<<8 | int(b[4])) }

func checkLog(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A TLS 1.2 handshake gives the same events whole and cut into pieces of
// any size (records and handshake messages cross TCP segments).
func TestTLS12Handshake(t *testing.T) {
	client, server := tls12()
	for _, n := range []int{0, 1, 3, 7, 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) { checkLog(t, run(client, server, n), tls12Events) })
	}
}

// Handshake messages split over several records are joined.
func TestHandshakeAcrossRecords(t *testing.T) {
	msgs := cat(serverHello12, certificate, ske, helloDone)
	var split []byte
	for len(msgs) > 0 {
		k := min(9, len(msgs))
		split = append(split, record(22, 0x0303, msgs[:k])...)
		msgs = msgs[k:]
	}
	r := &recorder{}
	c := newConn(r, "test")
	c.Deliver(true, record(22, 0x0301, clientHello12))
	c.Deliver(false, split)
	var hs []string
	for _, e := range r.log {
		if strings.HasPrefix(e, "ssl_handshake_message(0") || strings.HasPrefix(e, "ssl_ecdh") || strings.HasPrefix(e, "violation") {
			hs = append(hs, e)
		}
	}
	checkLog(t, hs, []string{
		`ssl_handshake_message(0 2 61)`, `ssl_handshake_message(0 11 15)`, `ssl_ecdh_server_params(23 "POINT")`,
		`ssl_handshake_message(0 12 16)`, `ssl_handshake_message(0 14 0)`,
	})
}

// TLS 1.3: the version and group come from supported_versions and
// key_share; the handshake is established once both sides sent the
// compatibility ChangeCipherSpec and encrypted records follow.
func TestTLS13(t *testing.T) {
	ch := hsMsg(1, u16(0x0303), random(1), v8(make([]byte, 32)), v16(u16(0x1301)), v8([]byte{0}),
		v16(ext(43, v8(u16(0x0304), u16(0x0303))), ext(51, v16(u16(29), v16([]byte("KEY")))), ext(45, v8([]byte{1}))))
	sh := hsMsg(2, u16(0x0303), random(2), v8(make([]byte, 32)), u16(0x1301), []byte{0},
		v16(ext(43, u16(0x0304)), ext(51, u16(29), v16([]byte("SKEY")))))
	r := &recorder{}
	c := newConn(r, "test")
	c.Deliver(true, record(22, 0x0301, ch))
	c.Deliver(false, cat(record(22, 0x0303, sh), ccs, record(23, 0x0303, []byte("enc"))))
	c.Deliver(true, cat(ccs, record(23, 0x0303, []byte("fin"))))
	var got []string
	for _, e := range r.log {
		if !strings.HasPrefix(e, "ssl_extension(") && !strings.HasPrefix(e, "ssl_plaintext_data") && !strings.HasPrefix(e, "ssl_client_hello") && !strings.HasPrefix(e, "ssl_server_hello") {
			got = append(got, e)
		}
	}
	checkLog(t, got, []string{
		`ssl_extension_supported_versions(1 [772,771])`,
		`ssl_extension_key_share(1 [29])`,
		`ssl_extension_psk_key_exchange_modes(1 [1])`,
		`confirm`,
		`ssl_handshake_message(1 1 103)`,
		`ssl_extension_supported_versions(0 [772])`,
		`ssl_extension_key_share(0 [29])`,
		`ssl_handshake_message(0 2 90)`,
		`ssl_change_cipher_spec(0)`,
		`ssl_encrypted_data(0 771 23 3)`,
		`ssl_change_cipher_spec(1)`,
		`ssl_established()`,
		`ssl_encrypted_data(1 771 23 3)`,
	})
	if !c.tls13() {
		t.Error("the server's supported_versions did not set TLS 1.3")
	}
}

// Alerts: each two bytes of a plaintext alert record are one alert.
func TestAlert(t *testing.T) {
	r := &recorder{}
	c := newConn(r, "test")
	c.Deliver(true, record(22, 0x0301, clientHello12))
	c.Deliver(false, record(21, 0x0303, []byte{2, 40, 1, 0}))
	got := r.log[len(r.log)-3:]
	checkLog(t, got, []string{`ssl_alert(0 2 40)`, `ssl_alert(0 1 0)`, `ssl_plaintext_data(0 771 21 4)`})
}

// What is not TLS is a violation, and nothing follows it.
func TestViolations(t *testing.T) {
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"not tls":           {[]byte("GET / HTTP/1.1\r\n\r\n"), "violation: invalid SSL/TLS record header"},
		"unknown handshake": {record(22, 0x0303, hsMsg(99)), "violation: unknown handshake message (99) from originator"},
		"short hello":       {record(22, 0x0303, hsMsg(1, u16(0x0303))), "violation: malformed handshake message (1) from originator"},
		"bad version":       {record(22, 0x0303, hsMsg(1, u16(0x0505), random(0), v8(), v16(u16(1)), v8([]byte{0}))), "violation: unsupported client SSL version 0x0505"},
		"bad record type":   {cat(record(22, 0x0303, clientHello12), record(99, 0x0303, []byte{1})), "violation: unknown SSL record type (99) from originator"},
	} {
		t.Run(name, func(t *testing.T) {
			r := &recorder{}
			c := newConn(r, "test")
			c.Deliver(true, tc.data)
			n := len(r.log)
			c.Deliver(true, record(22, 0x0303, clientHello12))
			var violations []string
			for _, e := range r.log {
				if strings.HasPrefix(e, "violation") {
					violations = append(violations, e)
				}
			}
			if len(violations) != 1 || violations[0] != tc.want || len(r.log) != n {
				t.Errorf("want %q and nothing after the damaged data, got:\n%s", tc.want, strings.Join(r.log, "\n"))
			}
		})
	}
}

// An SSLv2-framed client hello (old clients offering SSLv3/TLS) and an
// SSLv2 server hello with its certificate.
func TestSSLv2Hello(t *testing.T) {
	ch := cat([]byte{1}, u16(0x0301), u16(6), u16(0), u16(16), []byte{0, 0, 0x04, 0x01, 0x00, 0x80}, make([]byte, 16))
	sh := cat([]byte{4, 0, 1}, u16(0x0002), u16(4), u16(3), u16(16), []byte("CERT"), []byte{1, 0, 0x80}, make([]byte, 16))
	r := &recorder{}
	c := newConn(r, "test")
	c.Deliver(true, cat([]byte{0x80, byte(len(ch))}, ch))
	c.Deliver(false, cat([]byte{0x80, byte(len(sh))}, sh))
	c.Deliver(true, cat([]byte{0x80, 3}, []byte{2, 0, 0}))
	checkLog(t, r.log, []string{
		`confirm`,
		`ssl_client_hello(769 0 0 "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" "" [4,65664] [])`,
		`ssl_server_hello(2 0 0 "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" "" 65664 0)`,
		`SSL::__certificate(0 "FUcZtJ106iNq1E55z4" "CERT" 1)`,
		`ssl_established()`,
	})
}

// After a content gap nothing more is parsed (records cannot be found
// again), and a message left unfinished at the end raises nothing.
func TestGapAndEnd(t *testing.T) {
	r := &recorder{}
	c := newConn(r, "test")
	hello := record(22, 0x0301, clientHello12)
	c.Deliver(true, hello[:20])
	c.EndOfData(true)
	c.Deliver(false, record(22, 0x0303, serverHello12)[:30])
	c.Gap(false, 100)
	c.Deliver(false, record(22, 0x0303, serverHello12))
	c.Deliver(true, hello)
	if len(r.log) != 0 {
		t.Errorf("events after a gap or from unfinished messages:\n%s", strings.Join(r.log, "\n"))
	}
}

// A ciphertext record counts when its last byte arrives, though its
// body is passed over rather than kept; one cut by the end of the data
// counts not at all, and the next begins afresh.
func TestCiphertextRecordAcrossDeliveries(t *testing.T) {
	r := &recorder{}
	c := newConn(r, "test")
	c.Deliver(true, ccs)
	r.log = nil
	big := record(23, 0x0303, make([]byte, 300))
	next := record(23, 0x0303, []byte("tail"))
	c.Deliver(true, big[:2]) // the header itself cut
	c.Deliver(true, big[2:100])
	c.Deliver(true, big[100:299])
	if len(r.log) != 0 {
		t.Fatalf("events before the record's last byte: %v", r.log)
	}
	c.Deliver(true, cat(big[299:], next[:7]))
	c.Deliver(true, next[7:])
	checkLog(t, r.log, []string{`ssl_encrypted_data(1 771 23 300)`, `ssl_encrypted_data(1 771 23 4)`})

	r.log = nil
	c.Deliver(true, big[:50])
	c.EndOfData(true)
	c.Deliver(true, next)
	checkLog(t, r.log, []string{`ssl_encrypted_data(1 771 23 4)`})
}

// Zeek's key exchange kinds follow from the suite names.
func TestKeyExchangeKinds(t *testing.T) {
	for code, want := range map[uint16][3]any{
		0xc02f: {kexECDHE, false, true}, 0xc018: {kexECDHE, false, false}, 0xc035: {kexECDHE, true, false},
		0x0033: {kexDHE, false, true}, 0x0034: {kexDHE, false, false}, 0x0090: {kexDHE, true, false},
		0x0004: {kexRSA, false, false}, 0xc00e: {kexOther, false, false}, 0x1301: {kexOther, false, false},
	} {
		k, psk, signed := kexOf(code)
		if k != want[0] || psk != want[1] || signed != want[2] {
			t.Errorf("%#04x (%s): got %v %v %v, want %v", code, cipherNames[uint32(code)], k, psk, signed, want)
		}
	}
}

// A TLS 1.2 CertificateRequest: types, signature algorithms and CA names.
func TestCertificateRequest(t *testing.T) {
	r := &recorder{}
	c := newConn(r, "test")
	c.Deliver(true, record(22, 0x0301, clientHello12))
	c.Deliver(false, record(22, 0x0303, serverHello12, hsMsg(13, v8([]byte{1, 64}), v16([]byte{4, 1}), v16(v16([]byte("CA1")), v16([]byte("CA2"))))))
	var got []string
	for _, e := range r.log {
		if strings.HasPrefix(e, "ssl_certificate_request") || strings.HasPrefix(e, "violation") {
			got = append(got, e)
		}
	}
	checkLog(t, got, []string{`ssl_certificate_request(0 [1,64] [{4,1}] ["CA1","CA2"])`})
}
