package engine

import (
	"errors"
	"fmt"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/store"
	"github.com/gobro/gobro/runtime/value"
)

// Broker store built-ins (Zeek's store.bif): handles, queries and
// modifiers. The data helpers are pure and live in builtins.

func (e *Engine) brokerBuiltin(name string) builtins.Impl {
	switch name {
	case "Broker::__create_master":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.createMaster(ctx, a[0].Str(), a[1], a[2])
		}
	case "Broker::__create_clone":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			name := a[0].Str()
			bs := e.brokerStores()
			if h := bs.stores[name]; h.open() {
				return value.Value{P: h}, nil
			}
			// Standalone there is no master to mirror: the clone never
			// answers, so its queries end in their timeouts.
			h := &storeHandle{name: name, st: cloneStore{store.OpenMemory(name, e.storeClock())}}
			bs.stores[name] = h
			return value.Value{P: h}, nil
		}
	case "Broker::__close":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			h := brokerHandle(a[0])
			if !h.open() {
				return value.Bool(false), nil
			}
			h.closed = true
			delete(e.brokerStores().stores, h.name)
			if err := h.st.Close(); err != nil {
				return value.Bool(true), fmt.Errorf("closing Broker store '%s': %v", h.name, err)
			}
			return value.Bool(true), nil
		}
	case "Broker::__is_closed":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(!brokerHandle(a[0]).open()), nil
		}
	case "Broker::__store_name":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			h := brokerHandle(a[0])
			if h == nil {
				return value.String(""), errBadHandle
			}
			return value.String(h.name), nil
		}

	// Queries.
	case "Broker::__exists":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.storeQuery(ctx, a, dataArgs(a, 1, "key"), func(st store.Store, d []broker.Data) (broker.Data, error) {
				ok, err := st.Exists(d[0])
				return broker.Bool(ok), err
			})
		}
	case "Broker::__get":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.storeQuery(ctx, a, dataArgs(a, 1, "key"), func(st store.Store, d []broker.Data) (broker.Data, error) {
				return st.Get(d[0])
			})
		}
	case "Broker::__put_unique":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			exp := storeExpiry(a[3])
			return e.storeQuery(ctx, a, dataArgs(a, 1, "key", "value"), func(st store.Store, d []broker.Data) (broker.Data, error) {
				ok, err := st.PutUnique(d[0], d[1], exp)
				return broker.Bool(ok), err
			})
		}
	case "Broker::__get_index_from_value":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.storeQuery(ctx, a, dataArgs(a, 1, "key", "index"), func(st store.Store, d []broker.Data) (broker.Data, error) {
				return st.GetIndexFromValue(d[0], d[1])
			})
		}
	case "Broker::__keys":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.storeQuery(ctx, a, dataArgs(a, 1), func(st store.Store, _ []broker.Data) (broker.Data, error) {
				return st.Keys()
			})
		}

	// Modifiers: T once sent; F for a bad handle or conversion.
	case "Broker::__put":
		return e.modifier("key", "value", func(st store.Store, k, v broker.Data, a []value.Value) {
			st.Put(k, v, storeExpiry(a[3]))
		})
	case "Broker::__erase":
		return e.modifier("key", "", func(st store.Store, k, _ broker.Data, _ []value.Value) {
			st.Erase(k)
		})
	case "Broker::__increment":
		return e.modifier("key", "amount", func(st store.Store, k, v broker.Data, a []value.Value) {
			store.Increment(st, k, v, storeExpiry(a[3]))
		})
	case "Broker::__decrement":
		return e.modifier("key", "amount", func(st store.Store, k, v broker.Data, a []value.Value) {
			st.Subtract(k, v, storeExpiry(a[3]))
		})
	case "Broker::__append":
		return e.modifier("key", "str", func(st store.Store, k, v broker.Data, a []value.Value) {
			st.Add(k, v, broker.KindString, storeExpiry(a[3]))
		})
	case "Broker::__insert_into_set":
		return e.modifier("key", "index", func(st store.Store, k, v broker.Data, a []value.Value) {
			st.Add(k, v, broker.KindSet, storeExpiry(a[3]))
		})
	case "Broker::__insert_into_table":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			h, err := writable(a[0])
			if err != nil {
				return value.Bool(false), err
			}
			d, err := dataArgs(a, 1, "key", "index", "value")()
			if err != nil {
				return value.Bool(false), err
			}
			h.st.Add(d[0], broker.Vector{d[1], d[2]}, broker.KindTable, storeExpiry(a[4]))
			return value.Bool(true), nil
		}
	case "Broker::__remove_from":
		return e.modifier("key", "index", func(st store.Store, k, v broker.Data, a []value.Value) {
			st.Subtract(k, v, storeExpiry(a[3]))
		})
	case "Broker::__push":
		return e.modifier("key", "value", func(st store.Store, k, v broker.Data, a []value.Value) {
			st.Add(k, v, broker.KindVector, storeExpiry(a[3]))
		})
	case "Broker::__pop":
		// Broker's pop is a subtract of the key itself: a vector drops its
		// last element, a set loses the element equal to the key.
		return e.modifier("key", "", func(st store.Store, k, _ broker.Data, a []value.Value) {
			st.Subtract(k, k, storeExpiry(a[2]))
		})
	case "Broker::__clear":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			h, err := writable(a[0])
			if err != nil {
				return value.Bool(false), err
			}
			h.st.Clear()
			return value.Bool(true), nil
		}
	}
	return nil
}

