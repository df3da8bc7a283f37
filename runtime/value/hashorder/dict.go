package hashorder

// Dict shadows the slots of Zeek's Dictionary ("clustered hashing", a
// variant of Robin Hood open addressing): every entry sits in the slot
// Zeek would give it, but a slot holds the caller's position for the
// entry (a table's log position) instead of a key and a value. The caller
// keeps its own index for lookups. It tells Dict about every insertion
// and removal and about the lookups Zeek would make (they can move
// entries), and asks it for the walking order: Zeek walks the slots in
// index order.
//
// The layout, as in Zeek:
//
//   - With b bucket bits the table has 2^b buckets and 2^b+b slots (the
//     last b take overflow). A new dictionary has b = 0: one slot.
//   - A key's bucket is the low b bits of its 32-bit hash times 2^64/phi
//     (Fibonacci hashing).
//   - The entries of a bucket sit together, a cluster starting at or after
//     the bucket; clusters follow bucket order. Each entry knows its
//     distance from its bucket.
//   - An insertion goes to the end of its key's cluster. The entry found
//     there (it belongs to a later bucket) moves to the end of its own
//     cluster, and so on until a slot is empty; past the last slot the
//     table grows first.
//   - A removal fills the hole with the tail of the next cluster, then
//     the tail's slot likewise, until the next slot is empty or holds an
//     entry in its own bucket.
//   - The table doubles (b+1) when the entries exceed its capacity
//     (b <= 3) or 75% of it, or when, since it last grew, more than 128
//     insertions have moved entries 32 slots on average and it is more
//     than 25% full. Growing moves nothing at once: from the old capacity
//     down, entries whose bucket changed are moved, 16 of them after each
//     insertion, and a lookup that finds an entry not yet moved moves it.
//     While the table is walked, entries are not moved.
//
// One position is in the Dict at most once.
type Dict struct {
	bits  int
	slots []slot // nil until the first insertion
	n     int
	// remaps counts the growths whose remapping is unfinished; remapEnd is
	// the last slot still to look at then.
	remaps   int
	remapEnd int
	// moved and inserts sum how far insertions moved entries since the
	// last growth.
	moved   int64
	inserts int
}

type slot struct {
	dist int32 // distance from the bucket; -1: empty
	hash uint32
	pos  int32
}

// Zeek's constants (Dict.h).
const (
	remapStep         = 16 // DICT_REMAP_ENTRIES
	thresholdBits     = 3  // DICT_THRESHOLD_BITS
	loadPercent       = 75 // DICT_LOAD_FACTOR_100
	minLoadPercent    = 25 // MIN_DICT_LOAD_FACTOR_100
	farDistance       = 32 // SPACE_DISTANCE_THRESHOLD
	minDistanceCounts = 128
	fibonacci         = 11400714819323198485 // 2^64/phi
)

// bucket is the bucket of hash h among 2^bits.
func bucket(h uint32, bits int) int {
	if bits == 0 {
		return 0
	}
	return int(uint64(h) * fibonacci & (1<<bits - 1))
}

// Add inserts position pos, whose key (not in the Dict) has hash h.
// walking says whether the table is being walked.
func (d *Dict) Add(h uint32, pos int32, walking bool) {
	if d.slots == nil {
		d.slots = []slot{{dist: -1}}
	}
	b := bucket(h, d.bits)
	_, at := d.scan(pos, b, len(d.slots))
	last := d.insertAt(slot{dist: int32(at - b), hash: h, pos: pos}, at)
	d.moved += int64(last - at)
	d.inserts++
	// Entries pushed from below remapEnd to above it still need a look.
	if d.remaps > 0 && at <= d.remapEnd && d.remapEnd < last {
		d.remapEnd = last
	}
	d.n++
	switch {
	case d.n > d.threshold():
		d.grow()
	case d.inserts > minDistanceCounts && d.moved > int64(d.inserts)*farDistance && d.n > minLoadPercent*len(d.slots)/100:
		d.grow()
	}
	if d.remaps > 0 {
		d.remap(walking)
	}
}

// Replace is the insertion of a key that is there already, at pos: Zeek
// looks it up and then takes its remapping step. It reports whether
// entries moved.
func (d *Dict) Replace(h uint32, pos int32, walking bool) bool {
	_, moved := d.lookup(h, pos, walking)
	if d.remaps > 0 && d.remap(walking) {
		moved = true
	}
	return moved
}

// Find is a lookup of the key at pos. It matters only while Remapping:
// an entry found where the table had it before growing is moved. It
// reports whether that happened.
func (d *Dict) Find(h uint32, pos int32, walking bool) bool {
	if d.remaps == 0 {
		return false
	}
	_, moved := d.lookup(h, pos, walking)
	return moved
}

// Remapping reports whether entries may still sit where the table had
// them before it last grew (lookups can then move them).
func (d *Dict) Remapping() bool { return d.remaps > 0 }

// Remove removes position pos, whose key has hash h.
func (d *Dict) Remove(h uint32, pos int32, walking bool) {
	if i, _ := d.lookup(h, pos, walking); i >= 0 {
		d.removeAt(i)
		d.n--
	}
}

// Reset empties the Dict: Zeek replaces a cleared table's dictionary
// with a new one.
func (d *Dict) Reset() { *d = Dict{} }

