# what this covers: integer division truncates toward zero, % follows the
# sign of the dividend.
event zeek_init()
	{
	local a: int = -7;
	print a / 2, a % 2, 7 / 2, 7 % 2, -7 / -2, 7 % -2;
	print 7 / 2.0;
	}
