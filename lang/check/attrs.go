package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/types"
)

// attrCtx is where an attribute list appears.
type attrCtx uint8

const (
	attrField   attrCtx = iota // record field
	attrVar                    // global, const or option
	attrLocal                  // local
	attrType                   // type declaration
	attrParam                  // function parameter
	attrFunc                   // function body
	attrHandler                // event or hook handler
	attrCons                   // table/set/vector constructor
	attrEnum                   // enum name
	attrRedef                  // redef x op v &attrs
)

// attrInfo is what the checker and compiler need from an attribute list.
type attrInfo struct {
	optional   bool
	log        bool
	def        ast.Expr
	deprecated bool
	deprecMsg  string
	priority   int
	group      string
}

// removedAttrs were Bro 2.x attributes; accepted with a warning.
var removedAttrs = map[string]bool{
	"persistent": true, "synchronized": true, "mergeable": true,
	"rotate_interval": true, "rotate_size": true, "encrypt": true,
}

// plainAttrs need no checking beyond their name: they mean something only
// to the runtime, or nothing any more.
var plainAttrs = map[string]bool{
	"is_used": true, "is_assigned": true, "error_handler": true, "ordered": true,
	"raw_output": true, "type_column": true, "publish_on_change": true,
	"add_func": true, "delete_func": true,
}

// checkAttrs checks the legality of attributes for their context and the
// type they apply to (t may be nil), and type-checks their values.
func (c *Checker) checkAttrs(attrs []*ast.Attr, ctx attrCtx, t types.Type) attrInfo {
	var info attrInfo
	for i, a := range attrs {
		attrText := "&" + a.Name
		if a.Value != nil {
			attrText += "=" + ast.Format(a.Value)
		}
		if removedAttrs[a.Name] {
			if a.Value != nil {
				c.expr(a.Value, nil)
			}
			c.report(diag.Warning, a, "", "&%s is a removed Bro attribute and is ignored", a.Name)
			continue
		}
		isTable := t != nil && (t.Kind() == types.Table || t.Kind() == types.Set)
		switch a.Name {
		case "optional":
			if ctx != attrField {
				c.errorText(a, attrText, "&optional is only valid for record fields")
			}
			info.optional = true
		case "log":
			if ctx != attrField && ctx != attrType && ctx != attrRedef {
				c.errorText(a, attrText, "&log is only valid for records and record fields")
			}
			info.log = true
		case "redef":
			// globalDecl reads it, from the constructor's attributes too.
		case "default", "default_insert":
			if a.Name == "default" {
				info.def = a.Value
			}
			if a.Value != nil {
				c.checkDefault(a, t, ctx == attrField || ctx == attrParam)
			}
		case "priority":
			if ctx != attrHandler {
				c.errorText(a, attrText, "&priority is only valid for event and hook handlers")
			}
			if a.Value != nil {
				if v, ok := c.constInt(a.Value); ok {
					info.priority = int(v)
				} else {
					c.errorText(a, attrText, "&priority must be an integer constant")
				}
			}
		case "group":
			if ctx != attrHandler {
				c.errorText(a, attrText, "&group is only valid for event and hook handlers")
			}
			if a.Value != nil {
				if v, ok := c.constValue(a.Value); ok {
					if s, ok := v.(string); ok {
						info.group = s
					}
				}
			}
		case "create_expire", "read_expire", "write_expire":
			if !isTable && t != nil && !types.IsError(t) {
				c.errorText(a, attrText, "expiration only applicable to sets/tables")
			}
			if a.Value != nil {
				if vt := c.expr(a.Value, types.IntervalType); !types.IsError(vt) && vt.Kind() != types.Interval {
					c.errorf(a.Value, a.Value, "&%s requires an interval", a.Name)
				}
			}
		case "expire_func", "on_change":
			if !isTable && t != nil && !types.IsError(t) {
				c.errorText(a, attrText, "&%s only applicable to sets/tables", a.Name)
			}
			if a.Value != nil {
				if vt := c.expr(a.Value, nil); !types.IsError(vt) && vt.Kind() != types.Func {
					c.errorf(a.Value, a.Value, "&%s requires a function", a.Name)
				}
			}
		case "backend", "broker_store", "broker_allow_complex_type":
			c.checkStoreAttr(a, attrText, attrs[:i], ctx, t)
		case "deprecated":
			info.deprecated, info.deprecMsg = true, c.deprecatedMsg(a)
		default:
			if !plainAttrs[a.Name] {
				c.errorText(a, attrText, "unknown attribute")
			} else if a.Value != nil {
				c.expr(a.Value, nil)
			}
		}
	}
	return info
}

