package broker

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"net/netip"
	"strings"
	"testing"
)

func mustAddr(s string) Address { return AddressFrom(netip.MustParseAddr(s)) }

func mustSubnet(s string) Subnet { return SubnetFrom(netip.MustParsePrefix(s)) }

func counts(ns ...uint64) []Data {
	out := make([]Data, len(ns))
	for i, n := range ns {
		out[i] = Count(n)
	}
	return out
}

// TestEncodeWorkedExamples builds values the way the script layer will
// (constructors, unsorted containers) and checks FORMAT.md §7's bytes.
func TestEncodeWorkedExamples(t *testing.T) {
	cases := []struct {
		d    Data
		want string
	}{
		{None{}, "00"},
		{Bool(true), "0101"},
		{Count(300), "02000000000000012c"},
		{Integer(-1), "03ffffffffffffffff"},
		{Real(-2.25), "04c002000000000000"},
		{Real(0.1), "043fb999999999999a"},
		{String("héllo ✓"), "050a68c3a96c6c6f20e29c93"},
		{String("\x00\xff\x01\x22\x5c"), "050500ff01225c"},
		{mustAddr("192.168.1.10"), "0600000000000000000000ffffc0a8010a"},
		{mustAddr("::ffff:192.168.1.10"), "0600000000000000000000ffffc0a8010a"},
		{mustAddr("::1"), "0600000000000000000000000000000001"},
		{mustSubnet("10.1.2.3/8"), "0700000000000000000000ffff0a00000068"},
		{mustSubnet("0.0.0.0/0"), "0700000000000000000000ffff0000000060"},
		{mustSubnet("2001:db8::/32"), "0720010db800000000000000000000000020"},
		{SubnetFrom(netip.Prefix{}), "070000000000000000000000000000000000"},
		{Port{80, ProtoTCP}, "08005001"},
		{Port{8, ProtoICMP}, "08000803"},
		{TimestampFromSeconds(1609459200.123456789), "091655f29d7fd7cd00"},
		{Timestamp(-1), "09ffffffffffffffff"},
		{TimespanFromSeconds(1.5), "0a0000000059682f00"},
		{TimespanFromSeconds(-5), "0afffffffed5fa0e00"},
		{Enum("Broker::SQLITE"), "0b0e42726f6b65723a3a53514c495445"},
		{NewSet(counts(3, 1, 2)...), "0c03020000000000000001020000000000000002020000000000000003"},
		{NewSet(String("b"), String("a"), String("ab"), String("")), "0c04050005016105026162050162"},
		{NewSet(String("x"), Count(1), Integer(1), Bool(true), None{}, mustAddr("1.2.3.4"), Real(0.5)),
			"0c07000101020000000000000001030000000000000001043fe00000000000000501780600000000000000000000ffff01020304"},
		{NewSet(mustAddr("10.0.0.2"), mustAddr("::1"), mustAddr("10.0.0.1")),
			"0c0306000000000000000000000000000000010600000000000000000000ffff0a0000010600000000000000000000ffff0a000002"},
		{NewSet(Port{80, ProtoUDP}, Port{80, ProtoTCP}, Port{22, ProtoTCP}), "0c03080016010800500108005002"},
		{NewTable(TableEntry{String("b"), Count(2)}, TableEntry{String("a"), Count(1)}),
			"0d02050161020000000000000001050162020000000000000002"},
		{NewTable(TableEntry{Vector{String("x"), Count(2)}, Bool(false)}, TableEntry{Vector{String("x"), Count(1)}, Bool(true)}),
			"0d020e0205017802000000000000000101010e020501780200000000000000020100"},
		{NewTable(TableEntry{String("inner"), NewTable(TableEntry{Count(1), NewSet(String("a"))})}),
			"0d010505696e6e65720d010200000000000000010c01050161"},
		{Vector{Count(1), String("two"), Real(3), Bool(false)}, "0e04020000000000000001050374776f0440080000000000000100"},
		{Vector{mustAddr("10.0.0.1"), None{}, String("host"), Vector{Count(1), None{}}},
			"0e040600000000000000000000ffff0a000001000504686f73740e0202000000000000000100"},
		{String(strings.Repeat("y", 128)), "058001" + strings.Repeat("79", 128)},
		{String(strings.Repeat("z", 300)), "05ac02" + strings.Repeat("7a", 300)},
	}
	for _, c := range cases {
		if got := hex.EncodeToString(Encode(c.d)); got != c.want {
			t.Errorf("%s: encodes as %s, want %s", Render(c.d), got, c.want)
		}
	}
	// The 0.123456789 s fraction is not exact in a double: Zeek's
	// multiply-and-truncate gives ...d00, not ...d15.
	if got := TimestampFromSeconds(1609459200.123456789); got != 1609459200123456768 {
		t.Errorf("TimestampFromSeconds: %d", got)
	}
}

