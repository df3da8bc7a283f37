package engine

import (
	"fmt"

	"github.com/gobro/gobro/runtime/store"
)

// openBrokerStore opens master store name with the backend named by kind
// (Broker::MEMORY, Broker::SQLITE; Bro 2.6's Broker::ROCKSDB is served
// by SQLite).
func (e *Engine) openBrokerStore(name, kind string, o sqliteOptions) (store.Store, error) {
	switch kind {
	case "Broker::MEMORY":
		return store.OpenMemory(name, e.storeClock()), nil
	case "Broker::SQLITE", "Broker::ROCKSDB":
		path, err := storePath(name, o.Path)
		if err != nil {
			return nil, err
		}
		return openSQLiteStore(name, path, o, e.storeClock())
	}
	return nil, fmt.Errorf("unknown backend %q", kind)
}

// openSQLiteStore opens a SQLite master with the script's options; a
// malformed option leaves the store unopened, as in Broker.
func openSQLiteStore(name, path string, o sqliteOptions, clock store.Clock) (store.Store, error) {
	opts := store.SQLiteOptions{Path: path, IntegrityCheck: o.IntegrityCheck}
	var err error
	if o.Synchronous != "" {
		if opts.Synchronous, err = store.ParseSynchronous(o.Synchronous); err != nil {
			return nil, err
		}
	}
	if o.JournalMode != "" {
		if opts.JournalMode, err = store.ParseJournalMode(o.JournalMode); err != nil {
			return nil, err
		}
	}
	if o.FailureMode != "" {
		if opts.FailureMode, err = store.ParseFailureMode(o.FailureMode); err != nil {
			return nil, err
		}
	}
	return store.OpenSQLite(name, opts, clock)
}
