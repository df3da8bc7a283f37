##! Events of the SSL analyser that init-bare.zeek does not declare, and
##! the types they carry.

module SSL;

export {
	## A (hash, signature) pair of TLS 1.2's signature_algorithms.
	type SignatureAndHashAlgorithm: record {
		HashAlgorithm: count;	##< Hash algorithm number.
		SignatureAlgorithm: count;	##< Signature algorithm number.
	} &log;

	## An identity offered in a TLS 1.3 pre_shared_key extension.
	type PSKIdentity: record {
		identity: string;	##< The identity.
		obfuscated_ticket_age: count;	##< Its obfuscated ticket age.
	};

	## Internal: one certificate of a Certificate message, for files.zeek
	## (fuid is the file id, user_cert says it is the first of its chain).
	global __certificate: event(c: connection, is_orig: bool, fuid: string, der: string, user_cert: bool);
}

module GLOBAL;

type signature_and_hashalgorithm_vec: vector of SSL::SignatureAndHashAlgorithm;
type psk_identity_vec: vector of SSL::PSKIdentity;

global ssl_ecdh_server_params: event(c: connection, curve: count, point: string);
global ssl_dh_server_params: event(c: connection, p: string, q: string, Ys: string);
global ssl_ecdh_client_params: event(c: connection, point: string);
global ssl_dh_client_params: event(c: connection, Yc: string);
global ssl_rsa_client_pms: event(c: connection, pms: string);
global ssl_server_signature: event(c: connection, signature_and_hashalgorithm: SSL::SignatureAndHashAlgorithm, signature: string);
global ssl_extension_signature_algorithm: event(c: connection, is_client: bool, signature_algorithms: signature_and_hashalgorithm_vec);
global ssl_extension_psk_key_exchange_modes: event(c: connection, is_client: bool, modes: index_vec);
global ssl_extension_pre_shared_key_client_hello: event(c: connection, is_client: bool, identities: psk_identity_vec, binders: string_vec);
global ssl_extension_pre_shared_key_server_hello: event(c: connection, is_client: bool, selected_identity: count);
global ssl_stapled_ocsp: event(c: connection, is_client: bool, response: string);
global ssl_certificate_request: event(c: connection, is_client: bool, certificate_types: index_vec, supported_signature_algorithms: signature_and_hashalgorithm_vec, certificate_authorities: string_vec);
