##! Path helpers.

module GLOBAL;

## Matches an absolute path.
const absolute_path_pat = /(\/|[A-Za-z]:[\\\/]).*/;

## Returns the first absolute path found in a string (e.g. in an FTP
## reply): a quoted one first, without its quotes, as in a PWD reply
## ("/pub" is the current directory); else one up to a blank or a quote
## (a blank escaped with a backslash belongs to the path).
function extract_path(input: string): string
	{
	local quoted = split_string_all(input, /\"(\/|[A-Za-z]:[\\\/])[^\"]*\"/);
	if ( |quoted| >= 3 )
		return quoted[1][1:|quoted[1]| - 1];

	local plain = split_string_all(input, /(\/|[A-Za-z]:[\\\/])([^\" ]|\\ )*/);
	if ( |plain| < 3 )
		return "";

	return plain[1];
	}

## Joins a directory and a file name; absolute file names are kept.
function build_path(dir: string, file_name: string): string
	{
	if ( dir == "" || absolute_path_pat == file_name )
		return file_name;

	return fmt("%s/%s", sub(dir, /\/+$/, ""), file_name);
	}

## build_path with "." and ".." segments resolved.
function build_path_compressed(dir: string, file_name: string): string
	{
	return compress_path(build_path(dir, file_name));
	}
