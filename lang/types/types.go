// Package types is the Zeek type system: small Go values describing the
// static type of every script value. Types are compared structurally (an
// alias such as addr_set IS set[addr]); names are kept only for messages.
package types

import (
	"strings"

	"github.com/gobro/gobro/lang/ast"
)

// Kind is the tag of a type.
type Kind uint8

const (
	Invalid Kind = iota // the type of an expression that already failed to check
	Bool
	Count
	Int
	Double
	String
	Addr
	Subnet
	Port
	Time
	Interval
	Pattern
	Enum
	Record
	Table
	Set
	Vector
	Func // function, event or hook; see FuncType.Flavor
	Opaque
	Any
	File
	Void
	List // internal: the type of an index tuple [a, b]
)

var kindNames = [...]string{
	Invalid: "error", Bool: "bool", Count: "count", Int: "int", Double: "double",
	String: "string", Addr: "addr", Subnet: "subnet", Port: "port", Time: "time",
	Interval: "interval", Pattern: "pattern", Enum: "enum", Record: "record",
	Table: "table", Set: "set", Vector: "vector", Func: "func", Opaque: "opaque",
	Any: "any", File: "file", Void: "void", List: "list",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Type is a Zeek type.
type Type interface {
	Kind() Kind
	// String renders the type as Zeek does in messages and log headers;
	// a named record, enum or alias renders as its name.
	String() string
}

// Basic is a type fully described by its kind (bool, count, addr, any...).
type Basic struct{ kind Kind }

func (b *Basic) Kind() Kind { return b.kind }
func (b *Basic) String() string {
	if b.kind == File {
		return "file of string"
	}
	return b.kind.String()
}

// The basic types are singletons, so they may be compared with ==.
var (
	ErrorType    = &Basic{Invalid}
	BoolType     = &Basic{Bool}
	CountType    = &Basic{Count}
	IntType      = &Basic{Int}
	DoubleType   = &Basic{Double}
	StringType   = &Basic{String}
	AddrType     = &Basic{Addr}
	SubnetType   = &Basic{Subnet}
	PortType     = &Basic{Port}
	TimeType     = &Basic{Time}
	IntervalType = &Basic{Interval}
	PatternType  = &Basic{Pattern}
	AnyType      = &Basic{Any}
	FileType     = &Basic{File}
	VoidType     = &Basic{Void}
)

// BasicByName maps the type keywords to their types.
var BasicByName = map[string]Type{
	"bool": BoolType, "count": CountType, "int": IntType, "double": DoubleType,
	"string": StringType, "addr": AddrType, "subnet": SubnetType, "port": PortType,
	"time": TimeType, "interval": IntervalType, "pattern": PatternType,
	"any": AnyType, "file": FileType, "void": VoidType,
}

// TableType is table[Index] of Yield, or set[Index] when Yield is nil.
type TableType struct {
	Name  string // alias name for messages ("addr_set"), may be empty
	Index []Type
	Yield Type // nil for sets
}

// NewSet returns set[index...].
func NewSet(index ...Type) *TableType { return &TableType{Index: index} }

// NewTable returns table[index...] of yield.
func NewTable(yield Type, index ...Type) *TableType {
	return &TableType{Index: index, Yield: yield}
}

func (t *TableType) Kind() Kind {
	if t.Yield == nil {
		return Set
	}
	return Table
}

// IsSet reports whether t is a set.
func (t *TableType) IsSet() bool { return t.Yield == nil }

// IndexList returns the index types as one list type.
func (t *TableType) IndexList() *ListType { return &ListType{Elems: t.Index} }

func (t *TableType) String() string {
	if t.Name != "" {
		return t.Name
	}
	return Describe(t)
}

// VectorType is vector of Elem.
type VectorType struct {
	Name string
	Elem Type
}

func (*VectorType) Kind() Kind { return Vector }
func (t *VectorType) String() string {
	if t.Name != "" {
		return t.Name
	}
	return Describe(t)
}

// ListType is the type of an index tuple or expression list.
type ListType struct{ Elems []Type }

func (*ListType) Kind() Kind       { return List }
func (t *ListType) String() string { return Describe(t) }

// OpaqueType is opaque of Name.
type OpaqueType struct{ Name string }

func (*OpaqueType) Kind() Kind       { return Opaque }
func (t *OpaqueType) String() string { return "opaque of " + t.Name }

// Flavor of a function type.
type Flavor = ast.FuncKind

// FuncType is function(params): result, event(params) or hook(params).
type FuncType struct {
	Name     string
	Flavor   Flavor
	Params   []*Param
	Result   Type // VoidType when none (events: void, hooks: bool)
	Variadic bool // built-ins only: extra arguments are accepted unchecked
}

// Param is one parameter of a function type.
type Param struct {
	Name    string
	Type    Type
	Default ast.Expr // &default=..., nil without
	Attrs   []*ast.Attr
}

func (*FuncType) Kind() Kind { return Func }
func (t *FuncType) String() string {
	if t.Name != "" {
		return t.Name
	}
	return Describe(t)
}

// MinArgs is the number of parameters without a default.
func (t *FuncType) MinArgs() int {
	n := 0
	for i, p := range t.Params {
		if p.Default == nil {
			n = i + 1
		}
	}
	return n
}

// Describe renders a type structurally, ignoring its own name (but naming
// nested records and enums), as Zeek's type_name and log headers do.
func Describe(t Type) string {
	var b strings.Builder
	describe(&b, t, true)
	return b.String()
}

func describe(b *strings.Builder, t Type, top bool) {
	if !top {
		b.WriteString(t.String())
		return
	}
	switch t := t.(type) {
	case *TableType:
		if t.Yield == nil {
			b.WriteString("set[")
		} else {
			b.WriteString("table[")
		}
		for i, x := range t.Index {
			if i > 0 {
				b.WriteByte(',')
			}
			describe(b, x, false)
		}
		b.WriteByte(']')
		if t.Yield != nil {
			b.WriteString(" of ")
			describe(b, t.Yield, false)
		}
	case *VectorType:
		b.WriteString("vector of ")
		describe(b, t.Elem, false)
	case *ListType:
		for i, x := range t.Elems {
			if i > 0 {
				b.WriteByte(',')
			}
			describe(b, x, false)
		}
	case *FuncType:
		b.WriteString(t.Flavor.String())
		b.WriteByte('(')
		for i, p := range t.Params {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.Name)
			b.WriteByte(':')
			describe(b, p.Type, false)
		}
		if t.Variadic {
			if len(t.Params) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("...")
		}
		b.WriteByte(')')
		if t.Flavor == ast.Function {
			b.WriteString(" : ")
			if t.Result == nil {
				b.WriteString("void")
			} else {
				describe(b, t.Result, false)
			}
		}
	case *RecordType:
		b.WriteString("record { ")
		for _, f := range t.Fields {
			b.WriteString(f.Name)
			b.WriteByte(':')
			describe(b, f.Type, false)
			b.WriteString("; ")
		}
		b.WriteByte('}')
	case *EnumType:
		b.WriteString("enum")
	default:
		b.WriteString(t.String())
	}
}

// Alias gives t a name for messages. Aliases are structural, so containers
// and function types are copied with the name set; records and enums are
// nominal objects (redef grows them in place) and keep their first name.
func Alias(name string, t Type) Type {
	switch t := t.(type) {
	case *TableType:
		c := *t
		c.Name = name
		return &c
	case *VectorType:
		c := *t
		c.Name = name
		return &c
	case *FuncType:
		c := *t
		c.Name = name
		return &c
	case *RecordType:
		if t.Name == "" {
			t.Name = name
		}
	case *EnumType:
		if t.Name == "" {
			t.Name = name
		}
	}
	return t
}
