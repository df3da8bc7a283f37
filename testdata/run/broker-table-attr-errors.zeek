# The checker's rules for &backend, &broker_store and
# &broker_allow_complex_type, with Zeek's messages.
type R: record {
	a: count;
};

global ok1: table[string] of count &backend=Broker::MEMORY;
global ok2: set[addr, port] &broker_store="s";
global ok3: table[string] of R &broker_allow_complex_type &backend=Broker::SQLITE;
global complex: table[string] of R &backend=Broker::MEMORY;
global late: table[string] of R &backend=Broker::MEMORY &broker_allow_complex_type;
global rexp: table[string] of count &read_expire=5sec &backend=Broker::MEMORY;
global efunc: table[string] of count &expire_func=function(t: table[string] of count, k: string): interval { return 0sec; } &broker_store="x";
global both: table[string] of count &broker_store="store" &backend=Broker::MEMORY;
global notable: count &backend=Broker::MEMORY;
global notable2: vector of count &broker_store="v";
global notable3: string &broker_allow_complex_type;
global badarg: set[string] &backend="sqlite";
global badarg2: set[string] &broker_store=Broker::MEMORY;

event zeek_init()
	{
	local l: table[string] of count &backend=Broker::MEMORY;
	local l2: set[count] &broker_store="fine-on-a-local";
	}
