# what this covers: Bro 2.x removed attribute &mergeable on a table
global merged: table[string] of set[count] &mergeable &synchronized;

event bro_init()
	{
	merged["a"] = set(1);
	print |merged|;
	}
