package broker

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Flavor selects the Broker generation whose bytes are written or read
// where generations differ (FORMAT.md §6): reals that are ±0, NaN or
// infinite, and sets or tables holding subnets with equal networks.
type Flavor uint8

const (
	// Current is Broker 2.x and later (Zeek 4 on). gobro writes this
	// flavour: it is what maintained Broker writes, and it is the only one
	// that can store infinities at all.
	Current Flavor = iota
	// V1 is Broker 1.x (Bro 2.6, Zeek 3.x; Debian's python3-broker 1.4).
	V1
)

// ErrInfinityV1 is returned when encoding ±inf for Broker 1.x, whose
// encoder never terminates on infinities (FORMAT.md §2.3).
var ErrInfinityV1 = errors.New("broker: Broker 1.x cannot encode an infinite real (its encoder loops forever)")

// Encode returns the bytes current Broker writes for d.
func Encode(d Data) []byte { return AppendEncode(nil, d) }

// AppendEncode appends the current-flavour encoding of d to dst.
func AppendEncode(dst []byte, d Data) []byte {
	b, _ := appendData(dst, d, Current)
	return b
}

// EncodeFlavor returns the bytes the given Broker generation writes for d.
// Only V1 can fail, on infinite reals (ErrInfinityV1).
func EncodeFlavor(d Data, f Flavor) ([]byte, error) { return appendData(nil, d, f) }

