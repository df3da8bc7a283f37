package intel

import (
	"math/bits"
	"net/netip"
)

// trie holds the SUBNET indicators: a path-compressed binary trie over
// 128-bit keys (IPv4 networks as IPv4-mapped IPv6, as Zeek keys them), so
// that all networks containing an address are found in one walk from the
// root, O(prefix length) and usually far less, whatever the number of
// networks.
type trie struct {
	root *node
	n    int

	// The walk for an IPv4 address down to /16 depends only on its
	// first 16 bits (but for its last step): jump remembers it per /16, so that a lookup among
	// 10^5 networks starts a level or two above its end instead of at
	// the root. Valid while gen matches (any change to the trie bumps it).
	gen  uint32
	jump *[1 << 16]jumpSlot
}

// jumpSlot is the walk for one IPv4 /16: the networks on the way (none
// longer than /16) and where to go on.
type jumpSlot struct {
	gen   uint32
	short []*node
	next  *node
	// When the networks below the /16 are few (the common case: 10^5
	// networks spread over 65536 slots), they are copied here, so that
	// the lookup reads this slot and nothing else.
	nflat int8 // -1: too many, walk from next
	flat  [3]leaf4
}

// leaf4 is an IPv4 network below a /16 slot, flattened.
type leaf4 struct {
	addr  uint32
	bits  uint8 // in the 128-bit space
	entry uint32
}

func (l leaf4) contains(a uint32) bool {
	n := l.bits - 96
	return a&^(^uint32(0)>>n) == l.addr
}

// node is one network of the trie: the first bits of key, and the entry
// of that network if it is an indicator (noEntry for a branching node).
type node struct {
	key   key128
	bits  uint8
	entry uint32
	child [2]*node
}

const noEntry = ^uint32(0)

// key128 is an address as two big-endian halves.
type key128 struct{ hi, lo uint64 }

func keyOf(a netip.Addr) key128 {
	b := a.As16()
	return key128{be64(b[:8]), be64(b[8:])}
}

func be64(b []byte) uint64 {
	return uint64(b[0])<<56 | uint64(b[1])<<48 | uint64(b[2])<<40 | uint64(b[3])<<32 |
		uint64(b[4])<<24 | uint64(b[5])<<16 | uint64(b[6])<<8 | uint64(b[7])
}

// prefixKey is a network's key and length in the 128-bit space.
func prefixKey(p netip.Prefix) (key128, uint8) {
	p = p.Masked()
	n := p.Bits()
	if p.Addr().Is4() {
		n += 96
	}
	return keyOf(p.Addr()), uint8(n)
}

// mask keeps the first n bits of k.
func (k key128) mask(n uint8) key128 {
	switch {
	case n == 0:
		return key128{}
	case n < 64:
		return key128{k.hi &^ (^uint64(0) >> n), 0}
	case n == 64:
		return key128{k.hi, 0}
	case n < 128:
		return key128{k.hi, k.lo &^ (^uint64(0) >> (n - 64))}
	}
	return k
}

// bit is bit i (0 = most significant) of k.
func (k key128) bit(i uint8) int {
	if i < 64 {
		return int(k.hi>>(63-i)) & 1
	}
	return int(k.lo>>(127-i)) & 1
}

// common is the length of the longest common prefix of a and b, at most n.
func common(a, b key128, n uint8) uint8 {
	var c uint8
	if x := a.hi ^ b.hi; x != 0 {
		c = uint8(lz64(x))
	} else if x := a.lo ^ b.lo; x != 0 {
		c = 64 + uint8(lz64(x))
	} else {
		c = 128
	}
	return min(c, n)
}

func lz64(x uint64) int { return bits.LeadingZeros64(x) }

// get is the entry of exactly this network.
func (t *trie) get(k key128, bits uint8) (uint32, bool) {
	n := t.root
	for n != nil && n.bits <= bits {
		if k.mask(n.bits) != n.key {
			return noEntry, false
		}
		if n.bits == bits {
			return n.entry, n.entry != noEntry
		}
		n = n.child[k.bit(n.bits)]
	}
	return noEntry, false
}

// put sets the entry of a network (adding the network).
func (t *trie) put(k key128, bits uint8, entry uint32) {
	t.gen++
	k = k.mask(bits)
	p := &t.root
	for {
		n := *p
		if n == nil {
			*p = &node{key: k, bits: bits, entry: entry}
			t.n++
			return
		}
		c := common(n.key, k, min(n.bits, bits))
		if c == n.bits && c == bits { // this very network
			if n.entry == noEntry {
				t.n++
			}
			n.entry = entry
			return
		}
		if c == n.bits { // n contains the network: go down
			p = &n.child[k.bit(n.bits)]
			continue
		}
		// They part at bit c: a new node there holds both (or is the
		// network itself, when it contains n).
		m := &node{key: k.mask(c), bits: c, entry: noEntry}
		m.child[n.key.bit(c)] = n
		if c == bits {
			m.entry = entry
		} else {
			m.child[k.bit(c)] = &node{key: k, bits: bits, entry: entry}
		}
		*p = m
		t.n++
		return
	}
}

