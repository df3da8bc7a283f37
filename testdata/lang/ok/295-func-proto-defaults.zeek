# what this covers: defaults declared on a prototype carry over to the definition
global connect: function(host: string, p: port &default=80/tcp): string;

function connect(host: string, p: port): string
	{
	return fmt("%s:%s", host, p);
	}

event zeek_init()
	{
	print connect("a"), connect("b", 443/tcp);
	}
