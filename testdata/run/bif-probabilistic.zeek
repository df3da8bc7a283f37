# HyperLogLog, top-k and Bloom filter opaques from scripts.
event mismatch(h: opaque of cardinality)
	{
	# An element of another type is refused with a reporter error.
	print hll_cardinality_add(h, 5);
	}

event zeek_init()
	{
	local h = hll_cardinality_init(0.01, 0.95);
	print h;
	hll_cardinality_add(h, "a");
	hll_cardinality_add(h, "b");
	hll_cardinality_add(h, "a");
	print hll_cardinality_estimate(h);
	local h2 = hll_cardinality_copy(h);
	hll_cardinality_add(h2, "c");
	print hll_cardinality_estimate(h), hll_cardinality_estimate(h2);
	print hll_cardinality_merge_into(h, h2), hll_cardinality_estimate(h);
	schedule 1sec { mismatch(h) };

	local k = topk_init(2);
	print k;
	topk_add(k, "x");
	topk_add(k, "y");
	topk_add(k, "y");
	topk_add(k, "z");
	print topk_get_top(k, 2);
	print topk_count(k, "z"), topk_epsilon(k, "z"), topk_count(k, "x"), topk_sum(k), topk_size(k);

	local bf = bloomfilter_basic_init(0.01, 100);
	print bf;
	bloomfilter_add(bf, 1.2.3.4);
	print bloomfilter_lookup(bf, 1.2.3.4), bloomfilter_lookup(bf, 1.2.3.5);
	local cf = bloomfilter_counting_init(3, 32, 10);
	bloomfilter_add(cf, "a");
	bloomfilter_add(cf, "a");
	print bloomfilter_lookup(cf, "a");
	local m = bloomfilter_merge(cf, cf);
	print bloomfilter_lookup(m, "a");
	bloomfilter_clear(cf);
	print bloomfilter_lookup(cf, "a");
	}
