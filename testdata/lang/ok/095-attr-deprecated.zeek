# what this covers: &deprecated with and without a message on globals, functions, fields, enums
global old_name = 1 &deprecated;
global older_name = 2 &deprecated="use new_name instead";
global new_name = 3;

type Thing: record {
	old_field: count &optional &deprecated="gone soon";
	cur: count &default=0;
};

type E: enum { KEEP, DROP &deprecated };

function legacy(): count &deprecated="use modern()"
	{
	return 1;
	}

event zeek_init()
	{
	print new_name, Thing(), KEEP;
	}
