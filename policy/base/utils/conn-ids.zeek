##! Renders connection ids as text.

module GLOBAL;

## "orig_h:orig_p > resp_h:resp_p".
function id_string(id: conn_id): string
	{
	return fmt("%s:%d > %s:%d", id$orig_h, port_to_count(id$orig_p),
	           id$resp_h, port_to_count(id$resp_p));
	}

## "resp_h:resp_p < orig_h:orig_p".
function reverse_id_string(id: conn_id): string
	{
	return fmt("%s:%d < %s:%d", id$resp_h, port_to_count(id$resp_p),
	           id$orig_h, port_to_count(id$orig_p));
	}

## id_string seen from the sender of a packet.
function directed_id_string(id: conn_id, is_orig: bool): string
	{
	return is_orig ? id_string(id) : reverse_id_string(id);
	}
