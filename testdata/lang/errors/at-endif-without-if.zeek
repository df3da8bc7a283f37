# expect(ours): error in ./at-endif-without-if.zeek, line 5: @endif without @if
# what this covers: @endif with no open @if

global x = 1;
@endif
