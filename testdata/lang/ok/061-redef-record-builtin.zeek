# what this covers: redef record of a built-in record type (connection, conn_id fields)
redef record connection += {
	my_tag: string &optional;
	my_count: count &default=0;
};

event new_connection(c: connection)
	{
	c$my_tag = "seen";
	++c$my_count;
	print c$id$orig_h, c$my_tag, c$my_count;
	}
