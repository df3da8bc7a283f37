package compile

import (
	"fmt"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// extendRoom is how many globals a session may declare after Compile
// (Globals cannot grow beyond its capacity without moving).
const extendRoom = 1 << 14

// mark is how much of the checked program has been compiled (or passed
// over), so Extend knows what is new.
type mark struct {
	funcs, globals, redefs, top int
	// bodies counts the bodies of a function that Extend passed over
	// without compiling (an input with errors); compiled ones are in
	// Function.Bodies.
	skipped map[*check.Func]int
}

// mark notes the checked program's current extent.
func (c *compiler) mark() mark {
	m := mark{funcs: len(c.chk.Funcs), globals: len(c.chk.Globals), top: len(c.chk.TopStmts), skipped: c.out.done.skipped}
	for _, s := range c.chk.Globals {
		for _, r := range s.Redefs {
			m.redefs = max(m.redefs, r.Ord+1)
		}
	}
	return m
}

// Show receives the value of a top-level expression statement that
// Extend compiled (the REPL prints it).
type Show func(e ast.Expr, v value.Value)

// Extend compiles what the checked program gained since Compile or the
// last Extend — functions, handlers, globals, redefs and top-level
// statements — for a session that checks each input into the same
// program (gobro repl). The result runs the new initialisers and redefs,
// then the new statements in the top-level frame fr, handing the value
// of each expression statement to show. With discard set (the input did
// not check) nothing new is compiled, only passed over, and the result
// is nil.
func (p *Program) Extend(discard bool) (func(fr *Frame, show Show), error) {
	c, chk, done := p.c, p.Checked, p.done
	if len(chk.Globals) > cap(p.Globals) {
		return nil, fmt.Errorf("too many globals for one session (at most %d more)", extendRoom)
	}
	for i := len(p.Globals); i < len(chk.Globals); i++ {
		p.Globals = append(p.Globals, value.None)
	}
	defer func() { p.done = c.mark() }()
	if discard {
		for _, f := range chk.Funcs[done.funcs:] {
			p.Funcs[f] = &Function{Name: f.Sym.Name, Type: f.Type, Kind: f.Type.Flavor}
		}
		for _, f := range chk.Funcs {
			if n := len(f.Bodies) - len(p.Funcs[f].Bodies) - done.skipped[f]; n > 0 {
				if p.done.skipped == nil {
					p.done.skipped = map[*check.Func]int{}
				}
				p.done.skipped[f] += n
			}
		}
		return nil, nil
	}
	c.funcs(chk.Funcs[done.funcs:])
	for _, f := range chk.Funcs[:done.funcs] {
		fn := p.Funcs[f]
		if from := len(fn.Bodies) + done.skipped[f]; from < len(f.Bodies) {
			c.bodies(fn, f.Bodies[from:])
		}
	}
	steps := c.initSteps(done.globals, done.redefs)
	var stmts []func(fr *Frame, show Show)
	for _, s := range chk.TopStmts[done.top:] {
		if es, ok := s.(*ast.ExprStmt); ok {
			e := c.expr(es.X, nil)
			stmts = append(stmts, func(fr *Frame, show Show) { show(es.X, e(fr)) })
			continue
		}
		if st := c.stmt(s); st != nil {
			stmts = append(stmts, func(fr *Frame, _ Show) { st(fr) })
		}
	}
	return func(fr *Frame, show Show) {
		for _, s := range steps {
			s()
		}
		GrowFrame(fr, chk.Top.NumSlots())
		for _, s := range stmts {
			s(fr, show)
		}
	}, nil
}

// GrowFrame gives fr at least n slots, the new ones unset: the top-level
// frame of a session grows as inputs declare locals.
func GrowFrame(fr *Frame, n int) {
	for len(fr.Slots) < n {
		fr.Slots = append(fr.Slots, value.None)
	}
}

// Render renders a value as a print statement does.
func (p *Program) Render(v value.Value, t types.Type) string {
	return string(p.c.printerFor().Append(nil, v, t))
}
