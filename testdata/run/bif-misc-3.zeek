# what this covers: lookup_ID for globals, an unknown name, and getenv of
# an unset variable (empty string).
global answer = 42;
global greeting = "hi";

event zeek_init()
	{
	print lookup_ID("answer"), lookup_ID("greeting");
	print lookup_ID("no_such_id");
	print fmt("[%s]", getenv("GOBRO_TEST_SURELY_UNSET_VAR"));
	}
