package bpf

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"

	"golang.org/x/net/bpf"
)

// lenLoad loads the wire length of the packet.
func lenLoad() []bpf.Instruction { return []bpf.Instruction{bpf.LoadExtension{Num: bpf.ExtLen}} }

// Transport protocols a "port" without qualifier means.
var portProtos = []uint32{ipprotoTCP, ipprotoUDP, ipprotoSCTP}

// ipProto tests the IPv4 protocol field.
func (c *compiler) ipProto(p uint32) node {
	return and(c.link.ip(), cmp(c.link.nl()+9, 1, jeq, p))
}

// ip6Proto tests the IPv6 next header, also looking behind one fragment
// header as libpcap does (but no further: other extension headers hide
// the protocol).
func (c *compiler) ip6Proto(p uint32) node {
	nl := c.link.nl()
	return and(c.link.ip6(), or(
		cmp(nl+6, 1, jeq, p),
		and(cmp(nl+6, 1, jeq, ipprotoFrag), cmp(nl+40, 1, jeq, p))))
}

// firstFragment holds for unfragmented datagrams and first fragments,
// the only ones whose transport header is where port tests look.
func (c *compiler) firstFragment() node {
	return not(&testNode{stmts: []bpf.Instruction{bpf.LoadAbsolute{Off: c.link.nl() + 6, Size: 2}}, op: jset, k: 0x1fff})
}

// ipNumbers maps the protocol keywords that name an IP protocol to its
// number and whether IPv6 is checked too.
var ipNumbers = map[kw]struct {
	num    uint32
	v4, v6 bool
}{
	kwTCP: {ipprotoTCP, true, true}, kwUDP: {ipprotoUDP, true, true}, kwSCTP: {ipprotoSCTP, true, true},
	kwPIM: {ipprotoPIM, true, true}, kwAH: {ipprotoAH, true, true}, kwESP: {ipprotoESP, true, true},
	kwICMP: {ipprotoICMP, true, false}, kwIGMP: {ipprotoIGMP, true, false},
	kwIGRP: {9, true, false}, kwVRRP: {ipprotoVRRP, true, false}, kwCARP: {ipprotoVRRP, true, false},
	kwICMP6: {ipprotoICMPv6, false, true},
}

// protoAbbrev is a protocol keyword on its own: "tcp", "ip6", "arp".
func (c *compiler) protoAbbrev(t token) node {
	switch t.kw {
	case kwIP:
		return c.link.ip()
	case kwIP6:
		return c.link.ip6()
	case kwARP, kwRARP:
		et := uint32(etherTypeARP)
		if t.kw == kwRARP {
			et = etherTypeRARP
		}
		n, err := c.link.proto(et)
		c.check(t.pos, err)
		return n
	case kwLink:
		c.fail(t.pos, "link layer applied in wrong context")
	}
	if p, ok := ipNumbers[t.kw]; ok {
		var alts []node
		if p.v4 {
			alts = append(alts, c.ipProto(p.num))
		}
		if p.v6 {
			alts = append(alts, c.ip6Proto(p.num))
		}
		return or(alts...)
	}
	c.fail(t.pos, "'%s' is not supported by this filter compiler", t.text)
	return nil
}

// vlan matches an 802.1Q/802.1ad tag at the current EtherType position
// and moves all later offsets past it.
func (c *compiler) vlan(t token, id uint32, hasID bool) node {
	l := &c.link
	if l.mpls > 0 {
		c.fail(t.pos, "no VLAN match after MPLS")
	}
	if l.kind != kindEther {
		c.fail(t.pos, "no VLAN support for %s", l.name)
	}
	n := or(cmp(l.offType, 2, jeq, 0x8100), cmp(l.offType, 2, jeq, 0x88a8), cmp(l.offType, 2, jeq, 0x9100))
	if hasID {
		if id > 4095 {
			c.fail(t.pos, "VLAN tag %d greater than maximum %d", id, 4095)
		}
		n = and(n, mcmp(l.offType+2, 2, 0x0fff, id))
	}
	l.offType += 4
	l.offPL += 4
	l.vlans++
	return n
}

