##! gobro's bare core: the types, constants, options and core events that
##! every script can see without loading anything. It is loaded first, before
##! the always-on frameworks (init-frameworks-and-bifs.zeek).
##!
##! The names, record layouts and defaults follow Zeek's documented core
##! surface, so that Bro 2.x and current Zeek scripts find what they expect.

# ---------------------------------------------------------------------------
# Container aliases used throughout the scripts and built-in functions.
# ---------------------------------------------------------------------------

type string_array: table[count] of string;
type string_set: set[string];
type addr_set: set[addr];
type count_set: set[count];
type port_set: set[port];
type subnet_set: set[subnet];
type interval_set: set[interval];
type string_vec: vector of string;
type index_vec: vector of count;
type subnet_vec: vector of subnet;
type addr_vec: vector of addr;
type double_vec: vector of double;
type bool_vec: vector of bool;
type any_vec: vector of any;
type table_string_of_string: table[string] of string;
type table_string_of_count: table[string] of count;
type string_any_table: table[string] of any;
type string_any_set: set[string, any];

## The result of matching a pattern against a string.
type PatternMatchResult: record {
	matched: bool;	##< Whether the pattern matched anywhere.
	str: string;	##< The part of the string that matched.
	off: count;	##< Where the match starts (1-based), 0 if none.
};

## One MIME type guess for a chunk of data, with its strength.
type mime_match: record {
	strength: int;
	mime: string;
};
type mime_matches: vector of mime_match;

# ---------------------------------------------------------------------------
# Introspection records (global_ids(), record_fields()).
# ---------------------------------------------------------------------------

## Describes one global identifier, as returned by global_ids().
type script_id: record {
	type_name: string;
	exported: bool;
	constant: bool;
	enum_constant: bool;
	option_value: bool;
	redefinable: bool;
	broker_backend: bool &default=F;
	value: any &optional;
};
type id_table: table[string] of script_id;

## Describes one field of a record type, as returned by record_fields().
type record_field: record {
	type_name: string;
	log: bool;
	optional: bool;
	value: any &optional;
	default_val: any &optional;
};
type record_field_table: table[string] of record_field;

## What happened to a table element, passed to &on_change handlers.
type TableChange: enum {
	TABLE_ELEMENT_NEW,
	TABLE_ELEMENT_CHANGED,
	TABLE_ELEMENT_REMOVED,
	TABLE_ELEMENT_EXPIRED,
};

## The result of rotating a file.
type rotate_info: record {
	old_name: string;
	new_name: string;
	open: time;
	close: time;
};

## Local time of day ("HH:MM") that log rotation intervals are counted
## from; "" counts them from the epoch.
const log_rotate_base_time = "0:00" &redef;

# ---------------------------------------------------------------------------
# Analyzer tags. Each kind of analyzer has its own tag type, numbered apart
# (packet analyzers from 1000, file analyzers from 2000) so that
# AllAnalyzers::Tag can hold any of them.
# ---------------------------------------------------------------------------

module Analyzer;
export {
	## Protocol analyzers.
	type Tag: enum {
		ANALYZER_CONNSIZE,
		ANALYZER_DNS,
		ANALYZER_FTP,
		ANALYZER_FTP_DATA,
		ANALYZER_HTTP,
		ANALYZER_ICMP,
		ANALYZER_SMTP,
		ANALYZER_SSH,
		ANALYZER_SSL,
		ANALYZER_DTLS,
		ANALYZER_TCP,
		ANALYZER_UDP,
		ANALYZER_CONTENTS,
		ANALYZER_CONTENTLINE,
		ANALYZER_IRC,
		ANALYZER_IRC_DATA,
		ANALYZER_NTP,
		ANALYZER_DHCP,
		ANALYZER_PIA_TCP,
		ANALYZER_PIA_UDP,
	};
}

module PacketAnalyzer;
export {
	## Packet (link and network layer) analyzers.
	type Tag: enum {
		ANALYZER_ETHERNET = 1000,
		ANALYZER_VLAN,
		ANALYZER_MPLS,
		ANALYZER_PPPOE,
		ANALYZER_ARP,
		ANALYZER_IP,
		ANALYZER_IPTUNNEL,
		ANALYZER_TCP,
		ANALYZER_UDP,
		ANALYZER_ICMP,
		ANALYZER_TEREDO,
		ANALYZER_VXLAN,
		ANALYZER_GRE,
	};
}

module Files;
export {
	## File analyzers.
	type Tag: enum {
		ANALYZER_DATA_EVENT = 2000,
		ANALYZER_ENTROPY,
		ANALYZER_EXTRACT,
		ANALYZER_MD5,
		ANALYZER_SHA1,
		ANALYZER_SHA256,
		ANALYZER_PE,
		ANALYZER_X509,
		ANALYZER_OCSP_REQUEST,
		ANALYZER_OCSP_REPLY,
	};
}

module AllAnalyzers;
export {
	## Every analyzer tag of every kind: the checker makes this the union
	## of Analyzer::Tag, PacketAnalyzer::Tag and Files::Tag, so any tag
	## fits it and keeps printing under its own name.
	type Tag: enum {};
}

module GLOBAL;

type files_tag_set: set[Files::Tag];

# ---------------------------------------------------------------------------
# Logging, input and JSON enums that the built-in functions refer to. The
# frameworks under base/frameworks extend them.
# ---------------------------------------------------------------------------

module Log;
export {
	## Identifies a log stream; each module adds its own (e.g. Conn::LOG).
	type ID: enum {
		UNKNOWN,
		PRINTLOG,
	};

	## The writers that can back a log filter.
	type Writer: enum {
		WRITER_NONE,
		WRITER_ASCII,
		WRITER_SQLITE,
	};

	## Where `print` output goes (see Log::print_to_log).
	type PrintLogType: enum {
		REDIRECT_NONE,
		REDIRECT_STDOUT,
		REDIRECT_ALL,
	};
}

module Input;
export {
	## The readers that can back an input stream.
	type Reader: enum {
		READER_ASCII,
		READER_BENCHMARK,
		READER_BINARY,
		READER_CONFIG,
		READER_RAW,
		READER_SQLITE,
	};

	## What happened to an input element, passed to input events.
	type Event: enum {
		EVENT_NEW,
		EVENT_CHANGED,
		EVENT_REMOVED,
	};

	## How an input source is read.
	type Mode: enum {
		MANUAL,		##< Read once.
		REREAD,		##< Read again whenever the file changes.
		STREAM,		##< Follow the file as it grows.
	};
}

module JSON;
export {
	## How time values are rendered in JSON logs.
	type TimestampFormat: enum {
		TS_EPOCH,
		TS_MILLIS,
		TS_MILLIS_UNSIGNED,
		TS_ISO8601,
	};
}

module Reporter;
export {
	## Severity of a reporter message.
	type Level: enum {
		INFO,
		WARNING,
		ERROR,
	};

	## Copy informational messages to stderr.
	const info_to_stderr = T &redef;
	## Copy warnings to stderr.
	const warnings_to_stderr = T &redef;
	## Copy errors to stderr.
	const errors_to_stderr = T &redef;
}

