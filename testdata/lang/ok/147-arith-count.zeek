# what this covers: count arithmetic + - * / % with integer division truncating
event zeek_init()
	{
	local a = 17;
	local b = 5;
	print a + b, a - b, a * b, a / b, a % b;
	print (a + b) * 2, a - b - 2, a / b / 2;
	}
