##! Pulling e-mail addresses out of SMTP commands and mail headers.

## The addresses in an address list as RFC 5322 writes them
## ("Name" <a@b>, a@b, group: a@b;), in order: each is a run without
## blanks, '<', ',' or ':' before the "@" and without blanks, '>', ','
## or ';' after it.
function extract_email_addrs_vec(str: string): string_vec
	{
	local addrs: vector of string = vector();
	local raw = find_all_ordered(str, /(^|[<,:[:blank:]])[^<,:[:blank:]@]+"@"[^>,;[:blank:]]+([>,;[:blank:]]|$)/);
	for ( i in raw )
		addrs += gsub(raw[i], /[<>,:;[:blank:]]/, "");
	return addrs;
	}

## The addresses of extract_email_addrs_vec, as a set.
function extract_email_addrs_set(str: string): set[string]
	{
	local out: set[string] = set();
	for ( _, a in extract_email_addrs_vec(str) )
		add out[a];
	return out;
	}

## The first address of extract_email_addrs_vec, or "".
function extract_first_email_addr(str: string): string
	{
	local addrs = extract_email_addrs_vec(str);
	if ( |addrs| > 0 )
		return addrs[0];
	return "";
	}

## The comma-separated addresses of a MIME header (To, Cc), each with
## its display name and angle brackets as written.
function split_mime_email_addresses(line: string): set[string]
	{
	local out: set[string] = set();
	for ( part in find_all(line, /(\"[^"]*\")?[^,]+@[^,]+/) )
		add out[strip(part)];
	return out;
	}
