package builtins

import (
	"fmt"
	"math"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func bs(s string) value.Value { return value.Box(S(s), types.StringType) }
func bc(c uint64) value.Value { return value.Box(C(c), types.CountType) }

func TestHLL(t *testing.T) {
	ctx := &fakeCtx{}
	h, _ := call(t, ctx, "hll_cardinality_init", D(0.01), D(0.95))
	if got := h.P.(value.Opaque).OpaqueName(); got != "CardinalityVal" {
		t.Errorf("opaque name %q", got)
	}
	for i := 0; i < 10000; i++ {
		call(t, ctx, "hll_cardinality_add", h, bs(fmt.Sprint(i%5000)))
	}
	est, _ := call(t, ctx, "hll_cardinality_estimate", h)
	if math.Abs(est.Double()-5000) > 5000*0.03 {
		t.Errorf("estimate %v; want 5000±3%%", est.Double())
	}
	// Small counts are exact enough.
	h2, _ := call(t, ctx, "hll_cardinality_init", D(0.01), D(0.95))
	for _, s := range []string{"a", "b", "c", "a"} {
		call(t, ctx, "hll_cardinality_add", h2, bs(s))
	}
	if e, _ := call(t, ctx, "hll_cardinality_estimate", h2); math.Abs(e.Double()-3) > 0.1 {
		t.Errorf("estimate of 3 = %v", e.Double())
	}
	// Another type is refused.
	if v, _ := call(t, ctx, "hll_cardinality_add", h2, bc(1)); v.Bool() || len(ctx.reports) != 1 {
		t.Errorf("add of count to string HLL = %v, reports %v", v.Bool(), ctx.reports)
	}
	// Copy is independent; merge takes the union.
	cp, _ := call(t, ctx, "hll_cardinality_copy", h2)
	for i := 0; i < 100; i++ {
		call(t, ctx, "hll_cardinality_add", cp, bs(fmt.Sprint("x", i)))
	}
	if e, _ := call(t, ctx, "hll_cardinality_estimate", h2); math.Abs(e.Double()-3) > 0.1 {
		t.Errorf("original changed by copy: %v", e.Double())
	}
	if v, _ := call(t, ctx, "hll_cardinality_merge_into", h2, cp); !v.Bool() {
		t.Error("merge = F")
	}
	if e, _ := call(t, ctx, "hll_cardinality_estimate", h2); math.Abs(e.Double()-103) > 5 {
		t.Errorf("merged estimate %v; want ~103", e.Double())
	}
	other, _ := call(t, ctx, "hll_cardinality_init", D(0.1), D(0.95))
	if v, _ := call(t, ctx, "hll_cardinality_merge_into", h2, other); v.Bool() {
		t.Error("merge of different sizes = T")
	}
}

func TestTopk(t *testing.T) {
	ctx := &fakeCtx{}
	k, _ := call(t, ctx, "topk_init", C(3))
	adds := []uint64{1, 2, 2, 3, 3, 3, 4, 4, 4, 4}
	for _, a := range adds {
		call(t, ctx, "topk_add", k, bc(a))
	}
	top := func(h value.Value, n uint64) []uint64 {
		v, _ := call(t, ctx, "topk_get_top", h, C(n))
		var out []uint64
		for _, e := range vectorElems(v) {
			out = append(out, unbox(e).Count())
		}
		return out
	}
	// 4 replaced the least counted element (1, count 1): count 1+4, eps 1.
	if got := top(k, 2); fmt.Sprint(got) != "[4 3]" {
		t.Errorf("top 2 = %v", got)
	}
	if c, _ := call(t, ctx, "topk_count", k, bc(4)); c.Count() != 5 {
		t.Errorf("count(4) = %d; want 5", c.Count())
	}
	if c, _ := call(t, ctx, "topk_epsilon", k, bc(4)); c.Count() != 1 {
		t.Errorf("epsilon(4) = %d; want 1", c.Count())
	}
	if c, _ := call(t, ctx, "topk_count", k, bc(1)); c.Count() != 0 {
		t.Errorf("count(1) = %d; want 0 (evicted)", c.Count())
	}
	if s, _ := call(t, ctx, "topk_sum", k); s.Count() != uint64(len(adds)) {
		t.Errorf("sum = %d; want %d", s.Count(), len(adds))
	}
	if s, _ := call(t, ctx, "topk_size", k); s.Count() != 3 {
		t.Errorf("size = %d", s.Count())
	}
	// Merge into a fresh one; prune keeps size.
	k2, _ := call(t, ctx, "topk_init", C(3))
	for _, a := range []uint64{7, 7, 8} {
		call(t, ctx, "topk_add", k2, bc(a))
	}
	m, _ := call(t, ctx, "topk_init", C(3))
	call(t, ctx, "topk_merge", m, k)
	call(t, ctx, "topk_merge", m, k2)
	if got := top(m, 10); len(got) != 5 || got[0] != 4 {
		t.Errorf("merged top = %v", got)
	}
	p, _ := call(t, ctx, "topk_init", C(3))
	call(t, ctx, "topk_merge", p, k)
	call(t, ctx, "topk_merge_prune", p, k2)
	if got := top(p, 10); len(got) != 3 {
		t.Errorf("pruned size = %d (%v)", len(got), got)
	}
	ctx.reports = nil
	call(t, ctx, "topk_sum", p)
	if len(ctx.reports) != 1 {
		t.Errorf("sum of pruned: reports %v", ctx.reports)
	}
	// Ties complete the last group.
	tk, _ := call(t, ctx, "topk_init", C(5))
	for _, a := range []uint64{1, 2, 3} {
		call(t, ctx, "topk_add", tk, bc(a))
	}
	if got := top(tk, 1); fmt.Sprint(got) != "[1 2 3]" {
		t.Errorf("top 1 with ties = %v", got)
	}
}

func TestBloomFilter(t *testing.T) {
	ctx := &fakeCtx{}
	bf, _ := call(t, ctx, "bloomfilter_basic_init", D(0.001), C(1000), S(""))
	for i := 0; i < 1000; i++ {
		call(t, ctx, "bloomfilter_add", bf, bc(uint64(i)))
	}
	for i := 0; i < 1000; i++ {
		if v, _ := call(t, ctx, "bloomfilter_lookup", bf, bc(uint64(i))); v.Count() != 1 {
			t.Fatalf("lookup(%d) = %d", i, v.Count())
		}
	}
	fp := 0
	for i := 1000; i < 11000; i++ {
		if v, _ := call(t, ctx, "bloomfilter_lookup", bf, bc(uint64(i))); v.Count() != 0 {
			fp++
		}
	}
	if fp > 30 {
		t.Errorf("%d false positives in 10000; want about 10", fp)
	}
	if len(ctx.reports) != 0 {
		t.Errorf("reports %v", ctx.reports)
	}
	call(t, ctx, "bloomfilter_lookup", bf, bs("x"))
	if len(ctx.reports) != 1 {
		t.Errorf("lookup of other type: reports %v", ctx.reports)
	}
	call(t, ctx, "bloomfilter_clear", bf)
	if v, _ := call(t, ctx, "bloomfilter_lookup", bf, bc(1)); v.Count() != 0 {
		t.Error("lookup after clear")
	}

	// Counting: counts saturate at the counter width (max 3 -> 2 bits).
	cf, _ := call(t, ctx, "bloomfilter_counting_init", C(3), C(64), C(3), S(""))
	for i := 0; i < 5; i++ {
		call(t, ctx, "bloomfilter_add", cf, bs("a"))
	}
	call(t, ctx, "bloomfilter_add", cf, bs("b"))
	if v, _ := call(t, ctx, "bloomfilter_lookup", cf, bs("a")); v.Count() != 3 {
		t.Errorf("counting lookup(a) = %d; want 3", v.Count())
	}
	cf2, _ := call(t, ctx, "bloomfilter_counting_init", C(3), C(64), C(3), S(""))
	call(t, ctx, "bloomfilter_add", cf2, bs("b"))
	m, _ := call(t, ctx, "bloomfilter_merge", cf, cf2)
	if v, _ := call(t, ctx, "bloomfilter_lookup", m, bs("b")); v.Count() < 2 {
		t.Errorf("merged lookup(b) = %d; want >= 2", v.Count())
	}
	if v, _ := call(t, ctx, "bloomfilter_lookup", cf, bs("b")); v.Count() != 1 && v.Count() != 3 {
		t.Errorf("merge changed its input: lookup(b) = %d", v.Count())
	}
	ctx.reports = nil
	if m, _ := call(t, ctx, "bloomfilter_merge", cf, bf); m.P != value.Unset || len(ctx.reports) != 1 {
		t.Errorf("merge of different filters: %v, %v", m, ctx.reports)
	}
}
