package builtins

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/value"
)

// Script values and Broker data (../shared/broker/FORMAT.md §4).
//
// A Broker::Data record holds its value in the field "data", an opaque of
// Broker::Data (*BrokerData); the field is unset for "no value". ToBroker
// converts a script value as Zeek stores it; FromBroker converts back, as
// "d as T" does, and fails on any mismatch (no count/int leniency, as in
// Zeek).

// BrokerData is the opaque inside a Broker::Data record.
type BrokerData struct {
	D broker.Data
}

func (*BrokerData) OpaqueName() string { return "Broker::Data" }

// Render is how Zeek prints the opaque: broker::data{...}.
func (d *BrokerData) Render() string { return "broker::data{" + BrokerText(d.D) + "}" }

// ToBroker converts a script value of type t (boxed when t is any) to
// Broker data; false when the value has no Broker form (a vector hole, a
// function, an opaque other than Broker data...).
func ToBroker(v value.Value, t types.Type) (broker.Data, bool) {
	if t == nil || t.Kind() == types.Any {
		a, ok := v.P.(*value.Any)
		if !ok || a == nil {
			return nil, false
		}
		v, t = a.Value, a.Type
	}
	if v.IsUnset() {
		return nil, false
	}
	switch t.Kind() {
	case types.Bool:
		return broker.Bool(v.Bool()), true
	case types.Count:
		return broker.Count(v.Count()), true
	case types.Int:
		return broker.Integer(v.Int()), true
	case types.Double:
		return broker.Real(v.Double()), true
	case types.String:
		return broker.String(v.Str()), true
	case types.Addr:
		return broker.AddressFrom(v.Addr()), true
	case types.Subnet:
		return broker.SubnetFrom(v.Subnet()), true
	case types.Port:
		return broker.Port{Number: uint16(v.PortNum()), Protocol: broker.Protocol(v.PortProto())}, true
	case types.Time:
		return broker.TimestampFromSeconds(v.Double()), true
	case types.Interval:
		return broker.TimespanFromSeconds(v.Double()), true
	case types.Enum:
		et, ok := t.(*types.EnumType)
		if !ok {
			return nil, false
		}
		name := et.NameOf(v.Int())
		if name == "" {
			return nil, false
		}
		return broker.Enum(name), true
	case types.File:
		f, ok := v.P.(*value.File)
		if !ok || f == nil {
			return nil, false
		}
		return broker.String(f.Name), true
	case types.Pattern:
		p, ok := v.P.(*value.Pattern)
		if !ok || p == nil {
			return nil, false
		}
		return broker.Vector{broker.String(p.Text()), broker.String(anywhereText(p.Text()))}, true
	case types.Func:
		// A function is stored by name. Zeek stores a lambda with its
		// captures under a name derived from its body; gobro's lambdas
		// have no such stable name, so they have no Broker form.
		f, ok := v.P.(*value.Func)
		if !ok || f == nil || f.Name == "" || strings.HasPrefix(f.Name, "lambda_") {
			return nil, false
		}
		return broker.Vector{broker.String(f.Name)}, true
	case types.Record:
		rt := t.(*types.RecordType)
		r, ok := v.P.(*value.Record)
		if !ok || r == nil {
			return nil, false
		}
		if IsBrokerDataType(rt) {
			d, _ := brokerDataOf(r)
			if d == nil {
				return broker.None{}, true
			}
			return d, true
		}
		out := make(broker.Vector, len(rt.Fields))
		for i, f := range rt.Fields {
			fv := r.Field(i)
			if fv.IsUnset() {
				out[i] = broker.None{}
				continue
			}
			d, ok := ToBroker(fv, f.Type)
			if !ok {
				return nil, false
			}
			out[i] = d
		}
		return out, true
	case types.Set, types.Table:
		tt := t.(*types.TableType)
		tbl, ok := v.P.(*value.Table)
		if !ok || tbl == nil {
			return nil, false
		}
		var keys, vals []broker.Data
		var buf []value.Value
		it := tbl.Iter()
		for it.Next() {
			buf = it.Key(buf[:0])
			k, ok := indexToBroker(buf, tt.Index)
			if !ok {
				it.Done()
				return nil, false
			}
			keys = append(keys, k)
			if !tt.IsSet() {
				d, ok := ToBroker(it.Val(), tt.Yield)
				if !ok {
					it.Done()
					return nil, false
				}
				vals = append(vals, d)
			}
		}
		if tt.IsSet() {
			return broker.NewSet(keys...), true
		}
		entries := make([]broker.TableEntry, len(keys))
		for i := range keys {
			entries[i] = broker.TableEntry{Key: keys[i], Value: vals[i]}
		}
		return broker.NewTable(entries...), true
	case types.Vector:
		vt := t.(*types.VectorType)
		vec, ok := v.P.(*value.Vector)
		if !ok || vec == nil {
			return nil, false
		}
		out := make(broker.Vector, len(vec.Elems))
		for i, e := range vec.Elems {
			d, ok := ToBroker(e, vt.Elem)
			if !ok {
				return nil, false
			}
			out[i] = d
		}
		return out, true
	case types.Opaque:
		if bd, ok := v.P.(*BrokerData); ok && bd.D != nil {
			return bd.D, true
		}
	}
	return nil, false
}

