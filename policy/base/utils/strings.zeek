##! String helpers.

module GLOBAL;

## Whether a string looks like binary data rather than text (more than a
## quarter of its bytes are not printable).
function is_string_binary(s: string): bool
	{
	if ( |s| == 0 )
		return F;

	local bad = |gsub(s, /[[:print:][:space:]]/, "")|;
	return bad * 4 > |s|;
	}

## Joins a set of strings after sorting them.
function join_string_set_sorted(ss: set[string], j: string): string
	{
	local v: string_vec = vector();

	for ( s in ss )
		v += s;

	sort(v, strcmp);
	return join_string_vec(v, j);
	}

## Escapes the given characters (and backslashes) with a backslash.
function string_escape(s: string, chars: string): string
	{
	s = subst_string(s, "\\", "\\\\");

	for ( c in chars )
		s = subst_string(s, c, cat("\\", c));

	return s;
	}

## Removes the last `tail_len` bytes of a string.
function cut_tail(s: string, tail_len: count): string
	{
	if ( tail_len > |s| )
		tail_len = |s|;

	return sub_bytes(s, 1, |s| - tail_len);
	}
