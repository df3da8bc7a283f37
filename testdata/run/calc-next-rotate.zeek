# calc_next_rotate: the time from network time to the next rotation of a
# given interval, counted from log_rotate_base_time ("0:00") on the local
# day (TZ=UTC here). Before the first packet network time is 0, the
# epoch's midnight: a whole interval.
# @TEST-PCAP: rotation.pcap

event zeek_init()
	{
	print calc_next_rotate(1min);
	}

global done = F;

event new_connection(c: connection)
	{
	if ( done )
		return;
	done = T;
	print network_time();
	print calc_next_rotate(1min), calc_next_rotate(7min), calc_next_rotate(1hr), calc_next_rotate(1day);
	}
