package flow

import (
	"crypto/rand"
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// connTable maps 5-tuples to the live connections: a hash table
// chained through Conn.next. A map[key]*Conn holds a 40-byte key and a
// pointer per slot, slots at most 7/8 used: over 55 bytes a connection.
// This costs 8 to 16 bytes of buckets, plus the link and the hash in
// Conn, and a lookup compares IDs, which share a cache line with the
// link.
type connTable struct {
	buckets []*Conn // a power of two of them, at least n
	n       int
	// secret keys the hash: random, so that no traffic can be crafted
	// to pile connections into one chain.
	secret [4]uint64
}

func newConnTable() connTable {
	var b [32]byte
	rand.Read(b[:]) // never fails
	var tb connTable
	for i := range tb.secret {
		tb.secret[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return tb
}

// hash hashes a 5-tuple the same in both directions, as the sum of its
// sides' hashes. It sees addresses as their keys do (16 bytes). The
// tuple comes as values, not as a ConnID made for the call: reading back
// parts of a struct just written stalls store forwarding.
func (tb *connTable) hash(a netip.Addr, ap uint16, b netip.Addr, bp uint16, proto uint8) uint32 {
	sides := tb.side(a, ap) + tb.side(b, bp)
	return uint32(mix(sides^tb.secret[1], uint64(proto)^tb.secret[2]))
}

// side mixes an address and a port as wyhash does, each word with a
// secret.
func (tb *connTable) side(a netip.Addr, port uint16) uint64 {
	hi, lo := words(a)
	s := &tb.secret
	return mix(mix(hi^s[0], lo^s[1])^s[2], uint64(port)^s[3])
}

// words is the address as its key has it, 16 bytes (IPv4 mapped to IPv6),
// as two words. IPv4 addresses, the most common, skip As16: its result
// goes through memory, a store-forwarding stall that tripled the hash's
// cost.
func words(a netip.Addr) (hi, lo uint64) {
	if a.Is4() {
		b := a.As4()
		return 0, 0xffff<<32 | uint64(binary.BigEndian.Uint32(b[:]))
	}
	b := a.As16()
	return binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func (tb *connTable) bucket(h uint32) **Conn {
	return &tb.buckets[h&uint32(len(tb.buckets)-1)]
}

// get returns the connection of a 5-tuple of hash h, nil if none.
// Connections are keyed as Zeek's ConnKey does: the IDs are compared
// first, then, if the hashes match, the keys.
func (tb *connTable) get(a netip.Addr, ap uint16, b netip.Addr, bp uint16, proto uint8, h uint32) *Conn {
	if tb.n == 0 {
		return nil
	}
	for c := *tb.bucket(h); c != nil; c = c.next {
		if c.ID.is(a, ap, b, bp, proto) || c.hash == h && c.ID.key() == makeKey(a, ap, b, bp, proto) {
			return c
		}
	}
	return nil
}

// add inserts c, of hash h, whose key is not in the table.
func (tb *connTable) add(c *Conn, h uint32) {
	if tb.n >= len(tb.buckets) {
		tb.grow()
	}
	c.hash = h
	tb.link(c)
	tb.n++
}

func (tb *connTable) link(c *Conn) {
	b := tb.bucket(c.hash)
	c.next, *b = *b, c
}

// remove takes c out of the table if it is in.
func (tb *connTable) remove(c *Conn) {
	if tb.n == 0 {
		return
	}
	for p := tb.bucket(c.hash); *p != nil; p = &(*p).next {
		if *p == c {
			*p, c.next = c.next, nil
			tb.n--
			return
		}
	}
}

func (tb *connTable) grow() {
	old := tb.buckets
	tb.buckets = make([]*Conn, max(64, 2*len(old)))
	for _, c := range old {
		for c != nil {
			next := c.next
			tb.link(c)
			c = next
		}
	}
}

// free lets the buckets of an empty table go.
func (tb *connTable) free() { tb.buckets = nil }

// appendAll appends the table's connections to out, in no useful order.
func (tb *connTable) appendAll(out []*Conn) []*Conn {
	for _, c := range tb.buckets {
		for ; c != nil; c = c.next {
			out = append(out, c)
		}
	}
	return out
}
