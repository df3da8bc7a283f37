##! Site script of the persistent known-hosts walkthrough (Bro 2.6 style):
##! known hosts go to the SQLite store bro/known/hosts, which standalone
##! is the file ./bro/known/hosts.sqlite.

@load protocols/conn/known-hosts

redef Known::host_tracking = ALL_HOSTS;

redef Cluster::stores += {
	["bro/known/hosts"] = Cluster::StoreInfo($backend=Broker::SQLITE)
};