// Order appends the positions in walking order (slot order) to dst.
func (d *Dict) Order(dst []int32) []int32 {
	for _, s := range d.slots {
		if s.dist >= 0 {
			dst = append(dst, s.pos)
		}
	}
	return dst
}

// Renumber gives every entry the position newPos[pos]: the caller moved
// its entries.
func (d *Dict) Renumber(newPos []int32) {
	for i := range d.slots {
		if s := &d.slots[i]; s.dist >= 0 {
			s.pos = newPos[s.pos]
		}
	}
}

func (d *Dict) empty(i int) bool { return d.slots[i].dist < 0 }

// bucketAt is the bucket of the entry in slot i.
func (d *Dict) bucketAt(i int) int { return i - int(d.slots[i].dist) }

// threshold is the number of entries above which the table grows.
func (d *Dict) threshold() int {
	if d.bits <= thresholdBits {
		return len(d.slots)
	}
	return len(d.slots) * loadPercent / 100
}

// scan looks for pos in bucket b's cluster, from slot b up to end. It
// returns pos's slot or -1, and where the cluster ends (an insertion's
// slot).
func (d *Dict) scan(pos int32, b, end int) (found, clusterEnd int) {
	i := b
	for ; i < end && !d.empty(i) && d.bucketAt(i) <= b; i++ {
		if d.bucketAt(i) == b && d.slots[i].pos == pos {
			return i, i
		}
	}
	return -1, i
}

// lookup returns the slot of pos (hash h), or -1. Not found in its
// bucket, the entry may still sit where a smaller table had it (growth
// remaps incrementally); found there while nobody walks the table, it is
// moved to its bucket now, and moved reports that.
func (d *Dict) lookup(h uint32, pos int32, walking bool) (slot int, moved bool) {
	if d.slots == nil {
		return -1, false
	}
	if i, _ := d.scan(pos, bucket(h, d.bits), len(d.slots)); i >= 0 {
		return i, false
	}
	for r := 1; r <= d.remaps; r++ {
		b := bucket(h, d.bits-r)
		if b > d.remapEnd {
			continue
		}
		if i, _ := d.scan(pos, b, d.remapEnd+1); i >= 0 {
			if !walking {
				if moved, to := d.remapAt(i); moved {
					return to, true
				}
			}
			return i, false
		}
	}
	return -1, false
}

// insertAt puts e into slot at, the end of its cluster, and returns the
// last slot the insertion changed.
func (d *Dict) insertAt(e slot, at int) int {
	for {
		if at >= len(d.slots) {
			d.grow()
			d.slots[at] = e
			return at
		}
		if d.empty(at) {
			d.slots[at] = e
			return at
		}
		// The entry here moves to the end of its own cluster.
		t := d.slots[at]
		next := d.tail(at) + 1
		t.dist += int32(next - at)
		d.slots[at] = e
		e, at = t, next
	}
}

// removeAt empties slot i and closes the gap; it returns the removed
// entry.
func (d *Dict) removeAt(i int) slot {
	e := d.slots[i]
	for {
		if i == len(d.slots)-1 || d.empty(i+1) || d.slots[i+1].dist == 0 {
			d.slots[i] = slot{dist: -1}
			return e
		}
		next := d.tail(i + 1)
		m := d.slots[next]
		m.dist -= int32(next - i)
		d.slots[i] = m
		i = next
	}
}

// tail is the last slot of the cluster holding slot i.
func (d *Dict) tail(i int) int {
	b := d.bucketAt(i)
	j := i
	for j < len(d.slots) && !d.empty(j) && d.bucketAt(j) == b {
		j++
	}
	return j - 1
}

// clusterEnd is the slot after bucket b's cluster (or where it would be).
func (d *Dict) clusterEnd(b int) int {
	i := b
	for i < len(d.slots) && !d.empty(i) && d.bucketAt(i) <= b {
		i++
	}
	return i
}

// grow doubles the buckets; the slots keep their entries until remapped.
func (d *Dict) grow() {
	prev := len(d.slots)
	d.bits++
	for n := 1<<d.bits + d.bits; len(d.slots) < n; {
		d.slots = append(d.slots, slot{dist: -1})
	}
	// From prev (not prev-1): an insertion past the old end lands there.
	d.remapEnd = prev
	d.remaps++
	d.moved, d.inserts = 0, 0
}

// remap takes one remapping step: up to remapStep entries move to their
// buckets, looking from remapEnd down. Nothing moves during a walk. It
// reports whether entries moved.
func (d *Dict) remap(walking bool) (moved bool) {
	if walking {
		return false
	}
	for left := remapStep; d.remapEnd >= 0 && left > 0; {
		if !d.empty(d.remapEnd) {
			if ok, _ := d.remapAt(d.remapEnd); ok {
				// Whatever filled the slot is looked at next.
				moved = true
				left--
				continue
			}
		}
		d.remapEnd--
	}
	if d.remapEnd < 0 {
		d.remaps = 0
	}
	return moved
}

// remapAt moves the entry in slot i to its bucket in the current size,
// reporting whether it moved and to which slot.
func (d *Dict) remapAt(i int) (bool, int) {
	want := bucket(d.slots[i].hash, d.bits)
	if d.bucketAt(i) == want {
		return false, i
	}
	e := d.removeAt(i)
	at := d.clusterEnd(want)
	e.dist = int32(at - want)
	d.insertAt(e, at)
	return true, at
}