// mpls matches an MPLS label stack entry; each one moves the network
// header four bytes further.
func (c *compiler) mpls(t token, label uint32, hasLabel bool) node {
	l := &c.link
	var n node
	switch {
	case l.mpls > 0:
		// Another label follows only if the previous one was not the
		// bottom of the stack.
		n = mcmp(l.nl()-2, 1, 0x01, 0)
	case l.kind == kindEther || l.kind == kindPPP:
		var err error
		n, err = l.proto(etherTypeMPLS)
		c.check(t.pos, err)
	default:
		c.fail(t.pos, "no MPLS support for %s", l.name)
	}
	if hasLabel {
		if label > 0xfffff {
			c.fail(t.pos, "MPLS label %d greater than maximum %d", label, 0xfffff)
		}
		n = and(n, mcmp(l.nl(), 4, 0xfffff000, label<<12))
	}
	l.offNL += 4
	l.mpls++
	return n
}

// pppoes matches PPPoE session frames; what follows is PPP, so later
// protocol tests look at the PPP protocol field.
func (c *compiler) pppoes(t token, sess uint32, hasSess bool) node {
	l := &c.link
	n, err := l.proto(etherTypePPPoES)
	c.check(t.pos, err)
	if hasSess {
		if sess > 0xffff {
			c.fail(t.pos, "PPPoE session number %d greater than maximum %d", sess, 0xffff)
		}
		n = and(n, mcmp(l.offPL, 4, 0xffff, sess))
	}
	l.kind, l.name, l.ethernet = kindPPP, "PPP", false
	l.offType = l.offPL + 6
	l.offPL += 8
	l.offNL = 0
	return n
}

// direction is inbound/outbound, which only Linux cooked captures
// record in the packet.
func (c *compiler) direction(t token) node {
	var n node
	switch {
	case c.link.kind == kindSLL && c.link.offType == 14: // v1: packet type is a 16-bit field at 0
		n = cmp(0, 2, jeq, 4)
	case c.link.kind == kindSLL: // v2: 8-bit field at 10
		n = cmp(10, 1, jeq, 4)
	default:
		c.fail(t.pos, "inbound/outbound not supported on %s", c.link.name)
	}
	if t.kw == kwInbound {
		return not(n)
	}
	return n
}

