package store

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/gobro/gobro/runtime/broker"
)

// Benchmarks: put/get/put_unique on memory and SQLite stores, against raw
// modernc.org/sqlite inserts of the same key/value blobs (Broker's
// statement), autocommitted and batched in one transaction per 1000.
// SQLite puts include the final Flush, i.e. until everything is committed.

func keyOf(i int) broker.Data {
	a := mustAddr("10.0.0.0")
	a[13], a[14], a[15] = byte(i>>16), byte(i>>8), byte(i)
	return a
}

var benchValue = broker.Bool(true)

func openBench(b *testing.B, kind string) Store {
	if kind == "memory" {
		return OpenMemory("bench", WallClock{})
	}
	s, err := OpenSQLite("bench", SQLiteOptions{Path: filepath.Join(b.TempDir(), "b.sqlite")}, WallClock{})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkPut(b *testing.B) {
	for _, kind := range []string{"memory", "sqlite"} {
		b.Run(kind, func(b *testing.B) {
			s := openBench(b, kind)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.Put(keyOf(i), benchValue, NoExpiry)
			}
			if err := s.Flush(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			s.Close()
		})
	}
	for _, batch := range []int{1, 1000} {
		name := "raw-sqlite-autocommit"
		if batch > 1 {
			name = "raw-sqlite-tx1000"
		}
		b.Run(name, func(b *testing.B) {
			db, err := sql.Open("sqlite", "file:"+filepath.Join(b.TempDir(), "raw.sqlite"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			db.SetMaxOpenConns(1)
			db.Exec(ddlMeta)
			db.Exec(ddlStore)
			keys := make([][]byte, b.N)
			for i := range keys {
				keys[i] = broker.Encode(keyOf(i))
			}
			val := broker.Encode(benchValue)
			b.ResetTimer()
			for i := 0; i < b.N; i += batch {
				tx, _ := db.Begin()
				st, _ := tx.Prepare(sqlPut)
				for j := i; j < i+batch && j < b.N; j++ {
					if _, err := st.Exec(keys[j], val, nil); err != nil {
						b.Fatal(err)
					}
				}
				st.Close()
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGet(b *testing.B) {
	for _, kind := range []string{"memory", "sqlite"} {
		b.Run(kind, func(b *testing.B) {
			s := openBench(b, kind)
			for i := 0; i < 10000; i++ {
				s.Put(keyOf(i), benchValue, NoExpiry)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Get(keyOf(i % 10000)); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			s.Close()
		})
	}
}

func BenchmarkPutUnique(b *testing.B) {
	for _, kind := range []string{"memory", "sqlite"} {
		b.Run(kind, func(b *testing.B) {
			s := openBench(b, kind)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.PutUnique(keyOf(i/2), benchValue, ExpireAfter(86400e9)) // every other call finds the key
			}
			if err := s.Flush(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			s.Close()
		})
	}
}
