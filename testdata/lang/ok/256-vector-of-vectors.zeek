# what this covers: vectors of vectors and tables of tables
global grid: vector of vector of count;
global nested: table[string] of table[string] of count;

event zeek_init()
	{
	grid += vector(1, 2);
	grid += vector(3, 4);
	print grid[1][0];
	nested["a"] = table(["b"] = 1);
	nested["a"]["c"] = 2;
	print |nested["a"]|, nested["a"]["c"];
	}
