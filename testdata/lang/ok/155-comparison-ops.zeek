# what this covers: relational operators on numbers, strings, addrs, ports, times, intervals
event zeek_init()
	{
	print 1 < 2, 2 <= 2, 3 > 1, 3 >= 4, 5 == 5, 5 != 6;
	print "abc" < "abd", "b" > "a";
	print 10.0.0.1 < 10.0.0.2, [::1] == [::1];
	print 22/tcp < 80/tcp, 53/udp != 53/tcp;
	print 1 min > 30 secs, 1 hr == 60 mins;
	}