// deprecatedMsg is the message of &deprecated="msg" ("" without one, or
// when it is not a constant string).
func (c *Checker) deprecatedMsg(a *ast.Attr) string {
	if a.Value == nil {
		return ""
	}
	v, _ := c.constValue(a.Value)
	s, _ := v.(string)
	return s
}

// checkDefault checks &default=v against the type it applies to: a field
// or parameter default has the field's type; on a table variable or
// constructor it is the value for missing keys: of the yield type, or a
// function from the index to the yield.
func (c *Checker) checkDefault(a *ast.Attr, t types.Type, whole bool) {
	want := t
	tt, isTable := t.(*types.TableType)
	isTable = isTable && !whole
	if isTable && !tt.IsSet() {
		want = tt.Yield
	}
	vt := c.expr(a.Value, want)
	if types.IsError(vt) || t == nil || types.IsError(t) {
		return
	}
	if isTable && !tt.IsSet() {
		if ft, ok := vt.(*types.FuncType); ok && !types.Promotable(vt, want) {
			if !types.Promotable(ft.Result, tt.Yield) {
				c.errorf(a.Value, a.Value, "&default function type clash")
			}
			return
		}
	}
	if !types.Promotable(vt, want) && !c.constructorFits(a.Value, want) {
		c.errorText(a, "&default="+ast.Format(a.Value), "&default value has inconsistent type")
		return
	}
	c.noteCoerce(a.Value, vt, want)
}

// checkStoreAttr checks &backend, &broker_store and
// &broker_allow_complex_type with Zeek's rules and messages. As in Zeek,
// each attribute is checked against the ones before it: a clash is
// reported at the later one, and &broker_allow_complex_type must come
// before &backend / &broker_store to allow a non-atomic yield.
func (c *Checker) checkStoreAttr(a *ast.Attr, text string, before []*ast.Attr, ctx attrCtx, t types.Type) {
	var vt types.Type
	if a.Value != nil {
		vt = c.expr(a.Value, nil)
	}
	if t == nil || types.IsError(t) || (vt != nil && types.IsError(vt)) {
		return
	}
	has := func(name string) bool {
		for _, b := range before {
			if b.Name == name {
				return true
			}
		}
		return false
	}
	tt, isTable := t.(*types.TableType)
	switch a.Name {
	case "broker_allow_complex_type":
		if !isTable {
			c.errorText(a, text, "&broker_allow_complex_type only applicable to sets/tables")
		}
		return
	case "backend":
		if ctx != attrVar || !isTable {
			c.errorText(a, text, "&backend only applicable to global sets/tables")
			return
		}
		if vt == nil || vt.Kind() != types.Enum {
			c.errorText(a, text, "&backend must take an enum argument")
			return
		}
	case "broker_store":
		if !isTable {
			c.errorText(a, text, "&broker_store only applicable to sets/tables")
			return
		}
		if vt == nil || vt.Kind() != types.String {
			c.errorText(a, text, "&broker_store must take a string argument")
			return
		}
	}
	if !tt.IsSet() && !atomicType(tt.Yield) && !has("broker_allow_complex_type") {
		c.errorText(a, text, "&%s only supports atomic types as table value", a.Name)
	}
	if has("expire_func") {
		c.errorText(a, text, "&%s and &expire_func cannot be used simultaneously", a.Name)
	}
	if has("read_expire") {
		c.errorText(a, text, "&%s and &read_expire cannot be used simultaneously", a.Name)
	}
	other := "broker_store"
	if a.Name == "broker_store" {
		other = "backend"
	}
	if has(other) {
		c.errorText(a, text, "&backend and &broker_store cannot be used simultaneously")
	}
}

// atomicType reports whether values of t can back a store-bound table
// without &broker_allow_complex_type (Zeek's input-framework notion of an
// atomic type).
func atomicType(t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Int, types.Count, types.Port, types.Subnet, types.Addr,
		types.Double, types.Time, types.Interval, types.Enum, types.String, types.Pattern:
		return true
	}
	return false
}
