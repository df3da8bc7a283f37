package types

// EnumType is an enum. Like records it is one shared object that
// "redef enum E += {...}" grows, possibly with names of other modules.
type EnumType struct {
	Name   string
	Consts []*EnumConst // declaration order
	byName map[string]*EnumConst
	next   int64
	// Members makes the type a union of other enums: their values are
	// its values and print with their own names, and values pass freely
	// between the union and its members. Zeek's AllAnalyzers::Tag is
	// one: any analyzer tag fits it, and a tag keeps printing as, say,
	// Analyzer::ANALYZER_HTTP. The members' values must not overlap.
	Members []*EnumType
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
func (t *EnumType) Lookup(name string) *EnumConst {
	if c := t.byName[name]; c != nil {
		return c
	}
	for _, m := range t.Members {
		if c := m.Lookup(name); c != nil {
			return c
		}
	}
	return nil
}

// NameOf returns the name of the constant with value v ("" if none).
func (t *EnumType) NameOf(v int64) string {
	for _, c := range t.Consts {
		if c.Value == v {
			return c.Name
		}
	}
	for _, m := range t.Members {
		if n := m.NameOf(v); n != "" {
			return n
		}
	}
	return ""
}

// All returns the constants of t and of its members, in order.
func (t *EnumType) All() []*EnumConst {
	if len(t.Members) == 0 {
		return t.Consts
	}
	all := append([]*EnumConst(nil), t.Consts...)
	for _, m := range t.Members {
		all = append(all, m.All()...)
	}
	return all
}

// compatible reports whether values of t and u are interchangeable: the
// same enum, or a union and one of its members.
func (t *EnumType) compatible(u *EnumType) bool {
	if t.Name != "" && t.Name == u.Name {
		return true
	}
	for _, m := range t.Members {
		if m == u {
			return true
		}
	}
	for _, m := range u.Members {
		if m == t {
			return true
		}
	}
	return false
}
