package dns

import (
	"net/netip"
	"strconv"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Whether a message is a query, as the transport tells it: sent by the
// originator, by the responder, or flushed from a closing TCP stream
// without knowing.
const (
	queryNo      = 0
	queryYes     = 1
	queryUnknown = 2
)

// Sections of a message, as dns_answer$answer_type numbers them (the
// script constants DNS_QUERY, DNS_ANS, DNS_AUTH, DNS_ADDL).
const (
	secQuestion   = 0
	secAnswer     = 1
	secAuthority  = 2
	secAdditional = 3
)

const headerLen = 12

// header is a message's fixed header.
type header struct {
	id, opcode, rcode  uint64
	qr, aa, tc, rd, ra bool
	z                  uint64 // the three bits after RA (AD and CD among them)
	ad, cd             bool
	qd, an, ns, ar     int
	netbios            bool // NetBIOS name service: the responder port is 137
	isQuery            int  // queryNo, queryYes or queryUnknown
}

func parseHeader(b []byte) header {
	flags := uint16(b[2])<<8 | uint16(b[3])
	u16 := func(i int) int { return int(b[i])<<8 | int(b[i+1]) }
	return header{
		id:     uint64(u16(0)),
		qr:     flags&0x8000 != 0,
		opcode: uint64(flags>>11) & 0xf,
		aa:     flags&0x0400 != 0,
		tc:     flags&0x0200 != 0,
		rd:     flags&0x0100 != 0,
		ra:     flags&0x0080 != 0,
		z:      uint64(flags>>4) & 0x7,
		ad:     flags&0x0020 != 0,
		cd:     flags&0x0010 != 0,
		rcode:  uint64(flags & 0xf),
		qd:     u16(4), an: u16(6), ns: u16(8), ar: u16(10),
	}
}

// parser is the message interpreter of one connection (both directions
// and both transports share it, as in Zeek).
type parser struct {
	h       host
	cfg     config
	tcp     bool
	first   bool // no message seen yet
	flipped bool // the first message flipped the roles
	// types caches the script record types by name (nil: undeclared).
	types map[string]*types.RecordType

	// The message being parsed.
	msg  []byte
	off  int
	hdr  header
	sect int  // the section being parsed
	skip bool // its records raise no events
	// The resource record being parsed.
	rrName  string
	rrType  uint16
	rrClass uint16
	rrTTL   uint32
	depth   int // compression pointers followed in the current name
}

func newParser(h host, cfg config, tcp bool) *parser {
	return &parser{h: h, cfg: cfg, tcp: tcp, first: true}
}

func (p *parser) udp() bool { return !p.tcp }

// left is what remains of the message.
func (p *parser) left() int { return len(p.msg) - p.off }

// u16 and u32 read big-endian numbers; like Zeek they read 0, and
// consume nothing, when the message is too short.
func (p *parser) u16() uint16 {
	if p.left() < 2 {
		return 0
	}
	v := uint16(p.msg[p.off])<<8 | uint16(p.msg[p.off+1])
	p.off += 2
	return v
}

func (p *parser) u32() uint32 {
	if p.left() < 4 {
		return 0
	}
	b := p.msg[p.off:]
	p.off += 4
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// bytes takes up to n bytes (fewer when the message ends first).
func (p *parser) bytes(n int) string {
	n = max(0, min(n, p.left()))
	s := string(p.msg[p.off : p.off+n])
	p.off += n
	return s
}

// skipBytes passes over n bytes of record data (already checked to fit).
func (p *parser) skipBytes(n int) { p.off += max(0, min(n, p.left())) }

// parse interprets one message.
func (p *parser) parse(data []byte, isQuery int) {
	if len(data) < headerLen {
		p.h.Weird("DNS_truncated_len_lt_hdr_len", "")
		return
	}
	p.msg, p.off = data, headerLen
	defer func() { p.msg = nil }()
	p.hdr = parseHeader(data)
	p.hdr.netbios = p.h.RespPort() == 137
	// The first message is a reply from the originator: the roles were
	// guessed the wrong way round (unless the responder is a multicast
	// group, as for mDNS answers, which have no other end).
	if p.first && p.hdr.qr && isQuery == queryYes {
		isQuery = queryNo
		if !p.h.RespAddr().IsMulticast() {
			p.h.FlipRoles()
			p.flipped = true
			p.hdr.netbios = p.h.RespPort() == 137
		}
	}
	p.first = false
	p.hdr.isQuery = isQuery
	p.sect, p.skip = secQuestion, false

	if p.h.Handled("dns_message") {
		p.h.Raise("dns_message", value.Bool(isQuery != queryNo), p.msgVal(), value.Count(uint64(len(data))))
	}
	// Much non-DNS traffic runs on port 53; a huge question count weeds
	// most of it out.
	if p.cfg.maxQueries > 0 && uint64(p.hdr.qd) > p.cfg.maxQueries {
		p.h.Violation("DNS_Conn_count_too_large", nil)
		p.h.Weird("DNS_Conn_count_too_large", "")
		p.end()
		return
	}
	if !p.questions() || !p.records(p.hdr.an, secAnswer) {
		p.end()
		return
	}
	p.h.Confirm()

	skipAuth, skipAddl := p.cfg.skipAllAuth, p.cfg.skipAllAddl
	if p.hdr.an > 0 {
		server := p.h.RespAddr()
		skipAuth = skipAuth || p.hdr.ns == 0 || skips(p.cfg.skipAuth, server)
		skipAddl = skipAddl || p.hdr.ar == 0 || skips(p.cfg.skipAddl, server)
	}
	if skipAuth && skipAddl {
		p.end()
		return
	}
	p.skip = skipAuth
	if !p.records(p.hdr.ns, secAuthority) || skipAddl {
		p.end()
		return
	}
	p.skip = false
	p.records(p.hdr.ar, secAdditional)
	p.end()
}

// end raises dns_end, which every message that got past its header gets.
func (p *parser) end() {
	if p.h.Handled("dns_end") {
		p.h.Raise("dns_end", p.msgVal())
	}
}

// questions parses the question section.
func (p *parser) questions() bool {
	for i := 0; i < p.hdr.qd; i++ {
		if !p.question() {
			return false
		}
	}
	return true
}

func (p *parser) question() bool {
	name := p.name(false)
	if p.left() < 4 {
		p.h.Weird("DNS_truncated_quest_too_short", "")
		return false
	}
	// A reply without any record: the server refused in some fashion.
	event := "dns_query_reply"
	switch {
	case !p.hdr.qr:
		event = "dns_request"
	case p.hdr.an == 0 && p.hdr.ns == 0 && p.hdr.ar == 0:
		event = "dns_rejected"
	}
	qtype, qclass := p.u16(), p.u16()
	if p.h.Handled(event) {
		p.h.Raise(event, p.msgVal(), value.String(lower(name)), value.Count(uint64(qtype)), value.Count(uint64(qclass)), value.String(name))
	}
	return true
}

// records parses n resource records of a section.
func (p *parser) records(n, sect int) bool {
	p.sect = sect
	for i := 0; i < n; i++ {
		if !p.rr() {
			return false
		}
	}
	return true
}

// rr parses one resource record: its owner, type, class, TTL and
// data, which its type's parser reads.
func (p *parser) rr() bool {
	name := p.name(true)
	if p.left() < 4 {
		p.h.Weird("DNS_truncated_ans_too_short", "")
		return false
	}
	p.rrName = name
	p.rrType, p.rrClass, p.rrTTL = p.u16(), p.u16(), p.u32()
	rdlen := int(p.u16())
	switch {
	case rdlen > p.left():
		p.h.Weird("DNS_truncated_RR_rdlength_lt_len", "")
		return false
	case rdlen == 0 && p.left() > 0:
		p.h.Weird("DNS_zero_rdlength", "")
		return false
	}
	return p.rdata(rdlen)
}

// lower is ASCII lower case, as Zeek normalises names.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// addr4 is the IPv4 address of a big-endian number.
func addr4(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
