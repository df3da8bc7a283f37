package value

import (
	"fmt"
	"net/netip"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/gobro/gobro/lang/types"
)

func keys1(tab *Table) []string {
	var out []string
	it := tab.Iter()
	for it.Next() {
		out = append(out, Render(it.Key1(), tab.Type.Index[0], ModeShort))
	}
	return out
}

func TestTableBasics(t *testing.T) {
	tt := types.NewTable(types.StringType, types.CountType)
	tab := NewTable(tt)
	for i := range 100 {
		if !tab.Put1(Count(uint64(i)), String(fmt.Sprint("v", i))) {
			t.Fatalf("put %d: not new", i)
		}
	}
	if tab.Put1(Count(7), String("seven")) {
		t.Fatal("overwrite reported new")
	}
	if tab.Len() != 100 {
		t.Fatalf("len %d", tab.Len())
	}
	if v, ok := tab.Get1(Count(7)); !ok || v.Str() != "seven" {
		t.Fatalf("get 7: %v %v", v, ok)
	}
	if _, ok := tab.Get1(Count(100)); ok {
		t.Fatal("get 100 found")
	}
	for i := 0; i < 100; i += 2 {
		if !tab.Delete1(Count(uint64(i))) {
			t.Fatalf("delete %d", i)
		}
	}
	if tab.Delete1(Count(0)) {
		t.Fatal("double delete")
	}
	if tab.Len() != 50 {
		t.Fatalf("len %d", tab.Len())
	}
	for i := range 100 {
		_, ok := tab.Get1(Count(uint64(i)))
		if ok != (i%2 == 1) {
			t.Fatalf("after delete, get %d = %v", i, ok)
		}
	}
	// Insertion order survives deletion and compaction; re-adding goes last.
	tab.Put1(Count(0), String("zero"))
	ks := keys1(tab)
	if ks[0] != "1" || ks[1] != "3" || ks[len(ks)-1] != "0" || len(ks) != 51 {
		t.Fatalf("order: %v", ks)
	}
	tab.Clear()
	if tab.Len() != 0 || tab.Has1(Count(1)) || len(keys1(tab)) != 0 {
		t.Fatal("clear")
	}
}

func TestTableMultiColumn(t *testing.T) {
	st := types.NewSet(types.StringType, types.CountType, types.AddrType, types.IntType, types.DoubleType, types.BoolType, types.PortType)
	s := NewTable(st)
	a := Addr(netip.MustParseAddr("10.0.0.1"))
	b := Addr(netip.MustParseAddr("2001:db8::1"))
	k1 := []Value{String("ab"), Count(1), a, Int(-5), Double(1.5), Bool(true), Port(80, ProtoTCP)}
	k2 := []Value{String("a"), Count(1), b, Int(-5), Double(1.5), Bool(true), Port(80, ProtoTCP)}
	// "a" + "b..." must not collide with "ab" + "...": length prefixes.
	k3 := []Value{String("a"), Count(uint64('b')), a, Int(-5), Double(1.5), Bool(true), Port(80, ProtoTCP)}
	for _, k := range [][]Value{k1, k2, k3} {
		if !s.Add(k) {
			t.Fatalf("add %v", k)
		}
	}
	if s.Len() != 3 || !s.Has(k2) {
		t.Fatal("has")
	}
	neg0 := slices.Clone(k1)
	neg0[4] = Double(0)
	s.Add(neg0)
	negz := Double(0)
	negz.N |= 1 << 63
	neg0[4] = negz
	if !s.Has(neg0) {
		t.Fatal("-0 != 0 as key")
	}
	it := s.Iter()
	var got [][]Value
	for it.Next() {
		got = append(got, it.Key(nil))
	}
	if len(got) != 4 || got[1][2].Addr() != b.Addr() || got[0][3].Int() != -5 || got[0][0].Str() != "ab" || got[0][6] != k1[6] {
		t.Fatalf("decoded keys: %v", got)
	}
	want := "{\n[ab, 1, 10.0.0.1, -5, 1.5, T, 80/tcp],\n[a, 1, 2001:db8::1, -5, 1.5, T, 80/tcp],\n[a, 98, 10.0.0.1, -5, 1.5, T, 80/tcp],\n[ab, 1, 10.0.0.1, -5, 0.0, T, 80/tcp]\n}"
	if r := Render(Value{P: s}, st, ModePrint); r != want {
		t.Errorf("render:\n%s", r)
	}
}