func TestVarbyte(t *testing.T) {
	for n, want := range map[int]string{0: "00", 127: "7f", 128: "8001", 200: "c801", 256: "8002", 300: "ac02", 1 << 32: "00"} {
		if got := hex.EncodeToString(appendVarbyte(nil, n)); got != want {
			t.Errorf("varbyte(%d) = %s, want %s", n, got, want)
		}
	}
	r := reader{buf: []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x01}}
	if _, err := r.varbyte("test"); err == nil || !strings.Contains(err.Error(), "longer than 5 bytes") {
		t.Errorf("6-byte varbyte: %v", err)
	}
	r = reader{buf: []byte{0x80, 0x00}} // non-shortest form: accepted
	if n, err := r.varbyte("test"); n != 0 || err != nil {
		t.Errorf("80 00: %d %v", n, err)
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := map[string]string{
		"":                       "byte 0: empty blob",
		"0f":                     "byte 0: unknown tag 0x0f",
		"0e0100":                 "",
		"0e02":                   "byte 1: vector of 2 elements, but only 0 bytes follow",
		"0e0101":                 "byte 3: truncated bool",
		"0c0100":                 "",
		"0c020000":               "byte 0: set holds the element <uninitialized> twice",
		"0d02050161000501610101": "byte 0: table holds the key a twice",
		"0d01050161":             "byte 5: truncated: value expected",
		"05ffffffffff":           "byte 1: string length varbyte longer than 5 bytes",
		"050300":                 "byte 2: truncated string: need 3 bytes, have 1",
		"06000102":               "byte 1: truncated address: need 16 bytes, have 3",
		"0200":                   "byte 1: truncated count: need 8 bytes, have 1",
		"020000000000000007ff":   "byte 9: 1 trailing bytes after the value",
	}
	for in, want := range cases {
		d, err := Decode(unhex(t, in))
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", in, err)
			}
			continue
		}
		var de *DecodeError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, %v; want error containing %q", in, d, err, want)
		}
	}
	// Nesting beyond MaxDepth is refused rather than recursed into.
	deep := bytes.Repeat([]byte{0x0e, 0x01}, MaxDepth+1)
	deep = append(deep, 0)
	if _, err := Decode(deep); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("deep nesting: %v", err)
	}
	ok := append(bytes.Repeat([]byte{0x0e, 0x01}, MaxDepth), 0)
	if _, err := Decode(ok); err != nil {
		t.Errorf("nesting %d: %v", MaxDepth, err)
	}
	// V1 keeps the first of duplicate elements instead of failing.
	d, _, err := DecodePrefix(unhex(t, "0c02020000000000000001020000000000000001"), V1)
	if err != nil || Render(d) != "{1}" {
		t.Errorf("V1 duplicate set: %v %v", d, err)
	}
}

