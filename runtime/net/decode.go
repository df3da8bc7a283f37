package net

import (
	"encoding/binary"
	"net/netip"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

// TCP flag bits as they appear in the TCP header's flags byte.
const (
	TCPFin uint8 = 1 << iota
	TCPSyn
	TCPRst
	TCPPsh
	TCPAck
	TCPUrg
	TCPEce
	TCPCwr
)

// IP protocol numbers used by Packet.Proto.
const (
	ProtoICMP   uint8 = 1
	ProtoIPv4   uint8 = 4
	ProtoTCP    uint8 = 6
	ProtoUDP    uint8 = 17
	ProtoIPv6   uint8 = 41
	ProtoICMPv6 uint8 = 58
)

// Packet is the decoded, compact view of one frame. All slices point into
// the frame's bytes (and so are only valid as long as those are), and the
// Packet itself is reused by the Decoder for the next frame.
type Packet struct {
	Timestamp time.Time
	LinkType  layers.LinkType
	CapLen    int // captured bytes
	WireLen   int // bytes on the wire

	// Link layer.
	HasMAC         bool
	SrcMAC, DstMAC [6]byte
	NumVLANs       int    // 802.1Q tags seen (2 for QinQ)
	VLAN           uint16 // outer VLAN id (valid if NumVLANs >= 1)
	InnerVLAN      uint16 // inner VLAN id (valid if NumVLANs >= 2)
	MPLSLabels     int    // MPLS labels seen
	PPPoE          bool   // came through a PPPoE session

	// Network layer. IPVersion is 0 for a non-IP frame (ARP, STP, LLC ...).
	IPVersion  uint8
	Src, Dst   netip.Addr
	Proto      uint8 // transport protocol (after IPv6 extension headers)
	TTL        uint8 // TTL / hop limit
	IPLen      int   // IP total length from the header (IPv6: 40 + payload length)
	IPHdrLen   int   // IP header length incl. IPv6 extension headers
	IP         []byte
	IPID       uint32 // IPv4 id, or IPv6 fragment header id
	DF         bool   // IPv4 don't-fragment
	IsFragment bool   // a fragment (MF set or offset != 0); transport is not decoded
	MoreFrags  bool
	FragOffset int // in bytes

	// Transport layer (valid when Proto is TCP/UDP/ICMP/ICMPv6 and not a fragment).
	HasTransport       bool
	SrcPort, DstPort   uint16 // for ICMP: 0
	ICMPType, ICMPCode uint8
	TCPFlags           uint8
	Seq, Ack           uint32
	Window             uint16
	TCPHdrLen          int
	TCPOptions         []byte // raw options bytes
	Checksum           uint16 // transport checksum as in the header

	// Payload: the transport payload; for fragments or unsupported IP
	// protocols (incl. IP-in-IP) the IP payload.
	Payload []byte

	// Truncated is set when the capture holds less than the headers claim.
	Truncated bool
	// weirds are the problems found while decoding, in order (see
	// Weirds); a fixed array so a weird costs no allocation.
	weirds  [maxWeirds]Weird
	nweirds int
	// Encap is the tunnel chain this packet came through, outermost first
	// (nil when not tunnelled). It is a view owned by the Decoder.
	Encap []Encapsulation
	// Reassembled is set on a datagram put together from IP fragments.
	Reassembled bool
	// Err is the underlying decoding error, if any.
	Err error
	// Stopped is the layer type decoding stopped at because gobro does not
	// decode it (e.g. ARP, LLC, a fragment, DNS); LayerTypeZero when decoding
	// ran to the end.
	Stopped gopacket.LayerType
}

func (p *Packet) reset() {
	*p = Packet{}
}

// maxWeirds bounds the weirds kept per packet; a packet with more is
// broken enough that the first ones tell the story.
const maxWeirds = 4

// Weird is one problem found in a packet, as Zeek reports it: a
// flow_weird with the IP addresses of the header being decoded when the
// header was far enough along (Src valid), a net_weird otherwise.
type Weird struct {
	Name string
	// Source is the Zeek analyser that reports it ("IP", "IPTUNNEL",
	// "TCP"...), "" where Zeek names none.
	Source   string
	Src, Dst netip.Addr
}

// Weirds returns the packet's weirds (valid until the next Decode).
func (p *Packet) Weirds() []Weird { return p.weirds[:p.nweirds] }

// FirstWeird is the name of the packet's first weird, "" for none.
func (p *Packet) FirstWeird() string {
	if p.nweirds == 0 {
		return ""
	}
	return p.weirds[0].Name
}

// weird records a decoding failure, unless one is already recorded
// (a failing layer and the parser's generic failure name the same
// problem).
func (p *Packet) weird(name string) {
	if p.nweirds == 0 {
		p.addWeird(name)
	}
}

// addWeird records one more weird, with its source and, for flow
// weirds, the addresses decoded so far.
func (p *Packet) addWeird(name string) {
	if p.nweirds == maxWeirds {
		return
	}
	k := weirdKinds[name]
	w := Weird{Name: name, Source: k.source}
	if k.source == transportSource {
		w.Source = transportName(p.Proto)
	}
	if !k.net && p.IPVersion != 0 {
		w.Src, w.Dst = p.Src, p.Dst
	}
	p.weirds[p.nweirds] = w
	p.nweirds++
}

// renameWeird replaces the name of the first weird named from.
func (p *Packet) renameWeird(from, to string) {
	for i := range p.Weirds() {
		if p.weirds[i].Name == from {
			p.weirds[i].Name = to
			p.weirds[i].Source = weirdKinds[to].source
			return
		}
	}
}

// Decoder decodes frames with gopacket DecodingLayerParsers that share one
// set of layer structs, so decoding does not allocate per packet.
// A Decoder is not safe for concurrent use.
type Decoder struct {
	// MaxTunnelDepth bounds decapsulation (Zeek's Tunnel::max_depth, 2).
	MaxTunnelDepth int
	// Frag, when set, reassembles IP fragments in DecodeChain/Reassemble.
	Frag *Reassembler

	cur     *Packet
	slots   []*Packet // 2 per tunnel level: decoded, reassembled
	encap   []Encapsulation
	frame   []byte
	decoded []gopacket.LayerType

	eth   layers.Ethernet
	sll   layers.LinuxSLL
	sll2  layers.LinuxSLL2
	loop  layers.Loopback
	vlan  vlanLayer
	mpls  mplsLayer
	pppoe pppoeLayer
	ip4   ip4Layer
	ip6   ip6Layer
	ext   ip6ExtLayer
	tcp   tcpLayer
	udp   udpLayer
	icmp4 icmp4Layer
	icmp6 icmp6Layer

	parsers map[gopacket.LayerType]*gopacket.DecodingLayerParser
}

// NewDecoder returns a ready Decoder.
func NewDecoder() *Decoder {
	d := &Decoder{MaxTunnelDepth: DefaultMaxTunnelDepth, decoded: make([]gopacket.LayerType, 0, 16), parsers: map[gopacket.LayerType]*gopacket.DecodingLayerParser{}}
	d.slot(2*(DefaultMaxTunnelDepth+1) - 1)
	d.vlan.d, d.mpls.d, d.pppoe.d = d, d, d
	d.ip4.d, d.ip6.d, d.ext.d = d, d, d
	d.tcp.d, d.udp.d, d.icmp4.d, d.icmp6.d = d, d, d, d
	for _, first := range []gopacket.LayerType{layers.LayerTypeEthernet, layers.LayerTypeLinuxSLL,
		layers.LayerTypeLinuxSLL2, layers.LayerTypeLoopback, layers.LayerTypeIPv4, layers.LayerTypeIPv6} {
		pr := gopacket.NewDecodingLayerParser(first,
			&d.eth, &d.sll, &d.sll2, &d.loop, &d.vlan, &d.mpls, &d.pppoe,
			&d.ip4, &d.ip6, &d.ext, &d.tcp, &d.udp, &d.icmp4, &d.icmp6)
		pr.IgnoreUnsupported = true
		d.parsers[first] = pr
	}
	return d
}

// Decode decodes a packet read from a Source. The returned Packet is owned
// by the Decoder and overwritten by the next call.
func (d *Decoder) Decode(rp *RawPacket) *Packet {
	return d.DecodeBytes(rp.LinkType, rp.Data, rp.Timestamp, rp.WireLen)
}

// DecodeBytes decodes one frame of the given link type. wireLen is the
// frame's length on the wire (0 means len(data)). It never panics.
func (d *Decoder) DecodeBytes(link layers.LinkType, data []byte, ts time.Time, wireLen int) *Packet {
	return d.decodeInto(d.slot(0), link, data, ts, wireLen)
}

// slot returns the i'th packet buffer, allocating as needed.
func (d *Decoder) slot(i int) *Packet {
	for len(d.slots) <= i {
		d.slots = append(d.slots, new(Packet))
	}
	return d.slots[i]
}

func (d *Decoder) decodeInto(p *Packet, link layers.LinkType, data []byte, ts time.Time, wireLen int) *Packet {
	d.cur = p
	p.reset()
	p.Timestamp, p.LinkType, p.CapLen, p.WireLen = ts, link, len(data), wireLen
	if wireLen < len(data) {
		p.WireLen = len(data)
	}
	d.frame = data
	var first gopacket.LayerType
	switch link {
	case layers.LinkTypeEthernet:
		first = layers.LayerTypeEthernet
	case layers.LinkTypeLinuxSLL:
		first = layers.LayerTypeLinuxSLL
	case layers.LinkTypeLinuxSLL2:
		first = layers.LayerTypeLinuxSLL2
	case layers.LinkTypeNull, layers.LinkTypeLoop:
		if len(data) <= 4 {
			p.weird("null_analyzer_failed")
			return p
		}
		first = layers.LayerTypeLoopback
	case layers.LinkTypeRaw, layers.LinkTypeIPv4, layers.LinkTypeIPv6, 12, 14:
		if len(data) == 0 {
			p.weird("truncated_IP")
			return p
		}
		switch data[0] >> 4 {
		case 4:
			first = layers.LayerTypeIPv4
		case 6:
			first = layers.LayerTypeIPv6
		default:
			p.weird("unknown_ip_version")
			return p
		}
	default:
		p.weird("unknown_link_type")
		return p
	}
	if first == layers.LayerTypeEthernet && len(data) >= 14 {
		p.HasMAC = true
		copy(p.DstMAC[:], data[0:6])
		copy(p.SrcMAC[:], data[6:12])
	}
	pr := d.parsers[first]
	d.decoded = d.decoded[:0]
	err := pr.DecodeLayers(data, &d.decoded)
	if pr.Truncated {
		p.Truncated = true
	}
	if err != nil {
		p.Err = err
		p.weird(failName(d.failedLayer(first)))
		return p
	}
	if n := len(d.decoded); n > 0 {
		p.Stopped = d.nextOf(d.decoded[n-1])
	} else {
		p.Stopped = first
	}
	if l := d.layerFor(p.Stopped); l != nil {
		// The parser stops when no bytes are left, even if the headers
		// promise another layer: let that layer report the truncation.
		p.Truncated = true
		if err := l.DecodeFromBytes(nil, pr); err != nil {
			p.Err = err
		}
		p.weird(failName(p.Stopped))
	}
	return p
}

// failedLayer is the layer type whose DecodeFromBytes failed: the one after
// the last successfully decoded.
func (d *Decoder) failedLayer(first gopacket.LayerType) gopacket.LayerType {
	if n := len(d.decoded); n > 0 {
		return d.nextOf(d.decoded[n-1])
	}
	return first
}

func (d *Decoder) nextOf(t gopacket.LayerType) gopacket.LayerType {
	if l := d.layerFor(t); l != nil {
		return l.NextLayerType()
	}
	return gopacket.LayerTypeZero
}

// layerFor is the Decoder's layer struct for a layer type, or nil.
func (d *Decoder) layerFor(t gopacket.LayerType) gopacket.DecodingLayer {
	var l gopacket.DecodingLayer
	switch t {
	case layers.LayerTypeEthernet:
		l = &d.eth
	case layers.LayerTypeLinuxSLL:
		l = &d.sll
	case layers.LayerTypeLinuxSLL2:
		l = &d.sll2
	case layers.LayerTypeLoopback:
		l = &d.loop
	case layers.LayerTypeDot1Q:
		l = &d.vlan
	case layers.LayerTypeMPLS:
		l = &d.mpls
	case layers.LayerTypePPPoE:
		l = &d.pppoe
	case layers.LayerTypeIPv4:
		l = &d.ip4
	case layers.LayerTypeIPv6:
		l = &d.ip6
	case layers.LayerTypeIPv6HopByHop, layers.LayerTypeIPv6Destination, layers.LayerTypeIPv6Routing, layers.LayerTypeIPv6Fragment:
		l = &d.ext
	case layers.LayerTypeTCP:
		l = &d.tcp
	case layers.LayerTypeUDP:
		l = &d.udp
	case layers.LayerTypeICMPv4:
		l = &d.icmp4
	case layers.LayerTypeICMPv6:
		l = &d.icmp6
	}
	return l
}

func failName(t gopacket.LayerType) string {
	switch t {
	case layers.LayerTypeEthernet, layers.LayerTypeLinuxSLL, layers.LayerTypeLinuxSLL2,
		layers.LayerTypeDot1Q, layers.LayerTypeMPLS, layers.LayerTypePPPoE:
		return "truncated_link_header"
	case layers.LayerTypeLoopback:
		return "null_analyzer_failed"
	case layers.LayerTypeIPv4, layers.LayerTypeIPv6:
		return "truncated_IP"
	case layers.LayerTypeIPv6HopByHop, layers.LayerTypeIPv6Destination, layers.LayerTypeIPv6Routing, layers.LayerTypeIPv6Fragment:
		return "truncated_IPv6_ext_header"
	}
	return "truncated_header"
}

// ---- custom and wrapping decoding layers ----

// stop is returned by NextLayerType where gobro stops decoding on purpose.
var stop = gopacket.LayerTypePayload

// vlanLayer records 802.1Q tags (QinQ gives two) into the packet.
type vlanLayer struct {
	layers.Dot1Q
	d *Decoder
}

func (v *vlanLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if err := v.Dot1Q.DecodeFromBytes(data, df); err != nil {
		return err
	}
	p := v.d.cur
	switch p.NumVLANs {
	case 0:
		p.VLAN = v.VLANIdentifier
	case 1:
		p.InnerVLAN = v.VLANIdentifier
	}
	p.NumVLANs++
	return nil
}

func (v *vlanLayer) CanDecode() gopacket.LayerClass { return layers.LayerTypeDot1Q }

// mplsLayer consumes a whole MPLS label stack and continues with IPv4 or
// IPv6 by the version nibble.
type mplsLayer struct {
	d    *Decoder
	next gopacket.LayerType
	rest []byte
}

func (m *mplsLayer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeMPLS }
func (m *mplsLayer) NextLayerType() gopacket.LayerType { return m.next }
func (m *mplsLayer) LayerPayload() []byte              { return m.rest }

func (m *mplsLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	p := m.d.cur
	m.next, m.rest = stop, nil
	for {
		if len(data) < 4 {
			df.SetTruncated()
			p.weird("truncated_link_header")
			return errTruncated
		}
		bottom := data[2]&1 != 0
		data = data[4:]
		p.MPLSLabels++
		if bottom {
			break
		}
	}
	m.rest = data
	if len(data) == 0 {
		p.weird("no_mpls_payload")
		return nil
	}
	switch data[0] >> 4 {
	case 4:
		m.next = layers.LayerTypeIPv4
	case 6:
		m.next = layers.LayerTypeIPv6
	default:
		p.weird("no_ip_in_mpls_payload")
	}
	return nil
}

// pppoeLayer decodes a PPPoE session header plus the PPP protocol field.
// Discovery frames (and non-IP PPP such as LCP) stop decoding.
type pppoeLayer struct {
	d    *Decoder
	next gopacket.LayerType
	rest []byte
}

func (l *pppoeLayer) CanDecode() gopacket.LayerClass    { return layers.LayerTypePPPoE }
func (l *pppoeLayer) NextLayerType() gopacket.LayerType { return l.next }
func (l *pppoeLayer) LayerPayload() []byte              { return l.rest }

func (l *pppoeLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	l.next, l.rest = stop, nil
	if len(data) < 6 {
		df.SetTruncated()
		l.d.cur.weird("truncated_link_header")
		return errTruncated
	}
	if data[1] != 0 { // code: 0 = session data; anything else is discovery
		l.rest = data[6:]
		return nil
	}
	l.d.cur.PPPoE = true
	n := int(binary.BigEndian.Uint16(data[4:6]))
	data = data[6:]
	if n < len(data) {
		data = data[:n]
	}
	if len(data) < 1 {
		df.SetTruncated()
		l.d.cur.weird("truncated_link_header")
		return errTruncated
	}
	var proto uint16
	if data[0]&1 != 0 { // compressed 1-byte protocol field
		proto, data = uint16(data[0]), data[1:]
	} else {
		if len(data) < 2 {
			df.SetTruncated()
			l.d.cur.weird("truncated_link_header")
			return errTruncated
		}
		proto, data = binary.BigEndian.Uint16(data), data[2:]
	}
	l.rest = data
	switch proto {
	case 0x0021:
		l.next = layers.LayerTypeIPv4
	case 0x0057:
		l.next = layers.LayerTypeIPv6
	}
	return nil
}

// ip4Layer wraps gopacket's IPv4 with Zeek's header checks and fills the
// packet's network fields.
type ip4Layer struct {
	layers.IPv4
	d    *Decoder
	next gopacket.LayerType
}

func (l *ip4Layer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeIPv4 }
func (l *ip4Layer) NextLayerType() gopacket.LayerType { return l.next }

func (l *ip4Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	d := l.d
	p := d.cur
	l.next = stop
	if p.IPVersion != 0 {
		// Only the outermost IP header is decoded; tunnels are handled above.
		return nil
	}
	if len(data) < 20 {
		df.SetTruncated()
		p.weird("truncated_IP")
		return errTruncated
	}
	if data[0]>>4 != 4 {
		p.weird("unknown_ip_version")
		return errBadHeader
	}
	hl := int(data[0]&0x0f) * 4
	total := int(binary.BigEndian.Uint16(data[2:4]))
	if total == 0 {
		// TSO zeroes the length field; Zeek reports it (before any
		// other header check) and then uses the capture.
		p.addWeird("ip_hdr_len_zero")
		total = len(data)
	}
	if hl < 20 || hl > len(data) {
		p.addWeird("invalid_IP_header_size")
		return errBadHeader
	}
	if total < hl {
		p.weird("invalid_IP_header_size")
		return errBadHeader
	}
	if off := len(d.frame) - len(data); p.WireLen-off < total {
		p.weird("truncated_IP")
		return errTruncated
	}
	if err := l.IPv4.DecodeFromBytes(data, df); err != nil {
		p.weird("truncated_IP")
		return err
	}
	p.IPVersion = 4
	p.Src = netip.AddrFrom4([4]byte(data[12:16]))
	p.Dst = netip.AddrFrom4([4]byte(data[16:20]))
	p.Proto = uint8(l.Protocol)
	p.TTL = l.TTL
	p.IPLen = total
	p.IPHdrLen = hl
	if total <= len(data) {
		p.IP = data[:total]
	} else {
		p.IP = data
		p.Truncated = true
	}
	p.Payload = p.IP[hl:]
	p.IPID = uint32(l.Id)
	p.DF = l.Flags&layers.IPv4DontFragment != 0
	p.MoreFrags = l.Flags&layers.IPv4MoreFragments != 0
	p.FragOffset = int(l.FragOffset) * 8
	p.IsFragment = p.MoreFrags || p.FragOffset != 0
	l.next = d.afterIP(l.IPv4.NextLayerType())
	return nil
}

// afterIP decides what follows an IP header (or IPv6 extension header)
// whose protocol is p.Proto.
func (d *Decoder) afterIP(next gopacket.LayerType) gopacket.LayerType {
	p := d.cur
	if p.IsFragment {
		return gopacket.LayerTypeFragment
	}
	switch p.Proto {
	case ProtoIPv4, ProtoIPv6: // IP-in-IP: the engine decodes the inner packet
		if len(p.Payload) > 0 {
			v := p.Payload[0] >> 4
			if (p.Proto == ProtoIPv4 && v != 4) || (p.Proto == ProtoIPv6 && v != 6) {
				p.weird("invalid_inner_IP_version")
			}
		}
		return stop
	}
	return next
}

// ip6Layer wraps gopacket's IPv6.
type ip6Layer struct {
	layers.IPv6
	d    *Decoder
	next gopacket.LayerType
}

func (l *ip6Layer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeIPv6 }
func (l *ip6Layer) NextLayerType() gopacket.LayerType { return l.next }

func (l *ip6Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	d := l.d
	p := d.cur
	l.next = stop
	if p.IPVersion != 0 {
		return nil
	}
	if len(data) < 40 {
		df.SetTruncated()
		p.weird("truncated_IP")
		return errTruncated
	}
	if data[0]>>4 != 6 {
		p.weird("unknown_ip_version")
		return errBadHeader
	}
	total := 40 + int(binary.BigEndian.Uint16(data[4:6]))
	if off := len(d.frame) - len(data); p.WireLen-off < total {
		p.weird("truncated_IP")
		return errTruncated
	}
	if err := l.IPv6.DecodeFromBytes(data, df); err != nil {
		p.weird("truncated_IP")
		return err
	}
	p.IPVersion = 6
	p.Src = netip.AddrFrom16([16]byte(data[8:24]))
	p.Dst = netip.AddrFrom16([16]byte(data[24:40]))
	p.TTL = l.HopLimit
	p.IPLen = total
	if total <= len(data) {
		p.IP = data[:total]
	} else {
		p.IP = data
		p.Truncated = true
	}
	p.Proto = uint8(l.NextHeader)
	p.Payload = p.IP[40:]
	if l.HopByHop != nil {
		p.Proto = uint8(l.HopByHop.NextHeader)
		n := len(l.HopByHop.Contents)
		if n > len(p.Payload) {
			n = len(p.Payload)
		}
		p.Payload = p.Payload[n:]
	}
	p.IPHdrLen = len(p.IP) - len(p.Payload)
	l.next = d.afterIP(l.IPv6.NextLayerType())
	return nil
}

// ip6ExtLayer decodes IPv6 hop-by-hop, destination, routing and fragment
// extension headers. Which one it is comes from the packet's current Proto.
type ip6ExtLayer struct {
	d    *Decoder
	next gopacket.LayerType
	rest []byte
}

var ip6ExtClass = gopacket.NewLayerClass([]gopacket.LayerType{layers.LayerTypeIPv6HopByHop,
	layers.LayerTypeIPv6Destination, layers.LayerTypeIPv6Routing, layers.LayerTypeIPv6Fragment})

func (l *ip6ExtLayer) CanDecode() gopacket.LayerClass    { return ip6ExtClass }
func (l *ip6ExtLayer) NextLayerType() gopacket.LayerType { return l.next }
func (l *ip6ExtLayer) LayerPayload() []byte              { return l.rest }

func (l *ip6ExtLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	d := l.d
	p := d.cur
	l.next, l.rest = stop, nil
	if len(data) < 8 {
		df.SetTruncated()
		p.weird("truncated_IPv6_ext_header")
		return errTruncated
	}
	var n int
	if p.Proto == uint8(layers.IPProtocolIPv6Fragment) {
		n = 8
		off := binary.BigEndian.Uint16(data[2:4])
		p.FragOffset = int(off &^ 7)
		p.MoreFrags = off&1 != 0
		p.IPID = binary.BigEndian.Uint32(data[4:8])
		p.IsFragment = p.MoreFrags || p.FragOffset != 0
	} else {
		n = (int(data[1]) + 1) * 8
		if n > len(data) {
			df.SetTruncated()
			if p.Proto == uint8(layers.IPProtocolIPv6Destination) {
				// Zeek reads the options from the captured bytes
				// before its IP analyser finds the header chain
				// longer than the payload.
				if full := d.captured(data); len(full) >= n {
					p.destOptions(full[2:n])
					p.addWeird("invalid_IP_header_size")
					return errTruncated
				}
			}
			p.weird("truncated_IPv6_ext_header")
			return errTruncated
		}
	}
	if p.Proto == uint8(layers.IPProtocolIPv6Destination) {
		p.destOptions(data[2:n])
	}
	p.Proto = data[0]
	l.rest = data[n:]
	p.Payload = l.rest
	p.IPHdrLen = len(p.IP) - len(p.Payload)
	l.next = d.afterIP(layers.IPProtocol(p.Proto).LayerType())
	return nil
}

// captured extends data, a slice of the frame being decoded, to the end
// of the captured bytes (past the IP payload length); nil if data does
// not lie in the frame.
func (d *Decoder) captured(data []byte) []byte {
	off := cap(d.frame) - cap(data)
	if len(data) == 0 || off < 0 || off >= len(d.frame) || &d.frame[off] != &data[0] {
		return nil
	}
	return d.frame[off:]
}

// homeAddressOpt is the Mobile IPv6 Home Address destination option.
const homeAddressOpt = 201

// destOptions reads an IPv6 Destination Options header's options as Zeek
// does with Mobile IPv6 support: a Home Address option makes the home
// address the packet's source (it is the mobile node's stable address);
// a second one, or one of the wrong size, is a weird, as is an option
// running past the header.
func (p *Packet) destOptions(opts []byte) {
	home := false
	for len(opts) > 0 {
		if opts[0] == 0 { // Pad1 has no length byte
			opts = opts[1:]
			continue
		}
		if len(opts) < 2 {
			return // a lone trailing byte: nothing to read
		}
		if int(opts[1])+2 > len(opts) {
			p.addWeird("bad_ipv6_dest_opt_len")
			return
		}
		typ, body := opts[0], opts[2:2+int(opts[1])]
		opts = opts[2+len(body):]
		if typ != homeAddressOpt {
			continue
		}
		switch {
		case len(body) != 16:
			p.addWeird("bad_home_addr_len")
		case home:
			p.addWeird("multiple_home_addr_opts")
		default:
			home = true
			p.Src = netip.AddrFrom16([16]byte(body))
		}
	}
}

// ipDataLen is the IP payload length according to the headers (Zeek's
// "post_ip_len"), for the truncated_header check.
func (p *Packet) ipDataLen() int { return p.IPLen - p.IPHdrLen }

// checkTrunc implements Zeek's CheckHeaderTrunc.
func (p *Packet) checkTrunc(min int, data []byte, df gopacket.DecodeFeedback) error {
	if p.ipDataLen() < min {
		p.weird("truncated_header")
		return errTruncated
	}
	if len(data) < min {
		df.SetTruncated()
		p.weird("internally_truncated_header")
		return errTruncated
	}
	return nil
}

type tcpLayer struct {
	layers.TCP
	d *Decoder
}

func (l *tcpLayer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeTCP }
func (l *tcpLayer) NextLayerType() gopacket.LayerType { return gopacket.LayerTypeZero }

func (l *tcpLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	p := l.d.cur
	if err := p.checkTrunc(20, data, df); err != nil {
		return err
	}
	hl := int(data[12]>>4) * 4
	if hl < 20 || hl > len(data) {
		p.weird("bad_TCP_header_len")
		return errBadHeader
	}
	if err := l.TCP.DecodeFromBytes(data, df); err != nil {
		p.weird("bad_TCP_header_len")
		return err
	}
	p.HasTransport = true
	p.SrcPort = binary.BigEndian.Uint16(data[0:2])
	p.DstPort = binary.BigEndian.Uint16(data[2:4])
	p.Seq = l.Seq
	p.Ack = l.Ack
	p.TCPFlags = data[13]
	p.Window = l.Window
	p.Checksum = l.Checksum
	p.TCPHdrLen = hl
	p.TCPOptions = data[20:hl]
	p.Payload = data[hl:]
	return nil
}

type udpLayer struct {
	layers.UDP
	d *Decoder
}

func (l *udpLayer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeUDP }
func (l *udpLayer) NextLayerType() gopacket.LayerType { return gopacket.LayerTypeZero }

func (l *udpLayer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	p := l.d.cur
	if err := p.checkTrunc(8, data, df); err != nil {
		return err
	}
	ulen := int(binary.BigEndian.Uint16(data[4:6]))
	p.HasTransport = true
	p.SrcPort = binary.BigEndian.Uint16(data[0:2])
	p.DstPort = binary.BigEndian.Uint16(data[2:4])
	p.Checksum = binary.BigEndian.Uint16(data[6:8])
	p.Payload = data[8:]
	if ulen >= 8 && ulen-8 < len(p.Payload) {
		p.Payload = p.Payload[:ulen-8]
	}
	if ulen != p.ipDataLen() && ulen != 0 {
		p.weird("UDP_datagram_length_mismatch")
	}
	if ulen < 8 && ulen != 0 {
		return nil // gopacket would reject it; Zeek carries on
	}
	return l.UDP.DecodeFromBytes(data, df)
}

type icmp4Layer struct {
	layers.ICMPv4
	d *Decoder
}

func (l *icmp4Layer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeICMPv4 }
func (l *icmp4Layer) NextLayerType() gopacket.LayerType { return gopacket.LayerTypeZero }

func (l *icmp4Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	p := l.d.cur
	if err := p.checkTrunc(8, data, df); err != nil {
		return err
	}
	if err := l.ICMPv4.DecodeFromBytes(data, df); err != nil {
		return err
	}
	p.HasTransport = true
	p.ICMPType, p.ICMPCode = data[0], data[1]
	p.Checksum = l.Checksum
	p.Payload = data[8:]
	return nil
}

type icmp6Layer struct {
	layers.ICMPv6
	d *Decoder
}

func (l *icmp6Layer) CanDecode() gopacket.LayerClass    { return layers.LayerTypeICMPv6 }
func (l *icmp6Layer) NextLayerType() gopacket.LayerType { return gopacket.LayerTypeZero }

func (l *icmp6Layer) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	p := l.d.cur
	if err := p.checkTrunc(8, data, df); err != nil {
		return err
	}
	if err := l.ICMPv6.DecodeFromBytes(data, df); err != nil {
		return err
	}
	p.HasTransport = true
	p.ICMPType, p.ICMPCode = data[0], data[1]
	p.Checksum = l.Checksum
	p.Payload = data[8:]
	return nil
}

type decodeError string

func (e decodeError) Error() string { return string(e) }

const (
	errTruncated = decodeError("truncated header")
	errBadHeader = decodeError("bad header")
)