// del removes a network; it reports whether it was there.
func (t *trie) del(k key128, bits uint8) bool {
	t.gen++
	var ok bool
	t.root = del(t.root, k.mask(bits), bits, &ok)
	if ok {
		t.n--
	}
	return ok
}

func del(n *node, k key128, bits uint8, ok *bool) *node {
	if n == nil || n.bits > bits || k.mask(n.bits) != n.key {
		return n
	}
	if n.bits < bits {
		b := k.bit(n.bits)
		n.child[b] = del(n.child[b], k, bits, ok)
	} else if n.entry != noEntry {
		n.entry = noEntry
		*ok = true
	}
	if n.entry != noEntry {
		return n
	}
	// A branching node with fewer than two branches is not needed.
	switch {
	case n.child[0] == nil:
		return n.child[1]
	case n.child[1] == nil:
		return n.child[0]
	}
	return n
}

// containing calls f with the entry of every network containing a, from
// the widest to the narrowest; f returns false to stop.
func (t *trie) containing(a key128, f func(entry uint32, k key128, bits uint8) bool) {
	n := t.root
	if a.hi == 0 && a.lo>>32 == 0xffff && t.root != nil {
		j := t.jumpTo(a)
		for _, m := range j.short {
			if !f(m.entry, m.key, m.bits) {
				return
			}
		}
		if j.nflat >= 0 {
			a4 := uint32(a.lo)
			for _, l := range j.flat[:j.nflat] {
				if l.contains(a4) && !f(l.entry, key128{0, 0xffff<<32 | uint64(l.addr)}, l.bits) {
					return
				}
			}
			return
		}
		n = j.next
	}
	for ; n != nil; n = n.child[a.bit(n.bits)] {
		if a.mask(n.bits) != n.key {
			return
		}
		if n.entry != noEntry && !f(n.entry, n.key, n.bits) {
			return
		}
		if n.bits == 128 {
			return
		}
	}
}

// v4Slot is the bit length of an IPv4 /16 in the 128-bit space.
const v4Slot = 96 + 16

// jumpTo is the (memoised) walk for the /16 of IPv4 address a.
func (t *trie) jumpTo(a key128) *jumpSlot {
	if t.jump == nil {
		t.jump = new([1 << 16]jumpSlot)
	}
	j := &t.jump[uint16(a.lo>>16)]
	if j.gen == t.gen+1 {
		return j
	}
	j.gen, j.short, j.next, j.nflat = t.gen+1, j.short[:0], nil, 0
	n := t.root
	for ; n != nil && n.bits < v4Slot; n = n.child[a.bit(n.bits)] {
		if a.mask(n.bits) != n.key {
			return j
		}
		if n.entry != noEntry {
			j.short = append(j.short, n)
		}
	}
	j.next = n
	flatten(j, n)
	return j
}

// flatten copies the networks of subtree n into j.flat, parents first,
// or sets j.nflat to -1 if there are too many.
func flatten(j *jumpSlot, n *node) {
	if n == nil || j.nflat < 0 || n.key.hi != 0 || n.key.lo>>32 != 0xffff {
		return // nothing here (an IPv6 network holds no IPv4 address)
	}
	if n.entry != noEntry {
		if int(j.nflat) == len(j.flat) {
			j.nflat = -1
			return
		}
		j.flat[j.nflat] = leaf4{addr: uint32(n.key.lo), bits: n.bits, entry: n.entry}
		j.nflat++
	}
	flatten(j, n.child[0])
	flatten(j, n.child[1])
}

// walk calls f for every network.
func (t *trie) walk(f func(entry uint32, k key128, bits uint8)) { walk(t.root, f) }

func walk(n *node, f func(entry uint32, k key128, bits uint8)) {
	if n == nil {
		return
	}
	if n.entry != noEntry {
		f(n.entry, n.key, n.bits)
	}
	walk(n.child[0], f)
	walk(n.child[1], f)
}

// prefixOf turns a trie key back into a network.
func prefixOf(k key128, bits uint8) netip.Prefix {
	var b [16]byte
	for i := 0; i < 8; i++ {
		b[i] = byte(k.hi >> (56 - 8*i))
		b[8+i] = byte(k.lo >> (56 - 8*i))
	}
	a := netip.AddrFrom16(b)
	if a.Is4In6() && bits >= 96 {
		return netip.PrefixFrom(a.Unmap(), int(bits)-96)
	}
	return netip.PrefixFrom(a, int(bits))
}