// indexToBroker converts a table index: one part as itself, several as
// a vector of the parts.
func indexToBroker(key []value.Value, index []types.Type) (broker.Data, bool) {
	if len(key) == 1 && len(index) == 1 {
		return ToBroker(key[0], index[0])
	}
	out := make(broker.Vector, len(key))
	for i, k := range key {
		if i >= len(index) {
			return nil, false
		}
		d, ok := ToBroker(k, index[i])
		if !ok {
			return nil, false
		}
		out[i] = d
	}
	return out, true
}

// FromBroker converts Broker data to a script value of type t; false when
// the data does not have that type.
func FromBroker(d broker.Data, t types.Type) (value.Value, bool) {
	if d == nil {
		return value.None, false
	}
	switch t.Kind() {
	case types.Bool:
		if x, ok := d.(broker.Bool); ok {
			return value.Bool(bool(x)), true
		}
	case types.Count:
		if x, ok := d.(broker.Count); ok {
			return value.Count(uint64(x)), true
		}
	case types.Int:
		if x, ok := d.(broker.Integer); ok {
			return value.Int(int64(x)), true
		}
	case types.Double:
		if x, ok := d.(broker.Real); ok {
			return value.Double(float64(x)), true
		}
	case types.String:
		if x, ok := d.(broker.String); ok {
			return value.String(string(x)), true
		}
	case types.Addr:
		if x, ok := d.(broker.Address); ok {
			return value.Addr(x.Addr()), true
		}
	case types.Subnet:
		if x, ok := d.(broker.Subnet); ok {
			if p, ok := x.Prefix(); ok {
				return value.Subnet(p), true
			}
		}
	case types.Port:
		if x, ok := d.(broker.Port); ok {
			proto := int(x.Protocol)
			if proto > value.ProtoICMP {
				proto = value.ProtoUnknown
			}
			return value.Port(uint32(x.Number), proto), true
		}
	case types.Time:
		if x, ok := d.(broker.Timestamp); ok {
			return value.Time(x.Seconds()), true
		}
	case types.Interval:
		if x, ok := d.(broker.Timespan); ok {
			return value.Interval(x.Seconds()), true
		}
	case types.Enum:
		if x, ok := d.(broker.Enum); ok {
			if et, ok := t.(*types.EnumType); ok {
				if c := et.Lookup(string(x)); c != nil {
					return value.Enum(c.Value), true
				}
			}
		}
	case types.Record:
		rt := t.(*types.RecordType)
		if IsBrokerDataType(rt) {
			return brokerDataRecord(rt, d), true
		}
		vec, ok := d.(broker.Vector)
		if !ok || len(vec) != len(rt.Fields) {
			return value.None, false
		}
		r := value.NewRecord(rt)
		for i, f := range rt.Fields {
			if vec[i].Kind() == broker.KindNone {
				r.SetField(i, value.None)
				continue
			}
			fv, ok := FromBroker(vec[i], f.Type)
			if !ok {
				return value.None, false
			}
			r.SetField(i, fv)
		}
		return value.Value{P: r}, true
	case types.Set, types.Table:
		tt := t.(*types.TableType)
		out := value.NewTable(tt)
		if tt.IsSet() {
			s, ok := d.(*broker.Set)
			if !ok {
				return value.None, false
			}
			for _, e := range s.Elems() {
				key, ok := indexFromBroker(e, tt.Index)
				if !ok {
					return value.None, false
				}
				out.Add(key)
			}
			return value.Value{P: out}, true
		}
		tb, ok := d.(*broker.Table)
		if !ok {
			return value.None, false
		}
		for _, e := range tb.Entries() {
			key, ok := indexFromBroker(e.Key, tt.Index)
			if !ok {
				return value.None, false
			}
			v, ok := FromBroker(e.Value, tt.Yield)
			if !ok {
				return value.None, false
			}
			out.Put(key, v)
		}
		return value.Value{P: out}, true
	case types.Vector:
		vt := t.(*types.VectorType)
		vec, ok := d.(broker.Vector)
		if !ok {
			return value.None, false
		}
		out := &value.Vector{Type: vt, Elems: make([]value.Value, len(vec))}
		for i, e := range vec {
			v, ok := FromBroker(e, vt.Elem)
			if !ok {
				return value.None, false
			}
			out.Elems[i] = v
		}
		return value.Value{P: out}, true
	case types.Opaque:
		if ot, ok := t.(*types.OpaqueType); ok && ot.Name == "Broker::Data" {
			return value.Value{P: &BrokerData{D: d}}, true
		}
	}
	return value.None, false
}

func indexFromBroker(d broker.Data, index []types.Type) ([]value.Value, bool) {
	if len(index) == 1 {
		v, ok := FromBroker(d, index[0])
		return []value.Value{v}, ok
	}
	vec, ok := d.(broker.Vector)
	if !ok || len(vec) != len(index) {
		return nil, false
	}
	key := make([]value.Value, len(index))
	for i, t := range index {
		v, ok := FromBroker(vec[i], t)
		if !ok {
			return nil, false
		}
		key[i] = v
	}
	return key, true
}

