package parser

import (
	"fmt"
	"sort"
	"strconv"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/lexer"
)

// Lowering: participle grammar structs → lang/ast nodes.

// span makes a node span from participle's positions. participle records
// a node's end as the start of the token after it, which may sit lines
// later; Zeek's "lines N-M" wants the node's own last token, so the end
// is moved back to the token before.
func span(start, end plex.Position) ast.Span {
	return ast.Span{Start: lexer.Pos(start), End: lexer.Pos(tokenBefore(end))}
}

// tokenBefore returns the position of the token preceding the one at end
// in the chunk being parsed.
func tokenBefore(end plex.Position) plex.Position {
	toks := chunkToks
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Pos.Offset >= end.Offset })
	if i > 0 && i <= len(toks) {
		return toks[i-1].Pos
	}
	return end
}

func lowerDecl(g *declG) ast.Decl {
	sp := span(g.Pos, g.EndPos)
	switch {
	case g.Module != nil:
		return &ast.ModuleDecl{Span: sp, Name: *g.Module}
	case g.Export != nil:
		d := &ast.ExportDecl{Span: sp}
		for _, x := range g.Export.Decls {
			d.Decls = append(d.Decls, lowerDecl(x))
		}
		return d
	case g.Var != nil:
		v := g.Var
		kinds := map[string]ast.VarKind{"global": ast.Global, "const": ast.Const, "option": ast.Option}
		return &ast.VarDecl{Span: sp, Kind: kinds[v.Kind], Name: v.Name.text(), Type: lowerTypeOpt(v.Type), Init: v.Init, Attrs: lowerAttrs(v.Attrs)}
	case g.Type != nil:
		return &ast.TypeDecl{Span: sp, Name: g.Type.Name.text(), Type: lowerType(g.Type.Type), Attrs: lowerAttrs(g.Type.Attrs)}
	case g.Func != nil:
		f := g.Func
		return &ast.FuncDecl{Span: sp, Kind: funcKind(f.Kind), Name: f.Name.text(), Params: lowerParams(f.Params.List),
			Result: lowerTypeOpt(f.Result), Attrs: lowerAttrs(f.Attrs), Body: lowerBlock(f.Body), IsRedef: f.Redef}
	case g.Redef != nil:
		return lowerRedef(sp, g.Redef)
	case g.Stmt != nil:
		return &ast.StmtDecl{Span: sp, Stmt: lowerStmt(g.Stmt)}
	}
	panic("parser: empty declaration")
}

func lowerRedef(sp ast.Span, r *redefG) ast.Decl {
	switch {
	case r.Record != nil && r.Record.Field != nil:
		return &ast.RedefFieldAttrDecl{Span: sp, Record: r.Record.Name.text(), Field: *r.Record.Field, Op: r.Record.FOp, Attrs: lowerAttrs(r.Record.FAttrs)}
	case r.Record != nil:
		return &ast.RedefRecordDecl{Span: sp, Name: r.Record.Name.text(), Fields: lowerFields(r.Record.Fields), Attrs: lowerAttrs(r.Record.Attrs)}
	case r.Enum != nil:
		return &ast.RedefEnumDecl{Span: sp, Name: r.Enum.Name.text(), Names: lowerEnumNames(r.Enum.Names)}
	default:
		return &ast.RedefDecl{Span: sp, Name: r.Var.Name.text(), Op: r.Var.Op, Init: r.Var.Init, Attrs: lowerAttrs(r.Var.Attrs)}
	}
}

func funcKind(s string) ast.FuncKind {
	switch s {
	case "event":
		return ast.Event
	case "hook":
		return ast.Hook
	}
	return ast.Function
}

func lowerTypeOpt(g *typeG) ast.TypeExpr {
	if g == nil {
		return nil
	}
	return lowerType(g)
}