module Weird;
export {
	## Weirds that are never sampled (always reported).
	option sampling_whitelist: set[string] = {};
	## Weirds that are sampled globally rather than per connection.
	option sampling_global_list: set[string] = {};
	## How many of each weird are reported before sampling starts.
	option sampling_threshold: count = 1000;
	## After the threshold, report one in this many.
	option sampling_rate: count = 1000;
	## How long a sampling window lasts.
	option sampling_duration = 10min;
}

module GLOBAL;

## Capture filter identifiers (the packet-filter framework adds more).
type PcapFilterID: enum {
	None,
};

# ---------------------------------------------------------------------------
# Connections.
# ---------------------------------------------------------------------------

## Transport-layer protocols.
type transport_proto: enum {
	unknown_transport,	##< Not known or not TCP/UDP/ICMP.
	tcp,
	udp,
	icmp,
};

## The IP protocol number used when none is known.
const UNKNOWN_IP_PROTO = 65535;

## Extra context that distinguishes otherwise equal connection 4-tuples
## (empty unless a plugin adds fields, e.g. a VLAN).
type conn_id_ctx: record {
};

## A connection's 5-tuple.
type conn_id: record {
	orig_h: addr &log;	##< The originator's address.
	orig_p: port &log;	##< The originator's port.
	resp_h: addr &log;	##< The responder's address.
	resp_p: port &log;	##< The responder's port.
	proto: count &default=UNKNOWN_IP_PROTO;	##< The IP protocol number.
	ctx: conn_id_ctx &log &default=conn_id_ctx();
};

## Per-direction statistics of a connection.
type endpoint: record {
	size: count;	##< Payload bytes sent (TCP: from sequence numbers).
	state: count;	##< TCP_* or UDP_* state.
	num_pkts: count &optional;	##< Packets sent (with the size analyzer).
	num_bytes_ip: count &optional;	##< IP-level bytes sent.
	flow_label: count;	##< IPv6 flow label of the last packet.
	l2_addr: string &optional;	##< Link-layer address, if any.
};

## Retransmission statistics of one endpoint (conn_stats event).
type endpoint_stats: record {
	num_pkts: count;
	num_rxmit: count;
	num_rxmit_bytes: count;
	num_in_order: count;
	num_OO: count;
	num_repl: count;
	endian_type: count;
};

module Tunnel;
export {
	## Kinds of tunnels.
	type Type: enum {
		NONE,
		IP,
		AYIYA,
		TEREDO,
		SOCKS,
		GTPv1,
		HTTP,
		GRE,
		VXLAN,
		GENEVE,
	};

	## Maximum nesting of tunnels that is decapsulated.
	const max_depth: count = 2 &redef;
	## Decapsulate IP-in-IP.
	const enable_ip = T &redef;
	## Decapsulate AYIYA.
	const enable_ayiya = T &redef;
	## Decapsulate Teredo.
	const enable_teredo = T &redef;
	## Decapsulate GTPv1.
	const enable_gtpv1 = T &redef;
	## Decapsulate GRE.
	const enable_gre = T &redef;
	## How long an IP tunnel stays known without traffic.
	const ip_tunnel_timeout = 24hrs &redef;
	## Wait for both directions before confirming a Teredo tunnel.
	const delay_teredo_confirmation = T &redef;
	## Wait for both directions before confirming a GTP tunnel.
	const delay_gtp_confirmation = F &redef;
	## UDP ports where VXLAN is expected.
	const vxlan_ports: set[port] = { 4789/udp } &redef;
	## UDP ports where Geneve is expected.
	const geneve_ports: set[port] = { 6081/udp } &redef;
}

module GLOBAL;

## One level of tunnel encapsulation around a connection.
type EncapsulatingConn: record {
	cid: conn_id &log;	##< The tunnel's own endpoints.
	tunnel_type: Tunnel::Type &log;	##< The kind of tunnel.
	uid: string &log &optional;	##< The tunnel connection's uid, if any.
};

## The chain of encapsulations around a connection, outermost first.
type EncapsulatingConnVector: vector of EncapsulatingConn;

## A connection: one record per flow, shared by all of its events.
type connection: record {
	id: conn_id;	##< The 5-tuple.
	orig: endpoint;	##< Originator statistics.
	resp: endpoint;	##< Responder statistics.
	start_time: time;	##< Timestamp of the first packet.
	duration: interval;	##< Time between the first and last packet.
	service: set[string] &ordered;	##< Analyzers that confirmed a protocol.
	history: string;	##< State history (see conn.log).
	uid: string;	##< Unique identifier of the connection.
	tunnel: EncapsulatingConnVector &optional;	##< Encapsulations, if tunnelled.
	vlan: int &optional;	##< Outer VLAN tag.
	inner_vlan: int &optional;	##< Inner VLAN tag (Q-in-Q).
};

## TCP endpoint states (endpoint$state).
const TCP_INACTIVE = 0;	##< Nothing seen.
const TCP_SYN_SENT = 1;	##< SYN seen.
const TCP_SYN_ACK_SENT = 2;	##< SYN-ACK seen.
const TCP_PARTIAL = 3;	##< Data without a handshake.
const TCP_ESTABLISHED = 4;	##< Handshake completed.
const TCP_CLOSED = 5;	##< FIN seen.
const TCP_RESET = 6;	##< RST seen.

## UDP endpoint states.
const UDP_INACTIVE = 0;
const UDP_ACTIVE = 1;

## ICMP message information.
type icmp_info: record {
	v6: bool;	##< ICMPv6 rather than ICMPv4.
	itype: count;	##< Message type.
	icode: count;	##< Message code.
	len: count;	##< Payload length.
	ttl: count;	##< TTL / hop limit of the carrying packet.
};

## The packet quoted inside an ICMP error message.
type icmp_context: record {
	id: conn_id;
	len: count;
	proto: count;
	frag_offset: count;
	bad_hdr_len: bool;
	bad_checksum: bool;
	MF: bool;
	DF: bool;
};

## TCP SYN details (connection_SYN_packet).
type SYN_packet: record {
	is_orig: bool;
	DF: bool;
	ttl: count;
	size: count;
	win_size: count;
	win_scale: int;
	MSS: count;
	SACK_OK: bool;
	TSval: count &optional;
	TSecr: count &optional;
};

## Prefix Information option of an ICMPv6 neighbor discovery message.
type icmp6_nd_prefix_info: record {
	prefix_len: count;	##< Valid leading bits of the prefix.
	L_flag: bool;	##< The prefix is on-link.
	A_flag: bool;	##< Usable for stateless address configuration.
	valid_lifetime: interval;	##< How long the prefix is valid (0xffffffff: forever).
	preferred_lifetime: interval;	##< How long derived addresses stay preferred.
	prefix: addr;	##< The prefix (see prefix_len).
};

## One option of an ICMPv6 neighbor discovery message; the field matching
## the option type is set when the option was captured in full, payload
## otherwise (and for the types not decoded).
type icmp6_nd_option: record {
	otype: count;	##< Option type.
	len: count;	##< Option length in units of 8 bytes.
	link_address: string &optional;	##< Source or target link-layer address.
	prefix: icmp6_nd_prefix_info &optional;	##< Prefix information.
	redirect: icmp_context &optional;	##< The packet a redirect quotes.
	mtu: count &optional;	##< Recommended MTU.
	payload: string &optional;	##< The option's bytes after type and length.
};

## The options of an ICMPv6 neighbor discovery message.
type icmp6_nd_options: vector of icmp6_nd_option;