func TestTableRecordKeys(t *testing.T) {
	rt := types.NewRecord("conn_id")
	rt.AddField(&types.Field{Name: "orig_h", Type: types.AddrType})
	rt.AddField(&types.Field{Name: "orig_p", Type: types.PortType})
	tt := types.NewTable(types.CountType, rt)
	tab := NewTable(tt)
	r := RecordOf(rt, []Value{Addr(netip.MustParseAddr("1.2.3.4")), Port(80, ProtoTCP)})
	tab.Put1(Value{P: r}, Count(1))
	// Mutating the record afterwards does not change the stored key.
	r.SetField(1, Port(81, ProtoTCP))
	if tab.Has1(Value{P: r}) {
		t.Fatal("mutated key found")
	}
	r2 := RecordOf(rt, []Value{Addr(netip.MustParseAddr("1.2.3.4")), Port(80, ProtoTCP)})
	if v, ok := tab.Get1(Value{P: r2}); !ok || v.Count() != 1 {
		t.Fatal("equal record not found")
	}
	it := tab.Iter()
	for it.Next() {
		k := it.Key1().P.(*Record)
		k.SetField(0, Addr(netip.MustParseAddr("9.9.9.9"))) // changes a copy only
	}
	if !tab.Has1(Value{P: r2}) {
		t.Fatal("iteration key aliases the stored key")
	}
	if got := Render(Value{P: tab}, tt, ModePrint); got != "{\n[[orig_h=1.2.3.4, orig_p=80/tcp]] = 1\n}" {
		t.Errorf("render %q", got)
	}
	// Delete while iterating, and compaction after.
	for i := range 40 {
		tab.Put1(Value{P: RecordOf(rt, []Value{Addr(netip.AddrFrom4([4]byte{10, 0, 0, byte(i)})), Port(1, ProtoUDP)})}, Count(uint64(i)))
	}
	it = tab.Iter()
	n := 0
	for it.Next() {
		tab.Delete(it.Key(nil))
		n++
	}
	if n != 41 || tab.Len() != 0 {
		t.Fatalf("deleted %d, len %d", n, tab.Len())
	}
}

func TestTableIterSafety(t *testing.T) {
	tab := NewTable(types.NewSet(types.CountType))
	for i := range 1000 {
		tab.Add1(Count(uint64(i)))
	}
	it := tab.Iter()
	seen := 0
	for it.Next() {
		k := it.Key1().Count()
		seen++
		// Delete this and the next entry, add new ones: new ones are not visited.
		tab.Delete1(Count(k))
		tab.Delete1(Count(k + 1))
		tab.Add1(Count(k + 100000))
	}
	if seen != 500 {
		t.Fatalf("visited %d", seen)
	}
	if tab.Len() != 500 || tab.iters != 0 {
		t.Fatalf("len %d iters %d", tab.Len(), tab.iters)
	}
	// After the walk the log was compacted.
	if len(tab.ents) != 500 {
		t.Fatalf("log not compacted: %d", len(tab.ents))
	}
	for i := range 1000 {
		if !tab.Has1(Count(uint64(i*2 + 100000))) {
			t.Fatalf("missing %d", i*2+100000)
		}
		if i == 499 {
			break
		}
	}
	// Position API with an early exit.
	tab.BeginIter()
	pos := tab.Next(-1, tab.End())
	tab.Delete1(tab.Key1At(pos))
	tab.EndIter()
	if tab.Len() != 499 {
		t.Fatal("position api")
	}
	// Clear during an iteration.
	it = tab.Iter()
	it.Next()
	tab.Clear()
	if it.Next() {
		t.Fatal("entry after clear")
	}
}

func TestTableChurn(t *testing.T) {
	// Random-ish churn cross-checked against a Go map.
	tab := NewTable(types.NewTable(types.CountType, types.IntType))
	ref := map[int64]uint64{}
	x := uint64(1)
	for i := range 200000 {
		x = x*6364136223846793005 + 1442695040888963407
		k := int64(x>>40) % 5000
		switch x >> 62 {
		case 0, 1:
			tab.Put1(Int(k), Count(uint64(i)))
			ref[k] = uint64(i)
		case 2:
			d := tab.Delete1(Int(k))
			_, had := ref[k]
			if d != had {
				t.Fatalf("delete %d: %v vs %v", k, d, had)
			}
			delete(ref, k)
		default:
			v, ok := tab.Get1(Int(k))
			w, had := ref[k]
			if ok != had || (ok && v.Count() != w) {
				t.Fatalf("get %d", k)
			}
		}
	}
	if tab.Len() != len(ref) {
		t.Fatalf("len %d vs %d", tab.Len(), len(ref))
	}
}

