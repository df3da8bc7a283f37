package broker

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixtureDir is ../shared/broker/fixtures beside the repository: files that
// real Broker 1.4 wrote, with listings of every row.
func fixtureDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "broker", "fixtures")
	if _, err := os.Stat(filepath.Join(dir, "values.json")); err != nil {
		t.Skipf("Broker fixtures not found beside the repository (%v)", err)
	}
	return dir
}

type listedRow struct {
	KeyHex   string  `json:"key_hex"`
	ValueHex *string `json:"value_hex"`
	Expiry   *int64  `json:"expiry"`
	Key      string  `json:"key"`
	Value    string  `json:"value"`
}

func loadListing(t testing.TB, name string) []listedRow {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(fixtureDir(t), name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var l struct{ Rows []listedRow }
	if err := json.Unmarshal(raw, &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) == 0 {
		t.Fatalf("%s.json lists no rows", name)
	}
	return l.Rows
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFixtureRows decodes every key and value Broker 1.4 wrote, checks
// that the decoded value is the one the generator put (the listing's
// description) and that re-encoding gives the stored bytes — in both
// flavours, since none of these values is a special real.
func TestFixtureRows(t *testing.T) {
	n := 0
	for _, name := range []string{"values", "keys", "expiry", "ops"} {
		for _, row := range loadListing(t, name) {
			blobs := []struct{ hex, desc string }{{row.KeyHex, row.Key}, {*row.ValueHex, row.Value}}
			for _, blob := range blobs {
				b := unhex(t, blob.hex)
				d, err := Decode(b)
				if err != nil {
					t.Errorf("%s: %s: %v", name, blob.hex, err)
					continue
				}
				if got := describe(d); got != blob.desc {
					t.Errorf("%s: %s decodes as %s, listing says %s", name, blob.hex, got, blob.desc)
				}
				for _, f := range []Flavor{Current, V1} {
					again, err := EncodeFlavor(d, f)
					if err != nil || hex.EncodeToString(again) != blob.hex {
						t.Errorf("%s: flavour %d re-encodes %s as %x (%v)", name, f, blob.hex, again, err)
					}
				}
				n++
			}
		}
	}
	if n != 246 { // 123 rows in the four files
		t.Errorf("only %d blobs checked", n)
	}
}

// describe renders data the way fixtures/brokerbin.py's describe does, so
// the listings' human descriptions can be compared.
func describe(d Data) string {
	switch x := d.(type) {
	case None:
		return "none"
	case Bool:
		if x {
			return "T"
		}
		return "F"
	case Count:
		return fmt.Sprintf("count %d", uint64(x))
	case Integer:
		return fmt.Sprintf("int %+d", int64(x))
	case Real:
		return "real " + pyRepr(float64(x))
	case String:
		s := string(x)
		if !utf8.ValidString(s) {
			return "string bytes " + hex.EncodeToString([]byte(s))
		}
		if utf8.RuneCountInString(s) > 40 {
			s = string([]rune(s)[:20]) + fmt.Sprintf("...(%d bytes)", len(x))
		}
		return `string "` + pyUnicodeEscape(s) + `"`
	case Address:
		return "addr " + x.Addr().String()
	case Subnet:
		return fmt.Sprintf("subnet %s/%d", x.Network.Addr(), x.Len())
	case Port:
		return fmt.Sprintf("port %d/%s", x.Number, x.Protocol)
	case Timestamp:
		return fmt.Sprintf("time %d ns since epoch", int64(x))
	case Timespan:
		return fmt.Sprintf("interval %d ns", int64(x))
	case Enum:
		return "enum " + string(x)
	case *Set:
		parts := make([]string, 0, x.Len())
		for _, e := range x.Elems() {
			parts = append(parts, describe(e))
		}
		return "set{" + strings.Join(parts, ", ") + "}"
	case *Table:
		parts := make([]string, 0, x.Len())
		for _, e := range x.Entries() {
			parts = append(parts, describe(e.Key)+" -> "+describe(e.Value))
		}
		return "table{" + strings.Join(parts, ", ") + "}"
	case Vector:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, describe(e))
		}
		return "vector[" + strings.Join(parts, ", ") + "]"
	}
	return "?"
}

// pyRepr is Python's repr of a float: shortest digits, fixed notation for
// decimal exponents in [-4, 16) with at least one fractional digit.
func pyRepr(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expPart, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expPart)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%se%s%02d", mant, sign, exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// pyUnicodeEscape is Python's str.encode('unicode_escape').
func pyUnicodeEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

type probes struct {
	Reals map[string]struct {
		Stored  string `json:"stored_value_hex"`
		Model14 string `json:"model_1.4_hex"`
		ModelCu string `json:"model_current_hex"`
		ReadBk  string `json:"read_back_by_broker"`
	} `json:"reals"`
	Malformed []struct {
		Case     string  `json:"case"`
		KeyHex   *string `json:"key_hex"`
		ValueHex *string `json:"value_hex"`
	} `json:"malformed_rows"`
	SubnetOrdering struct {
		Stored    string `json:"stored_hex"`
		ModelCurr string `json:"model_current_hex"`
	} `json:"subnet_set_ordering"`
}

