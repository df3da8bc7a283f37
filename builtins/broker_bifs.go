package builtins

import (
	"slices"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/value"
)

// Broker data built-ins (Zeek's data.bif): Broker::__data, __data_type
// and the set, table, vector and record helpers with their iterators.
// They work on Broker::Data records in place, as Zeek's do.

func init() {
	register(map[string]Impl{
		"Broker::__data": func(ctx Context, a []value.Value) (value.Value, error) {
			d, ok := ToBroker(a[0], types.AnyType)
			if !ok {
				ctx.Report("warning", "did not get a value from val_to_data")
				return MakeBrokerData(ctx, nil), nil
			}
			return MakeBrokerData(ctx, broker.Clone(d)), nil
		},
		"Broker::__data_type": func(ctx Context, a []value.Value) (value.Value, error) {
			d, ok := BrokerDataOf(a[0])
			if !ok {
				return enumValue(ctx, "Broker::DataType", "Broker::NONE"), runtimeError("Broker::Data's opaque field is not set")
			}
			return enumValue(ctx, "Broker::DataType", "Broker::"+dataTypeNames[d.Kind()]), nil
		},

		"Broker::__set_create": func(ctx Context, _ []value.Value) (value.Value, error) {
			return MakeBrokerData(ctx, broker.NewSet()), nil
		},
		"Broker::__set_clear": clearOp[*broker.Set](),
		"Broker::__set_size":  sizeOp[*broker.Set](),

		"Broker::__set_contains": setOp(func(s *broker.Set, k broker.Data) bool { return s.Contains(k) }),
		"Broker::__set_insert":   setOp(func(s *broker.Set, k broker.Data) bool { return s.Insert(k) }),
		"Broker::__set_remove":   setOp(func(s *broker.Set, k broker.Data) bool { return s.Remove(k) }),
		"Broker::__set_iterator": func(ctx Context, a []value.Value) (value.Value, error) {
			s, err := dataArg[*broker.Set](a[0], "table")
			it := &BrokerIterator{name: "Broker::SetIterator"}
			if err == nil {
				it.elems = slices.Clone(s.Elems())
			}
			return value.Value{P: it}, err
		},
		"Broker::__set_iterator_last":  iterLast,
		"Broker::__set_iterator_next":  iterNext,
		"Broker::__set_iterator_value": iterValue("set"),

		"Broker::__table_create": func(ctx Context, _ []value.Value) (value.Value, error) {
			return MakeBrokerData(ctx, broker.NewTable()), nil
		},
		"Broker::__table_clear": clearOp[*broker.Table](),
		"Broker::__table_size":  sizeOp[*broker.Table](),

		"Broker::__table_contains": func(ctx Context, a []value.Value) (value.Value, error) {
			t, err := dataArg[*broker.Table](a[0], "table")
			if err != nil {
				return value.Bool(false), err
			}
			k, ok := ToBroker(a[1], types.AnyType)
			if !ok {
				return value.Bool(false), bifError("invalid Broker data conversion for key argument")
			}
			_, found := t.Lookup(k)
			return value.Bool(found), nil
		},
		"Broker::__table_insert": func(ctx Context, a []value.Value) (value.Value, error) {
			t, err := dataArg[*broker.Table](a[0], "table")
			if err != nil {
				return MakeBrokerData(ctx, nil), err
			}
			k, ok := ToBroker(a[1], types.AnyType)
			if !ok {
				return MakeBrokerData(ctx, nil), bifError("invalid Broker data conversion for key argument")
			}
			v, ok := ToBroker(a[2], types.AnyType)
			if !ok {
				return MakeBrokerData(ctx, nil), bifError("invalid Broker data conversion for value argument")
			}
			old, replaced := t.Insert(broker.Clone(k), broker.Clone(v))
			if !replaced {
				old = nil
			}
			return MakeBrokerData(ctx, old), nil
		},
		"Broker::__table_remove": tableKeyOp(func(t *broker.Table, k broker.Data) (broker.Data, bool) { return t.Remove(k) }),
		"Broker::__table_lookup": tableKeyOp(func(t *broker.Table, k broker.Data) (broker.Data, bool) { return t.Lookup(k) }),
		"Broker::__table_iterator": func(ctx Context, a []value.Value) (value.Value, error) {
			t, err := dataArg[*broker.Table](a[0], "table")
			it := &BrokerIterator{name: "Broker::TableIterator"}
			if err == nil {
				it.entries = slices.Clone(t.Entries())
			}
			return value.Value{P: it}, err
		},
		"Broker::__table_iterator_last": iterLast,
		"Broker::__table_iterator_next": iterNext,
		"Broker::__table_iterator_value": func(ctx Context, a []value.Value) (value.Value, error) {
			rt, _ := ctx.Type("Broker::TableItem").(*types.RecordType)
			if rt == nil {
				return value.None, bifError("Broker::TableItem is not declared")
			}
			r := value.NewRecord(rt)
			it, _ := a[0].P.(*BrokerIterator)
			if it == nil || it.pos >= len(it.entries) {
				r.Set("key", MakeBrokerData(ctx, nil))
				r.Set("val", MakeBrokerData(ctx, nil))
				return value.Value{P: r}, bifError("attempt to retrieve value of invalid table iterator")
			}
			e := it.entries[it.pos]
			r.Set("key", MakeBrokerData(ctx, e.Key))
			r.Set("val", MakeBrokerData(ctx, e.Value))
			return value.Value{P: r}, nil
		},

		"Broker::__vector_create": func(ctx Context, _ []value.Value) (value.Value, error) {
			return MakeBrokerData(ctx, broker.Vector{}), nil
		},
		"Broker::__vector_clear": func(ctx Context, a []value.Value) (value.Value, error) {
			if _, err := dataArg[broker.Vector](a[0], "vector"); err != nil {
				return value.Bool(false), err
			}
			setData(a[0], broker.Vector{})
			return value.Bool(true), nil
		},
		"Broker::__vector_size": vectorSize("vector"),
		"Broker::__vector_insert": func(ctx Context, a []value.Value) (value.Value, error) {
			v, err := dataArg[broker.Vector](a[0], "vector")
			if err != nil {
				return value.Bool(false), err
			}
			d, ok := ToBroker(a[2], types.AnyType)
			if !ok {
				return value.Bool(false), bifError("invalid Broker data conversion for data argument")
			}
			idx := min(a[1].Count(), uint64(len(v)))
			setData(a[0], slices.Insert(v, int(idx), broker.Clone(d)))
			return value.Bool(true), nil
		},
		"Broker::__vector_replace": func(ctx Context, a []value.Value) (value.Value, error) {
			v, err := dataArg[broker.Vector](a[0], "vector")
			if err != nil {
				return MakeBrokerData(ctx, nil), err
			}
			d, ok := ToBroker(a[2], types.AnyType)
			if !ok {
				return MakeBrokerData(ctx, nil), bifError("invalid Broker data conversion for data argument")
			}
			idx := a[1].Count()
			if idx >= uint64(len(v)) {
				return MakeBrokerData(ctx, nil), nil
			}
			old := v[idx]
			v[idx] = broker.Clone(d)
			return MakeBrokerData(ctx, old), nil
		},
		"Broker::__vector_remove": func(ctx Context, a []value.Value) (value.Value, error) {
			v, err := dataArg[broker.Vector](a[0], "vector")
			if err != nil {
				return MakeBrokerData(ctx, nil), err
			}
			idx := a[1].Count()
			if idx >= uint64(len(v)) {
				return MakeBrokerData(ctx, nil), nil
			}
			old := v[idx]
			setData(a[0], slices.Delete(v, int(idx), int(idx)+1))
			return MakeBrokerData(ctx, old), nil
		},
		"Broker::__vector_lookup":         vectorLookup("vector"),
		"Broker::__vector_iterator":       vectorIterator("Broker::VectorIterator", "vector"),
		"Broker::__vector_iterator_last":  iterLast,
		"Broker::__vector_iterator_next":  iterNext,
		"Broker::__vector_iterator_value": iterValue("vector"),

		"Broker::__record_create": func(ctx Context, a []value.Value) (value.Value, error) {
			v := make(broker.Vector, a[0].Count())
			for i := range v {
				v[i] = broker.None{}
			}
			return MakeBrokerData(ctx, v), nil
		},
		"Broker::__record_size": vectorSize("record"),
		"Broker::__record_assign": func(ctx Context, a []value.Value) (value.Value, error) {
			v, err := dataArg[broker.Vector](a[0], "record")
			if err != nil {
				return value.Bool(false), err
			}
			idx := a[1].Count()
			if idx >= uint64(len(v)) {
				return value.Bool(false), nil
			}
			d, ok := ToBroker(a[2], types.AnyType)
			if !ok {
				return value.Bool(false), bifError("invalid Broker data conversion for data argument")
			}
			v[idx] = broker.Clone(d)
			return value.Bool(true), nil
		},
		"Broker::__record_lookup":         vectorLookup("record"),
		"Broker::__record_iterator":       vectorIterator("Broker::RecordIterator", "record"),
		"Broker::__record_iterator_last":  iterLast,
		"Broker::__record_iterator_next":  iterNext,
		"Broker::__record_iterator_value": iterValue("record"),
	})
}

