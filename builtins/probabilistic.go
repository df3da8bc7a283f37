package builtins

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"math"
	"sort"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Probabilistic data structures (SumStats uses them): HyperLogLog
// cardinality counters, top-k (Space-Saving) and Bloom filters, as
// opaques named after Zeek's classes (CardinalityVal, TopkVal,
// BloomFilterVal). Each structure takes the type of the first element
// added; adding or merging another type is a reporter error, as in Zeek.
//
// Elements are identified by their type and print rendering (elemKey);
// Zeek hashes its internal serialization with a keyed hash, so estimates
// and false positives differ in detail but not in accuracy.

func init() {
	register(map[string]Impl{
		"hll_cardinality_init":       bifHLLInit,
		"hll_cardinality_add":        bifHLLAdd,
		"hll_cardinality_merge_into": bifHLLMerge,
		"hll_cardinality_estimate":   bifHLLEstimate,
		"hll_cardinality_copy":       bifHLLCopy,

		"topk_init":        bifTopkInit,
		"topk_add":         bifTopkAdd,
		"topk_get_top":     bifTopkGetTop,
		"topk_count":       bifTopkCount,
		"topk_epsilon":     bifTopkEpsilon,
		"topk_size":        bifTopkSize,
		"topk_sum":         bifTopkSum,
		"topk_merge":       bifTopkMerge(false),
		"topk_merge_prune": bifTopkMerge(true),

		"bloomfilter_basic_init":    bifBloomBasicInit,
		"bloomfilter_counting_init": bifBloomCountingInit,
		"bloomfilter_add":           bifBloomAdd,
		"bloomfilter_lookup":        bifBloomLookup,
		"bloomfilter_clear":         bifBloomClear,
		"bloomfilter_merge":         bifBloomMerge,
	})
}

// elemKey identifies an element of a probabilistic structure.
func elemKey(v value.Value, t types.Type) string {
	return t.String() + "\x00" + value.Render(v, t, value.ModePrint)
}

// hash64 is a well-mixed 64-bit hash of s (FNV-1a, then splitmix64's
// finalizer so that low and high bits are both usable).
func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// typify implements Zeek's element typing: an untyped structure takes t;
// a typed one accepts only an identical type.
func typify(have *types.Type, t types.Type) bool {
	if *have == nil {
		*have = t
		return true
	}
	return types.Identical(*have, t)
}

// ---- HyperLogLog ----

// hll is Zeek's CardinalityCounter: m = 2^b registers, b the smallest
// width whose standard error 1.04/sqrt(m) stays below err with the given
// confidence.
type hll struct {
	typ     types.Type
	buckets []uint8
	b       uint
}

func (h *hll) OpaqueName() string { return "CardinalityVal" }

func (h *hll) Clone() value.Opaque {
	return &hll{typ: h.typ, buckets: append([]uint8(nil), h.buckets...), b: h.b}
}

// hllWidth is Zeek's CardinalityCounter::OptimalB.
func hllWidth(errMargin, confidence float64) uint {
	initial := 2 * (math.Log(1.04) - math.Log(errMargin)) / math.Log(2)
	b := int(math.Floor(initial))
	for i := 0; i < 64; i++ {
		b++
		k := math.Pow(2, (float64(b)-initial)/2)
		if math.Erf(k/math.Sqrt2) >= confidence {
			break
		}
	}
	return uint(min(max(b, 4), 24))
}

func newHLL(errMargin, confidence float64) *hll {
	b := hllWidth(errMargin, confidence)
	return &hll{buckets: make([]uint8, 1<<b), b: b}
}

func (h *hll) add(x uint64) {
	idx := x & (1<<h.b - 1)
	rest := x >> h.b
	rank := uint8(1)
	for rest&1 == 0 && rank <= uint8(64-h.b) {
		rank++
		rest >>= 1
	}
	if rank > h.buckets[idx] {
		h.buckets[idx] = rank
	}
}

// estimate is Zeek's CardinalityCounter::Size: the raw HyperLogLog
// estimate with linear counting for small ranges.
func (h *hll) estimate() float64 {
	m := float64(len(h.buckets))
	var sum float64
	zeros := 0
	for _, r := range h.buckets {
		sum += math.Pow(2, -float64(r))
		if r == 0 {
			zeros++
		}
	}
	var alpha float64
	switch len(h.buckets) {
	case 16:
		alpha = 0.673
	case 32:
		alpha = 0.697
	case 64:
		alpha = 0.709
	default:
		alpha = 0.7213 / (1 + 1.079/m)
	}
	est := alpha * m * m / sum
	if est <= 2.5*m && zeros > 0 {
		return m * math.Log(m/float64(zeros))
	}
	if est <= math.Pow(2, 64)/30 {
		return est
	}
	return -math.Pow(2, 64) * math.Log(1-est/math.Pow(2, 64))
}

