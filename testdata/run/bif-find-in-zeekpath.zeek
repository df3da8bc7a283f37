# find_in_zeekpath resolves a script name as @load would: the embedded
# policy tree is on the path; an unknown name gives "".
event zeek_init()
	{
	print find_in_zeekpath("base/utils/site");
	print find_in_zeekpath("protocols/conn/known-hosts");
	print find_in_zeekpath("no/such/script") == "";
	}
