##! Helpers for addresses in text.

module GLOBAL;

## Matches a dotted-quad IPv4 address.
const ipv4_addr_regex = /[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}/ &redef;

## Matches the usual written forms of an IPv6 address.
const ipv6_addr_regex = /([0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}/ &redef;

## Matches an IPv4 or IPv6 address.
const ip_addr_regex = ipv4_addr_regex | ipv6_addr_regex &redef;

## Returns every valid IP address found in `input`. With check_wrapping, an
## address must be delimited by non-address characters (or the ends).
function extract_ip_addresses(input: string, check_wrapping: bool &default=F): string_vec
	{
	local result: string_vec = vector();

	for ( i, s in find_all_ordered(input, ip_addr_regex) )
		{
		if ( ! is_valid_ip(s) )
			next;

		if ( check_wrapping )
			{
			local at = strstr(input, s);
			local before = at > 1 ? sub_bytes(input, at - 1, 1) : "";
			local after = sub_bytes(input, at + |s|, 1);

			if ( /[0-9A-Fa-f:.]/ == before || /[0-9A-Fa-f:.]/ == after )
				next;
			}

		result += s;
		}

	return result;
	}

## Renders an address for use in a URI (IPv6 in brackets).
function addr_to_uri(a: addr): string
	{
	if ( is_v4_addr(a) )
		return fmt("%s", a);

	return fmt("[%s]", a);
	}

## Normalizes a MAC address to lower-case, colon-separated pairs; returns ""
## for anything that is not 12 hex digits.
function normalize_mac(a: string): string
	{
	local digits = to_lower(gsub(a, /[^A-Fa-f0-9]/, ""));

	if ( |digits| != 12 )
		return "";

	return fmt("%s:%s:%s:%s:%s:%s", digits[0:2], digits[2:4], digits[4:6],
	           digits[6:8], digits[8:10], digits[10:12]);
	}
