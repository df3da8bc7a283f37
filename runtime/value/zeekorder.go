package value

import (
	"sync/atomic"

	"github.com/gobro/gobro/runtime/value/hashorder"
)

// Zeek walks a table that is not &ordered in the order of its hash
// table, which a seed file fixes. With UseZeekOrder, tables follow that
// order: each keeps, beside its own index, a shadow of Zeek's layout
// (hashorder.Dict) holding log positions, and when a walk starts after
// the layout changed, the log is put in the shadow's order. Walks
// themselves go through the log as always, so they cost the same in both
// modes. Lookups use the table's own index; the shadow only hears of the
// changes, and of the lookups Zeek would make, since those can move
// entries while Zeek's table is remapping after growth.
//
// The log is not reordered while a walk runs. A walk that changes its
// table (Zeek warns of iterator invalidation then) therefore goes on in
// the order it started with, skipping deleted entries and not visiting
// added ones, as in insertion order; a walk started inside it sees the
// entries added since last.

// zeekOrderKey is the key of Zeek's table hash while tables take Zeek's
// order, nil while they keep insertion order.
var zeekOrderKey atomic.Pointer[hashorder.Key]

// UseZeekOrder makes tables that are not &ordered walk in Zeek's hash
// order under key (nil: in insertion order, the default). It applies to
// tables from their first entry on (or the first after they are emptied),
// for the whole process: a run sets it before its scripts start.
func UseZeekOrder(key *hashorder.Key) { zeekOrderKey.Store(key) }

// zeekOrder is a table's shadow of Zeek's layout.
type zeekOrder struct {
	key    hashorder.Key
	dict   hashorder.Dict
	hashes []uint32 // each log position's key hash, aligned with Table.ents
	buf    []byte
	// scratch and newPos are zeekWalk's (scratch also compact's).
	scratch, newPos []int32
}

// ordered reports whether the table is &ordered (insertion order).
func (t *Table) ordered() bool { return t.Attrs != nil && t.Attrs.Ordered }

// startZeekOrder gives an empty table its shadow when tables take Zeek's
// order and its key types are hashed as Zeek does.
func (t *Table) startZeekOrder() {
	key := zeekOrderKey.Load()
	if key == nil || t.ordered() || !zeekHashable(t.Type.Index) {
		return
	}
	t.more().z = &zeekOrder{key: *key}
}

// add records the new entry at pos with key.
func (z *zeekOrder) add(t *Table, key []Value, pos int) {
	z.buf = appendZeekKey(z.buf[:0], key, t.Type.Index)
	h := z.key.Hash(z.buf)
	z.hashes = append(z.hashes, h)
	z.dict.Add(h, int32(pos), t.iters > 0)
	t.rare.zeekStale = true
}

// found records a lookup (or an overwrite, which looks the key up) of the
// entry at pos.
func (z *zeekOrder) found(t *Table, pos int, overwrite bool) {
	h, walking := z.hashes[pos], t.iters > 0
	var moved bool
	if overwrite {
		moved = z.dict.Replace(h, int32(pos), walking)
	} else {
		moved = z.dict.Find(h, int32(pos), walking)
	}
	if moved {
		t.rare.zeekStale = true
	}
}

// remove records the deletion of the entry at pos.
func (z *zeekOrder) remove(t *Table, pos int) {
	z.dict.Remove(z.hashes[pos], int32(pos), t.iters > 0)
	t.rare.zeekStale = true
}

// reset follows Table.Clear: Zeek gives a cleared table a new dictionary.
func (z *zeekOrder) reset(t *Table) {
	z.dict.Reset()
	if t.iters == 0 {
		z.hashes = z.hashes[:0]
	}
	t.rare.zeekStale = true
}

// compacted follows the log's compaction: newPos is each old position's
// new one, n the new length.
func (z *zeekOrder) compacted(newPos []int32, n int) {
	z.hashes = z.hashes[:n]
	z.dict.Renumber(newPos)
}

// copyTo gives n, a copy of t whose log holds t's live entries in walking
// order (from holds their positions in t), its own shadow: Zeek copies a
// table by inserting the entries in that order into a new one.
func (z *zeekOrder) copyTo(n *Table, from []int) {
	c := &zeekOrder{key: z.key, hashes: make([]uint32, 0, len(from))}
	for i, p := range from {
		h := z.hashes[p]
		c.hashes = append(c.hashes, h)
		c.dict.Add(h, int32(i), false)
	}
	r := n.more()
	r.z, r.zeekStale = c, true
}

// zeekWalk prepares a walk that no other walk encloses, when the log may
// be out of Zeek's order: the log is put in that order (dropping
// tombstones), or, for a table that turned out to be &ordered (the
// attributes of a constructor's table come after its entries), the
// shadow is dropped.
func (t *Table) zeekWalk() {
	r := t.rare
	r.zeekStale = false
	if t.ordered() {
		r.z = nil
		return
	}
	z := r.z
	order := z.dict.Order(z.scratch[:0])
	z.scratch = order
	ents := make([]entry, len(order), max(len(order), cap(t.ents)))
	hashes := make([]uint32, len(order), max(len(order), cap(z.hashes)))
	var keys [][]Value
	if r.keep {
		keys = make([][]Value, len(order), cap(ents))
	}
	var stamps []float64
	if r.stamps != nil {
		stamps = make([]float64, len(order), cap(ents))
	}
	newPos := z.newPos[:0]
	for range t.ents {
		newPos = append(newPos, -1)
	}
	z.newPos = newPos
	for i, p := range order {
		ents[i] = t.ents[p]
		hashes[i] = z.hashes[p]
		if keys != nil {
			keys[i] = r.keys[p]
		}
		if stamps != nil {
			stamps[i] = r.stamps[p]
		}
		newPos[p] = int32(i)
	}
	for i := range t.slots {
		if s := &t.slots[i]; s.pos != 0 {
			s.pos = uint32(newPos[s.pos-1]) + 1
		}
	}
	z.dict.Renumber(newPos)
	t.ents, z.hashes, r.keys = ents, hashes, keys
	if stamps != nil {
		r.stamps = stamps
	}
}
