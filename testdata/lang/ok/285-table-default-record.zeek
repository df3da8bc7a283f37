# what this covers: table &default with a record constructor value
type Counters: record {
	n: count &default=0;
};

global per_host: table[addr] of Counters &default=Counters();

event zeek_init()
	{
	print per_host[1.2.3.4]$n;
	per_host[1.2.3.4] = Counters($n=3);
	print per_host[1.2.3.4]$n;
	}
