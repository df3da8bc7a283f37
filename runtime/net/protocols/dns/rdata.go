package dns

import (
	"fmt"
	"net/netip"

	"github.com/gobro/gobro/runtime/value"
)

// Resource record types with their own parsing.
const (
	typeA      = 1
	typeNS     = 2
	typeCNAME  = 5
	typeSOA    = 6
	typeWKS    = 11
	typePTR    = 12
	typeHINFO  = 13
	typeMX     = 15
	typeTXT    = 16
	typeAAAA   = 28
	typeNBS    = 32 // NetBIOS name service NB records (NIMLOC elsewhere)
	typeSRV    = 33 // also NetBIOS NBSTAT on port 137
	typeA6     = 38
	typeOPT    = 41 // EDNS
	typeDS     = 43
	typeSSHFP  = 44
	typeRRSIG  = 46
	typeNSEC   = 47
	typeDNSKEY = 48
	typeNSEC3  = 50
	typeN3P    = 51 // NSEC3PARAM
	typeSVCB   = 64
	typeHTTPS  = 65
	typeSPF    = 99
	typeTKEY   = 249
	typeTSIG   = 250
	typeCAA    = 257
	typeBINDS  = 65534
	typeLOC    = 29
)

// wants reports whether the record's event is to be raised.
func (p *parser) wants(event string) bool { return !p.skip && p.h.Handled(event) }

// raiseRR raises a record event: the header, the record's common fields,
// then the type's arguments.
func (p *parser) raiseRR(event string, args ...value.Value) {
	p.h.Raise(event, append([]value.Value{p.msgVal(), p.answerVal()}, args...)...)
}

