package value

import (
	"errors"
	"fmt"
	"net/netip"
)

// Shared logic for the operators whose semantics are more than one Go
// operator. The compiler inlines the trivial cases (count + count wraps
// like Go's uint64, int arithmetic is Go's int64); these are the rest.

// Runtime errors of the operators, with Zeek's texts (rendering.md §4.2).
var (
	ErrDivByZero = errors.New("division by zero")
	ErrModByZero = errors.New("modulo by zero")
)

// DivCount is count / count.
func DivCount(a, b uint64) (uint64, error) {
	if b == 0 {
		return 0, ErrDivByZero
	}
	return a / b, nil
}

// ModCount is count % count.
func ModCount(a, b uint64) (uint64, error) {
	if b == 0 {
		return 0, ErrModByZero
	}
	return a % b, nil
}

// DivInt is int / int, truncating toward zero; MinInt64 / -1 wraps to
// MinInt64 (Go's defined behaviour) instead of trapping.
func DivInt(a, b int64) (int64, error) {
	if b == 0 {
		return 0, ErrDivByZero
	}
	if b == -1 {
		return -a, nil
	}
	return a / b, nil
}

// ModInt is int % int; the sign follows the dividend, as in C.
func ModInt(a, b int64) (int64, error) {
	if b == 0 {
		return 0, ErrModByZero
	}
	if b == -1 {
		return 0, nil
	}
	return a % b, nil
}

// DivDouble is double / double (also interval / number and interval /
// interval): division by zero is a runtime error in Zeek, not Inf.
func DivDouble(a, b float64) (float64, error) {
	if b == 0 {
		return 0, ErrDivByZero
	}
	return a / b, nil
}

// AbsInt is |i| for an int, which yields a count (so |MinInt64| is
// 9223372036854775808).
func AbsInt(i int64) uint64 {
	if i < 0 {
		return uint64(-i)
	}
	return uint64(i)
}

// MakeSubnet is addr / width: the address masked to width bits. The
// width counts IPv4 bits for an IPv4 address.
func MakeSubnet(a netip.Addr, width int64) (netip.Prefix, error) {
	a = a.Unmap()
	limit := int64(a.BitLen())
	if width < 0 || width > limit {
		v := 6
		if a.Is4() {
			v = 4
		}
		return netip.Prefix{}, fmt.Errorf("bad IPv%d subnet prefix length: %d", v, width)
	}
	p, err := a.Prefix(int(width))
	if err != nil {
		return netip.Prefix{}, err
	}
	return p, nil
}

// sliceBounds maps Zeek slice indices to [first, last) within n elements:
// a negative index counts from the end; indices beyond either end clamp.
// An empty or inverted range gives first == last.
func sliceBounds(first, last int64, n int) (int, int) {
	clamp := func(i int64) int64 {
		switch {
		case i > int64(n) || i < -int64(n):
			if i > 0 {
				return int64(n)
			}
			return 0
		case i < 0:
			return i + int64(n)
		}
		return i
	}
	f, l := clamp(first), clamp(last)
	if l < f {
		l = f
	}
	return int(f), int(l)
}

// SliceString is s[first:last]; the compiler passes 0 and |s| for omitted
// bounds.
func SliceString(s string, first, last int64) string {
	f, l := sliceBounds(first, last, len(s))
	return s[f:l]
}

// IndexString is s[i]: one byte; negative i counts from the end; out of
// range gives "".
func IndexString(s string, i int64) string {
	if i < 0 {
		i += int64(len(s))
	}
	if i < 0 || i >= int64(len(s)) {
		return ""
	}
	return s[i : i+1]
}

// VectorIndex maps a vector index (negative counts from the end) to a
// position, reporting false when it is out of range ("no such index").
func VectorIndex(i int64, n int) (int, bool) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false
	}
	return int(i), true
}

// SliceVector is v[first:last]: a new vector sharing no storage with v.
func SliceVector(v *Vector, first, last int64) *Vector {
	f, l := sliceBounds(first, last, len(v.Elems))
	return &Vector{Type: v.Type, Elems: append([]Value(nil), v.Elems[f:l]...)}
}

// ---- set algebra ----

// SetUnion is a | b for sets of the same type: a's elements in order,
// then b's new ones.
func SetUnion(a, b *Table) *Table {
	out := NewTable(a.Type)
	var key []Value
	for _, t := range []*Table{a, b} {
		for pos := t.Next(-1, t.End()); pos >= 0; pos = t.Next(pos, t.End()) {
			key = t.KeyAt(pos, key[:0])
			out.Put(key, t.ValAt(pos))
		}
	}
	return out
}

// SetIntersect is a & b: a's elements that b holds.
func SetIntersect(a, b *Table) *Table {
	return filterSet(a, b, true)
}

// SetDiff is a - b: a's elements that b lacks.
func SetDiff(a, b *Table) *Table {
	return filterSet(a, b, false)
}

func filterSet(a, b *Table, keep bool) *Table {
	out := NewTable(a.Type)
	var key []Value
	for pos := a.Next(-1, a.End()); pos >= 0; pos = a.Next(pos, a.End()) {
		if (b.findKey(&a.ents[pos]) >= 0) == keep {
			key = a.KeyAt(pos, key[:0])
			out.Put(key, a.ValAt(pos))
		}
	}
	return out
}

// SetSubset is a <= b: every element of a is in b. (a < b is
// SetSubset(a, b) && a.Len() < b.Len(); a == b is Equal.)
func SetSubset(a, b *Table) bool {
	for pos := a.Next(-1, a.End()); pos >= 0; pos = a.Next(pos, a.End()) {
		if b.findKey(&a.ents[pos]) < 0 {
			return false
		}
	}
	return true
}
