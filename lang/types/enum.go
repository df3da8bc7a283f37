package types

// EnumType is an enum. Like records it is one shared object that
// "redef enum E += {...}" grows, possibly with names of other modules.
type EnumType struct {
	Name   string
	Consts []*EnumConst // declaration order
	byName map[string]*EnumConst
	next   int64
}

// EnumConst is one enum name: fully qualified (module prefix except for
// GLOBAL names), with its numeric value.
type EnumConst struct {
	Name  string
	Value int64
	Type  *EnumType
}

// NewEnum returns an enum without names. (The zero EnumType is usable
// too: Add makes the index on first use.)
func NewEnum(name string) *EnumType {
	return &EnumType{Name: name}
}

func (*EnumType) Kind() Kind { return Enum }
func (t *EnumType) String() string {
	if t.Name != "" {
		return t.Name
	}
	return "enum"
}

// Add appends a name. A negative value means "next value": one more than
// the largest so far. It returns nil when the name exists already.
func (t *EnumType) Add(name string, value int64) *EnumConst {
	if t.byName == nil {
		t.byName = map[string]*EnumConst{}
	}
	if _, dup := t.byName[name]; dup {
		return nil
	}
	if value < 0 {
		value = t.next
	}
	if value >= t.next {
		t.next = value + 1
	}
	c := &EnumConst{Name: name, Value: value, Type: t}
	t.Consts = append(t.Consts, c)
	t.byName[name] = c
	return c
}

// Lookup returns the constant with the fully qualified name, or nil.
func (t *EnumType) Lookup(name string) *EnumConst { return t.byName[name] }

// NameOf returns the name of the constant with value v ("" if none).
func (t *EnumType) NameOf(v int64) string {
	for _, c := range t.Consts {
		if c.Value == v {
			return c.Name
		}
	}
	return ""
}
