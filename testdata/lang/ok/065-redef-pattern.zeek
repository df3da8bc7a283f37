# what this covers: redef of a &redef pattern constant with = and +=
const bad_words = /foo/ &redef;

redef bad_words += /bar/;

event zeek_init()
	{
	print bad_words in "xbarx", bad_words in "xfoox";
	}
