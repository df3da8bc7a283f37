# what this covers: redef of &redef constants (=, +=, -=)
const threshold = 5 &redef;
const greeting = "hi" &redef;
const skipped: set[port] = { 22/tcp, 23/tcp } &redef;

redef threshold = 10;
redef greeting = "hello";
redef skipped += { 25/tcp };
redef skipped -= { 23/tcp };

event zeek_init()
	{
	print threshold, greeting, |skipped|;
	}