func bifHLLInit(_ Context, args []value.Value) (value.Value, error) {
	return value.Value{P: newHLL(args[0].Double(), args[1].Double())}, nil
}

func bifHLLAdd(ctx Context, args []value.Value) (value.Value, error) {
	h, _ := args[0].P.(*hll)
	if h == nil {
		return value.Bool(false), nil
	}
	v, t := boxed(args[1])
	if !typify(&h.typ, t) {
		ctx.Report("error", "incompatible HLL data type")
		return value.Bool(false), nil
	}
	h.add(hash64(elemKey(v, t)))
	return value.Bool(true), nil
}

// hll_cardinality_merge_into merges handle2 into handle1.
func bifHLLMerge(ctx Context, args []value.Value) (value.Value, error) {
	h1, _ := args[0].P.(*hll)
	h2, _ := args[1].P.(*hll)
	if h1 == nil || h2 == nil {
		return value.Bool(false), nil
	}
	if h1.typ != nil && h2.typ != nil && !types.Identical(h1.typ, h2.typ) {
		ctx.Report("error", "incompatible HLL types")
		return value.Bool(false), nil
	}
	if len(h1.buckets) != len(h2.buckets) {
		ctx.Report("error", "Cardinality counters with different parameters cannot be merged")
		return value.Bool(false), nil
	}
	if h1.typ == nil {
		h1.typ = h2.typ
	}
	for i, r := range h2.buckets {
		h1.buckets[i] = max(h1.buckets[i], r)
	}
	return value.Bool(true), nil
}

func bifHLLEstimate(_ Context, args []value.Value) (value.Value, error) {
	h, _ := args[0].P.(*hll)
	if h == nil {
		return value.Double(0), nil
	}
	return value.Double(h.estimate()), nil
}

func bifHLLCopy(_ Context, args []value.Value) (value.Value, error) {
	h, _ := args[0].P.(*hll)
	if h == nil {
		return value.Value{P: newHLL(0.01, 0.95)}, nil
	}
	return value.Value{P: h.Clone()}, nil
}

// ---- Top-k ----

// topk is Zeek's TopkVal, the Space-Saving algorithm (Metwally et al.):
// at most size monitored elements; a new element when full replaces the
// one with the smallest count (the longest at that count), inheriting that
// count as its epsilon (the possible overestimate).
type topk struct {
	typ    types.Type
	size   uint64
	elems  map[string]*topkElem
	seq    uint64 // orders elements that reached the same count
	pruned bool
}

type topkElem struct {
	v            value.Value
	count, eps   uint64
	seq          uint64 // when it reached its current count
	keyForDelete string
}

func (k *topk) OpaqueName() string { return "TopkVal" }

func (k *topk) Clone() value.Opaque {
	c := &topk{typ: k.typ, size: k.size, elems: map[string]*topkElem{}, seq: k.seq, pruned: k.pruned}
	for key, e := range k.elems {
		ce := *e
		c.elems[key] = &ce
	}
	return c
}

// sorted lists the elements by descending count, ties in the order they
// reached that count (Zeek's bucket order read from the top).
func (k *topk) sorted() []*topkElem {
	out := make([]*topkElem, 0, len(k.elems))
	for _, e := range k.elems {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].seq < out[j].seq
	})
	return out
}

// smallest is the element Space-Saving evicts: lowest count, earliest at
// that count.
func (k *topk) smallest() *topkElem {
	var m *topkElem
	for _, e := range k.elems {
		if m == nil || e.count < m.count || (e.count == m.count && e.seq < m.seq) {
			m = e
		}
	}
	return m
}

func (k *topk) bump(e *topkElem, n uint64) {
	e.count += n
	k.seq++
	e.seq = k.seq
}

func (k *topk) encounter(v value.Value, t types.Type, n uint64) {
	key := elemKey(v, t)
	if e, ok := k.elems[key]; ok {
		k.bump(e, n)
		return
	}
	e := &topkElem{v: v, keyForDelete: key}
	if uint64(len(k.elems)) >= k.size && k.size > 0 {
		old := k.smallest()
		delete(k.elems, old.keyForDelete)
		e.count, e.eps = old.count, old.count
	}
	k.elems[key] = e
	k.bump(e, n)
}

func argTopk(v value.Value) *topk {
	k, _ := v.P.(*topk)
	return k
}

func bifTopkInit(_ Context, args []value.Value) (value.Value, error) {
	return value.Value{P: &topk{size: args[0].Count(), elems: map[string]*topkElem{}}}, nil
}

