##! Reports what certificates name to the intel framework: the DNS names
##! of the subject alternative name extension (DOMAIN), an e-mail address
##! in the subject (EMAIL) and the certificate's SHA1 (CERT_HASH), all at
##! X509::IN_CERT.

@load base/frameworks/intel
@load base/files/x509
@load ./where-locations

event x509_certificate(f: fa_file, cert_ref: opaque of x509, cert: X509::Certificate)
	{
	local email = find_last(cert$subject, /emailAddress=[^,]+/);

	if ( email != "" )
		Intel::seen([$indicator=sub(email, /^emailAddress=/, ""),
		             $indicator_type=Intel::EMAIL, $f=f, $where=X509::IN_CERT]);
	}

event x509_ext_subject_alternative_name(f: fa_file, ext: X509::SubjectAlternativeName)
	{
	if ( ext?$dns )
		for ( i, name in ext$dns )
			Intel::seen([$indicator=name, $indicator_type=Intel::DOMAIN, $f=f,
			             $where=X509::IN_CERT]);
	}

event file_hash(f: fa_file, kind: string, hash: string)
	{
	# Intel's certificate hashes are SHA1 fingerprints.
	if ( kind == "sha1" && f?$info && f$info?$x509 )
		Intel::seen([$indicator=hash, $indicator_type=Intel::CERT_HASH, $f=f,
		             $where=X509::IN_CERT]);
	}
