// Package intel is the indicator store behind the intelligence framework
// (base/frameworks/intel): indicators of every type with one metadata
// record per source, matched at native speed and kept compactly, so that
// millions of indicators fit in a fraction of what script tables of
// tables would need.
//
// The store knows nothing of the script beyond its values: the metadata
// records are the script's own Intel::MetaData records (with whatever
// fields policy scripts redef'd in), kept by reference, and identical ones
// are shared. Hooks, events and logging stay in main.zeek.
package intel

import (
	"net/netip"
	"sort"
	"strings"

	"github.com/gobro/gobro/runtime/value"
)

// Kind says how an indicator type is keyed.
type Kind uint8

const (
	KindString Kind = iota // folded string, per type
	KindAddr               // one address
	KindSubnet             // a network, matching every address in it
)

// Key is one indicator: its type (the script's Intel::Type value) and,
// by kind, its address, network or folded string.
type Key struct {
	Type int64
	Addr netip.Addr
	Net  netip.Prefix
	Str  string
}

// Store holds the indicators. It is not safe for concurrent use (the
// script runs on one goroutine).
type Store struct {
	addrType, subnetType int64

	addrs4 map[uint32]uint32 // IPv4 addresses: half the key, twice as fast
	addrs6 map[[16]byte]uint32
	nets   trie
	strs   map[int64]map[string]uint32

	ents []entry
	free []uint32
	pool pool
}

// entry is one indicator's metadata, one record per source, and the
// network time it was last inserted (for expiry).
type entry struct {
	first   *value.Record
	more    *[]*value.Record
	written float64
}

// New makes a store; addrType and subnetType are the values of
// Intel::ADDR and Intel::SUBNET.
func New(addrType, subnetType int64) *Store {
	return &Store{
		addrType:   addrType,
		subnetType: subnetType,
		addrs4:     map[uint32]uint32{},
		addrs6:     map[[16]byte]uint32{},
		strs:       map[int64]map[string]uint32{},
		pool:       pool{m: map[string]*pooled{}},
	}
}

// KindOf is how indicators of type t are keyed.
func (s *Store) KindOf(t int64) Kind {
	switch t {
	case s.addrType:
		return KindAddr
	case s.subnetType:
		return KindSubnet
	}
	return KindString
}

// Len is the number of indicators.
func (s *Store) Len() int { return len(s.ents) - len(s.free) }

