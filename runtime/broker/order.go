package broker

import (
	"bytes"
	"cmp"
)

// Compare is Broker's total order on data (current Broker; FORMAT.md
// §2.6): first by kind (tag byte), then within a kind — false before
// true; counts unsigned; integers, timestamps and timespans signed; reals
// numerically; strings and enum names byte-wise with a prefix first;
// addresses on their 16 bytes; subnets by network bytes, then length;
// ports by number, then protocol code; sets and vectors element-wise with
// a shorter prefix first; tables pair-wise (key, then value).
//
// Reals compare numerically, so 0.0 and -0.0 are the same element. Broker
// leaves NaN unordered (its sets misbehave); here NaN equals NaN and sorts
// after every number, which keeps the order total.
func Compare(a, b Data) int { return compare(a, b, Current) }

// Equal reports whether a and b are the same element in Broker's order.
func Equal(a, b Data) bool { return compare(a, b, Current) == 0 }

func compare(a, b Data, f Flavor) int {
	if ka, kb := a.Kind(), b.Kind(); ka != kb {
		return cmp.Compare(ka, kb)
	}
	switch x := a.(type) {
	case None:
		return 0
	case Bool:
		y := b.(Bool)
		switch {
		case x == y:
			return 0
		case !bool(x):
			return -1
		}
		return 1
	case Count:
		return cmp.Compare(x, b.(Count))
	case Integer:
		return cmp.Compare(x, b.(Integer))
	case Real:
		return compareReal(float64(x), float64(b.(Real)))
	case String:
		return cmp.Compare(x, b.(String))
	case Enum:
		return cmp.Compare(x, b.(Enum))
	case Address:
		y := b.(Address)
		return bytes.Compare(x[:], y[:])
	case Subnet:
		y := b.(Subnet)
		if c := bytes.Compare(x.Network[:], y.Network[:]); c != 0 || f == V1 {
			// Broker 1.x compares the network only (FORMAT.md §6.4).
			return c
		}
		return cmp.Compare(x.RawLen, y.RawLen)
	case Port:
		y := b.(Port)
		if c := cmp.Compare(x.Number, y.Number); c != 0 {
			return c
		}
		return cmp.Compare(x.Protocol, y.Protocol)
	case Timestamp:
		return cmp.Compare(x, b.(Timestamp))
	case Timespan:
		return cmp.Compare(x, b.(Timespan))
	case *Set:
		return compareSeq(x.elems, b.(*Set).elems, f)
	case Vector:
		return compareSeq(x, b.(Vector), f)
	case *Table:
		y := b.(*Table)
		for i := 0; i < len(x.entries) && i < len(y.entries); i++ {
			if c := compare(x.entries[i].Key, y.entries[i].Key, f); c != 0 {
				return c
			}
			if c := compare(x.entries[i].Value, y.entries[i].Value, f); c != 0 {
				return c
			}
		}
		return cmp.Compare(len(x.entries), len(y.entries))
	}
	panic("broker: compare of a foreign Data implementation")
}

func compareReal(x, y float64) int {
	xnan, ynan := x != x, y != y
	switch {
	case xnan || ynan:
		return cmp.Compare(b2i(xnan), b2i(ynan))
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func compareSeq(x, y []Data, f Flavor) int {
	for i := 0; i < len(x) && i < len(y); i++ {
		if c := compare(x[i], y[i], f); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(x), len(y))
}
