##! Removal hooks: a protocol script registers a hook on a connection to be
##! told when the connection's state goes away, so it can finish and log
##! what it was collecting.

module Conn;

export {
	## A hook run when a connection is removed.
	type RemovalHook: hook(c: connection);

	## Registers a removal hook on a connection (F if already there).
	global register_removal_hook: function(c: connection, hk: RemovalHook): bool;

	## Unregisters a removal hook (F if it was not there).
	global unregister_removal_hook: function(c: connection, hk: RemovalHook): bool;
}

redef record connection += {
	## The removal hooks registered on the connection.
	removal_hooks: set[Conn::RemovalHook] &optional;
};

function register_removal_hook(c: connection, hk: RemovalHook): bool
	{
	if ( ! c?$removal_hooks )
		c$removal_hooks = set();

	if ( hk in c$removal_hooks )
		return F;

	add c$removal_hooks[hk];
	return T;
	}

function unregister_removal_hook(c: connection, hk: RemovalHook): bool
	{
	if ( ! c?$removal_hooks || hk !in c$removal_hooks )
		return F;

	delete c$removal_hooks[hk];
	return T;
	}

event connection_state_remove(c: connection) &priority=-3
	{
	if ( ! c?$removal_hooks )
		return;

	for ( hk in c$removal_hooks )
		hook hk(c);
	}
