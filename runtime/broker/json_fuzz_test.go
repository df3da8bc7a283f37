package broker

import (
	"math/rand/v2"
	"testing"
)

// FuzzParseJSON: parsing never panics, and whatever parses renders to
// JSON that parses again. The second value equals the first unless the
// first holds reals or timestamps, which the text rounds (six decimals,
// whole milliseconds); from there on the text is a fixed point. Messages
// and events are read too, for panics only.
func FuzzParseJSON(f *testing.F) {
	for _, ex := range docExamples {
		f.Add([]byte(ex.text))
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		f.Add(AppendJSON(nil, randomData(r, 0)))
	}
	for _, s := range []string{
		`{"@data-type":"real","data":0.1234567e-3}`,
		`{"@data-type":"timestamp","data":"2022-04-10T09:00:00.123456+02:00"}`,
		`{"@data-type":"set","data":[{"@data-type":"real","data":1.0000001},{"@data-type":"real","data":1.0000002}]}`,
		`{"@data-type":"string","data":"\ud83d\ude00\u0000\v"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if _, d, err := ParseDataMessage(in); err == nil {
			_, _ = ParseEvent(d)
		}
		d, err := ParseJSON(in)
		if err != nil {
			return
		}
		text := AppendJSON(nil, d)
		d2, err := ParseJSON(text)
		if err != nil {
			t.Fatalf("%q parses, but its rendering %q does not: %v", in, text, err)
		}
		if !holdsRounded(d) && !Equal(d, d2) {
			t.Fatalf("%q renders as %q, which reads back as %q", in, text, AppendJSON(nil, d2))
		}
		text2 := AppendJSON(nil, d2)
		d3, err := ParseJSON(text2)
		if err != nil || !Equal(d2, d3) {
			t.Fatalf("%q: second rendering %q reads back as %v, %v", in, text2, d3, err)
		}
		if text3 := AppendJSON(nil, d3); string(text3) != string(text2) {
			t.Fatalf("%q: renders as %q, then %q", in, text2, text3)
		}
	})
}

// holdsRounded reports whether d holds a real or a timestamp anywhere.
func holdsRounded(d Data) bool {
	switch x := d.(type) {
	case Real, Timestamp:
		return true
	case *Set:
		for _, e := range x.elems {
			if holdsRounded(e) {
				return true
			}
		}
	case *Table:
		for _, e := range x.entries {
			if holdsRounded(e.Key) || holdsRounded(e.Value) {
				return true
			}
		}
	case Vector:
		for _, e := range x {
			if holdsRounded(e) {
				return true
			}
		}
	}
	return false
}
