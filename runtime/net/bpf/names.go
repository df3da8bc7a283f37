package bpf

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

type kw uint8

const (
	kwNone kw = iota
	// protocol qualifiers
	kwLink // link, ether, ppp, slip, fddi, tr, wlan
	kwIP
	kwARP
	kwRARP
	kwSCTP
	kwTCP
	kwUDP
	kwICMP
	kwIGMP
	kwIGRP
	kwPIM
	kwVRRP
	kwCARP
	kwIP6
	kwICMP6
	kwAH
	kwESP
	kwOtherProto // protocol names this compiler does not implement (decnet, iso, ...)
	// direction qualifiers
	kwSrc
	kwDst
	kwOtherDir // addr1..4, ra, ta: 802.11 only
	// address qualifiers
	kwHost
	kwNet
	kwPort
	kwPortrange
	kwGateway
	kwProto
	kwProtochain
	// the rest
	kwMask
	kwAnd
	kwOr
	kwNot
	kwLess
	kwGreater
	kwLen
	kwBroadcast
	kwMulticast
	kwVLAN
	kwMPLS
	kwPPPoED
	kwPPPoES
	kwInbound
	kwOutbound
	kwUnsupported // libpcap keywords for features left out (pf, ATM, SS7, 802.11, ...)
)

type keyword struct {
	kw      kw
	isConst bool
	val     uint32
}

// keywords are case-sensitive, as in libpcap.
var keywords = func() map[string]keyword {
	m := map[string]keyword{}
	set := func(k kw, words ...string) {
		for _, w := range words {
			m[w] = keyword{kw: k}
		}
	}
	set(kwLink, "link", "ether", "ppp", "slip", "fddi", "tr", "wlan")
	set(kwIP, "ip")
	set(kwARP, "arp")
	set(kwRARP, "rarp")
	set(kwSCTP, "sctp")
	set(kwTCP, "tcp")
	set(kwUDP, "udp")
	set(kwICMP, "icmp")
	set(kwIGMP, "igmp")
	set(kwIGRP, "igrp")
	set(kwPIM, "pim")
	set(kwVRRP, "vrrp")
	set(kwCARP, "carp")
	set(kwIP6, "ip6")
	set(kwICMP6, "icmp6")
	set(kwAH, "ah")
	set(kwESP, "esp")
	set(kwOtherProto, "radio", "atalk", "aarp", "decnet", "lat", "sca", "moprc", "mopdl",
		"iso", "esis", "es-is", "isis", "is-is", "l1", "l2", "iih", "lsp", "snp", "csnp", "psnp",
		"clnp", "stp", "ipx", "netbeui")
	set(kwSrc, "src")
	set(kwDst, "dst")
	set(kwOtherDir, "addr1", "address1", "addr2", "address2", "addr3", "address3", "addr4", "address4", "ra", "ta")
	set(kwHost, "host")
	set(kwNet, "net")
	set(kwPort, "port")
	set(kwPortrange, "portrange")
	set(kwGateway, "gateway")
	set(kwProto, "proto")
	set(kwProtochain, "protochain")
	set(kwMask, "mask")
	set(kwAnd, "and")
	set(kwOr, "or")
	set(kwNot, "not")
	set(kwLess, "less")
	set(kwGreater, "greater")
	set(kwLen, "len", "length")
	set(kwBroadcast, "broadcast")
	set(kwMulticast, "multicast")
	set(kwVLAN, "vlan")
	set(kwMPLS, "mpls")
	set(kwPPPoED, "pppoed")
	set(kwPPPoES, "pppoes")
	set(kwInbound, "inbound")
	set(kwOutbound, "outbound")
	set(kwUnsupported, "byte", "ifindex", "geneve", "lane", "llc", "metac", "bcc", "oam", "oamf4",
		"oamf4ec", "oamf4sc", "sc", "ilmic", "vpi", "vci", "connectmsg", "metaconnect",
		"on", "ifname", "rnr", "rulenum", "reason", "rset", "ruleset", "srnr", "subrulenum", "action",
		"type", "subtype", "direction", "dir", "fisu", "lssu", "lsu", "msu", "hfisu", "hlssu", "hmsu",
		"sio", "opc", "dpc", "sls", "hsio", "hopc", "hdpc", "hsls")

	// Named constants from pcap-filter(7); they are numbers to the grammar.
	consts := map[string]uint32{
		"icmptype": 0, "icmpcode": 1,
		"icmp-echoreply": 0, "icmp-unreach": 3, "icmp-sourcequench": 4, "icmp-redirect": 5,
		"icmp-echo": 8, "icmp-routeradvert": 9, "icmp-routersolicit": 10, "icmp-timxceed": 11,
		"icmp-paramprob": 12, "icmp-tstamp": 13, "icmp-tstampreply": 14, "icmp-ireq": 15,
		"icmp-ireqreply": 16, "icmp-maskreq": 17, "icmp-maskreply": 18,
		"icmp6type": 0, "icmp6code": 1,
		"icmp6-destinationunreach": 1, "icmp6-packettoobig": 2, "icmp6-timeexceeded": 3,
		"icmp6-parameterproblem": 4, "icmp6-echo": 128, "icmp6-echoreply": 129,
		"icmp6-multicastlistenerquery": 130, "icmp6-multicastlistenerreportv1": 131,
		"icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133, "icmp6-routeradvert": 134,
		"icmp6-neighborsolicit": 135, "icmp6-neighboradvert": 136, "icmp6-redirect": 137,
		"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139,
		"icmp6-nodeinformationresponse": 140, "icmp6-ineighbordiscoverysolicit": 141,
		"icmp6-ineighbordiscoveryadvert": 142, "icmp6-multicastlistenerreportv2": 143,
		"icmp6-homeagentdiscoveryrequest": 144, "icmp6-homeagentdiscoveryreply": 145,
		"icmp6-mobileprefixsolicit": 146, "icmp6-mobileprefixadvert": 147,
		"icmp6-certpathsolicit": 148, "icmp6-certpathadvert": 149,
		"icmp6-multicastrouteradvert": 151, "icmp6-multicastroutersolicit": 152,
		"icmp6-multicastrouterterm": 153,
		"tcpflags":                  13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04, "tcp-push": 0x08,
		"tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40, "tcp-cwr": 0x80,
	}
	for w, v := range consts {
		m[w] = keyword{isConst: true, val: v}
	}
	return m
}()

