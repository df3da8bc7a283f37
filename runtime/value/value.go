// Package value holds the run-time representation of script values.
//
// A Value is two words: scalars are stored unboxed in N, so arithmetic,
// comparisons and field access on them never allocate; everything else
// lives behind P. What N and P mean is given by the static type, which the
// compiler always knows (lang/check annotates every expression), so a Value
// does not carry its type — except inside `any`, where P is an *Any.
//
//	bool                 N = 0 or 1
//	count                N
//	int                  N = uint64(int64)
//	double, time,        N = math.Float64bits (time: seconds since the epoch;
//	  interval                                 interval: seconds)
//	port                 N = number | proto<<16 (see PortProto)
//	enum                 N = the constant's value
//	string               P = string (bytes, any content)
//	addr                 P = netip.Addr (IPv4-mapped IPv6 stored as IPv4)
//	subnet               P = netip.Prefix (masked)
//	pattern              P = *Pattern
//	record               P = *Record
//	table, set           P = *Table
//	vector               P = *Vector
//	function/event/hook  P = *Func
//	opaque               P = an Opaque
//	any                  P = *Any (the value with its dynamic type)
//	file                 P = *File
//
// A Value whose P is Unset is "no value": an unset record field, a vector
// hole, a local read before assignment.
package value

import (
	"math"
	"net/netip"

	"github.com/gobro/gobro/lang/types"
)

// Value is one script value; see the package comment for its layout.
type Value struct {
	N uint64
	P any
}

type unsetMarker struct{}

// Unset marks the absence of a value in P.
var Unset any = &unsetMarker{}

// None is the absent value.
var None = Value{P: Unset}

// IsUnset reports whether v holds no value.
func (v Value) IsUnset() bool { return v.P == Unset }

// Constructors and accessors for the scalar kinds.

func Bool(b bool) Value {
	if b {
		return Value{N: 1}
	}
	return Value{}
}
func Count(c uint64) Value        { return Value{N: c} }
func Int(i int64) Value           { return Value{N: uint64(i)} }
func Double(d float64) Value      { return Value{N: math.Float64bits(d)} }
func Time(t float64) Value        { return Double(t) }
func Interval(s float64) Value    { return Double(s) }
func Enum(v int64) Value          { return Value{N: uint64(v)} }
func String(s string) Value       { return Value{P: s} }
func Addr(a netip.Addr) Value     { return Value{P: a.Unmap()} }
func Subnet(p netip.Prefix) Value { return Value{P: p.Masked()} }

func (v Value) Bool() bool       { return v.N != 0 }
func (v Value) Count() uint64    { return v.N }
func (v Value) Int() int64       { return int64(v.N) }
func (v Value) Double() float64  { return math.Float64frombits(v.N) }
func (v Value) Str() string      { s, _ := v.P.(string); return s }
func (v Value) Addr() netip.Addr { a, _ := v.P.(netip.Addr); return a }
func (v Value) Subnet() netip.Prefix {
	p, _ := v.P.(netip.Prefix)
	return p
}

// Transport protocols of a port, as Zeek's transport_proto enum orders them.
const (
	ProtoUnknown = 0
	ProtoTCP     = 1
	ProtoUDP     = 2
	ProtoICMP    = 3
)

// Port makes a port value.
func Port(num uint32, proto int) Value { return Value{N: uint64(num&0xffff) | uint64(proto)<<16} }

// PortNum and PortProto take a port apart.
func (v Value) PortNum() uint32 { return uint32(v.N & 0xffff) }
func (v Value) PortProto() int  { return int(v.N >> 16) }

// Any is a value of static type any: the value with its dynamic type.
type Any struct {
	Type  types.Type
	Value Value
}

// Box wraps v of type t for a context of type any (an any stays as is).
func Box(v Value, t types.Type) Value {
	if t.Kind() == types.Any {
		return v
	}
	return Value{P: &Any{Type: t, Value: v}}
}

// Vector is a vector value; holes are None.
type Vector struct {
	Type  *types.VectorType
	Elems []Value
}

// Func is a callable value: a script function, event or hook with its
// bodies, a lambda with its captures, or a built-in.
type Func struct {
	Name string
	Type *types.FuncType
	// Impl is set by the runtime that created the function.
	Impl any
}

// Opaque is a runtime-owned handle (a Broker store, a hash state...).
type Opaque interface {
	// OpaqueName is the name in "opaque of NAME".
	OpaqueName() string
}

// File is an open file value.
type File struct {
	Name      string
	RawOutput bool
	Closed    bool
	Write     func(p []byte) error
}
