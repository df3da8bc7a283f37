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
	attrVar                    // global, const, option or local
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
	"raw_output": true, "type_column": true, "backend": true, "broker_store": true,
	"broker_allow_complex_type": true, "publish_on_change": true,
	"add_func": true, "delete_func": true,
}

// checkAttrs checks the legality of attributes for their context and the
// type they apply to (t may be nil), and type-checks their values.
func (c *Checker) checkAttrs(attrs []*ast.Attr, ctx attrCtx, t types.Type) attrInfo {
	var info attrInfo
	for _, a := range attrs {
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
