package bpf

import (
	"net"
	"testing"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

// Hand-built Ethernet frames for the table tests and the differential
// corpus.

var (
	macA     = net.HardwareAddr{0x00, 0x01, 0x02, 0x03, 0x04, 0x05}
	macB     = net.HardwareAddr{0x00, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e}
	macBcast = net.HardwareAddr{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	macMcast = net.HardwareAddr{0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb}
)

type synth struct {
	name string
	data []byte
}

func serialize(ls ...gopacket.SerializableLayer) []byte {
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		panic(err)
	}
	return append([]byte(nil), buf.Bytes()...)
}

func eth(src, dst net.HardwareAddr, et layers.EthernetType) *layers.Ethernet {
	return &layers.Ethernet{SrcMAC: src, DstMAC: dst, EthernetType: et}
}

func ip4(src, dst string, proto layers.IPProtocol) *layers.IPv4 {
	return &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Protocol: proto, SrcIP: net.ParseIP(src).To4(), DstIP: net.ParseIP(dst).To4()}
}

func ip6(src, dst string, next layers.IPProtocol) *layers.IPv6 {
	return &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: next, SrcIP: net.ParseIP(src), DstIP: net.ParseIP(dst)}
}

func tcp(sport, dport uint16, syn, ack bool, ipl gopacket.NetworkLayer) *layers.TCP {
	t := &layers.TCP{SrcPort: layers.TCPPort(sport), DstPort: layers.TCPPort(dport), SYN: syn, ACK: ack, Window: 1024, Seq: 1}
	t.SetNetworkLayerForChecksum(ipl)
	return t
}

func udp(sport, dport uint16, ipl gopacket.NetworkLayer) *layers.UDP {
	u := &layers.UDP{SrcPort: layers.UDPPort(sport), DstPort: layers.UDPPort(dport)}
	u.SetNetworkLayerForChecksum(ipl)
	return u
}

var payload = gopacket.Payload("hello, filter")

