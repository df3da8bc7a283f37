# @TEST-PCAP: sample.pcap
# tcp_contents delivers the reassembled bytes of the directions asked
# for: here all originator data, and responder data on port 80 only (the
# rejected port-25 connection carries none). seq counts from 1.
redef tcp_content_deliver_all_orig = T;
redef tcp_content_delivery_ports_resp += { [80/tcp] = T };

event tcp_contents(c: connection, is_orig: bool, seq: count, contents: string)
	{
	print c$id$resp_p, is_orig, seq, |contents|, sub_bytes(contents, 1, 16);
	}