func bifTopkAdd(ctx Context, args []value.Value) (value.Value, error) {
	k := argTopk(args[0])
	if k == nil {
		return value.None, nil
	}
	v, t := boxed(args[1])
	if !typify(&k.typ, t) {
		ctx.Report("error", "Tried to add element of different type to topk")
		return value.None, nil
	}
	k.encounter(v, t, 1)
	return value.None, nil
}

// topk_get_top returns the k elements with the highest counts; like
// Zeek, it completes the last count group, so ties can make it longer.
func bifTopkGetTop(ctx Context, args []value.Value) (value.Value, error) {
	vt := vectorType(ctx, "any_vec", types.AnyType)
	vec := &value.Vector{Type: vt}
	k := argTopk(args[0])
	if k == nil {
		return value.Value{P: vec}, nil
	}
	n := args[1].Count()
	var last uint64
	for _, e := range k.sorted() {
		if uint64(len(vec.Elems)) >= n && e.count != last {
			break
		}
		if n == 0 {
			break
		}
		last = e.count
		vec.Elems = append(vec.Elems, value.Box(e.v, k.typ))
	}
	return value.Value{P: vec}, nil
}

func topkLookup(ctx Context, args []value.Value) *topkElem {
	k := argTopk(args[0])
	if k == nil {
		return nil
	}
	v, t := boxed(args[1])
	if k.typ != nil && !types.Identical(k.typ, t) {
		ctx.Report("error", "requested type does not match topk type")
		return nil
	}
	return k.elems[elemKey(v, t)]
}

func bifTopkCount(ctx Context, args []value.Value) (value.Value, error) {
	if e := topkLookup(ctx, args); e != nil {
		return value.Count(e.count), nil
	}
	return value.Count(0), nil
}

func bifTopkEpsilon(ctx Context, args []value.Value) (value.Value, error) {
	if e := topkLookup(ctx, args); e != nil {
		return value.Count(e.eps), nil
	}
	return value.Count(0), nil
}

func bifTopkSize(_ Context, args []value.Value) (value.Value, error) {
	if k := argTopk(args[0]); k != nil {
		return value.Count(k.size), nil
	}
	return value.Count(0), nil
}

// topk_sum is the sum of the monitored counts: the number of elements
// added, unless the structure was pruned (then a warning, as in Zeek).
func bifTopkSum(ctx Context, args []value.Value) (value.Value, error) {
	k := argTopk(args[0])
	if k == nil {
		return value.Count(0), nil
	}
	var sum uint64
	for _, e := range k.elems {
		sum += e.count
	}
	if k.pruned {
		ctx.Report("warning", "TopkVal::GetSum() was used on a pruned data structure. Result values do not represent total element count")
	}
	return value.Count(sum), nil
}

// topk_merge adds the second structure's counts and epsilons into the
// first, which may grow beyond its size; topk_merge_prune then evicts the
// smallest elements until it is back at its size.
func bifTopkMerge(prune bool) Impl {
	return func(ctx Context, args []value.Value) (value.Value, error) {
		k1, k2 := argTopk(args[0]), argTopk(args[1])
		if k1 == nil || k2 == nil {
			return value.None, nil
		}
		if k2.typ != nil && !typify(&k1.typ, k2.typ) {
			ctx.Report("error", "Cannot merge top-k elements of differing types.")
			return value.None, nil
		}
		if k1.size == 0 {
			k1.size = k2.size
		}
		// From the smallest counts up, as Zeek walks the buckets.
		src := k2.sorted()
		for i := len(src) - 1; i >= 0; i-- {
			e := src[i]
			key := elemKey(e.v, k1.typ)
			if old, ok := k1.elems[key]; ok {
				old.eps += e.eps
				k1.bump(old, e.count)
				continue
			}
			ne := &topkElem{v: e.v, eps: e.eps, keyForDelete: key}
			k1.elems[key] = ne
			k1.bump(ne, e.count)
		}
		if prune {
			for uint64(len(k1.elems)) > k1.size {
				k1.pruned = true
				delete(k1.elems, k1.smallest().keyForDelete)
			}
		}
		return value.None, nil
	}
}

// ---- Bloom filters ----

// bloom is Zeek's BloomFilterVal: a basic filter (bits) or a counting
// one (saturating counters of width bits); k cells per element chosen by
// double hashing a SHA-256 of the filter's name and the element.
type bloom struct {
	typ      types.Type
	name     string
	k        int
	cells    []uint64
	counting bool
	maxCount uint64 // counting: a cell saturates here
}

func (b *bloom) OpaqueName() string { return "BloomFilterVal" }

func (b *bloom) Clone() value.Opaque {
	c := *b
	c.cells = append([]uint64(nil), b.cells...)
	return &c
}

