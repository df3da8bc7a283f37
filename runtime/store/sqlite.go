package store

import (
	"container/heap"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gobro/gobro/runtime/broker"
	_ "modernc.org/sqlite" // database/sql driver "sqlite", pure Go
)

// Synchronous is SQLite's synchronous pragma, settable in current Broker.
type Synchronous uint8

// JournalMode is SQLite's journal_mode pragma, settable in current Broker.
type JournalMode uint8

// FailureMode says what to do with a file that cannot be opened or fails
// its integrity check.
type FailureMode uint8

const (
	SyncDefault Synchronous = iota // leave SQLite's default (FULL)
	SyncOff
	SyncNormal
	SyncFull
	SyncExtra
)

const (
	JournalDefault JournalMode = iota // leave SQLite's default (DELETE)
	JournalDelete
	JournalWAL
)

const (
	// FailureFail leaves the store unopened and reports the error (Broker's default).
	FailureFail FailureMode = iota
	// FailureDelete deletes the file (if it is a regular file) and starts
	// an empty one.
	FailureDelete
)

// DefaultCommitWindow is how long the SQLite backend gathers writes into
// one transaction. A write is committed at most this long after the call
// that made it returned, plus the time the commit itself takes; Flush
// waits for it.
const DefaultCommitWindow = 100 * time.Millisecond

// DefaultBrokerVersion is written to meta.broker_version on open: the
// Broker generation whose encoding gobro writes (broker.Current).
const DefaultBrokerVersion = "2.8.0"

// SQLiteOptions are Broker's SQLite backend options (FORMAT.md §5) and
// gobro's own.
type SQLiteOptions struct {
	Path           string // required; parent directories are created
	Synchronous    Synchronous
	JournalMode    JournalMode
	FailureMode    FailureMode
	IntegrityCheck bool // PRAGMA integrity_check after creating the tables; must answer ok

	// ReadOnly opens an existing file without writing anything to it (no
	// tables created, no meta row, no expiry deletions): for inspecting
	// stores; modifications fail with ErrReadOnly.
	ReadOnly bool
	// CommitWindow overrides DefaultCommitWindow.
	CommitWindow time.Duration
	// BrokerVersion overrides DefaultBrokerVersion.
	BrokerVersion string
}

// Zeek's enum names for the options, as scripts give them (Broker checks
// the prefix and the value).
var (
	synchronousNames = map[string]Synchronous{"Broker::SQLITE_SYNCHRONOUS_OFF": SyncOff,
		"Broker::SQLITE_SYNCHRONOUS_NORMAL": SyncNormal, "Broker::SQLITE_SYNCHRONOUS_FULL": SyncFull,
		"Broker::SQLITE_SYNCHRONOUS_EXTRA": SyncExtra}
	journalNames = map[string]JournalMode{"Broker::SQLITE_JOURNAL_MODE_DELETE": JournalDelete,
		"Broker::SQLITE_JOURNAL_MODE_WAL": JournalWAL}
	failureNames = map[string]FailureMode{"Broker::SQLITE_FAILURE_MODE_FAIL": FailureFail,
		"Broker::SQLITE_FAILURE_MODE_DELETE": FailureDelete}
)

func parseOption[T any](what, name string, names map[string]T) (T, error) {
	v, ok := names[name]
	if !ok {
		var zero T
		return zero, fmt.Errorf("invalid SQLite %s option %q", what, name)
	}
	return v, nil
}

// ParseSynchronous maps a Zeek enum name (Broker::SQLITE_SYNCHRONOUS_OFF …).
func ParseSynchronous(name string) (Synchronous, error) {
	return parseOption("synchronous", name, synchronousNames)
}

// ParseJournalMode maps Broker::SQLITE_JOURNAL_MODE_DELETE / _WAL.
func ParseJournalMode(name string) (JournalMode, error) {
	return parseOption("journal_mode", name, journalNames)
}

// ParseFailureMode maps Broker::SQLITE_FAILURE_MODE_FAIL / _DELETE.
func ParseFailureMode(name string) (FailureMode, error) {
	return parseOption("failure_mode", name, failureNames)
}

// Broker's statements (FORMAT.md §1.1). The DDL text is Broker's, so
// sqlite3 .schema prints the same.
const (
	ddlMeta    = "create table if not exists meta(key text primary key, value text);"
	ddlStore   = "create table if not exists store(key blob primary key, value blob, expiry integer);"
	sqlVersion = "replace into meta(key, value) values('broker_version', ?);"
	sqlPut     = "replace into store(key, value, expiry) values(?, ?, ?);"
	sqlUpdate  = "update store set value = ?, expiry = ? where key = ?;"
	sqlErase   = "delete from store where key = ?;"
	sqlExpire  = "delete from store where key = ? and expiry <= ?;"
	sqlClear   = "delete from store;"
	sqlLoad    = "select key, value, expiry, typeof(key) from store;"
)

