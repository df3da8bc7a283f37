package logging

import (
	"math/rand"
	"testing"
)

// str's shortcut for strings with nothing to escape gives what the
// escaping path gives, for the default options, other separators and
// UTF-8 off, on random strings over an alphabet of the bytes that
// matter (separators, backslash, controls, high bytes).
func TestStrShortcut(t *testing.T) {
	const alphabet = "ab-,\t\\ \x01\x7f\xc3\xa9\xffx|;"
	r := rand.New(rand.NewSource(1))
	for _, o := range []Options{
		DefaultOptions(),
		{Separator: "|", SetSeparator: ";", EmptyField: "EMPTY", UnsetField: "NONE", EnableUTF8: true},
		{Separator: "ab", SetSeparator: "-", EmptyField: "(empty)", UnsetField: "-"},
	} {
		w := &asciiWriter{opts: o}
		for n := 0; n < 20000; n++ {
			b := make([]byte, 1+r.Intn(12))
			for i := range b {
				b[i] = alphabet[r.Intn(len(alphabet))]
			}
			s := string(b)
			if s == o.UnsetField || s == o.EmptyField {
				continue
			}
			for _, inSet := range []bool{false, true} {
				if got, want := string(w.str(nil, s, inSet)), string(w.escaped(nil, s, inSet)); got != want {
					t.Fatalf("options %+v, %q (in set %v): %q, escaping gives %q", o, s, inSet, got, want)
				}
			}
		}
	}
}