// dataTypeNames are the Broker::DataType names by Broker kind.
var dataTypeNames = [...]string{
	broker.KindNone: "NONE", broker.KindBool: "BOOL", broker.KindCount: "COUNT",
	broker.KindInteger: "INT", broker.KindReal: "DOUBLE", broker.KindString: "STRING",
	broker.KindAddress: "ADDR", broker.KindSubnet: "SUBNET", broker.KindPort: "PORT",
	broker.KindTimestamp: "TIME", broker.KindTimespan: "INTERVAL", broker.KindEnum: "ENUM",
	broker.KindSet: "SET", broker.KindTable: "TABLE", broker.KindVector: "VECTOR",
}

// zeekTypeNames name Broker kinds as Zeek types in error messages.
var zeekTypeNames = [...]string{
	broker.KindNone: "none", broker.KindBool: "bool", broker.KindCount: "count",
	broker.KindInteger: "int", broker.KindReal: "double", broker.KindString: "string",
	broker.KindAddress: "addr", broker.KindSubnet: "subnet", broker.KindPort: "port",
	broker.KindTimestamp: "time", broker.KindTimespan: "interval", broker.KindEnum: "enum",
	broker.KindSet: "set", broker.KindTable: "table", broker.KindVector: "vector",
}

func enumValue(ctx Context, typ, name string) value.Value {
	if et, ok := ctx.Type(typ).(*types.EnumType); ok {
		if c := et.Lookup(name); c != nil {
			return value.Enum(c.Value)
		}
	}
	return value.Enum(0)
}

