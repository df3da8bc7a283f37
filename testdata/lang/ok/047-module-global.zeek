# what this covers: module GLOBAL switches back to the global namespace; qualified use of exported names
module A;

export {
	global a_val = 1;
}

module GLOBAL;

global g_val = 2;

event zeek_init()
	{
	print A::a_val, g_val;
	}
