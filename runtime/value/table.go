package value

import (
	"hash/maphash"
	"slices"
	"unsafe"

	"github.com/gobro/gobro/lang/types"
)

// Table is a table or set value.
//
// Entries live in a log kept in insertion order, so iteration and printing
// follow insertion order (our documented choice: deterministic, like
// Zeek's &ordered), unless the run has Zeek's seed: then tables that are
// not &ordered walk in Zeek's hash order (zeekorder.go). A deleted entry
// becomes a tombstone in the log; the log is compacted once tombstones
// outnumber live entries and no iteration is running, so deleting while
// iterating is safe and positions held by an iterator stay valid.
//
// The hash index is open addressing with linear probing over small
// (hash, position) slots; keys are compared as their compact encodings
// (key.go). A table[addr] of count costs an entry (48 bytes), the encoded
// key (4 bytes for IPv4) and about two index slots (16 bytes).
//
// Scripts keep several tables per connection that mostly stay empty, so
// Table holds only what lookups and walks need and the parts few tables
// use wait behind rare: an empty set[string] is a single 80-byte object.
//
// Not safe for concurrent use: tables belong to the script thread.
type Table struct {
	Type  *types.TableType
	Attrs *TableAttrs // nil when the table has none

	ents  []entry
	slots []slot // len is a power of two, or 0
	live  int32  // slot positions are 32 bits, so counts fit too
	iters int32  // running iterations; compaction waits for 0
	rare  *rareParts
}

// rareParts are the parts of a table that most tables never need, made
// on first need (see Table.more). Each is nil or zero when unused.
type rareParts struct {
	// keep is set when keys cannot be rebuilt from their encodings (see
	// key.go); keys then holds their values, parallel to Table.ents.
	keep bool
	keys [][]Value

	lpm *prefixLens // one-column subnet keys (subnet.go)
	z   *zeekOrder  // Zeek's layout, when walks follow it (zeekorder.go)
	// zeekStale is set when z's layout may have changed since the log was
	// put in its order. It is here rather than in z so that a walk's
	// start checks it in line.
	zeekStale bool

	// Expiry support (&create_expire, &read_expire, &write_expire):
	// stamps holds each entry's last access time by log position, kept
	// aligned with Table.ents.
	stamps []float64
	clock  *float64 // current network time, owned by the engine
	touch  Access

	// buf is the scratch for encoding keys too long for a keyBuf.
	buf []byte
}

// more returns t's rare parts, making them on first need.
func (t *Table) more() *rareParts {
	if t.rare == nil {
		t.rare = &rareParts{}
	}
	return t.rare
}

// keyBuf is room on the caller's stack for encoding a lookup key. Most
// keys (addrs, counts, ports, short names, IPv4 connection tuples) fit,
// so tables need no scratch of their own; a table that meets a longer key
// keeps a bigger scratch in rare.buf from then on. Lookups pay for
// zeroing the room, so it is no bigger than the usual key.
type keyBuf [32]byte

// scratch returns an empty buffer to encode a key of t in.
func (t *Table) scratch(stack *keyBuf) []byte {
	if t.rare != nil && t.rare.buf != nil {
		return t.rare.buf[:0]
	}
	return stack[:0]
}

// fitScratch notes the encoded key k: when it outgrew the scratch, the
// table gets one that fits for next time. A fresh buffer, not k itself,
// is kept so that k, which may be on the caller's stack, never escapes.
func (t *Table) fitScratch(k []byte) {
	if cap(k) <= len(keyBuf{}) || t.rare != nil && cap(k) <= cap(t.rare.buf) {
		return
	}
	t.more().buf = make([]byte, 0, cap(k))
}

// Access says which operations refresh an entry's expiry stamp.
type Access uint8

const (
	// AccessCreate: only insertion sets the stamp (&create_expire).
	AccessCreate Access = iota + 1
	// AccessWrite: insertion and overwrites (&write_expire).
	AccessWrite
	// AccessRead: insertion, overwrites and reads (&read_expire; in Zeek
	// a write counts as a read).
	AccessRead
)

// TrackAccess makes the table keep an access stamp per entry, refreshed
// as mode says, read from clock. Entries already there are stamped now.
func (t *Table) TrackAccess(mode Access, clock *float64) {
	r := t.more()
	r.touch, r.clock = mode, clock
	r.stamps = make([]float64, len(t.ents), cap(t.ents))
	for i := range r.stamps {
		r.stamps[i] = *clock
	}
}