## Record types of an MLDv2 multicast address record.
type icmp6_mldv2_group_type: enum {
	MLDV2_MODE_IS_INCLUDE = 1,
	MLDV2_MODE_IS_EXCLUDE = 2,
	MLDV2_CHANGE_TO_INCLUDE_MODE = 3,
	MLDV2_CHANGE_TO_EXCLUDE_MODE = 4,
	MLDV2_ALLOW_NEW_SOURCES = 5,
	MLDV2_BLOCK_OLD_SOURCES = 6,
};

## One multicast address record of an MLDv2 report.
type icmp6_mldv2_mar: record {
	group_type: icmp6_mldv2_group_type;	##< The record type.
	aux_data_len: count;	##< Length of the auxiliary data in bytes.
	num_sources: count;	##< Number of source addresses.
	multicast_addr: addr;	##< The multicast address.
	sources: addr_vec;	##< The source addresses.
	aux_data: string &optional;	##< Auxiliary data, if any.
};

## The records of an MLDv2 report.
type icmp6_mldv2_mar_vec: vector of icmp6_mldv2_mar;

## ICMP unreachable codes.
const ICMP_UNREACH_NET = 0;
const ICMP_UNREACH_HOST = 1;
const ICMP_UNREACH_PROTOCOL = 2;
const ICMP_UNREACH_PORT = 3;
const ICMP_UNREACH_NEEDFRAG = 4;
const ICMP_UNREACH_ADMIN_PROHIB = 13;

## TCP header flag bits (tcp_hdr$flags).
const TH_FIN = 1;
const TH_SYN = 2;
const TH_RST = 4;
const TH_PUSH = 8;
const TH_ACK = 16;
const TH_URG = 32;
const TH_FLAGS = 63;

module TCP;
export {
	## One TCP option as tcp_options gives it: kind and length, the
	## decoded value for the options known (MSS, window scale, SACK
	## blocks, timestamps, Quick-Start response), data otherwise or when
	## the length is wrong for the kind.
	type Option: record {
		kind: count;	##< Option kind.
		length: count;	##< Option length, kind and length bytes included.
		data: string &optional;	##< The bytes after kind and length.
		mss: count &optional;	##< Maximum segment size.
		window_scale: count &optional;	##< Window scale shift.
		sack: index_vec &optional;	##< SACK block edges.
		send_timestamp: count &optional;	##< Timestamp value.
		echo_timestamp: count &optional;	##< Timestamp echo reply.
		rate: count &optional;	##< Quick-Start rate.
		ttl_diff: count &optional;	##< Quick-Start TTL difference.
		qs_nonce: count &optional;	##< Quick-Start nonce.
	};

	## The options of one TCP header, in order.
	type OptionList: vector of Option;
}

module GLOBAL;

# ---------------------------------------------------------------------------
# Packet headers.
# ---------------------------------------------------------------------------

## Link-layer encapsulations.
type link_encap: enum {
	LINK_ETHERNET,
	LINK_UNKNOWN,
};

## Network-layer protocols seen on the link.
type layer3_proto: enum {
	L3_IPV4,
	L3_IPV6,
	L3_ARP,
	L3_UNKNOWN,
};

## An IPv4 header.
type ip4_hdr: record {
	hl: count;	##< Header length in bytes.
	tos: count;	##< Type of service.
	len: count;	##< Total length.
	id: count;	##< Identification.
	DF: bool;	##< Don't-fragment flag.
	MF: bool;	##< More-fragments flag.
	offset: count;	##< Fragment offset.
	ttl: count;	##< Time to live.
	p: count;	##< Protocol.
	sum: count;	##< Checksum.
	src: addr;	##< Source address.
	dst: addr;	##< Destination address.
};

## One IPv6 extension header (only its protocol number is exposed).
type ip6_ext_hdr: record {
	id: count;
};
type ip6_ext_hdr_chain: vector of ip6_ext_hdr;

## An IPv6 header.
type ip6_hdr: record {
	class: count;	##< Traffic class.
	flow: count;	##< Flow label.
	len: count;	##< Payload length.
	nxt: count;	##< Next header.
	hlim: count;	##< Hop limit.
	src: addr;	##< Source address.
	dst: addr;	##< Destination address.
	exts: ip6_ext_hdr_chain;	##< Extension headers.
};

## A TCP header.
type tcp_hdr: record {
	sport: port;
	dport: port;
	seq: count;
	ack: count;
	hl: count;	##< Header length in bytes.
	dl: count;	##< Payload length.
	reserved: count;
	flags: count;
	win: count;
};

## A UDP header.
type udp_hdr: record {
	sport: port;
	dport: port;
	ulen: count;
};

## An ICMP header.
type icmp_hdr: record {
	icmp_type: count;
};

## The IP and transport headers of a packet.
type pkt_hdr: record {
	ip: ip4_hdr &optional;
	ip6: ip6_hdr &optional;
	tcp: tcp_hdr &optional;
	udp: udp_hdr &optional;
	icmp: icmp_hdr &optional;
};

## A link-layer header.
type l2_hdr: record {
	encap: link_encap;
	len: count;
	cap_len: count;
	src: string &optional;
	dst: string &optional;
	vlan: count &optional;	##< Outer VLAN id.
	vlan_pcp: count &optional;	##< Outer VLAN tag's priority.
	vlan_dei: bool &optional;	##< Outer VLAN tag's drop eligible bit.
	inner_vlan: count &optional;	##< Inner VLAN id (Q-in-Q).
	inner_vlan_pcp: count &optional;	##< Inner VLAN tag's priority.
	inner_vlan_dei: bool &optional;	##< Inner VLAN tag's drop eligible bit.
	eth_type: count &optional;	##< Ethernet type after the VLAN tags.
	proto: layer3_proto;
};

## A full packet header, from the link layer up.
type raw_pkt_hdr: record {
	l2: l2_hdr;
	ip: ip4_hdr &optional;
	ip6: ip6_hdr &optional;
	tcp: tcp_hdr &optional;
	udp: udp_hdr &optional;
	icmp: icmp_hdr &optional;
};

## A captured packet.
type pcap_packet: record {
	ts_sec: count;
	ts_usec: count;
	caplen: count;
	len: count;
	data: string;
	link_type: link_encap;
};

# ---------------------------------------------------------------------------
# Protocol records used by core events.
# ---------------------------------------------------------------------------

## A DNS message header.
type dns_msg: record {
	id: count;	##< Transaction id.
	opcode: count;
	rcode: count;
	QR: bool;	##< Response flag.
	AA: bool;	##< Authoritative answer.
	TC: bool;	##< Truncated.
	RD: bool;	##< Recursion desired.
	RA: bool;	##< Recursion available.
	Z: count;	##< Reserved bits.
	AD: bool;	##< Authentic data.
	CD: bool;	##< Checking disabled.
	num_queries: count;
	num_answers: count;
	num_auth: count;
	num_addl: count;
	is_netbios: bool &default=F;
};

## Kinds of DNS answer records.
const DNS_QUERY = 0;
const DNS_ANS = 1;
const DNS_AUTH = 2;
const DNS_ADDL = 3;

## One DNS resource record's common fields.
type dns_answer: record {
	answer_type: count;	##< DNS_ANS, DNS_AUTH or DNS_ADDL.
	query: string;
	qtype: count;
	qclass: count;
	TTL: interval;
};

