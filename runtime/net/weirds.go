package net

// How Zeek reports each weird the decoder finds: the analyser it names
// as the weird's source, and whether it is a net_weird (raised before an
// IP header exists, so without addresses). Weirds not listed are flow
// weirds without a source.

type weirdKind struct {
	source string
	net    bool
}

// transportSource stands for the packet's transport analyser (TCP, UDP,
// ICMP), which Zeek names as the source of header-length weirds.
const transportSource = "<transport>"

var weirdKinds = map[string]weirdKind{
	"truncated_link_header": {net: true},
	"null_analyzer_failed":  {source: "NULL", net: true},
	"unknown_link_type":     {net: true},
	"no_mpls_payload":       {source: "MPLS", net: true},
	"no_ip_in_mpls_payload": {source: "MPLS", net: true},

	"truncated_IP":           {source: "IP", net: true},
	"unknown_ip_version":     {source: "IP", net: true},
	"invalid_IP_header_size": {source: "IP", net: true},
	"ip_hdr_len_zero":        {source: "IP", net: true},

	"truncated_header":             {source: transportSource},
	"internally_truncated_header":  {source: transportSource},
	"bad_TCP_header_len":           {source: "TCP"},
	"UDP_datagram_length_mismatch": {source: "UDP"},

	"invalid_inner_IP_version":         {source: "IPTUNNEL"},
	"truncated_inner_IP":               {source: "IPTUNNEL"},
	"inner_IP_payload_length_mismatch": {source: "IPTUNNEL"},
	"exceeded_tunnel_max_depth":        {source: "IPTUNNEL"},
	"vxlan_truncated":                  {source: "VXLAN"},
	"tunnel_depth":                     {source: "TEREDO"},
}

// transportName is the analyser name of an IP protocol.
func transportName(proto uint8) string {
	switch proto {
	case ProtoTCP:
		return "TCP"
	case ProtoUDP:
		return "UDP"
	case ProtoICMP, ProtoICMPv6:
		return "ICMP"
	}
	return ""
}
