package store

import (
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"

	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/broker"
)

func fixtureDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "broker", "fixtures")
	if _, err := os.Stat(filepath.Join(dir, "ops.json")); err != nil {
		t.Skipf("Broker fixtures not found beside the repository (%v)", err)
	}
	return dir
}

type listedRow struct {
	KeyHex   string  `json:"key_hex"`
	ValueHex *string `json:"value_hex"`
	Expiry   *int64  `json:"expiry"`
}

type listing struct {
	Rows []listedRow
	Log  []struct {
		Op       string   `json:"op"`
		Key      *string  `json:"key"`
		Args     []string `json:"args"`
		Returned string   `json:"returned"`
		RowAfter *struct {
			ValueHex string `json:"value_hex"`
			Expiry   *int64 `json:"expiry"`
		} `json:"row_after"`
	}
}

func loadListing(t testing.TB, name string) listing {
	raw, err := os.ReadFile(filepath.Join(fixtureDir(t), name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var l listing
	if err := json.Unmarshal(raw, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

func spec(t testing.TB, s string) broker.Data {
	t.Helper()
	d, err := parseSpec(s)
	if err != nil {
		t.Fatalf("description %q: %v", s, err)
	}
	return d
}

// fixedClock is a store clock the test moves by hand.
type fixedClock struct{ t time.Time }

func (c *fixedClock) Now() time.Time { return c.t }

// TestOpsReplay runs the operations real Broker 1.4 ran for ops.json on
// a memory store and on a SQLite store, checks each answer and each row
// afterwards against Broker's, and the SQLite file's final rows against
// ops.sqlite's.
func TestOpsReplay(t *testing.T) {
	l := loadListing(t, "ops")
	clock := &fixedClock{time.Unix(1700000000, 0)}
	mem := OpenMemory("ops", clock)
	path := filepath.Join(t.TempDir(), "ops.sqlite")
	lite, err := OpenSQLite("ops", SQLiteOptions{Path: path}, clock)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []Store{mem, lite} {
		for i, step := range l.Log {
			var key broker.Data
			if step.Key != nil {
				key = spec(t, *step.Key)
			}
			args := make([]broker.Data, len(step.Args))
			for j, a := range step.Args {
				args[j] = spec(t, a)
			}
			got, err := replay(s, step.Op, key, args)
			if want := step.Returned; want != got {
				t.Errorf("%s step %d %s %v: returned %s (%v), Broker %s", s.Name(), i, step.Op, step.Args, got, err, want)
			}
			if key == nil {
				continue
			}
			v, err := s.Get(key)
			switch {
			case step.RowAfter == nil:
				if !errors.Is(err, ErrNoSuchKey) {
					t.Errorf("step %d %s: key should be absent, got %v %v", i, step.Op, v, err)
				}
			case err != nil:
				t.Errorf("step %d %s: %v", i, step.Op, err)
			case hex.EncodeToString(broker.Encode(v)) != step.RowAfter.ValueHex:
				t.Errorf("step %d %s %v: row %x, Broker %s", i, step.Op, step.Args, broker.Encode(v), step.RowAfter.ValueHex)
			}
		}
	}
	if err := lite.Close(); err != nil {
		t.Fatal(err)
	}
	got := fileRows(t, path)
	var want []string
	for _, r := range l.Rows {
		want = append(want, rowString(r.KeyHex, *r.ValueHex, r.Expiry))
	}
	sortStrings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("file rows:\n%s\nBroker's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// replay runs one logged Broker call and renders its answer as the Python
// wrapper printed it (for the answers the log records).
func replay(s Store, op string, key broker.Data, args []broker.Data) (string, error) {
	var err error
	switch op {
	case "put":
		err = s.Put(key, args[0], NoExpiry)
	case "erase":
		err = s.Erase(key)
	case "increment":
		err = Increment(s, key, args[0], NoExpiry)
	case "decrement":
		err = Decrement(s, key, args[0], NoExpiry)
	case "append":
		err = Append(s, key, args[0].(broker.String), NoExpiry)
	case "insert_into":
		if len(args) == 2 {
			err = InsertIntoTable(s, key, args[0], args[1], NoExpiry)
		} else {
			err = InsertIntoSet(s, key, args[0], NoExpiry)
		}
	case "remove_from":
		err = RemoveFrom(s, key, args[0], NoExpiry)
	case "push":
		err = Push(s, key, args[0], NoExpiry)
	case "pop":
		err = Pop(s, key, NoExpiry)
	case "put_unique":
		ok, err := s.PutUnique(key, args[0], NoExpiry)
		return pyBool(ok), err
	case "exists":
		ok, err := s.Exists(key)
		return pyBool(ok), err
	case "get":
		v, err := s.Get(key)
		return pyValue(v), err
	case "get_index_from_value":
		v, err := s.GetIndexFromValue(key, args[0])
		return pyValue(v), err
	case "keys":
		k, err := s.Keys()
		// Broker's to_string of the key set, e.g. {a, (10.0.0.1, 80/tcp)}.
		parts := []string{}
		for _, e := range k.Elems() {
			if v, ok := e.(broker.Vector); ok {
				r := broker.Render(v)
				parts = append(parts, "("+r[1:len(r)-1]+")")
			} else {
				parts = append(parts, broker.Render(e))
			}
		}
		return "'{" + strings.Join(parts, ", ") + "}'", err
	default:
		return "", errors.New("unknown op " + op)
	}
	return "None", err // fire-and-forget: Python shows None whatever happened
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// pyValue mirrors the Python binding's repr for the values in the log.
func pyValue(v broker.Data) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case broker.Bool:
		return pyBool(bool(x))
	case broker.Count:
		return "Count(" + broker.Render(x) + ")"
	case broker.String:
		return "'" + string(x) + "'"
	}
	return broker.Render(v)
}

func rowString(k, v string, e *int64) string {
	s := k + "|" + v + "|"
	if e != nil {
		s += time.Unix(0, *e).UTC().Format(time.RFC3339Nano)
	}
	return s
}

// fileRows reads a store file with plain SQL, as sqlite3 would.
func fileRows(t testing.TB, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("select hex(key), hex(value), expiry, typeof(key), typeof(value) from store")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k, v, kt, vt string
		var e sql.NullInt64
		if err := rows.Scan(&k, &v, &e, &kt, &vt); err != nil {
			t.Fatal(err)
		}
		if kt != "blob" || vt != "blob" {
			t.Errorf("row %s stored as %s/%s, Broker binds BLOBs", k, kt, vt)
		}
		var ep *int64
		if e.Valid {
			ep = &e.Int64
		}
		out = append(out, rowString(strings.ToLower(k), strings.ToLower(v), ep))
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) { slices.Sort(s) }
