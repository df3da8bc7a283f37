package engine

import (
	"fmt"
	"path"
	"time"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/store"
	"github.com/gobro/gobro/runtime/value"
)

// Tables backed by Broker stores (&backend, &broker_store; Zeek's
// "Broker store backed tables").
//
// A table with &backend=Broker::MEMORY|SQLITE gets a master store of its
// own, created once the scripts are initialised (after every redef, before
// zeek_init), as Zeek does at startup: named "___sync_store_" + the
// global's full name; a SQLITE one lives in Broker::table_store_db_directory
// + "/" + name + ".sqlite" (API.md §3), so it persists across runs. A table
// with &broker_store="name" binds to the master store of that name that
// the script creates (Broker::create_master, Cluster::create_store), when
// it creates it.
//
// On attaching, the store's rows are loaded into the table (one row per
// element: key = the index, a vector for several columns; value = the
// yield, none for sets — FORMAT.md §4), in the store's key order; entries
// the table held already and the store did not are written to the store,
// so that afterwards both hold the same elements. From then on every
// insert, overwrite, delete, clear_table and expiry of the table is
// written through, with the entry's remaining &create_expire /
// &write_expire lifetime as the store expiry; a loaded row keeps what is
// left of its lifetime (its access stamp is its store deadline less the
// timeout). Loading calls no &on_change.
//
// Standalone, this process is the only node: changes made to the store
// through Broker::put & co are not applied back to the table (in a
// cluster they would reach the other nodes' tables), and with
// Broker::table_store_master = F (a clone, which has no master to follow
// here) a &backend table is not bound at all.

// tableBinding is the store side of the bound tables.
type tableBinding struct {
	ready   bool                      // scripts initialised: bind at once
	pending []*value.Table            // bound before that
	byStore map[string][]*value.Table // &broker_store tables by store name
}

// BindTable implements compile.Runtime.
func (e *Engine) BindTable(t *value.Table) {
	b := &e.brokerStores().tables
	if !b.ready {
		b.pending = append(b.pending, t)
		return
	}
	e.bindTable(t)
}

// bindStoreTables binds the tables made while the scripts were being
// initialised; from then on tables are bound when they are made.
func (e *Engine) bindStoreTables() {
	b := &e.brokerStores().tables
	b.ready = true
	pending := b.pending
	b.pending = nil
	for _, t := range pending {
		e.bindTable(t)
	}
}

func (e *Engine) bindTable(t *value.Table) {
	a := t.Attrs
	bs := e.brokerStores()
	name := a.StoreName
	if a.Backend == "" {
		if bs.tables.byStore == nil {
			bs.tables.byStore = map[string][]*value.Table{}
		}
		bs.tables.byStore[name] = append(bs.tables.byStore[name], t)
		if h := bs.stores[name]; h.open() {
			e.attachTable(t, h)
		}
		return
	}
	if !e.globalBool("Broker::table_store_master", true) {
		return
	}
	h := bs.stores[name]
	if !h.open() {
		var o sqliteOptions
		if a.Backend != "Broker::MEMORY" {
			dir := "."
			if v, ok := e.global("Broker::table_store_db_directory"); ok {
				dir = v.Str()
			}
			o.Path = path.Join(dir, name+".sqlite")
			if dir == "." {
				o.Path = "./" + name + ".sqlite"
			}
		}
		st, err := e.openBrokerStore(name, a.Backend, o)
		if err != nil {
			ctx{e}.Report("error", fmt.Sprintf("Could not create Broker master store '%s'", name))
			return
		}
		h = &storeHandle{name: name, st: st}
		bs.stores[name] = h
	}
	e.attachTable(t, h)
}

// attachBoundTables attaches the &broker_store tables waiting for the
// master store h, just created.
func (e *Engine) attachBoundTables(h *storeHandle) {
	for _, t := range e.brokerStores().tables.byStore[h.name] {
		e.attachTable(t, h)
	}
}

