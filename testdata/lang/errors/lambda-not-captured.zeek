# expect(ours): error in ./lambda-not-captured.zeek, line 7: x is used inside lambda but not captured
# what this covers: lambda with a capture list that omits a used outer local

event zeek_init()
	{
	local x = 1;
	local f = function[](): count { return x; };
	print f();
	}
