package compile

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func (c *compiler) block(stmts []ast.Stmt) stmt {
	fs := make([]stmt, 0, len(stmts))
	for _, s := range stmts {
		if f := c.stmt(s); f != nil {
			fs = append(fs, f)
		}
	}
	switch len(fs) {
	case 0:
		return func(*Frame) ctrl { return ctrlNext }
	case 1:
		return fs[0]
	}
	return func(fr *Frame) ctrl {
		for _, f := range fs {
			if r := f(fr); r != ctrlNext {
				return r
			}
		}
		return ctrlNext
	}
}

func (c *compiler) stmt(s ast.Stmt) stmt {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return c.block(s.Stmts)
	case *ast.ExprStmt:
		x := c.expr(s.X, nil)
		return func(fr *Frame) ctrl { x(fr); return ctrlNext }
	case *ast.PrintStmt:
		return c.print(s)
	case *ast.LocalStmt:
		if s.Decl.Init == nil {
			sym := c.localSym(s.Decl)
			if sym == nil {
				return nil
			}
			slot, t := sym.Slot, sym.Type
			mk := c.withAttrs(c.zeroValue(t), c.tableAttrs(s.Decl.Attrs, t))
			return func(fr *Frame) ctrl { fr.Slots[slot] = mk(fr); return ctrlNext }
		}
		sym := c.localSym(s.Decl)
		if sym == nil {
			return nil
		}
		slot := sym.Slot
		init := c.expr(s.Decl.Init, sym.Type)
		if isCtor(s.Decl.Init) {
			init = c.withAttrs(init, c.tableAttrs(s.Decl.Attrs, sym.Type))
		}
		return func(fr *Frame) ctrl { fr.Slots[slot] = init(fr); return ctrlNext }
	case *ast.IfStmt:
		cond := c.expr(s.Cond, nil)
		then := c.nested(s.Then)
		if s.Else == nil {
			return func(fr *Frame) ctrl {
				if cond(fr).N != 0 {
					return then(fr)
				}
				return ctrlNext
			}
		}
		els := c.nested(s.Else)
		return func(fr *Frame) ctrl {
			if cond(fr).N != 0 {
				return then(fr)
			}
			return els(fr)
		}
	case *ast.WhileStmt:
		cond := c.expr(s.Cond, nil)
		body := c.nested(s.Body)
		return func(fr *Frame) ctrl {
			for cond(fr).N != 0 {
				switch body(fr) {
				case ctrlBreak:
					return ctrlNext
				case ctrlReturn:
					return ctrlReturn
				}
			}
			return ctrlNext
		}
	case *ast.ForStmt:
		return c.forStmt(s)
	case *ast.SwitchStmt:
		return c.switchStmt(s)
	case *ast.ReturnStmt:
		if s.X == nil {
			return func(*Frame) ctrl { return ctrlReturn }
		}
		x := c.expr(s.X, c.returnType(s))
		return func(fr *Frame) ctrl { fr.ret = x(fr); return ctrlReturn }
	case *ast.BreakStmt:
		return func(*Frame) ctrl { return ctrlBreak }
	case *ast.NextStmt:
		return func(*Frame) ctrl { return ctrlContinue }
	case *ast.FallthroughStmt:
		return func(*Frame) ctrl { return ctrlFallthrough }
	case *ast.EventStmt:
		id, _ := s.Call.Fun.(*ast.Ident)
		sym := c.chk.Uses[id]
		if sym == nil || sym.Func == nil {
			return func(*Frame) ctrl { fail(s.Call, "not an event"); return ctrlNext }
		}
		fn := c.out.Funcs[sym.Func]
		fs := c.argExprs(s.Call, sym.Func.Type)
		if len(fs) > maxStackArgs {
			args := c.args(s.Call, sym.Func.Type)
			return func(fr *Frame) ctrl { c.rt.Queue(fn, args(fr)); return ctrlNext }
		}
		// Arguments are evaluated straight into the queued event.
		return func(fr *Frame) ctrl {
			slots, token := c.rt.Reserve(fn, len(fs))
			for i, f := range fs {
				slots[i] = f(fr)
			}
			c.rt.Commit(token)
			return ctrlNext
		}
	case *ast.AddStmt:
		ix, ok := s.X.(*ast.IndexExpr)
		if !ok {
			return nil
		}
		t, ok := c.typeOf(ix.X).(*types.TableType)
		if !ok {
			return nil
		}
		x := c.expr(ix.X, nil)
		if k1 := c.key1(ix.Index, t.Index); k1 != nil {
			return func(fr *Frame) ctrl { c.out.put1(x(fr).P.(*value.Table), k1(fr), value.Value{}); return ctrlNext }
		}
		key := c.keys(ix.Index, t.Index)
		return func(fr *Frame) ctrl { c.out.put(x(fr).P.(*value.Table), key(fr), value.Value{}); return ctrlNext }
	case *ast.DeleteStmt:
		return c.deleteStmt(s)
	case *ast.AssertStmt:
		cond := c.expr(s.Cond, nil)
		var msg expr
		if s.Msg != nil {
			msg = c.expr(s.Msg, nil)
		}
		return func(fr *Frame) ctrl {
			if cond(fr).N == 0 {
				text := "assertion failure: " + c.chk.FormatAssert(s.Cond)
				if msg != nil {
					text += " (" + msg(fr).Str() + ")"
				}
				panic(&Error{Node: s, Msg: text, Kind: "error"})
			}
			return ctrlNext
		}
	case *ast.WhenStmt:
		return c.when(s)
	case *ast.EmptyStmt:
		return nil
	}
	return func(*Frame) ctrl { fail(s, "statement not supported yet"); return ctrlNext }
}

