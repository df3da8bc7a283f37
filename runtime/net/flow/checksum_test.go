package flow

import (
	"math/rand"
	"net/netip"
	"testing"
)

// wordSum is the textbook checksum sum: 16-bit big-endian words, an odd
// last byte padded, folded with end-around carry.
func wordSum(b []byte) uint32 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)&1 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	return s
}

func TestSumBytesMatchesWordSum(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		for _, fill := range []int{0x00, 0xff, -1} { // -1: random bytes
			b := make([]byte, n)
			for i := range b {
				if fill < 0 {
					b[i] = byte(r.Intn(256))
				} else {
					b[i] = byte(fill)
				}
			}
			if got, want := sumBytes(b), wordSum(b); got != want {
				t.Fatalf("len %d fill %#x: sumBytes %#x, want %#x", n, fill, got, want)
			}
		}
	}
	big := make([]byte, 65535)
	for i := range big {
		big[i] = 0xff
	}
	if got, want := sumBytes(big), wordSum(big); got != want {
		t.Fatalf("64 KiB of 0xff: sumBytes %#x, want %#x", got, want)
	}
}

// BenchmarkSumBytes is the checksum sum over a full-size TCP segment.
func BenchmarkSumBytes(b *testing.B) {
	seg := make([]byte, 1460)
	for i := range seg {
		seg[i] = byte(i * 7)
	}
	b.SetBytes(int64(len(seg)))
	for i := 0; i < b.N; i++ {
		sumBytes(seg)
	}
}

// addrSum is sumBytes of the address's bytes, for both families.
func TestAddrSum(t *testing.T) {
	for _, s := range []string{"0.0.0.0", "255.255.255.255", "172.19.51.37", "2001:db8::ff00:42:8329", "::ffff:1.2.3.4"} {
		a := netip.MustParseAddr(s)
		if got, want := addrSum(a), wordSum(a.AsSlice()); got != want {
			t.Errorf("addrSum(%s) = %#x, want %#x", s, got, want)
		}
	}
}
