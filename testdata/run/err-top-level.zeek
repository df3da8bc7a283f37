# what this covers: an error in top-level statements stops the run before
# zeek_init with Zeek's fatal message.
global t: table[count] of string;
print "top";
print t[1];
event zeek_init()
	{
	print "not reached";
	}
