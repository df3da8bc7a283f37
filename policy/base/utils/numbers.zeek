##! Number helpers.

module GLOBAL;

## Returns the first (or last) decimal number in a string, 0 if none.
function extract_count(s: string, get_first: bool &default=T): count
	{
	local parts = find_all_ordered(s, /[0-9]+/);

	if ( |parts| == 0 )
		return 0;

	return to_count(get_first ? parts[0] : parts[|parts| - 1]);
	}
