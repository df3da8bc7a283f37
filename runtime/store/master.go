package store

import (
	"container/heap"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/gobro/gobro/runtime/broker"
)

// persister receives every change of a master, in order, to make it
// durable; nil for the memory backend. Blobs are Broker encodings;
// expiry is nil for "never".
type persister interface {
	put(key, value []byte, expiry *int64)    // Broker: replace into store
	update(key, value []byte, expiry *int64) // Broker: update store set value, expiry
	erase(key []byte)                        // Broker: delete where key
	expire(key []byte, now int64)            // Broker: delete where key and expiry <= now
	clear()
	flush() error
	close() error
}

// entry is one row: the value blob as stored (nil for SQL NULL) and the
// deadline in ns since the epoch.
type entry struct {
	key       broker.Data // decoded key
	value     []byte
	expiry    int64
	hasExpiry bool
}

// master is the one Store implementation: Broker master semantics over an
// in-memory index of the rows, optionally persisted.
type master struct {
	mu       sync.Mutex
	name     string
	clock    Clock
	rows     map[string]*entry // by encoded key bytes, as Broker looks rows up
	deadline deadlines
	persist  persister
	readOnly bool
	closed   bool
	problems []error
}

// OpenMemory makes an empty memory-backed master store.
func OpenMemory(name string, clock Clock) Store {
	return newMaster(name, clock)
}

func newMaster(name string, clock Clock) *master {
	if clock == nil {
		clock = WallClock{}
	}
	return &master{name: name, clock: clock, rows: map[string]*entry{}}
}

func (m *master) Name() string { return m.name }

func (m *master) now() int64 { return m.clock.Now().UnixNano() }

// begin locks the store and expires due keys before an operation.
func (m *master) begin(modifies bool) error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return fmt.Errorf("store %q: %w", m.name, ErrClosed)
	}
	if modifies && m.readOnly {
		m.mu.Unlock()
		return fmt.Errorf("store %q: %w", m.name, ErrReadOnly)
	}
	m.expireDue()
	return nil
}

func (m *master) lookup(key broker.Data) (string, *entry) {
	k := string(broker.Encode(key))
	return k, m.rows[k]
}

func (m *master) decodeValue(k string, e *entry) (broker.Data, error) {
	d, _, err := broker.DecodePrefix(e.value, broker.Current)
	if err != nil {
		return nil, fmt.Errorf("store %q: value of key %s: %w", m.name, broker.Render(e.key), err)
	}
	return d, nil
}

func (m *master) Exists(key broker.Data) (bool, error) {
	if err := m.begin(false); err != nil {
		return false, err
	}
	defer m.mu.Unlock()
	_, e := m.lookup(key)
	return e != nil, nil
}

func (m *master) Get(key broker.Data) (broker.Data, error) {
	if err := m.begin(false); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	k, e := m.lookup(key)
	if e == nil {
		return nil, ErrNoSuchKey
	}
	return m.decodeValue(k, e)
}

func (m *master) GetIndexFromValue(key, index broker.Data) (broker.Data, error) {
	v, err := m.Get(key)
	if err != nil {
		return nil, err
	}
	return IndexData(v, index)
}

func (m *master) Keys() (*broker.Set, error) {
	if err := m.begin(false); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	keys := make([]broker.Data, 0, len(m.rows))
	for _, e := range m.rows {
		keys = append(keys, e.key)
	}
	return broker.NewSet(keys...), nil
}

func (m *master) Rows() ([]Row, error) {
	if err := m.begin(false); err != nil {
		return nil, err
	}
	defer m.mu.Unlock()
	rows := make([]Row, 0, len(m.rows))
	for k, e := range m.rows {
		r := Row{Key: e.key, Blob: e.value}
		r.Value, r.ValueErr = m.decodeValue(k, e)
		if e.hasExpiry {
			t := time.Unix(0, e.expiry)
			r.Expiry = &t
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b Row) int { return broker.Compare(a.Key, b.Key) })
	return rows, nil
}

// write stores a new value for key with a fresh deadline; replace picks
// Broker's statement (replace into for puts and adds, update for
// subtracts).
func (m *master) write(k string, key broker.Data, value broker.Data, ex Expiry, replace bool) {
	e := &entry{key: key, value: broker.Encode(value)}
	var exp *int64
	if span, ok := ex.Span(); ok {
		e.expiry, e.hasExpiry = m.now()+int64(span), true
		exp = &e.expiry
		heap.Push(&m.deadline, deadline{at: e.expiry, key: k})
	}
	m.rows[k] = e
	if m.persist == nil {
		return
	}
	if replace {
		m.persist.put([]byte(k), e.value, exp)
	} else {
		m.persist.update([]byte(k), e.value, exp)
	}
}

