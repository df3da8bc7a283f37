package engine

import (
	"net/netip"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/intel"
	"github.com/gobro/gobro/runtime/value"
)

// The intelligence framework's store (base/frameworks/intel/main.zeek
// keeps its indicators here, not in script tables): the BIFs below are
// the script's access to it, and expiry sweeps it on network time the
// way Zeek sweeps the &write_expire tables it uses.

// intelState is one run's store and the script types it deals in.
type intelState struct {
	store    *intel.Store
	itemType *types.RecordType
	metaType *types.RecordType
	typeType *types.EnumType
	sweeping bool
}

type intelKey struct{}

func (e *Engine) intel() *intelState {
	return ctx{e}.Local(intelKey{}, func() any {
		st := &intelState{}
		c := ctx{e}
		st.itemType, _ = c.Type("Intel::Item").(*types.RecordType)
		st.metaType, _ = c.Type("Intel::MetaData").(*types.RecordType)
		st.typeType, _ = c.Type("Intel::Type").(*types.EnumType)
		addrT, subnetT := int64(-1), int64(-2)
		if st.typeType != nil {
			if k := st.typeType.Lookup("Intel::ADDR"); k != nil {
				addrT = k.Value
			}
			if k := st.typeType.Lookup("Intel::SUBNET"); k != nil {
				subnetT = k.Value
			}
		}
		st.store = intel.New(addrT, subnetT)
		return st
	}).(*intelState)
}

// intelExpiration is Intel::item_expiration in seconds (<= 0: never).
func (e *Engine) intelExpiration() float64 {
	if v, ok := e.global("Intel::item_expiration"); ok {
		return v.Double()
	}
	return -1
}

// key parses an item's indicator; ok is false for an address or network
// that does not parse.
func (st *intelState) key(indicator string, typ int64) (intel.Key, bool) {
	k := intel.Key{Type: typ}
	switch st.store.KindOf(typ) {
	case intel.KindAddr:
		a, err := netip.ParseAddr(indicator)
		if err != nil || a.Zone() != "" {
			return k, false
		}
		k.Addr = a.Unmap()
	case intel.KindSubnet:
		p, err := netip.ParsePrefix(indicator)
		if err != nil {
			// Zeek takes a bare address as a host network.
			a, err2 := netip.ParseAddr(indicator)
			if err2 != nil || a.Zone() != "" {
				return k, false
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		k.Net = p.Masked()
	default:
		k.Str = intel.Fold(indicator)
	}
	return k, true
}

// indicatorString is how a stored indicator reads in the script.
func (st *intelState) indicatorString(k intel.Key) string {
	switch st.store.KindOf(k.Type) {
	case intel.KindAddr:
		return k.Addr.String()
	case intel.KindSubnet:
		return k.Net.String()
	}
	return k.Str
}

func (st *intelState) item(indicator string, typ int64, meta *value.Record) value.Value {
	r := value.NewRecord(st.itemType)
	r.Set("indicator", value.String(indicator))
	r.Set("indicator_type", value.Enum(typ))
	r.Set("meta", value.Value{P: meta})
	return value.Value{P: r}
}

func (st *intelState) metaSet(metas []*value.Record) value.Value {
	set := value.NewTable(types.NewSet(st.metaType))
	for _, m := range metas {
		set.Add1(value.Value{P: m})
	}
	return value.Value{P: set}
}

// Results of Intel::__insert and Intel::__remove (main.zeek has the
// same numbers as INSERT_* and REMOVE_*).
const (
	insertBad     = 0 // the indicator does not parse
	insertNew     = 1 // a new indicator
	insertUpdated = 2 // a known indicator: its source's record set, its clock restarted

	removeUnknown = 0 // no such indicator (or it does not parse)
	removeMeta    = 1 // the source's record went, the indicator stays
	removeGone    = 2 // the indicator went with all its records
)

func (e *Engine) intelBuiltin(name string) builtins.Impl {
	switch name {
	case "Intel::__insert":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			st := e.intel()
			item := a[0].P.(*value.Record)
			k, ok := st.key(item.Get("indicator").Str(), item.Get("indicator_type").Int())
			meta, _ := item.Get("meta").P.(*value.Record)
			if !ok || meta == nil {
				return value.Count(insertBad), nil
			}
			e.intelSweeps(st)
			if st.store.Insert(k, meta, e.netTime) {
				return value.Count(insertNew), nil
			}
			return value.Count(insertUpdated), nil
		}
	case "Intel::__remove":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			st := e.intel()
			item := a[0].P.(*value.Record)
			k, ok := st.key(item.Get("indicator").Str(), item.Get("indicator_type").Int())
			if !ok {
				return value.Count(removeUnknown), nil
			}
			var src string
			if meta, _ := item.Get("meta").P.(*value.Record); meta != nil {
				src = intel.Source(meta)
			}
			switch st.store.Remove(k, src, a[1].Bool()) {
			case intel.MetaRemoved:
				return value.Count(removeMeta), nil
			case intel.IndicatorGone:
				return value.Count(removeGone), nil
			}
			return value.Count(removeUnknown), nil
		}
	case "Intel::__find_addr":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.intel().store.HasAddr(a[0].Addr())), nil
		}
	case "Intel::__find":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			st := e.intel()
			k, ok := st.key(a[0].Str(), a[1].Int())
			return value.Bool(ok && st.store.Has(k)), nil
		}
	case "Intel::__items_addr":
		// Every item an address matches: its ADDR indicator and every
		// SUBNET containing it, one item per source.
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			st := e.intel()
			set := value.NewTable(types.NewSet(st.itemType))
			for _, m := range st.store.MatchAddr(a[0].Addr()) {
				ind := st.indicatorString(m.Key)
				for _, md := range m.Metas {
					set.Add1(st.item(ind, m.Key.Type, md))
				}
			}
			return value.Value{P: set}, nil
		}
	case "Intel::__items":
		// The items of a string indicator, named as it was seen.
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			st := e.intel()
			set := value.NewTable(types.NewSet(st.itemType))
			if k, ok := st.key(a[0].Str(), a[1].Int()); ok {
				for _, md := range st.store.Metas(k) {
					set.Add1(st.item(a[0].Str(), a[1].Int(), md))
				}
			}
			return value.Value{P: set}, nil
		}
	case "Intel::__metas":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			st := e.intel()
			var metas []*value.Record
			if k, ok := st.key(a[0].Str(), a[1].Int()); ok {
				metas = st.store.Metas(k)
			}
			return st.metaSet(metas), nil
		}
	case "Intel::__size":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Count(uint64(e.intel().store.Len())), nil
		}
	}
	return nil
}

