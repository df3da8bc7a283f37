# redef enum from another module adds names that print with the adding
# module's prefix; the values still belong to the original type.
module A;

export {
	type Where: enum { IN_A };
}

module B;

redef enum A::Where += { IN_B };

event zeek_init()
	{
	local w: A::Where = IN_B;
	print w, A::IN_A;
	print w == B::IN_B;
	}
