##! Reports SSH server host key fingerprints to the intel framework.

@load base/frameworks/intel
@load base/protocols/ssh
@load ./where-locations

event ssh_server_host_key(c: connection, hash: string)
	{
	Intel::seen([$indicator=hash, $indicator_type=Intel::PUBKEY_HASH, $conn=c,
	             $where=SSH::IN_SERVER_HOST_KEY]);
	}
