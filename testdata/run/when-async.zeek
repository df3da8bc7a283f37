# when over an async lookup with fake DNS: the body runs after the
# current event; nested whens; a condition that never holds times out at
# the end of the run; handlers at priority -5 run after the others.
global ready = F;

event zeek_init() &priority=-5
	{
	print "init -5";
	}

event zeek_init()
	{
	local host = 10.0.0.1;
	when ( local name = lookup_addr(host) )
		{
		print "resolved", host, name;
		when ( local again = lookup_addr(192.168.0.1) )
			print "nested", again;
		}
	timeout 5 secs
		{
		print "lookup timed out";
		}
	when ( ready )
		print "ready";
	timeout 1 min
		{
		print "never ready";
		}
	print "init 0";
	}
