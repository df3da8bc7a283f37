# what this covers: const tables of records initialised with record constructors
type Svc: record {
	name: string;
	critical: bool &default=F;
};

const services: table[port] of Svc = {
	[22/tcp] = Svc($name="ssh", $critical=T),
	[80/tcp] = Svc($name="http"),
};

event zeek_init()
	{
	print services[22/tcp]$critical, services[80/tcp]$name;
	}
