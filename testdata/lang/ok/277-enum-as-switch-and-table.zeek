# what this covers: enum values as table keys, in sets, and as record fields with defaults
type State: enum { INIT, RUNNING, DONE };

type Job: record {
	state: State &default=INIT;
};

global counts: table[State] of count &default=0;

event zeek_init()
	{
	local j = Job();
	++counts[j$state];
	j$state = DONE;
	++counts[j$state];
	print counts[INIT], counts[DONE], RUNNING in counts;
	}
