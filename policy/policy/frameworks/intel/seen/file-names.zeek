##! Reports the names of files (e.g. from an HTTP Content-Disposition) to
##! the intel framework as a FILE_NAME.

@load base/frameworks/intel
@load base/frameworks/files
@load ./where-locations

function seen_file_name(f: fa_file)
	{
	if ( f?$info && f$info?$filename )
		Intel::seen([$indicator=f$info$filename, $indicator_type=Intel::FILE_NAME,
		             $f=f, $where=Files::IN_NAME]);
	}

event file_new(f: fa_file)
	{
	# A file carried by a connection gets its name from the protocol
	# only once it is attached to the connection (below).
	if ( f?$conns && |f$conns| > 0 )
		return;

	seen_file_name(f);
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool) &priority=-5
	{
	# After the protocol scripts (priority 5) named the file.
	seen_file_name(f);
	}
