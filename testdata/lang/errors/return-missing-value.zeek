# expect(ours): error in ./return-missing-value.zeek, line 6: return statement needs expression
# what this covers: bare return in a function with a return type

function f(): count
	{
	return;
	}
