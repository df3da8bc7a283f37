# what this covers: when capturing a record by reference and by copy
type Job: record {
	name: string;
};

global finished = F;

event zeek_init()
	{
	local j = Job($name="a");
	local k = Job($name="b");
	when [j, copy k] ( finished )
		{
		print j$name, k$name;
		}
	j$name = "changed";
	finished = T;
	}
