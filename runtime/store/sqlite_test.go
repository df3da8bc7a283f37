package store

import (
	"database/sql"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/broker"
)

// TestOpenFixtures opens every file real Broker 1.4 wrote, read-only, and
// compares every row with its listing: Get by the decoded key finds the
// row (so the key blob is canonical) and returns the listed value bytes.
func TestOpenFixtures(t *testing.T) {
	dir := fixtureDir(t)
	total := 0
	for _, name := range []string{"values", "keys", "expiry", "ops"} {
		l := loadListing(t, name)
		s, err := OpenSQLite(name, SQLiteOptions{Path: filepath.Join(dir, name+".sqlite"), ReadOnly: true}, WallClock{})
		if err != nil {
			t.Fatal(err)
		}
		keys, err := s.Keys()
		if err != nil || keys.Len() != len(l.Rows) {
			t.Errorf("%s: %d keys (%v), listing has %d rows", name, keys.Len(), err, len(l.Rows))
		}
		rows, err := s.Rows()
		if err != nil || len(rows) != len(l.Rows) {
			t.Fatalf("%s: Rows: %d, %v", name, len(rows), err)
		}
		byKey := map[string]Row{}
		for _, r := range rows {
			byKey[hex.EncodeToString(broker.Encode(r.Key))] = r
		}
		for _, want := range l.Rows {
			kb, _ := hex.DecodeString(want.KeyHex)
			key, err := broker.Decode(kb)
			if err != nil {
				t.Fatal(err)
			}
			v, err := s.Get(key)
			if err != nil {
				t.Errorf("%s: Get(%s): %v", name, broker.Render(key), err)
				continue
			}
			if got := hex.EncodeToString(broker.Encode(v)); got != *want.ValueHex {
				t.Errorf("%s: %s = %s, listing %s", name, broker.Render(key), got, *want.ValueHex)
			}
			r := byKey[want.KeyHex]
			if (r.Expiry == nil) != (want.Expiry == nil) || (r.Expiry != nil && r.Expiry.UnixNano() != *want.Expiry) {
				t.Errorf("%s: %s expiry %v, listing %v", name, broker.Render(key), r.Expiry, want.Expiry)
			}
			total++
		}
		if err := s.Put(broker.String("x"), broker.Count(1), NoExpiry); !errors.Is(err, ErrReadOnly) {
			t.Errorf("Put on a read-only store: %v", err)
		}
		s.Close()
	}
	if total != 123 {
		t.Errorf("checked %d rows, the fixtures hold 123", total)
	}
}

const brokerSchema = "CREATE TABLE meta(key text primary key, value text)\nCREATE TABLE store(key blob primary key, value blob, expiry integer)"

