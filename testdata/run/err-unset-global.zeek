# what this covers: a global of a scalar type without an initialiser is
# unset until assigned.
global g: string;
event zeek_init()
	{
	print g;
	}
event zeek_init() &priority=-1
	{
	g = "set now";
	print g;
	}
