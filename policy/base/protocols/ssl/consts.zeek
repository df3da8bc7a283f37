##! Names of TLS versions, ciphers and alerts.

module SSL;

export {
	## Protocol versions by number.
	const version_strings: table[count] of string = {
		[0x0002] = "SSLv2",
		[0x0300] = "SSLv3",
		[0x0301] = "TLSv10",
		[0x0302] = "TLSv11",
		[0x0303] = "TLSv12",
		[0x0304] = "TLSv13",
		[0xFEFF] = "DTLSv10",
		[0xFEFD] = "DTLSv12",
		[0xFEFC] = "DTLSv13",
	} &default = function(i: count): string
		{
		# Drafts of TLS 1.3 are 0x7fXX.
		if ( i / 0x100 == 0x7f )
			return fmt("TLSv13-draft%d", i % 0x100);

		return fmt("unknown-%d", i);
		};

	## Alert levels.
	const alert_levels: table[count] of string = {
		[1] = "warning",
		[2] = "fatal",
	} &default = function(i: count): string { return fmt("unknown-%d", i); };

	## Alert descriptions.
	const alert_descriptions: table[count] of string = {
		[0] = "close_notify", [10] = "unexpected_message",
		[20] = "bad_record_mac", [21] = "decryption_failed",
		[22] = "record_overflow", [30] = "decompression_failure",
		[40] = "handshake_failure", [41] = "no_certificate",
		[42] = "bad_certificate", [43] = "unsupported_certificate",
		[44] = "certificate_revoked", [45] = "certificate_expired",
		[46] = "certificate_unknown", [47] = "illegal_parameter",
		[48] = "unknown_ca", [49] = "access_denied", [50] = "decode_error",
		[51] = "decrypt_error", [60] = "export_restriction",
		[70] = "protocol_version", [71] = "insufficient_security",
		[80] = "internal_error", [86] = "inappropriate_fallback",
		[90] = "user_canceled", [100] = "no_renegotiation",
		[109] = "missing_extension", [110] = "unsupported_extension",
		[111] = "certificate_unobtainable", [112] = "unrecognized_name",
		[113] = "bad_certificate_status_response",
		[114] = "bad_certificate_hash_value", [115] = "unknown_psk_identity",
		[116] = "certificate_required", [120] = "no_application_protocol",
	} &default = function(i: count): string { return fmt("unknown-%d", i); };

	## Cipher suite names by number (common suites).
	const cipher_desc: table[count] of string = {
		[0x0004] = "TLS_RSA_WITH_RC4_128_MD5",
		[0x0005] = "TLS_RSA_WITH_RC4_128_SHA",
		[0x000a] = "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
		[0x002f] = "TLS_RSA_WITH_AES_128_CBC_SHA",
		[0x0033] = "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
		[0x0035] = "TLS_RSA_WITH_AES_256_CBC_SHA",
		[0x0039] = "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
		[0x003c] = "TLS_RSA_WITH_AES_128_CBC_SHA256",
		[0x003d] = "TLS_RSA_WITH_AES_256_CBC_SHA256",
		[0x0067] = "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
		[0x006b] = "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
		[0x009c] = "TLS_RSA_WITH_AES_128_GCM_SHA256",
		[0x009d] = "TLS_RSA_WITH_AES_256_GCM_SHA384",
		[0x009e] = "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
		[0x009f] = "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
		[0x00ff] = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
		[0x1301] = "TLS_AES_128_GCM_SHA256",
		[0x1302] = "TLS_AES_256_GCM_SHA384",
		[0x1303] = "TLS_CHACHA20_POLY1305_SHA256",
		[0x1304] = "TLS_AES_128_CCM_SHA256",
		[0x1305] = "TLS_AES_128_CCM_8_SHA256",
		[0x5600] = "TLS_FALLBACK_SCSV",
		[0xc009] = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
		[0xc00a] = "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
		[0xc011] = "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
		[0xc012] = "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
		[0xc013] = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
		[0xc014] = "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
		[0xc023] = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
		[0xc024] = "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
		[0xc027] = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
		[0xc028] = "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
		[0xc02b] = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
		[0xc02c] = "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
		[0xc02f] = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
		[0xc030] = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
		[0xcca8] = "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
		[0xcca9] = "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
		[0xccaa] = "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
	} &default = function(i: count): string { return fmt("unknown-%d", i); };

	## Elliptic curve names by number (common curves).
	const ec_curves: table[count] of string = {
		[23] = "secp256r1", [24] = "secp384r1", [25] = "secp521r1",
		[29] = "x25519", [30] = "x448",
		[256] = "ffdhe2048", [257] = "ffdhe3072", [258] = "ffdhe4096",
		[4588] = "X25519MLKEM768",
	} &default = function(i: count): string { return fmt("unknown-%d", i); };
}
