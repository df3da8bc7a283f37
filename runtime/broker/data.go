// Package broker is the Broker data model and its binary encoding: the
// values Zeek puts into Broker data stores, the bytes Broker writes for
// them into SQLite store files, Broker's total order on data (which fixes
// the byte order of sets and tables), and a Zeek-notation rendering.
//
// The byte format is ../shared/broker/FORMAT.md §2; the differences between
// Broker 1.x and current Broker are Flavor (§6). Nothing here knows about
// stores, scripts or SQLite.
package broker

import (
	"math"
	"net/netip"
)

// Kind is the type of a Data value. Its numeric value is the tag byte that
// starts the value's encoding (the index in Broker's data variant), so the
// order of kinds is also Broker's order between values of different types.
type Kind uint8

const (
	KindNone Kind = iota
	KindBool
	KindCount
	KindInteger
	KindReal
	KindString
	KindAddress
	KindSubnet
	KindPort
	KindTimestamp
	KindTimespan
	KindEnum
	KindSet
	KindTable
	KindVector
)

var kindNames = [...]string{"none", "bool", "count", "integer", "real", "string",
	"address", "subnet", "port", "timestamp", "timespan", "enum", "set", "table", "vector"}

// String is Broker's name of the kind (as in its documentation).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int64(k)) + ")"
}

// Data is one Broker value: None, Bool, Count, Integer, Real, String,
// Address, Subnet, Port, Timestamp, Timespan, Enum, *Set, *Table or Vector.
// Sets and tables are pointers because they are kept sorted in place;
// use Clone for an independent copy.
type Data interface {
	Kind() Kind
	isData()
}

// None is Broker's "nil": an unset record field, the value of a set
// element stored with &backend, or a deliberately empty value.
type None struct{}

// Bool is a boolean.
type Bool bool

// Count is an unsigned 64-bit integer (Zeek's count).
type Count uint64

// Integer is a signed 64-bit integer (Zeek's int).
type Integer int64

// Real is a double (Zeek's double).
type Real float64

// String holds arbitrary bytes; Broker requires no particular encoding.
type String string

// Enum is an enum value by name; Zeek stores the module-qualified name
// ("Broker::SQLITE") for enums declared in a module.
type Enum string

// Timestamp is a point in time in nanoseconds since the Unix epoch (UTC).
type Timestamp int64

// Timespan is a duration in nanoseconds.
type Timespan int64

// Address is an IP address as Broker keeps it: 16 bytes, IPv4 in the
// IPv4-mapped form ::ffff:a.b.c.d (so that form and IPv4 are the same
// address, as in Broker).
type Address [16]byte

// Subnet is a network as Broker stores it: the network address and the
// raw prefix length counted on the 128-bit address (IPv4 lengths are
// stored +96). SubnetFrom builds a well-formed one; a decoded value keeps
// whatever length byte the blob had, so it re-encodes to the same bytes.
type Subnet struct {
	Network Address
	RawLen  uint8
}

// Protocol is a port's transport protocol, as Broker encodes it.
type Protocol uint8

const (
	ProtoUnknown Protocol = 0
	ProtoTCP     Protocol = 1
	ProtoUDP     Protocol = 2
	ProtoICMP    Protocol = 3
)

// String is the protocol name as Zeek prints it after a port number.
// Codes above 3 (accepted when decoding, as current Broker does) are
// "unknown".
func (p Protocol) String() string {
	switch p {
	case ProtoTCP:
		return "tcp"
	case ProtoUDP:
		return "udp"
	case ProtoICMP:
		return "icmp"
	}
	return "unknown"
}

// Port is a transport port; ICMP "ports" carry Zeek's type/code convention
// unchanged.
type Port struct {
	Number   uint16
	Protocol Protocol
}

// Vector is an ordered sequence. Zeek records are vectors with one slot
// per field (None for unset ones), multi-part table indexes are vectors
// of the parts.
type Vector []Data

func (None) Kind() Kind      { return KindNone }
func (Bool) Kind() Kind      { return KindBool }
func (Count) Kind() Kind     { return KindCount }
func (Integer) Kind() Kind   { return KindInteger }
func (Real) Kind() Kind      { return KindReal }
func (String) Kind() Kind    { return KindString }
func (Address) Kind() Kind   { return KindAddress }
func (Subnet) Kind() Kind    { return KindSubnet }
func (Port) Kind() Kind      { return KindPort }
func (Timestamp) Kind() Kind { return KindTimestamp }
func (Timespan) Kind() Kind  { return KindTimespan }
func (Enum) Kind() Kind      { return KindEnum }
func (*Set) Kind() Kind      { return KindSet }
func (*Table) Kind() Kind    { return KindTable }
func (Vector) Kind() Kind    { return KindVector }

