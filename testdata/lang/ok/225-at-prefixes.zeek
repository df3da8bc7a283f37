# what this covers: @prefixes = p and @prefixes += p (prefix scripts are optional)
@prefixes += gobrotest
@prefixes += another

event zeek_init()
	{
	print "prefixes set";
	}