func (m *master) Put(key, value broker.Data, ex Expiry) error {
	if err := m.begin(true); err != nil {
		return err
	}
	defer m.mu.Unlock()
	k, _ := m.lookup(key)
	m.write(k, key, value, ex, true)
	return nil
}

func (m *master) PutUnique(key, value broker.Data, ex Expiry) (bool, error) {
	if err := m.begin(true); err != nil {
		return false, err
	}
	defer m.mu.Unlock()
	k, e := m.lookup(key)
	if e != nil {
		return false, nil
	}
	m.write(k, key, value, ex, true)
	return true, nil
}

func (m *master) Erase(key broker.Data) error {
	if err := m.begin(true); err != nil {
		return err
	}
	defer m.mu.Unlock()
	k, e := m.lookup(key)
	if e == nil {
		return nil // current Broker: no-op, no statement
	}
	delete(m.rows, k)
	if m.persist != nil {
		m.persist.erase([]byte(k))
	}
	return nil
}

func (m *master) Clear() error {
	if err := m.begin(true); err != nil {
		return err
	}
	defer m.mu.Unlock()
	clear(m.rows)
	m.deadline = nil
	if m.persist != nil {
		m.persist.clear()
	}
	return nil
}

func (m *master) Add(key, value broker.Data, init broker.Kind, ex Expiry) error {
	if err := m.begin(true); err != nil {
		return err
	}
	defer m.mu.Unlock()
	k, e := m.lookup(key)
	var stored broker.Data
	if e == nil {
		zero, ok := ZeroOf(init)
		if !ok {
			return ErrNoSuchKey
		}
		stored = zero
	} else {
		var err error
		if stored, err = m.decodeValue(k, e); err != nil {
			return err
		}
	}
	result, err := AddData(stored, value)
	if err != nil {
		return err
	}
	m.write(k, key, result, ex, true)
	return nil
}

func (m *master) Subtract(key, value broker.Data, ex Expiry) error {
	if err := m.begin(true); err != nil {
		return err
	}
	defer m.mu.Unlock()
	k, e := m.lookup(key)
	if e == nil {
		return ErrNoSuchKey
	}
	stored, err := m.decodeValue(k, e)
	if err != nil {
		return err
	}
	result, err := SubtractData(stored, value)
	if err != nil {
		return err
	}
	m.write(k, e.key, result, ex, false)
	return nil
}

func (m *master) Expire() ([]broker.Data, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, fmt.Errorf("store %q: %w", m.name, ErrClosed)
	}
	return m.expireDue(), nil
}

// expireDue removes keys whose deadline is before now (current Broker's
// strict "now > deadline"). A read-only store shows the file as it is.
func (m *master) expireDue() []broker.Data {
	if m.readOnly || len(m.deadline) == 0 {
		return nil
	}
	now := m.now()
	var gone []broker.Data
	for len(m.deadline) > 0 && m.deadline[0].at < now {
		d := heap.Pop(&m.deadline).(deadline)
		e := m.rows[d.key]
		if e == nil || !e.hasExpiry || e.expiry != d.at {
			continue // re-put since: this deadline is stale
		}
		delete(m.rows, d.key)
		gone = append(gone, e.key)
		if m.persist != nil {
			m.persist.expire([]byte(d.key), now)
		}
	}
	return gone
}

func (m *master) Problems() []error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]error(nil), m.problems...)
}

func (m *master) Flush() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return fmt.Errorf("store %q: %w", m.name, ErrClosed)
	}
	if m.persist == nil {
		return nil
	}
	return m.persist.flush()
}

func (m *master) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	if m.persist == nil {
		return nil
	}
	return m.persist.close()
}

func (m *master) Closed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.closed
}

// deadlines is a min-heap of key deadlines; entries go stale when a key is
// re-put, and are skipped then.
type deadline struct {
	at  int64
	key string
}

type deadlines []deadline

func (h deadlines) Len() int           { return len(h) }
func (h deadlines) Less(i, j int) bool { return h[i].at < h[j].at }
func (h deadlines) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *deadlines) Push(x any)        { *h = append(*h, x.(deadline)) }
func (h *deadlines) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
