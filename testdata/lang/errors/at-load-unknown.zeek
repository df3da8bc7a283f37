# expect(ours): fatal error in ./at-load-unknown.zeek, line 4: can't find ./no-such-helper
# what this covers: @load of a file that does not exist

@load ./no-such-helper

event zeek_init()
	{
	}
