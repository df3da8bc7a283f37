# @TEST-SEED: zeek-order.seed
#
# With Zeek's seed (that of the Zeek runs behind the MANIFEST), tables
# and sets that are not &ordered walk in Zeek's hash order. Zeek logged
# the file analysers of http-get.pcap, added in this order, as
# SHA256,EXTRACT,SHA1,MD5,DATA_EVENT.

event zeek_init()
	{
	local names = vector("MD5", "SHA1", "SHA256", "EXTRACT", "DATA_EVENT");
	local s: set[string];
	local o: set[string] &ordered;
	local t: table[string] of count;
	for ( i in names )
		{
		add s[names[i]];
		add o[names[i]];
		t[names[i]] = i;
		}
	print s;
	print o;
	for ( k, v in t )
		print k, v;
	}