// IsBrokerDataType reports whether t is the record type Broker::Data.
func IsBrokerDataType(t types.Type) bool {
	rt, ok := t.(*types.RecordType)
	return ok && rt.Name == "Broker::Data"
}

// brokerDataOf is the data of a Broker::Data record (nil when unset).
func brokerDataOf(r *value.Record) (broker.Data, bool) {
	if r == nil {
		return nil, false
	}
	bd, ok := r.Field(0).P.(*BrokerData)
	if !ok || bd == nil {
		return nil, false
	}
	return bd.D, true
}

// BrokerDataOf is the data held by a Broker::Data record value (false
// when its data field is unset).
func BrokerDataOf(v value.Value) (broker.Data, bool) {
	r, _ := v.P.(*value.Record)
	return brokerDataOf(r)
}

func brokerDataRecord(rt *types.RecordType, d broker.Data) value.Value {
	r := value.NewRecord(rt)
	if d != nil && r.NumFields() > 0 {
		r.SetField(0, value.Value{P: &BrokerData{D: d}})
	}
	return value.Value{P: r}
}

// MakeBrokerData makes a Broker::Data record holding d (unset for nil).
func MakeBrokerData(ctx Context, d broker.Data) value.Value {
	rt, _ := ctx.Type("Broker::Data").(*types.RecordType)
	if rt == nil {
		rt = types.NewRecord("Broker::Data")
	}
	return brokerDataRecord(rt, d)
}

// CastBrokerData is "v as t" for v a Broker::Data record: the error is
// the run-time error Zeek reports for a failed cast.
func CastBrokerData(v value.Value, t types.Type) (value.Value, error) {
	if IsBrokerDataType(t) {
		return v, nil
	}
	d, ok := BrokerDataOf(v)
	if ok {
		if out, ok := FromBroker(d, t); ok {
			return out, nil
		}
	}
	msg := fmt.Sprintf("invalid cast of value with type 'Broker::Data' to type '%s'", types.Describe(t))
	if !ok {
		msg += " (nil field)"
	}
	return value.None, errors.New(msg)
}

// BrokerText renders data as Broker prints it inside broker::data{...}:
// T/F, numbers in decimal, reals with six decimals, strings raw, sets and
// tables in braces, vectors in parentheses, times as nanoseconds with
// "ns", none as nil.
func BrokerText(d broker.Data) string {
	var b strings.Builder
	brokerText(&b, d)
	return b.String()
}

func brokerText(b *strings.Builder, d broker.Data) {
	switch x := d.(type) {
	case nil, broker.None:
		b.WriteString("nil")
	case broker.Bool:
		if x {
			b.WriteString("T")
		} else {
			b.WriteString("F")
		}
	case broker.Count:
		b.WriteString(strconv.FormatUint(uint64(x), 10))
	case broker.Integer:
		b.WriteString(strconv.FormatInt(int64(x), 10))
	case broker.Real:
		b.WriteString(strconv.FormatFloat(float64(x), 'f', 6, 64))
	case broker.String:
		b.WriteString(string(x))
	case broker.Enum:
		b.WriteString(string(x))
	case broker.Address:
		b.WriteString(x.Addr().String())
	case broker.Subnet:
		b.WriteString(x.Network.Addr().String())
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(x.Len()))
	case broker.Port:
		b.WriteString(strconv.Itoa(int(x.Number)))
		b.WriteByte('/')
		if x.Protocol > broker.ProtoICMP {
			b.WriteByte('?')
		} else {
			b.WriteString(x.Protocol.String())
		}
	case broker.Timestamp:
		b.WriteString(strconv.FormatInt(int64(x), 10))
		b.WriteString("ns")
	case broker.Timespan:
		b.WriteString(strconv.FormatInt(int64(x), 10))
		b.WriteString("ns")
	case *broker.Set:
		b.WriteByte('{')
		for i, e := range x.Elems() {
			if i > 0 {
				b.WriteString(", ")
			}
			brokerText(b, e)
		}
		b.WriteByte('}')
	case *broker.Table:
		b.WriteByte('{')
		for i, e := range x.Entries() {
			if i > 0 {
				b.WriteString(", ")
			}
			brokerText(b, e.Key)
			b.WriteString(" -> ")
			brokerText(b, e.Value)
		}
		b.WriteByte('}')
	case broker.Vector:
		b.WriteByte('(')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			brokerText(b, e)
		}
		b.WriteByte(')')
	}
}

// anywhereText is the text of a pattern's "match anywhere" form, which
// Zeek stores beside the exact text: the exact text ^?(re)$? becomes
// ^?(.|\n)*(re).
func anywhereText(exact string) string {
	if inner, ok := strings.CutPrefix(exact, "^?("); ok {
		if inner, ok := strings.CutSuffix(inner, ")$?"); ok {
			return "^?(.|\\n)*(" + inner + ")"
		}
	}
	return exact
}
