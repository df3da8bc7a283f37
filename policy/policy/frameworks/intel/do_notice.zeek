##! Raises an Intel::Notice for intel hits on items whose metadata asks for
##! it (meta.do_notice=T), optionally only where meta.if_in says.

@load base/frameworks/intel
@load base/frameworks/notice

module Intel;

export {
	redef enum Notice::Type += {
		## An intel hit on an item with do_notice set.
		Notice,
	};

	redef record MetaData += {
		## Raise a notice when the item is seen.
		do_notice: bool &default=F;
		## Only where it is seen here (IN_ANYWHERE: everywhere).
		if_in: Intel::Where &default=IN_ANYWHERE;
	};
}

event Intel::match(s: Seen, items: set[Item])
	{
	for ( item in items )
		{
		if ( ! item$meta$do_notice )
			next;

		if ( item$meta$if_in != IN_ANYWHERE && item$meta$if_in != s$where )
			next;

		local n = Notice::Info($note=Intel::Notice,
		                       $msg=fmt("Intel hit on %s at %s", s$indicator, s$where),
		                       $sub=s$indicator);
		local service_str = "";

		if ( s?$conn )
			{
			n$conn = s$conn;

			# The same indicator between the same two hosts is one
			# notice, whichever side started the connection.
			local lo = s$conn$id$orig_h;
			local hi = s$conn$id$resp_h;

			if ( hi < lo )
				{
				lo = s$conn$id$resp_h;
				hi = s$conn$id$orig_h;
				}

			n$identifier = cat(n$sub, lo, hi);

			if ( |s$conn$service| > 0 )
				service_str = join_string_set(s$conn$service, ", ");
			}

		if ( service_str != "" )
			n$email_body_sections += "Service: " + service_str;

		n$email_body_sections += "Intel source: " + item$meta$source;

		NOTICE(n);
		}
	}
