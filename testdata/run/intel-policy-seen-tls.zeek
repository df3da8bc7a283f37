# @TEST-PCAP: tls-handshakes.pcap
# What the seen scripts report from TLS: the client's server name (SNI),
# and from each certificate its SHA1 (CERT_HASH), the DNS names of its
# subject alternative names and the host certificate's common name, at
# X509::IN_CERT; file hashes go to Files::IN_HASH as well.
@load base/protocols/ssl
@load base/frameworks/intel
@load frameworks/intel/seen

# The trace was recorded on a veth link (checksums offloaded).
redef ignore_checksums = T;

hook Intel::seen_policy(s: Intel::Seen, found: bool)
	{
	print network_time(), s$indicator, s$indicator_type, s$where, s?$f || s?$fuid, found;
	}

event zeek_init()
	{
	Intel::insert([$indicator="www.server.test", $indicator_type=Intel::DOMAIN, $meta=[$source="domains"]]);
	# The server certificate's SHA1, written in upper case.
	Intel::insert([$indicator="7C0031F4FA2B6F769DD26D5999BE9D9F4D8465D0", $indicator_type=Intel::CERT_HASH,
	               $meta=[$source="certs"]]);
	}
