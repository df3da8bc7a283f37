package value

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/uid"
	"github.com/gobro/gobro/runtime/value/hashorder"
)

// manifestSeed is the seed file of the Zeek runs behind the MANIFEST
// expectations (shared/traces/random.seed).
const manifestSeed = "2983378351 1299727368 0 310447 0 1409073626 3975311262 34130240 1450515018 1466150520 1342286698 1193956778 2188527278 3361989254 3912865238 3596260151 517973768 1462428821 0 2278350848 32767"

func useZeekOrder(t *testing.T, seed string) hashorder.Key {
	t.Helper()
	s, err := uid.ParseSeed(seed)
	if err != nil {
		t.Fatal(err)
	}
	k := hashorder.KeyOf(s)
	UseZeekOrder(&k)
	t.Cleanup(func() { UseZeekOrder(nil) })
	return k
}

func TestZeekKeyBytes(t *testing.T) {
	conn := types.NewRecord("k")
	conn.AddField(&types.Field{Name: "a", Type: types.StringType})
	conn.AddField(&types.Field{Name: "b", Type: types.CountType, Optional: true})
	conn.AddField(&types.Field{Name: "c", Type: types.AddrType})
	v4 := Addr(netip.MustParseAddr("1.2.3.4"))
	rec := func(b Value) Value {
		return Value{P: RecordOf(conn, []Value{String("ab"), b, v4})}
	}
	const mapped = "00000000000000000000ffff01020304"
	for _, tc := range []struct {
		name  string
		index []types.Type
		key   []Value
		want  string
	}{
		{"count", []types.Type{types.CountType}, []Value{Count(5)}, "0500000000000000"},
		{"int", []types.Type{types.IntType}, []Value{Int(-2)}, "feffffffffffffff"},
		{"bool", []types.Type{types.BoolType}, []Value{Bool(true)}, "0100000000000000"},
		{"enum", []types.Type{types.NewEnum("e")}, []Value{Enum(3)}, "0300000000000000"},
		{"port", []types.Type{types.PortType}, []Value{Port(80, ProtoTCP)}, "5000010000000000"},
		{"double", []types.Type{types.DoubleType}, []Value{Double(1.5)}, "000000000000f83f"},
		{"interval", []types.Type{types.IntervalType}, []Value{Interval(-2)}, "00000000000000c0"},
		{"string", []types.Type{types.StringType}, []Value{String("ab")}, "6162"},
		{"empty string", []types.Type{types.StringType}, []Value{String("")}, ""},
		{"addr v4", []types.Type{types.AddrType}, []Value{v4}, mapped},
		{"addr v6", []types.Type{types.AddrType}, []Value{Addr(netip.MustParseAddr("2001:db8::1"))}, "20010db8000000000000000000000001"},
		{"subnet", []types.Type{types.SubnetType}, []Value{Subnet(netip.MustParsePrefix("10.1.0.0/16"))}, "00000000000000000000ffff0a010000" + "10000000"},
		// Several columns: each aligned to its size from the key's start.
		{"addr, port", []types.Type{types.AddrType, types.PortType}, []Value{v4, Port(53, ProtoUDP)}, mapped + "3500020000000000"},
		{"string, count", []types.Type{types.StringType, types.CountType}, []Value{String("abc"), Count(1)}, "03000000616263" + "00" + "0100000000000000"},
		{"count, string", []types.Type{types.CountType, types.StringType}, []Value{Count(1), String("x")}, "0100000000000000" + "01000000" + "78"},
		{"string, addr", []types.Type{types.StringType, types.AddrType}, []Value{String("a"), v4}, "0100000061" + "000000" + mapped},
		{"subnet, string", []types.Type{types.SubnetType, types.StringType}, []Value{Subnet(netip.MustParsePrefix("::/0")), String("")}, strings.Repeat("00", 16) + "00000000" + "00000000"},
		// A record: its fields as columns, an &optional one after a
		// marker byte.
		{"record, optional unset", []types.Type{conn}, []Value{rec(None)}, "020000006162" + "00" + "00" + mapped},
		{"record, optional set", []types.Type{conn}, []Value{rec(Count(7))}, "020000006162" + "01" + "00" + "0700000000000000" + mapped},
	} {
		if !zeekHashable(tc.index) {
			t.Errorf("%s: not hashable", tc.name)
			continue
		}
		if got := hex.EncodeToString(appendZeekKey(nil, tc.key, tc.index)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	for _, idx := range [][]types.Type{
		{types.PatternType},
		{types.StringType, types.AnyType},
		{types.NewTable(nil, types.CountType)},
	} {
		if zeekHashable(idx) {
			t.Errorf("%v: hashable", idx)
		}
	}
}

func mkStringSet(keys ...string) *Table {
	s := NewTable(types.NewTable(nil, types.StringType))
	for _, k := range keys {
		s.Add1(String(k))
	}
	return s
}

// Zeek logged http-get.pcap's file analysers (added MD5, SHA1, SHA256,
// EXTRACT, DATA_EVENT) as SHA256,EXTRACT,SHA1,MD5,DATA_EVENT under the
// MANIFEST seed.
func TestZeekOrderMatchesZeek(t *testing.T) {
	analyzers := []string{"MD5", "SHA1", "SHA256", "EXTRACT", "DATA_EVENT"}
	if got := keys1(mkStringSet(analyzers...)); !slices.Equal(got, analyzers) {
		t.Fatalf("without a seed: %v", got)
	}
	useZeekOrder(t, manifestSeed)
	s := mkStringSet(analyzers...)
	want := []string{"SHA256", "EXTRACT", "SHA1", "MD5", "DATA_EVENT"}
	if got := keys1(s); !slices.Equal(got, want) {
		t.Fatalf("with the seed: %v, want %v", got, want)
	}
	if got := Render(Value{P: s}, s.Type, ModeShort); got != "{SHA256,EXTRACT,SHA1,MD5,DATA_EVENT}" {
		t.Fatalf("render %s", got)
	}
	// A copy walks alike (Zeek inserts the entries in walking order into
	// a new table, which here lays them out the same).
	c := Copy(Value{P: s}, s.Type).P.(*Table)
	if got := keys1(c); !slices.Equal(got, want) {
		t.Fatalf("copy: %v", got)
	}
	// &ordered keeps insertion order, also when the attribute comes
	// after the entries (a constructor's table).
	o := mkStringSet(analyzers...)
	o.Attrs = &TableAttrs{Ordered: true}
	if got := keys1(o); !slices.Equal(got, analyzers) {
		t.Fatalf("&ordered: %v", got)
	}
	o2 := NewTable(s.Type)
	o2.Attrs = &TableAttrs{Ordered: true}
	for _, a := range analyzers {
		o2.Add1(String(a))
	}
	if got := keys1(o2); !slices.Equal(got, analyzers) {
		t.Fatalf("&ordered from the start: %v", got)
	}
}

// walkKeys walks tab as the compiled for loop does, calling body at each
// entry.
func walkKeys(tab *Table, body func(k string)) []string {
	var out []string
	tab.BeginIter()
	defer tab.EndIter()
	end := tab.End()
	for pos := tab.Next(-1, end); pos >= 0; pos = tab.Next(pos, end) {
		k := tab.Key1At(pos).Str()
		out = append(out, k)
		if body != nil {
			body(k)
		}
	}
	return out
}

// A walk that changes its table goes on in the order it started with:
// deleted entries are skipped, added ones not visited; a walk started
// inside it sees the entries added since last.
func TestZeekOrderWalkWhileChanging(t *testing.T) {
	useZeekOrder(t, manifestSeed)
	var keys []string
	for i := range 40 {
		keys = append(keys, fmt.Sprint("k", i))
	}
	s := mkStringSet(keys...)
	before := keys1(s)
	if slices.Equal(before, keys) {
		t.Fatal("Zeek's order is insertion order: pick other keys")
	}
	var nested []string
	got := walkKeys(s, func(k string) {
		switch k {
		case before[0]:
			s.Delete1(String(before[1])) // not visited
			s.Delete1(String(k))
			s.Add1(String("new"))
		case before[2]:
			nested = keys1(s)
		}
	})
	want := append([]string{before[0]}, before[2:]...)
	if !slices.Equal(got, want) {
		t.Fatalf("walk %v\nwant %v", got, want)
	}
	if wantNested := append(slices.Clone(before[2:]), "new"); !slices.Equal(nested, wantNested) {
		t.Fatalf("nested walk %v\nwant %v", nested, wantNested)
	}
	// After the walk the table walks in Zeek's order again: that of a
	// Dict told the same story (the changes came during a walk).
	key := s.rare.z.key
	var d hashorder.Dict
	for i, k := range keys {
		d.Add(key.Hash([]byte(k)), int32(i), false)
	}
	d.Remove(key.Hash([]byte(before[1])), int32(slices.Index(keys, before[1])), true)
	d.Remove(key.Hash([]byte(before[0])), int32(slices.Index(keys, before[0])), true)
	d.Add(key.Hash([]byte("new")), int32(len(keys)), true)
	if got, want := keys1(s), modelWalk(&d, append(keys, "new")); !slices.Equal(got, want) {
		t.Fatalf("after: %v\nwant %v", got, want)
	}
}

// Random changes to a table and to a Dict holding one position per key
// (told what Zeek's table would be told) walk alike: the table keeps its
// shadow in step through overwrites, lookups, deletions, compaction,
// clearing and copying.
func TestZeekOrderModel(t *testing.T) {
	key := useZeekOrder(t, manifestSeed)
	rng := rand.New(rand.NewPCG(1, 2))
	tab := NewTable(types.NewTable(types.CountType, types.StringType))
	var d hashorder.Dict
	var names []string
	id := map[string]int32{}
	idOf := func(k string) int32 {
		if i, ok := id[k]; ok {
			return i
		}
		id[k] = int32(len(names))
		names = append(names, k)
		return id[k]
	}
	for step := range 20000 {
		k := fmt.Sprint("key", rng.IntN(300))
		i := idOf(k)
		h := key.Hash([]byte(k))
		_, present := tab.Get1(String(k))
		if present {
			d.Find(h, i, false)
		}
		switch op := rng.IntN(1000); {
		case op < 450:
			if tab.Put1(String(k), Count(uint64(step))) {
				d.Add(h, i, false)
			} else {
				d.Replace(h, i, false)
			}
		case op < 980:
			if tab.Delete1(String(k)) {
				d.Remove(h, i, false)
			}
		case op < 990:
			// A loop that deletes some entries and adds others: Zeek
			// moves nothing into new buckets while it runs.
			want := modelWalk(&d, names)
			got := walkKeys(tab, func(k string) {
				if rng.IntN(3) == 0 {
					tab.Delete1(String(k))
					d.Remove(key.Hash([]byte(k)), id[k], true)
				}
				if n := fmt.Sprint("key", rng.IntN(300)); rng.IntN(3) == 0 && tab.Add1(String(n)) {
					d.Add(key.Hash([]byte(n)), idOf(n), true)
				}
			})
			if !slices.Equal(got, want) {
				t.Fatalf("step %d: walk %v\nwant %v", step, got, want)
			}
		case op < 995:
			tab.Clear()
			d.Reset()
		default:
			// Zeek copies a table by inserting its entries, in walking
			// order, into a new one.
			order := keys1(tab)
			tab = Copy(Value{P: tab}, tab.Type).P.(*Table)
			d = hashorder.Dict{}
			for _, k := range order {
				d.Add(key.Hash([]byte(k)), id[k], false)
			}
		}
		if step%97 == 0 || step > 19900 {
			if got, want := keys1(tab), modelWalk(&d, names); !slices.Equal(got, want) {
				t.Fatalf("step %d: %v\nwant %v", step, got, want)
			}
		}
	}
}

func modelWalk(d *hashorder.Dict, names []string) []string {
	var out []string
	for _, p := range d.Order(nil) {
		out = append(out, names[p])
	}
	return out
}

// BenchmarkZeekOrder compares tables with and without Zeek's order
// (UseZeekOrder): filling a table[count] of count with 64K entries,
// walking it (as is, and after a change), looking its keys up, and a
// put/delete churn.
func BenchmarkZeekOrder(b *testing.B) {
	const n = 1 << 16
	fill := func() *Table {
		tab := NewTable(types.NewTable(types.CountType, types.CountType))
		for i := range n {
			tab.Put1(Count(uint64(i)*2654435761), Count(uint64(i)))
		}
		return tab
	}
	for _, mode := range []string{"insertion", "zeek"} {
		b.Run(mode, func(b *testing.B) {
			if mode == "zeek" {
				s, _ := uid.ParseSeed(manifestSeed)
				k := hashorder.KeyOf(s)
				UseZeekOrder(&k)
				defer UseZeekOrder(nil)
			}
			b.Run("fill", func(b *testing.B) {
				for b.Loop() {
					fill()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/put")
			})
			tab := fill()
			b.Run("walk", func(b *testing.B) {
				sum := uint64(0)
				for b.Loop() {
					for pos := tab.Next(-1, tab.End()); pos >= 0; pos = tab.Next(pos, tab.End()) {
						sum += tab.ValAt(pos).N
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/entry")
			})
			// A change before each walk: in Zeek's order the walk first
			// puts the log in order.
			b.Run("change+walk", func(b *testing.B) {
				sum := uint64(0)
				i := uint64(0)
				for b.Loop() {
					tab.Delete1(Count(i * 2654435761))
					tab.Put1(Count(i*2654435761), Count(i))
					for pos := tab.Next(-1, tab.End()); pos >= 0; pos = tab.Next(pos, tab.End()) {
						sum += tab.ValAt(pos).N
					}
					i = (i + 1) & (n - 1)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/entry")
			})
			b.Run("get", func(b *testing.B) {
				i := 0
				for b.Loop() {
					if _, ok := tab.Get1(Count(uint64(i) * 2654435761)); !ok {
						b.Fatal("missing")
					}
					i = (i + 7919) & (n - 1)
				}
			})
			b.Run("putdelete", func(b *testing.B) {
				i := uint64(0)
				for b.Loop() {
					tab.Put1(Count(i+1<<40), Count(i))
					tab.Delete1(Count(i + 1<<40))
					i++
				}
			})
		})
	}
}

// Putting the log in Zeek's order moves each entry's key, value, kept
// key value (records) and access stamp together, and lookups find them.
func TestZeekOrderKeepsEntriesTogether(t *testing.T) {
	useZeekOrder(t, manifestSeed)
	rt := types.NewRecord("r")
	rt.AddField(&types.Field{Name: "a", Type: types.AddrType})
	rt.AddField(&types.Field{Name: "n", Type: types.CountType, Optional: true})
	tab := NewTable(types.NewTable(types.CountType, rt))
	clock := 0.0
	tab.TrackAccess(AccessCreate, &clock)
	key := func(i int) Value {
		return Value{P: RecordOf(rt, []Value{Addr(netip.AddrFrom4([4]byte{10, 0, 0, byte(i)})), Count(uint64(i))})}
	}
	for i := range 50 {
		clock = float64(i)
		tab.Put1(key(i), Count(uint64(i)))
	}
	for i := 0; i < 50; i += 3 {
		tab.Delete1(key(i))
	}
	var walked []uint64
	for pos := tab.Next(-1, tab.End()); pos >= 0; pos = tab.Next(pos, tab.End()) {
		k := tab.Key1At(pos).P.(*Record).Field(1).Count()
		if v := tab.ValAt(pos).Count(); v != k || tab.StampAt(pos) != float64(k) {
			t.Fatalf("entry at %d: key %d, value %d, stamp %v", pos, k, v, tab.StampAt(pos))
		}
		walked = append(walked, k)
	}
	if len(walked) != tab.Len() || slices.IsSorted(walked) {
		t.Fatalf("walked %v", walked)
	}
	for i := range 50 {
		v, ok := tab.Get1(key(i))
		if ok != (i%3 != 0) || ok && v.Count() != uint64(i) {
			t.Fatalf("get %d: %v %v", i, v, ok)
		}
	}
}
