# The statistics records: what the engine counts (events, timers,
# weirds), zero for packets and connections.
event weird_one() { }

event zeek_done()
	{
	local es = get_event_stats();
	print es$queued > 0, es$dispatched > 0, es$dispatched <= es$queued;
	local ns = get_net_stats();
	print ns$pkts_recvd, ns$pkts_dropped, ns$bytes_recvd, ns?$pkts_filtered;
	local cs = get_conn_stats();
	print cs$total_conns, cs$current_conns;
	local ps = get_proc_stats();
	print ps$debug, ps$mem > 0, ps$real_time >= 0secs;
	local ts = get_timer_stats();
	print ts$cumulative >= ts$current;
	local rs = get_reporter_stats();
	print rs$weirds, |rs$weirds_by_type|;
	}

event zeek_init()
	{
	event weird_one();
	schedule 1sec { weird_one() };
	}

event zeek_done() &priority=-1
	{
	# Counters gobro does not have are zero.
	print get_reassembler_stats()$tcp_size, get_dns_stats()$requests, get_file_analysis_stats()$cumulative;
	print get_thread_stats()$num_threads, get_gap_stats()$gap_events, get_matcher_stats()$matchers, get_broker_stats()$num_peers;
	}
