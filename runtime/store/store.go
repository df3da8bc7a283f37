// Package store is Broker's data stores for gobro: a Store interface with
// Broker's master semantics (FORMAT.md §3, API.md §2), an in-memory
// backend, and a SQLite backend whose files are interchangeable with
// Broker's. Values are broker.Data; the script layer only converts Zeek
// values to and from them.
//
// Both backends keep the whole store in memory, keyed by the encoded key
// bytes exactly as Broker's SQLite backend looks rows up; the SQLite
// backend additionally writes every change through to its file on a
// background goroutine, batching commits (see SQLiteOptions.CommitWindow).
// Queries therefore never wait for disk and always see the caller's own
// earlier writes, and a store's operations apply in call order, as a
// Broker master handles its mailbox.
package store

import (
	"errors"
	"time"

	"github.com/gobro/gobro/runtime/broker"
)

// Errors of store operations. Broker reports the first two to Zeek as
// no_such_key and type_clash; none of them changes the store.
var (
	// ErrNoSuchKey: the key (or, for GetIndexFromValue, the index) is absent.
	ErrNoSuchKey = errors.New("no such key")
	// ErrTypeClash: an add/subtract or index does not fit the stored type.
	ErrTypeClash = errors.New("type clash")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store is closed")
	// ErrReadOnly: a modification of a store opened read-only.
	ErrReadOnly = errors.New("store is read-only")
)

// Expiry is an optional lifetime given to a modification. The zero value
// means "no expiry", which also clears an expiry the key had: every
// modification rewrites the key's deadline (FORMAT.md §3).
type Expiry struct {
	span time.Duration
	set  bool
}

// NoExpiry is the zero Expiry.
var NoExpiry Expiry

// ExpireAfter makes the key expire span after the store clock's now. A
// negative span expires it at the next operation. (Zeek passes 0sec for
// "no expiry"; the script layer maps that to NoExpiry.)
func ExpireAfter(span time.Duration) Expiry { return Expiry{span: span, set: true} }

// Span returns the lifetime and whether there is one.
func (e Expiry) Span() (time.Duration, bool) { return e.span, e.set }

// Clock is the store clock that deadlines are computed and checked with:
// wall time live, network time while reading a trace (FORMAT.md §3). The
// caller drives it; a store reads it on every operation.
type Clock interface {
	Now() time.Time
}

// WallClock is real time.
type WallClock struct{}

// Now is time.Now.
func (WallClock) Now() time.Time { return time.Now() }

// ClockFunc adapts a function, e.g. the engine's network time, to Clock.
type ClockFunc func() time.Time

// Now calls f.
func (f ClockFunc) Now() time.Time { return f() }

