package hashorder

import (
	"slices"
	"testing"

	"github.com/gobro/gobro/runtime/net/uid"
)

// hashFor returns a hash whose bucket among 2^bits is b (and so b's low
// bits among fewer buckets), the smallest after skip others.
func hashFor(t *testing.T, bits, b, skip int) uint32 {
	t.Helper()
	for h := uint32(0); h < 1<<20; h++ {
		if bucket(h, bits) == b {
			if skip == 0 {
				return h
			}
			skip--
		}
	}
	t.Fatalf("no hash for bucket %d of %d bits", b, bits)
	return 0
}

// layout is the position in each slot, -1 for an empty one.
func layout(d *Dict) []int32 {
	out := make([]int32, len(d.slots))
	for i, s := range d.slots {
		out[i] = -1
		if s.dist >= 0 {
			out[i] = s.pos
		}
	}
	return out
}

func check(t *testing.T, d *Dict, what string, want []int32) {
	t.Helper()
	if got := layout(d); !slices.Equal(got, want) {
		t.Fatalf("%s: slots %v, want %v", what, got, want)
	}
	var live []int32
	for _, p := range want {
		if p >= 0 {
			live = append(live, p)
		}
	}
	if got := d.Order(nil); !slices.Equal(got, live) {
		t.Fatalf("%s: order %v, want %v", what, got, live)
	}
}

// Positions 0..3 are keys A, B, C, D whose buckets among four are 3, 0, 1
// and 2. The expected slots follow from the rules in Dict's comment.
func TestDictGrowAndRemap(t *testing.T) {
	const A, B, C, D = 0, 1, 2, 3
	hA, hB, hC, hD := hashFor(t, 2, 3, 0), hashFor(t, 2, 0, 0), hashFor(t, 2, 1, 0), hashFor(t, 2, 2, 0)
	var d Dict

	// One slot, one bucket.
	d.Add(hA, A, false)
	check(t, &d, "A", []int32{A})

	// B's bucket (0 of 1) is full: B goes past the end, so the table
	// grows to 2 buckets and 3 slots with B in slot 1. The remap then
	// leaves B (bucket 0 of 2) and moves A to its bucket 1, B closing
	// the gap.
	d.Add(hB, B, false)
	check(t, &d, "A B", []int32{B, A, -1})

	// C's bucket is 1: after A.
	d.Add(hC, C, false)
	check(t, &d, "A B C", []int32{B, A, C})

	// D's bucket is 0: its slot is 1, so A moves to the end of its
	// cluster (after C), past the last slot: 4 buckets and 6 slots. The
	// remap (from slot 3 down) moves A to bucket 3, then D to bucket 2,
	// C moving up into D's slot.
	d.Add(hD, D, false)
	check(t, &d, "A B C D", []int32{B, C, D, A, -1, -1})
	if d.bits != 2 || d.remaps != 0 {
		t.Fatalf("bits %d remaps %d, want 2 and 0", d.bits, d.remaps)
	}
}