// intelSweeps starts the expiry sweeps with the first insertion, when
// items expire at all: every table_expire_interval of network time, the
// first due at once, as for the tables Zeek keeps its intel in.
func (e *Engine) intelSweeps(st *intelState) {
	if st.sweeping || e.intelExpiration() <= 0 {
		return
	}
	st.sweeping = true
	var sweep func()
	sweep = func() {
		if e.terminating {
			return
		}
		e.intelSweep(st)
		e.addRecurring(e.expireInterval(), sweep)
	}
	e.addRecurring(0, sweep)
}

// intelSweep lets each indicator not inserted for item_expiration go: the
// script's Intel::expire_item runs its item_expired hook and either
// removes it (returning 0) or keeps it for as long as it returns.
func (e *Engine) intelSweep(st *intelState) {
	exp := e.intelExpiration()
	if exp <= 0 {
		return
	}
	fv, _ := e.global("Intel::expire_item")
	f, _ := fv.P.(*value.Func)
	now := e.netTime
	for _, k := range st.store.Due(now - exp) {
		w, ok := st.store.Written(k)
		if !ok || w >= now-exp {
			continue // gone or re-inserted by an earlier handler
		}
		if w == 0 {
			// Inserted before network time began (zeek_init, the
			// initial read of intel files): as Zeek does for its
			// tables, its time starts with the first sweep.
			st.store.SetWritten(k, now)
			continue
		}
		secs := 0.0
		if f != nil {
			args := []value.Value{value.String(st.indicatorString(k)), value.Enum(k.Type)}
			e.prog.Protect(func() { secs = compile.Call(f, args, nil).Double() })
		}
		if !st.store.Has(k) {
			continue
		}
		if secs > 0 {
			st.store.SetWritten(k, now-exp+secs)
			continue
		}
		st.store.Remove(k, "", true)
	}
}