// OpenSQLite opens (creating if needed) the Broker SQLite store file at
// opts.Path as master store name, loads its rows and removes those whose
// deadline has passed on clock, as Broker does on open.
func OpenSQLite(name string, opts SQLiteOptions, clock Clock) (Store, error) {
	if opts.Path == "" {
		return nil, fmt.Errorf("store %q: SQLite backend needs a path", name)
	}
	if opts.CommitWindow <= 0 {
		opts.CommitWindow = DefaultCommitWindow
	}
	if opts.BrokerVersion == "" {
		opts.BrokerVersion = DefaultBrokerVersion
	}
	db, err := openFile(opts)
	if err != nil && !opts.ReadOnly && opts.FailureMode == FailureDelete {
		if st, serr := os.Lstat(opts.Path); serr == nil && st.Mode().IsRegular() {
			for _, p := range []string{opts.Path, opts.Path + "-wal", opts.Path + "-shm", opts.Path + "-journal"} {
				os.Remove(p)
			}
			db, err = openFile(opts)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store %q: SQLite file %s: %w", name, opts.Path, err)
	}
	m := newMaster(name, clock)
	m.readOnly = opts.ReadOnly
	if err := m.load(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %q: SQLite file %s: %w", name, opts.Path, err)
	}
	if opts.ReadOnly {
		m.persist = &readOnlyFile{db: db}
		return m, nil
	}
	w, err := newWriter(db, opts.CommitWindow)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store %q: SQLite file %s: %w", name, opts.Path, err)
	}
	m.persist = w
	m.mu.Lock()
	m.expireDue()
	m.mu.Unlock()
	return m, nil
}

// openFile opens the database on one connection and initialises it in
// Broker's order: pragmas, tables, meta row, integrity check.
func openFile(opts SQLiteOptions) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: opts.Path}).EscapedPath()
	if opts.ReadOnly {
		if _, err := os.Stat(opts.Path); err != nil {
			return nil, err
		}
		dsn += "?mode=ro"
	} else if dir := filepath.Dir(opts.Path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	if err := initFile(db, opts); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func initFile(db *sql.DB, opts SQLiteOptions) error {
	if opts.ReadOnly {
		// Fails on a file that is not a database or has no store table.
		var n int
		return db.QueryRow("select count(*) from store;").Scan(&n)
	}
	var stmts []string
	if s := [...]string{SyncOff: "OFF", SyncNormal: "NORMAL", SyncFull: "FULL", SyncExtra: "EXTRA"}[opts.Synchronous]; s != "" {
		stmts = append(stmts, "PRAGMA synchronous="+s+";")
	}
	if s := [...]string{JournalDelete: "DELETE", JournalWAL: "WAL"}[opts.JournalMode]; s != "" {
		stmts = append(stmts, "PRAGMA journal_mode="+s+";")
	}
	stmts = append(stmts, ddlMeta, ddlStore)
	for _, s := range stmts {
		rows, err := db.Query(s) // journal_mode answers with a row
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err != nil {
			return err
		}
	}
	if _, err := db.Exec(sqlVersion, opts.BrokerVersion); err != nil {
		return err
	}
	if opts.IntegrityCheck {
		rows, err := db.Query("PRAGMA integrity_check;")
		if err != nil {
			return err
		}
		var answers []string
		for rows.Next() {
			var s string
			rows.Scan(&s)
			answers = append(answers, s)
		}
		rows.Close()
		if len(answers) != 1 || answers[0] != "ok" {
			return fmt.Errorf("integrity check failed: %s", strings.Join(answers, "; "))
		}
	}
	return nil
}

// load reads every row into the master's index.
func (m *master) load(db *sql.DB) error {
	rows, err := db.Query(sqlLoad)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, value []byte
		var expiry sql.NullInt64
		var keyType string
		if err := rows.Scan(&key, &value, &expiry, &keyType); err != nil {
			return err
		}
		if keyType != "blob" {
			m.problems = append(m.problems, fmt.Errorf("row with %s key %x: Broker never finds a key that is not a BLOB", keyType, key))
			continue
		}
		d, _, err := broker.DecodePrefix(key, broker.Current)
		if err != nil {
			m.problems = append(m.problems, fmt.Errorf("row with key %x: %w", key, err))
			continue
		}
		e := &entry{key: d, value: value}
		if expiry.Valid {
			e.expiry, e.hasExpiry = expiry.Int64, true
			m.deadline = append(m.deadline, deadline{at: e.expiry, key: string(key)})
		}
		m.rows[string(key)] = e
	}
	heap.Init(&m.deadline)
	return rows.Err()
}

