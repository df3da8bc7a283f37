package store

import (
	"encoding/hex"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/broker"
)

// TestBrokerReadsGobro: gobro writes a store holding every type (the
// values of fixtures/values.json and the keys of keys.json) with and
// without expiry; real Broker 1.4 (python3-broker) opens it, finds every
// key by get, and re-stores each value in a file of its own, whose rows
// must be byte-identical to gobro's. Broker also drops the expired row
// on open and leaves the other deadlines as gobro wrote them.
func TestBrokerReadsGobro(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import broker").Run(); err != nil {
		t.Skipf("python3-broker is not installed (apt-get install python3-broker): %v", err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "gobro.sqlite")

	s, err := OpenSQLite("gobro", SQLiteOptions{Path: src}, WallClock{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	put := func(k, v broker.Data, e Expiry) {
		if err := s.Put(k, v, e); err != nil {
			t.Fatal(err)
		}
		want = append(want, rowString(hex.EncodeToString(broker.Encode(k)), hex.EncodeToString(broker.Encode(v)), nil))
	}
	for _, r := range loadListing(t, "values").Rows {
		put(decodeHex(t, r.KeyHex), decodeHex(t, *r.ValueHex), NoExpiry)
	}
	for _, r := range loadListing(t, "keys").Rows {
		put(decodeHex(t, r.KeyHex), decodeHex(t, *r.ValueHex), NoExpiry)
	}
	put(broker.String("expires_in_1h"), broker.Bool(true), ExpireAfter(time.Hour))
	put(mustAddr("10.0.0.9"), broker.Bool(true), ExpireAfter(24*time.Hour))
	if err := s.Put(broker.String("expired_1h_ago"), broker.Bool(true), ExpireAfter(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// The expired row is still in the file: nothing ran after its Put.
	if n := len(fileRows(t, src)); n != len(want)+1 {
		t.Fatalf("gobro wrote %d rows, want %d", n, len(want)+1)
	}
	before := fileRows(t, src)

	dst := filepath.Join(dir, "broker.sqlite")
	out, err := exec.Command(python, "testdata/broker_reread.py", src, dst).CombinedOutput()
	if err != nil {
		t.Fatalf("broker_reread.py: %v\n%s", err, out)
	}
	var res struct{ Keys, Found int }
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.Keys != len(want) || res.Found != len(want) {
		t.Errorf("Broker saw %d keys, found %d by get; gobro wrote %d live rows", res.Keys, res.Found, len(want))
	}
	sortStrings(want)
	if got := fileRows(t, dst); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Broker's copy differs:\n%s\ngobro's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	after := fileRows(t, src)
	var kept []string
	for _, r := range before {
		if !strings.HasPrefix(r, hex.EncodeToString(broker.Encode(broker.String("expired_1h_ago")))) {
			kept = append(kept, r)
		}
	}
	if strings.Join(after, "\n") != strings.Join(kept, "\n") {
		t.Errorf("after Broker opened gobro's file:\n%s\nwant:\n%s", strings.Join(after, "\n"), strings.Join(kept, "\n"))
	}

}

func decodeHex(t *testing.T, h string) broker.Data {
	t.Helper()
	b, _ := hex.DecodeString(h)
	d, err := broker.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustAddr(s string) broker.Address {
	d, err := parseSpec("addr " + s)
	if err != nil {
		panic(err)
	}
	return d.(broker.Address)
}
