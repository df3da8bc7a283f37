# expect(ours): error in ./at-if-missing-endif.zeek, line 4: unterminated @if (missing @endif)
# what this covers: @if without a matching @endif

@if ( T )
global x = 1;

event zeek_init()
	{
	print x;
	}
