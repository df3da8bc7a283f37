# what this covers: &add_func and &delete_func combining values on redef += / -=
function add_names(old: string, new: string): string
	{
	return old + "," + new;
	}

function del_names(old: string, gone: string): string
	{
	return subst_string(old, gone, "");
	}

const names = "a" &redef &add_func=add_names &delete_func=del_names;

redef names += "b";
redef names -= "a";

event zeek_init()
	{
	print names;
	}
