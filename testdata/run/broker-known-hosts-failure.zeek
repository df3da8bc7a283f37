# @TEST-PCAP: sample.pcap
# Known hosts in store mode (API.md §3) when put_unique fails: the store
# is closed, so each query is a builtin error and a FAILURE, which
# known-hosts reports with "<store name>: data store put_unique failure"
# and logs nothing.
@load protocols/conn/known-hosts

event zeek_init() &priority=-10
	{
	print Known::use_host_store, Known::host_store_name, Known::host_store_expiry, Known::host_store_timeout;
	print Broker::close(Known::host_store$store);
	}

event Known::log_known_hosts(rec: Known::HostsInfo)
	{
	print "logged", rec$host;
	}
