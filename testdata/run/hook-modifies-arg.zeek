# what this covers: hook handlers share aggregate arguments, so one
# handler sees another's changes.
type Info: record { tags: set[string]; };
global h: hook(i: Info);
hook h(i: Info) &priority=1
	{
	add i$tags["one"];
	}
hook h(i: Info)
	{
	add i$tags["two"];
	print |i$tags|;
	}
event zeek_init()
	{
	local i = Info($tags=set());
	hook h(i);
	print i;
	}