// Store is a Broker master store. Operations apply in call order and may
// be called from any goroutine. Queries see every earlier modification.
//
// Before each operation, keys whose deadline lies before the clock's now
// are removed (Broker removes them on its timer; doing it here keeps runs
// over a trace deterministic). Expire does the same on demand.
type Store interface {
	// Name is the store's name.
	Name() string

	// Exists reports whether key is present.
	Exists(key broker.Data) (bool, error)
	// Get returns the value at key, or ErrNoSuchKey. A stored blob that is
	// not valid Broker data gives an error wrapping *broker.DecodeError.
	Get(key broker.Data) (broker.Data, error)
	// GetIndexFromValue looks into the value at key: a table's value at
	// index, a vector's element index (a count, or a non-negative
	// integer), a set's membership of index (Bool); any other value is
	// returned whole. Absent key, table index or vector position:
	// ErrNoSuchKey; a negative or non-numeric vector index: ErrTypeClash.
	GetIndexFromValue(key, index broker.Data) (broker.Data, error)
	// Rows is a snapshot of every row in key order, for inspection
	// (the REPL's .dump).
	Rows() ([]Row, error)
	// Keys is a snapshot of every key. Rows whose key blob does not decode
	// are left out (see Problems).
	Keys() (*broker.Set, error)

	// Put inserts or overwrites key.
	Put(key, value broker.Data, e Expiry) error
	// PutUnique puts only if key is absent, reporting whether it did; an
	// existing key keeps its value and expiry.
	PutUnique(key, value broker.Data, e Expiry) (bool, error)
	// Erase deletes key; a missing key is no error.
	Erase(key broker.Data) error
	// Clear deletes every key.
	Clear() error
	// Add is Broker's "add" command, behind increment, append,
	// insert_into_set/table and push: the stored value decides what adding
	// means (see AddData). A missing key starts from the zero value of
	// init; init KindNone means a missing key is ErrNoSuchKey.
	Add(key, value broker.Data, init broker.Kind, e Expiry) error
	// Subtract is Broker's "subtract" command, behind decrement,
	// remove_from and pop (see SubtractData). A missing key is ErrNoSuchKey.
	Subtract(key, value broker.Data, e Expiry) error

	// Expire removes the keys whose deadline has passed and returns them.
	Expire() ([]broker.Data, error)
	// Problems lists rows of an opened file that cannot be used: key blobs
	// that do not decode, and TEXT keys, which Broker never finds (they
	// still appear in Broker's keys(); here they are left out).
	Problems() []error
	// Flush returns once every earlier modification is durable (for
	// SQLite: committed), or with the first write error.
	Flush() error
	// Close flushes and closes the store; later operations give ErrClosed.
	Close() error
	// Closed reports whether Close was called.
	Closed() bool
}

// Row is one stored key with its value and deadline.
type Row struct {
	Key      broker.Data
	Value    broker.Data // nil when the stored blob does not decode
	ValueErr error       // why it does not, wrapping *broker.DecodeError
	Blob     []byte      // the value as stored
	Expiry   *time.Time  // nil: never expires
}

// The named modifiers of Broker's store API and Zeek's store.bif, each a
// thin wrapper of Add or Subtract as in Broker (API.md §2.3).

// Increment adds amount; a missing key starts from zero of the amount's
// type (time 0 for an interval amount); other amount types create nothing.
func Increment(s Store, key, amount broker.Data, e Expiry) error {
	init := broker.KindNone
	switch amount.Kind() {
	case broker.KindCount, broker.KindInteger, broker.KindReal:
		init = amount.Kind()
	case broker.KindTimespan:
		init = broker.KindTimestamp
	}
	return s.Add(key, amount, init, e)
}

// Decrement subtracts amount; a missing key is not created.
func Decrement(s Store, key, amount broker.Data, e Expiry) error {
	return s.Subtract(key, amount, e)
}

// Append concatenates str to a stored string (or pushes it onto a vector,
// inserts it into a set); a missing key becomes str.
func Append(s Store, key broker.Data, str broker.String, e Expiry) error {
	return s.Add(key, str, broker.KindString, e)
}

// InsertIntoSet adds index to a stored set; a missing key becomes a set.
func InsertIntoSet(s Store, key, index broker.Data, e Expiry) error {
	return s.Add(key, index, broker.KindSet, e)
}

// InsertIntoTable sets table[index] = value; a missing key becomes a table.
func InsertIntoTable(s Store, key, index, value broker.Data, e Expiry) error {
	return s.Add(key, broker.Vector{index, value}, broker.KindTable, e)
}

// RemoveFrom removes index from a set or table (pops a vector).
func RemoveFrom(s Store, key, index broker.Data, e Expiry) error {
	return s.Subtract(key, index, e)
}

// Push appends value to a stored vector; a missing key becomes a vector.
func Push(s Store, key, value broker.Data, e Expiry) error {
	return s.Add(key, value, broker.KindVector, e)
}

// Pop drops a vector's last element. Broker implements it as subtracting
// the key from its own value, so on a set it removes the element equal to
// the key (observed in fixtures/ops.json).
func Pop(s Store, key broker.Data, e Expiry) error {
	return s.Subtract(key, key, e)
}