func lowerType(g *typeG) ast.TypeExpr {
	sp := span(g.Pos, g.EndPos)
	switch {
	case g.Set != nil:
		return &ast.SetType{Span: sp, Index: lowerTypes(g.Set.Index)}
	case g.Table != nil:
		return &ast.TableType{Span: sp, Index: lowerTypes(g.Table.Index), Yield: lowerType(g.Table.Yield)}
	case g.Vector != nil:
		return &ast.VectorType{Span: sp, Elem: lowerType(g.Vector)}
	case g.Record != nil:
		return &ast.RecordType{Span: sp, Fields: lowerFields(g.Record.Fields)}
	case g.Enum != nil:
		return &ast.EnumType{Span: sp, Names: lowerEnumNames(g.Enum.Names)}
	case g.Func != nil:
		return lowerFuncType(sp, g.Func)
	case g.Opaque != nil:
		return &ast.OpaqueType{Span: sp, Name: *g.Opaque}
	case g.File != nil:
		return &ast.NamedType{Span: sp, Name: "file"}
	case g.Name != nil:
		return &ast.NamedType{Span: sp, Name: *g.Name}
	}
	panic("parser: empty type")
}

func lowerFuncType(sp ast.Span, f *funcTypeG) *ast.FuncType {
	return &ast.FuncType{Span: sp, Kind: funcKind(f.Kind), Params: lowerParams(f.Params.List),
		Result: lowerTypeOpt(f.Result), Variadic: f.Params.Variadic}
}

func lowerTypes(gs []*typeG) []ast.TypeExpr {
	out := make([]ast.TypeExpr, len(gs))
	for i, g := range gs {
		out[i] = lowerType(g)
	}
	return out
}

func lowerFields(gs []*fieldG) []*ast.Field {
	out := make([]*ast.Field, len(gs))
	for i, g := range gs {
		out[i] = &ast.Field{Span: span(g.Pos, g.EndPos), Name: g.Name.text(), Type: lowerType(g.Type), Attrs: lowerAttrs(g.Attrs)}
	}
	return out
}

func lowerEnumNames(gs []*enumNameG) []*ast.EnumName {
	out := make([]*ast.EnumName, len(gs))
	for i, g := range gs {
		n := &ast.EnumName{Span: span(g.Pos, g.EndPos), Name: g.Name.text(), Attrs: lowerAttrs(g.Attrs)}
		if g.Value != nil {
			n.Value = &ast.BasicLit{Span: n.Span, Kind: ast.LitCount, Value: *g.Value}
		}
		out[i] = n
	}
	return out
}

func lowerParams(gs []*paramG) []*ast.Param {
	out := make([]*ast.Param, len(gs))
	for i, g := range gs {
		out[i] = &ast.Param{Span: span(g.Pos, g.EndPos), Name: g.Name.text(), Type: lowerType(g.Type), Attrs: lowerAttrs(g.Attrs)}
	}
	return out
}

func lowerAttrs(gs []*attrG) []*ast.Attr {
	if len(gs) == 0 {
		return nil
	}
	out := make([]*ast.Attr, len(gs))
	for i, g := range gs {
		out[i] = &ast.Attr{Span: span(g.Pos, g.EndPos), Name: g.Name[1:], Value: g.Value}
	}
	return out
}

func lowerIdent(g *identG) *ast.Ident {
	if g == nil {
		return nil
	}
	return &ast.Ident{Span: span(g.Pos, g.EndPos), Name: g.Name.text()}
}

func lowerCaptures(g *capturesG) []*ast.Capture {
	out := make([]*ast.Capture, len(g.List))
	for i, c := range g.List {
		out[i] = &ast.Capture{Span: span(c.Pos, c.EndPos), Name: lowerIdent(c.Name), Copy: c.Copy}
	}
	return out
}

func lowerBlock(g *blockG) *ast.BlockStmt {
	b := &ast.BlockStmt{Span: span(g.Pos, g.EndPos), Stmts: make([]ast.Stmt, len(g.Stmts))}
	for i, s := range g.Stmts {
		b.Stmts[i] = lowerStmt(s)
	}
	return b
}

func lowerStmtOpt(g *stmtG) ast.Stmt {
	if g == nil {
		return nil
	}
	return lowerStmt(g)
}

