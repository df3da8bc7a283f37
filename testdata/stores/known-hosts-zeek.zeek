##! The same walkthrough with current Zeek's names: the store is
##! Known::host_store_name (zeek/known/hosts), read through
##! Known::host_broker_store.

@load protocols/conn/known-hosts

redef Known::host_tracking = ALL_HOSTS;

redef Cluster::stores += {
	[Known::host_store_name] = Cluster::StoreInfo($backend=Broker::SQLITE)
};

event zeek_init() &priority=-5
	{
	when [] ( local r = Broker::keys(Known::host_broker_store$store) )
		{
		print fmt("%d hosts in %s", |r$result as addr_set|, Known::host_broker_store$name);
		}
	timeout 10sec
		{
		print "keys timed out";
		}
	}
