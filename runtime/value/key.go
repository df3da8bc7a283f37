package value

import (
	"encoding/binary"
	"net/netip"
	"reflect"
	"slices"

	"github.com/gobro/gobro/lang/types"
)

// Table keys are stored encoded as compact byte strings: the encoding is
// what the hash index hashes and compares, and for scalar index types it is
// also the only copy of the key (decoded again when iterating), so a
// table[addr] spends 4 bytes per IPv4 key instead of a boxed netip.Addr.
//
// Encodings are self-delimiting, except that the last column may omit its
// length (a string or an addr simply takes the rest), which keeps the common
// one-column keys minimal:
//
//	bool                    1 byte
//	count, enum, port       uvarint
//	int                     zig-zag varint
//	double, time, interval  8 bytes, little endian (-0 stored as 0)
//	string                  uvarint length + bytes (last column: bytes)
//	addr                    1 length byte + 4/16 bytes (last column: bytes)
//	subnet                  1 byte prefix length + addr as above
//	pattern                 its stored text, as a string
//	record                  per field: 0 (unset) or 1 + the field
//	vector                  uvarint length, then per element as a record field
//	set/table               uvarint count + sorted entry encodings
//	function                its name
//	opaque, file            identity (pointer address)
//	any                     the dynamic type's description + the value
//
// Keys with aggregate, function, opaque or any columns cannot be rebuilt
// from their bytes alone (identity, records' types); tables keep those key
// values beside the entries (see Table.keys).

// keyDecodable reports whether keys of these index types can be rebuilt
// from their encodings.
func keyDecodable(index []types.Type) bool {
	for _, t := range index {
		switch t.Kind() {
		case types.Bool, types.Count, types.Int, types.Double, types.Time,
			types.Interval, types.Port, types.Enum, types.String, types.Addr,
			types.Subnet:
		default:
			return false
		}
	}
	return true
}

// appendKey appends the encoding of v (of type t) to b.
func appendKey(b []byte, v Value, t types.Type, last bool) []byte {
	switch t.Kind() {
	case types.Bool:
		return append(b, byte(v.N&1))
	case types.Count, types.Enum, types.Port:
		return binary.AppendUvarint(b, v.N)
	case types.Int:
		return binary.AppendVarint(b, int64(v.N))
	case types.Double, types.Time, types.Interval:
		n := v.N
		if n == 1<<63 { // -0 == 0
			n = 0
		}
		return binary.LittleEndian.AppendUint64(b, n)
	case types.String:
		return appendKeyString(b, v.Str(), last)
	case types.Addr:
		return appendKeyAddr(b, v.Addr(), last)
	case types.Subnet:
		p := v.Subnet()
		b = append(b, byte(p.Bits()))
		return appendKeyAddr(b, p.Addr(), last)
	case types.Pattern:
		p, _ := v.P.(*Pattern)
		text := ""
		if p != nil {
			text = p.Text()
		}
		return appendKeyString(b, text, last)
	case types.Record:
		r, _ := v.P.(*Record)
		rt := t.(*types.RecordType)
		for i, f := range rt.Fields {
			fv := None
			if r != nil {
				fv = r.Field(i)
			}
			if fv.IsUnset() {
				b = append(b, 0)
				continue
			}
			b = append(b, 1)
			b = appendKey(b, fv, f.Type, false)
		}
		return b
	case types.Vector:
		vec, _ := v.P.(*Vector)
		if vec == nil {
			return append(b, 0)
		}
		et := t.(*types.VectorType).Elem
		b = binary.AppendUvarint(b, uint64(len(vec.Elems)))
		for _, e := range vec.Elems {
			if e.IsUnset() {
				b = append(b, 0)
				continue
			}
			b = append(b, 1)
			b = appendKey(b, e, et, false)
		}
		return b
	case types.Table, types.Set:
		tab, _ := v.P.(*Table)
		if tab == nil {
			return append(b, 0)
		}
		// Entry order must not matter: sort the entry encodings.
		var parts []string
		yt := tab.Type.Yield
		for i := range tab.ents {
			e := &tab.ents[i]
			if e.dead() {
				continue
			}
			var buf [8]byte
			p := appendKeyBytes(nil, e.keyOf(&buf))
			if yt != nil {
				p = appendKey(p, e.val, yt, false)
			}
			parts = append(parts, string(p))
		}
		slices.Sort(parts)
		b = binary.AppendUvarint(b, uint64(len(parts)))
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	case types.Func:
		name := ""
		if f, ok := v.P.(*Func); ok && f != nil {
			name = f.Name
		}
		return appendKeyString(b, name, last)
	case types.Opaque, types.File:
		return binary.AppendUvarint(b, identity(v.P))
	case types.Any:
		a, ok := v.P.(*Any)
		if !ok || a == nil {
			return append(b, 0)
		}
		b = appendKeyString(b, types.Describe(a.Type), false)
		return appendKey(b, a.Value, a.Type, last)
	}
	return b
}

func appendKeyString(b []byte, s string, last bool) []byte {
	if !last {
		b = binary.AppendUvarint(b, uint64(len(s)))
	}
	return append(b, s...)
}

func appendKeyBytes(b, k []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(k)))
	return append(b, k...)
}

func appendKeyAddr(b []byte, a netip.Addr, last bool) []byte {
	if a.Is4() {
		if !last {
			b = append(b, 4)
		}
		a4 := a.As4()
		return append(b, a4[:]...)
	}
	if !last {
		b = append(b, 16)
	}
	a16 := a.As16()
	return append(b, a16[:]...)
}

// identity is the address of a reference value. Go's collector does not
// move objects, and tables keep such keys alive beside their encodings, so
// the address is stable for as long as it is used.
func identity(p any) uint64 {
	if p == nil {
		return 0
	}
	rv := reflect.ValueOf(p)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Slice:
		return uint64(rv.Pointer())
	}
	return 0
}

// decodeKey rebuilds the values of a decodable key (see keyDecodable).
func decodeKey(dst []Value, s []byte, index []types.Type) []Value {
	for i, t := range index {
		var v Value
		v, s = decodeCol(s, t, i == len(index)-1)
		dst = append(dst, v)
	}
	return dst
}

// decodeCol decodes one column and returns the rest of s.
func decodeCol(s []byte, t types.Type, last bool) (Value, []byte) {
	switch t.Kind() {
	case types.Bool:
		return Value{N: uint64(s[0])}, s[1:]
	case types.Count, types.Enum, types.Port:
		n, w := binary.Uvarint(s)
		return Value{N: n}, s[w:]
	case types.Int:
		x, w := binary.Varint(s)
		return Value{N: uint64(x)}, s[w:]
	case types.Double, types.Time, types.Interval:
		return Value{N: binary.LittleEndian.Uint64(s)}, s[8:]
	case types.String:
		if last {
			return String(string(s)), nil
		}
		n, w := binary.Uvarint(s)
		return String(string(s[w : w+int(n)])), s[w+int(n):]
	case types.Addr:
		a, rest := decodeAddr(s, last)
		return Value{P: a}, rest
	case types.Subnet:
		bits := int(s[0])
		a, rest := decodeAddr(s[1:], last)
		return Value{P: netip.PrefixFrom(a, bits)}, rest
	}
	panic("value: key column of type " + t.String() + " is not decodable")
}

func decodeAddr(s []byte, last bool) (netip.Addr, []byte) {
	n := len(s)
	if !last {
		n = int(s[0])
		s = s[1:]
	}
	if n == 4 {
		return netip.AddrFrom4([4]byte(s)), s[4:]
	}
	return netip.AddrFrom16([16]byte(s)), s[16:]
}