// nested compiles the statement a loop or an if runs: an empty one (a
// lone ';') compiles to nil in a block, but here it must still run, as
// doing nothing.
func (c *compiler) nested(s ast.Stmt) stmt {
	if f := c.stmt(s); f != nil {
		return f
	}
	return func(*Frame) ctrl { return ctrlNext }
}

// localSym returns the frame slot symbol of a local declaration.
func (c *compiler) localSym(d *ast.VarDecl) *check.Symbol { return c.chk.Locals[d] }

// returnType is the result type of the body being compiled, so a
// returned value is converted to it (count to double...).
func (c *compiler) returnType(*ast.ReturnStmt) types.Type {
	if c.cur == nil || c.cur.Proto == nil || c.cur.Proto.Result == nil || c.cur.Proto.Result.Kind() == types.Void {
		return nil
	}
	return c.cur.Proto.Result
}

func (c *compiler) print(s *ast.PrintStmt) stmt {
	fs := make([]expr, len(s.Args))
	ts := make([]types.Type, len(s.Args))
	for i, a := range s.Args {
		fs[i] = c.expr(a, nil)
		ts[i] = c.typeOf(a)
	}
	p := c.printerFor()
	if len(ts) > 0 && ts[0].Kind() == types.File {
		raw := &value.Printer{Mode: value.ModeRaw, FieldDefault: c.fieldDefault}
		return func(fr *Frame) ctrl {
			f, _ := fs[0](fr).P.(*value.File)
			vals := make([]value.Value, len(fs)-1)
			for i, e := range fs[1:] {
				vals[i] = e(fr)
			}
			if f == nil || f.Closed || f.Write == nil {
				return ctrlNext
			}
			var b []byte
			for i, v := range vals {
				if f.RawOutput {
					b = raw.Append(b, v, ts[i+1])
					continue
				}
				if i > 0 {
					b = append(b, ", "...)
				}
				b = p.Append(b, v, ts[i+1])
			}
			if !f.RawOutput {
				b = append(b, '\n')
			}
			f.Write(b)
			return ctrlNext
		}
	}
	return func(fr *Frame) ctrl {
		// Evaluate everything first: an error prints nothing at all.
		vals := make([]value.Value, len(fs))
		for i, f := range fs {
			vals[i] = f(fr)
		}
		var b []byte
		for i, v := range vals {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = p.Append(b, v, ts[i])
		}
		c.rt.Print(string(b))
		return ctrlNext
	}
}

