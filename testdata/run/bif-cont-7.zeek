# what this covers: any_set / all_set on boolean vectors.
event zeek_init()
	{
	print any_set(vector(F, T, F)), all_set(vector(F, T, F));
	print any_set(vector(F, F)), all_set(vector(T, T));
	local empty: vector of bool;
	print any_set(empty), all_set(empty);
	}