## A DNS SOA record.
type dns_soa: record {
	mname: string;
	rname: string;
	serial: count;
	refresh: interval;
	retry: interval;
	expire: interval;
	minimum: interval;
};

## The EDNS OPT pseudo-record.
type dns_edns_additional: record {
	query: string;
	qtype: count;
	t: count;
	payload_size: count;
	extended_rcode: count;
	version: count;
	z_field: count;
	TTL: interval;
	is_query: count;
};

## The EDNS client-subnet option.
type dns_edns_ecs: record {
	family: string;
	source_prefix_len: count;
	scope_prefix_len: count;
	address: addr;
};

## A TSIG additional record.
type dns_tsig_additional: record {
	query: string;
	qtype: count;
	alg_name: string;
	sig: string;
	time_signed: time;
	fudge: time;
	orig_id: count;
	rr_error: count;
	is_query: count;
};

## How many compression pointers one name may follow; a longer chain is
## the weird DNS_max_compression_chain_depth_exceeded.
const dns_max_compression_chain_depth = 20 &redef;

## The EDNS cookie option (RFC 7873).
type dns_edns_cookie: record {
	client_cookie: string;		##< The 8-byte client cookie.
	server_cookie: string &optional;	##< The server cookie, 8 to 32 bytes.
};

## The EDNS TCP keepalive option (RFC 7828).
type dns_edns_tcp_keepalive: record {
	keepalive_timeout_omitted: bool;	##< The option carries no timeout.
	keepalive_timeout: count;	##< The timeout, in units of 100 ms.
};

## A TKEY record (RFC 2930).
type dns_tkey: record {
	query: string;		##< The owner name.
	qtype: count;		##< The section (DNS_ANS, DNS_AUTH, DNS_ADDL).
	alg_name: string;	##< The key algorithm.
	inception: time;	##< Start of the key's validity.
	expiration: time;	##< End of the key's validity.
	mode: count;		##< The key agreement mode.
	rr_error: count;	##< The error code.
	key_data: string;	##< The key exchange data.
	is_query: count;	##< Whether the message is a query.
};

## A host name to address mapping kept by the internal resolver.
type dns_mapping: record {
	creation_time: time;
	req_host: string;
	req_addr: addr;
	valid: bool;
	hostname: string;
	addrs: addr_set;
};

## DNS queries with these addresses in the authority section are skipped.
const dns_skip_auth: set[addr] = {} &redef;
## DNS queries with these addresses in the additional section are skipped.
const dns_skip_addl: set[addr] = {} &redef;
## Skip all authority records.
const dns_skip_all_auth = T &redef;
## Skip all additional records.
const dns_skip_all_addl = T &redef;
## Most queries in one DNS message that are analyzed.
const dns_max_queries = 25 &redef;
## How long a DNS session may be idle.
const dns_session_timeout = 10 sec &redef;

## Statistics of one HTTP message (http_message_done).
type http_message_stat: record {
	start: time;	##< When the message started.
	interrupted: bool;	##< Whether it was cut short.
	finish_msg: string;	##< Why it ended.
	body_length: count;	##< Bytes of body seen.
	content_gap_length: count;	##< Bytes of body missed.
	header_length: count;	##< Bytes of headers.
};

## Per-connection HTTP statistics (http_stats).
type http_stats_rec: record {
	num_requests: count;
	num_replies: count;
	request_version: double;
	reply_version: double;
};

## One MIME/HTTP header.
type mime_header_rec: record {
	original_name: string;	##< The name as sent.
	name: string;	##< The name upper-cased.
	value: string;
};
type mime_header_list: table[count] of mime_header_rec;

## Largest HTTP URI kept (-1 for all).
const truncate_http_URI = -1 &redef;
## Size of the chunks passed to http_entity_data.
const http_entity_data_delivery_size = 1500 &redef;
## Skip HTTP bodies entirely.
const skip_http_data = F &redef;

module SSH;
export {
	## Algorithm preferences, per direction.
	type Algorithm_Prefs: record {
		client_to_server: vector of string &optional;
		server_to_client: vector of string &optional;
	};

	## What an SSH endpoint offers in its key exchange init message.
	type Capabilities: record {
		kex_algorithms: string_vec;
		server_host_key_algorithms: string_vec;
		encryption_algorithms: Algorithm_Prefs;
		mac_algorithms: Algorithm_Prefs;
		compression_algorithms: Algorithm_Prefs;
		languages: Algorithm_Prefs &optional;
		is_server: bool;
	};
}

module NTP;
export {
	## The fields of a time message (modes 1 to 5, RFC 5905).
	type NTP::StandardMessage: record {
		stratum: count;	##< 0 unspecified, 1 a reference clock, above: hops from one.
		poll: interval;	##< Longest interval between successive messages.
		precision: interval;	##< Precision of the sender's clock.
		root_delay: interval;	##< Round-trip delay to the reference clock.
		root_disp: interval;	##< Dispersion to the reference clock.
		## Stratum 0: the kiss code (the reference id as 4 characters).
		kiss_code: string &optional;
		## Stratum 1: the reference clock's name (4 characters).
		ref_id: string &optional;
		## Stratum 2 and above: the reference id as an IPv4 address (for an
		## IPv6 server, the first 4 bytes of its address's MD5 hash).
		ref_addr: addr &optional;
		ref_time: time;	##< When the sender's clock was last set.
		org_time: time;	##< The client's time when the request left.
		rec_time: time;	##< The server's time when the request arrived.
		xmt_time: time;	##< The sender's time when this message left.
		key_id: count &optional;	##< Key of the message authentication code.
		digest: string &optional;	##< The message authentication code.
		num_exts: count &default=0;	##< Extension fields (not parsed).
	};

	## The fields of a control message (mode 6, RFC 1119).
	type NTP::ControlMessage: record {
		op_code: count;	##< The operation.
		resp_bit: bool;	##< A response, not a request.
		err_bit: bool;	##< The response reports an error.
		more_bit: bool;	##< More fragments of the response follow.
		sequence: count;	##< Matches a response to its request.
		status: count;	##< System or peer status word.
		association_id: count;	##< The peer the message is about (0: the system).
		data: string &optional;	##< The payload, when there is one.
		key_id: count &optional;	##< Key of the authenticator.
		crypto_checksum: string &optional;	##< The authenticator.
	};

	## The header of a private message (mode 7, ntpd's ntpdc requests such
	## as monlist).
	type NTP::Mode7Message: record {
		req_code: count;	##< The request code.
		auth_bit: bool;	##< The message is authenticated.
		sequence: count;	##< Number of this fragment of a response.
		implementation: count;	##< Whose request codes these are.
		err: count;	##< Error code of a response.
		data: string &optional;	##< The payload, when there is one.
	};

	## One NTP message: the version and mode, and the part its mode has.
	type NTP::Message: record {
		version: count;	##< Protocol version (1 to 4).
		mode: count;	##< 1 to 5 standard, 6 control, 7 private.
		std_msg: NTP::StandardMessage &optional;	##< Modes 1 to 5.
		control_msg: NTP::ControlMessage &optional;	##< Mode 6.
		mode7_msg: NTP::Mode7Message &optional;	##< Mode 7.
	};
}

module GLOBAL;

## A GeoIP location.
type geo_location: record {
	country_code: string &optional;
	region: string &optional;
	city: string &optional;
	latitude: double &optional;
	longitude: double &optional;
} &log;

