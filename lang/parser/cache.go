package parser

import (
	"encoding/gob"
	"hash/fnv"
	"io"
	"sync"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/gobro/gobro/lang/ast"
)

// Cache keeps declarations parsed from files that are read again at every
// start (the embedded policy tree), keyed by the exact tokens they came
// from. A hit skips participle, the slow part of reading a script; the
// lexer still runs, so @if conditions are evaluated afresh every time and a
// changed file simply misses. Cached trees are shared between loads: the
// checker annotates them in side tables and never changes them.
type Cache struct {
	mu    sync.Mutex
	decls map[cacheKey]ast.Decl
	dirty bool
}

type cacheKey struct {
	File string
	Hash uint64
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{decls: map[cacheKey]ast.Decl{}} }

// Len returns the number of cached declarations.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.decls)
}

// Dirty reports whether declarations were added since it was read.
func (c *Cache) Dirty() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.dirty
}

func (c *Cache) get(k cacheKey) (ast.Decl, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.decls[k]
	return d, ok
}

func (c *Cache) put(k cacheKey, d ast.Decl) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.decls[k] = d
	c.dirty = true
}

// hashTokens identifies a declaration by its tokens' kinds, texts and
// offsets (offsets, because positions are part of the tree).
func hashTokens(toks []plex.Token) uint64 {
	h := fnv.New64a()
	var buf [16]byte
	for _, t := range toks {
		buf[0] = byte(t.Type)
		off := t.Pos.Offset
		for i := 1; i < 9; i++ {
			buf[i] = byte(off)
			off >>= 8
		}
		h.Write(buf[:9])
		io.WriteString(h, t.Value)
	}
	return h.Sum64()
}

type cacheEntry struct {
	Key  cacheKey
	Decl ast.Decl
}

// WriteTo encodes the cache.
func (c *Cache) WriteTo(w io.Writer) (int64, error) {
	c.mu.Lock()
	entries := make([]cacheEntry, 0, len(c.decls))
	for k, d := range c.decls {
		entries = append(entries, cacheEntry{k, d})
	}
	c.mu.Unlock()
	return 0, gob.NewEncoder(w).Encode(entries)
}

// ReadCache decodes a cache written by WriteTo.
func ReadCache(r io.Reader) (*Cache, error) {
	var entries []cacheEntry
	if err := gob.NewDecoder(r).Decode(&entries); err != nil {
		return nil, err
	}
	c := NewCache()
	for _, e := range entries {
		c.decls[e.Key] = e.Decl
	}
	return c, nil
}

func init() {
	// gob needs every concrete node type that sits behind an interface.
	for _, v := range []any{
		&ast.NamedType{}, &ast.SetType{}, &ast.TableType{}, &ast.VectorType{}, &ast.RecordType{},
		&ast.EnumType{}, &ast.FuncType{}, &ast.OpaqueType{},
		&ast.ModuleDecl{}, &ast.ExportDecl{}, &ast.VarDecl{}, &ast.TypeDecl{}, &ast.RedefDecl{},
		&ast.RedefRecordDecl{}, &ast.RedefEnumDecl{}, &ast.RedefFieldAttrDecl{}, &ast.FuncDecl{}, &ast.StmtDecl{},
		&ast.BlockStmt{}, &ast.ExprStmt{}, &ast.PrintStmt{}, &ast.IfStmt{}, &ast.WhileStmt{}, &ast.ForStmt{},
		&ast.SwitchStmt{}, &ast.AddStmt{}, &ast.DeleteStmt{}, &ast.EventStmt{}, &ast.ReturnStmt{},
		&ast.BreakStmt{}, &ast.NextStmt{}, &ast.FallthroughStmt{}, &ast.WhenStmt{}, &ast.LocalStmt{},
		&ast.AssertStmt{}, &ast.EmptyStmt{},
		&ast.Ident{}, &ast.BasicLit{}, &ast.UnaryExpr{}, &ast.IncrExpr{}, &ast.BinaryExpr{}, &ast.AssignExpr{},
		&ast.CondExpr{}, &ast.IndexExpr{}, &ast.SliceExpr{}, &ast.FieldExpr{}, &ast.HasFieldExpr{},
		&ast.CallExpr{}, &ast.FieldAssign{}, &ast.ConstructorExpr{}, &ast.ListExpr{}, &ast.BraceExpr{},
		&ast.CastExpr{}, &ast.IsExpr{}, &ast.SizeExpr{}, &ast.CopyExpr{}, &ast.LambdaExpr{}, &ast.HookExpr{},
		&ast.ScheduleExpr{},
	} {
		gob.Register(v)
	}
}
