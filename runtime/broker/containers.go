package broker

import (
	"slices"
	"sort"
)

// Set is a set of data kept in Broker's order without duplicates, which
// is the order its encoding lists the elements in. The zero value is an
// empty set.
type Set struct {
	elems []Data
}

// NewSet makes a set of the given elements; of equal elements (in
// Broker's order) the first one given is kept, as Broker's sets do.
func NewSet(elems ...Data) *Set {
	s := &Set{elems: slices.Clone(elems)}
	sortStable(s.elems)
	s.elems = slices.CompactFunc(s.elems, Equal)
	return s
}

// Len is the number of elements.
func (s *Set) Len() int { return len(s.elems) }

// Elems are the elements in Broker's order. The slice belongs to the set:
// do not modify it.
func (s *Set) Elems() []Data { return s.elems }

func (s *Set) find(d Data) (int, bool) {
	return sort.Find(len(s.elems), func(i int) int { return Compare(d, s.elems[i]) })
}

// Contains reports whether d is an element.
func (s *Set) Contains(d Data) bool {
	_, ok := s.find(d)
	return ok
}

// Insert adds d and reports whether it was new.
func (s *Set) Insert(d Data) bool {
	i, ok := s.find(d)
	if ok {
		return false
	}
	s.elems = slices.Insert(s.elems, i, d)
	return true
}

// Remove deletes d and reports whether it was there.
func (s *Set) Remove(d Data) bool {
	i, ok := s.find(d)
	if ok {
		s.elems = slices.Delete(s.elems, i, i+1)
	}
	return ok
}

// Clear removes every element.
func (s *Set) Clear() { s.elems = nil }

// TableEntry is one key/value pair of a Table.
type TableEntry struct {
	Key, Value Data
}

// Table maps keys to values, kept in Broker's order of the keys. The zero
// value is an empty table.
type Table struct {
	entries []TableEntry
}

// NewTable makes a table of the given entries; of entries with equal keys
// the first one given is kept.
func NewTable(entries ...TableEntry) *Table {
	t := &Table{entries: slices.Clone(entries)}
	slices.SortStableFunc(t.entries, func(a, b TableEntry) int { return Compare(a.Key, b.Key) })
	t.entries = slices.CompactFunc(t.entries, func(a, b TableEntry) bool { return Equal(a.Key, b.Key) })
	return t
}

// Len is the number of entries.
func (t *Table) Len() int { return len(t.entries) }

// Entries are the entries in key order. The slice belongs to the table.
func (t *Table) Entries() []TableEntry { return t.entries }

func (t *Table) find(k Data) (int, bool) {
	return sort.Find(len(t.entries), func(i int) int { return Compare(k, t.entries[i].Key) })
}

// Lookup returns the value at key k.
func (t *Table) Lookup(k Data) (Data, bool) {
	if i, ok := t.find(k); ok {
		return t.entries[i].Value, true
	}
	return nil, false
}

// Insert sets t[k] = v and returns the value it replaced, if any.
func (t *Table) Insert(k, v Data) (old Data, replaced bool) {
	i, ok := t.find(k)
	if ok {
		old = t.entries[i].Value
		t.entries[i].Value = v
		return old, true
	}
	t.entries = slices.Insert(t.entries, i, TableEntry{Key: k, Value: v})
	return nil, false
}

// Remove deletes key k and returns its value, if it was there.
func (t *Table) Remove(k Data) (Data, bool) {
	i, ok := t.find(k)
	if !ok {
		return nil, false
	}
	v := t.entries[i].Value
	t.entries = slices.Delete(t.entries, i, i+1)
	return v, true
}

// Clear removes every entry.
func (t *Table) Clear() { t.entries = nil }

func sortStable(ds []Data) { slices.SortStableFunc(ds, Compare) }