## A GeoIP autonomous system.
type geo_autonomous_system: record {
	number: count &optional;
	organization: string &optional;
} &log;

## Directory holding MaxMind databases ("" searches the usual places).
option mmdb_dir = "";

# ---------------------------------------------------------------------------
# Files (minimal; file analysis is a later milestone).
# ---------------------------------------------------------------------------

## Time a file may be idle before it times out.
const default_file_timeout_interval: interval = 2 mins &redef;
## Bytes buffered from the beginning of each file.
const default_file_bof_buffer_size: count = 4096 &redef;

## A file being analysed.
type fa_file: record {
	id: string;	##< Unique file id ("F...").
	parent_id: string &optional;	##< Container file's id.
	source: string;	##< Where the file came from (e.g. "HTTP").
	is_orig: bool &optional;	##< Sent by the connection's originator.
	conns: table[conn_id] of connection &optional;	##< Connections carrying it.
	last_active: time;	##< Time of the last activity.
	seen_bytes: count &default=0;	##< Bytes seen so far.
	total_bytes: count &optional;	##< Expected size, if known.
	missing_bytes: count &default=0;	##< Bytes missed.
	overflow_bytes: count &default=0;	##< Bytes not buffered.
	timeout_interval: interval &default=default_file_timeout_interval;
	bof_buffer_size: count &default=default_file_bof_buffer_size;
	bof_buffer: string &optional;	##< The first bytes of the file.
};

## What file_sniff learned about a file.
type fa_metadata: record {
	mime_type: string &optional;
	mime_types: mime_matches &optional;
	inferred: bool &default=T;
};

# ---------------------------------------------------------------------------
# Analyzer confirmation and violation.
# ---------------------------------------------------------------------------

## Details of an analyzer confirming its protocol.
type AnalyzerConfirmationInfo: record {
	c: connection &optional;	##< The connection, for protocol analyzers.
	f: fa_file &optional;	##< The file, for file analyzers.
	aid: count &optional;	##< The analyzer instance id.
};

## Details of an analyzer finding a protocol violation.
type AnalyzerViolationInfo: record {
	reason: string;	##< What went wrong.
	c: connection &optional;
	f: fa_file &optional;
	aid: count &optional;
	data: string &optional;	##< The offending data, if available.
};

## Signature match state (signature_match).
type signature_state: record {
	sig_id: string;
	conn: connection;
	is_orig: bool;
	payload_size: count;
};

# ---------------------------------------------------------------------------
# Statistics records (get_*_stats()).
# ---------------------------------------------------------------------------

type NetStats: record {
	pkts_recvd: count &default=0;
	pkts_dropped: count &default=0;
	pkts_link: count &default=0;
	bytes_recvd: count &default=0;
	pkts_filtered: count &optional;
};

type ConnStats: record {
	total_conns: count;
	current_conns: count;
	sess_current_conns: count;
	num_packets: count;
	num_fragments: count;
	max_fragments: count;
	num_tcp_conns: count;
	max_tcp_conns: count;
	cumulative_tcp_conns: count;
	num_udp_conns: count;
	max_udp_conns: count;
	cumulative_udp_conns: count;
	num_icmp_conns: count;
	max_icmp_conns: count;
	cumulative_icmp_conns: count;
	killed_by_inactivity: count;
};

type ProcStats: record {
	debug: bool;
	start_time: time;
	real_time: interval;
	user_time: interval;
	system_time: interval;
	mem: count;
	minflt: count;
	majflt: count;
	nswap: count;
	inblock: count;
	oublock: count;
	nivcsw: count;
};

type EventStats: record {
	queued: count;
	dispatched: count;
};

type ReassemblerStats: record {
	file_size: count;
	frag_size: count;
	tcp_size: count;
	unknown_size: count;
};

type DNSStats: record {
	requests: count;
	successful: count;
	failed: count;
	pending: count;
	cached_hosts: count;
	cached_addresses: count;
	cached_texts: count;
	cached_total: count;
};

type TimerStats: record {
	current: count;
	max: count;
	cumulative: count;
};

type FileAnalysisStats: record {
	current: count;
	max: count;
	cumulative: count;
};

type ThreadStats: record {
	num_threads: count;
};

type GapStats: record {
	ack_events: count;
	ack_bytes: count;
	gap_events: count;
	gap_bytes: count;
};

type MatcherStats: record {
	matchers: count;
	nfa_states: count;
	dfa_states: count;
	computed: count;
	mem: count;
	hits: count;
	misses: count;
};

type BrokerStats: record {
	num_peers: count;
	num_stores: count;
	num_pending_queries: count;
	num_events_incoming: count;
	num_events_outgoing: count;
	num_logs_incoming: count;
	num_logs_outgoing: count;
	num_ids_incoming: count;
	num_ids_outgoing: count;
};

type ReporterStats: record {
	weirds: count;
	weirds_by_type: table[string] of count;
};

# ---------------------------------------------------------------------------
# Core constants and options.
# ---------------------------------------------------------------------------

## Time after which an unanswered SYN counts as an attempt.
const tcp_SYN_timeout = 5 secs &redef;
## Time after which an inactive TCP session is dropped.
const tcp_session_timer = 6 secs &redef;
## How long state is kept after a TCP connection closes normally.
const tcp_connection_linger = 5 secs &redef;
## Wait this long before reporting a connection attempt.
const tcp_attempt_delay = 5 secs &redef;
## Wait this long after a FIN before removing state.
const tcp_close_delay = 5 secs &redef;
## Wait this long after a RST before removing state.
const tcp_reset_delay = 5 secs &redef;
## Wait this long after a partial close before removing state.
const tcp_partial_close_delay = 3 secs &redef;
## Lifetime of connections without an analyzer (0 = until inactive).
const non_analyzed_lifetime = 0 secs &redef;
## Idle time after which a TCP connection is dropped.
const tcp_inactivity_timeout = 5 min &redef;
## Idle time after which a UDP connection is dropped.
const udp_inactivity_timeout = 1 min &redef;
## Idle time after which an ICMP "connection" is dropped.
const icmp_inactivity_timeout = 1 min &redef;
## Idle time after which other IP flows are dropped.
const unknown_ip_inactivity_timeout = 1 min &redef;
## Number of FINs/RSTs in a row that count as a storm.
const tcp_storm_thresh = 1000 &redef;
## Largest gap between storm packets.
const tcp_storm_interarrival_thresh = 1 sec &redef;
## Bytes accepted before the first ACK is seen.
const tcp_max_initial_window = 16384 &redef;
## Bytes accepted above a sequence hole without ACKs.
const tcp_max_above_hole_without_any_acks = 16384 &redef;
## Bytes of unacknowledged data after which reassembly gives up.
const tcp_excessive_data_without_further_acks = 10 * 1024 * 1024 &redef;
## Old segments buffered for retransmission checks (0 = none).
const tcp_max_old_segments = 0 &redef;
## Ports whose originator stream is always reassembled.
const tcp_reassembler_ports_orig: set[port] = {} &redef;
## Ports whose responder stream is always reassembled.
const tcp_reassembler_ports_resp: set[port] = {} &redef;
## Deliver all originator TCP payload to tcp_contents.
const tcp_content_deliver_all_orig = F &redef;
## Deliver all responder TCP payload to tcp_contents.
const tcp_content_deliver_all_resp = F &redef;
## Ports whose originator TCP payload goes to tcp_contents.
const tcp_content_delivery_ports_orig: table[port] of bool = {} &redef;
## Ports whose responder TCP payload goes to tcp_contents.
const tcp_content_delivery_ports_resp: table[port] of bool = {} &redef;
## Deliver all originator UDP payload to udp_contents.
const udp_content_deliver_all_orig = F &redef;
## Deliver all responder UDP payload to udp_contents.
const udp_content_deliver_all_resp = F &redef;
## Ports whose originator UDP payload goes to udp_contents.
const udp_content_delivery_ports_orig: table[port] of bool = {} &redef;
## Ports whose responder UDP payload goes to udp_contents.
const udp_content_delivery_ports_resp: table[port] of bool = {} &redef;
## Ports (source or destination) whose UDP payload goes to udp_contents in
## both directions.
option udp_content_ports: set[port] = {};
## Look the delivery ports up by the connection's responder port rather
## than the datagram's destination port.
option udp_content_delivery_ports_use_resp = F;
## Ignore keep-alive retransmissions.
const ignore_keep_alive_rexmit = F &redef;
## Analyze packets with bad checksums too (-C).
const ignore_checksums = F &redef;
## Networks whose checksums are never verified.
option ignore_checksums_nets: set[subnet] = {};
## Analyze connections whose start was not seen.
const partial_connection_ok = T &redef;
## Report content gaps for partial connections.
const report_gaps_for_partial = F &redef;
## Count packets and IP bytes per endpoint (num_pkts, num_bytes_ip).
const use_conn_size_analyzer = T &redef;
## Ports on which servers are likely to listen; used to decide which side
## of a connection is the responder. The analyzer framework adds to it.
global likely_server_ports: set[port] &redef;
## Time a fragment may wait for its siblings (0 = forever).
const frag_timeout = 0.0 sec &redef;
## Check for a filtered trace (no handshake packets) at startup.
const detect_filtered_trace = F &redef;

