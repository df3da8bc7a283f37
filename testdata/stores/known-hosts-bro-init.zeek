##! A .zeek site script that still handles bro_init: Bro 2.x spellings put
##! the run in Bro-compat mode too.

@load protocols/conn/known-hosts

redef Known::host_tracking = ALL_HOSTS;

redef Cluster::stores += {
	[Known::host_store_name] = Cluster::StoreInfo($backend = Broker::SQLITE)
};

event bro_init()
	{
	print Known::host_store_name, gobro_bro_compat();
	}
