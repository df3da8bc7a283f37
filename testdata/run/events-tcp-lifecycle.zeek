# @TEST-PCAP: events-tcp.pcap
# The TCP lifecycle events of the oddities in events-tcp.pcap (see
# pcapgen.EventsTCP): an unanswered SYN (connection_attempt), a lost
# segment (content_gap, conn.log's missed_bytes), a partial connection, a
# FIN then RST (connection_reset from the reset timer), a SYN-ACK before
# its SYN (connection_flipped), a connection reused by a new SYN, the
# tcp_multiple_* thresholds, a close begun by an unseen side
# (connection_partial_close), connection_timeout from the timers and
# connection_pending at the end. The timers all fire when the packet
# after six quiet minutes arrives.

@load base/protocols/conn

event new_connection(c: connection) { print network_time(), "new_connection", c$uid, c$id$orig_h, c$id$orig_p, c$id$resp_p; }
event connection_established(c: connection) { print network_time(), "established", c$uid; }
event connection_flipped(c: connection) { print network_time(), "flipped", c$uid, c$id$orig_p, c$history; }
event connection_first_ACK(c: connection) { print network_time(), "first_ACK", c$uid; }
event partial_connection(c: connection) { print network_time(), "partial_connection", c$uid; }
event connection_rejected(c: connection) { print network_time(), "rejected", c$uid; }
event connection_reset(c: connection) { print network_time(), "reset", c$uid; }
event connection_finished(c: connection) { print network_time(), "finished", c$uid; }
event connection_half_finished(c: connection) { print network_time(), "half_finished", c$uid; }
event connection_partial_close(c: connection) { print network_time(), "partial_close", c$uid; }
event connection_EOF(c: connection, is_orig: bool) { print network_time(), "EOF", c$uid, is_orig; }
event connection_attempt(c: connection) { print network_time(), "attempt", c$uid; }
event connection_timeout(c: connection) { print network_time(), "timeout", c$uid; }
event connection_reused(c: connection) { print network_time(), "reused", c$uid; }
event connection_pending(c: connection) { print network_time(), "pending", c$uid; }
event content_gap(c: connection, is_orig: bool, seq: count, length: count) { print network_time(), "content_gap", c$uid, is_orig, seq, length; }
event tcp_multiple_retransmissions(c: connection, is_orig: bool, threshold: count) { print network_time(), "multiple_retransmissions", c$uid, is_orig, threshold; }
event tcp_multiple_zero_windows(c: connection, is_orig: bool, threshold: count) { print network_time(), "multiple_zero_windows", c$uid, is_orig, threshold; }
event tcp_multiple_checksum_errors(c: connection, is_orig: bool, threshold: count) { print network_time(), "multiple_checksum_errors", c$uid, is_orig, threshold; }
event tcp_multiple_gap(c: connection, is_orig: bool, threshold: count) { print network_time(), "multiple_gap", c$uid, is_orig, threshold; }
event connection_state_remove(c: connection) &priority=-10 { print network_time(), "state_remove", c$uid, c$history, c$conn$conn_state, c$conn$missed_bytes; }