## How often table expiry is checked.
const table_expire_interval = 10 secs &redef;
## Elements checked per expiry step.
const table_incremental_step = 5000 &redef;
## Pause between expiry steps.
const table_expire_delay = 0.01 secs &redef;

## Most timers expired per packet.
const max_timer_expires = 300 &redef;
## How often the watchdog looks for a stuck process.
const watchdog_interval = 10 sec &redef;
## How this node describes itself to peers (and in logs).
const peer_description = "zeek" &redef;
## Bits of randomness in connection and file uids.
const bits_per_uid: count = 96 &redef;
## Salt for hashes that should not be predictable across sites.
const digest_salt = "Please change this value." &redef;
## Keep running after input ends until terminate() is called.
const exit_only_after_terminate = F &redef;
## Seed for hashing table keys ("" picks one).
const global_hash_seed: string = "" &redef;
## Write all packets to the -w trace, not only analysed ones.
const record_all_packets = F &redef;
## Warn about event handlers that are never raised.
const check_for_unused_event_handlers = F &redef;

## Dynamic protocol detection: reassemble the first packets of each flow.
const dpd_reassemble_first_packets = T &redef;
## Bytes buffered for protocol detection.
const dpd_buffer_size = 1024 &redef;
## Match signatures only at the beginning of a flow.
const dpd_match_only_beginning = T &redef;
## Stop matching once an analyzer is found.
const dpd_late_match_stop = F &redef;
## Ignore well-known ports for protocol detection.
const dpd_ignore_ports = F &redef;
## Largest group of signatures matched together.
const sig_max_group_size = 50 &redef;

## Bytes captured per packet on live interfaces.
const snaplen = 9216 &redef;

module Pcap;
export {
	## Bytes captured per packet.
	const snaplen = 9216 &redef;
	## Capture buffer size in megabytes.
	const bufsize = 128 &redef;
	## Poll interval for packet sources without a file descriptor.
	const non_fd_timeout = 20usec &redef;
}

module Threading;
export {
	## How often writer and reader threads are checked.
	const heartbeat_interval = 1.0 secs &redef;
}

module GLOBAL;

# ---------------------------------------------------------------------------
# Core events raised by the engine.
# ---------------------------------------------------------------------------

## Lifecycle.
global zeek_init: event();
global zeek_done: event();
global network_time_init: event();
global net_done: event(t: time);
global zeek_script_loaded: event(path: string, level: count);

# The Bro 2.x names bro_init, bro_done and bro_script_loaded are not
# declared: the checker treats them as the Zeek events above.

## Reporter messages.
global reporter_info: event(t: time, msg: string, location: string);
global reporter_warning: event(t: time, msg: string, location: string);
global reporter_error: event(t: time, msg: string, location: string);

## Packets (raised only when handled).
global raw_packet: event(p: raw_pkt_hdr);
global new_packet: event(c: connection, p: pkt_hdr);
global packet_contents: event(c: connection, contents: string);
global unknown_protocol: event(analyzer_name: string, protocol: count, first_bytes: string, analyzer_history: string_vec);
global packet_not_processed: event(pkt: pcap_packet);

## Connection lifecycle.
global new_connection: event(c: connection);
global connection_established: event(c: connection);
global connection_state_remove: event(c: connection);
global successful_connection_remove: event(c: connection);
global connection_attempt: event(c: connection);
global connection_rejected: event(c: connection);
global connection_finished: event(c: connection);
global connection_half_finished: event(c: connection);
global connection_reset: event(c: connection);
global connection_partial_close: event(c: connection);
global connection_pending: event(c: connection);
global connection_first_ACK: event(c: connection);
global connection_EOF: event(c: connection, is_orig: bool);
global connection_SYN_packet: event(c: connection, pkt: SYN_packet);
global connection_flipped: event(c: connection);
global connection_timeout: event(c: connection);
global connection_reused: event(c: connection);
global connection_status_update: event(c: connection);
global partial_connection: event(c: connection);
global content_gap: event(c: connection, is_orig: bool, seq: count, length: count);
global tunnel_changed: event(c: connection, e: EncapsulatingConnVector);
global conn_stats: event(c: connection, os: endpoint_stats, rs: endpoint_stats);
global conn_bytes_threshold_crossed: event(c: connection, threshold: count, is_orig: bool);
global conn_packets_threshold_crossed: event(c: connection, threshold: count, is_orig: bool);
global conn_duration_threshold_crossed: event(c: connection, threshold: interval, is_orig: bool);

## UDP.
global udp_request: event(u: connection);
global udp_reply: event(u: connection);
global udp_contents: event(u: connection, is_orig: bool, contents: string);
global udp_session_done: event(u: connection);
global udp_multiple_checksum_errors: event(u: connection, is_orig: bool, threshold: count);

## TCP.
global tcp_packet: event(c: connection, is_orig: bool, flags: string, seq: count, ack: count, len: count, payload: string);
global tcp_option: event(c: connection, is_orig: bool, opt: count, optlen: count);
global tcp_options: event(c: connection, is_orig: bool, options: TCP::OptionList);
global tcp_contents: event(c: connection, is_orig: bool, seq: count, contents: string);
## Retransmitted TCP bytes differ from those seen first: t1 the first
## copy, t2 the new one, tcp_flags the new packet's flags.
global rexmit_inconsistency: event(c: connection, t1: string, t2: string, tcp_flags: string);
global tcp_rexmit: event(c: connection, is_orig: bool, seq: count, len: count, data_in_flight: count, window: count);
global tcp_multiple_checksum_errors: event(c: connection, is_orig: bool, threshold: count);
global tcp_multiple_zero_windows: event(c: connection, is_orig: bool, threshold: count);
global tcp_multiple_retransmissions: event(c: connection, is_orig: bool, threshold: count);
global tcp_multiple_gap: event(c: connection, is_orig: bool, threshold: count);

