##! Reads the known hosts store back at startup, after known-hosts has
##! created it: every key, then each key's value.

event bro_init() &priority=-5
	{
	when ( local r = Broker::keys(Known::host_store$store) )
		{
		if ( r$status != Broker::SUCCESS )
			{
			print "keys failed";
			return;
			}
		local hosts = r$result as addr_set;
		print fmt("%d hosts in %s", |hosts|, Broker::store_name(Known::host_store$store));
		for ( h in hosts )
			{
			when ( local v = Broker::get(Known::host_store$store, h) )
				{
				print h, v$result as bool;
				}
			timeout 5sec
				{
				print h, "no answer";
				}
			}
		}
	timeout 10sec
		{
		print "keys timed out";
		}
	}
