##! A Bro 2.6 site script that names the store through
##! Known::host_store_name: being a .bro file, it runs in Bro-compat mode,
##! where that name is "bro/known/hosts" (so the store is
##! ./bro/known/hosts.sqlite, as under Bro 2.6).

@load protocols/conn/known-hosts

redef Known::host_tracking = ALL_HOSTS;

redef Cluster::stores += {
	[Known::host_store_name] = Cluster::StoreInfo($backend = Broker::SQLITE)
};
