package value

import (
	"encoding/binary"

	"github.com/gobro/gobro/lang/types"
)

// Zeek hashes a table key as the bytes of its HashKey (CompHash.cc). A
// key of one column other than a record is written alone:
//
//	bool, int, enum, count, port   8 bytes, the value (a port's count
//	                               holds its protocol above bit 16)
//	double, time, interval         8 bytes, the IEEE double (seconds)
//	string                         its bytes
//	addr                           16 bytes, IPv6 network order (IPv4
//	                               mapped to ::ffff:a.b.c.d)
//	subnet                         the masked addr as above, then the
//	                               prefix length (of 32 for IPv4) in 4 bytes
//
// Otherwise the columns (or a record's fields) follow each other, each
// aligned to its size from the start of the key with zero bytes: the
// 8-byte values at multiples of 8, an addr or subnet at multiples of 4,
// and a string becomes a 4-byte length (at a multiple of 4) and its bytes.
// An &optional record field is preceded by one byte, 1 when set and 0
// when not (then nothing else is written for it). Numbers are little
// endian, as on the machines Zeek runs on.
//
// Patterns, functions, tables, vectors, any, opaques and files are hashed
// from Zeek-internal state (a pattern's text as Zeek renders it, function
// ids numbered as Zeek first hashes them, a nested table's own hash
// order), so tables with such columns are not given Zeek's order.

// zeekHashable reports whether appendZeekKey knows Zeek's bytes for keys
// of these index types.
func zeekHashable(index []types.Type) bool {
	for _, t := range index {
		if !zeekHashableType(t, nil) {
			return false
		}
	}
	return true
}

func zeekHashableType(t types.Type, outer []*types.RecordType) bool {
	switch t.Kind() {
	case types.Bool, types.Int, types.Enum, types.Count, types.Port,
		types.Double, types.Time, types.Interval, types.String, types.Addr, types.Subnet:
		return true
	case types.Record:
		rt, ok := t.(*types.RecordType)
		if !ok {
			return false
		}
		for _, o := range outer {
			if o == rt {
				return false // recursive: only through unset optional fields
			}
		}
		for _, f := range rt.Fields {
			if !zeekHashableType(f.Type, append(outer, rt)) {
				return false
			}
		}
		return true
	}
	return false
}

// appendZeekKey appends the bytes Zeek hashes for key to b.
func appendZeekKey(b []byte, key []Value, index []types.Type) []byte {
	if len(index) == 1 && index[0].Kind() != types.Record {
		return appendZeekAlone(b, key[0], index[0])
	}
	start := len(b)
	for i, t := range index {
		b = appendZeekColumn(b, start, key[i], t)
	}
	return b
}

// appendZeekAlone writes a one-column key.
func appendZeekAlone(b []byte, v Value, t types.Type) []byte {
	switch t.Kind() {
	case types.String:
		return append(b, v.Str()...)
	case types.Addr:
		a := v.Addr().As16()
		return append(b, a[:]...)
	case types.Subnet:
		p := v.Subnet()
		a := p.Addr().As16()
		b = append(b, a[:]...)
		return binary.LittleEndian.AppendUint32(b, uint32(p.Bits()))
	}
	return binary.LittleEndian.AppendUint64(b, v.N)
}

// appendZeekColumn writes one column (or record field) of a key that
// starts at b[start].
func appendZeekColumn(b []byte, start int, v Value, t types.Type) []byte {
	switch t.Kind() {
	case types.String:
		s := v.Str()
		b = alignZeek(b, start, 4)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		return append(b, s...)
	case types.Addr, types.Subnet:
		return appendZeekAlone(alignZeek(b, start, 4), v, t)
	case types.Record:
		r, _ := v.P.(*Record)
		for i, f := range t.(*types.RecordType).Fields {
			fv := None
			if r != nil {
				fv = r.Field(i)
			}
			if f.Optional {
				if fv.IsUnset() {
					b = append(b, 0)
					continue
				}
				b = append(b, 1)
			}
			b = appendZeekColumn(b, start, fv, f.Type)
		}
		return b
	}
	return binary.LittleEndian.AppendUint64(alignZeek(b, start, 8), v.N)
}

// alignZeek pads b with zero bytes to a multiple of n from start.
func alignZeek(b []byte, start, n int) []byte {
	for (len(b)-start)%n != 0 {
		b = append(b, 0)
	}
	return b
}
