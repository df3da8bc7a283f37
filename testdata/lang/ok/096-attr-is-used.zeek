# what this covers: &is_used and &is_assigned (silence usage analysis)
global never_read = 5 &is_used;

event zeek_init()
	{
	local x: count &is_assigned;
	local y = 3 &is_used;
	print "ok";
	}