// Tracking reports whether TrackAccess is in effect.
func (t *Table) Tracking() bool { return t.rare != nil && t.rare.stamps != nil }

// StampAt is the access stamp of the entry at pos.
func (t *Table) StampAt(pos int) float64 { return t.rare.stamps[pos] }

// SetStampAt sets the access stamp of the entry at pos (an &expire_func
// postponing expiry).
func (t *Table) SetStampAt(pos int, at float64) { t.rare.stamps[pos] = at }

// Pos returns the log position of key, or -1.
func (t *Table) Pos(key []Value) int {
	var stack keyBuf
	k := t.encode(key, &stack)
	i := t.find(k, hashKey(k))
	if i < 0 {
		return -1
	}
	return int(t.slots[i].pos - 1)
}

// readAt notes a read of the entry at pos for a &read_expire stamp.
func (r *rareParts) readAt(pos int) {
	if r.touch == AccessRead {
		r.stamps[pos] = *r.clock
	}
}

// found notes a lookup that found slot i, for the rare parts that heed
// reads: a &read_expire stamp, and the shadow of Zeek's layout while it
// is remapping. Zeek looks up a subnet-indexed table in its prefix table
// instead, which leaves the layout alone.
func (t *Table) found(i int) {
	r := t.rare
	pos := int(t.slots[i].pos - 1)
	r.readAt(pos)
	if r.z != nil && r.lpm == nil && r.z.dict.Remapping() {
		r.z.found(t, pos, false)
	}
}

// TableAttrs holds the per-table attributes the engine acts on. Only room
// is kept here for now; the engine owns their semantics (&default reads,
// expiry sweeps, change callbacks).
type TableAttrs struct {
	Default     Value // &default value (HasDefault), or a *Func (DefaultFunc)
	HasDefault  bool
	DefaultFunc bool
	DefaultIns  bool // &default_insert

	CreateExpire, ReadExpire, WriteExpire float64 // seconds; 0 = none
	ExpireFunc                            *Func
	OnChange                              *Func
	Ordered                               bool
	// InChange is set while the &on_change function runs: Zeek does not
	// re-enter it for changes it makes.
	InChange bool

	// Engine is free for the engine's own per-table state (expiry
	// timestamps, sweep cursor).
	Engine any

	// Broker store binding (&backend, &broker_store): StoreName is the
	// store the table is bound to, Backend the backend enum's name for
	// &backend ("" for &broker_store, whose store the script creates).
	// Mirror is set by the engine once the store is attached: writes,
	// deletes and expiry go through it to the store.
	StoreName, Backend string
	Mirror             TableMirror
}

// TableMirror receives the changes of a table bound to a store, after
// they are made to the table.
type TableMirror interface {
	Put(t *Table, key []Value, v Value)
	Delete(t *Table, key []Value)
	Clear(t *Table)
}

// Detached is a copy of a for another table: the engine's state and the
// store binding stay with the original (a copy of a store-backed table
// is an ordinary table).
func (a *TableAttrs) Detached() *TableAttrs {
	c := *a
	c.Engine = nil
	c.StoreName, c.Backend, c.Mirror = "", "", nil
	return &c
}

type entry struct {
	short uint64 // an encoded key of up to 7 bytes, packed (see packShort); 0 otherwise
	key   string // a longer encoded key
	val   Value  // yield; zero for sets; P == tombstone when deleted
}

// Keys of up to 7 bytes (IPv4 addrs, counts below 2^49, ports, enums,
// short strings) live inside the entry: no heap object per key, and a
// lookup touches one cache line less. The packed form holds the bytes
// little-endian with length+1 in the top byte, so it is never 0.
func packShort(k []byte) uint64 {
	if len(k) > 7 {
		return 0
	}
	var x uint64
	for i, c := range k {
		x |= uint64(c) << (8 * i)
	}
	return x | uint64(len(k)+1)<<56
}

// keyOf returns e's encoded key; buf backs a short key. The result is
// read-only: for long keys it views the stored string.
func (e *entry) keyOf(buf *[8]byte) []byte {
	if e.short != 0 {
		n := int(e.short>>56) - 1
		for i := range n {
			buf[i] = byte(e.short >> (8 * i))
		}
		return buf[:n]
	}
	return unsafe.Slice(unsafe.StringData(e.key), len(e.key))
}

func (e *entry) is(k []byte, packed uint64) bool {
	if packed != 0 {
		return e.short == packed
	}
	return e.short == 0 && e.key == string(k)
}

type tombstoneMarker struct{}

