package dns

import (
	"strings"
	"testing"
)

func run(t *testing.T, h *fakeHost, cfg config, tcp bool, msgs ...struct {
	orig bool
	data []byte
}) string {
	t.Helper()
	c := newConn(h, cfg, tcp)
	for _, m := range msgs {
		c.Deliver(m.orig, m.data)
	}
	return strings.Join(h.log, "\n")
}

type dgram = struct {
	orig bool
	data []byte
}

func check(t *testing.T, got, want string) {
	t.Helper()
	want = strings.TrimSpace(want)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A query and its reply: a CNAME whose target is compressed, then an A
// record; the answer section only (auth and additional are skipped by
// default, so their events are not raised).
func TestQueryReply(t *testing.T) {
	q := cat(hdr(0x1234, fRD, 1, 0, 0, 0), question(dname("WWW", "Example", "com"), 1, 1))
	qname := 12 // offset of the question's name
	r := cat(hdr(0x1234, fQR|fRD|fRA, 1, 2, 1, 0), question(dname("www", "example", "com"), 1, 1),
		rr(ptr(qname), 5, 1, 300, cat([]byte{3}, []byte("web"), ptr(qname+4))),
		rr(cat([]byte{3}, []byte("web"), ptr(qname+4)), 1, 1, 60, []byte{192, 0, 2, 7}),
		rr(ptr(qname+4), 2, 1, 3600, dname("ns", "example", "com")))
	h := newFake("10.0.0.53", 53)
	got := run(t, h, defaultConfig(), false, dgram{true, q}, dgram{false, r})
	check(t, got, `
dns_message(1, [id=4660, opcode=0, rcode=0, QR=F, AA=F, TC=F, RD=T, RA=F, Z=0, AD=F, CD=F, num_queries=1, num_answers=0, num_auth=0, num_addl=0, is_netbios=F], 33)
dns_request([id=4660, opcode=0, rcode=0, QR=F, AA=F, TC=F, RD=T, RA=F, Z=0, AD=F, CD=F, num_queries=1, num_answers=0, num_auth=0, num_addl=0, is_netbios=F], "www.example.com", 1, 1, "WWW.Example.com")
confirm
dns_end([id=4660, opcode=0, rcode=0, QR=F, AA=F, TC=F, RD=T, RA=F, Z=0, AD=F, CD=F, num_queries=1, num_answers=0, num_auth=0, num_addl=0, is_netbios=F])
dns_message(0, [id=4660, opcode=0, rcode=0, QR=T, AA=F, TC=F, RD=T, RA=T, Z=0, AD=F, CD=F, num_queries=1, num_answers=2, num_auth=1, num_addl=0, is_netbios=F], 99)
dns_query_reply([id=4660, opcode=0, rcode=0, QR=T, AA=F, TC=F, RD=T, RA=T, Z=0, AD=F, CD=F, num_queries=1, num_answers=2, num_auth=1, num_addl=0, is_netbios=F], "www.example.com", 1, 1, "www.example.com")
dns_CNAME_reply([id=4660, opcode=0, rcode=0, QR=T, AA=F, TC=F, RD=T, RA=T, Z=0, AD=F, CD=F, num_queries=1, num_answers=2, num_auth=1, num_addl=0, is_netbios=F], [answer_type=1, query=www.example.com, qtype=5, qclass=1, TTL=5.0 mins], "web.example.com")
dns_A_reply([id=4660, opcode=0, rcode=0, QR=T, AA=F, TC=F, RD=T, RA=T, Z=0, AD=F, CD=F, num_queries=1, num_answers=2, num_auth=1, num_addl=0, is_netbios=F], [answer_type=1, query=web.example.com, qtype=1, qclass=1, TTL=1.0 min], 192.0.2.7)
confirm
dns_end([id=4660, opcode=0, rcode=0, QR=T, AA=F, TC=F, RD=T, RA=T, Z=0, AD=F, CD=F, num_queries=1, num_answers=2, num_auth=1, num_addl=0, is_netbios=F])
`)
}

func briefFake(resp string, port uint16) *fakeHost {
	h := newFake(resp, port)
	h.brief = true
	return h
}

// The first message is a reply sent by the originator: the roles flip
// (and the message counts as a reply), unless the responder is a
// multicast group, as for mDNS answers.
func TestFlip(t *testing.T) {
	r := cat(hdr(7, fQR|fAA, 1, 1, 0, 0), question(dname("a", "b"), 1, 1), rr(ptr(12), 1, 1, 900, []byte{10, 0, 0, 1}))
	h := briefFake("10.0.0.2", 53)
	got := run(t, h, defaultConfig(), false, dgram{true, r}, dgram{true, r})
	check(t, got, `
flip
dns_message(0, msg, 37)
dns_query_reply(msg, "a.b", 1, 1, "a.b")
dns_A_reply(msg, [answer_type=1, query=a.b, qtype=1, qclass=1, TTL=15.0 mins], 10.0.0.1)
confirm
dns_end(msg)
dns_message(1, msg, 37)
dns_query_reply(msg, "a.b", 1, 1, "a.b")
dns_A_reply(msg, [answer_type=1, query=a.b, qtype=1, qclass=1, TTL=15.0 mins], 10.0.0.1)
confirm
dns_end(msg)
`)
	h = briefFake("224.0.0.251", 5353)
	run(t, h, defaultConfig(), false, dgram{true, r})
	if strings.Contains(strings.Join(h.log, "\n"), "flip") || !strings.HasPrefix(h.log[0], "dns_message(0,") {
		t.Errorf("multicast reply: %q", h.log)
	}
}

// Malformed names end early with Zeek's weirds; the message goes on.
func TestNameWeirds(t *testing.T) {
	long := strings.Repeat("x", 64)
	for _, tc := range []struct {
		name string
		msg  []byte
		cfg  func(*config)
		want string
	}{
		{"forward pointer", cat(hdr(1, 0, 1, 0, 0, 0), ptr(40), be16(1), be16(1)), nil,
			`weird DNS_label_forward_compress_offset ""
dns_request(msg, "", 1, 1, "")`},
		{"label too long", cat(hdr(1, 0, 1, 0, 0, 0), []byte{64}, []byte(long), []byte{0}, be16(1), be16(1)), nil,
			// Zeek goes on reading right after the length byte.
			`weird DNS_label_too_long ""
dns_request(msg, "", 30840, 30840, "")`},
		{"label past the end", cat(hdr(1, 0, 1, 0, 0, 0), []byte{9, 'a', 'b'}), nil,
			`weird DNS_label_len_gt_pkt ""
weird DNS_truncated_quest_too_short ""`},
		{"chain too deep", cat(hdr(1, 0, 3, 0, 0, 0), question(dname("a"), 1, 1), question(ptr(12), 1, 1), question(ptr(19), 1, 1)),
			func(c *config) { c.maxDepth = 1 },
			`dns_request(msg, "a", 1, 1, "a")
dns_request(msg, "a", 1, 1, "a")
limit-weird DNS_max_compression_chain_depth_exceeded "2"
dns_request(msg, "", 1, 1, "")`},
		{"short header", []byte{1, 2, 3}, nil, `weird DNS_truncated_len_lt_hdr_len ""`},
		{"too many questions", hdr(1, 0, 26, 0, 0, 0), nil,
			`violation DNS_Conn_count_too_large
weird DNS_Conn_count_too_large ""`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := briefFake("10.0.0.2", 53)
			h.unhandled = map[string]bool{"dns_message": true, "dns_end": true}
			cfg := defaultConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			got := run(t, h, cfg, false, dgram{true, tc.msg})
			got = strings.TrimSuffix(strings.TrimSuffix(got, "confirm"), "\n")
			check(t, got, tc.want)
		})
	}
}

