# @TEST-PCAP: sample.pcap
# Processing suspended with no input stream that could continue it: the
# engine warns and reads the trace rather than wait forever.
event zeek_init()
	{
	suspend_processing();
	}

event new_connection(c: connection)
	{
	print "connection", c$id$resp_p, is_processing_suspended();
	}
