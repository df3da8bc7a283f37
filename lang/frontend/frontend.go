// Package frontend assembles the language pipeline — loader, lexer, parser,
// checker — with the built-in declarations and the embedded policy tree,
// and loads a run's scripts in Zeek's order: init-bare, the always-loaded
// frameworks, the default scripts (unless bare), the command-line scripts,
// prefix files, command-line redefs, then -e code.
package frontend

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/lang/parser"
	"github.com/gobro/gobro/lang/token"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/policy"
)

// Config describes what to load.
type Config struct {
	SearchPath []string // disk search path (ZEEKPATH), before the embedded tree
	Embedded   fs.FS    // the bundled tree; nil means policy.FS
	Bare       bool     // -b: skip base/init-default
	Scripts    []string // command-line scripts
	Prefixes   []string // -p
	Redefs     []Redef  // command-line name=value arguments
	Exec       []string // -e code
	Stdin      []byte   // script text read from stdin, nil if none
	// CacheDir holds the parse cache of the embedded tree ("" = none), so
	// that a start does not parse the bundled scripts again.
	CacheDir string
}

// Redef is a command-line "name op value" argument (op: = += -=).
type Redef struct {
	Name, Op, Value string
}

// source renders the redef as a statement. Like Zeek, the value is quoted
// when the global is a string, so "Log::default_logdir=/tmp" works; any
// other value is script text ("REMOTE_HOSTS", "{10.0.0.0/8}").
func (r Redef) source(c *check.Checker) string {
	v := r.Value
	if sym := c.Program().Lookup(r.Name); sym != nil && sym.Type != nil && sym.Type.Kind() == types.String {
		v = strconv.Quote(v)
	}
	return "redef " + r.Name + " " + r.Op + " " + v + ";"
}

// Result is a loaded and checked program with its diagnostics.
type Result struct {
	Program *check.Program
	Diags   *diag.List
	Loader  *load.Loader
	// Checker is the checker behind Program, for a session that checks
	// more input into it (gobro repl).
	Checker *check.Checker
}

// Sources returns the file text for caret snippets.
func (r *Result) Sources() diag.Sources { return r.Loader.Source }

// Startup scripts, in load order.
const (
	InitBare       = "base/init-bare"
	InitFrameworks = "base/init-frameworks-and-bifs"
	InitDefault    = "base/init-default"
)

// NewChecker returns a checker with every built-in declared.
func NewChecker(diags *diag.List) *check.Checker {
	return check.New(check.Options{Diags: diags, Builtins: builtins.Decls, ParseFuncType: parser.ParseFuncType})
}

// NewLoader returns a loader feeding a fresh checker.
func NewLoader(cfg *Config) (*load.Loader, *check.Checker, *diag.List) {
	diags := &diag.List{}
	c := NewChecker(diags)
	return load.New(cfg.SearchPath, embedded(cfg), diags, c), c, diags
}

// Load loads and checks everything a run needs.
func Load(cfg *Config) *Result {
	return loadWith(cfg, func(*load.Loader) {})
}

// LoadAll loads the startup set and then every script of the embedded
// tree: the check behind "gobro --check-policy" (make run).
func LoadAll(cfg *Config) *Result {
	return loadWith(cfg, func(l *load.Loader) {
		for _, s := range EmbeddedScripts(embedded(cfg)) {
			l.Load(load.EmbeddedPrefix+s, "", token.Pos{})
		}
	})
}

// EmbeddedScripts lists the .zeek and .bro files of a script tree, sorted.
func EmbeddedScripts(fsys fs.FS) []string {
	var out []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (path.Ext(p) == ".zeek" || path.Ext(p) == ".bro") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// loadWith runs the startup sequence; extra loads more before the scripts of
// the command line.
func loadWith(cfg *Config, extra func(*load.Loader)) *Result {
	// Loading allocates a lot of short-lived parser state and keeps little;
	// collecting less often during it cuts startup by a third.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	l, c, diags := NewLoader(cfg)
	cache := openCache(cfg)
	l.Cache = cache
	defer saveCache(cfg, cache)
	for _, p := range cfg.Prefixes {
		l.AddPrefix(p)
	}
	l.Load(load.EmbeddedPrefix+InitBare, "", token.Pos{})
	l.Load(load.EmbeddedPrefix+InitFrameworks, "", token.Pos{})
	if !cfg.Bare {
		l.Load(load.EmbeddedPrefix+InitDefault, "", token.Pos{})
	}
	extra(l)
	for _, s := range cfg.Scripts {
		l.Load(s, "", token.Pos{})
	}
	l.LoadPrefixes()
	// Command-line redefs, then -e code, form one "<command line>" script
	// (Zeek implies a trailing ';' after -e code).
	var cmdline strings.Builder
	for _, r := range cfg.Redefs {
		cmdline.WriteString(r.source(c))
		cmdline.WriteString("\n")
	}
	for _, e := range cfg.Exec {
		cmdline.WriteString(e)
		cmdline.WriteString(";\n")
	}
	if cmdline.Len() > 0 {
		l.LoadSource("<command line>", []byte(cmdline.String()))
	}
	if cfg.Stdin != nil {
		l.LoadSource("<stdin>", cfg.Stdin)
	}
	c.Finish()
	l.Finish()
	prog := c.Program()
	for _, f := range l.Files() {
		// A Bro 2.x site script (local.bro...) puts the run in Bro-compat
		// mode (check.Program.BroCompat); the embedded tree's .bro
		// files do not.
		if !strings.HasPrefix(f, load.EmbeddedPrefix) && path.Ext(f) == ".bro" {
			prog.BroCompat = true
		}
	}
	prog.Signatures = l.Signatures
	return &Result{Program: prog, Diags: diags, Loader: l, Checker: c}
}

// cacheFile names the parse cache of an embedded tree: a changed tree gets
// a new file, so stale entries never accumulate.
func cacheFile(cfg *Config) string {
	h := sha256.New()
	fs.WalkDir(embedded(cfg), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			src, _ := fs.ReadFile(embedded(cfg), p)
			io.WriteString(h, p)
			h.Write(src)
		}
		return nil
	})
	return filepath.Join(cfg.CacheDir, fmt.Sprintf("policy-%x.gob", h.Sum(nil)[:8]))
}

func embedded(cfg *Config) fs.FS {
	if cfg.Embedded != nil {
		return cfg.Embedded
	}
	return policy.FS
}

// openCache reads the parse cache; any problem means starting empty.
func openCache(cfg *Config) *parser.Cache {
	if cfg.CacheDir == "" {
		return nil
	}
	f, err := os.Open(cacheFile(cfg))
	if err != nil {
		return parser.NewCache()
	}
	defer f.Close()
	c, err := parser.ReadCache(bufio.NewReader(f))
	if err != nil {
		return parser.NewCache()
	}
	return c
}

// saveCache writes the cache when this run added to it. It writes a
// temporary file and renames it, so a concurrent start never reads half a
// cache; failures (read-only home, full disk) only cost speed.
func saveCache(cfg *Config, c *parser.Cache) {
	if c == nil || !c.Dirty() {
		return
	}
	if err := os.MkdirAll(cfg.CacheDir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(cfg.CacheDir, "policy-*.tmp")
	if err != nil {
		return
	}
	w := bufio.NewWriter(tmp)
	_, err = c.WriteTo(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), cacheFile(cfg)); err != nil {
		os.Remove(tmp.Name())
	}
}