func (c *compiler) broadcast(t token, q qual) node {
	switch q.proto {
	case kwNone, kwLink:
		if !c.link.ethernet {
			c.fail(t.pos, "not a broadcast link")
		}
		return c.etherAddr(0, [6]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	case kwIP:
		// The netmask is unknown here (as for tcpdump -r), so only the
		// all-zeros and all-ones destinations count.
		dst := c.link.nl() + 16
		return and(c.link.ip(), or(cmp(dst, 4, jeq, 0), cmp(dst, 4, jeq, 0xffffffff)))
	}
	c.fail(t.pos, "only link-layer/IP broadcast filters supported")
	return nil
}

func (c *compiler) multicast(t token, q qual) node {
	switch q.proto {
	case kwNone, kwLink:
		if !c.link.ethernet {
			c.fail(t.pos, "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
		}
		return &testNode{stmts: []bpf.Instruction{bpf.LoadAbsolute{Off: 0, Size: 1}}, op: jset, k: 1}
	case kwIP:
		return and(c.link.ip(), cmp(c.link.nl()+16, 1, jge, 224))
	case kwIP6:
		return and(c.link.ip6(), cmp(c.link.nl()+24, 1, jeq, 255))
	}
	c.fail(t.pos, "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
	return nil
}

// etherAddr compares six bytes at off, last four first as libpcap does.
func (c *compiler) etherAddr(off uint32, mac [6]byte) node {
	return and(cmp(off+2, 4, jeq, binary.BigEndian.Uint32(mac[2:])), cmp(off, 2, jeq, uint32(binary.BigEndian.Uint16(mac[:2]))))
}

// byDir combines source and destination tests as the qualifier asks.
func (c *compiler) byDir(t token, q qual, src, dst func() node) node {
	switch q.dir {
	case dirSrc:
		return src()
	case dirDst:
		return dst()
	case dirAnd:
		return and(src(), dst())
	case dirOther:
		c.fail(t.pos, "'%s' is only supported on 802.11 with 802.11 headers", q.dirText)
	}
	return or(src(), dst())
}

// ecode handles an Ethernet address.
func (c *compiler) ecode(t token, q qual) node {
	if (q.addr == kwNone || q.addr == kwHost) && q.proto == kwLink {
		if !c.link.ethernet {
			c.fail(t.pos, "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
		}
		return c.byDir(t, q,
			func() node { return c.etherAddr(6, t.mac) },
			func() node { return c.etherAddr(0, t.mac) })
	}
	c.fail(t.pos, "ethernet address used in non-ether expression")
	return nil
}

// parseIPv4 reads one to four dotted decimal parts and reports how
// many bits they cover.
func parseIPv4(s string) (uint32, uint32, bool) {
	var v, bits uint32
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.ParseUint(part, 10, 8)
		if err != nil {
			return 0, 0, false
		}
		v = v<<8 | uint32(n)
		bits += 8
	}
	return v, bits, true
}

// ncode handles a number or dotted IPv4 text (s) under qualifier q.
func (c *compiler) ncode(t token, s string, v uint32, q qual) node {
	bits := uint32(32)
	if s != "" {
		var ok bool
		if v, bits, ok = parseIPv4(s); !ok {
			c.fail(t.pos, "invalid IPv4 address '%s'", s)
		}
	}
	switch q.addr {
	case kwNone, kwHost, kwNet:
		if q.proto == kwLink {
			c.fail(t.pos, "illegal link layer address")
		}
		mask := uint32(0xffffffff)
		if s == "" && q.addr == kwNet {
			// "net 10" is 10.0.0.0/8: shift a short number up.
			for v != 0 && v&0xff000000 == 0 {
				v <<= 8
				mask <<= 8
			}
		} else {
			// "host 10.1" and "net 10.1": the parts given are the top bytes.
			v <<= 32 - bits
			mask <<= 32 - bits
		}
		return c.host(t, v, mask, q)
	case kwPort, kwPortrange:
		if s != "" {
			c.fail(t.pos, "'%s' modifier applied to ip host", q.addrText)
		}
		p := c.portProto(t, q)
		if v > 65535 {
			c.fail(t.pos, "illegal port number %d > 65535", v)
		}
		return c.port(t, q, p, v, v)
	case kwGateway:
		c.fail(t.pos, "'gateway' requires a name")
	case kwProto:
		if s != "" {
			c.syntaxError()
		}
		return c.proto(t, v, q)
	case kwProtochain:
		c.fail(t.pos, "'protochain' is not supported by this filter compiler")
	}
	c.fail(t.pos, "syntax error in filter expression")
	return nil
}

// mcode handles "net A/len" and "net A mask M".
func (c *compiler) mcode(t token, maskText string, bits uint32, q qual) node {
	v, vbits, ok := parseIPv4(t.text)
	if !ok {
		c.fail(t.pos, "invalid IPv4 address '%s'", t.text)
	}
	v <<= 32 - vbits
	var mask uint32
	if maskText != "" {
		m, mbits, ok := parseIPv4(maskText)
		if !ok {
			c.fail(t.pos, "invalid IPv4 address '%s'", maskText)
		}
		mask = m << (32 - mbits)
		if v&^mask != 0 {
			c.fail(t.pos, "non-network bits set in \"%s mask %s\"", t.text, maskText)
		}
	} else {
		if bits > 32 {
			c.fail(t.pos, "mask length must be <= 32")
		}
		if bits > 0 {
			mask = 0xffffffff << (32 - bits)
		}
		if v&^mask != 0 {
			c.fail(t.pos, "non-network bits set in \"%s/%d\"", t.text, bits)
		}
	}
	if q.addr != kwNet {
		c.fail(t.pos, "Mask syntax for networks only")
	}
	return c.host(t, v, mask, q)
}

// host tests IPv4 addresses (under mask) in IP, ARP and RARP headers.
func (c *compiler) host(t token, addr, mask uint32, q qual) node {
	typ := "host"
	if q.addr == kwNet {
		typ = "net"
	}
	op := func(et, srcOff, dstOff uint32) node {
		link, err := c.link.proto(et)
		c.check(t.pos, err)
		nl := c.link.nl()
		return and(link, c.byDir(t, q,
			func() node { return mcmp(nl+srcOff, 4, mask, addr) },
			func() node { return mcmp(nl+dstOff, 4, mask, addr) }))
	}
	switch q.proto {
	case kwNone:
		n := op(etherTypeIP, 12, 16)
		if c.link.mpls == 0 {
			// Inside MPLS only IP can be recognised.
			n = or(n, op(etherTypeARP, 14, 24), op(etherTypeRARP, 14, 24))
		}
		return n
	case kwIP:
		return op(etherTypeIP, 12, 16)
	case kwARP:
		return op(etherTypeARP, 14, 24)
	case kwRARP:
		return op(etherTypeRARP, 14, 24)
	case kwLink:
		c.fail(t.pos, "link-layer modifier applied to %s", typ)
	case kwIP6:
		c.fail(t.pos, "'ip6' modifier applied to ip host")
	}
	c.fail(t.pos, "'%s' modifier applied to %s", q.protoText, typ)
	return nil
}

// mcode6 handles an IPv6 address with an optional prefix length.
func (c *compiler) mcode6(t token, bits uint32, q qual) node {
	a, err := netip.ParseAddr(t.text)
	if err != nil || !a.Is6() {
		c.fail(t.pos, "invalid IPv6 address '%s'", t.text)
	}
	if bits > 128 {
		c.fail(t.pos, "mask length must be <= 128")
	}
	addr := a.As16()
	var mask [16]byte
	for i := uint32(0); i < bits; i++ {
		mask[i/8] |= 0x80 >> (i % 8)
	}
	for i := range addr {
		if addr[i]&^mask[i] != 0 {
			c.fail(t.pos, "non-network bits set in \"%s/%d\"", t.text, bits)
		}
	}
	switch q.addr {
	case kwNone, kwHost:
		if bits != 128 {
			c.fail(t.pos, "Mask syntax for networks only")
		}
	case kwNet:
	default:
		c.fail(t.pos, "invalid qualifier against IPv6 address")
	}
	typ := "host"
	if q.addr == kwNet {
		typ = "net"
	}
	switch q.proto {
	case kwNone, kwIP6:
	case kwLink:
		c.fail(t.pos, "link-layer modifier applied to ip6 %s", typ)
	default:
		c.fail(t.pos, "'%s' modifier applied to ip6 %s", q.protoText, typ)
	}
	nl := c.link.nl()
	words := func(off uint32) node {
		var n []node
		for w := uint32(0); w < 4; w++ {
			n = append(n, mcmp(off+4*w, 4, binary.BigEndian.Uint32(mask[4*w:]), binary.BigEndian.Uint32(addr[4*w:])))
		}
		return and(n...)
	}
	return and(c.link.ip6(), c.byDir(t, q,
		func() node { return words(nl + 8) },
		func() node { return words(nl + 24) }))
}

// portProto checks the protocol qualifier of port and portrange and
// returns the IP protocol it restricts to (0: TCP, UDP and SCTP).
func (c *compiler) portProto(t token, q qual) uint32 {
	switch q.proto {
	case kwNone:
		return 0
	case kwTCP:
		return ipprotoTCP
	case kwUDP:
		return ipprotoUDP
	case kwSCTP:
		return ipprotoSCTP
	}
	c.fail(t.pos, "illegal qualifier of '%s'", q.addrText)
	return 0
}

// port tests transport ports lo..hi in IPv4 (first fragments only) and
// IPv6 (when the transport header follows the fixed header directly).
func (c *compiler) port(t token, q qual, proto, lo, hi uint32) node {
	if lo > hi {
		lo, hi = hi, lo
	}
	nl := c.link.nl()
	protos := portProtos
	if proto != 0 {
		protos = []uint32{proto}
	}
	protoIs := func(off uint32) node {
		var alts []node
		for _, p := range protos {
			alts = append(alts, cmp(off, 1, jeq, p))
		}
		return or(alts...)
	}
	match := func(load []bpf.Instruction) node {
		if lo == hi {
			return &testNode{stmts: load, op: jeq, k: lo}
		}
		return and(&testNode{stmts: load, op: jge, k: lo}, not(&testNode{stmts: load, op: jgt, k: hi}))
	}
	v4 := func(off uint32) func() node {
		return func() node {
			return match([]bpf.Instruction{bpf.LoadMemShift{Off: nl}, bpf.LoadIndirect{Off: nl + off, Size: 2}})
		}
	}
	v6 := func(off uint32) func() node {
		return func() node {
			return match([]bpf.Instruction{bpf.LoadAbsolute{Off: nl + 40 + off, Size: 2}})
		}
	}
	ip4 := and(c.link.ip(), protoIs(nl+9), c.firstFragment(), c.byDir(t, q, v4(0), v4(2)))
	ip6 := and(c.link.ip6(), protoIs(nl+6), c.byDir(t, q, v6(0), v6(2)))
	return or(ip4, ip6)
}

// proto handles "ip proto N", "ip6 proto N", "ether proto N", "proto N".
func (c *compiler) proto(t token, v uint32, q qual) node {
	if q.dir != dirDefault {
		c.fail(t.pos, "direction applied to 'proto'")
	}
	switch q.proto {
	case kwNone:
		return or(c.ipProto(v), c.ip6Proto(v))
	case kwIP:
		return c.ipProto(v)
	case kwIP6:
		return c.ip6Proto(v)
	case kwLink:
		n, err := c.link.proto(v)
		c.check(t.pos, err)
		return n
	case kwARP, kwRARP:
		c.fail(t.pos, "%s does not encapsulate another protocol", q.protoText)
	}
	c.fail(t.pos, "'%s proto' is bogus", q.protoText)
	return nil
}

// scode handles a name under qualifier q. Host and network names are
// not resolved: filters must be reproducible and compile offline.
func (c *compiler) scode(t token, q qual) node {
	name := t.text
	switch q.addr {
	case kwNet:
		c.fail(t.pos, "unknown network '%s'", name)
	case kwNone, kwHost, kwGateway:
		if q.proto == kwLink {
			c.fail(t.pos, "unknown ether host '%s'", name)
		}
		c.fail(t.pos, "unknown host '%s'", name)
	case kwPort:
		want := c.portProto(t, q)
		port, real, ok := c.names.portByName(name)
		if !ok {
			c.fail(t.pos, "unknown port '%s'", name)
		}
		return c.port(t, q, c.namedPortProto(t, name, want, real), port, port)
	case kwPortrange:
		want := c.portProto(t, q)
		lo, hi, real := c.portRange(t, name)
		return c.port(t, q, c.namedPortProto(t, name, want, real), lo, hi)
	case kwProto:
		switch q.proto {
		case kwNone, kwIP, kwIP6:
			v, ok := c.names.protoByName(name)
			if !ok {
				c.fail(t.pos, "unknown ip proto '%s'", name)
			}
			return c.proto(t, v, q)
		case kwLink:
			if v, ok := etherProtoNames[name]; ok {
				return c.proto(t, v, q)
			}
			if v, ok := llcNames[name]; ok {
				return c.proto(t, v, q)
			}
			c.fail(t.pos, "unknown ether proto '%s'", name)
		}
		return c.proto(t, 0, q)
	case kwProtochain:
		c.fail(t.pos, "'protochain' is not supported by this filter compiler")
	}
	c.fail(t.pos, "syntax error in filter expression")
	return nil
}

// namedPortProto reconciles the transport a service name is listed for
// with the one the filter asks for.
func (c *compiler) namedPortProto(t token, name string, want, real uint32) uint32 {
	if want == 0 || real == 0 || want == real {
		if want != 0 {
			return want
		}
		return real
	}
	c.fail(t.pos, "port '%s' is %s", name, map[uint32]string{ipprotoTCP: "tcp", ipprotoUDP: "udp"}[real])
	return 0
}

// portRange parses "lo-hi" with numbers or service names.
func (c *compiler) portRange(t token, s string) (lo, hi, proto uint32) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		c.fail(t.pos, "unknown port in range '%s'", s)
	}
	na, errA := strconv.ParseUint(a, 10, 32)
	nb, errB := strconv.ParseUint(b, 10, 32)
	if errA == nil && errB == nil {
		for _, n := range []uint64{na, nb} {
			if n > 65535 {
				c.fail(t.pos, "illegal port number %d > 65535", n)
			}
		}
		return uint32(na), uint32(nb), 0
	}
	pa, protoA, okA := c.names.portByName(a)
	pb, protoB, okB := c.names.portByName(b)
	if !okA || !okB {
		c.fail(t.pos, "unknown port in range '%s'", s)
	}
	if protoA != protoB {
		protoA = 0
	}
	return pa, pb, protoA
}
