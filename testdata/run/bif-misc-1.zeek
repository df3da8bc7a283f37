# what this covers: unique_id keeps the prefix and yields distinct values
# (the random part is not asserted).
event zeek_init()
	{
	local a = unique_id("C");
	local b = unique_id("C");
	print starts_with(a, "C"), starts_with(b, "C"), a != b, |a| > 1;
	print starts_with(unique_id("Fx"), "Fx");
	}
