# rotate_file moves a script file aside, to NAME.PID.NETWORK_TIME.tmp, and
# goes on writing to a new one under its name; rotate_file_by_name moves
# any file aside for a new empty one. A standard stream is not rotated:
# the rotate_info is empty.
# @TEST-PCAP: rotation.pcap

global f: file;

function show(ri: rotate_info)
	{
	print ri$old_name, sub(ri$new_name, /\.[0-9]+\./, ".PID."), ri$open, ri$close;
	}

event network_time_init()
	{
	f = open("out.txt");
	}

global n = 0;

event new_connection(c: connection)
	{
	++n;
	print f, fmt("connection %d", n);

	if ( n == 2 )
		{
		local ri = rotate_file(f);
		show(ri);
		print file_size(ri$new_name), file_size("out.txt");
		}

	if ( n == 3 )
		{
		print file_size("out.txt");
		show(rotate_file_by_name("out.txt"));
		print file_size("out.txt");
		show(rotate_file(open("/dev/stdout")));
		}
	}
