# expect(ours): error in ./redef-non-redef.zeek, line 4 and ./redef-non-redef.zeek, line 5: already defined (limit)
# what this covers: redef of a const that lacks &redef

const limit = 5;
redef limit = 10;