func TestOrder(t *testing.T) {
	ordered := []Data{
		None{}, Bool(false), Bool(true), Count(0), Count(math.MaxUint64), Integer(math.MinInt64), Integer(-1), Integer(5),
		Real(math.Inf(-1)), Real(-1), Real(0), Real(math.Inf(1)), Real(math.NaN()),
		String(""), String("a"), String("ab"), String("b"), String("\x7f"), String("\x80"),
		mustAddr("::1"), mustAddr("10.0.0.1"), mustAddr("2001:db8::1"),
		mustSubnet("10.0.0.0/8"), mustSubnet("10.0.0.0/16"), mustSubnet("11.0.0.0/8"),
		Port{22, ProtoTCP}, Port{80, ProtoTCP}, Port{80, ProtoUDP},
		Timestamp(-1), Timestamp(0), Timespan(-5), Timespan(1), Enum("A"), Enum("B"),
		NewSet(), NewSet(Count(1)), NewSet(Count(1), Count(2)), NewSet(Count(2)),
		NewTable(), NewTable(TableEntry{Count(1), Count(1)}), NewTable(TableEntry{Count(1), Count(2)}),
		Vector{}, Vector{Count(1)}, Vector{Count(1), Count(0)}, Vector{Count(2)},
	}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := Compare(ordered[i], ordered[j]); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", Render(ordered[i]), Render(ordered[j]), got, want)
			}
		}
	}
	if !Equal(Real(0), Real(math.Copysign(0, -1))) {
		t.Error("0.0 and -0.0 must be the same element")
	}
	s := NewSet(Real(math.Copysign(0, -1)), Real(0))
	if s.Len() != 1 || !math.Signbit(float64(s.Elems()[0].(Real))) {
		t.Errorf("a set keeps the first of 0.0/-0.0: %v", s.Elems())
	}
}

func TestContainers(t *testing.T) {
	s := NewSet()
	if !s.Insert(String("b")) || !s.Insert(String("a")) || s.Insert(String("b")) {
		t.Fatal("Insert reports newness wrongly")
	}
	if !s.Contains(String("a")) || s.Contains(String("c")) || Render(s) != "{a, b}" {
		t.Fatalf("set: %s", Render(s))
	}
	if !s.Remove(String("a")) || s.Remove(String("a")) || s.Len() != 1 {
		t.Fatalf("Remove: %s", Render(s))
	}
	tb := NewTable()
	if _, replaced := tb.Insert(String("k"), Count(1)); replaced {
		t.Fatal("fresh key replaced something")
	}
	if old, replaced := tb.Insert(String("k"), Count(2)); !replaced || old != Count(1) {
		t.Fatalf("Insert: %v %v", old, replaced)
	}
	tb.Insert(String("a"), Count(0))
	if v, ok := tb.Lookup(String("k")); !ok || v != Count(2) || Render(tb) != "{[a] = 0, [k] = 2}" {
		t.Fatalf("table: %s", Render(tb))
	}
	if v, ok := tb.Remove(String("a")); !ok || v != Count(0) || tb.Len() != 1 {
		t.Fatalf("Remove: %s", Render(tb))
	}
	orig := Vector{NewSet(Count(1))}
	c := Clone(orig).(Vector)
	c[0].(*Set).Insert(Count(2))
	if Render(orig) != "[{1}]" || Render(c) != "[{1, 2}]" {
		t.Errorf("Clone shares: %s %s", Render(orig), Render(c))
	}
}

func TestRender(t *testing.T) {
	cases := []struct {
		d    Data
		want string
	}{
		{None{}, "<uninitialized>"},
		{Bool(false), "F"},
		{Integer(-3), "-3"},
		{Count(18446744073709551615), "18446744073709551615"},
		{Real(1.5), "1.5"},
		{Real(3), "3.0"},
		{String("a\x00b"), `a\x00b`},
		{mustAddr("10.0.0.1"), "10.0.0.1"},
		{mustAddr("2001:db8::1"), "2001:db8::1"},
		{mustSubnet("192.168.1.7/24"), "192.168.1.0/24"},
		{mustSubnet("2001:db8::/32"), "2001:db8::/32"},
		{Port{53, ProtoUDP}, "53/udp"},
		{Port{0, ProtoUnknown}, "0/unknown"},
		{TimestampFromSeconds(1609459200.5), "1609459200.5"},
		{TimespanFromSeconds(3600), "1.0 hr"},
		{Enum("Site::LOCAL"), "Site::LOCAL"},
		{NewSet(mustAddr("10.0.0.2"), mustAddr("10.0.0.1")), "{10.0.0.1, 10.0.0.2}"},
		{NewTable(TableEntry{Vector{mustAddr("10.0.0.1"), Port{80, ProtoTCP}}, Bool(true)}), "{[10.0.0.1, 80/tcp] = T}"},
		{Vector{mustAddr("10.0.0.1"), None{}, String("host")}, "[10.0.0.1, <uninitialized>, host]"},
	}
	for _, c := range cases {
		if got := Render(c.d); got != c.want {
			t.Errorf("Render = %q, want %q", got, c.want)
		}
	}
}
