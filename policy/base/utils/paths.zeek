##! Path helpers.

module GLOBAL;

## Matches an absolute path.
const absolute_path_pat = /(\/|[A-Za-z]:[\\\/]).*/;

## Returns the first path found in a string (e.g. in an FTP reply).
function extract_path(input: string): string
	{
	local parts = split_string_n(input, /[\/\\].*/, T, 1);

	if ( |parts| < 2 )
		return "";

	return strip(parts[1]);
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
