package value

import (
	"net/netip"
	"slices"
)

// Prefix queries on one-column subnet-keyed tables and sets.
//
// Rather than a trie beside the hash index, the table counts how many keys
// it holds of each prefix length (per address family); a query masks the
// address to each length present, longest first, and probes the hash
// index. Real tables use a handful of distinct lengths, so this costs a few
// probes and no memory per entry.

type prefixLens struct {
	count [2][129]int32
	lens  [2][]uint8 // lengths with count > 0, longest first
}

// prefixes returns the prefix lengths of a subnet-keyed table, nil for
// other tables.
func (t *Table) prefixes() *prefixLens {
	if t.rare == nil {
		return nil
	}
	return t.rare.lpm
}

func family(a netip.Addr) int {
	if a.Is4() {
		return 0
	}
	return 1
}

func (l *prefixLens) add(p netip.Prefix, d int32) {
	f, bits := family(p.Addr()), p.Bits()
	if bits < 0 {
		return
	}
	before := l.count[f][bits]
	l.count[f][bits] += d
	if (before == 0) == (l.count[f][bits] == 0) {
		return
	}
	l.lens[f] = l.lens[f][:0]
	for b := 128; b >= 0; b-- {
		if l.count[f][b] > 0 {
			l.lens[f] = append(l.lens[f], uint8(b))
		}
	}
}

// lookupPrefix probes for the key a/bits; it returns the entry position or -1.
func (t *Table) lookupPrefix(a netip.Addr, bits int) int {
	p, err := a.Prefix(bits)
	if err != nil {
		return -1
	}
	// Encoded as appendKey does for a subnet, without boxing the prefix
	// into a Value (these probes run for every is_local_addr).
	var buf [1 + 16]byte
	k := appendKeyAddr(append(buf[:0], byte(p.Bits())), p.Addr(), true)
	i := t.find(k, hashKey(k))
	if i < 0 {
		return -1
	}
	return int(t.slots[i].pos - 1)
}

// longest finds the longest key containing a: its entry position and
// prefix, or -1. Zeek compares addresses in their IPv6 form, so an IPv4
// address is also inside IPv6 keys of up to 96 bits that cover the mapped
// space (::/0, ::ffff:0:0/96); those are shorter than any IPv4 key (an
// IPv4 /n is an IPv6 /96+n), so they are tried after the IPv4 lengths.
func (t *Table) longest(a netip.Addr) (int, netip.Prefix) {
	lpm := t.prefixes()
	if lpm == nil {
		return -1, netip.Prefix{}
	}
	a = a.Unmap()
	for _, b := range lpm.lens[family(a)] {
		if pos := t.lookupPrefix(a, int(b)); pos >= 0 {
			p, _ := a.Prefix(int(b))
			return pos, p
		}
	}
	if a.Is4() {
		mapped := netip.AddrFrom16(a.As16())
		for _, b := range lpm.lens[1] {
			if b > 96 {
				continue
			}
			if pos := t.lookupPrefix(mapped, int(b)); pos >= 0 {
				p, _ := mapped.Prefix(int(b))
				return pos, p
			}
		}
	}
	return -1, netip.Prefix{}
}

// LookupAddr indexes a subnet-keyed table with an address: the value of
// the longest prefix containing a.
func (t *Table) LookupAddr(a netip.Addr) (Value, bool) {
	pos, _ := t.longest(a)
	if pos < 0 {
		return Value{}, false
	}
	t.rare.readAt(pos)
	return t.ents[pos].val, true
}

// LongestPrefix returns the longest key containing a.
func (t *Table) LongestPrefix(a netip.Addr) (netip.Prefix, bool) {
	pos, p := t.longest(a)
	return p, pos >= 0
}

// ContainsAddr is `a in s` for a set[subnet] or table[subnet]: true when
// any key contains a.
func (t *Table) ContainsAddr(a netip.Addr) bool {
	_, ok := t.LongestPrefix(a)
	return ok
}

// MatchingSubnets returns every key that contains (or equals) s, shortest
// prefix first (matching_subnets).
func (t *Table) MatchingSubnets(s netip.Prefix) []netip.Prefix {
	lpm := t.prefixes()
	if lpm == nil {
		return nil
	}
	var out []netip.Prefix
	a := s.Addr().Unmap()
	lens := lpm.lens[family(a)]
	for i := len(lens) - 1; i >= 0; i-- {
		b := int(lens[i])
		if b > s.Bits() {
			break
		}
		if t.lookupPrefix(a, b) >= 0 {
			p, _ := a.Prefix(b)
			out = append(out, p)
		}
	}
	return out
}

// CheckSubnet is check_subnet: an exact match of s among the keys.
func (t *Table) CheckSubnet(s netip.Prefix) bool {
	if t.prefixes() == nil {
		return false
	}
	return t.Has1(Subnet(s))
}

// FilterSubnets is filter_subnet_table: a new table of the same type with
// the entries whose key contains s, in the original insertion order.
func (t *Table) FilterSubnets(s netip.Prefix) *Table {
	out := NewTable(t.Type)
	if t.prefixes() == nil {
		return out
	}
	match := t.MatchingSubnets(s)
	for pos := t.Next(-1, t.End()); pos >= 0; pos = t.Next(pos, t.End()) {
		k := t.Key1At(pos)
		if slices.Contains(match, k.Subnet()) {
			out.Put1(k, t.ValAt(pos))
		}
	}
	return out
}
