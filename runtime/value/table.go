package value

import (
	"hash/maphash"
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
// (key.go). A table[addr] of count costs an entry (32 bytes), the encoded
// key (4 bytes for IPv4) and about two index slots (16 bytes).
//
// Not safe for concurrent use: tables belong to the script thread.
type Table struct {
	Type  *types.TableType
	Attrs *TableAttrs // nil when the table has none

	ents  []entry
	keys  [][]Value // parallel to ents when keys are not decodable (see key.go)
	slots []slot    // len is a power of two, or 0
	live  int
	iters int    // running iterations; compaction waits for 0
	keep  bool   // keys are kept as values in keys (not decodable)
	buf   []byte // scratch for encoding lookup keys
	lpm   *prefixLens
	z     *zeekOrder // Zeek's layout, when walks follow it (zeekorder.go)

	// Expiry support (&create_expire, &read_expire, &write_expire):
	// stamps holds each entry's last access time by log position, kept
	// aligned with ents; nil for tables without expiry, so others pay
	// one nil check.
	stamps []float64
	clock  *float64 // current network time, owned by the engine
	touch  Access
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
	t.touch, t.clock = mode, clock
	t.stamps = make([]float64, len(t.ents), cap(t.ents))
	for i := range t.stamps {
		t.stamps[i] = *clock
	}
}

// Tracking reports whether TrackAccess is in effect.
func (t *Table) Tracking() bool { return t.stamps != nil }

// StampAt is the access stamp of the entry at pos.
func (t *Table) StampAt(pos int) float64 { return t.stamps[pos] }

// SetStampAt sets the access stamp of the entry at pos (an &expire_func
// postponing expiry).
func (t *Table) SetStampAt(pos int, at float64) { t.stamps[pos] = at }

// Pos returns the log position of key, or -1.
func (t *Table) Pos(key []Value) int {
	k := t.encode(key)
	i := t.find(k, hashKey(k))
	if i < 0 {
		return -1
	}
	return int(t.slots[i].pos - 1)
}

// read notes a read of the entry in slot i.
func (t *Table) read(i int) {
	if t.touch == AccessRead {
		t.stamps[t.slots[i].pos-1] = *t.clock
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
	tab := &Table{Type: t, keep: !keyDecodable(t.Index)}
	if len(t.Index) == 1 && t.Index[0].Kind() == types.Subnet {
		tab.lpm = &prefixLens{}
	}
	return tab
}

// Len is the number of entries (|t|).
func (t *Table) Len() int { return t.live }

// IsSet reports whether t is a set.
func (t *Table) IsSet() bool { return t.Type.Yield == nil }

// encode encodes key into the scratch buffer.
func (t *Table) encode(key []Value) []byte {
	b := t.buf[:0]
	idx := t.Type.Index
	for i, v := range key {
		b = appendKey(b, v, idx[i], i == len(idx)-1)
	}
	t.buf = b
	return b
}

func (t *Table) encode1(k Value) []byte {
	t.buf = appendKey(t.buf[:0], k, t.Type.Index[0], true)
	return t.buf
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
func (t *Table) Get(key []Value) (Value, bool) { return t.get(t.encode(key)) }

// Get1 is Get for a one-column index.
func (t *Table) Get1(k Value) (Value, bool) { return t.get(t.encode1(k)) }

func (t *Table) get(k []byte) (Value, bool) {
	i := t.find(k, hashKey(k))
	if i < 0 {
		return Value{}, false
	}
	if t.stamps != nil {
		t.read(i)
	}
	if t.z != nil && t.z.dict.Remapping() {
		t.zeekFind(i)
	}
	return t.ents[t.slots[i].pos-1].val, true
}

// zeekFind tells the shadow of Zeek's layout, while it is remapping, of
// a lookup that found slot i. Zeek looks up a subnet-indexed table in its
// prefix table instead.
func (t *Table) zeekFind(i int) {
	if t.lpm == nil {
		t.z.found(t, int(t.slots[i].pos-1), false)
	}
}

// Has reports whether key is present (`key in t`, exact match). Like a
// read, it refreshes a &read_expire stamp.
func (t *Table) Has(key []Value) bool { return t.has(t.encode(key)) }

// Has1 is Has for a one-column index.
func (t *Table) Has1(k Value) bool { return t.has(t.encode1(k)) }

func (t *Table) has(k []byte) bool {
	i := t.find(k, hashKey(k))
	if i >= 0 && t.stamps != nil {
		t.read(i)
	}
	if i >= 0 && t.z != nil && t.z.dict.Remapping() {
		t.zeekFind(i)
	}
	return i >= 0
}

// Put sets t[key] = v (for sets v is ignored: use Add) and reports whether
// the key is new. Keys that cannot be rebuilt from their encoding are
// deep-copied, so later changes to a record used as a key do not reach
// the table, as in Zeek.
func (t *Table) Put(key []Value, v Value) bool {
	k := t.encode(key)
	return t.put(k, v, key)
}

// Put1 is Put for a one-column index.
func (t *Table) Put1(k Value, v Value) bool {
	var one [1]Value
	one[0] = k
	return t.put(t.encode1(k), v, one[:])
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
		if t.stamps != nil && t.touch != AccessCreate {
			t.stamps[pos] = *t.clock
		}
		if t.z != nil {
			t.z.found(t, int(pos), true)
		}
		return false
	}
	if (len(t.ents)+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	if t.z == nil && len(t.ents) == 0 {
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
	if t.stamps != nil {
		t.stamps = append(t.stamps, *t.clock)
	}
	if t.keep {
		kept := make([]Value, len(key))
		for i, x := range key {
			kept[i] = Copy(x, t.Type.Index[i])
		}
		for len(t.keys) < pos-1 {
			t.keys = append(t.keys, nil)
		}
		t.keys = append(t.keys, kept)
	}
	t.insertSlot(h, uint32(pos))
	t.live++
	if t.lpm != nil {
		t.lpm.add(key[0].Subnet(), 1)
	}
	if t.z != nil {
		t.z.add(t, key, pos-1)
	}
	return true
}

func (t *Table) insertSlot(h, pos uint32) {
	mask := len(t.slots) - 1
	i := int(h) & mask
	for t.slots[i].pos != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{hash: h, pos: pos}
}

// grow makes room in the index; if the log is mostly tombstones it is
// compacted instead (when no iteration runs).
func (t *Table) grow() {
	if t.iters == 0 && len(t.ents)-t.live > t.live {
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

// rehash rebuilds the index with n slots.
func (t *Table) rehash(n int) {
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
	var newPos []int32 // for Zeek's layout: each old position's new one
	if t.z != nil {
		newPos = t.z.scratch[:0]
		for range t.ents {
			newPos = append(newPos, -1)
		}
		t.z.scratch = newPos
	}
	j := 0
	for i := range t.ents {
		if t.ents[i].dead() {
			continue
		}
		t.ents[j] = t.ents[i]
		if t.keep {
			t.keys[j] = t.keys[i]
		}
		if t.stamps != nil {
			t.stamps[j] = t.stamps[i]
		}
		if t.z != nil {
			t.z.hashes[j] = t.z.hashes[i]
			newPos[i] = int32(j)
		}
		j++
	}
	if t.z != nil {
		t.z.compacted(newPos, j)
	}
	clear(t.ents[j:])
	t.ents = t.ents[:j]
	if t.stamps != nil {
		t.stamps = t.stamps[:j]
	}
	if t.keep {
		clear(t.keys[j:])
		t.keys = t.keys[:j]
	}
	n := 8
	for (j+1)*4 > n*3 {
		n *= 2
	}
	t.rehash(n)
}

// Delete removes key and reports whether it was present.
func (t *Table) Delete(key []Value) bool { return t.delete(t.encode(key)) }

// Delete1 is Delete for a one-column index.
func (t *Table) Delete1(k Value) bool { return t.delete(t.encode1(k)) }

func (t *Table) delete(k []byte) bool {
	i := t.find(k, hashKey(k))
	if i < 0 {
		return false
	}
	pos := int(t.slots[i].pos - 1)
	if t.lpm != nil {
		var buf [8]byte
		sn, _ := decodeCol(t.ents[pos].keyOf(&buf), t.Type.Index[0], true)
		t.lpm.add(sn.Subnet(), -1)
	}
	if t.z != nil {
		t.z.remove(t, pos)
	}
	t.ents[pos] = entry{val: Value{P: tombstone}}
	if t.keep {
		t.keys[pos] = nil
	}
	t.live--
	t.removeSlot(i)
	if t.iters == 0 && len(t.ents) > 16 && len(t.ents)-t.live > t.live {
		t.compact()
	}
	return true
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
	if t.z != nil {
		t.z.reset(t)
	}
	if t.iters > 0 {
		for i := range t.ents {
			t.ents[i] = entry{val: Value{P: tombstone}}
		}
		if t.keep {
			clear(t.keys)
		}
		clear(t.slots)
	} else {
		t.ents, t.keys, t.slots = nil, nil, nil
		if t.stamps != nil {
			t.stamps = t.stamps[:0]
		}
	}
	t.live = 0
	if t.lpm != nil {
		t.lpm = &prefixLens{}
	}
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
	if t.z != nil && t.z.stale && t.iters == 0 {
		t.zeekWalk()
	}
	t.iters++
}

// EndIter ends a walk started by BeginIter.
func (t *Table) EndIter() {
	t.iters--
	if t.iters == 0 && len(t.ents) > 16 && len(t.ents)-t.live > t.live {
		t.compact()
	}
}

// End is the position after the last entry (for a walk's bound). Out of
// a bracketed walk it puts the log in Zeek's order first when the table
// follows it.
func (t *Table) End() int {
	if t.z != nil && t.z.stale && t.iters == 0 {
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
	if t.keep {
		// Kept keys may be records: hand out copies, as Zeek rebuilds
		// index values, so the loop body cannot change the stored key.
		for i, k := range t.keys[pos] {
			dst = append(dst, Copy(k, t.Type.Index[i]))
		}
		return dst
	}
	var buf [8]byte
	return decodeKey(dst, t.ents[pos].keyOf(&buf), t.Type.Index)
}

// Key1At returns the key of the entry at pos in a one-column table.
func (t *Table) Key1At(pos int) Value {
	if t.keep {
		return Copy(t.keys[pos][0], t.Type.Index[0])
	}
	var buf [8]byte
	v, _ := decodeCol(t.ents[pos].keyOf(&buf), t.Type.Index[0], true)
	return v
}

// ValAt returns the value of the entry at pos.
func (t *Table) ValAt(pos int) Value { return t.ents[pos].val }

// SetValAt replaces the value of the live entry at pos.
func (t *Table) SetValAt(pos int, v Value) { t.ents[pos].val = v }