func loadProbes(t *testing.T) probes {
	raw, err := os.ReadFile(filepath.Join(fixtureDir(t), "probes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p probes
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestProbeReals checks the special reals of probes.json: what each
// flavour writes, and what Broker 1.4 read back from its own bytes.
func TestProbeReals(t *testing.T) {
	p := loadProbes(t)
	inputs := map[string]float64{
		"-0.0": math.Copysign(0, -1), "nan": math.NaN(), "inf": math.Inf(1), "-inf": math.Inf(-1),
		"5e-324 (smallest subnormal)": 5e-324, "2.225e-308 (subnormal)": 2.225e-308,
		"2.2250738585072014e-308 (smallest normal)": 2.2250738585072014e-308,
	}
	if len(p.Reals) != len(inputs) {
		t.Fatalf("probes.json has %d real cases, test knows %d", len(p.Reals), len(inputs))
	}
	for name, want := range p.Reals {
		x, ok := inputs[name]
		if !ok {
			t.Fatalf("unknown real probe %q", name)
		}
		cur := hex.EncodeToString(Encode(Real(x)))
		if cur != want.ModelCu {
			t.Errorf("%s: current writes %s, want %s", name, cur, want.ModelCu)
		}
		v1, err := EncodeFlavor(Real(x), V1)
		if want.Model14 == "hang" {
			if err != ErrInfinityV1 {
				t.Errorf("%s: V1 encode gave %x, %v; want ErrInfinityV1", name, v1, err)
			}
			continue
		}
		if hex.EncodeToString(v1) != want.Model14 || want.Stored != want.Model14 {
			t.Errorf("%s: V1 writes %x, Broker 1.4 stored %s", name, v1, want.Stored)
		}
		// What Broker 1.4 printed reading its own bytes back.
		d, _, err := DecodePrefix(unhex(t, want.Stored), V1)
		if err != nil {
			t.Fatal(err)
		}
		got := float64(d.(Real))
		wantBack, _ := strconv.ParseFloat(want.ReadBk, 64)
		if got != wantBack {
			t.Errorf("%s: V1 reads %s back as %v, Broker 1.4 read %s", name, want.Stored, got, want.ReadBk)
		}
	}
}

// TestProbeMalformed: the rows probes.json planted in a store, decoded
// with current Broker's rules (FORMAT.md §2.7).
func TestProbeMalformed(t *testing.T) {
	p := loadProbes(t)
	want := map[string]string{ // case → rendering, or "error: <substring>"
		"control: valid count":              "7",
		"empty value blob":                  "error: empty blob",
		"SQL NULL value":                    "error: empty blob",
		"unknown tag 0x0f":                  "error: unknown tag 0x0f",
		"truncated count":                   "error: truncated count",
		"truncated string":                  "error: truncated string",
		"port protocol 7":                   "80/unknown",
		"trailing garbage after count":      "7",
		"set elements out of order":         "{1, 2}",
		"set with duplicate elements":       "error: set holds the element 1 twice",
		"bool byte 0x02":                    "T",
		"v4 subnet raw length 8 (no +96)":   "10.0.0.0/168",
		"unknown tag 0x1d":                  "error: unknown tag 0x1d",
		"unknown tag 0x1e":                  "error: unknown tag 0x1e",
		"unknown tag 0xff":                  "error: unknown tag 0xff",
		"real: current Broker +inf pattern": "inf",
		"real: current Broker -inf pattern": "-inf",
		"real: current Broker NaN pattern":  "nan",
		"real: current Broker -0.0 pattern": "0.0", // -0.0; Zeek prints no sign
		"real: IEEE NaN pattern":            "inf",
	}
	seen := 0
	for _, m := range p.Malformed {
		w, ok := want[m.Case]
		if !ok {
			continue // key-side cases are the store's business
		}
		seen++
		var blob []byte
		if m.ValueHex != nil {
			blob = unhex(t, *m.ValueHex)
		}
		d, _, err := DecodePrefix(blob, Current)
		if strings.HasPrefix(w, "error: ") {
			if err == nil || !strings.Contains(err.Error(), strings.TrimPrefix(w, "error: ")) {
				t.Errorf("%s: got %v, %v; want %s", m.Case, d, err, w)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", m.Case, err)
			continue
		}
		if m.Case == "real: current Broker -0.0 pattern" && !math.Signbit(float64(d.(Real))) {
			t.Errorf("%s: sign lost", m.Case)
		}
		if got := Render(d); got != w {
			t.Errorf("%s: renders %q, want %q", m.Case, got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("matched %d of %d malformed cases in probes.json", seen, len(want))
	}
}

// TestProbeSubnetOrdering: {10.0.0.0/8, 10.0.0.0/16} is one element for
// Broker 1.x and two for current Broker.
func TestProbeSubnetOrdering(t *testing.T) {
	p := loadProbes(t)
	s := NewSet(mustSubnet("10.0.0.0/8"), mustSubnet("10.0.0.0/16"))
	if got := hex.EncodeToString(Encode(s)); got != p.SubnetOrdering.ModelCurr {
		t.Errorf("current: %s, want %s", got, p.SubnetOrdering.ModelCurr)
	}
	v1, err := EncodeFlavor(s, V1)
	if err != nil || hex.EncodeToString(v1) != p.SubnetOrdering.Stored {
		t.Errorf("V1: %x %v, Broker 1.4 stored %s", v1, err, p.SubnetOrdering.Stored)
	}
}
