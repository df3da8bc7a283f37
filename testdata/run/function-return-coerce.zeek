# what this covers: a returned count is converted to the declared double
# or int result type.
function d(): double
	{
	return 3;
	}
function i(): int
	{
	return 4;
	}
event zeek_init()
	{
	print d(), type_name(d()), i(), type_name(i());
	}
