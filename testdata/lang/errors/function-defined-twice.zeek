# expect(ours): error in ./function-defined-twice.zeek, line 5: already defined (f)
# what this covers: two bodies for the same function

function f(): count { return 1; }
function f(): count { return 2; }
