# what this covers: record fields holding containers are references: two
# records built from the same set see each other's changes.
type R: record { s: set[count]; };
event zeek_init()
	{
	local s = set(1);
	local a = R($s=s);
	local b = R($s=s);
	add a$s[2];
	print |b$s|, 2 in b$s;
	}
