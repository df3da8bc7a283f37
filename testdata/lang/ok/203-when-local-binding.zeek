# what this covers: when ( local x = async_call() ) binds a local for the body
event zeek_init()
	{
	when ( local names = lookup_hostname("localhost") )
		{
		print |names| >= 0;
		}
	}