func (c *compiler) forStmt(s *ast.ForStmt) stmt {
	x := c.expr(s.X, nil)
	body := c.nested(s.Body)
	keySlots := make([]int, len(s.Keys))
	for i, k := range s.Keys {
		keySlots[i] = c.chk.Uses[k].Slot
	}
	valSlot := -1
	if s.Value != nil {
		valSlot = c.chk.Uses[s.Value].Slot
	}
	loop := func(fr *Frame) (stop bool, r ctrl) {
		switch b := body(fr); b {
		case ctrlBreak:
			return true, ctrlNext
		case ctrlReturn:
			return true, ctrlReturn
		}
		return false, ctrlNext
	}
	switch c.typeOf(s.X).Kind() {
	case types.Vector:
		return func(fr *Frame) ctrl {
			v := x(fr).P.(*value.Vector)
			for i := 0; i < len(v.Elems); i++ {
				if v.Elems[i].IsUnset() {
					continue
				}
				fr.Slots[keySlots[0]] = value.Count(uint64(i))
				if valSlot >= 0 {
					fr.Slots[valSlot] = v.Elems[i]
				}
				if stop, r := loop(fr); stop {
					return r
				}
			}
			return ctrlNext
		}
	case types.String:
		return func(fr *Frame) ctrl {
			str := x(fr).Str()
			for i := 0; i < len(str); i++ {
				fr.Slots[keySlots[0]] = value.String(str[i : i+1])
				if stop, r := loop(fr); stop {
					return r
				}
			}
			return ctrlNext
		}
	}
	single := false
	if tt, ok := c.typeOf(s.X).(*types.TableType); ok && len(tt.Index) == 1 {
		single = true
	}
	return func(fr *Frame) (result ctrl) {
		t := x(fr).P.(*value.Table)
		t.BeginIter()
		defer t.EndIter()
		end := t.End()
		var key []value.Value
		for pos := t.Next(-1, end); pos >= 0; pos = t.Next(pos, end) {
			if single {
				if len(keySlots) > 0 {
					fr.Slots[keySlots[0]] = t.Key1At(pos)
				}
			} else {
				key = t.KeyAt(pos, key[:0])
				for i, slot := range keySlots {
					if i < len(key) {
						fr.Slots[slot] = key[i]
					}
				}
			}
			if valSlot >= 0 {
				fr.Slots[valSlot] = t.ValAt(pos)
			}
			if stop, r := loop(fr); stop {
				return r
			}
		}
		return ctrlNext
	}
}

func (c *compiler) switchStmt(s *ast.SwitchStmt) stmt {
	x := c.expr(s.X, nil)
	t := c.typeOf(s.X)
	type typeArm struct {
		t    types.Type
		slot int // -1 without "as"
	}
	type arm struct {
		values []expr
		types  []typeArm
		body   stmt
		def    bool
	}
	arms := make([]arm, len(s.Cases))
	for i, cs := range s.Cases {
		a := arm{body: c.block(cs.Body), def: cs.IsDefault}
		for _, v := range cs.Values {
			a.values = append(a.values, c.expr(v, t))
		}
		for _, tc := range cs.Types {
			ta := typeArm{t: c.chk.TypeOf[tc.Type], slot: -1}
			if tc.Name != nil {
				if sym := c.chk.Uses[tc.Name]; sym != nil {
					ta.slot = sym.Slot
				}
			}
			a.types = append(a.types, ta)
		}
		arms[i] = a
	}
	return func(fr *Frame) ctrl {
		v := x(fr)
		start := -1
		for i, a := range arms {
			for _, ve := range a.values {
				if value.Equal(v, ve(fr), t) {
					start = i
					break
				}
			}
			if start < 0 && len(a.types) > 0 {
				if av, ok := v.P.(*value.Any); ok {
					for _, ta := range a.types {
						if ta.t == nil || !types.Identical(av.Type, ta.t) && ta.t.Kind() != types.Any {
							continue
						}
						if ta.slot >= 0 {
							if ta.t.Kind() == types.Any {
								fr.Slots[ta.slot] = v
							} else {
								fr.Slots[ta.slot] = av.Value
							}
						}
						start = i
						break
					}
				}
			}
			if start >= 0 {
				break
			}
		}
		if start < 0 {
			for i, a := range arms {
				if a.def {
					start = i
				}
			}
		}
		if start < 0 {
			return ctrlNext
		}
		for i := start; i < len(arms); i++ {
			switch r := arms[i].body(fr); r {
			case ctrlFallthrough:
				continue
			case ctrlBreak, ctrlNext:
				return ctrlNext
			default:
				return r
			}
		}
		return ctrlNext
	}
}

