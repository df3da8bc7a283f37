# what this covers: locals are function-scoped: a local declared inside a
# block is visible after it; a global of the same name is shadowed.
global x = "global";
function f(): string
	{
	if ( T )
		{
		local x = "local";
		}
	return x;
	}
event zeek_init()
	{
	print f(), x;
	}