// dataArg is the data of a Broker::Data argument as a T; the error is
// Zeek's for an unset field or a value of another type (want names the
// Zeek type the helper works on): a run-time error that ends the
// handler, as in Zeek.
func dataArg[T broker.Data](v value.Value, want string) (T, error) {
	var zero T
	d, ok := BrokerDataOf(v)
	if !ok {
		return zero, runtimeError("Broker::Data's opaque field is not set")
	}
	x, ok := d.(T)
	if !ok {
		got := zeekTypeNames[d.Kind()]
		if want == "record" && got == "vector" {
			got = "record"
		}
		return zero, runtimeError("data is of type '%s' not of type '%s'", got, want)
	}
	return x, nil
}

// setData replaces the data of a Broker::Data record (vectors change
// length in place).
func setData(v value.Value, d broker.Data) {
	if r, ok := v.P.(*value.Record); ok {
		if bd, ok := r.Field(0).P.(*BrokerData); ok {
			bd.D = d
		}
	}
}

func setOp(f func(*broker.Set, broker.Data) bool) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		s, err := dataArg[*broker.Set](a[0], "table")
		if err != nil {
			return value.Bool(false), err
		}
		k, ok := ToBroker(a[1], types.AnyType)
		if !ok {
			return value.Bool(false), bifError("invalid Broker data conversion for key argument")
		}
		return value.Bool(f(s, broker.Clone(k))), nil
	}
}