func (c *compiler) deleteStmt(s *ast.DeleteStmt) stmt {
	switch x := s.X.(type) {
	case *ast.IndexExpr:
		t, ok := c.typeOf(x.X).(*types.TableType)
		if !ok {
			return nil
		}
		tbl := c.expr(x.X, nil)
		if k1 := c.key1(x.Index, t.Index); k1 != nil {
			return func(fr *Frame) ctrl { c.out.del1(tbl(fr).P.(*value.Table), k1(fr)); return ctrlNext }
		}
		key := c.keys(x.Index, t.Index)
		return func(fr *Frame) ctrl { c.out.del(tbl(fr).P.(*value.Table), key(fr)); return ctrlNext }
	case *ast.FieldExpr:
		rec := c.expr(x.X, nil)
		idx := fieldIndex(c.typeOf(x.X).(*types.RecordType), x.Name)
		return func(fr *Frame) ctrl {
			rec(fr).P.(*value.Record).SetField(idx, value.None)
			return ctrlNext
		}
	}
	return nil
}

// Trigger is a parked when statement: its own copy of the frame, its
// condition, body and timeout. The engine evaluates it now and again
// after every event until the condition holds or the timeout fires.
type Trigger struct {
	Frame       *Frame
	Cond        func(*Frame) bool
	Body        func(*Frame)
	Timeout     float64 // seconds; < 0: none
	TimeoutBody func(*Frame)
	Node        ast.Node
}

// when hands a trigger to the engine. The frame is copied, so the body
// sees the locals as they were when the when statement ran; captures
// marked copy (and Bro-style implicit captures) are deep copies.
func (c *compiler) when(s *ast.WhenStmt) stmt {
	cond := c.expr(s.Cond, nil)
	body := c.nested(s.Body)
	var tbody stmt
	var timeout expr
	if s.Timeout != nil {
		timeout = c.expr(s.Timeout, nil)
		tbody = c.stmt(s.TimeoutBody)
	}
	bindSlot := -1
	if s.Local != nil {
		if sym := c.chk.Uses[s.Local]; sym != nil {
			bindSlot = sym.Slot
		}
	}
	type deep struct {
		slot int
		t    types.Type
	}
	var deeps []deep
	for _, cp := range c.chk.Whens[s] {
		if cp.Copy && cp.Outer != nil {
			deeps = append(deeps, deep{cp.Outer.Slot, cp.Outer.Type})
		}
	}
	isReturn := s.IsReturn
	return func(fr *Frame) ctrl {
		own := &Frame{Slots: append([]value.Value(nil), fr.Slots...), depth: fr.depth, body: fr.body}
		for _, d := range deeps {
			if d.slot < len(own.Slots) && !own.Slots[d.slot].IsUnset() {
				own.Slots[d.slot] = value.Copy(own.Slots[d.slot], d.t)
			}
		}
		ts := &triggerState{}
		var ac *asyncCall
		if isReturn {
			// "return when": the function's result is what the body (or
			// the timeout body) returns, delivered to the waiting caller.
			ac = c.out.curCall
			c.out.curCall = nil
			if ac != nil {
				ac.started = true
			}
		}
		finish := func(f *Frame, r ctrl) {
			if ac != nil {
				v := value.None
				if r == ctrlReturn {
					v = f.ret
				}
				c.deliver(ac, v)
			}
		}
		tr := &Trigger{Frame: own, Timeout: -1, Node: s,
			Cond: func(f *Frame) bool {
				return c.evalCond(ts, func(f *Frame) bool {
					v := cond(f)
					if bindSlot >= 0 {
						f.Slots[bindSlot] = v
						return true
					}
					return v.N != 0
				}, f)
			},
			Body: func(f *Frame) { finish(f, body(f)) },
		}
		if timeout != nil {
			tr.Timeout = timeout(fr).Double()
			tr.TimeoutBody = func(f *Frame) { finish(f, tbody(f)) }
		}
		c.rt.When(tr)
		if isReturn {
			fr.ret = value.None
			return ctrlReturn
		}
		return ctrlNext
	}
}

// isCtor reports whether e makes a new container (so a declaration's
// attributes go to the value it makes).
func isCtor(e ast.Expr) bool {
	switch e.(type) {
	case *ast.ConstructorExpr, *ast.BraceExpr, *ast.ListExpr:
		return true
	}
	return false
}