var tombstone any = &tombstoneMarker{}

func (e *entry) dead() bool { return e.val.P == tombstone }

// slot is one hash index cell: pos is the entry position + 1 (0 = empty).
type slot struct {
	hash uint32
	pos  uint32
}

var seed = maphash.MakeSeed()

func hashKey(k []byte) uint32 {
	h := maphash.Bytes(seed, k)
	return uint32(h ^ h>>32)
}

// NewTable returns an empty table (or set) of type t.
func NewTable(t *types.TableType) *Table {
	tab := &Table{Type: t}
	if !keyDecodable(t.Index) {
		tab.more().keep = true
	}
	if len(t.Index) == 1 && t.Index[0].Kind() == types.Subnet {
		tab.more().lpm = &prefixLens{}
	}
	return tab
}

// Len is the number of entries (|t|).
func (t *Table) Len() int { return int(t.live) }

// IsSet reports whether t is a set.
func (t *Table) IsSet() bool { return t.Type.Yield == nil }

// keeps reports whether t keeps its keys' values (rareParts.keep).
func (t *Table) keeps() bool { return t.rare != nil && t.rare.keep }

// encode encodes key into stack, or the table's scratch.
func (t *Table) encode(key []Value, stack *keyBuf) []byte {
	b := t.scratch(stack)
	idx := t.Type.Index
	for i, v := range key {
		b = appendKey(b, v, idx[i], i == len(idx)-1)
	}
	t.fitScratch(b)
	return b
}

// find returns the slot index holding encoded key k (with hash h), or -1.
func (t *Table) find(k []byte, h uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	packed := packShort(k)
	mask := len(t.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.pos == 0 {
			return -1
		}
		if s.hash == h && t.ents[s.pos-1].is(k, packed) {
			return i
		}
	}
}

// findKey is find for a key taken from another table's entry.
func (t *Table) findKey(e *entry) int {
	var buf [8]byte
	k := e.keyOf(&buf)
	return t.find(k, hashKey(k))
}

// Get returns the value at key (one Value per index column).
func (t *Table) Get(key []Value) (Value, bool) {
	var stack keyBuf
	return t.get(t.encode(key, &stack))
}

// Get1 is Get for a one-column index.
func (t *Table) Get1(k Value) (Value, bool) {
	// The one-column methods encode in place: a call to a helper costs
	// more than the rest of their overhead.
	var stack keyBuf
	b := appendKey(t.scratch(&stack), k, t.Type.Index[0], true)
	t.fitScratch(b)
	return t.get(b)
}

func (t *Table) get(k []byte) (Value, bool) {
	i := t.find(k, hashKey(k))
	if i < 0 {
		return Value{}, false
	}
	if t.rare != nil {
		t.found(i)
	}
	return t.ents[t.slots[i].pos-1].val, true
}

// Has reports whether key is present (`key in t`, exact match). Like a
// read, it refreshes a &read_expire stamp.
func (t *Table) Has(key []Value) bool {
	var stack keyBuf
	return t.has(t.encode(key, &stack))
}

// Has1 is Has for a one-column index.
func (t *Table) Has1(k Value) bool {
	var stack keyBuf
	b := appendKey(t.scratch(&stack), k, t.Type.Index[0], true)
	t.fitScratch(b)
	return t.has(b)
}

func (t *Table) has(k []byte) bool {
	i := t.find(k, hashKey(k))
	if i >= 0 && t.rare != nil {
		t.found(i)
	}
	return i >= 0
}

// Put sets t[key] = v (for sets v is ignored: use Add) and reports whether
// the key is new. Keys that cannot be rebuilt from their encoding are
// deep-copied, so later changes to a record used as a key do not reach
// the table, as in Zeek.
func (t *Table) Put(key []Value, v Value) bool {
	var stack keyBuf
	return t.put(t.encode(key, &stack), v, key)
}

// Put1 is Put for a one-column index.
func (t *Table) Put1(k Value, v Value) bool {
	var stack keyBuf
	b := appendKey(t.scratch(&stack), k, t.Type.Index[0], true)
	t.fitScratch(b)
	one := [1]Value{k}
	return t.put(b, v, one[:])
}

// Add adds key to a set.
func (t *Table) Add(key []Value) bool { return t.Put(key, Value{}) }

// Add1 is Add for a one-column set.
func (t *Table) Add1(k Value) bool { return t.Put1(k, Value{}) }

