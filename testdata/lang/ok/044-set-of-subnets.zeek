# what this covers: addr in set[subnet], subnet-keyed tables indexed by addr
global nets: set[subnet] = { 10.0.0.0/8, 192.168.0.0/16 };
global owners: table[subnet] of string = { [10.0.0.0/8] = "corp", [10.1.0.0/16] = "lab" };

event zeek_init()
	{
	print 10.2.3.4 in nets, 8.8.8.8 in nets;
	print 10.0.0.0/8 in nets;
	print owners[10.1.2.3];
	}
