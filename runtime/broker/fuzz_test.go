package broker

import (
	"bytes"
	"encoding/hex"
	"math"
	"testing"
)

// FuzzDecode: decoding never panics, and whatever decodes re-encodes to
// bytes that decode to the same value and encode identically again
// (decode∘encode is the identity on encoder output). Subnormal reals are
// exempt from the second part: Broker's own real encoding does not round
// trip them (FORMAT.md §2.3).
func FuzzDecode(f *testing.F) {
	for _, h := range []string{
		"00", "0101", "02ffffffffffffffff", "04fff0000000000000", "048000000000000000",
		"0700000000000000000000ffff0a00000008", "08005007",
		"0c07000101020000000000000001030000000000000001043fe00000000000000501780600000000000000000000ffff01020304",
		"0d020e0205017802000000000000000101010e020501780200000000000000020100",
		"0e040600000000000000000000ffff0a000001000504686f73740e0202000000000000000100",
		"0d010505696e6e65720d010200000000000000010c01050161",
	} {
		b, _ := hex.DecodeString(h)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, fl := range []Flavor{Current, V1} {
			d, n, err := DecodePrefix(in, fl)
			if err != nil {
				continue
			}
			if n > len(in) {
				t.Fatalf("used %d of %d bytes", n, len(in))
			}
			_ = Render(d)
			enc := Encode(d)
			d2, err := Decode(enc)
			if err != nil {
				t.Fatalf("%x decodes, but its encoding %x does not: %v", in, enc, err)
			}
			if hasSubnormal(d) {
				continue
			}
			if Compare(d, d2) != 0 {
				t.Fatalf("%x: %s re-decodes as %s", in, Render(d), Render(d2))
			}
			if again := Encode(d2); !bytes.Equal(again, enc) {
				t.Fatalf("%x: encodes as %x, then %x", in, enc, again)
			}
		}
	})
}

func hasSubnormal(d Data) bool {
	switch x := d.(type) {
	case Real:
		bits := math.Float64bits(float64(x))
		return bits&(0x7ff<<52) == 0 && bits<<1 != 0
	case *Set:
		for _, e := range x.elems {
			if hasSubnormal(e) {
				return true
			}
		}
	case *Table:
		for _, e := range x.entries {
			if hasSubnormal(e.Key) || hasSubnormal(e.Value) {
				return true
			}
		}
	case Vector:
		for _, e := range x {
			if hasSubnormal(e) {
				return true
			}
		}
	}
	return false
}
