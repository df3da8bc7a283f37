# what this covers: @load-plugin directive (inside a branch that is not taken, so no plugin is required)
@ifdef ( NoSuch::plugin_marker )
@load-plugin Demo::Nothing
@endif

@if ( F )
@load-plugin Zeek::NotAPlugin
@endif

event zeek_init()
	{
	print "plugins skipped";
	}
