# what this covers: unary minus with |x|, nested absolute values and multiplication
event zeek_init()
	{
	local i = -4;
	print -|i|, |i| * 2, |(-|i|)|;
	print |i - 10|, |i| - 10;
	}
