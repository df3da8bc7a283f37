# what this covers: @if conditions calling BIFs and previously defined script functions and globals
function feature_enabled(): bool
	{
	return T;
	}

const level = 3 &redef;

@if ( feature_enabled() && level >= 2 && to_lower("ABC") == "abc" )
global feature = "on";
@else
global feature = "off";
@endif

event zeek_init()
	{
	print feature;
	}
