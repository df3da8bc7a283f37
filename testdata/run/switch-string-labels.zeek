# switch on strings with several labels per case and a default.
function classify(s: string): string
	{
	switch ( s ) {
	case "GET", "HEAD":
		return "read";
	case "POST", "PUT", "PATCH":
		return "write";
	case "":
		return "empty";
	default:
		return "unknown";
	}
	}

event zeek_init()
	{
	print classify("GET"), classify("HEAD"), classify("PUT"), classify(""), classify("get");
	}
