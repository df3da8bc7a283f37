# Containers inside tables are references: updating them in place
# changes the table's value.
global t: table[string] of set[count];
global v: table[count] of vector of string;

event zeek_init()
	{
	t["a"] = set(1);
	add t["a"][2];
	add t["a"][3];
	delete t["a"][1];
	print t;
	v[1] = vector("x");
	v[1] += "y";
	v[1][5] = "z";
	print v;
	print |t["a"]|, |v[1]|;
	}
