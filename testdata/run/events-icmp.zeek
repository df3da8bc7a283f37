# @TEST-PCAP: events-icmp.pcap
# The ICMP and ICMPv6 events of events-icmp.pcap (see pcapgen.EventsICMP):
# errors with the quoted packet as icmp_context (UDP, TCP with fragment
# fields, ICMP with Zeek's byte-swapped ports, cut short, a bad header
# checksum), icmp_sent for the messages without an event of their own,
# echo, neighbor discovery with its options (and a zero-length one), MLD
# reports, and the weirds of broken ND and MLD messages.

event icmp_sent(c: connection, info: icmp_info) { print "icmp_sent", c$id, info; }
event icmp_sent_payload(c: connection, info: icmp_info, payload: string) { print "icmp_sent_payload", |payload|; }
event icmp_echo_request(c: connection, info: icmp_info, id: count, seq: count, payload: string) { print "echo_request", c$id, info, id, seq, payload; }
event icmp_echo_reply(c: connection, info: icmp_info, id: count, seq: count, payload: string) { print "echo_reply", c$id, info, id, seq, payload; }
event icmp_unreachable(c: connection, info: icmp_info, code: count, context: icmp_context) { print "unreachable", c$id, info, code, context; }
event icmp_time_exceeded(c: connection, info: icmp_info, code: count, context: icmp_context) { print "time_exceeded", c$id, info, code, context; }
event icmp_parameter_problem(c: connection, info: icmp_info, code: count, context: icmp_context) { print "parameter_problem", c$id, info, code, context; }
event icmp_packet_too_big(c: connection, info: icmp_info, code: count, context: icmp_context) { print "packet_too_big", c$id, info, code, context; }
event icmp_error_message(c: connection, info: icmp_info, code: count, context: icmp_context) { print "error_message", c$id, info, code, context; }
event icmp_router_solicitation(c: connection, info: icmp_info, options: icmp6_nd_options) { print "router_solicitation", c$id, info, options; }
event icmp_router_advertisement(c: connection, info: icmp_info, cur_hop_limit: count, managed: bool, other: bool, home_agent: bool, pref: count, proxy: bool, rsv: count, router_lifetime: interval, reachable_time: interval, retrans_timer: interval, options: icmp6_nd_options) { print "router_advertisement", c$id, info, cur_hop_limit, managed, other, home_agent, pref, proxy, rsv, router_lifetime, reachable_time, retrans_timer, options; }
event icmp_neighbor_solicitation(c: connection, info: icmp_info, tgt: addr, options: icmp6_nd_options) { print "neighbor_solicitation", c$id, info, tgt, options; }
event icmp_neighbor_advertisement(c: connection, info: icmp_info, router: bool, solicited: bool, override: bool, tgt: addr, options: icmp6_nd_options) { print "neighbor_advertisement", c$id, info, router, solicited, override, tgt, options; }
event icmp_redirect(c: connection, info: icmp_info, tgt: addr, dest: addr, options: icmp6_nd_options) { print "redirect", c$id, info, tgt, dest, options; }
event icmpv6_mld_report_v1(c: connection, group_addr: addr) { print "mld_report_v1", c$id, group_addr; }
event icmpv6_mld_done_v1(c: connection, group_addr: addr) { print "mld_done_v1", c$id, group_addr; }
event icmpv6_mld_report_v2(c: connection, groups: icmp6_mldv2_mar_vec) { print "mld_report_v2", c$id, groups; }
event conn_weird(name: string, c: connection, addl: string, source: string) { print "conn_weird", name, c$id, addl, source; }
