# @TEST-PCAP: events-icmp.pcap
# new_packet's pkt_hdr and raw_packet's raw_pkt_hdr for IPv6 (the ICMPv6
# echo request and reply of the trace).

event new_packet(c: connection, p: pkt_hdr)
	{
	if ( p?$ip6 && p$icmp$icmp_type in set(128, 129) )
		print "new_packet", p;
	}

event raw_packet(p: raw_pkt_hdr)
	{
	if ( p?$ip6 && p$icmp$icmp_type == 128 )
		print "raw_packet", p;
	}