func TestSubnetTable(t *testing.T) {
	st := types.NewTable(types.StringType, types.SubnetType)
	tab := NewTable(st)
	for _, s := range []string{"10.0.0.0/8", "10.2.0.0/16", "10.2.0.2/31", "192.168.0.0/24", "2001:db8::/32", "0.0.0.0/0"} {
		tab.Put1(Subnet(netip.MustParsePrefix(s)), String(s))
	}
	for _, tc := range []struct{ addr, want string }{
		{"10.2.0.3", "10.2.0.2/31"}, {"10.2.1.1", "10.2.0.0/16"}, {"10.3.0.0", "10.0.0.0/8"},
		{"11.0.0.1", "0.0.0.0/0"}, {"2001:db8::5", "2001:db8::/32"}, {"2001:db9::5", ""},
		{"::ffff:10.2.0.2", "10.2.0.2/31"},
	} {
		v, ok := tab.LookupAddr(netip.MustParseAddr(tc.addr))
		if got := v.Str(); ok != (tc.want != "") || got != tc.want {
			t.Errorf("LookupAddr(%s) = %q %v, want %q", tc.addr, got, ok, tc.want)
		}
	}
	ms := tab.MatchingSubnets(netip.MustParsePrefix("10.2.0.2/32"))
	if fmt.Sprint(ms) != "[0.0.0.0/0 10.0.0.0/8 10.2.0.0/16 10.2.0.2/31]" {
		t.Errorf("MatchingSubnets: %v", ms)
	}
	if !tab.CheckSubnet(netip.MustParsePrefix("10.2.0.0/16")) || tab.CheckSubnet(netip.MustParsePrefix("10.2.0.0/17")) {
		t.Error("CheckSubnet")
	}
	f := tab.FilterSubnets(netip.MustParsePrefix("10.2.3.0/24"))
	if got := keys1(f); fmt.Sprint(got) != "[10.0.0.0/8 10.2.0.0/16 0.0.0.0/0]" {
		t.Errorf("FilterSubnets: %v", got)
	}
	tab.Delete1(Subnet(netip.MustParsePrefix("0.0.0.0/0")))
	tab.Delete1(Subnet(netip.MustParsePrefix("10.0.0.0/8")))
	if tab.ContainsAddr(netip.MustParseAddr("10.3.0.0")) || !tab.ContainsAddr(netip.MustParseAddr("10.2.9.9")) {
		t.Error("ContainsAddr after delete")
	}
	set := NewTable(types.NewSet(types.SubnetType))
	set.Add1(Subnet(netip.MustParsePrefix("192.168.0.0/16")))
	if !set.ContainsAddr(netip.MustParseAddr("192.168.4.4")) || set.ContainsAddr(netip.MustParseAddr("192.169.0.1")) {
		t.Error("addr in set[subnet]")
	}
}

// An empty table of scalar keys is one small object: the parts few
// tables use are made on first need. Lookups allocate nothing, not even
// for keys too long to encode on the stack, once the table has met one.
func TestTableLean(t *testing.T) {
	if size := unsafe.Sizeof(Table{}); size > 80 {
		t.Errorf("Table is %d bytes, want at most 80", size)
	}
	tt := types.NewTable(types.CountType, types.StringType)
	if n := testing.AllocsPerRun(10, func() { sink = NewTable(tt) }); n != 1 {
		t.Errorf("NewTable: %v allocations, want 1", n)
	}
	empty := Copy(Value{P: NewTable(tt)}, tt).P.(*Table)
	if empty.slots != nil || empty.rare != nil {
		t.Errorf("copy of an empty table: %d slots, rare parts %v", len(empty.slots), empty.rare != nil)
	}
	tab := NewTable(tt)
	long := String(strings.Repeat("long key ", 20))
	tab.Put1(String("short"), Count(1))
	if tab.rare != nil {
		t.Error("short keys made rare parts")
	}
	tab.Put1(long, Count(2))
	for _, k := range []Value{String("short"), long, String("absent")} {
		if n := testing.AllocsPerRun(10, func() { tab.Get1(k); tab.Has1(k); tab.Pos([]Value{k}) }); n != 0 {
			t.Errorf("lookups of %q: %v allocations", k.Str(), n)
		}
	}
	if v, ok := tab.Get1(long); !ok || v.Count() != 2 {
		t.Errorf("long key: %v %v", v, ok)
	}
}

// ---- benchmarks ----

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func fillAddrCount(n int) *Table {
	tab := NewTable(types.NewTable(types.CountType, types.AddrType))
	for i := range n {
		a := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
		tab.Put1(Addr(a), Count(uint64(i)))
	}
	return tab
}

func fillCountCount(n int) *Table {
	tab := NewTable(types.NewTable(types.CountType, types.CountType))
	for i := range n {
		tab.Put1(Count(uint64(i)*2654435761), Count(uint64(i)))
	}
	return tab
}

const benchN = 1 << 20

// BenchmarkTableAddrCount1M builds a 1M-entry table[addr] of count per
// op and reports the heap bytes each entry keeps.
func BenchmarkTableAddrCount1M(b *testing.B) {
	benchFill(b, fillAddrCount)
}

// BenchmarkTableCountCount1M is the same for table[count] of count.
func BenchmarkTableCountCount1M(b *testing.B) {
	benchFill(b, fillCountCount)
}

