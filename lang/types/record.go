package types

import (
	"fmt"

	"github.com/gobro/gobro/lang/ast"
)

// RecordType is a record. It is a mutable object: "redef record R += {...}"
// appends fields to the one RecordType every alias and value of R shares, so
// field offsets, once given, never change.
type RecordType struct {
	Name   string
	Fields []*Field
	byName map[string]*Field
	// numeric has bit i set when field i (of the first 64) is of a kind
	// whose values are plain numbers (see IsNumeric).
	numeric uint64
	// containerDefaults has bit i set when field i (of the first 64)
	// is a record, table, set or vector with a &default.
	containerDefaults uint64
}

// Field is one record field. Offset is its index in a record value's slot
// array, fixed when the field is added.
type Field struct {
	Name       string
	Type       Type
	Attrs      []*ast.Attr // as written (and as redef'd)
	Optional   bool
	Log        bool
	Default    ast.Expr // &default=..., nil without
	Deprecated bool
	DeprecMsg  string
	Offset     int
	Redef      bool // added by "redef record"
}

// NewRecord returns an empty record type.
func NewRecord(name string) *RecordType {
	return &RecordType{Name: name}
}

func (*RecordType) Kind() Kind { return Record }
func (t *RecordType) String() string {
	if t.Name != "" {
		return t.Name
	}
	return Describe(t)
}

// MaxRecordFields bounds a record type's fields: a record value keeps
// its slot counts in 16 bits (value.Record).
const MaxRecordFields = 1<<16 - 1

// AddField appends f, giving it the next offset. It fails when a field
// of that name exists already or the type is full.
func (t *RecordType) AddField(f *Field) error {
	if t.byName == nil {
		t.byName = map[string]*Field{}
	}
	if _, dup := t.byName[f.Name]; dup {
		return fmt.Errorf("duplicate field %q", f.Name)
	}
	if len(t.Fields) >= MaxRecordFields {
		return fmt.Errorf("record type has more than %d fields", MaxRecordFields)
	}
	f.Offset = len(t.Fields)
	if f.Offset < 64 && f.Type != nil {
		switch k := f.Type.Kind(); {
		case IsNumeric(k):
			t.numeric |= 1 << f.Offset
		case f.Default != nil && (k == Record || k == Table || k == Set || k == Vector):
			t.containerDefaults |= 1 << f.Offset
		}
	}
	t.Fields = append(t.Fields, f)
	t.byName[f.Name] = f
	return nil
}

// NumericMask has bit i set when field i, of the first 64, holds plain
// numbers: the runtime stores those fields in 8 bytes rather than in a
// whole value. A field's bit never changes once the field is added.
// A nil type has none.
func (t *RecordType) NumericMask() uint64 {
	if t == nil {
		return 0
	}
	return t.numeric
}

// ContainerDefaults is the mask of the first 64 fields that are
// containers (record, table, set, vector) with a &default: the fields
// a record made by the engine leaves to be made on first use. A nil
// type has none.
func (t *RecordType) ContainerDefaults() uint64 {
	if t == nil {
		return 0
	}
	return t.containerDefaults
}

// IsNumeric reports whether values of kind k are plain numbers: bool,
// count, int, double, time, interval, port and enum.
func IsNumeric(k Kind) bool {
	switch k {
	case Bool, Count, Int, Double, Time, Interval, Port, Enum:
		return true
	}
	return false
}

// Field returns the field called name, or nil.
func (t *RecordType) Field(name string) *Field { return t.byName[name] }

// NumFields is the size of a value's slot array.
func (t *RecordType) NumFields() int { return len(t.Fields) }
