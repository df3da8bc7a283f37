# @TEST-PCAP: sample.pcap
# new_packet, packet_contents and raw_packet for the first packets of the
# sample trace (a TCP handshake and request, a UDP query, an ICMP echo):
# new_packet after new_connection, packet_contents with the transport
# payload, raw_packet last, once per frame.

global packets = 0;

event new_connection(c: connection) { print "new_connection", c$id; }
event new_packet(c: connection, p: pkt_hdr) { if ( ++packets <= 4 || c$id$resp_p in set(53/udp, 0/icmp) ) print "new_packet", p; }
event packet_contents(c: connection, contents: string) { if ( packets <= 4 || c$id$resp_p in set(53/udp, 0/icmp) ) print "packet_contents", |contents|; }
event raw_packet(p: raw_pkt_hdr) { if ( packets <= 4 ) print "raw_packet", p; }
