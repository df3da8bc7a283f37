package store

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/broker"
)

const childEnv = "GOBRO_STORE_DURABILITY_CHILD"

// TestMain lets the test binary act as the process the durability test
// kills: with childEnv set it streams puts into that file, printing
// "i unix-ns" after each Put returns, until killed.
func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		s, err := OpenSQLite("dur", SQLiteOptions{Path: path}, WallClock{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for i := 0; ; i++ {
			k := broker.Count(i)
			v := broker.Vector{broker.Count(i), broker.String(strings.Repeat("x", i%200))}
			if err := s.Put(k, v, NoExpiry); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			fmt.Fprintf(os.Stdout, "%d %d\n", i, time.Now().UnixNano())
		}
	}
	os.Exit(m.Run())
}

// TestDurabilityKill kills a process writing a stream of puts with
// SIGKILL and reopens its store: every put that returned more than the
// commit window (plus a generous allowance for the commit itself on a
// loaded machine) before the kill is there with its value, no row is
// torn, and the file passes integrity_check.
func TestDurabilityKill(t *testing.T) {
	if testing.Short() {
		t.Skip("durability test kills a child process")
	}
	path := filepath.Join(t.TempDir(), "dur.sqlite")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	type put struct {
		i  int
		at int64
	}
	puts := make(chan put, 1<<20)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			i, _ := strconv.Atoi(f[0])
			at, _ := strconv.ParseInt(f[1], 10, 64)
			puts <- put{i, at}
		}
		close(puts)
	}()
	time.Sleep(1500 * time.Millisecond)
	killedAt := time.Now().UnixNano()
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	allowance := int64(DefaultCommitWindow + 400*time.Millisecond)
	var mustHave []int
	n := 0
	for p := range puts {
		n++
		if p.at < killedAt-allowance {
			mustHave = append(mustHave, p.i)
		}
	}
	if len(mustHave) < 100 {
		t.Fatalf("only %d of %d puts old enough to check", len(mustHave), n)
	}

	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var integrity string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check: %q %v", integrity, err)
	}
	db.Close()
	s, err := OpenSQLite("dur", SQLiteOptions{Path: path, IntegrityCheck: true}, WallClock{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, _ := s.Rows()
	for _, r := range rows {
		i, ok := r.Key.(broker.Count)
		want := broker.Vector{i, broker.String(strings.Repeat("x", int(i)%200))}
		if !ok || r.ValueErr != nil || !broker.Equal(r.Value, want) {
			t.Fatalf("torn row %s = %v (%v)", broker.Render(r.Key), r.Value, r.ValueErr)
		}
	}
	for _, i := range mustHave {
		if ok, _ := s.Exists(broker.Count(i)); !ok {
			t.Fatalf("put %d returned %.0f ms before the kill but is lost", i, float64(killedAt)/1e6)
		}
	}
	t.Logf("%d puts reported, %d on disk, %d checked (older than %v)", n, len(rows), len(mustHave), time.Duration(allowance))
}
