# what this covers: @ifdef ( id ) and @ifndef ( id ) with defined and undefined names
global known_thing = 1;

@ifdef ( zeek_init )
global has_init = T;
@else
global has_init = F;
@endif

@ifndef ( NoSuch::thing )
global no_such = T;
@endif

@ifdef ( known_thing )
global has_known = T;
@endif

event zeek_init()
	{
	print has_init, no_such, has_known;
	}
