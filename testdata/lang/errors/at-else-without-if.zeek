# expect(ours): error in ./at-else-without-if.zeek, line 5: @else without @if
# what this covers: @else with no open @if

global x = 1;
@else
global y = 2;