func lowerStmt(g *stmtG) ast.Stmt {
	sp := span(g.Pos, g.EndPos)
	switch {
	case g.Block != nil:
		return lowerBlock(g.Block)
	case g.If != nil:
		return &ast.IfStmt{Span: sp, Cond: g.If.Cond, Then: lowerStmt(g.If.Then), Else: lowerStmtOpt(g.If.Else)}
	case g.While != nil:
		return &ast.WhileStmt{Span: sp, Cond: g.While.Cond, Body: lowerStmt(g.While.Body)}
	case g.For != nil:
		f := g.For
		s := &ast.ForStmt{Span: sp, Value: lowerIdent(f.Value), X: f.X, Body: lowerStmt(f.Body)}
		if f.Key != nil {
			s.Keys = []*ast.Ident{lowerIdent(f.Key)}
		} else {
			s.Bracket = true
			for _, k := range f.Bracket {
				s.Keys = append(s.Keys, lowerIdent(k))
			}
		}
		return s
	case g.Switch != nil:
		s := &ast.SwitchStmt{Span: sp, X: g.Switch.X}
		for _, c := range g.Switch.Cases {
			cs := &ast.Case{Span: span(c.Pos, c.EndPos), Values: c.Values, IsDefault: c.Default}
			for _, tc := range c.Types {
				cs.Types = append(cs.Types, &ast.TypeCase{Span: span(tc.Pos, tc.EndPos), Type: lowerType(tc.Type), Name: lowerIdent(tc.Name)})
			}
			for _, st := range c.Body {
				cs.Body = append(cs.Body, lowerStmt(st))
			}
			s.Cases = append(s.Cases, cs)
		}
		return s
	case g.When != nil:
		return lowerWhen(sp, g.When, false)
	case g.Return != nil:
		if g.Return.When != nil {
			return lowerWhen(sp, g.Return.When, true)
		}
		return &ast.ReturnStmt{Span: sp, X: g.Return.X}
	case g.Local != nil:
		l := g.Local
		kind := ast.Local
		if l.Kind == "const" {
			kind = ast.Const
		}
		d := &ast.VarDecl{Span: sp, Kind: kind, Name: l.Name.text(), Type: lowerTypeOpt(l.Type), Init: l.Init, Attrs: lowerAttrs(l.Attrs)}
		return &ast.LocalStmt{Span: sp, Decl: d}
	case g.Print != nil:
		return &ast.PrintStmt{Span: sp, Args: g.Print}
	case g.Add != nil:
		return &ast.AddStmt{Span: sp, X: g.Add}
	case g.Delete != nil:
		return &ast.DeleteStmt{Span: sp, X: g.Delete}
	case g.Event != nil:
		call, _ := g.Event.(*ast.CallExpr)
		if call == nil {
			// "event x;" — keep the expression so the checker reports it
			call = &ast.CallExpr{Span: sp, Fun: g.Event}
		}
		return &ast.EventStmt{Span: sp, Call: call}
	case g.Assert != nil:
		return &ast.AssertStmt{Span: sp, Cond: g.Assert.Cond, Msg: g.Assert.Msg}
	case g.Break:
		return &ast.BreakStmt{Span: sp}
	case g.Next:
		return &ast.NextStmt{Span: sp}
	case g.Fallthrough:
		return &ast.FallthroughStmt{Span: sp}
	case g.Expr != nil:
		return &ast.ExprStmt{Span: sp, X: g.Expr}
	}
	return &ast.EmptyStmt{Span: sp}
}

func lowerWhen(sp ast.Span, w *whenG, isReturn bool) *ast.WhenStmt {
	s := &ast.WhenStmt{Span: sp, IsReturn: isReturn, Local: lowerIdent(w.Local), Cond: w.Cond,
		Body: lowerStmt(w.Body), Timeout: w.Timeout}
	if w.Captures != nil {
		s.HasCaptures = true
		s.Captures = lowerCaptures(w.Captures)
	}
	if w.TimeoutBody != nil {
		s.TimeoutBody = lowerBlock(w.TimeoutBody)
	}
	return s
}

// unquote decodes a string literal with Zeek's escapes: \n \t \r \\ \"
// \xHH (one or two hex digits), octal \NNN, and any other \c as c.
func unquote(lit string) (string, error) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", fmt.Errorf("unterminated string literal")
	}
	s := lit[1 : len(lit)-1]
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'v':
			b = append(b, 11)
		case 'x':
			j := i + 1
			for j < len(s) && j < i+3 && isHexDigit(s[j]) {
				j++
			}
			if j == i+1 {
				return "", fmt.Errorf("bad \\x escape in string literal")
			}
			v, _ := strconv.ParseUint(s[i+1:j], 16, 8)
			b = append(b, byte(v))
			i = j - 1
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 16)
			b = append(b, byte(v))
			i = j - 1
		default:
			b = append(b, e)
		}
	}
	return string(b), nil
}

func isHexDigit(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
