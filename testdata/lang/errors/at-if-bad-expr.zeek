# expect(ours): error in ./at-if-bad-expr.zeek, line 4: @if condition must be boolean ("abc")
# what this covers: @if condition that is not a bool

@if ( "abc" )
global x = 1;
@endif
