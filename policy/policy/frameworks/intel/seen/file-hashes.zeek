##! Reports every hash the file analysis computes (MD5, SHA1, SHA256) to
##! the intel framework as a FILE_HASH.

@load base/frameworks/intel
@load base/frameworks/files
@load ./where-locations

event file_hash(f: fa_file, kind: string, hash: string)
	{
	Intel::seen([$indicator=hash, $indicator_type=Intel::FILE_HASH, $f=f,
	             $where=Files::IN_HASH]);
	}
