# what this covers: matching_subnets returns every containing subnet
# (order not asserted); check_subnet tests exact membership.
global nets: set[subnet] = { 10.0.0.0/8, 10.1.0.0/16, 10.1.2.0/24, 192.168.0.0/16 };

event zeek_init()
	{
	local m = matching_subnets(10.1.2.3/32, nets);
	local ms: set[subnet];
	for ( i in m )
		add ms[m[i]];
	print |m|, 10.0.0.0/8 in ms, 10.1.0.0/16 in ms, 10.1.2.0/24 in ms, 192.168.0.0/16 in ms;
	print matching_subnets(172.16.0.1/32, nets);
	print check_subnet(10.1.0.0/16, nets), check_subnet(10.1.0.0/17, nets);
	}
