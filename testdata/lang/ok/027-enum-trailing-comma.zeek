# what this covers: enum with trailing comma and values used as table keys
type Level: enum {
	LOW,
	MEDIUM,
	HIGH,
};

global names: table[Level] of string = { [LOW] = "low", [MEDIUM] = "medium", [HIGH] = "high" };

event zeek_init()
	{
	print names[MEDIUM];
	print HIGH in names;
	}
