# expect: error in ./already-defined.zeek, line 4 and ./already-defined.zeek, line 5: already defined (x)
# what this covers: a global declared twice

global x = 1;
global x = 2;