func schemaOf(t *testing.T, path string) string {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("select sql from sqlite_master where type = 'table' order by name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// TestSchemaAndMeta: a file gobro creates has Broker's schema (as sqlite3
// .schema prints it, when sqlite3 is installed), its meta row, and the
// pragmas asked for.
func TestSchemaAndMeta(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "s.sqlite")
	s, err := OpenSQLite("s", SQLiteOptions{Path: path, JournalMode: JournalWAL, Synchronous: SyncNormal, IntegrityCheck: true}, WallClock{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(broker.String("k"), broker.Bool(true), NoExpiry); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("journal_mode WAL: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := schemaOf(t, path); got != brokerSchema {
		t.Errorf("schema:\n%s", got)
	}
	if rows := fileRows(t, path); strings.Join(rows, ",") != "05016b|0101|" {
		t.Errorf("rows %v", rows)
	}
	if _, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command("sqlite3", path, ".schema", "select * from meta").CombinedOutput()
		want := "CREATE TABLE meta(key text primary key, value text);\nCREATE TABLE store(key blob primary key, value blob, expiry integer);\nbroker_version|" + DefaultBrokerVersion + "\n"
		if err != nil || string(out) != want {
			t.Errorf("sqlite3 .schema: %v\n%s", err, out)
		}
		fixture := filepath.Join(fixtureDir(t), "values.sqlite")
		brokers, _ := exec.Command("sqlite3", fixture, ".schema").Output()
		ours, _ := exec.Command("sqlite3", path, ".schema").Output()
		if string(brokers) != string(ours) || len(ours) == 0 {
			t.Errorf(".schema differs from Broker's:\n%s\n%s", ours, brokers)
		}
	} else {
		t.Log("sqlite3 not installed: .schema compared through sqlite_master only")
	}
}

// TestFailureModes: a corrupt file is a clear error with FAIL and is
// replaced by an empty store with DELETE.
func TestFailureModes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.sqlite")
	if err := os.WriteFile(path, []byte(strings.Repeat("this is not SQLite\n", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := OpenSQLite("bad", SQLiteOptions{Path: path}, WallClock{})
	if err == nil || !strings.Contains(err.Error(), `store "bad": SQLite file `+path) || !strings.Contains(err.Error(), "not a database") {
		t.Fatalf("FAIL mode: %v", err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "this is not") {
		t.Fatal("FAIL mode touched the file")
	}
	s, err := OpenSQLite("bad", SQLiteOptions{Path: path, FailureMode: FailureDelete, IntegrityCheck: true}, WallClock{})
	if err != nil {
		t.Fatalf("DELETE mode: %v", err)
	}
	if k, _ := s.Keys(); k.Len() != 0 {
		t.Errorf("recreated store has keys %s", k)
	}
	s.Close()
	if got := schemaOf(t, path); got != brokerSchema {
		t.Errorf("recreated schema %q", got)
	}
	for _, name := range []string{"Broker::SQLITE_SYNCHRONOUS_FULL", "Broker::SQLITE_JOURNAL_MODE_WAL", "Broker::SQLITE_FAILURE_MODE_DELETE"} {
		_, e1 := ParseSynchronous(name)
		_, e2 := ParseJournalMode(name)
		_, e3 := ParseFailureMode(name)
		if n := btoi(e1 == nil) + btoi(e2 == nil) + btoi(e3 == nil); n != 1 {
			t.Errorf("%s parses as %d option kinds", name, n)
		}
	}
	if _, err := ParseJournalMode("SQLITE_JOURNAL_MODE_WAL"); err == nil || !strings.Contains(err.Error(), `invalid SQLite journal_mode option "SQLITE_JOURNAL_MODE_WAL"`) {
		t.Errorf("unprefixed option: %v", err)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestExpiry: deadlines are clock + span in ns on disk; modifications
// without an expiry clear it; due keys vanish (strictly after the
// deadline), also when the file is reopened later.
func TestExpiry(t *testing.T) {
	clock := &fixedClock{time.Unix(1609459200, 0)}
	base := clock.t.UnixNano()
	path := filepath.Join(t.TempDir(), "e.sqlite")
	s, err := OpenSQLite("e", SQLiteOptions{Path: path}, clock)
	if err != nil {
		t.Fatal(err)
	}
	k := func(s string) broker.Data { return broker.String(s) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Put(k("1h"), broker.String("v"), ExpireAfter(time.Hour)))
	must(s.Put(k("never"), broker.Count(1), NoExpiry))
	must(s.Put(k("cleared"), broker.Count(1), ExpireAfter(time.Hour)))
	must(Increment(s, k("cleared"), broker.Count(1), NoExpiry))
	must(s.Put(k("set"), broker.Count(1), NoExpiry))
	must(Increment(s, k("set"), broker.Count(1), ExpireAfter(10*time.Minute)))
	must(s.Put(k("short"), broker.Count(1), ExpireAfter(time.Second)))
	must(s.Put(k("neg"), broker.Count(1), ExpireAfter(-5*time.Second)))
	ok, err := s.PutUnique(k("1h"), broker.String("other"), ExpireAfter(time.Minute))
	if ok || err != nil {
		t.Fatalf("PutUnique over a key: %v %v", ok, err)
	}
	must(s.Flush())
	ns := func(d time.Duration) *int64 { v := base + int64(d); return &v }
	want := []string{
		rowString("05023168", "050176", ns(time.Hour)),
		rowString("0507636c6561726564", "020000000000000002", nil),
		rowString("05056e65766572", "020000000000000001", nil),
		rowString("0503736574", "020000000000000002", ns(10*time.Minute)),
		rowString("050573686f7274", "020000000000000001", ns(time.Second)),
	}
	// The negative expiry was due at once: the next operation removed it.
	checkRows(t, path, want)
	// Due only strictly after the deadline, as in current Broker.
	clock.t = clock.t.Add(time.Second)
	if gone, _ := s.Expire(); len(gone) != 0 {
		t.Errorf("expired at the deadline: %v", gone)
	}
	clock.t = clock.t.Add(time.Nanosecond)
	gone, _ := s.Expire()
	if len(gone) != 1 || broker.Render(gone[0]) != "short" {
		t.Errorf("expired after the deadline: %v", gone)
	}
	must(s.Close())
	checkRows(t, path, want[:4])
	// Reopened two hours later, the remaining expiring keys are gone from
	// the file too, as Broker does on open.
	clock.t = clock.t.Add(2 * time.Hour)
	s, err = OpenSQLite("e", SQLiteOptions{Path: path}, clock)
	must(err)
	must(s.Close())
	checkRows(t, path, want[1:3])
}

func checkRows(t *testing.T, path string, want []string) {
	t.Helper()
	sorted := append([]string(nil), want...)
	sortStrings(sorted)
	if got := fileRows(t, path); strings.Join(got, "\n") != strings.Join(sorted, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(sorted, "\n"))
	}
}