// rdata parses a record's data by its type. The data is rdlen bytes,
// which fit in the message; a type's parser may still read more or less,
// as Zeek's do (a mismatch is a weird, not an error).
func (p *parser) rdata(rdlen int) bool {
	switch p.rrType {
	case typeA:
		if rdlen != 4 {
			p.h.Weird("DNS_RR_bad_length", "")
			return false
		}
		a := addr4(p.u32())
		if p.wants("dns_A_reply") {
			p.raiseRR("dns_A_reply", value.Addr(a))
		}
		return true
	case typeAAAA, typeA6:
		var b [16]byte
		for i := 0; i < 16; i += 4 {
			v := p.u32()
			b[i], b[i+1], b[i+2], b[i+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
		}
		event := "dns_AAAA_reply"
		if p.rrType == typeA6 {
			event = "dns_A6_reply"
		}
		if p.wants(event) {
			p.raiseRR(event, value.Addr(netip.AddrFrom16(b)))
		}
		return true
	case typeNS, typeCNAME, typePTR:
		name := p.sizedName(rdlen)
		event := map[uint16]string{typeNS: "dns_NS_reply", typeCNAME: "dns_CNAME_reply", typePTR: "dns_PTR_reply"}[p.rrType]
		if p.wants(event) {
			p.raiseRR(event, value.String(name))
		}
		return true
	case typeSOA:
		return p.soa(rdlen)
	case typeWKS:
		if !p.wants("dns_WKS_reply") {
			p.skipBytes(rdlen)
			return true
		}
		// Zeek raises the event without reading the data.
		p.raiseRR("dns_WKS_reply")
		return true
	case typeHINFO:
		if !p.wants("dns_HINFO_reply") {
			p.skipBytes(rdlen)
			return true
		}
		cpu, _ := p.charString(&rdlen)
		os, _ := p.charString(&rdlen)
		p.raiseRR("dns_HINFO_reply", value.String(cpu), value.String(os))
		return rdlen == 0
	case typeMX:
		start := p.off
		pref := p.u16()
		name := p.name(true)
		p.lengthCheck(start, rdlen)
		if p.wants("dns_MX_reply") {
			p.raiseRR("dns_MX_reply", value.String(name), value.Count(uint64(pref)))
		}
		return true
	case typeTXT, typeSPF:
		event := "dns_TXT_reply"
		if p.rrType == typeSPF {
			event = "dns_SPF_reply"
		}
		if !p.wants(event) {
			p.skipBytes(rdlen)
			return true
		}
		var strs []value.Value
		for {
			s, ok := p.charString(&rdlen)
			if !ok {
				break
			}
			strs = append(strs, value.String(s))
		}
		p.raiseRR(event, p.stringVec(strs))
		return rdlen == 0
	case typeCAA:
		return p.caa(rdlen)
	case typeNBS:
		p.skipBytes(rdlen)
		return true
	case typeSRV:
		if p.hdr.netbios {
			// NetBIOS NBSTAT: Zeek neither parses nor skips it.
			return true
		}
		start := p.off
		prio, weight, port := p.u16(), p.u16(), p.u16()
		target := p.name(true)
		p.lengthCheck(start, rdlen)
		if p.wants("dns_SRV_reply") {
			p.raiseRR("dns_SRV_reply", value.String(target), value.Count(uint64(prio)), value.Count(uint64(weight)), value.Count(uint64(port)))
		}
		return true
	case typeOPT:
		return p.edns(rdlen)
	case typeTSIG:
		p.tsig()
		return true
	case typeTKEY:
		return p.tkey(rdlen)
	case typeRRSIG, typeDNSKEY, typeNSEC, typeNSEC3, typeN3P, typeDS, typeBINDS, typeSSHFP, typeLOC, typeSVCB, typeHTTPS:
		// DNSSEC and friends: no events yet, which is what Zeek does
		// for them when they are not handled.
		p.skipBytes(rdlen)
		return true
	}
	if p.wants("dns_unknown_reply") {
		p.h.Raise("dns_unknown_reply", p.msgVal(), p.answerVal())
	}
	p.h.Weird("DNS_RR_unknown_type", itoa(int(p.rrType)))
	p.skipBytes(rdlen)
	return true
}

// sizedName reads a name that is a record's whole data.
func (p *parser) sizedName(rdlen int) string {
	start := p.off
	name := p.name(true)
	p.lengthCheck(start, rdlen)
	return name
}

// lengthCheck reports a record whose parsed data does not match rdlen.
func (p *parser) lengthCheck(start, rdlen int) {
	if p.off-start != rdlen {
		p.h.Weird("DNS_RR_length_mismatch", "")
	}
}

// charString reads a <character-string> (a length byte, then bytes)
// within the rdlen bytes left of the record's data.
func (p *parser) charString(rdlen *int) (string, bool) {
	if *rdlen <= 0 || p.left() <= 0 {
		return "", false
	}
	n := int(p.msg[p.off])
	p.off++
	*rdlen--
	if n > *rdlen {
		p.h.Weird("DNS_TXT_char_str_past_rdlen", "")
		return "", false
	}
	*rdlen -= n
	return p.bytes(n), true
}

func (p *parser) soa(rdlen int) bool {
	start := p.off
	mname := p.name(true)
	rname := p.name(true)
	if p.left() < 20 {
		return false
	}
	serial, refresh, retry, expire, minimum := p.u32(), p.u32(), p.u32(), p.u32(), p.u32()
	p.lengthCheck(start, rdlen)
	if !p.wants("dns_SOA_reply") {
		return true
	}
	r := p.record("dns_soa")
	if r == nil {
		return true
	}
	r.Set("mname", value.String(mname))
	r.Set("rname", value.String(rname))
	r.Set("serial", value.Count(uint64(serial)))
	r.Set("refresh", value.Interval(float64(refresh)))
	r.Set("retry", value.Interval(float64(retry)))
	r.Set("expire", value.Interval(float64(expire)))
	r.Set("minimum", value.Interval(float64(minimum)))
	p.raiseRR("dns_SOA_reply", value.Value{P: r})
	return true
}

func (p *parser) caa(rdlen int) bool {
	if !p.wants("dns_CAA_reply") {
		p.skipBytes(rdlen)
		return true
	}
	flags := int(p.u16())
	tagLen := flags & 0xff
	flags >>= 8
	rdlen -= 2
	if tagLen >= rdlen {
		p.h.Weird("DNS_CAA_char_str_past_rdlen", "")
		return false
	}
	tag := p.bytes(tagLen)
	val := p.bytes(rdlen - tagLen)
	p.raiseRR("dns_CAA_reply", value.Count(uint64(flags)), value.String(tag), value.String(val))
	return true
}

// tsig parses a TSIG record (RFC 8945). Zeek raises dns_TSIG_addl
// whenever it is handled, even in a skipped section.
func (p *parser) tsig() {
	alg := p.name(true)
	secs := p.u32()
	msecs := p.u16()
	fudge := p.u16()
	mac := p.octets()
	origID := p.u16()
	rrErr := p.u16()
	p.octets() // other data
	if !p.h.Handled("dns_TSIG_addl") {
		return
	}
	r := p.record("dns_tsig_additional")
	if r == nil {
		return
	}
	r.Set("query", value.String(p.rrName))
	r.Set("qtype", value.Count(uint64(p.sect)))
	r.Set("alg_name", value.String(alg))
	r.Set("sig", value.String(mac))
	// Zeek reads the 48-bit time as seconds and "milliseconds".
	r.Set("time_signed", value.Time(float64(secs)+float64(msecs)/1000))
	r.Set("fudge", value.Time(float64(fudge)))
	r.Set("orig_id", value.Count(uint64(origID)))
	r.Set("rr_error", value.Count(uint64(rrErr)))
	r.Set("is_query", value.Count(uint64(p.hdr.isQuery)))
	p.h.Raise("dns_TSIG_addl", p.msgVal(), value.Value{P: r})
}

// octets reads a 16-bit length, then up to that many bytes.
func (p *parser) octets() string {
	n := int(p.u16())
	return p.bytes(n)
}

// tkey parses a TKEY record (RFC 2930): algorithm, inception and
// expiration, mode, error, key data and other data.
func (p *parser) tkey(rdlen int) bool {
	start := p.off
	alg := p.name(true)
	if p.left() < 10 {
		p.h.Weird("DNS_TKEY_too_short", "")
		return false
	}
	inception, expiration := p.u32(), p.u32()
	mode, rrErr := p.u16(), p.u16()
	key := p.octets()
	p.octets() // other data
	if p.off-start != rdlen {
		p.h.Weird("DNS_RR_length_mismatch", "")
		p.off = min(start+rdlen, len(p.msg))
	}
	if !p.wants("dns_TKEY") {
		return true
	}
	r := p.record("dns_tkey")
	if r == nil {
		return true
	}
	r.Set("query", value.String(p.rrName))
	r.Set("qtype", value.Count(uint64(p.sect)))
	r.Set("alg_name", value.String(alg))
	r.Set("inception", value.Time(float64(inception)))
	r.Set("expiration", value.Time(float64(expiration)))
	r.Set("mode", value.Count(uint64(mode)))
	r.Set("rr_error", value.Count(uint64(rrErr)))
	r.Set("key_data", value.String(key))
	r.Set("is_query", value.Count(uint64(p.hdr.isQuery)))
	p.h.Raise("dns_TKEY", p.msgVal(), value.Value{P: r})
	return true
}

// edns parses an OPT pseudo-record (RFC 6891): dns_EDNS_addl with the
// fields its class and TTL carry, then its options.
func (p *parser) edns(rdlen int) bool {
	if p.wants("dns_EDNS_addl") {
		if r := p.record("dns_edns_additional"); r != nil {
			ttl := p.rrTTL
			r.Set("query", value.String(p.rrName))
			r.Set("qtype", value.Count(uint64(p.sect)))
			r.Set("t", value.Count(uint64(p.rrType)))
			r.Set("payload_size", value.Count(uint64(p.rrClass)))
			r.Set("extended_rcode", value.Count(uint64(ttl>>24)<<8|p.hdr.rcode))
			r.Set("version", value.Count(uint64(ttl>>16&0xff)))
			r.Set("z_field", value.Count(uint64(ttl&0xffff)))
			r.Set("TTL", value.Interval(float64(ttl)))
			r.Set("is_query", value.Count(uint64(p.hdr.isQuery)))
			p.h.Raise("dns_EDNS_addl", p.msgVal(), value.Value{P: r})
		}
	}
	// Options are read within the record's data. (Zeek reads them up to
	// the message's end, which is the same for the usual OPT record, the
	// last of the message.)
	end := p.off + rdlen
	for end-p.off >= 4 {
		code := p.u16()
		n := int(p.u16())
		if n > end-p.off {
			break
		}
		opt := p.msg[p.off : p.off+n]
		p.off += n
		switch code {
		case 8:
			p.ecs(opt)
		case 10:
			p.cookie(opt)
		case 11:
			p.keepalive(opt)
		}
	}
	if p.off < end {
		p.h.Weird("EDNS_truncated_option", "")
		return false
	}
	return true
}

// ecs is the client subnet option (RFC 7871).
func (p *parser) ecs(opt []byte) {
	if len(opt) <= 4 {
		p.h.Weird("EDNS_ECS_invalid_option_len", "")
		return
	}
	family := int(opt[0])<<8 | int(opt[1])
	src, scope := int(opt[2]), int(opt[3])
	addr := opt[4:]
	var fam string
	var a netip.Addr
	switch family {
	case 1:
		if src > 32 {
			p.h.Weird("EDNS_ECS_invalid_addr_v4_prefix", fmt.Sprintf("%d bits", src))
			return
		}
		if src > len(addr)*8 {
			p.h.Weird("EDNS_ECS_invalid_addr_v4", fmt.Sprintf("need %d bits, have %d bits", src, len(addr)*8))
			return
		}
		var b [4]byte
		copy(b[:], addr[:(src+7)/8])
		fam, a = "v4", netip.AddrFrom4(b)
	case 2:
		if src > 128 {
			p.h.Weird("EDNS_ECS_invalid_addr_v6_prefix", fmt.Sprintf("%d bits", src))
			return
		}
		if src > len(addr)*8 {
			p.h.Weird("EDNS_ECS_invalid_addr_v6", fmt.Sprintf("need %d bits, have %d bits", src, len(addr)*8))
			return
		}
		var b [16]byte
		copy(b[:], addr[:(src+7)/8])
		fam, a = "v6", netip.AddrFrom16(b)
	default:
		return
	}
	if !p.h.Handled("dns_EDNS_ecs") {
		return
	}
	r := p.record("dns_edns_ecs")
	if r == nil {
		return
	}
	r.Set("family", value.String(fam))
	r.Set("source_prefix_len", value.Count(uint64(src)))
	r.Set("scope_prefix_len", value.Count(uint64(scope)))
	r.Set("address", value.Addr(a))
	p.h.Raise("dns_EDNS_ecs", p.msgVal(), value.Value{P: r})
}

// cookie is the DNS cookie option (RFC 7873): an 8-byte client cookie
// and an optional 8 to 32 byte server cookie.
func (p *parser) cookie(opt []byte) {
	if len(opt) != 8 && (len(opt) < 16 || len(opt) > 40) || !p.h.Handled("dns_EDNS_cookie") {
		return
	}
	r := p.record("dns_edns_cookie")
	if r == nil {
		return
	}
	r.Set("client_cookie", value.String(string(opt[:8])))
	if len(opt) >= 16 {
		r.Set("server_cookie", value.String(string(opt[8:])))
	}
	p.h.Raise("dns_EDNS_cookie", p.msgVal(), value.Value{P: r})
}

// keepalive is the TCP keepalive option (RFC 7828): no timeout, or one
// in units of 100 ms. Over UDP it is a weird.
func (p *parser) keepalive(opt []byte) {
	if len(opt) != 0 && len(opt) != 2 {
		return
	}
	if p.udp() {
		p.h.Weird("EDNS_TCP_Keepalive_In_UDP", "")
	}
	if !p.h.Handled("dns_EDNS_tcp_keepalive") {
		return
	}
	r := p.record("dns_edns_tcp_keepalive")
	if r == nil {
		return
	}
	timeout := 0
	if len(opt) == 2 {
		timeout = int(opt[0])<<8 | int(opt[1])
	}
	r.Set("keepalive_timeout_omitted", value.Bool(len(opt) == 0))
	r.Set("keepalive_timeout", value.Count(uint64(timeout)))
	p.h.Raise("dns_EDNS_tcp_keepalive", p.msgVal(), value.Value{P: r})
}