// Fold is how string indicators are compared: without regard to ASCII
// case, as Zeek lowercases them on insertion and lookup.
func Fold(str string) string {
	for i := 0; i < len(str); i++ {
		if c := str[i]; 'A' <= c && c <= 'Z' {
			b := []byte(str)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return str
}

// find is the entry of an indicator.
func (s *Store) find(k Key) (uint32, bool) {
	switch s.KindOf(k.Type) {
	case KindAddr:
		return s.addrEntry(k.Addr)
	case KindSubnet:
		kk, bits := prefixKey(k.Net)
		return s.nets.get(kk, bits)
	}
	i, ok := s.strs[k.Type][Fold(k.Str)]
	return i, ok
}

// Insert adds meta to an indicator, replacing the record of the same
// source, and marks it written at now. It reports whether the indicator
// is new.
func (s *Store) Insert(k Key, meta *value.Record, now float64) (isNew bool) {
	meta = s.pool.intern(meta)
	if i, ok := s.find(k); ok {
		e := &s.ents[i]
		e.written = now
		s.setMeta(e, meta)
		return false
	}
	i := s.alloc(entry{first: meta, written: now})
	switch s.KindOf(k.Type) {
	case KindAddr:
		if a := k.Addr.Unmap(); a.Is4() {
			s.addrs4[v4(a)] = i
		} else {
			s.addrs6[a.As16()] = i
		}
	case KindSubnet:
		kk, bits := prefixKey(k.Net)
		s.nets.put(kk, bits, i)
	default:
		m := s.strs[k.Type]
		if m == nil {
			m = map[string]uint32{}
			s.strs[k.Type] = m
		}
		// A copy: the indicator may be a slice of the input
		// reader's arena, which it would otherwise keep alive.
		m[strings.Clone(Fold(k.Str))] = i
	}
	return true
}

func (s *Store) alloc(e entry) uint32 {
	if n := len(s.free); n > 0 {
		i := s.free[n-1]
		s.free = s.free[:n-1]
		s.ents[i] = e
		return i
	}
	s.ents = append(s.ents, e)
	return uint32(len(s.ents) - 1)
}

// setMeta replaces the record of meta's source, or adds it.
func (s *Store) setMeta(e *entry, meta *value.Record) {
	src := Source(meta)
	if Source(e.first) == src {
		s.pool.release(e.first)
		e.first = meta
		return
	}
	if e.more != nil {
		for j, m := range *e.more {
			if Source(m) == src {
				s.pool.release(m)
				(*e.more)[j] = meta
				return
			}
		}
		*e.more = append(*e.more, meta)
		return
	}
	e.more = &[]*value.Record{meta}
}

// Source is a metadata record's source.
func Source(meta *value.Record) string {
	return meta.Field(0).Str() // source is MetaData's first field
}

// Removal says what Remove did.
type Removal int

const (
	NotFound      Removal = iota // no such indicator
	MetaRemoved                  // the source's record went, others stay
	IndicatorGone                // the indicator went with all its records
)

// Remove removes source's record of an indicator, and the indicator when
// none is left or purge is set.
func (s *Store) Remove(k Key, source string, purge bool) Removal {
	i, ok := s.find(k)
	if !ok {
		return NotFound
	}
	e := &s.ents[i]
	if !purge {
		s.dropSource(e, source)
		if e.first != nil {
			return MetaRemoved
		}
	}
	s.forEachMeta(e, s.pool.release)
	s.ents[i] = entry{}
	s.free = append(s.free, i)
	switch s.KindOf(k.Type) {
	case KindAddr:
		if a := k.Addr.Unmap(); a.Is4() {
			delete(s.addrs4, v4(a))
		} else {
			delete(s.addrs6, a.As16())
		}
	case KindSubnet:
		kk, bits := prefixKey(k.Net)
		s.nets.del(kk, bits)
	default:
		delete(s.strs[k.Type], Fold(k.Str))
	}
	return IndicatorGone
}

// dropSource removes one source's record (first is nil when none is left).
func (s *Store) dropSource(e *entry, source string) {
	var keep []*value.Record
	s.forEachMeta(e, func(m *value.Record) {
		if Source(m) == source {
			s.pool.release(m)
			return
		}
		keep = append(keep, m)
	})
	e.first, e.more = nil, nil
	if len(keep) > 0 {
		e.first = keep[0]
	}
	if len(keep) > 1 {
		rest := keep[1:]
		e.more = &rest
	}
}

func (s *Store) forEachMeta(e *entry, f func(*value.Record)) {
	if e.first != nil {
		f(e.first)
	}
	if e.more != nil {
		for _, m := range *e.more {
			f(m)
		}
	}
}

// Metas are the records of an indicator, in source insertion order.
func (s *Store) Metas(k Key) []*value.Record {
	i, ok := s.find(k)
	if !ok {
		return nil
	}
	return s.metasAt(i)
}

func (s *Store) metasAt(i uint32) []*value.Record {
	var out []*value.Record
	s.forEachMeta(&s.ents[i], func(m *value.Record) { out = append(out, m) })
	return out
}

// Has reports whether an indicator is in the store (exactly: an address
// is not looked up in the networks here).
func (s *Store) Has(k Key) bool {
	_, ok := s.find(k)
	return ok
}

func (s *Store) addrEntry(a netip.Addr) (uint32, bool) {
	var i uint32
	var ok bool
	if a = a.Unmap(); a.Is4() {
		i, ok = s.addrs4[v4(a)]
	} else {
		i, ok = s.addrs6[a.As16()]
	}
	return i, ok
}

func v4(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// HasString reports whether a string indicator of type t is there.
func (s *Store) HasString(t int64, str string) bool {
	_, ok := s.strs[t][Fold(str)]
	return ok
}

// HasAddr reports whether an address matches: as an ADDR indicator or
// inside a SUBNET one.
func (s *Store) HasAddr(a netip.Addr) bool {
	if _, ok := s.addrEntry(a); ok {
		return true
	}
	found := false
	s.nets.containing(keyOf(a), func(uint32, key128, uint8) bool {
		found = true
		return false
	})
	return found
}

// Match is one matching indicator with its records.
type Match struct {
	Key   Key
	Metas []*value.Record
}

// MatchAddr is every indicator an address matches: its ADDR indicator,
// then every SUBNET containing it, widest first.
func (s *Store) MatchAddr(a netip.Addr) []Match {
	var out []Match
	if i, ok := s.addrEntry(a); ok {
		out = append(out, Match{Key{Type: s.addrType, Addr: a}, s.metasAt(i)})
	}
	s.nets.containing(keyOf(a), func(i uint32, k key128, bits uint8) bool {
		out = append(out, Match{Key{Type: s.subnetType, Net: prefixOf(k, bits)}, s.metasAt(i)})
		return true
	})
	return out
}

// Written is when an indicator was last inserted.
func (s *Store) Written(k Key) (float64, bool) {
	i, ok := s.find(k)
	if !ok {
		return 0, false
	}
	return s.ents[i].written, true
}

// SetWritten sets when an indicator counts as last inserted (an expiry
// handler that keeps it restarts its clock).
func (s *Store) SetWritten(k Key, at float64) {
	if i, ok := s.find(k); ok {
		s.ents[i].written = at
	}
}

// Due are the indicators last inserted before t, in the order they were
// first stored (entry order), so that expiry is deterministic.
func (s *Store) Due(t float64) []Key {
	type due struct {
		i uint32
		k Key
	}
	var ds []due
	for a, i := range s.addrs4 {
		if s.ents[i].written < t {
			ds = append(ds, due{i, Key{Type: s.addrType, Addr: netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)})}})
		}
	}
	for a, i := range s.addrs6 {
		if s.ents[i].written < t {
			ds = append(ds, due{i, Key{Type: s.addrType, Addr: netip.AddrFrom16(a)}})
		}
	}
	s.nets.walk(func(i uint32, k key128, bits uint8) {
		if s.ents[i].written < t {
			ds = append(ds, due{i, Key{Type: s.subnetType, Net: prefixOf(k, bits)}})
		}
	})
	for typ, m := range s.strs {
		for str, i := range m {
			if s.ents[i].written < t {
				ds = append(ds, due{i, Key{Type: typ, Str: str}})
			}
		}
	}
	sort.Slice(ds, func(a, b int) bool { return ds[a].i < ds[b].i })
	keys := make([]Key, len(ds))
	for j, d := range ds {
		keys[j] = d.k
	}
	return keys
}