func (None) isData()      {}
func (Bool) isData()      {}
func (Count) isData()     {}
func (Integer) isData()   {}
func (Real) isData()      {}
func (String) isData()    {}
func (Address) isData()   {}
func (Subnet) isData()    {}
func (Port) isData()      {}
func (Timestamp) isData() {}
func (Timespan) isData()  {}
func (Enum) isData()      {}
func (*Set) isData()      {}
func (*Table) isData()    {}
func (Vector) isData()    {}

// v4Prefix is the first 12 bytes of an IPv4-mapped address.
var v4Prefix = [12]byte{10: 0xff, 11: 0xff}

// AddressFrom converts a netip address; IPv4 (and IPv4-mapped IPv6)
// become the mapped form. The invalid zero netip.Addr becomes ::.
func AddressFrom(a netip.Addr) Address {
	if !a.IsValid() {
		return Address{}
	}
	return Address(a.As16())
}

// Is4 reports whether the address is IPv4 (the mapped form).
func (a Address) Is4() bool { return [12]byte(a[:12]) == v4Prefix }

// Addr is the address as netip; IPv4 comes back as a 4-byte address.
func (a Address) Addr() netip.Addr {
	ip := netip.AddrFrom16(a)
	if a.Is4() {
		return ip.Unmap()
	}
	return ip
}

// SubnetFrom converts a prefix the way Broker constructs subnets: the
// network is masked (10.1.2.3/8 becomes 10.0.0.0/8), IPv4 lengths are
// stored +96, and an invalid prefix (or a length beyond the address
// size) becomes ::/0.
func SubnetFrom(p netip.Prefix) Subnet {
	if !p.IsValid() {
		return Subnet{}
	}
	a := p.Addr()
	bits := p.Bits()
	if a.Is4() || a.Is4In6() {
		if a.Is4In6() {
			if bits < 96 {
				return Subnet{}
			}
			bits -= 96
		}
		return MakeSubnet(AddressFrom(a.Unmap()), uint8(bits+96))
	}
	return MakeSubnet(AddressFrom(a), uint8(bits))
}

// MakeSubnet builds a subnet from a network and a raw (128-bit) prefix
// length, clearing the host bits; a length above 128 gives ::/0.
func MakeSubnet(network Address, rawLen uint8) Subnet {
	if rawLen > 128 {
		return Subnet{}
	}
	var m Address
	for i := range m {
		bits := int(rawLen) - 8*i
		switch {
		case bits >= 8:
			m[i] = network[i]
		case bits > 0:
			m[i] = network[i] & (0xff << (8 - bits))
		}
	}
	return Subnet{Network: m, RawLen: rawLen}
}

// Len is the prefix length as a user writes it: the raw length less 96
// for IPv4 networks. A malformed IPv4 subnet with a raw length below 96
// wraps around in a byte, as Broker 1.x prints it (10.0.0.0/168).
func (s Subnet) Len() int {
	if s.Network.Is4() {
		return int(s.RawLen - 96)
	}
	return int(s.RawLen)
}

// Prefix is the subnet as netip; ok is false for a length that does not
// fit the address family (only possible in decoded blobs).
func (s Subnet) Prefix() (p netip.Prefix, ok bool) {
	a := s.Network.Addr()
	n := s.Len()
	if n > a.BitLen() {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, n), true
}

// TimestampFromSeconds converts Zeek's time (double seconds) as Zeek does:
// multiply by 1e9 in double precision and truncate toward zero. Values
// beyond the int64 range saturate and NaN gives 0 (in Zeek these are
// undefined behaviour).
func TimestampFromSeconds(s float64) Timestamp { return Timestamp(secondsToNanos(s)) }

// TimespanFromSeconds converts Zeek's interval the same way.
func TimespanFromSeconds(s float64) Timespan { return Timespan(secondsToNanos(s)) }

// Seconds is the timestamp as Zeek's time: nanoseconds / 1e9 in double.
func (t Timestamp) Seconds() float64 { return float64(t) / 1e9 }

// Seconds is the timespan as Zeek's interval.
func (t Timespan) Seconds() float64 { return float64(t) / 1e9 }

func secondsToNanos(s float64) int64 {
	ns := s * 1e9
	switch {
	case ns != ns:
		return 0
	case ns >= math.MaxInt64:
		return math.MaxInt64
	case ns <= math.MinInt64:
		return math.MinInt64
	}
	return int64(ns)
}

// Clone returns a deep copy: mutating a cloned set, table or vector
// does not affect the original.
func Clone(d Data) Data {
	switch x := d.(type) {
	case *Set:
		c := &Set{elems: make([]Data, len(x.elems))}
		for i, e := range x.elems {
			c.elems[i] = Clone(e)
		}
		return c
	case *Table:
		c := &Table{entries: make([]TableEntry, len(x.entries))}
		for i, e := range x.entries {
			c.entries[i] = TableEntry{Key: Clone(e.Key), Value: Clone(e.Value)}
		}
		return c
	case Vector:
		c := make(Vector, len(x))
		for i, e := range x {
			c[i] = Clone(e)
		}
		return c
	}
	return d
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	for {
		i--
		b[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
