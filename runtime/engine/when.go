package engine

import (
	"container/heap"
	"net"
	"net/netip"
	"strings"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// when triggers and asynchronous built-ins.
//
// A when condition is evaluated at once; if it does not hold, the trigger
// is parked and evaluated again after every event until it holds or its
// timeout fires. An asynchronous built-in (lookup_addr...) called from a
// condition starts a request and makes the evaluation wait; requests are
// answered at the next trigger pass, after the current event, so the same
// input always gives the same output (Zeek resolves on wall-clock time
// while packets keep flowing, and the outcome races).

type parked struct {
	t     *compile.Trigger
	done  bool
	timer *timer
	// queries are the Broker store queries of this trigger's condition,
	// by call site (broker_query.go).
	queries map[any]*brokerQuery
}

// waiting aborts a condition evaluation until an async result is there.
type waiting struct{}

// When implements compile.Runtime.
func (e *Engine) When(t *compile.Trigger) {
	p := &parked{t: t}
	if e.tryTrigger(p) {
		return
	}
	e.triggers = append(e.triggers, p)
	if t.Timeout >= 0 {
		p.timer = e.addTimer(t.Timeout, func() {
			if p.done {
				return
			}
			p.done = true
			if t.TimeoutBody != nil {
				e.guard(func() { t.TimeoutBody(t.Frame) })
			}
		})
	}
}

// tryTrigger evaluates a trigger's condition and runs its body when it
// holds; it reports whether the trigger is finished.
func (e *Engine) tryTrigger(p *parked) (finished bool) {
	ready := false
	save := e.evalTrigger
	e.evalTrigger = p
	ok := e.guard(func() {
		defer func() {
			if r := recover(); r != nil {
				if _, wait := r.(waiting); !wait {
					panic(r)
				}
			}
		}()
		ready = p.t.Cond(p.t.Frame)
	})
	e.evalTrigger = save
	if !ok {
		// The condition failed with an error: the trigger is dropped.
		p.done = true
		if p.timer != nil {
			p.timer.cancelled = true
		}
		return true
	}
	if !ready {
		return false
	}
	p.done = true
	if p.timer != nil {
		p.timer.cancelled = true
	}
	e.guard(func() { p.t.Body(p.t.Frame) })
	return true
}

// triggerPass answers pending async requests and re-evaluates every
// parked trigger, in the order they were made.
func (e *Engine) triggerPass() {
	if len(e.triggers) == 0 {
		return
	}
	for _, req := range e.pendingAsync {
		v := req.resolve()
		if req.key != "" {
			e.asyncResults[req.key] = v
		}
	}
	e.pendingAsync = nil
	// Bodies may park new triggers while we go; those wait for the next
	// pass.
	n := len(e.triggers)
	var still []*parked
	for _, p := range e.triggers[:n] {
		if p.done || e.tryTrigger(p) {
			continue
		}
		still = append(still, p)
	}
	e.triggers = append(still, e.triggers[n:]...)
}

type asyncRequest struct {
	key     string // "" keeps no result (the request keeps its own)
	resolve func() value.Value
}

// async returns the answer to a request, or starts it and waits.
func (e *Engine) async(key string, resolve func() value.Value) value.Value {
	if v, ok := e.asyncResults[key]; ok {
		return v
	}
	for _, r := range e.pendingAsync {
		if r.key == key {
			panic(waiting{})
		}
	}
	e.pendingAsync = append(e.pendingAsync, asyncRequest{key, resolve})
	panic(waiting{})
}

func (e *Engine) fakeDNS() bool {
	return e.Getenv("ZEEK_DNS_FAKE") != "" || e.Getenv("BRO_DNS_FAKE") != ""
}

func (e *Engine) asyncBuiltin(name string) builtins.Impl {
	switch name {
	case "lookup_addr":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			addr := a[0].Addr()
			return e.async("lookup_addr|"+addr.String(), func() value.Value {
				if e.fakeDNS() {
					return value.String("fake_addr_lookup_result_" + value.FormatAddr(addr))
				}
				names, err := net.LookupAddr(addr.String())
				if err != nil || len(names) == 0 {
					return value.String("<???>")
				}
				return value.String(strings.TrimSuffix(names[0], "."))
			}), nil
		}
	case "lookup_hostname":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			host := a[0].Str()
			return e.async("lookup_hostname|"+host, func() value.Value {
				var addrs []netip.Addr
				if e.fakeDNS() {
					addrs = []netip.Addr{fakeHostAddr(host)}
				} else if ips, err := net.LookupIP(host); err == nil {
					for _, ip := range ips {
						if a, ok := netip.AddrFromSlice(ip); ok {
							addrs = append(addrs, a.Unmap())
						}
					}
				}
				return addrSet(ctx, addrs)
			}), nil
		}
	}
	return nil
}

// fakeHostAddr is the address fake DNS gives a host name: derived from a
// hash of the name, so it is stable.
func fakeHostAddr(host string) netip.Addr {
	var h uint32 = 2166136261
	for i := 0; i < len(host); i++ {
		h ^= uint32(host[i])
		h *= 16777619
	}
	return netip.AddrFrom4([4]byte{byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h)})
}

func addrSet(ctx builtins.Context, addrs []netip.Addr) value.Value {
	t := ctx.Type("addr_set")
	set := newSet(t)
	for _, a := range addrs {
		set.Add1(value.Addr(a))
	}
	return value.Value{P: set}
}

// addTimer runs f after the given interval of network time.
func (e *Engine) addTimer(after float64, f func()) *timer {
	e.seq++
	t := &timer{at: e.netTime + after, seq: e.seq, run: f}
	heap.Push(&e.timers, t)
	e.pending++ // a recurring timer takes itself back out (addRecurring)
	return t
}

// addRecurring adds a timer that sets itself again each time it runs (a
// table sweep, a log rotation): it does not keep a run waiting for what
// is pending, and at shutdown it decides for itself what to do.
func (e *Engine) addRecurring(after float64, f func()) {
	e.addTimer(after, f).recurring = true
	e.pending--
}
