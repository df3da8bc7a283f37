# expect: error in ./unknown-identifier-glued.zeek, line 4: unknown identifier print0, at or near "print0"
# what this covers: print glued to a number lexes as an unknown identifier

print0.0000000000005;
