package builtins

import (
	"regexp"
	"testing"
)

// unique_id: prefix + base62 digits (Zeek: "A-QEredbF4G74",
// B:bifs.unique_id/out); distinct within a run, reproducible across runs,
// pools independent.
func TestUniqueID(t *testing.T) {
	shape := regexp.MustCompile(`^[A-Z]-[0-9a-zA-Z]{1,11}$`)
	run := func() []string {
		ctx := &fakeCtx{}
		var out []string
		for _, p := range []string{"A-", "B-", "C-"} {
			v, err := call(t, ctx, "unique_id", S(p))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v.Str())
		}
		for _, a := range []struct {
			pool int64
			p    string
		}{{4, "D-"}, {5, "E-"}, {5, "F-"}} {
			v, err := call(t, ctx, "unique_id_from", I(a.pool), S(a.p))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v.Str())
		}
		return out
	}
	first, second := run(), run()
	seen := map[string]bool{}
	for i, id := range first {
		if !shape.MatchString(id) {
			t.Errorf("unique id %q has the wrong shape", id)
		}
		if seen[id[2:]] {
			t.Errorf("unique id %q repeats", id)
		}
		seen[id[2:]] = true
		if second[i] != id {
			t.Errorf("run 2 gave %q where run 1 gave %q", second[i], id)
		}
	}
	// A pool's sequence does not depend on the other pools' use.
	ctx := &fakeCtx{}
	v, _ := call(t, ctx, "unique_id_from", I(5), S("E-"))
	if v.Str() != first[4] {
		t.Errorf("pool 5 first id %q, want %q", v.Str(), first[4])
	}
	if len(ctx.locals) != 1 {
		t.Errorf("state kept outside ctx.Local")
	}
}
