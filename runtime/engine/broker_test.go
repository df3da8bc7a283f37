package engine_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/runtime/engine"
	_ "modernc.org/sqlite"
)

// storeRows lists a Broker SQLite store as a Zeek user would with
// sqlite3 'select hex(key), hex(value), expiry from store order by key'.
func storeRows(t *testing.T, path string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no store file: %v", err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("select hex(key), hex(value), expiry from store order by key")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var k, v string
		var exp sql.NullInt64
		if err := rows.Scan(&k, &v, &exp); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s|%s|", k, v)
		if exp.Valid {
			fmt.Fprintf(&b, "%d", exp.Int64)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// loggedHosts is the host column of known_hosts.log ("" when the run
// wrote no such log).
func loggedHosts(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("known_hosts.log")
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		b.WriteString(f[len(f)-1] + "\n")
	}
	return b.String()
}

// TestKnownHostsStoreWalkthrough is the seed walkthrough (testdata/seeds
// known-hosts-store.bro): known hosts in the persistent store
// bro/known/hosts, over sample.pcap twice. The first run logs both hosts
// of the trace's TCP connection and writes ./bro/known/hosts.sqlite (key:
// the address, value T = 0101, expiry: network time + 1day in ns); the
// second finds them in the store at startup and logs no host again.
func TestKnownHostsStoreWalkthrough(t *testing.T) {
	trace, _ := filepath.Abs("../../testdata/pcap/sample.pcap")
	site, _ := filepath.Abs("../../testdata/stores/known-hosts-site.bro")
	readback, _ := filepath.Abs("../../testdata/stores/known-hosts-readback.bro")
	t.Chdir(t.TempDir())

	stdout, _ := runEngine(t, trace, false, site, readback)
	if want := "0 hosts in bro/known/hosts\n"; stdout != want {
		t.Errorf("first run printed %q, want %q", stdout, want)
	}
	if got, want := loggedHosts(t), "10.0.0.2\n192.0.2.80\n"; got != want {
		t.Errorf("first run logged hosts %q, want %q", got, want)
	}
	// 1704067200.02 is the handshake's network time.
	rows := "0600000000000000000000FFFF0A000002|0101|1704153600020000000\n" +
		"0600000000000000000000FFFFC0000250|0101|1704153600020000000\n"
	if got := storeRows(t, "bro/known/hosts.sqlite"); got != rows {
		t.Errorf("store rows after the first run:\n%s\nwant:\n%s", got, rows)
	}

	os.Remove("known_hosts.log")
	stdout, _ = runEngine(t, trace, false, site, readback)
	want := "2 hosts in bro/known/hosts\n10.0.0.2, T\n192.0.2.80, T\n"
	if stdout != want {
		t.Errorf("second run printed %q, want %q", stdout, want)
	}
	if got := loggedHosts(t); got != "" {
		t.Errorf("second run logged hosts again: %q", got)
	}
	if got := storeRows(t, "bro/known/hosts.sqlite"); got != rows {
		t.Errorf("store rows after the second run:\n%s\nwant:\n%s", got, rows)
	}
}

// TestKnownHostsStoreZeekNames runs the walkthrough with current Zeek's
// names: Known::host_store_name is zeek/known/hosts, the handle
// Known::host_broker_store.
func TestKnownHostsStoreZeekNames(t *testing.T) {
	trace, _ := filepath.Abs("../../testdata/pcap/sample.pcap")
	site, _ := filepath.Abs("../../testdata/stores/known-hosts-zeek.zeek")
	t.Chdir(t.TempDir())
	for i, want := range []string{"0 hosts in zeek/known/hosts\n", "2 hosts in zeek/known/hosts\n"} {
		os.Remove("known_hosts.log")
		stdout, stderr := runEngine(t, trace, false, site)
		if stdout != want || stderr != "" {
			t.Errorf("run %d: stdout %q stderr %q, want %q", i+1, stdout, stderr, want)
		}
	}
	if got := loggedHosts(t); got != "" {
		t.Errorf("second run logged hosts again: %q", got)
	}
	if got := storeRows(t, "zeek/known/hosts.sqlite"); !strings.Contains(got, "0600000000000000000000FFFF0A000002|0101|1704153600020000000\n") {
		t.Errorf("store rows:\n%s", got)
	}
}

// TestStoreExpiryAndClusterPath checks what lands in a SQLite store's
// expiry column (every modification rewrites it: no expiry clears it; a
// negative span expires the key at once) and that a persistent
// Cluster::create_store under default_store_dir is the SQLite file
// <dir>/<name>.sqlite.
func TestStoreExpiryAndClusterPath(t *testing.T) {
	script, _ := filepath.Abs("../../testdata/stores/expiry-cluster.zeek")
	t.Chdir(t.TempDir())
	stdout, stderr := runScript(t, script)
	if want := "Broker::SQLITE, stores/expiry.sqlite\ngone exists, F\n"; stdout != want || stderr != "" {
		t.Errorf("stdout %q stderr %q, want %q", stdout, stderr, want)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(storeRows(t, "stores/expiry.sqlite")), "\n") {
		f := strings.Split(l, "|")
		got = append(got, fmt.Sprintf("%s %s expiry=%v", f[0], f[1], f[2] != ""))
	}
	want := []string{
		"0507636C6561726564 020000000000000002 expiry=false",         // "cleared" = 2
		"050B696E6372656D656E746564 020000000000000002 expiry=false", // "incremented": 1+1
		"050B6B6570742D657870697279 020000000000000001 expiry=true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// runScript runs a script without a trace in the current directory.
func runScript(t *testing.T, script string) (string, string) {
	t.Helper()
	res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(os.Getenv), Bare: true, Scripts: []string{script}})
	if res.Diags.HasErrors() {
		var b strings.Builder
		res.Diags.Print(&b, res.Sources())
		t.Fatalf("loading scripts:\n%s", b.String())
	}
	var stdout, stderr strings.Builder
	if code := engine.New(res.Program, &stdout, &stderr).Run(); code != 0 {
		t.Fatalf("exit code %d, stderr:\n%s", code, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// TestTableBackendTwoRuns runs tables bound to SQLite stores twice over
// sample.pcap: the second run starts with what the first wrote
// (&backend loaded before zeek_init, &broker_store once the script
// creates the store) and adds to it; the rows are one per element, sets
// with value none (00), and &create_expire gives the rows an expiry.
func TestTableBackendTwoRuns(t *testing.T) {
	trace, _ := filepath.Abs("../../testdata/pcap/sample.pcap")
	script, _ := filepath.Abs("../../testdata/stores/table-backend.zeek")
	t.Chdir(t.TempDir())
	want := []string{
		"start, {\n\n}, {\n\n}\nseen once created, {\n\n}\n" +
			"end, {\n[192.0.2.80] = 1\n}, {\nrun 0\n}, {\n10.0.0.2\n}\n",
		"start, {\n[192.0.2.80] = 1\n}, {\n\n}\nseen once created, {\nrun 0\n}\n" +
			"end, {\n[192.0.2.80] = 2\n}, {\nrun 0,\nrun 1\n}, {\n10.0.0.2\n}\n",
	}
	for i, w := range want {
		stdout, stderr := runEngine(t, trace, false, script)
		if stdout != w || stderr != "" {
			t.Errorf("run %d: stdout\n%s\nstderr %q, want\n%s", i+1, stdout, stderr, w)
		}
	}
	for file, rows := range map[string]string{
		"tables/___sync_store_hosts.sqlite":  "0600000000000000000000FFFFC0000250|020000000000000002|\n",
		"tables/___sync_store_recent.sqlite": "0600000000000000000000FFFF0A000002|00|1704153600020000000\n",
		"seen.sqlite":                        "050572756E2030|00|\n050572756E2031|00|\n",
	} {
		if got := storeRows(t, file); got != rows {
			t.Errorf("%s rows:\n%s\nwant:\n%s", file, got, rows)
		}
	}
}

// TestKnownHostsStoreNameByEra checks the Bro-compat rule for
// Known::host_store_name: a .bro site script, or one handling bro_init,
// configures bro/known/hosts through [Known::host_store_name]; a Zeek-era
// .zeek script configures zeek/known/hosts.
func TestKnownHostsStoreNameByEra(t *testing.T) {
	trace, _ := filepath.Abs("../../testdata/pcap/sample.pcap")
	for _, c := range []struct{ script, stdout, file, other string }{
		{"known-hosts-name.bro", "", "bro/known/hosts.sqlite", "zeek"},
		{"known-hosts-bro-init.zeek", "bro/known/hosts, T\n", "bro/known/hosts.sqlite", "zeek"},
		{"known-hosts-zeek.zeek", "0 hosts in zeek/known/hosts\n", "zeek/known/hosts.sqlite", "bro"},
	} {
		t.Run(c.script, func(t *testing.T) {
			script, _ := filepath.Abs("../../testdata/stores/" + c.script)
			t.Chdir(t.TempDir())
			stdout, stderr := runEngine(t, trace, false, script)
			if stdout != c.stdout || stderr != "" {
				t.Errorf("stdout %q stderr %q, want %q", stdout, stderr, c.stdout)
			}
			rows := "0600000000000000000000FFFF0A000002|0101|1704153600020000000\n" +
				"0600000000000000000000FFFFC0000250|0101|1704153600020000000\n"
			if got := storeRows(t, c.file); got != rows {
				t.Errorf("%s rows:\n%s\nwant:\n%s", c.file, got, rows)
			}
			if _, err := os.Stat(c.other); err == nil {
				t.Errorf("the run also made %s/", c.other)
			}
		})
	}
}
