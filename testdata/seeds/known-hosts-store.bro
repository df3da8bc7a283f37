##! Known hosts in a persistent Broker store, in the style of Bro 2.6.
##!
##! known-hosts keeps every host it logs in the Broker store
##! "bro/known/hosts". Configuring that store in Cluster::stores before it is
##! created makes it a SQLite master, so the hosts survive a restart; at
##! startup this script reads the store back and prints what it holds.

@load protocols/conn/known-hosts

redef Site::local_nets += { 10.0.0.0/8, 192.168.0.0/16 };

# Track every host, not only local ones.
redef Known::host_tracking = ALL_HOSTS;

# Keep known hosts on disk.
redef Cluster::stores += {
	["bro/known/hosts"] = Cluster::StoreInfo($backend=Broker::SQLITE,
	                                         $options=Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="/tmp/known.sqlite")))
};

# Runs after known-hosts has created the store (at the default priority).
event bro_init() &priority=-5
	{
	when ( local r = Broker::keys(Known::host_store$store) )
		{
		if ( r$status != Broker::SUCCESS )
			{
			print "could not list the known hosts store";
			return;
			}

		local hosts = r$result as addr_set;
		print fmt("%d hosts already known", |hosts|);

		for ( h in hosts )
			{
			# Look each one up again; without a capture list the loop
			# variable is copied into the trigger (Bro 2.x style).
			when ( local v = Broker::get(Known::host_store$store, h) )
				{
				if ( v$status == Broker::SUCCESS )
					print fmt("  %s (known: %s)", h, v$result as bool);
				else
					print fmt("  %s has expired", h);
				}
			timeout 5sec
				{
				print fmt("  %s: no answer from the store", h);
				}
			}
		}
	timeout 10sec
		{
		print "timed out reading the known hosts store";
		}
	}

event bro_done()
	{
	print fmt("store %s closed", Broker::store_name(Known::host_store$store));
	}
