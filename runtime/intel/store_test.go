package intel

import (
	"fmt"
	"math/rand"
	"net/netip"
	"reflect"
	"runtime"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

const (
	tAddr   = 0
	tSubnet = 1
	tDomain = 5
	tURL    = 2
)

var metaType = func() *types.RecordType {
	rt := types.NewRecord("Intel::MetaData")
	rt.AddField(&types.Field{Name: "source", Type: types.StringType})
	rt.AddField(&types.Field{Name: "desc", Type: types.StringType, Optional: true})
	return rt
}()

func meta(source, desc string) *value.Record {
	return value.RecordOf(metaType, []value.Value{value.String(source), value.String(desc)})
}

func TestSourcesAndRemoval(t *testing.T) {
	s := New(tAddr, tSubnet)
	k := Key{Type: tDomain, Str: "Evil.Example.COM"}
	if !s.Insert(k, meta("a", "one"), 1) {
		t.Fatal("first insert not new")
	}
	if s.Insert(Key{Type: tDomain, Str: "evil.example.com"}, meta("a", "two"), 2) {
		t.Fatal("case-folded re-insert counted as new")
	}
	s.Insert(k, meta("b", "three"), 3)
	got := []string{}
	for _, m := range s.Metas(Key{Type: tDomain, Str: "EVIL.example.com"}) {
		got = append(got, Source(m)+"="+m.Field(1).Str())
	}
	if want := []string{"a=two", "b=three"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("metas %v, want %v", got, want)
	}
	if w, _ := s.Written(k); w != 3 {
		t.Fatalf("written %v", w)
	}
	if r := s.Remove(k, "a", false); r != MetaRemoved {
		t.Fatalf("remove a: %v", r)
	}
	if r := s.Remove(k, "b", false); r != IndicatorGone {
		t.Fatalf("remove b: %v", r)
	}
	if r := s.Remove(k, "b", false); r != NotFound || s.Len() != 0 {
		t.Fatalf("remove again: %v, len %d", r, s.Len())
	}
	s.Insert(k, meta("a", "x"), 1)
	s.Insert(k, meta("b", "x"), 1)
	if r := s.Remove(k, "zzz", true); r != IndicatorGone || s.HasString(tDomain, "evil.example.com") {
		t.Fatalf("purge: %v", r)
	}
}

func TestSharedMeta(t *testing.T) {
	s := New(tAddr, tSubnet)
	s.Insert(Key{Type: tDomain, Str: "a.com"}, meta("feed", "bad"), 0)
	s.Insert(Key{Type: tDomain, Str: "b.com"}, meta("feed", "bad"), 0)
	m1 := s.Metas(Key{Type: tDomain, Str: "a.com"})[0]
	m2 := s.Metas(Key{Type: tDomain, Str: "b.com"})[0]
	if m1 != m2 {
		t.Fatal("identical metadata not shared")
	}
	s.Remove(Key{Type: tDomain, Str: "a.com"}, "feed", false)
	s.Remove(Key{Type: tDomain, Str: "b.com"}, "feed", false)
	if len(s.pool.m) != 0 {
		t.Fatalf("pool keeps %d records", len(s.pool.m))
	}
}

// TestSubnets checks the trie against a brute-force scan: every network
// containing an address is found, overlapping ones included, and removal
// keeps the rest.
// Dense: networks of every length crowded into four /16s; sparse: few
// networks of /16 or longer per /16 (the flattened jump-table case).
func TestSubnets(t *testing.T) {
	t.Run("dense", func(t *testing.T) { testSubnets(t, 4, 0) })
	t.Run("sparse", func(t *testing.T) { testSubnets(t, 2000, 16) })
}

func testSubnets(t *testing.T, slots, minBits int) {
	rng := rand.New(rand.NewSource(1))
	s := New(tAddr, tSubnet)
	nets := map[netip.Prefix]bool{}
	randNet := func() netip.Prefix {
		if rng.Intn(4) == 0 {
			var b [16]byte
			rng.Read(b[:])
			b[0] = 0x20
			return netip.PrefixFrom(netip.AddrFrom16(b), rng.Intn(129)).Masked()
		}
		slot := rng.Intn(slots)
		a := netip.AddrFrom4([4]byte{10 + byte(slot>>8), byte(slot), byte(rng.Intn(256)), byte(rng.Intn(256))})
		return netip.PrefixFrom(a, minBits+rng.Intn(33-minBits)).Masked()
	}
	for range 3000 {
		p := randNet()
		nets[p] = true
		s.Insert(Key{Type: tSubnet, Net: p}, meta("x", p.String()), 0)
	}
	removed := 0
	for p := range nets {
		if removed++; removed > 1000 {
			break
		}
		if s.Remove(Key{Type: tSubnet, Net: p}, "x", false) != IndicatorGone {
			t.Fatalf("remove %v failed", p)
		}
		delete(nets, p)
	}
	if s.nets.n != len(nets) {
		t.Fatalf("trie has %d, want %d", s.nets.n, len(nets))
	}
	check := func() {
		for range 10000 {
			a := randNet().Addr()
			want := map[string]bool{}
			for p := range nets {
				// In the 128-bit space (Zeek's): IPv6 networks over
				// ::ffff:0:0/96 contain IPv4 addresses too.
				if p.Contains(a) || p.Addr().Is6() && p.Contains(netip.AddrFrom16(a.As16())) {
					want[p.String()] = true
				}
			}
			got := map[string]bool{}
			for _, m := range s.MatchAddr(a) {
				if m.Metas[0].Field(1).Str() != m.Key.Net.String() {
					t.Fatalf("%v: metadata of %v", m.Key.Net, m.Metas[0].Field(1).Str())
				}
				got[m.Key.Net.String()] = true
			}
			if !reflect.DeepEqual(got, want) || s.HasAddr(a) != (len(want) > 0) {
				t.Fatalf("%v: got %v, want %v", a, got, want)
			}
		}
	}
	check()
	// Changes after lookups: the memoised /16 walks must not go stale.
	for range 500 {
		p := randNet()
		nets[p] = true
		s.Insert(Key{Type: tSubnet, Net: p}, meta("x", p.String()), 0)
	}
	removed = 0
	for p := range nets {
		if removed++; removed > 800 {
			break
		}
		s.Remove(Key{Type: tSubnet, Net: p}, "x", false)
		delete(nets, p)
	}
	check()
}

// TestSubnetV6NotV4 keeps IPv6 networks whose low 32 bits look like an
// IPv4 network from matching IPv4 addresses (the /16 jump table holds
// only IPv4 networks).
func TestSubnetV6NotV4(t *testing.T) {
	s := New(tAddr, tSubnet)
	v6 := netip.MustParsePrefix("0:0:0:1:0:ffff:a00:0/120")
	s.Insert(Key{Type: tSubnet, Net: v6}, meta("x", "v6"), 0)
	if s.HasAddr(netip.MustParseAddr("10.0.0.1")) {
		t.Fatal("10.0.0.1 matched " + v6.String())
	}
	if !s.HasAddr(netip.MustParseAddr("0:0:0:1:0:ffff:a00:1")) {
		t.Fatal("address in the IPv6 network not matched")
	}
	s.Insert(Key{Type: tSubnet, Net: netip.MustParsePrefix("10.0.0.0/24")}, meta("x", "v4"), 0)
	if got := s.MatchAddr(netip.MustParseAddr("10.0.0.1")); len(got) != 1 || got[0].Key.Net.String() != "10.0.0.0/24" {
		t.Fatalf("10.0.0.1 matched %v", got)
	}
}

// mixed makes n indicators as a feed has them: 40 % addresses, 10 %
// networks, 35 % domains, 15 % URLs, from a few sources with a few
// descriptions each.
func mixed(n int) ([]Key, []*value.Record) {
	rng := rand.New(rand.NewSource(7))
	keys := make([]Key, n)
	metas := make([]*value.Record, n)
	for i := range n {
		switch r := rng.Intn(100); {
		case r < 40:
			keys[i] = Key{Type: tAddr, Addr: netip.AddrFrom4([4]byte{byte(rng.Intn(224)), byte(rng.Intn(256)), byte(rng.Intn(256)), byte(rng.Intn(256))})}
		case r < 50:
			keys[i] = Key{Type: tSubnet, Net: netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(rng.Intn(224)), byte(rng.Intn(256)), byte(rng.Intn(256)), 0}), 20+rng.Intn(9)).Masked()}
		case r < 85:
			keys[i] = Key{Type: tDomain, Str: fmt.Sprintf("h%d.bad%d.example", rng.Intn(1000000), rng.Intn(1000))}
		default:
			keys[i] = Key{Type: tURL, Str: fmt.Sprintf("www.site%d.example/path/%d", rng.Intn(100000), rng.Intn(1000))}
		}
		metas[i] = meta(fmt.Sprintf("feed%d", rng.Intn(8)), fmt.Sprintf("category %d", rng.Intn(20)))
	}
	return keys, metas
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkInsert1M loads 1 M mixed indicators; it reports the heap the
// store holds per indicator (the keys' own strings included).
func BenchmarkInsert1M(b *testing.B) {
	keys, metas := mixed(1_000_000)
	for range b.N {
		before := heapInUse()
		s := New(tAddr, tSubnet)
		for i, k := range keys {
			s.Insert(k, metas[i], 0)
		}
		b.StopTimer()
		after := heapInUse()
		b.ReportMetric(float64(after-before)/float64(s.Len()), "B/indicator")
		b.ReportMetric(float64(s.Len()), "indicators")
		runtime.KeepAlive(s)
		b.StartTimer()
	}
}

