package builtins

import (
	"strconv"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/logging"
	"github.com/gobro/gobro/runtime/value"
)

// to_json, following Zeek's B:scripts.base.utils.json/output and
// rendering.md §3.4:
//
//	bool                 true / false
//	count, int           JSON integers
//	double, time         numbers in rapidjson's layout (jsonDouble); a time
//	                     is its epoch seconds; inf and NaN are null
//	interval             its print rendering as a string ("-12.0 hrs"), or
//	                     seconds as a number with interval_as_double
//	string               JSON string, Zeek's hex escape policy (jsonString)
//	port                 {"port":N,"proto":"tcp"}
//	addr, subnet, enum   strings ("1.2.3.4", "fe80::/64", "Red")
//	pattern              its print rendering as a string ("/^?(^abcd)$?/")
//	record               object, fields in declaration order, unset fields
//	                     left out; with only_loggable only &log fields (at
//	                     every depth); the first match of
//	                     field_escape_pattern is cut from each field name
//	vector               array, holes as null
//	set                  array of members; multi-column sets give arrays
//	table                object; a one-column key is its JSON text with
//	                     the quotes of a JSON string removed ("1", "10.1.1.1");
//	                     a multi-column key is the JSON array text of its
//	                     columns (our choice: no baseline)
//	opaque               {"opaque_type":NAME}, NAME its OpaqueName (Zeek
//	                     uses its C++ class name, "TopkVal"; gobro opaques
//	                     name themselves the same way, e.g. "MD5Val")
//	function, file, type values: their print rendering as a string

func init() {
	register(map[string]Impl{"to_json": bifToJSON})
}

type jsonOpts struct {
	onlyLoggable     bool
	escape           *value.Pattern
	intervalAsDouble bool
}

func bifToJSON(_ Context, args []value.Value) (value.Value, error) {
	o := jsonOpts{
		onlyLoggable:     args[1].Bool(),
		escape:           argPattern(args[2]),
		intervalAsDouble: args[3].Bool(),
	}
	v, t := boxed(args[0])
	return value.String(string(o.appendValue(nil, v, t))), nil
}

func (o *jsonOpts) appendValue(b []byte, v value.Value, t types.Type) []byte {
	if a, ok := v.P.(*value.Any); ok && a != nil {
		v, t = a.Value, a.Type
	}
	if v.IsUnset() {
		return append(b, "null"...)
	}
	if tt, ok := v.P.(types.Type); ok {
		return logging.AppendJSONString(b, types.Describe(tt))
	}
	switch t.Kind() {
	case types.Bool:
		return strconv.AppendBool(b, v.Bool())
	case types.Count:
		return strconv.AppendUint(b, v.Count(), 10)
	case types.Int:
		return strconv.AppendInt(b, v.Int(), 10)
	case types.Double, types.Time:
		return logging.AppendJSONDouble(b, v.Double())
	case types.Interval:
		if o.intervalAsDouble {
			return logging.AppendJSONDouble(b, v.Double())
		}
		return logging.AppendJSONString(b, value.FormatInterval(v.Double()))
	case types.String:
		return logging.AppendJSONString(b, v.Str())
	case types.Port:
		b = append(b, `{"port":`...)
		b = strconv.AppendUint(b, uint64(v.PortNum()), 10)
		b = append(b, `,"proto":`...)
		b = logging.AppendJSONString(b, value.ProtoName(v.PortProto()))
		return append(b, '}')
	case types.Addr:
		return append(value.AppendAddr(append(b, '"'), v.Addr()), '"') // nothing to escape
	case types.Subnet:
		return logging.AppendJSONString(b, value.FormatSubnet(v.Subnet()))
	case types.Enum:
		name := ""
		if et, ok := t.(*types.EnumType); ok {
			name = et.NameOf(v.Int())
		}
		return logging.AppendJSONString(b, name)
	case types.Record:
		return o.appendRecord(b, v, t)
	case types.Vector:
		vec, _ := v.P.(*value.Vector)
		var et types.Type = types.AnyType
		if vec != nil && vec.Type != nil {
			et = vec.Type.Elem
		} else if vt, ok := t.(*types.VectorType); ok {
			et = vt.Elem
		}
		b = append(b, '[')
		if vec != nil {
			for i, e := range vec.Elems {
				if i > 0 {
					b = append(b, ',')
				}
				b = o.appendValue(b, e, et)
			}
		}
		return append(b, ']')
	case types.Set, types.Table:
		return o.appendTable(b, v)
	case types.Opaque:
		name := t.String()
		if op, ok := v.P.(value.Opaque); ok {
			name = op.OpaqueName()
		}
		b = append(b, `{"opaque_type":`...)
		b = logging.AppendJSONString(b, name)
		return append(b, '}')
	}
	return logging.AppendJSONString(b, value.Render(v, t, value.ModeRaw))
}

func (o *jsonOpts) appendRecord(b []byte, v value.Value, t types.Type) []byte {
	rec, _ := v.P.(*value.Record)
	rt, _ := t.(*types.RecordType)
	if rec != nil && rec.Type != nil {
		rt = rec.Type
	}
	b = append(b, '{')
	if rec != nil && rt != nil {
		first := true
		for i, f := range rt.Fields {
			fv := rec.Field(i)
			if fv.IsUnset() || (o.onlyLoggable && !f.Log) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = logging.AppendJSONString(b, o.fieldName(f.Name))
			b = append(b, ':')
			b = o.appendValue(b, fv, f.Type)
		}
	}
	return append(b, '}')
}

// fieldName cuts the first match of the escape pattern from a field name.
func (o *jsonOpts) fieldName(name string) string {
	if o.escape == nil {
		return name
	}
	if m := o.escape.FirstAnywhere(name); m != nil {
		return name[:m[0]] + name[m[1]:]
	}
	return name
}

func (o *jsonOpts) appendTable(b []byte, v value.Value) []byte {
	t, _ := v.P.(*value.Table)
	if t == nil {
		return append(b, "null"...)
	}
	idx := t.Type.Index
	set := t.IsSet()
	if set {
		b = append(b, '[')
	} else {
		b = append(b, '{')
	}
	var key []value.Value
	first := true
	for it := t.Iter(); it.Next(); {
		if !first {
			b = append(b, ',')
		}
		first = false
		key = it.Key(key[:0])
		var kb []byte
		if len(idx) == 1 {
			kb = o.appendValue(nil, key[0], idx[0])
		} else {
			kb = append(kb, '[')
			for i, k := range key {
				if i > 0 {
					kb = append(kb, ',')
				}
				kb = o.appendValue(kb, k, idx[i])
			}
			kb = append(kb, ']')
		}
		if set {
			b = append(b, kb...)
			continue
		}
		if len(idx) == 1 && idx[0].Kind() == types.String {
			b = logging.AppendJSONString(b, key[0].Str())
		} else if len(kb) >= 2 && kb[0] == '"' && kb[len(kb)-1] == '"' {
			b = append(b, kb...)
		} else {
			b = logging.AppendJSONString(b, string(kb))
		}
		b = append(b, ':')
		b = o.appendValue(b, it.Val(), t.Type.Yield)
	}
	if set {
		return append(b, ']')
	}
	return append(b, '}')
}
