# expect: error in ./unknown-type.zeek, line 8: identifier not defined: MyTypo
# what this covers: an undefined type name in a declaration

type MyType: enum { A, B };

event zeek_init()
	{
	local x: MyTypo;
	}
