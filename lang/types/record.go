package types

import "github.com/gobro/gobro/lang/ast"

// RecordType is a record. It is a mutable object: "redef record R += {...}"
// appends fields to the one RecordType every alias and value of R shares, so
// field offsets, once given, never change.
type RecordType struct {
	Name   string
	Fields []*Field
	byName map[string]*Field
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

// AddField appends f, giving it the next offset. It reports false when a
// field of that name exists already.
func (t *RecordType) AddField(f *Field) bool {
	if t.byName == nil {
		t.byName = map[string]*Field{}
	}
	if _, dup := t.byName[f.Name]; dup {
		return false
	}
	f.Offset = len(t.Fields)
	t.Fields = append(t.Fields, f)
	t.byName[f.Name] = f
	return true
}

// Field returns the field called name, or nil.
func (t *RecordType) Field(name string) *Field { return t.byName[name] }

// NumFields is the size of a value's slot array.
func (t *RecordType) NumFields() int { return len(t.Fields) }
