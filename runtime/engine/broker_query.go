package engine

import (
	"errors"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/store"
	"github.com/gobro/gobro/runtime/value"
)

// brokerQuery is one store query of a trigger's condition: the answer,
// once it is there.
type brokerQuery struct {
	ready bool
	v     value.Value
}

// storeQuery runs a query built-in: the checks in Zeek's order (handle,
// data conversion, then the when context), then the query itself, sent
// now and answered at the next trigger pass. args converts the
// arguments (false: a conversion failed, with the message to report).
func (e *Engine) storeQuery(ctx builtins.Context, a []value.Value, args func() ([]broker.Data, error), ask func(st store.Store, d []broker.Data) (broker.Data, error)) (value.Value, error) {
	fail := queryResult(ctx, false, nil)
	p := e.evalTrigger
	site := any(e.prog.Site)
	if p != nil {
		// A condition evaluated again: the query was sent already.
		if q := p.queries[site]; q != nil {
			if q.ready {
				return q.v, nil
			}
			panic(waiting{})
		}
	}
	h := brokerHandle(a[0])
	if !h.open() {
		return fail, errBadHandle
	}
	d, err := args()
	if err != nil {
		return fail, err
	}
	if p == nil {
		return fail, errors.New("Broker queries can only be called inside when-condition")
	}
	if p.t.Timeout < 0 {
		return fail, errors.New("Broker queries must specify a timeout block")
	}
	if p.queries == nil {
		p.queries = map[any]*brokerQuery{}
	}
	q := &brokerQuery{}
	p.queries[site] = q
	res, qerr := ask(h.st, d)
	e.pendingAsync = append(e.pendingAsync, asyncRequest{resolve: func() value.Value {
		if h.closed {
			res, qerr = nil, store.ErrClosed
		}
		switch {
		case errors.Is(qerr, errNoAnswer):
			// A clone without its master: no answer, the timeout runs.
		case qerr == nil:
			q.ready, q.v = true, queryResult(ctx, true, res)
		case errors.Is(qerr, store.ErrNoSuchKey), errors.Is(qerr, store.ErrClosed):
			q.ready, q.v = true, queryResult(ctx, false, nil)
		default:
			// Any other store error: Zeek warns and gives no answer, so
			// the when ends in its timeout.
			e.reporter("warning", "internal warning", "", "unknown store response status")
		}
		return value.None
	}})
	panic(waiting{})
}

// toData converts a store function's argument; the error names it as
// Zeek does ("key", "value", "index", "amount", "str").
func toData(v value.Value, what string) (broker.Data, error) {
	d, ok := builtins.ToBroker(v, types.AnyType)
	if !ok {
		return nil, errors.New("invalid Broker data conversion for " + what + " argument")
	}
	return broker.Clone(d), nil
}

// dataArgs converts arguments named by what (one name per argument, in
// order from a[from]).
func dataArgs(a []value.Value, from int, what ...string) func() ([]broker.Data, error) {
	return func() ([]broker.Data, error) {
		out := make([]broker.Data, len(what))
		for i, w := range what {
			d, err := toData(a[from+i], w)
			if err != nil {
				return nil, err
			}
			out[i] = d
		}
		return out, nil
	}
}
