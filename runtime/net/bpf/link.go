package bpf

import (
	"fmt"

	"github.com/gopacket/gopacket/layers"
)

// linkKind is how the link header names the network protocol.
type linkKind uint8

const (
	kindEther linkKind = iota // EtherType at offType
	kindSLL                   // Linux cooked v1/v2: EtherType-valued protocol at offType
	kindPPP                   // PPP protocol number at offType (inside PPPoE)
	kindRaw                   // no link header: the IP version nibble tells
	kindIPv4                  // no link header, IPv4 only
	kindIPv6                  // no link header, IPv6 only
	kindNull                  // BSD loopback: address family, host byte order
	kindLoop                  // OpenBSD loopback: address family, network order
)

const (
	etherTypeIP     = 0x0800
	etherTypeARP    = 0x0806
	etherTypeRARP   = 0x8035
	etherTypeIPv6   = 0x86dd
	etherTypeMPLS   = 0x8847
	etherTypePPPoED = 0x8863
	etherTypePPPoES = 0x8864
	etherMTU        = 1500
)

// link is where headers are for the primitives parsed so far. libpcap
// moves these offsets as "vlan", "mpls" and "pppoes" are parsed, and
// they stay moved for everything to their right, even across "or";
// filters written for libpcap rely on that, so we do the same.
type link struct {
	kind     linkKind
	name     string // for "no VLAN support for ..." errors
	offType  uint32 // offset of the EtherType-like field
	offPL    uint32 // offset of the link payload
	offNL    uint32 // MPLS labels between link payload and network header
	mpls     int    // MPLS labels parsed so far
	vlans    int    // VLAN tags parsed so far
	ethernet bool   // link addresses are Ethernet's (not true inside PPPoE)
}

// nl is the absolute offset of the network-layer header.
func (l *link) nl() uint32 { return l.offPL + l.offNL }

func newLink(lt layers.LinkType) (link, error) {
	switch lt {
	case layers.LinkTypeEthernet:
		return link{kind: kindEther, name: "Ethernet", offType: 12, offPL: 14, ethernet: true}, nil
	case layers.LinkTypeRaw, 12, 14:
		return link{kind: kindRaw, name: "Raw IP"}, nil
	case layers.LinkTypeIPv4:
		return link{kind: kindIPv4, name: "Raw IPv4"}, nil
	case layers.LinkTypeIPv6:
		return link{kind: kindIPv6, name: "Raw IPv6"}, nil
	case layers.LinkTypeLinuxSLL:
		return link{kind: kindSLL, name: "Linux cooked v1", offType: 14, offPL: 16}, nil
	case layers.LinkTypeLinuxSLL2:
		return link{kind: kindSLL, name: "Linux cooked v2", offType: 0, offPL: 20}, nil
	case layers.LinkTypeNull:
		return link{kind: kindNull, name: "BSD loopback", offPL: 4}, nil
	case layers.LinkTypeLoop:
		return link{kind: kindLoop, name: "OpenBSD loopback", offPL: 4}, nil
	}
	return link{}, fmt.Errorf("unsupported link type %d (%s)", int(lt), lt)
}

// Address families for loopback headers. AF_INET is 2 everywhere; the
// IPv6 value depends on the capturing OS (NetBSD/OpenBSD 24, FreeBSD
// 28, Darwin 30), and libpcap accepts all three.
var afInet6 = []uint32{24, 28, 30}

func swap32(v uint32) uint32 {
	return v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
}

// proto tests that the link layer carries EtherType et. Errors are for
// protocols that cannot be recognised at this position at all.
func (l *link) proto(et uint32) (node, error) {
	if l.mpls > 0 {
		// Inside MPLS nothing names the payload: libpcap takes the
		// bottom-of-stack label and the IP version nibble.
		var ver uint32
		switch et {
		case etherTypeIP:
			ver = 0x40
		case etherTypeIPv6:
			ver = 0x60
		default:
			return nil, fmt.Errorf("unsupported protocol over mpls")
		}
		return and(mcmp(l.nl()-2, 1, 0x01, 0x01), mcmp(l.nl(), 1, 0xf0, ver)), nil
	}
	switch l.kind {
	case kindEther:
		if et <= etherMTU {
			// An 802.3 length field, not a type: the value names an
			// LLC SAP in the first payload byte.
			return and(not(cmp(l.offType, 2, jgt, etherMTU)), cmp(l.offPL, 1, jeq, et)), nil
		}
		return cmp(l.offType, 2, jeq, et), nil
	case kindSLL:
		return cmp(l.offType, 2, jeq, et), nil
	case kindPPP:
		switch et {
		case etherTypeIP:
			et = 0x0021
		case etherTypeIPv6:
			et = 0x0057
		case etherTypeMPLS:
			et = 0x0281
		}
		return cmp(l.offType, 2, jeq, et), nil
	case kindRaw:
		switch et {
		case etherTypeIP:
			return mcmp(l.offPL, 1, 0xf0, 0x40), nil
		case etherTypeIPv6:
			return mcmp(l.offPL, 1, 0xf0, 0x60), nil
		}
		return nodeFalse, nil
	case kindIPv4:
		return constNode(et == etherTypeIP), nil
	case kindIPv6:
		return constNode(et == etherTypeIPv6), nil
	case kindNull, kindLoop:
		var afs []uint32
		switch et {
		case etherTypeIP:
			afs = []uint32{2}
		case etherTypeIPv6:
			afs = afInet6
		default:
			return nodeFalse, nil
		}
		var alts []node
		for _, af := range afs {
			if l.kind == kindLoop {
				alts = append(alts, cmp(0, 4, jeq, af))
				continue
			}
			// Host byte order of the machine that captured, which a
			// filter compiled here cannot know: accept either order.
			alts = append(alts, cmp(0, 4, jeq, swap32(af)), cmp(0, 4, jeq, af))
		}
		return or(alts...), nil
	}
	return nodeFalse, nil
}

// ip and ip6 never fail: every link kind can express (or rule out) IP.
func (l *link) ip() node  { n, _ := l.proto(etherTypeIP); return n }
func (l *link) ip6() node { n, _ := l.proto(etherTypeIPv6); return n }
