# what this covers: tables whose values are records, record values in containers are references
type Stat: record {
	hits: count &default=0;
};

global stats: table[addr] of Stat;

event zeek_init()
	{
	stats[10.0.0.1] = Stat();
	stats[10.0.0.1]$hits += 1;
	local s = stats[10.0.0.1];
	++s$hits;
	print stats[10.0.0.1]$hits;
	}
