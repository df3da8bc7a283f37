##! Adds the VLAN tags of a connection to conn.log.

@load base/protocols/conn

module Conn;

redef record Info += {
	## Outer VLAN tag.
	vlan: int &log &optional;
	## Inner VLAN tag (Q-in-Q).
	inner_vlan: int &log &optional;
};

event connection_state_remove(c: connection)
	{
	if ( c?$vlan )
		c$conn$vlan = c$vlan;

	if ( c?$inner_vlan )
		c$conn$inner_vlan = c$inner_vlan;
	}