// Protocol numbers for the proto qualifiers, used when a name is given
// with a backslash ("ip proto \tcp").
const (
	ipprotoICMP   = 1
	ipprotoIGMP   = 2
	ipprotoTCP    = 6
	ipprotoIGRP   = 9
	ipprotoUDP    = 17
	ipprotoFrag   = 44
	ipprotoESP    = 50
	ipprotoAH     = 51
	ipprotoICMPv6 = 58
	ipprotoPIM    = 103
	ipprotoVRRP   = 112
	ipprotoSCTP   = 132
)

// EtherType names libpcap knows by itself ("ether proto \arp").
var etherProtoNames = map[string]uint32{
	"ip": etherTypeIP, "ip6": etherTypeIPv6, "arp": etherTypeARP, "rarp": etherTypeRARP,
	"atalk": 0x809b, "aarp": 0x80f3, "decnet": 0x6003, "sca": 0x6007, "lat": 0x6004,
	"mopdl": 0x6001, "moprc": 0x6002, "ipx": 0x8137, "loopback": 0x9000,
	"pppoed": etherTypePPPoED, "pppoes": etherTypePPPoES, "mpls": etherTypeMPLS, "vlan": 0x8100,
}

// LLC SAP names ("ether proto \stp").
var llcNames = map[string]uint32{"iso": 0xfe, "stp": 0x42, "netbeui": 0xf0}

// Fallbacks for systems without /etc/protocols and /etc/services. The
// files win when present, because libpcap consults them through
// getprotobyname/getservbyname and filters should mean the same thing
// here as in tcpdump on the same machine.
var builtinProtocols = map[string]uint32{
	"ip": 0, "hopopt": 0, "icmp": 1, "igmp": 2, "ggp": 3, "ipencap": 4, "st": 5, "tcp": 6,
	"egp": 8, "igp": 9, "pup": 12, "udp": 17, "hmp": 20, "xns-idp": 22, "rdp": 27,
	"iso-tp4": 29, "dccp": 33, "xtp": 36, "ddp": 37, "idpr-cmtp": 38, "ipv6": 41,
	"ipv6-route": 43, "ipv6-frag": 44, "idrp": 45, "rsvp": 46, "gre": 47, "esp": 50, "ah": 51,
	"skip": 57, "ipv6-icmp": 58, "ipv6-nonxt": 59, "ipv6-opts": 60, "rspf": 73, "vmtp": 81,
	"eigrp": 88, "ospf": 89, "ax.25": 93, "ipip": 94, "etherip": 97, "encap": 98, "pim": 103,
	"ipcomp": 108, "vrrp": 112, "l2tp": 115, "isis": 124, "sctp": 132, "fc": 133,
	"mobility-header": 135, "udplite": 136, "mpls-in-ip": 137, "manet": 138, "hip": 139,
	"shim6": 140, "wesp": 141, "rohc": 142, "ethernet": 143,
}