// attachTable loads h's rows into t, writes t's other entries to h and
// makes t write through to h.
func (e *Engine) attachTable(t *value.Table, h *storeHandle) {
	m := &tableMirror{e: e, h: h}
	t.Attrs.Mirror = nil // loading is not written back
	rows, err := h.st.Rows()
	if err != nil {
		ctx{e}.Report("error", fmt.Sprintf("could not read Broker store '%s' into a table: %v", h.name, err))
		rows = nil
	}
	loaded := map[string]bool{}
	for _, r := range rows {
		if r.Value == nil {
			continue
		}
		key, ok := tableKeyFromBroker(r.Key, t.Type.Index)
		var v value.Value
		if ok && !t.IsSet() {
			v, ok = builtins.FromBroker(r.Value, t.Type.Yield)
		}
		if !ok {
			ctx{e}.Report("error", fmt.Sprintf("could not convert the row %s of Broker store '%s' to an element of the table",
				broker.Render(r.Key), h.name))
			continue
		}
		t.Put(key, v)
		if r.Expiry != nil && t.Tracking() {
			// Keep what is left of the entry's lifetime: its access
			// stamp is its store deadline less the table's timeout.
			if pos := t.Pos(key); pos >= 0 {
				t.SetStampAt(pos, float64(r.Expiry.UnixNano())/1e9-tableTimeout(t.Attrs))
			}
		}
		loaded[string(broker.Encode(r.Key))] = true
	}
	it := t.Iter()
	for it.Next() {
		key := it.Key(nil)
		if k, ok := tableKeyToBroker(key, t.Type.Index); ok && loaded[string(broker.Encode(k))] {
			continue
		}
		m.Put(t, key, it.Val())
	}
	t.Attrs.Mirror = m
}

// tableMirror writes a table's changes to its store.
type tableMirror struct {
	e *Engine
	h *storeHandle
}

func (m *tableMirror) Put(t *value.Table, key []value.Value, v value.Value) {
	if !m.h.open() {
		return
	}
	k, ok := tableKeyToBroker(key, t.Type.Index)
	var d broker.Data = broker.None{}
	if ok && !t.IsSet() {
		d, ok = builtins.ToBroker(v, t.Type.Yield)
	}
	if !ok {
		ctx{m.e}.Report("error", fmt.Sprintf("invalid Broker data conversion for an element of the table bound to store '%s'", m.h.name))
		return
	}
	m.h.st.Put(k, d, m.expiry(t, key))
}

func (m *tableMirror) Delete(t *value.Table, key []value.Value) {
	if !m.h.open() {
		return
	}
	if k, ok := tableKeyToBroker(key, t.Type.Index); ok {
		m.h.st.Erase(k)
	}
}

func (m *tableMirror) Clear(*value.Table) {
	if m.h.open() {
		m.h.st.Clear()
	}
}

// expiry is the store expiry of a written entry: what is left of its
// &create_expire or &write_expire lifetime (none without one).
func (m *tableMirror) expiry(t *value.Table, key []value.Value) store.Expiry {
	timeout := tableTimeout(t.Attrs)
	if timeout <= 0 || !t.Tracking() {
		return store.NoExpiry
	}
	left := timeout
	if pos := t.Pos(key); pos >= 0 {
		left = t.StampAt(pos) + timeout - m.e.netTime
	}
	return store.ExpireAfter(time.Duration(left * float64(time.Second)))
}

// tableTimeout is the lifetime a bound table gives its entries (seconds,
// 0 for none): &create_expire, else &write_expire (the checker rejects
// &read_expire with a store).
func tableTimeout(a *value.TableAttrs) float64 {
	if a.CreateExpire > 0 {
		return a.CreateExpire
	}
	return a.WriteExpire
}

// tableKeyToBroker is a table index as a store key: the element for one
// column, a vector of them for several.
func tableKeyToBroker(key []value.Value, idx []types.Type) (broker.Data, bool) {
	if len(idx) == 1 {
		return builtins.ToBroker(key[0], idx[0])
	}
	vec := make(broker.Vector, len(key))
	for i, k := range key {
		d, ok := builtins.ToBroker(k, idx[i])
		if !ok {
			return nil, false
		}
		vec[i] = d
	}
	return vec, true
}

// tableKeyFromBroker is the inverse of tableKeyToBroker.
func tableKeyFromBroker(d broker.Data, idx []types.Type) ([]value.Value, bool) {
	if len(idx) == 1 {
		v, ok := builtins.FromBroker(d, idx[0])
		return []value.Value{v}, ok
	}
	vec, ok := d.(broker.Vector)
	if !ok || len(vec) != len(idx) {
		return nil, false
	}
	key := make([]value.Value, len(idx))
	for i, x := range vec {
		if key[i], ok = builtins.FromBroker(x, idx[i]); !ok {
			return nil, false
		}
	}
	return key, true
}
