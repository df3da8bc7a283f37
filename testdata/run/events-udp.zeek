# @TEST-PCAP: events-udp.pcap
# The UDP events: udp_request, udp_reply, udp_contents (by
# udp_content_delivery_ports_orig and by udp_content_ports), a checksum
# error threshold, udp_session_done for the DNS-analysed connection, and
# connection_status_update / connection_timeout when the last datagram
# ends a minute and a half of silence. As in Zeek, the script declares
# connection_status_update_interval itself.

@load base/protocols/dns

global connection_status_update_interval = 30 sec;
redef udp_content_delivery_ports_orig += { [7777/udp] = T };
redef udp_content_ports += { 53/udp };

event new_connection(c: connection) { print network_time(), "new_connection", c$uid, c$id$orig_p, c$id$resp_p; }
event udp_request(u: connection) { print network_time(), "udp_request", u$uid, u$orig$size, u$resp$size; }
event udp_reply(u: connection) { print network_time(), "udp_reply", u$uid, u$orig$size, u$resp$size; }
event udp_contents(u: connection, is_orig: bool, contents: string) { print network_time(), "udp_contents", u$uid, is_orig, contents; }
event udp_multiple_checksum_errors(u: connection, is_orig: bool, threshold: count) { print network_time(), "udp_multiple_checksum_errors", u$uid, is_orig, threshold; }
event udp_session_done(u: connection) { print network_time(), "udp_session_done", u$uid; }
event connection_status_update(c: connection) { print network_time(), "status_update", c$uid; }
event connection_timeout(c: connection) { print network_time(), "timeout", c$uid; }
event connection_state_remove(c: connection) { print network_time(), "state_remove", c$uid, c$history; }
