# Several syntax errors in one file: each is reported, the rest is read.
global a = 1;
global b = ;
event e() { print }
global c = table("x" = 1;
global d = 4;
function f( { }
print $foo=5;
global z = 26;