func benchFill(b *testing.B, fill func(int) *Table) {
	var perEntry float64
	for b.Loop() {
		before := heapInUse()
		tab := fill(benchN)
		after := heapInUse()
		perEntry = float64(after-before) / benchN
		runtime.KeepAlive(tab)
	}
	b.ReportMetric(perEntry, "bytes/entry")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchN, "ns/put")
}

func BenchmarkTableAddrGet(b *testing.B) {
	tab := fillAddrCount(benchN)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		a := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
		if _, ok := tab.Get1(Addr(a)); !ok {
			b.Fatal("missing")
		}
		i = (i + 7919) & (benchN - 1)
	}
}

func BenchmarkTableCountGet(b *testing.B) {
	tab := fillCountCount(benchN)
	i := 0
	for b.Loop() {
		if _, ok := tab.Get1(Count(uint64(i) * 2654435761)); !ok {
			b.Fatal("missing")
		}
		i = (i + 7919) & (benchN - 1)
	}
}

func BenchmarkTableCountPutDelete(b *testing.B) {
	tab := fillCountCount(1 << 16)
	i := uint64(0)
	for b.Loop() {
		tab.Put1(Count(i+1<<40), Count(i))
		tab.Delete1(Count(i + 1<<40))
		i++
	}
}

func BenchmarkTableAddrGet10K(b *testing.B) {
	tab := fillAddrCount(10000)
	keys := make([]Value, 10000)
	for i := range keys {
		keys[i] = Addr(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}))
	}
	i := 0
	for b.Loop() {
		if _, ok := tab.Get1(keys[i]); !ok {
			b.Fatal("missing")
		}
		i = (i + 7919) % 10000
	}
}

// BenchmarkNewTableEmpty reports what an empty set costs (B/op): scripts
// keep several per connection that usually stay empty.
func BenchmarkNewTableEmpty(b *testing.B) {
	tt := types.NewSet(types.StringType)
	b.ReportAllocs()
	for b.Loop() {
		sink = NewTable(tt)
	}
}

// BenchmarkCopyEmptyTable is copy() of an empty set (a &default=set()
// field of a copied record).
func BenchmarkCopyEmptyTable(b *testing.B) {
	tt := types.NewSet(types.StringType)
	v := Value{P: NewTable(tt)}
	b.ReportAllocs()
	for b.Loop() {
		sink = Copy(v, tt).P.(*Table)
	}
}

var sink *Table

func BenchmarkTableShortStringHas(b *testing.B) {
	tab := NewTable(types.NewSet(types.StringType))
	names := []string{"http", "dns", "ssl", "ssh", "smtp", "ftp", "irc", "krb"}
	keys := make([]Value, 16)
	for i := range keys {
		keys[i] = String(names[i%len(names)] + fmt.Sprint(i/len(names)))
		if i%2 == 0 {
			tab.Add1(keys[i])
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if tab.Has1(keys[i]) != (i%2 == 0) {
			b.Fatal("wrong")
		}
		i = (i + 1) & 15
	}
}

// BenchmarkTableLongStringGet looks up keys longer than any small
// scratch buffer (URLs).
func BenchmarkTableLongStringGet(b *testing.B) {
	tab := NewTable(types.NewTable(types.CountType, types.StringType))
	keys := make([]Value, 1000)
	for i := range keys {
		keys[i] = String(fmt.Sprintf("http://www.example.com/some/rather/long/path/to/a/resource/%08d.html?q=%d", i, i))
		tab.Put1(keys[i], Count(uint64(i)))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := tab.Get1(keys[i]); !ok {
			b.Fatal("missing")
		}
		i = (i + 7) % len(keys)
	}
}

// BenchmarkTableConnIDGet looks up four-column keys (addr, port, addr,
// port).
func BenchmarkTableConnIDGet(b *testing.B) {
	tab := NewTable(types.NewTable(types.CountType, types.AddrType, types.PortType, types.AddrType, types.PortType))
	keys := make([][]Value, 1000)
	for i := range keys {
		keys[i] = []Value{
			Addr(netip.AddrFrom4([4]byte{10, 0, byte(i >> 8), byte(i)})), Port(uint32(1024+i), 6),
			Addr(netip.AddrFrom4([4]byte{192, 168, 0, 1})), Port(80, 6),
		}
		tab.Put(keys[i], Count(uint64(i)))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok := tab.Get(keys[i]); !ok {
			b.Fatal("missing")
		}
		i = (i + 7) % len(keys)
	}
}

func BenchmarkTableWalk1K(b *testing.B) {
	tab := fillCountCount(1000)
	b.ReportAllocs()
	for b.Loop() {
		var sum uint64
		it := tab.Iter()
		for it.Next() {
			sum += it.Val().Count()
		}
		if sum != 999*1000/2 {
			b.Fatal("sum", sum)
		}
	}
}
