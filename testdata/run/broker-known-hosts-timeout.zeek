# @TEST-PCAP: sample.pcap
# Known hosts in store mode (API.md §3) when the store never answers (a
# clone without its master): after Known::host_store_timeout the when's
# timeout block logs the host anyway.
@load protocols/conn/known-hosts

redef Known::host_store_timeout = 100msec;

event zeek_init() &priority=-10
	{
	Known::host_store$store = Broker::create_clone("no-master-anywhere");
	}

event Known::log_known_hosts(rec: Known::HostsInfo)
	{
	print network_time(), "logged", rec$host;
	}
