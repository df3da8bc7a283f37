// Package hashorder reproduces the order in which Zeek walks a table that
// is not &ordered: the order of the slots of its hash table (Zeek's
// Dictionary), which depends on each key's keyed hash and on the history
// of insertions and removals.
//
// Zeek hashes a table key's bytes (its HashKey, which package value
// builds) with SipHash-2-4 under bytes 64..79 of the seed buffer, the key
// that also draws connection uids; with a seed file the order is therefore
// fixed, and Dict lays entries out as Zeek would, so that a table can walk
// its entries in the same order.
package hashorder

import "github.com/gobro/gobro/runtime/net/uid"

// Key is the key of Zeek's keyed table hash (KeyedHash::Hash64).
type Key struct{ k0, k1 uint64 }

// KeyOf returns the table-hash key of a seed: the same SipHash key as the
// seed's uids.
func KeyOf(s uid.Seed) Key {
	k0, k1 := s.SipKey()
	return Key{k0, k1}
}

// Hash is Zeek's hash of a HashKey's bytes. Its dictionary keeps only the
// low 32 bits.
func (k Key) Hash(b []byte) uint32 { return uint32(uid.SipHash24(k.k0, k.k1, b)) }