func TestDictClusterAndRemove(t *testing.T) {
	const A, B, C, D, E, F = 0, 1, 2, 3, 4, 5
	var d Dict
	d.Add(hashFor(t, 2, 3, 0), A, false)
	d.Add(hashFor(t, 2, 0, 0), B, false)
	d.Add(hashFor(t, 2, 1, 0), C, false)
	d.Add(hashFor(t, 2, 2, 0), D, false)
	check(t, &d, "start", []int32{B, C, D, A, -1, -1})

	// E shares B's bucket 0: it takes slot 1 and pushes each later
	// cluster (C, D, A, one entry each) one slot on.
	hE := hashFor(t, 2, 0, 1)
	d.Add(hE, E, false)
	check(t, &d, "E in bucket 0", []int32{B, E, C, D, A, -1})

	// Removing B pulls each cluster's tail back: E to slot 0 (its
	// bucket), then C, D and A to their own buckets.
	d.Remove(hashFor(t, 2, 0, 0), B, false)
	check(t, &d, "B removed", []int32{E, C, D, A, -1, -1})

	// Removing C leaves a hole: D is in its own bucket, so nothing moves.
	d.Remove(hashFor(t, 2, 1, 0), C, false)
	check(t, &d, "C removed", []int32{E, -1, D, A, -1, -1})

	// F (bucket 1) takes the hole.
	d.Add(hashFor(t, 2, 1, 1), F, false)
	check(t, &d, "F in bucket 1", []int32{E, F, D, A, -1, -1})
	if d.n != 4 {
		t.Fatalf("%d entries", d.n)
	}

	// Renumbering (a compacted log) keeps the slots.
	d.Renumber([]int32{3, -1, -1, 2, 0, 1})
	check(t, &d, "renumbered", []int32{0, 1, 2, 3, -1, -1})

	d.Reset()
	check(t, &d, "reset", []int32{})
	d.Add(hE, 7, false)
	check(t, &d, "after reset", []int32{7})
}

// While the table is walked, growth leaves entries where they are; a
// lookup out of a walk then moves the entry it finds in its old place.
func TestDictRemapWaitsForWalks(t *testing.T) {
	const A, B, C = 0, 1, 2
	hA, hB, hC := hashFor(t, 2, 3, 0), hashFor(t, 2, 0, 0), hashFor(t, 2, 1, 0)
	var d Dict
	d.Add(hA, A, true)
	d.Add(hB, B, true)
	check(t, &d, "grown while walking", []int32{A, B, -1})

	// Lookups while walking, or of an entry in its bucket, move nothing.
	d.Find(hA, A, true)
	d.Find(hB, B, false)
	check(t, &d, "found", []int32{A, B, -1})

	// A is not in its bucket (1 of 2) but where the 1-bucket table had
	// it: found there, it moves.
	d.Find(hA, A, false)
	check(t, &d, "A found", []int32{B, A, -1})

	// The next insertion out of a walk finishes the remap (nothing else
	// moves).
	d.Add(hC, C, false)
	check(t, &d, "C", []int32{B, A, C})
	if d.remaps != 0 {
		t.Fatalf("remaps %d, want 0", d.remaps)
	}
}

// Above 3 bucket bits the table grows at 75% of its slots: with 16
// buckets (20 slots) at the 16th entry.
func TestDictLoadFactor(t *testing.T) {
	var d Dict
	d.slots = []slot{{dist: -1}}
	for range 4 {
		d.grow()
	}
	// Entries in distinct buckets: no clusters, nothing to remap.
	for i := range 15 {
		d.Add(hashFor(t, 5, i, 0), int32(i), false)
	}
	if d.bits != 4 || len(d.slots) != 20 {
		t.Fatalf("15 entries: bits %d, %d slots; want 4 and 20", d.bits, len(d.slots))
	}
	d.Add(hashFor(t, 5, 15, 0), 15, false)
	if d.bits != 5 || len(d.slots) != 37 {
		t.Fatalf("16 entries: bits %d, %d slots; want 5 and 37", d.bits, len(d.slots))
	}
	want := make([]int32, 37)
	for i := range want {
		want[i] = -1
		if i < 16 {
			want[i] = int32(i)
		}
	}
	check(t, &d, "16 entries", want)
}

// The key is the seed's SipHash key, and the hash SipHash-2-4's low 32
// bits: with key bytes 00..0f (seed words 17..20 little endian) and the
// 15 bytes 00..0e, the SipHash paper's appendix gives a129ca6149be45e5.
func TestKeyHash(t *testing.T) {
	var s uid.Seed
	s.Buf[16], s.Buf[17], s.Buf[18], s.Buf[19] = 0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c
	msg := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
	if got := KeyOf(s).Hash(msg); got != 0x49be45e5 {
		t.Fatalf("hash %#x, want 0x49be45e5", got)
	}
}
