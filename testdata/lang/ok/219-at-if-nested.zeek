# what this covers: nested @if blocks, including inside a false branch
@if ( T )
@if ( F )
global v = 1;
@else
global v = 2;
@endif
@else
@if ( T )
global v = 3;
@endif
@endif

event zeek_init()
	{
	print v;
	}