// synthetic returns the named frames. Each call builds fresh slices.
func synthetic() []synth {
	var s []synth
	add := func(name string, ls ...gopacket.SerializableLayer) {
		s = append(s, synth{name, serialize(ls...)})
	}

	i := ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolTCP)
	add("tcp4", eth(macA, macB, layers.EthernetTypeIPv4), i, tcp(1234, 80, true, false, i), payload)

	i = ip4("192.168.1.1", "10.0.0.2", layers.IPProtocolUDP)
	add("udp4", eth(macB, macA, layers.EthernetTypeIPv4), i, udp(53, 5353, i), payload)

	i = ip4("10.0.0.1", "8.8.8.8", layers.IPProtocolICMPv4)
	add("icmp4", eth(macA, macB, layers.EthernetTypeIPv4), i,
		&layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(layers.ICMPv4TypeEchoRequest, 0), Id: 1, Seq: 1}, payload)

	i6 := ip6("2001:db8::1", "2001:db8::2", layers.IPProtocolTCP)
	add("tcp6", eth(macA, macB, layers.EthernetTypeIPv6), i6, tcp(40000, 443, false, true, i6), payload)

	i6 = ip6("2001:db8::1", "2001:db8:1::53", layers.IPProtocolIPv6Fragment)
	add("udp6frag", eth(macA, macB, layers.EthernetTypeIPv6), i6,
		&layers.IPv6Fragment{NextHeader: layers.IPProtocolUDP, Identification: 7, MoreFragments: true},
		gopacket.Payload([]byte{0x30, 0x39, 0x00, 0x35, 0x00, 0x20, 0x00, 0x00, 'd', 'n', 's'}))

	i6 = ip6("fe80::1", "ff02::1:ff00:2", layers.IPProtocolICMPv6)
	icmp6 := &layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(layers.ICMPv6TypeNeighborSolicitation, 0)}
	icmp6.SetNetworkLayerForChecksum(i6)
	add("icmp6ns", eth(macA, net.HardwareAddr{0x33, 0x33, 0xff, 0, 0, 2}, layers.EthernetTypeIPv6), i6, icmp6, gopacket.Payload(make([]byte, 20)))

	add("arp", eth(macA, macBcast, layers.EthernetTypeARP), &layers.ARP{
		AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4, HwAddressSize: 6, ProtAddressSize: 4,
		Operation: layers.ARPRequest, SourceHwAddress: macA, SourceProtAddress: net.ParseIP("10.0.0.1").To4(),
		DstHwAddress: make([]byte, 6), DstProtAddress: net.ParseIP("10.0.0.2").To4()})

	i = ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolTCP)
	add("vlan10", eth(macA, macB, layers.EthernetTypeDot1Q),
		&layers.Dot1Q{VLANIdentifier: 10, Type: layers.EthernetTypeIPv4}, i, tcp(1234, 80, true, false, i), payload)

	i = ip4("10.1.1.1", "10.1.1.2", layers.IPProtocolUDP)
	add("qinq", eth(macA, macB, layers.EthernetTypeQinQ),
		&layers.Dot1Q{VLANIdentifier: 100, Type: layers.EthernetTypeDot1Q},
		&layers.Dot1Q{VLANIdentifier: 20, Type: layers.EthernetTypeIPv4}, i, udp(5000, 53, i), payload)

	i = ip4("10.1.2.1", "10.34.0.1", layers.IPProtocolTCP)
	add("mpls", eth(macA, macB, layers.EthernetTypeMPLSUnicast),
		&layers.MPLS{Label: 16, StackBottom: true, TTL: 64}, i, tcp(11001, 23, true, false, i), payload)

	i6 = ip6("2001:db8::1", "2001:db8::2", layers.IPProtocolUDP)
	add("mpls2", eth(macA, macB, layers.EthernetTypeMPLSUnicast),
		&layers.MPLS{Label: 16, TTL: 64}, &layers.MPLS{Label: 5, StackBottom: true, TTL: 64}, i6, udp(546, 547, i6), payload)

	i = ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolUDP)
	add("pppoe4", eth(macA, macB, layers.EthernetTypePPPoESession),
		&layers.PPPoE{Version: 1, Type: 1, Code: layers.PPPoECodeSession, SessionId: 0x11, Length: 0},
		&layers.PPP{PPPType: layers.PPPTypeIPv4}, i, udp(68, 67, i), payload)

	i6 = ip6("fe80::1", "ff02::1:2", layers.IPProtocolUDP)
	add("pppoe6", eth(macA, macB, layers.EthernetTypePPPoESession),
		&layers.PPPoE{Version: 1, Type: 1, Code: layers.PPPoECodeSession, SessionId: 0x22},
		&layers.PPP{PPPType: layers.PPPTypeIPv6}, i6, udp(546, 547, i6), payload)

	// A later fragment: its payload is not a UDP header.
	i = ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolUDP)
	i.FragOffset = 185
	add("frag", eth(macA, macB, layers.EthernetTypeIPv4), i, gopacket.Payload([]byte{0x00, 0x35, 0x00, 0x35, 1, 2, 3, 4}))

	// A first fragment (more fragments set, offset 0) still has ports.
	i = ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolTCP)
	i.Flags = layers.IPv4MoreFragments
	add("firstfrag", eth(macA, macB, layers.EthernetTypeIPv4), i, tcp(1234, 80, true, false, i), payload)

	// IPv4 options move the TCP header by four bytes (IHL 6).
	i = ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolTCP)
	i.Options = []layers.IPv4Option{{OptionType: 1}, {OptionType: 1}, {OptionType: 1}, {OptionType: 0}}
	add("ipopts", eth(macA, macB, layers.EthernetTypeIPv4), i, tcp(2000, 8080, false, true, i), payload)

	i = ip4("141.142.220.202", "224.0.0.251", layers.IPProtocolUDP)
	add("mcast4", eth(macA, macMcast, layers.EthernetTypeIPv4), i, udp(5353, 5353, i), payload)

	i = ip4("10.0.0.1", "10.0.0.2", layers.IPProtocolSCTP)
	add("sctp4", eth(macA, macB, layers.EthernetTypeIPv4), i,
		gopacket.Payload([]byte{0x04, 0x00, 0x00, 0x09, 0, 0, 0, 1, 0, 0, 0, 0}))

	i = ip4("10.0.0.9", "255.255.255.255", layers.IPProtocolUDP)
	add("bcast4", eth(macA, macBcast, layers.EthernetTypeIPv4), i, udp(68, 67, i), make(gopacket.Payload, 300))
	return s
}

func frameByName(t *testing.T, name string) []byte {
	t.Helper()
	for _, s := range synthetic() {
		if s.name == name {
			return s.data
		}
	}
	t.Fatalf("no synthetic frame %q", name)
	return nil
}
