package ntp

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// bareProgram is init-bare loaded and checked: the tests fill the
// records the scripts declare, not copies of them.
var bareProgram = sync.OnceValues(func() (*check.Program, error) {
	res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(os.Getenv), Bare: true})
	if res.Diags.HasErrors() {
		var b strings.Builder
		res.Diags.Print(&b, res.Sources())
		return nil, fmt.Errorf("loading init-bare:\n%s", b.String())
	}
	return res.Program, nil
})

// fakeHost records what the analyser reports, one line each, event
// arguments printed as Zeek's print statement prints them.
type fakeHost struct {
	prog      *check.Program
	log       []string
	unhandled map[string]bool
	quiet     bool // count only (the fuzz target)
	events    int
	// violations counts the violations, quiet or not.
	violations int
}

func newFake(t testing.TB) *fakeHost {
	t.Helper()
	prog, err := bareProgram()
	if err != nil {
		t.Fatal(err)
	}
	return &fakeHost{prog: prog}
}

func (h *fakeHost) add(format string, a ...any) {
	if !h.quiet {
		h.log = append(h.log, fmt.Sprintf(format, a...))
	}
}

func (h *fakeHost) Confirm()                  { h.add("confirm") }
func (h *fakeHost) FlipRoles()                { h.add("flip") }
func (h *fakeHost) Handled(event string) bool { return !h.unhandled[event] }

func (h *fakeHost) Violation(reason string, data []byte) {
	h.violations++
	h.add("violation %s", reason)
}

func (h *fakeHost) Type(name string) types.Type {
	if s := h.prog.Lookup(name); s != nil {
		return s.Type
	}
	return nil
}

func (h *fakeHost) Raise(event string, args ...value.Value) {
	h.events++
	if h.quiet {
		return
	}
	var parts []string
	for _, a := range args {
		switch p := a.P.(type) {
		case *value.Record:
			parts = append(parts, value.Render(a, p.Type, value.ModePrint))
		case nil:
			parts = append(parts, value.Render(a, types.BoolType, value.ModePrint))
		default:
			parts = append(parts, fmt.Sprint(p))
		}
	}
	h.add("%s(%s)", event, strings.Join(parts, ", "))
}

// take returns the lines so far and forgets them.
func (h *fakeHost) take() []string {
	l := h.log
	h.log = nil
	return l
}
