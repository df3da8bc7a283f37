# fmt numeric verbs on the kinds they accept: %d on bool, enum, int,
# count, port; %x on counts, ports, addrs; %f/%e/%g on doubles, times and
# intervals (in seconds).
type E: enum { E0, E1, E2 };

event zeek_init()
	{
	print fmt("%d %d %d %d %d", T, E2, -5, 5, 443/tcp);
	print fmt("%x %x %x", 255, 160/tcp, [fe00::1]);
	print fmt("%.2f %.1e %g", 2 min, double_to_time(1.5), 0.0001);
	print fmt("*%10x*", 127.0.0.1);
	print fmt("%5d|%-5d|%05d", 42, 42, 42);
	}
