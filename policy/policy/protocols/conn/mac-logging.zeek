##! Adds the link-layer (MAC) addresses of both endpoints to conn.log.

@load base/protocols/conn
@load base/utils/addrs

module Conn;

redef record Info += {
	## The originator's link-layer address.
	orig_l2_addr: string &log &optional;
	## The responder's link-layer address.
	resp_l2_addr: string &log &optional;
};

event connection_state_remove(c: connection)
	{
	if ( c$orig?$l2_addr )
		c$conn$orig_l2_addr = c$orig$l2_addr;

	if ( c$resp?$l2_addr )
		c$conn$resp_l2_addr = c$resp$l2_addr;
	}