// Port names with the transports /etc/services (Debian netbase) lists
// them for: t = tcp, u = udp.
var builtinServices = map[string]struct {
	port  uint32
	proto string
}{
	"echo": {7, "tu"}, "discard": {9, "tu"}, "daytime": {13, "tu"}, "ftp-data": {20, "t"},
	"ftp": {21, "t"}, "ssh": {22, "t"}, "telnet": {23, "t"}, "smtp": {25, "t"},
	"time": {37, "tu"}, "whois": {43, "t"}, "tacacs": {49, "tu"}, "domain": {53, "tu"},
	"bootps": {67, "u"}, "bootpc": {68, "u"}, "tftp": {69, "u"}, "gopher": {70, "t"},
	"finger": {79, "t"}, "http": {80, "t"}, "www": {80, "t"}, "kerberos": {88, "tu"},
	"pop3": {110, "t"}, "sunrpc": {111, "tu"}, "auth": {113, "t"}, "ident": {113, "t"},
	"nntp": {119, "t"}, "ntp": {123, "u"}, "epmap": {135, "tu"}, "netbios-ns": {137, "u"},
	"netbios-dgm": {138, "u"}, "netbios-ssn": {139, "t"}, "imap2": {143, "t"}, "imap": {143, "t"},
	"snmp": {161, "tu"}, "snmp-trap": {162, "tu"}, "bgp": {179, "t"}, "irc": {194, "t"},
	"ldap": {389, "tu"}, "https": {443, "tu"}, "microsoft-ds": {445, "t"}, "kpasswd": {464, "tu"},
	"submissions": {465, "t"}, "isakmp": {500, "u"}, "syslog": {514, "u"}, "shell": {514, "t"},
	"login": {513, "t"}, "exec": {512, "t"}, "printer": {515, "t"}, "submission": {587, "t"},
	"ldaps": {636, "tu"}, "rsync": {873, "t"}, "ftps-data": {989, "t"}, "ftps": {990, "t"},
	"telnets": {992, "t"}, "imaps": {993, "t"}, "pop3s": {995, "t"}, "socks": {1080, "t"},
	"openvpn": {1194, "tu"}, "ms-sql-s": {1433, "t"}, "ms-sql-m": {1434, "t"},
	"l2f": {1701, "u"}, "radius": {1812, "tu"}, "radius-acct": {1813, "tu"},
	"nfs": {2049, "tu"}, "mysql": {3306, "t"}, "ms-wbt-server": {3389, "t"},
	"sip": {5060, "tu"}, "sip-tls": {5061, "tu"}, "xmpp-client": {5222, "t"},
	"xmpp-server": {5269, "t"}, "postgresql": {5432, "t"}, "x11": {6000, "t"},
	"http-alt": {8080, "t"}, "mdns": {5353, "u"}, "llmnr": {5355, "tu"},
}

// names resolves protocol and service names. Its zero value reads the
// system files; tests replace the file paths.
type names struct {
	protocolsFile, servicesFile string
}

func (n names) protoByName(name string) (uint32, bool) {
	if n.protocolsFile != "-" {
		path := n.protocolsFile
		if path == "" {
			path = "/etc/protocols"
		}
		if f, err := os.Open(path); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				fields := strings.Fields(strings.SplitN(sc.Text(), "#", 2)[0])
				if len(fields) < 2 {
					continue
				}
				v, err := strconv.ParseUint(fields[1], 10, 8)
				if err != nil {
					continue
				}
				if fields[0] == name || contains(fields[2:], name) {
					return uint32(v), true
				}
			}
			return 0, false
		}
	}
	v, ok := builtinProtocols[name]
	return v, ok
}

// portByName resolves a service name like libpcap's pcap_nametoport:
// the TCP entry wins, and a name with the same port for TCP and UDP
// means both (proto 0), which port tests then widen to SCTP as well.
func (n names) portByName(name string) (port uint32, proto uint32, ok bool) {
	ports := map[string]uint32{}
	if n.servicesFile != "-" {
		path := n.servicesFile
		if path == "" {
			path = "/etc/services"
		}
		if f, err := os.Open(path); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				fields := strings.Fields(strings.SplitN(sc.Text(), "#", 2)[0])
				if len(fields) < 2 || (fields[0] != name && !contains(fields[2:], name)) {
					continue
				}
				p, transport, found := strings.Cut(fields[1], "/")
				v, err := strconv.ParseUint(p, 10, 16)
				if !found || err != nil {
					continue
				}
				if _, dup := ports[transport]; !dup {
					ports[transport] = uint32(v)
				}
			}
			return servicePort(ports)
		}
	}
	if s, found := builtinServices[name]; found {
		for _, c := range s.proto {
			ports[map[rune]string{'t': "tcp", 'u': "udp"}[c]] = s.port
		}
	}
	return servicePort(ports)
}

func servicePort(ports map[string]uint32) (port uint32, proto uint32, ok bool) {
	t, hasT := ports["tcp"]
	u, hasU := ports["udp"]
	switch {
	case hasT && hasU && t == u:
		return t, 0, true
	case hasT:
		return t, ipprotoTCP, true
	case hasU:
		return u, ipprotoUDP, true
	}
	return 0, 0, false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