// Record types beyond addresses and names: TXT with several strings, MX,
// SOA, SRV, an unknown type; then the additional section when asked for:
// EDNS with client subnet and cookie options, and TSIG.
func TestRecordTypes(t *testing.T) {
	opt := cat(be16(8), be16(7), be16(1), []byte{24, 0, 192, 0, 2}, // ECS 192.0.2.0/24
		be16(10), be16(8), []byte("cookie!!")) // client cookie only
	tsig := cat(dname("hmac-sha256"), be32(1700000000), be16(500), be16(300), be16(2), []byte("MC"), be16(7), be16(0), be16(0))
	r := cat(hdr(9, fQR|fAA, 1, 5, 0, 2), question(dname("z"), 255, 1),
		rr(ptr(12), 16, 1, 60, charStrings("v=spf1", "", "-all")),
		rr(ptr(12), 15, 1, 60, cat(be16(10), dname("mx", "z"))),
		rr(ptr(12), 6, 1, 60, cat(dname("ns"), dname("root"), be32(1), be32(2), be32(3), be32(4), be32(5))),
		rr(ptr(12), 33, 1, 60, cat(be16(1), be16(2), be16(5060), dname("sip"))),
		rr(ptr(12), 200, 1, 60, []byte{1, 2}),
		rr([]byte{0}, 41, 1232, 0x00008000, opt),
		rr(dname("key"), 250, 255, 0, tsig))
	h := briefFake("10.0.0.2", 53)
	h.unhandled = map[string]bool{"dns_message": true, "dns_end": true, "dns_query_reply": true}
	cfg := defaultConfig()
	cfg.skipAllAddl = false
	got := run(t, h, cfg, false, dgram{false, r})
	check(t, got, `
dns_TXT_reply(msg, [answer_type=1, query=z, qtype=16, qclass=1, TTL=1.0 min], [v=spf1, , -all])
dns_MX_reply(msg, [answer_type=1, query=z, qtype=15, qclass=1, TTL=1.0 min], "mx.z", 10)
dns_SOA_reply(msg, [answer_type=1, query=z, qtype=6, qclass=1, TTL=1.0 min], [mname=ns, rname=root, serial=1, refresh=2.0 secs, retry=3.0 secs, expire=4.0 secs, minimum=5.0 secs])
dns_SRV_reply(msg, [answer_type=1, query=z, qtype=33, qclass=1, TTL=1.0 min], "sip", 1, 2, 5060)
dns_unknown_reply(msg, [answer_type=1, query=z, qtype=200, qclass=1, TTL=1.0 min])
weird DNS_RR_unknown_type "200"
confirm
dns_EDNS_addl(msg, [query=, qtype=3, t=41, payload_size=1232, extended_rcode=0, version=0, z_field=32768, TTL=9.0 hrs 6.0 mins 8.0 secs, is_query=0])
dns_EDNS_ecs(msg, [family=v4, source_prefix_len=24, scope_prefix_len=0, address=192.0.2.0])
dns_EDNS_cookie(msg, [client_cookie=cookie!!, server_cookie=<uninitialized>])
dns_TSIG_addl(msg, [query=key, qtype=3, alg_name=hmac-sha256, sig=MC, time_signed=1700000000.5, fudge=300.0, orig_id=7, rr_error=0, is_query=0])
`)
}

