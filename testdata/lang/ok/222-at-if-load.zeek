# what this covers: @load inside @if/@else blocks
@if ( T )
@load ./lib/helper
@else
@load ./lib/other
@endif

event zeek_init()
	{
	print helper_value;
	}
