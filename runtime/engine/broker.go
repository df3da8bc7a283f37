package engine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/store"
	"github.com/gobro/gobro/runtime/value"
)

// Broker data stores, script side (../shared/broker/API.md §2).
//
// Handles are opaques of Broker::Store. Modifiers go to the store at once;
// queries (exists, get, put_unique, get_index_from_value, keys) are valid
// only in a when condition with a timeout: the first evaluation sends the
// query (so it sees every modifier made before it, as a master handles
// its mailbox in order) and the answer is delivered at the next trigger
// pass, after the current event — the same input always gives the same
// output. The store clock is network time (FORMAT.md §3): the engine
// advances it before every operation.

// brokerState is the run's stores, by name.
type brokerState struct {
	stores map[string]*storeHandle
	tables tableBinding // tables with &backend, &broker_store (broker_tables.go)
}

// storeHandle is an opaque of Broker::Store.
type storeHandle struct {
	name   string
	st     store.Store // nil: never opened (a failed create_master)
	closed bool
	// readOnly is set for a store file a session opened for inspection
	// (Session.OpenStore): modifiers fail instead of being dropped.
	readOnly bool
}

func (h *storeHandle) readOnlyError() error {
	return fmt.Errorf("store %s was opened read-only (gobro repl --rw allows changes)", h.name)
}

func (*storeHandle) OpaqueName() string { return "Broker::Store" }

// Render is how Zeek prints a store handle.
func (h *storeHandle) Render() string { return "broker::store::{" + h.name + "}" }

func (h *storeHandle) open() bool { return h != nil && h.st != nil && !h.closed }

// storeExpiry converts a script expiry interval: 0 is "no expiry".
func storeExpiry(v value.Value) store.Expiry {
	secs := v.Double()
	if secs == 0 {
		return store.NoExpiry
	}
	return store.ExpireAfter(time.Duration(secs * float64(time.Second)))
}

// clock is the store clock: network time (which follows the wall clock
// when no trace is read).
func (e *Engine) storeClock() store.Clock {
	return store.ClockFunc(func() time.Time {
		secs := e.netTime
		return time.Unix(0, int64(secs*1e9))
	})
}

func (e *Engine) brokerStores() *brokerState {
	if e.broker == nil {
		e.broker = &brokerState{stores: map[string]*storeHandle{}}
	}
	return e.broker
}

// closeStores closes every store at the end of the run (SQLite files are
// complete once Run returns).
func (e *Engine) closeStores() {
	if e.broker == nil {
		return
	}
	for _, h := range e.broker.stores {
		if h.open() {
			h.st.Close()
			h.closed = true
		}
	}
	e.broker.stores = map[string]*storeHandle{}
}

// brokerHandle is the handle argument (nil when it is not a store).
func brokerHandle(v value.Value) *storeHandle {
	h, _ := v.P.(*storeHandle)
	return h
}

// errBadHandle is the builtin error of every store function given a
// closed or never opened handle.
var errBadHandle = errors.New("invalid Broker store handle")

// storePath is where a master's SQLite file goes: the option's path, or
// <name>.sqlite under the working directory; parent directories are made.
func storePath(name, path string) (string, error) {
	if path == "" {
		path = name + ".sqlite"
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	return path, nil
}

// queryResult makes a Broker::QueryResult.
func queryResult(ctx builtins.Context, ok bool, d broker.Data) value.Value {
	rt, _ := ctx.Type("Broker::QueryResult").(*types.RecordType)
	if rt == nil {
		return value.None
	}
	r := value.NewRecord(rt)
	status := "Broker::FAILURE"
	if ok {
		status = "Broker::SUCCESS"
	}
	if et, ok := ctx.Type("Broker::QueryStatus").(*types.EnumType); ok {
		if c := et.Lookup(status); c != nil {
			r.Set("status", value.Enum(c.Value))
		}
	}
	r.Set("result", builtins.MakeBrokerData(ctx, d))
	return value.Value{P: r}
}