func (t *Table) put(k []byte, v Value, key []Value) bool {
	if t.IsSet() {
		v = Value{}
	}
	h := hashKey(k)
	if i := t.find(k, h); i >= 0 {
		pos := t.slots[i].pos - 1
		t.ents[pos].val = v
		if r := t.rare; r != nil {
			r.overwrote(t, int(pos))
		}
		return false
	}
	if (len(t.ents)+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	if len(t.ents) == 0 && (t.rare == nil || t.rare.z == nil) {
		t.startZeekOrder()
	}
	e := entry{short: packShort(k), val: v}
	if e.short == 0 {
		e.key = string(k)
	}
	if len(t.ents) == cap(t.ents) && len(t.ents) >= 1024 {
		// Double the log ourselves: append grows big slices by a quarter,
		// which copies a large table several times over.
		grown := make([]entry, len(t.ents), 2*cap(t.ents))
		copy(grown, t.ents)
		t.ents = grown
	}
	t.ents = append(t.ents, e)
	pos := len(t.ents)
	t.insertSlot(h, uint32(pos))
	t.live++
	if r := t.rare; r != nil {
		r.added(t, key, pos-1)
	}
	return true
}

// overwrote follows put's overwrite of the entry at pos.
func (r *rareParts) overwrote(t *Table, pos int) {
	if r.stamps != nil && r.touch != AccessCreate {
		r.stamps[pos] = *r.clock
	}
	if r.z != nil {
		r.z.found(t, pos, true)
	}
}

// added follows put's addition of key as the entry at pos.
func (r *rareParts) added(t *Table, key []Value, pos int) {
	if r.stamps != nil {
		r.stamps = append(r.stamps, *r.clock)
	}
	if r.keep {
		kept := make([]Value, len(key))
		for i, x := range key {
			kept[i] = Copy(x, t.Type.Index[i])
		}
		for len(r.keys) < pos {
			r.keys = append(r.keys, nil)
		}
		r.keys = append(r.keys, kept)
	}
	if r.lpm != nil {
		r.lpm.add(key[0].Subnet(), 1)
	}
	if r.z != nil {
		r.z.add(t, key, pos)
	}
}

func (t *Table) insertSlot(h, pos uint32) {
	mask := len(t.slots) - 1
	i := int(h) & mask
	for t.slots[i].pos != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{hash: h, pos: pos}
}

// mostlyDead reports whether tombstones outnumber live entries in the log.
func (t *Table) mostlyDead() bool { return len(t.ents) > 2*int(t.live) }

// grow makes room in the index; if the log is mostly tombstones it is
// compacted instead (when no iteration runs).
func (t *Table) grow() {
	if t.iters == 0 && t.mostlyDead() {
		t.compact()
		if (len(t.ents)+1)*4 <= len(t.slots)*3 {
			return
		}
	}
	n := len(t.slots) * 2
	if n < 8 {
		n = 8
	}
	for (len(t.ents)+1)*4 > n*3 {
		n *= 2
	}
	t.resize(n)
}

// resize moves the index to n slots using the hashes the slots keep: no
// key is hashed or even read again, so growing touches only the index.
func (t *Table) resize(n int) {
	old := t.slots
	t.slots = make([]slot, n)
	for _, s := range old {
		if s.pos != 0 {
			t.insertSlot(s.hash, s.pos)
		}
	}
}

// rehash rebuilds the index with room for the log (none for an empty
// one).
func (t *Table) rehash() {
	if len(t.ents) == 0 {
		t.slots = nil
		return
	}
	n := 8
	for (len(t.ents)+1)*4 > n*3 {
		n *= 2
	}
	t.slots = make([]slot, n)
	for i := range t.ents {
		e := &t.ents[i]
		if e.dead() {
			continue
		}
		var buf [8]byte
		t.insertSlot(hashKey(e.keyOf(&buf)), uint32(i+1))
	}
}

// compact drops tombstones from the log and rebuilds the index.
func (t *Table) compact() {
	r := t.rare
	if r == nil {
		var none rareParts // nothing rides along (and nothing is made)
		r = &none
	}
	var newPos []int32 // for Zeek's layout: each old position's new one
	if r.z != nil {
		newPos = r.z.scratch[:0]
		for range t.ents {
			newPos = append(newPos, -1)
		}
		r.z.scratch = newPos
	}
	j := 0
	for i := range t.ents {
		if t.ents[i].dead() {
			continue
		}
		t.ents[j] = t.ents[i]
		if r.keep {
			r.keys[j] = r.keys[i]
		}
		if r.stamps != nil {
			r.stamps[j] = r.stamps[i]
		}
		if r.z != nil {
			r.z.hashes[j] = r.z.hashes[i]
			newPos[i] = int32(j)
		}
		j++
	}
	if r.z != nil {
		r.z.compacted(newPos, j)
	}
	clear(t.ents[j:])
	t.ents = t.ents[:j]
	if r.stamps != nil {
		r.stamps = r.stamps[:j]
	}
	if r.keep {
		clear(r.keys[j:])
		r.keys = r.keys[:j]
	}
	t.rehash()
}

// Delete removes key and reports whether it was present.
func (t *Table) Delete(key []Value) bool {
	var stack keyBuf
	return t.delete(t.encode(key, &stack))
}

// Delete1 is Delete for a one-column index.
func (t *Table) Delete1(k Value) bool {
	var stack keyBuf
	b := appendKey(t.scratch(&stack), k, t.Type.Index[0], true)
	t.fitScratch(b)
	return t.delete(b)
}

func (t *Table) delete(k []byte) bool {
	i := t.find(k, hashKey(k))
	if i < 0 {
		return false
	}
	pos := int(t.slots[i].pos - 1)
	if r := t.rare; r != nil {
		r.deleting(t, pos)
	}
	t.ents[pos] = entry{val: Value{P: tombstone}}
	t.live--
	t.removeSlot(i)
	if t.iters == 0 && len(t.ents) > 16 && t.mostlyDead() {
		t.compact()
	}
	return true
}

// deleting follows delete before the entry at pos becomes a tombstone.
func (r *rareParts) deleting(t *Table, pos int) {
	if r.lpm != nil {
		var buf [8]byte
		sn, _ := decodeCol(t.ents[pos].keyOf(&buf), t.Type.Index[0], true)
		r.lpm.add(sn.Subnet(), -1)
	}
	if r.z != nil {
		r.z.remove(t, pos)
	}
	if r.keep {
		r.keys[pos] = nil
	}
}

// removeSlot empties slot i, shifting later members of its probe run back
// so lookups never stop early (no index tombstones needed).
func (t *Table) removeSlot(i int) {
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; t.slots[j].pos != 0; j = (j + 1) & mask {
		home := int(t.slots[j].hash) & mask
		// Move j into the hole at i unless its home lies cyclically in (i, j].
		if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = slot{}
}

// Clear removes every entry. During an iteration the entries become
// tombstones so the iterator's positions stay valid.
func (t *Table) Clear() {
	r := t.rare
	if r != nil && r.z != nil {
		r.z.reset(t)
	}
	if t.iters > 0 {
		for i := range t.ents {
			t.ents[i] = entry{val: Value{P: tombstone}}
		}
		clear(t.slots)
		if r != nil {
			clear(r.keys)
		}
	} else {
		t.ents, t.slots = nil, nil
		if r != nil {
			r.keys = nil
			if r.stamps != nil {
				r.stamps = r.stamps[:0]
			}
		}
	}
	t.live = 0
	if r != nil && r.lpm != nil {
		r.lpm = &prefixLens{}
	}
}

// copyTable is copy() of a table: its live entries, in walking order,
// with their values copied. Encoded keys are immutable strings, and kept
// keys were copied on insertion, so both are shared.
func (c *copier) copyTable(x *Table) *Table {
	end := x.End() // in Zeek's order, if x follows it
	n := &Table{Type: x.Type, live: x.live}
	c.memo(x, n)
	if x.Attrs != nil {
		n.Attrs = x.Attrs.Detached()
	}
	xr := x.rare
	if xr == nil {
		var none rareParts // nothing to carry over (and nothing is made)
		xr = &none
	}
	if xr.keep || xr.lpm != nil || xr.stamps != nil {
		nr := n.more()
		nr.keep, nr.clock, nr.touch = xr.keep, xr.clock, xr.touch
		if xr.stamps != nil {
			nr.stamps = make([]float64, 0, x.live)
		}
		if xr.lpm != nil {
			l := *xr.lpm
			l.lens = [2][]uint8{slices.Clone(xr.lpm.lens[0]), slices.Clone(xr.lpm.lens[1])}
			nr.lpm = &l
		}
	}
	n.ents = make([]entry, 0, x.live)
	yt := x.Type.Yield
	var from []int // x's positions, for Zeek's layout
	for pos := x.Next(-1, end); pos >= 0; pos = x.Next(pos, end) {
		if xr.z != nil {
			from = append(from, pos)
		}
		e := x.ents[pos]
		if yt != nil {
			e.val = c.copy(e.val, yt)
		}
		n.ents = append(n.ents, e)
		if xr.keep {
			n.rare.keys = append(n.rare.keys, xr.keys[pos])
		}
		if xr.stamps != nil {
			n.rare.stamps = append(n.rare.stamps, xr.stamps[pos])
		}
	}
	n.rehash()
	if xr.z != nil && !n.ordered() {
		xr.z.copyTo(n, from)
	}
	return n
}

// ---- iteration ----

// Iter walks a table in insertion order (or Zeek's, zeekorder.go).
// Entries deleted during the walk are skipped; entries added during the
// walk are not visited. The compiler may instead use the position API
// (Next, KeyAt, ValAt) between BeginIter and EndIter.
//
//	it := t.Iter()
//	for it.Next() { k := it.Key1(); v := it.Val() }
//
// Next returns false at the end and then releases the table; a loop left
// early (break, return, error) must call it.Done().
type Iter struct {
	t        *Table
	pos, end int
}

// Iter starts an iteration.
func (t *Table) Iter() Iter {
	t.BeginIter()
	return Iter{t: t, pos: -1, end: len(t.ents)}
}

// Next advances to the next live entry.
func (it *Iter) Next() bool {
	if it.t == nil {
		return false
	}
	it.pos = it.t.Next(it.pos, it.end)
	if it.pos < 0 {
		it.Done()
		return false
	}
	return true
}

// Done ends the iteration; calling it again is harmless.
func (it *Iter) Done() {
	if it.t != nil {
		it.t.EndIter()
		it.t = nil
	}
}

// Pos is the current entry's position.
func (it *Iter) Pos() int { return it.pos }

// Key appends the current key's columns to dst.
func (it *Iter) Key(dst []Value) []Value { return it.t.KeyAt(it.pos, dst) }

// Key1 returns the current key of a one-column table.
func (it *Iter) Key1() Value { return it.t.Key1At(it.pos) }

// Val returns the current entry's value.
func (it *Iter) Val() Value { return it.t.ents[it.pos].val }

// BeginIter and EndIter bracket a position-based walk: while any walk
// runs, deletions leave tombstones in place instead of compacting, and
// the log keeps its order. A walk that changes its table (or looks it up)
// must be bracketed.
func (t *Table) BeginIter() {
	if t.rare != nil && t.rare.zeekStale && t.iters == 0 {
		t.zeekWalk()
	}
	t.iters++
}

// EndIter ends a walk started by BeginIter.
func (t *Table) EndIter() {
	t.iters--
	if t.iters == 0 && len(t.ents) > 16 && t.mostlyDead() {
		t.compact()
	}
}

// End is the position after the last entry (for a walk's bound). Out of
// a bracketed walk it puts the log in Zeek's order first when the table
// follows it.
func (t *Table) End() int {
	if t.rare != nil && t.rare.zeekStale && t.iters == 0 {
		t.zeekWalk()
	}
	return len(t.ents)
}

// Next returns the first live position after pos and before end, or -1.
// Start with pos = -1 and end = t.End() taken when the walk began.
func (t *Table) Next(pos, end int) int {
	end = min(end, len(t.ents))
	for pos++; pos < end; pos++ {
		if !t.ents[pos].dead() {
			return pos
		}
	}
	return -1
}

// KeyAt appends the key columns of the entry at pos to dst.
func (t *Table) KeyAt(pos int, dst []Value) []Value {
	if t.keeps() {
		// Kept keys may be records: hand out copies, as Zeek rebuilds
		// index values, so the loop body cannot change the stored key.
		for i, k := range t.rare.keys[pos] {
			dst = append(dst, Copy(k, t.Type.Index[i]))
		}
		return dst
	}
	var buf [8]byte
	return decodeKey(dst, t.ents[pos].keyOf(&buf), t.Type.Index)
}

// Key1At returns the key of the entry at pos in a one-column table.
func (t *Table) Key1At(pos int) Value {
	if t.keeps() {
		return Copy(t.rare.keys[pos][0], t.Type.Index[0])
	}
	var buf [8]byte
	v, _ := decodeCol(t.ents[pos].keyOf(&buf), t.Type.Index[0], true)
	return v
}

// ValAt returns the value of the entry at pos.
func (t *Table) ValAt(pos int) Value { return t.ents[pos].val }

// SetValAt replaces the value of the live entry at pos.
func (t *Table) SetValAt(pos int, v Value) { t.ents[pos].val = v }
