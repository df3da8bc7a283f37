##! Intel indicators that describe files: hashes and file names, and the
##! file columns of intel.log.

@load base/frameworks/files
@load ./main

module Intel;

export {
	redef enum Type += {
		## A file hash (MD5, SHA1 or SHA256, hex).
		FILE_HASH,
		## A file name.
		FILE_NAME,
	};

	redef record Seen += {
		## The file the indicator was seen in.
		f: fa_file &optional;
		## Its id, when the file itself is not at hand.
		fuid: string &optional;
	};

	redef record Info += {
		## File id.
		fuid: string &log &optional;
		## File MIME type.
		file_mime_type: string &log &optional;
		## File description.
		file_desc: string &log &optional;
	};
}

# Before the base handler (priority 5), so that a file seen in exactly
# one connection gives that connection's columns too.
hook extend_match(info: Info, s: Seen, items: set[Item]) &priority=6
	{
	if ( s?$f )
		{
		s$fuid = s$f$id;

		if ( s$f?$conns && |s$f$conns| == 1 && ! s?$conn )
			for ( cid, c in s$f$conns )
				s$conn = c;

		if ( s$f?$info && s$f$info?$mime_type )
			info$file_mime_type = s$f$info$mime_type;

		info$file_desc = Files::describe(s$f);
		}

	if ( s?$fuid )
		info$fuid = s$fuid;
	}
