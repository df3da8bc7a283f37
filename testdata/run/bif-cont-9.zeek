# what this covers: filter_subnet_table keeps entries whose subnet
# contains the search subnet.
global owners: table[subnet] of string = {
	[10.0.0.0/8] = "corp",
	[10.5.0.0/16] = "lab",
	[192.168.0.0/16] = "home",
};

event zeek_init()
	{
	local t = filter_subnet_table(10.5.1.0/24, owners) as table[subnet] of string;
	print |t|, t[10.0.0.0/8], t[10.5.0.0/16], 192.168.0.0/16 in t;
	}
