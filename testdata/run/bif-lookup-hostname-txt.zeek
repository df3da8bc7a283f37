# lookup_hostname_txt is asynchronous; with fake DNS the answer is
# fake_text_lookup_result_<name>.
event zeek_init()
	{
	when ( local t = lookup_hostname_txt("example.com") )
		{
		print t;
		}
	}