func tableKeyOp(f func(*broker.Table, broker.Data) (broker.Data, bool)) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		t, err := dataArg[*broker.Table](a[0], "table")
		if err != nil {
			return MakeBrokerData(ctx, nil), err
		}
		k, ok := ToBroker(a[1], types.AnyType)
		if !ok {
			return MakeBrokerData(ctx, nil), bifError("invalid Broker data conversion for key argument")
		}
		d, found := f(t, k)
		if !found {
			d = nil
		}
		return MakeBrokerData(ctx, d), nil
	}
}

func vectorSize(want string) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		v, err := dataArg[broker.Vector](a[0], want)
		if err != nil {
			return value.Count(0), err
		}
		return value.Count(uint64(len(v))), nil
	}
}

func vectorLookup(want string) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		v, err := dataArg[broker.Vector](a[0], want)
		if err != nil {
			return MakeBrokerData(ctx, nil), err
		}
		idx := a[1].Count()
		if idx >= uint64(len(v)) || v[idx].Kind() == broker.KindNone {
			return MakeBrokerData(ctx, nil), nil
		}
		return MakeBrokerData(ctx, v[idx]), nil
	}
}

func vectorIterator(name, want string) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		v, err := dataArg[broker.Vector](a[0], want)
		it := &BrokerIterator{name: name}
		if err == nil {
			it.elems = slices.Clone([]broker.Data(v))
		}
		return value.Value{P: it}, err
	}
}

// BrokerIterator is a set, table, vector or record iterator: a snapshot
// of the container and a position.
type BrokerIterator struct {
	name    string
	elems   []broker.Data
	entries []broker.TableEntry
	pos     int
}

func (it *BrokerIterator) OpaqueName() string { return it.name }

func (it *BrokerIterator) size() int { return len(it.elems) + len(it.entries) }

func iterLast(ctx Context, a []value.Value) (value.Value, error) {
	it, _ := a[0].P.(*BrokerIterator)
	return value.Bool(it == nil || it.pos >= it.size()), nil
}

func iterNext(ctx Context, a []value.Value) (value.Value, error) {
	it, _ := a[0].P.(*BrokerIterator)
	if it == nil || it.pos >= it.size() {
		return value.Bool(false), nil
	}
	it.pos++
	return value.Bool(it.pos < it.size()), nil
}

func iterValue(kind string) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		it, _ := a[0].P.(*BrokerIterator)
		if it == nil || it.pos >= len(it.elems) {
			return MakeBrokerData(ctx, nil), bifError("attempt to retrieve value of invalid %s iterator", kind)
		}
		d := it.elems[it.pos]
		if d.Kind() == broker.KindNone {
			d = nil
		}
		return MakeBrokerData(ctx, d), nil
	}
}

// clearOp and sizeOp are Broker::__set_clear/__table_clear and
// __set_size/__table_size: the same operation on either container.
func clearOp[T interface {
	broker.Data
	Clear()
}]() Impl {
	return func(_ Context, a []value.Value) (value.Value, error) {
		c, err := dataArg[T](a[0], "table")
		if err != nil {
			return value.Bool(false), err
		}
		c.Clear()
		return value.Bool(true), nil
	}
}

func sizeOp[T interface {
	broker.Data
	Len() int
}]() Impl {
	return func(_ Context, a []value.Value) (value.Value, error) {
		c, err := dataArg[T](a[0], "table")
		if err != nil {
			return value.Count(0), err
		}
		return value.Count(uint64(c.Len())), nil
	}
}