func appendData(b []byte, d Data, f Flavor) ([]byte, error) {
	b = append(b, byte(d.Kind()))
	switch x := d.(type) {
	case None:
	case Bool:
		if x {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	case Count:
		b = binary.BigEndian.AppendUint64(b, uint64(x))
	case Integer:
		b = binary.BigEndian.AppendUint64(b, uint64(x))
	case Real:
		bits, err := packReal(float64(x), f)
		if err != nil {
			return b, err
		}
		b = binary.BigEndian.AppendUint64(b, bits)
	case String:
		b = appendVarbyte(b, len(x))
		b = append(b, x...)
	case Enum:
		b = appendVarbyte(b, len(x))
		b = append(b, x...)
	case Address:
		b = append(b, x[:]...)
	case Subnet:
		b = append(b, x.Network[:]...)
		b = append(b, x.RawLen)
	case Port:
		b = binary.BigEndian.AppendUint16(b, x.Number)
		b = append(b, byte(x.Protocol))
	case Timestamp:
		b = binary.BigEndian.AppendUint64(b, uint64(x))
	case Timespan:
		b = binary.BigEndian.AppendUint64(b, uint64(x))
	case *Set:
		elems := x.elems
		if f == V1 {
			elems = collapseV1(elems)
		}
		b = appendVarbyte(b, len(elems))
		for _, e := range elems {
			var err error
			if b, err = appendData(b, e, f); err != nil {
				return b, err
			}
		}
	case *Table:
		entries := x.entries
		if f == V1 {
			entries = slices.CompactFunc(slices.Clone(entries), func(p, q TableEntry) bool {
				return compare(p.Key, q.Key, V1) == 0
			})
		}
		b = appendVarbyte(b, len(entries))
		for _, e := range entries {
			var err error
			if b, err = appendData(b, e.Key, f); err != nil {
				return b, err
			}
			if b, err = appendData(b, e.Value, f); err != nil {
				return b, err
			}
		}
	case Vector:
		b = appendVarbyte(b, len(x))
		for _, e := range x {
			var err error
			if b, err = appendData(b, e, f); err != nil {
				return b, err
			}
		}
	default:
		panic(fmt.Sprintf("broker: encode of foreign Data type %T", d))
	}
	return b, nil
}

// collapseV1 drops elements that Broker 1.x's order calls equal to their
// predecessor (subnets with the same network), keeping the first.
func collapseV1(elems []Data) []Data {
	return slices.CompactFunc(slices.Clone(elems), func(p, q Data) bool { return compare(p, q, V1) == 0 })
}

// appendVarbyte writes a length or count as Broker does: unsigned LEB128
// of the value truncated to 32 bits.
func appendVarbyte(b []byte, n int) []byte {
	x := uint32(n)
	for x > 0x7f {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// packReal is Broker's real encoding (FORMAT.md §2.3). Finite normal
// numbers get their IEEE-754 bits in every generation; the rest follows
// Broker's own pack routine, which differs from IEEE.
func packReal(x float64, f Flavor) (uint64, error) {
	switch {
	case x == 0:
		if f == Current && math.Signbit(x) {
			return 1 << 63, nil
		}
		return 0, nil
	case math.IsNaN(x):
		if f == V1 {
			return 0xbff0000000000000, nil // observed on x86-64; reads back as -1.0
		}
		return math.MaxUint64, nil
	case math.IsInf(x, 0):
		if f == V1 {
			return 0, ErrInfinityV1
		}
		// Current Broker writes IEEE's -inf pattern for +inf and vice versa.
		if x > 0 {
			return 0xfff0000000000000, nil
		}
		return 0x7ff0000000000000, nil
	}
	bits := math.Float64bits(x)
	if e := bits >> 52 & 0x7ff; e != 0 {
		return bits, nil // normal: Broker's routine rebuilds exactly these bits
	}
	// Subnormal: Broker normalises into [1, 2) by doubling (exact here),
	// truncates the fraction to 52 bits and stores the exponent plus 1023
	// modulo 2^64, which spills into the sign bit.
	frac, exp := math.Frexp(math.Abs(x)) // |x| = frac·2^exp, frac in [0.5, 1)
	norm, shift := frac*2, int64(exp-1)
	sig := uint64((norm - 1) * (1 << 52))
	out := uint64(shift+1023)<<52 | sig
	if x < 0 {
		out |= 1 << 63
	}
	return out, nil
}

// unpackReal is Broker's real decoding: current Broker first maps its own
// special patterns; otherwise both generations rebuild the value by
// repeated doubling or halving (which overflows IEEE's inf/NaN patterns
// to infinity and rounds IEEE's subnormal patterns step by step).
func unpackReal(bits uint64, f Flavor) float64 {
	if f == Current {
		switch bits {
		case 0x8000000000000000:
			return math.Copysign(0, -1)
		case 0xfff0000000000000:
			return math.Inf(1)
		case 0x7ff0000000000000:
			return math.Inf(-1)
		case math.MaxUint64:
			return math.NaN()
		}
	}
	if bits == 0 {
		return 0
	}
	if e := bits >> 52 & 0x7ff; e != 0 && e != 0x7ff {
		return math.Float64frombits(bits)
	}
	r := float64(bits&(1<<52-1))/(1<<52) + 1
	for shift := int(bits>>52&0x7ff) - 1023; shift != 0; {
		if shift > 0 {
			r *= 2
			shift--
		} else {
			r /= 2
			shift++
		}
	}
	if bits>>63 != 0 {
		r = -r
	}
	return r
}

// MaxDepth bounds the nesting of containers the decoder accepts, so that a
// hostile blob cannot exhaust the stack.
const MaxDepth = 1000

// DecodeError says why and where a blob is not valid Broker data.
type DecodeError struct {
	Offset int    // byte offset of the problem in the blob
	Msg    string // what is wrong
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("broker data: byte %d: %s", e.Offset, e.Msg)
}

// Decode reads a blob that must hold exactly one value in the current
// flavour; trailing bytes are an error. See DecodePrefix for Broker's own
// reading, which ignores them.
func Decode(b []byte) (Data, error) {
	d, n, err := DecodePrefix(b, Current)
	if err != nil {
		return nil, err
	}
	if n != len(b) {
		return nil, &DecodeError{n, fmt.Sprintf("%d trailing bytes after the value", len(b)-n)}
	}
	return d, nil
}

// DecodePrefix reads one value from the start of b and returns it with the
// number of bytes it used. It accepts what Broker accepts (FORMAT.md §2.7):
// elements of sets and tables in any order (they are sorted), bool bytes
// other than 0/1 (true), port protocol codes above 3, subnets of any
// length byte; and it rejects, with a DecodeError, empty or truncated
// input, unknown tags, over-long varbytes, and duplicate set elements or
// table keys (Current; V1 keeps the first of duplicates, as Broker 1.x
// does). Reals are read the flavour's way.
func DecodePrefix(b []byte, f Flavor) (Data, int, error) {
	r := reader{buf: b, flavor: f}
	d, err := r.data(0)
	if err != nil {
		return nil, r.pos, err
	}
	return d, r.pos, nil
}

type reader struct {
	buf    []byte
	pos    int
	flavor Flavor
}

func (r *reader) fail(at int, format string, args ...any) error {
	return &DecodeError{Offset: at, Msg: fmt.Sprintf(format, args...)}
}

func (r *reader) take(n int, what string) ([]byte, error) {
	if len(r.buf)-r.pos < n {
		return nil, r.fail(r.pos, "truncated %s: need %d bytes, have %d", what, n, len(r.buf)-r.pos)
	}
	p := r.buf[r.pos : r.pos+n]
	r.pos += n
	return p, nil
}

func (r *reader) u64(what string) (uint64, error) {
	p, err := r.take(8, what)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint64(p), nil
}

// varbyte reads a length or count: LEB128 accumulated into 32 bits, at most
// 5 bytes (Broker never writes more).
func (r *reader) varbyte(what string) (int, error) {
	start := r.pos
	var x uint32
	for i := 0; ; i++ {
		if i == 5 {
			return 0, r.fail(start, "%s varbyte longer than 5 bytes", what)
		}
		if r.pos >= len(r.buf) {
			return 0, r.fail(start, "truncated %s varbyte", what)
		}
		c := r.buf[r.pos]
		r.pos++
		x |= uint32(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			return int(x), nil
		}
	}
}

func (r *reader) bytes(what string) (string, error) {
	n, err := r.varbyte(what + " length")
	if err != nil {
		return "", err
	}
	p, err := r.take(n, what)
	if err != nil {
		return "", err
	}
	return string(p), nil
}

// count reads an element count and checks it against the bytes left
// (every element takes at least one), so a forged count cannot make the
// decoder allocate memory it will never fill.
func (r *reader) count(what string, perElem int) (int, error) {
	start := r.pos
	n, err := r.varbyte(what + " size")
	if err != nil {
		return 0, err
	}
	if n > (len(r.buf)-r.pos)/perElem {
		return 0, r.fail(start, "%s of %d elements, but only %d bytes follow", what, n, len(r.buf)-r.pos)
	}
	return n, nil
}

func (r *reader) data(depth int) (Data, error) {
	start := r.pos
	if r.pos >= len(r.buf) {
		if r.pos == 0 {
			return nil, r.fail(0, "empty blob")
		}
		return nil, r.fail(r.pos, "truncated: value expected")
	}
	tag := Kind(r.buf[r.pos])
	r.pos++
	switch tag {
	case KindNone:
		return None{}, nil
	case KindBool:
		p, err := r.take(1, "bool")
		if err != nil {
			return nil, err
		}
		return Bool(p[0] != 0), nil
	case KindCount:
		u, err := r.u64("count")
		return Count(u), err
	case KindInteger:
		u, err := r.u64("integer")
		return Integer(u), err
	case KindReal:
		u, err := r.u64("real")
		return Real(unpackReal(u, r.flavor)), err
	case KindTimestamp:
		u, err := r.u64("timestamp")
		return Timestamp(u), err
	case KindTimespan:
		u, err := r.u64("timespan")
		return Timespan(u), err
	case KindString:
		s, err := r.bytes("string")
		return String(s), err
	case KindEnum:
		s, err := r.bytes("enum")
		return Enum(s), err
	case KindAddress:
		p, err := r.take(16, "address")
		if err != nil {
			return nil, err
		}
		return Address(p), nil
	case KindSubnet:
		p, err := r.take(17, "subnet")
		if err != nil {
			return nil, err
		}
		return Subnet{Network: Address(p[:16]), RawLen: p[16]}, nil
	case KindPort:
		p, err := r.take(3, "port")
		if err != nil {
			return nil, err
		}
		return Port{Number: binary.BigEndian.Uint16(p), Protocol: Protocol(p[2])}, nil
	case KindSet, KindTable, KindVector:
		if depth >= MaxDepth {
			return nil, r.fail(start, "containers nested deeper than %d", MaxDepth)
		}
		return r.container(tag, start, depth+1)
	}
	return nil, r.fail(start, "unknown tag 0x%02x", byte(tag))
}

func (r *reader) container(tag Kind, start, depth int) (Data, error) {
	per := 1
	if tag == KindTable {
		per = 2
	}
	n, err := r.count(tag.String(), per)
	if err != nil {
		return nil, err
	}
	switch tag {
	case KindVector:
		v := make(Vector, n)
		for i := range v {
			if v[i], err = r.data(depth); err != nil {
				return nil, err
			}
		}
		return v, nil
	case KindSet:
		elems := make([]Data, n)
		for i := range elems {
			if elems[i], err = r.data(depth); err != nil {
				return nil, err
			}
		}
		sortStable(elems)
		for i := 1; i < len(elems); i++ {
			if Equal(elems[i-1], elems[i]) && r.flavor == Current {
				return nil, r.fail(start, "set holds the element %s twice", Render(elems[i]))
			}
		}
		return &Set{elems: slices.CompactFunc(elems, Equal)}, nil
	}
	entries := make([]TableEntry, n)
	for i := range entries {
		if entries[i].Key, err = r.data(depth); err != nil {
			return nil, err
		}
		if entries[i].Value, err = r.data(depth); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(entries, func(a, b TableEntry) int { return Compare(a.Key, b.Key) })
	for i := 1; i < len(entries); i++ {
		if Equal(entries[i-1].Key, entries[i].Key) && r.flavor == Current {
			return nil, r.fail(start, "table holds the key %s twice", Render(entries[i].Key))
		}
	}
	return &Table{entries: slices.CompactFunc(entries, func(a, b TableEntry) bool { return Equal(a.Key, b.Key) })}, nil
}
