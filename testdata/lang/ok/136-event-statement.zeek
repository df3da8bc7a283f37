# what this covers: event statements with arguments of several types, queued not called
type Msg: record {
	text: string;
};

event got(m: Msg, n: count, tags: set[string])
	{
	print m$text, n, |tags|;
	}

event zeek_init()
	{
	local m = Msg($text="hi");
	event got(m, 3, set("a"));
	event got([$text="anon"], 0, set());
	print "queued";
	}
