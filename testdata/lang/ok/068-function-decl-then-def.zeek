# what this covers: global function prototype followed by its definition, forward use
global square: function(x: count): count;

function use_square(): count
	{
	return square(3);
	}

function square(x: count): count
	{
	return x * x;
	}

event zeek_init()
	{
	print use_square();
	}