// Over TCP each message has a two-byte length; messages may span
// segments and share them.
func TestTCPFraming(t *testing.T) {
	q := cat(hdr(1, fRD, 1, 0, 0, 0), question(dname("a"), 1, 1))
	q2 := cat(hdr(2, fRD, 1, 0, 0, 0), question(dname("b"), 28, 1))
	stream := cat(tcpFrame(q), tcpFrame(q2))
	h := briefFake("10.0.0.2", 53)
	h.unhandled = map[string]bool{"dns_message": true, "dns_end": true}
	c := newConn(h, defaultConfig(), true)
	for _, chunk := range [][]byte{stream[:1], stream[1:9], stream[9:30], stream[30:]} {
		c.Deliver(true, chunk)
	}
	// An unfinished message is parsed when the stream ends.
	c.Deliver(false, cat(be16(100), hdr(1, fQR, 1, 0, 0, 0), question(dname("a"), 1, 1)))
	c.EndOfData(true)
	check(t, strings.Join(h.log, "\n"), `
dns_request(msg, "a", 1, 1, "a")
confirm
dns_request(msg, "b", 28, 1, "b")
confirm
dns_rejected(msg, "a", 1, 1, "a")
confirm
`)
}

// Over TCP a flip carries each direction's framing with its endpoint: the
// rest of a message the new responder started arrives as the
// responder's.
func TestTCPFlip(t *testing.T) {
	r := cat(hdr(5, fQR, 1, 0, 0, 0), question(dname("a"), 1, 1))
	stream := cat(tcpFrame(r), tcpFrame(r))
	h := briefFake("10.0.0.2", 53)
	h.unhandled = map[string]bool{"dns_message": true, "dns_end": true}
	c := newConn(h, defaultConfig(), true)
	c.Deliver(true, stream[:30])
	c.Deliver(false, stream[30:])
	check(t, strings.Join(h.log, "\n"), `
flip
dns_rejected(msg, "a", 1, 1, "a")
confirm
dns_rejected(msg, "a", 1, 1, "a")
confirm
`)
}
