##! The MD5, SHA1 and SHA256 file analysers' results in files.log.

@load base/frameworks/files

module FileHash;

redef record Files::Info += {
	## Hex digests, for files a hash analyser saw whole.
	md5: string &log &optional;
	sha1: string &log &optional;
	sha256: string &log &optional;
};

event file_hash(f: fa_file, kind: string, hash: string) &priority=5
	{
	Files::set_info(f);
	switch ( kind ) {
	case "md5":
		f$info$md5 = hash;
		break;
	case "sha1":
		f$info$sha1 = hash;
		break;
	case "sha256":
		f$info$sha256 = hash;
		break;
	}
	}
