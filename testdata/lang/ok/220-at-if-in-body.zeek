# what this covers: @if directives inside function and event bodies
const verbose = T &redef;

event zeek_init()
	{
	print "always";
@if ( verbose )
	print "verbose on";
@else
	print "verbose off";
@endif
	}
