# what this covers: @unload marks a script as loaded so a later @load skips it
@unload ./lib/unloaded
@load ./lib/unloaded

@ifdef ( unloaded_value )
global was_loaded = T;
@else
global was_loaded = F;
@endif

event zeek_init()
	{
	print was_loaded;
	}
