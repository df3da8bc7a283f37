# expect(ours): error in ./default-wrong-type.zeek, line 4: &default value has inconsistent type (&default=x)
# what this covers: &default value of the wrong type for a table

global t: table[string] of count &default="x";
