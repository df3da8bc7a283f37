# what this covers: @if ( expr ) with @else and @endif
@if ( 1 > 0 )
global chosen = "then-branch";
@else
global chosen = "else-branch";
@endif

@if ( |"abc"| == 4 )
global unused_branch = 1;
@endif

event zeek_init()
	{
	print chosen;
	}
