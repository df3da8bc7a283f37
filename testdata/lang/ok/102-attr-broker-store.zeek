# what this covers: &broker_store and &broker_allow_complex_type attributes parse (P2)
global stored: table[string] of count &broker_store="mystore";
global complex: table[string] of set[count] &broker_allow_complex_type &broker_store="other";

event zeek_init()
	{
	print |stored|, |complex|;
	}
