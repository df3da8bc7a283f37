# what this covers: a module function assigning GLOBAL and exported module globals
global total_calls = 0;

module Counter;

export {
	global calls = 0;
	global record_call: function();
}

function record_call()
	{
	++calls;
	++::total_calls;
	Counter::calls += 0;
	}

module GLOBAL;

event zeek_init()
	{
	Counter::record_call();
	print total_calls, Counter::calls;
	}
