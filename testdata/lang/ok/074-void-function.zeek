# what this covers: functions without a return type, bare return
global log_lines: vector of string;

function note(s: string)
	{
	if ( s == "" )
		return;
	log_lines += s;
	}

event zeek_init()
	{
	note("x");
	note("");
	print |log_lines|;
	}