## ICMP.
global icmp_sent: event(c: connection, info: icmp_info);
global icmp_sent_payload: event(c: connection, info: icmp_info, payload: string);
global icmp_echo_request: event(c: connection, info: icmp_info, id: count, seq: count, payload: string);
global icmp_echo_reply: event(c: connection, info: icmp_info, id: count, seq: count, payload: string);
global icmp_unreachable: event(c: connection, info: icmp_info, code: count, context: icmp_context);
global icmp_time_exceeded: event(c: connection, info: icmp_info, code: count, context: icmp_context);
global icmp_parameter_problem: event(c: connection, info: icmp_info, code: count, context: icmp_context);
global icmp_packet_too_big: event(c: connection, info: icmp_info, code: count, context: icmp_context);
global icmp_error_message: event(c: connection, info: icmp_info, code: count, context: icmp_context);
global icmp_router_solicitation: event(c: connection, info: icmp_info, options: icmp6_nd_options);
global icmp_router_advertisement: event(c: connection, info: icmp_info, cur_hop_limit: count, managed: bool, other: bool, home_agent: bool, pref: count, proxy: bool, rsv: count, router_lifetime: interval, reachable_time: interval, retrans_timer: interval, options: icmp6_nd_options);
global icmp_neighbor_solicitation: event(c: connection, info: icmp_info, tgt: addr, options: icmp6_nd_options);
global icmp_neighbor_advertisement: event(c: connection, info: icmp_info, router: bool, solicited: bool, override: bool, tgt: addr, options: icmp6_nd_options);
global icmp_redirect: event(c: connection, info: icmp_info, tgt: addr, dest: addr, options: icmp6_nd_options);
global icmpv6_mld_report_v1: event(c: connection, group_addr: addr);
global icmpv6_mld_done_v1: event(c: connection, group_addr: addr);
global icmpv6_mld_report_v2: event(c: connection, groups: icmp6_mldv2_mar_vec);

## Analyzers.
global analyzer_confirmation_info: event(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo);
global analyzer_violation_info: event(atype: AllAnalyzers::Tag, info: AnalyzerViolationInfo);
## Bro 2.x forms of the two events above.
global protocol_confirmation: event(c: connection, atype: Analyzer::Tag, aid: count);
global protocol_violation: event(c: connection, atype: Analyzer::Tag, aid: count, reason: string);

## DNS. The request/reply events also have a prototype without
## original_query, for handlers written before it was added.
global dns_message: event(c: connection, is_orig: bool, msg: dns_msg, len: count);
global dns_request: event(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count, original_query: string);
global dns_request: event(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count);
global dns_rejected: event(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count, original_query: string);
global dns_rejected: event(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count);
global dns_query_reply: event(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count, original_query: string);
global dns_query_reply: event(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count);
global dns_end: event(c: connection, msg: dns_msg);
global dns_A_reply: event(c: connection, msg: dns_msg, ans: dns_answer, a: addr);
global dns_AAAA_reply: event(c: connection, msg: dns_msg, ans: dns_answer, a: addr);
global dns_A6_reply: event(c: connection, msg: dns_msg, ans: dns_answer, a: addr);
global dns_CNAME_reply: event(c: connection, msg: dns_msg, ans: dns_answer, name: string);
global dns_PTR_reply: event(c: connection, msg: dns_msg, ans: dns_answer, name: string);
global dns_NS_reply: event(c: connection, msg: dns_msg, ans: dns_answer, name: string);
global dns_MX_reply: event(c: connection, msg: dns_msg, ans: dns_answer, name: string, preference: count);
global dns_TXT_reply: event(c: connection, msg: dns_msg, ans: dns_answer, strs: string_vec);
global dns_SPF_reply: event(c: connection, msg: dns_msg, ans: dns_answer, strs: string_vec);
global dns_SOA_reply: event(c: connection, msg: dns_msg, ans: dns_answer, soa: dns_soa);
global dns_SRV_reply: event(c: connection, msg: dns_msg, ans: dns_answer, target: string, priority: count, weight: count, p: count);
global dns_HINFO_reply: event(c: connection, msg: dns_msg, ans: dns_answer, cpu: string, os: string);
global dns_CAA_reply: event(c: connection, msg: dns_msg, ans: dns_answer, flags: count, tag: string, value: string);
global dns_WKS_reply: event(c: connection, msg: dns_msg, ans: dns_answer);
global dns_unknown_reply: event(c: connection, msg: dns_msg, ans: dns_answer);
global dns_EDNS_addl: event(c: connection, msg: dns_msg, ans: dns_edns_additional);
global dns_EDNS_ecs: event(c: connection, msg: dns_msg, opt: dns_edns_ecs);
global dns_TSIG_addl: event(c: connection, msg: dns_msg, ans: dns_tsig_additional);
global dns_EDNS_cookie: event(c: connection, msg: dns_msg, opt: dns_edns_cookie);
global dns_EDNS_tcp_keepalive: event(c: connection, msg: dns_msg, opt: dns_edns_tcp_keepalive);
global dns_TKEY: event(c: connection, msg: dns_msg, ans: dns_tkey);
global non_dns_request: event(c: connection, msg: string);
global dns_mapping_valid: event(dm: dns_mapping);
global dns_mapping_unverified: event(dm: dns_mapping);
global dns_mapping_new_name: event(dm: dns_mapping);
global dns_mapping_lost_name: event(dm: dns_mapping);
global dns_mapping_name_changed: event(prev: dns_mapping, latest: dns_mapping);
global dns_mapping_altered: event(dm: dns_mapping, old_addrs: addr_set, new_addrs: addr_set);

## SSH.
global ssh_client_version: event(c: connection, version: string);
global ssh_server_version: event(c: connection, version: string);
global ssh_capabilities: event(c: connection, cookie: string, capabilities: SSH::Capabilities);
global ssh_server_host_key: event(c: connection, hash: string);
global ssh_auth_attempted: event(c: connection, authenticated: bool);
global ssh_auth_successful: event(c: connection, auth_method_none: bool);
global ssh1_server_host_key: event(c: connection, p: string, e: string);
global ssh2_server_host_key: event(c: connection, key: string);
global ssh_encrypted_packet: event(c: connection, orig: bool, len: count);
global ssh2_dh_server_params: event(c: connection, p: string, q: string);
global ssh2_ecc_key: event(c: connection, is_orig: bool, q: string);
global ssh2_gss_error: event(c: connection, major_status: count, minor_status: count, err_msg: string);