// writable is the handle a modifier is given, if it may modify its
// store: open, and not opened read-only for inspection.
func writable(v value.Value) (*storeHandle, error) {
	h := brokerHandle(v)
	switch {
	case !h.open():
		return nil, errBadHandle
	case h.readOnly:
		return nil, h.readOnlyError()
	}
	return h, nil
}

// modifier makes a fire-and-forget built-in taking a handle, a key and
// (unless valName is "") one more data argument.
func (e *Engine) modifier(keyName, valName string, do func(st store.Store, k, v broker.Data, a []value.Value)) builtins.Impl {
	return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
		h, err := writable(a[0])
		if err != nil {
			return value.Bool(false), err
		}
		names := []string{keyName}
		if valName != "" {
			names = append(names, valName)
		}
		d, err := dataArgs(a, 1, names...)()
		if err != nil {
			return value.Bool(false), err
		}
		var v broker.Data
		if len(d) > 1 {
			v = d[1]
		}
		do(h.st, d[0], v, a)
		return value.Bool(true), nil
	}
}

// createMaster attaches master store name (or returns its open handle).
func (e *Engine) createMaster(ctx builtins.Context, name string, backend, options value.Value) (value.Value, error) {
	bs := e.brokerStores()
	if h := bs.stores[name]; h.open() {
		return value.Value{P: h}, nil
	}
	kind := ""
	if et, ok := ctx.Type("Broker::BackendType").(*types.EnumType); ok {
		kind = et.NameOf(backend.Int())
	}
	opts := sqliteOptionsOf(ctx, options)
	st, err := e.openBrokerStore(name, kind, opts)
	if err != nil {
		_ = err // Zeek reports only that the attach failed
		return value.Value{P: &storeHandle{name: name}}, fmt.Errorf("Could not create Broker master store '%s'", name)
	}
	h := &storeHandle{name: name, st: st}
	bs.stores[name] = h
	e.attachBoundTables(h)
	return value.Value{P: h}, nil
}

// sqliteOptions are Broker::SQLiteOptions as the store layer takes them:
// enum options by name ("" when unset).
type sqliteOptions struct {
	Path           string
	Synchronous    string
	JournalMode    string
	FailureMode    string
	IntegrityCheck bool
}

func sqliteOptionsOf(ctx builtins.Context, options value.Value) sqliteOptions {
	var o sqliteOptions
	r, _ := options.P.(*value.Record)
	if r == nil {
		return o
	}
	s, _ := r.Get("sqlite").P.(*value.Record)
	if s == nil {
		return o
	}
	o.Path = s.Get("path").Str()
	enum := func(field string) string {
		f := s.Type.Field(field)
		v := s.Get(field)
		if f == nil || v.IsUnset() {
			return ""
		}
		if et, ok := f.Type.(*types.EnumType); ok {
			return et.NameOf(v.Int())
		}
		return ""
	}
	o.Synchronous = enum("synchronous")
	o.JournalMode = enum("journal_mode")
	o.FailureMode = enum("failure_mode")
	if v := s.Get("integrity_check"); !v.IsUnset() {
		o.IntegrityCheck = v.Bool()
	}
	return o
}

// cloneStore is a clone with no master to talk to: modifiers go nowhere
// and queries never get an answer. The empty memory store it wraps
// serves the rest of the interface.
type cloneStore struct{ store.Store }

var errNoAnswer = errors.New("no answer")

func (cloneStore) Exists(broker.Data) (bool, error)                        { return false, errNoAnswer }
func (cloneStore) Get(broker.Data) (broker.Data, error)                    { return nil, errNoAnswer }
func (cloneStore) GetIndexFromValue(k, i broker.Data) (broker.Data, error) { return nil, errNoAnswer }
func (cloneStore) Keys() (*broker.Set, error)                              { return nil, errNoAnswer }
func (cloneStore) Put(k, v broker.Data, e store.Expiry) error              { return nil }
func (cloneStore) PutUnique(k, v broker.Data, e store.Expiry) (bool, error) {
	return false, errNoAnswer
}
func (cloneStore) Erase(broker.Data) error                                      { return nil }
func (cloneStore) Clear() error                                                 { return nil }
func (cloneStore) Add(k, v broker.Data, init broker.Kind, e store.Expiry) error { return nil }
func (cloneStore) Subtract(k, v broker.Data, e store.Expiry) error              { return nil }
