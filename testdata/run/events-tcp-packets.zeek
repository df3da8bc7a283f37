# @TEST-PCAP: events-tcp.pcap
# The per-packet TCP events: connection_SYN_packet with the SYN options,
# tcp_packet (relative sequence and ack numbers, Zeek's flag letters),
# tcp_option and tcp_options, for the connection with SYN options and a
# lost segment, the SYN-ACK seen before its SYN (tcp_packet's is_orig is
# the sender's role before the flip) and the close begun by an unseen
# side.

global shown = set(40001/tcp, 40004/tcp, 7000/tcp, 40008/tcp);

event connection_SYN_packet(c: connection, pkt: SYN_packet)
	{
	if ( c$id$orig_p in shown )
		print "SYN_packet", c$id$orig_p, pkt;
	}

event tcp_packet(c: connection, is_orig: bool, flags: string, seq: count, ack: count, len: count, payload: string)
	{
	if ( c$id$orig_p in shown )
		print "tcp_packet", c$id$orig_p, is_orig, flags, seq, ack, len, payload;
	}

event tcp_option(c: connection, is_orig: bool, opt: count, optlen: count) { print "tcp_option", is_orig, opt, optlen; }

event tcp_options(c: connection, is_orig: bool, options: TCP::OptionList)
	{
	for ( i in options )
		print "tcp_options", is_orig, options[i];
	}