// BenchmarkMatchAddr looks up random addresses among 100 k networks and
// 400 k addresses.
func BenchmarkMatchAddr(b *testing.B) {
	rng := rand.New(rand.NewSource(3))
	s := New(tAddr, tSubnet)
	rnd4 := func() netip.Addr {
		return netip.AddrFrom4([4]byte{byte(rng.Intn(224)), byte(rng.Intn(256)), byte(rng.Intn(256)), byte(rng.Intn(256))})
	}
	for range 100_000 {
		s.Insert(Key{Type: tSubnet, Net: netip.PrefixFrom(rnd4(), 16+rng.Intn(17)).Masked()}, meta("f", "net"), 0)
	}
	for range 400_000 {
		s.Insert(Key{Type: tAddr, Addr: rnd4()}, meta("f", "addr"), 0)
	}
	probes := make([]netip.Addr, 1<<16)
	for i := range probes {
		probes[i] = rnd4()
	}
	b.ResetTimer()
	hits := 0
	for i := range b.N {
		if s.HasAddr(probes[i&(len(probes)-1)]) {
			hits++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "Mlookups/s")
}

// BenchmarkMatchDomain looks up domains among 1 M, half of them present,
// in mixed case.
func BenchmarkMatchDomain(b *testing.B) {
	s := New(tAddr, tSubnet)
	for i := range 1_000_000 {
		s.Insert(Key{Type: tDomain, Str: fmt.Sprintf("host%d.example.com", i)}, meta("f", "d"), 0)
	}
	probes := make([]string, 1<<16)
	for i := range probes {
		if i%2 == 0 {
			probes[i] = fmt.Sprintf("host%d.example.com", i*13)
		} else {
			probes[i] = fmt.Sprintf("other%d.example.org", i)
		}
	}
	b.ResetTimer()
	for i := range b.N {
		s.HasString(tDomain, probes[i&(len(probes)-1)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds()/1e6, "Mlookups/s")
}