## IRC.
type irc_join_info: record {
	nick: string;
	channel: string;
	password: string;
	usermode: string;
};
type irc_join_list: set[irc_join_info];
global irc_request: event(c: connection, is_orig: bool, prefix: string, command: string, arguments: string);
global irc_reply: event(c: connection, is_orig: bool, prefix: string, code: count, params: string);
global irc_message: event(c: connection, is_orig: bool, prefix: string, command: string, message: string);
global irc_quit_message: event(c: connection, is_orig: bool, nick: string, message: string);
global irc_privmsg_message: event(c: connection, is_orig: bool, source: string, target: string, message: string);
global irc_notice_message: event(c: connection, is_orig: bool, source: string, target: string, message: string);
global irc_squery_message: event(c: connection, is_orig: bool, source: string, target: string, message: string);
global irc_join_message: event(c: connection, is_orig: bool, info_list: irc_join_list);
global irc_part_message: event(c: connection, is_orig: bool, nick: string, chans: string_set, message: string);
global irc_nick_message: event(c: connection, is_orig: bool, who: string, newnick: string);
global irc_invalid_nick: event(c: connection, is_orig: bool);
global irc_network_info: event(c: connection, is_orig: bool, users: count, services: count, servers: count);
global irc_server_info: event(c: connection, is_orig: bool, users: count, services: count, servers: count);
global irc_channel_info: event(c: connection, is_orig: bool, chans: count);
global irc_who_line: event(c: connection, is_orig: bool, target_nick: string, channel: string, user: string, host: string, server: string, nick: string, params: string, hops: count, real_name: string);
global irc_names_info: event(c: connection, is_orig: bool, c_type: string, channel: string, users: string_set);
global irc_whois_operator_line: event(c: connection, is_orig: bool, nick: string);
global irc_whois_channel_line: event(c: connection, is_orig: bool, nick: string, chans: string_set);
global irc_whois_user_line: event(c: connection, is_orig: bool, nick: string, user: string, host: string, real_name: string);
global irc_oper_response: event(c: connection, is_orig: bool, got_oper: bool);
global irc_global_users: event(c: connection, is_orig: bool, prefix: string, msg: string);
global irc_channel_topic: event(c: connection, is_orig: bool, channel: string, topic: string);
global irc_who_message: event(c: connection, is_orig: bool, mask: string, oper: bool);
global irc_whois_message: event(c: connection, is_orig: bool, server: string, users: string);
global irc_oper_message: event(c: connection, is_orig: bool, user: string, password: string);
global irc_kick_message: event(c: connection, is_orig: bool, prefix: string, chans: string, users: string, comment: string);
global irc_error_message: event(c: connection, is_orig: bool, prefix: string, message: string);
global irc_invite_message: event(c: connection, is_orig: bool, prefix: string, nickname: string, channel: string);
global irc_mode_message: event(c: connection, is_orig: bool, prefix: string, params: string);
global irc_squit_message: event(c: connection, is_orig: bool, prefix: string, server: string, message: string);
global irc_dcc_message: event(c: connection, is_orig: bool, prefix: string, target: string, dcc_type: string, argument: string, address: addr, dest_port: count, size: count);
global irc_dcc_send_ack: event(c: connection, bytes_received: count);
global irc_user_message: event(c: connection, is_orig: bool, user: string, host: string, server: string, real_name: string);
global irc_password_message: event(c: connection, is_orig: bool, password: string);
global irc_starttls: event(c: connection);

## HTTP. http_header also has a prototype without original_name.
global http_request: event(c: connection, method: string, original_URI: string, unescaped_URI: string, version: string);
global http_reply: event(c: connection, version: string, code: count, reason: string);
global http_header: event(c: connection, is_orig: bool, original_name: string, name: string, value: string);
global http_header: event(c: connection, is_orig: bool, name: string, value: string);
global http_all_headers: event(c: connection, is_orig: bool, hlist: mime_header_list);
global http_begin_entity: event(c: connection, is_orig: bool);
global http_end_entity: event(c: connection, is_orig: bool);
global http_entity_data: event(c: connection, is_orig: bool, length: count, data: string);
global http_content_type: event(c: connection, is_orig: bool, ty: string, subty: string);
global http_message_done: event(c: connection, is_orig: bool, stat: http_message_stat);
global http_event: event(c: connection, event_type: string, detail: string);
global http_stats: event(c: connection, stats: http_stats_rec);
global http_connection_upgrade: event(c: connection, protocol: string);

## NTP: every message, from either side.
global ntp_message: event(c: connection, is_orig: bool, msg: NTP::Message);

## SSL/TLS.
global ssl_client_hello: event(c: connection, version: count, record_version: count, possible_ts: time, client_random: string, session_id: string, ciphers: index_vec, comp_methods: index_vec);
global ssl_server_hello: event(c: connection, version: count, record_version: count, possible_ts: time, server_random: string, session_id: string, cipher: count, comp_method: count);
global ssl_extension: event(c: connection, is_client: bool, code: count, val: string);
global ssl_extension_server_name: event(c: connection, is_client: bool, names: string_vec);
global ssl_extension_application_layer_protocol_negotiation: event(c: connection, is_client: bool, protocols: string_vec);
global ssl_extension_supported_versions: event(c: connection, is_client: bool, versions: index_vec);
global ssl_extension_key_share: event(c: connection, is_client: bool, curves: index_vec);
global ssl_extension_elliptic_curves: event(c: connection, is_client: bool, curves: index_vec);
global ssl_extension_ec_point_formats: event(c: connection, is_client: bool, point_formats: index_vec);
global ssl_established: event(c: connection);
global ssl_alert: event(c: connection, is_client: bool, level: count, desc: count);
global ssl_change_cipher_spec: event(c: connection, is_client: bool);
global ssl_handshake_message: event(c: connection, is_client: bool, msg_type: count, length: count);
global ssl_encrypted_data: event(c: connection, is_client: bool, record_version: count, content_type: count, length: count);
global ssl_plaintext_data: event(c: connection, is_client: bool, record_version: count, content_type: count, length: count);
global ssl_session_ticket_handshake: event(c: connection, ticket_lifetime_hint: count, ticket: string);
global ssl_heartbeat: event(c: connection, is_client: bool, length: count, heartbeat_type: count, payload_length: count, payload: string);
global ssl_connection_flipped: event(c: connection);

## Files.
global file_new: event(f: fa_file);
global file_over_new_connection: event(f: fa_file, c: connection, is_orig: bool);
global file_sniff: event(f: fa_file, meta: fa_metadata);
global file_timeout: event(f: fa_file);
global file_gap: event(f: fa_file, offset: count, len: count);
global file_reassembly_overflow: event(f: fa_file, offset: count, skipped: count);
global file_state_remove: event(f: fa_file);
global file_hash: event(f: fa_file, kind: string, hash: string);
global get_file_handle: event(tag: Analyzer::Tag, c: connection, is_orig: bool);

## Weirds. Each also has a prototype without source.
global conn_weird: event(name: string, c: connection, addl: string, source: string);
global conn_weird: event(name: string, c: connection, addl: string);
global flow_weird: event(name: string, src: addr, dst: addr, addl: string, source: string);
global flow_weird: event(name: string, src: addr, dst: addr, addl: string);
global net_weird: event(name: string, addl: string, source: string);
global net_weird: event(name: string, addl: string);
global file_weird: event(name: string, f: fa_file, addl: string, source: string);
global file_weird: event(name: string, f: fa_file, addl: string);
global expired_conn_weird: event(name: string, id: conn_id, uid: string, addl: string, source: string);

## Signatures. Also has a prototype without end_of_match.
global signature_match: event(state: signature_state, msg: string, data: string, end_of_match: count);
global signature_match: event(state: signature_state, msg: string, data: string);