// readOnlyFile keeps the connection of a read-only store; the master
// refuses modifications before they reach it.
type readOnlyFile struct{ db *sql.DB }

func (r *readOnlyFile) put([]byte, []byte, *int64)    {}
func (r *readOnlyFile) update([]byte, []byte, *int64) {}
func (r *readOnlyFile) erase([]byte)                  {}
func (r *readOnlyFile) expire([]byte, int64)          {}
func (r *readOnlyFile) clear()                        {}
func (r *readOnlyFile) flush() error                  { return nil }
func (r *readOnlyFile) close() error                  { return r.db.Close() }

// writer applies changes on its own goroutine, in order, gathering them
// into one transaction per commit window.
type writer struct {
	db     *sql.DB
	window time.Duration
	ops    chan op
	stmts  [5]*sql.Stmt // by opKind
	done   chan struct{}

	mu  sync.Mutex
	err error // first write error; reported by flush and close
}

type opKind uint8

const (
	opPut opKind = iota
	opUpdate
	opErase
	opExpire
	opClear
	opFlush // not a statement: commit now and answer on reply
)

type op struct {
	kind       opKind
	key, value []byte
	expiry     *int64
	now        int64
	reply      chan error
}

// queueLength bounds the writes waiting for the writer; a caller that
// gets further ahead than that waits, so the backlog never outgrows what
// one commit window can take.
const queueLength = 4096

// maxBatch caps one transaction, so a burst commits early rather than
// late.
const maxBatch = 20000

func newWriter(db *sql.DB, window time.Duration) (*writer, error) {
	w := &writer{db: db, window: window, ops: make(chan op, queueLength), done: make(chan struct{})}
	for i, s := range []string{sqlPut, sqlUpdate, sqlErase, sqlExpire, sqlClear} {
		st, err := db.Prepare(s)
		if err != nil {
			return nil, err
		}
		w.stmts[i] = st
	}
	go w.run()
	return w, nil
}

func nullable(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func (w *writer) put(k, v []byte, e *int64) { w.ops <- op{kind: opPut, key: k, value: v, expiry: e} }
func (w *writer) update(k, v []byte, e *int64) {
	w.ops <- op{kind: opUpdate, key: k, value: v, expiry: e}
}
func (w *writer) erase(k []byte)             { w.ops <- op{kind: opErase, key: k} }
func (w *writer) expire(k []byte, now int64) { w.ops <- op{kind: opExpire, key: k, now: now} }
func (w *writer) clear()                     { w.ops <- op{kind: opClear} }

func (w *writer) flush() error {
	reply := make(chan error, 1)
	w.ops <- op{kind: opFlush, reply: reply}
	return <-reply
}

func (w *writer) close() error {
	err := w.flush()
	close(w.ops)
	<-w.done
	for _, st := range w.stmts {
		st.Close()
	}
	if cerr := w.db.Close(); err == nil {
		err = cerr
	}
	return err
}

func (w *writer) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *writer) firstErr() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// run: wait for a change, open a transaction, keep applying changes until
// the window since the first one has passed (or a flush asks, or the batch
// is full), commit, repeat.
func (w *writer) run() {
	defer close(w.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for first := range w.ops {
		if first.kind == opFlush {
			first.reply <- w.firstErr()
			continue
		}
		tx, err := w.db.BeginTx(context.Background(), nil)
		if err != nil {
			w.fail(err)
			continue
		}
		var stmts [5]*sql.Stmt // the prepared statements bound to tx, made on first use
		w.apply(tx, &stmts, first)
		n := 1
		timer.Reset(w.window)
		var replies []chan error
	batch:
		for n < maxBatch {
			select {
			case o, ok := <-w.ops:
				if !ok {
					break batch
				}
				if o.kind == opFlush {
					replies = append(replies, o.reply)
					break batch
				}
				w.apply(tx, &stmts, o)
				n++
			case <-timer.C:
				break batch
			}
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		if err := tx.Commit(); err != nil {
			w.fail(err)
		}
		for _, r := range replies {
			r <- w.firstErr()
		}
	}
}

func (w *writer) apply(tx *sql.Tx, stmts *[5]*sql.Stmt, o op) {
	st := stmts[o.kind]
	if st == nil {
		st = tx.Stmt(w.stmts[o.kind])
		stmts[o.kind] = st
	}
	var err error
	switch o.kind {
	case opPut:
		_, err = st.Exec(o.key, o.value, nullable(o.expiry))
	case opUpdate:
		_, err = st.Exec(o.value, nullable(o.expiry), o.key)
	case opErase:
		_, err = st.Exec(o.key)
	case opExpire:
		_, err = st.Exec(o.key, o.now)
	case opClear:
		_, err = st.Exec()
	}
	if err != nil {
		w.fail(fmt.Errorf("SQLite write: %w", err))
	}
}