func (b *bloom) positions(v value.Value, t types.Type) []int {
	sum := sha256.Sum256([]byte(b.name + "\x00" + elemKey(v, t)))
	h1 := binary.BigEndian.Uint64(sum[:8])
	h2 := binary.BigEndian.Uint64(sum[8:16]) | 1
	out := make([]int, b.k)
	for i := range out {
		out[i] = int((h1 + uint64(i)*h2) % uint64(len(b.cells)))
	}
	return out
}

func (b *bloom) add(v value.Value, t types.Type) {
	for _, p := range b.positions(v, t) {
		if b.counting {
			if b.cells[p] < b.maxCount {
				b.cells[p]++
			}
		} else {
			b.cells[p] = 1
		}
	}
}

// count is 1/0 for a basic filter, the smallest counter for a counting
// one.
func (b *bloom) count(v value.Value, t types.Type) uint64 {
	m := uint64(math.MaxUint64)
	for _, p := range b.positions(v, t) {
		m = min(m, b.cells[p])
	}
	if len(b.cells) == 0 || b.k == 0 {
		return 0
	}
	return m
}

// bloomfilter_basic_init sizes the filter for capacity elements at false
// positive rate fp: cells = ceil(-n ln fp / ln²2), k = round(cells/n ln 2)
// (Zeek's BasicBloomFilter::M and K).
func bifBloomBasicInit(_ Context, args []value.Value) (value.Value, error) {
	fp, n := args[0].Double(), float64(args[1].Count())
	if fp <= 0 || fp >= 1 {
		return value.None, bifError("false-positive rate must take value between 0 and 1")
	}
	if n == 0 {
		n = 1
	}
	cells := math.Ceil(-(n * math.Log(fp)) / (math.Ln2 * math.Ln2))
	k := max(1, int(math.Round(cells/n*math.Ln2)))
	return value.Value{P: &bloom{name: args[2].Str(), k: k, cells: make([]uint64, int(cells))}}, nil
}

// bloomfilter_counting_init: k hash functions, cells counters each
// counting up to max (Zeek rounds the width up to whole bits, so a
// counter saturates at the next 2^w-1 >= max).
func bifBloomCountingInit(_ Context, args []value.Value) (value.Value, error) {
	k, cells, mx := args[0].Count(), args[1].Count(), args[2].Count()
	if k == 0 || cells == 0 {
		return value.None, bifError("number of hash functions and cells must be positive")
	}
	width := 1
	for m := mx >> 1; m > 0; m >>= 1 {
		width++
	}
	sat := uint64(1)<<width - 1
	if width >= 64 {
		sat = math.MaxUint64
	}
	return value.Value{P: &bloom{name: args[3].Str(), k: int(k), cells: make([]uint64, cells), counting: true, maxCount: sat}}, nil
}

func bifBloomAdd(ctx Context, args []value.Value) (value.Value, error) {
	b, _ := args[0].P.(*bloom)
	if b == nil {
		return value.None, nil
	}
	v, t := boxed(args[1])
	if !typify(&b.typ, t) {
		ctx.Report("error", "incompatible Bloom filter types")
		return value.None, nil
	}
	b.add(v, t)
	return value.None, nil
}

func bifBloomLookup(ctx Context, args []value.Value) (value.Value, error) {
	b, _ := args[0].P.(*bloom)
	if b == nil || b.typ == nil {
		return value.Count(0), nil
	}
	v, t := boxed(args[1])
	if !types.Identical(b.typ, t) {
		ctx.Report("error", "incompatible Bloom filter types")
		return value.Count(0), nil
	}
	return value.Count(b.count(v, t)), nil
}

func bifBloomClear(_ Context, args []value.Value) (value.Value, error) {
	if b, _ := args[0].P.(*bloom); b != nil {
		clear(b.cells)
	}
	return value.None, nil
}

// bloomfilter_merge returns a new filter holding both; the filters must
// have the same kind, size, number of hashes and name.
func bifBloomMerge(ctx Context, args []value.Value) (value.Value, error) {
	b1, _ := args[0].P.(*bloom)
	b2, _ := args[1].P.(*bloom)
	if b1 == nil || b2 == nil {
		return value.None, nil
	}
	if b1.typ != nil && b2.typ != nil && !types.Identical(b1.typ, b2.typ) {
		ctx.Report("error", "incompatible Bloom filter types")
		return value.None, nil
	}
	if b1.counting != b2.counting || b1.k != b2.k || len(b1.cells) != len(b2.cells) || b1.name != b2.name || b1.maxCount != b2.maxCount {
		ctx.Report("error", "failed to merge Bloom filter")
		return value.None, nil
	}
	m := b1.Clone().(*bloom)
	if m.typ == nil {
		m.typ = b2.typ
	}
	for i, c := range b2.cells {
		if m.counting {
			m.cells[i] = min(m.cells[i]+c, m.maxCount)
		} else {
			m.cells[i] |= c
		}
	}
	return value.Value{P: m}, nil
}
