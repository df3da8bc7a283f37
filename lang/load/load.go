// Package load resolves and reads scripts: @load paths against the search
// path (ZEEKPATH/BROPATH, then the embedded policy tree), __load__ packages,
// .zeek before .bro, load-once by canonical path. Each file is read one
// declaration at a time and every declaration is handed to the checker
// before the next one is read, so that @if conditions and @load directives
// see everything declared before them, exactly as in Zeek.
package load

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/lexer"
	"github.com/gobro/gobro/lang/parser"
	"github.com/gobro/gobro/lang/signature"
	"github.com/gobro/gobro/lang/token"
)

// Checker receives declarations in load order and answers the questions
// conditional directives ask.
type Checker interface {
	Decl(d ast.Decl)
	Defined(name string) bool
	CondExpr(e ast.Expr) (bool, error)
}

// EmbeddedPrefix is how scripts of the embedded policy tree are named in
// messages and in @DIR.
const EmbeddedPrefix = "<gobro>/"

// Loader loads scripts into a checker.
type Loader struct {
	// Path is the search path of directories on disk, in order (ZEEKPATH).
	Path []string
	// Embedded is the bundled script tree (base/, policy/, site/); its roots
	// are searched after Path, like Zeek's share/zeek, share/zeek/policy and
	// share/zeek/site.
	Embedded fs.FS
	Diags    *diag.List
	Checker  Checker // nil: parse only
	// Cache keeps the parsed declarations of embedded scripts between
	// runs (nil: parse everything).
	Cache *parser.Cache

	sources  map[string][]byte // display name → text, for caret snippets
	loaded   map[string]bool   // canonical names
	order    []string          // display names in load order
	rels     []string          // names relative to their search-path root, in load order (for @prefixes)
	prefixes []string
	decls    int
	fatal    bool // a script could not be found: Zeek stops loading there
	// After a syntax error the checker is fed nothing more: declarations
	// that failed to parse would only cause a cascade of "unknown
	// identifier" errors. Parsing goes on, so every syntax error is shown.
	syntaxFailed bool
	ignored      map[string][][2]int // per file: @pragma ignore-deprecations ranges
	sigFiles     map[string]bool     // signature files loaded (canonical names)

	// Signatures are those of the files @load-sigs loaded, in load order,
	// for the packet engine's protocol detection.
	Signatures []*signature.Signature
}

// New returns a loader over the given search path and embedded tree.
func New(searchPath []string, embedded fs.FS, diags *diag.List, c Checker) *Loader {
	return &Loader{Path: searchPath, Embedded: embedded, Diags: diags, Checker: c,
		sources: map[string][]byte{}, loaded: map[string]bool{}}
}

// SearchPath builds the disk search path from ZEEKPATH (or BROPATH),
// defaulting to "."; empty entries are skipped.
func SearchPath(getenv func(string) string) []string {
	v := getenv("ZEEKPATH")
	if v == "" {
		v = getenv("BROPATH")
	}
	if v == "" {
		return []string{"."}
	}
	var out []string
	for _, p := range strings.Split(v, ":") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Source returns the text of a loaded file (for diagnostics).
func (l *Loader) Source(name string) []byte { return l.sources[name] }

// Files returns the display names of all loaded files in load order.
func (l *Loader) Files() []string { return l.order }

// Decls returns how many top-level declarations were read.
func (l *Loader) Decls() int { return l.decls }

// script is a resolved file: on disk or in the embedded tree.
type script struct {
	display string // name used in messages
	canon   string // identity for load-once
	embed   string // path inside the embedded tree, "" for disk files
	rel     string // path below the search-path root it was found in
}

func (s script) dir() string {
	if s.embed != "" {
		return EmbeddedPrefix + path.Dir(s.embed)
	}
	return filepath.Dir(s.display)
}

func (s script) read(l *Loader) ([]byte, error) {
	if s.embed != "" {
		return fs.ReadFile(l.Embedded, s.embed)
	}
	return os.ReadFile(s.display)
}

// Load loads a script named as on the command line or in @load, relative
// to dir (the loading script's directory; "" for the command line).
func (l *Loader) Load(name string, dir string, at token.Pos) bool {
	if l.fatal {
		return false
	}
	s, ok := l.resolve(name, dir)
	if !ok {
		l.Diags.Add(&diag.Diagnostic{Severity: diag.Fatal, Pos: at, Msg: "can't find " + name})
		l.fatal = true
		return false
	}
	if l.loaded[s.canon] {
		return true
	}
	src, err := s.read(l)
	if err != nil {
		l.Diags.Add(&diag.Diagnostic{Severity: diag.Error, Pos: at, Msg: fmt.Sprintf("can't open %s: %v", name, err)})
		return false
	}
	l.loaded[s.canon] = true
	l.rels = append(l.rels, s.rel)
	from := "command line arguments"
	if at.IsValid() {
		from = fmt.Sprintf("%s:%d", at.File, at.Line)
	}
	l.run(s.display, s.dir(), src, from)
	return true
}

// LoadSource loads text that does not come from a file (-e, stdin,
// command-line redefs) under the given display name.
func (l *Loader) LoadSource(name string, src []byte) {
	if l.fatal {
		return
	}
	l.run(name, ".", src, "command line arguments")
}

// Find resolves a script name as @load would from the command line and
// returns the name it would be loaded under (find_in_zeekpath).
func (l *Loader) Find(name string) (string, bool) {
	s, ok := l.resolve(name, "")
	return s.display, ok
}

// Unload marks a script as already loaded (@unload).
func (l *Loader) Unload(name, dir string) {
	if s, ok := l.resolve(name, dir); ok {
		l.loaded[s.canon] = true
	}
}

// LoadPrefixes loads, for every prefix p set by @prefixes or -p and every
// loaded script, "<p>.<its path below its search root, / as .>" where it
// exists: prefix "tune" and base/utils/site.zeek give tune.base.utils.site.
func (l *Loader) LoadPrefixes() {
	if len(l.prefixes) == 0 {
		return
	}
	for _, rel := range append([]string(nil), l.rels...) {
		rel = strings.TrimSuffix(strings.TrimSuffix(rel, ".zeek"), ".bro")
		flat := strings.ReplaceAll(rel, "/", ".")
		for _, p := range l.prefixes {
			if s, ok := l.resolve(p+"."+flat, ""); ok && !l.loaded[s.canon] {
				l.Load(p+"."+flat, "", token.Pos{})
			}
		}
	}
}

// AddPrefix adds a script prefix (-p, @prefixes +=).
func (l *Loader) AddPrefix(p string) { l.prefixes = append(l.prefixes, p) }

// run reads one file; from says where it was loaded (for @deprecated).
func (l *Loader) run(display, dir string, src []byte, from string) {
	l.sources[display] = src
	l.order = append(l.order, display)
	lx := lexer.New(display, src, l.Diags, condHook{l})
	r := parser.NewReader(display, lx, l.Diags)
	if l.Checker != nil {
		r.Known = l.Checker.Defined
	}
	if l.Cache != nil && strings.HasPrefix(display, EmbeddedPrefix) {
		r.Cache = l.Cache
	}
	defer func() {
		if ign := lx.IgnoredDeprecations(); len(ign) > 0 {
			if l.ignored == nil {
				l.ignored = map[string][][2]int{}
			}
			l.ignored[display] = ign
		}
	}()
	for !l.fatal {
		d, dv, ok := r.Next()
		if r.Failed {
			l.syntaxFailed = true
		}
		if !ok {
			return
		}
		if dv != nil {
			l.directive(*dv, dir, from)
			continue
		}
		l.decls++
		if l.Checker != nil && !l.syntaxFailed {
			l.Checker.Decl(d)
		}
	}
}

// Resume lets loading go on after a script that could not be found or
// did not parse: a session (gobro repl) takes the next input anyway,
// where a run stops.
func (l *Loader) Resume() { l.fatal, l.syntaxFailed = false, false }

// Finish drops the deprecation warnings that fall inside
// "@pragma push ignore-deprecations" regions.
func (l *Loader) Finish() {
	if len(l.ignored) == 0 {
		return
	}
	kept := l.Diags.Items[:0]
	for _, d := range l.Diags.Items {
		if d.Severity == diag.Warning && strings.HasPrefix(d.Msg, "deprecated") && inRanges(l.ignored[d.Pos.File], d.Pos.Offset) {
			continue
		}
		kept = append(kept, d)
	}
	l.Diags.Items = kept
}

func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if off >= r[0] && off <= r[1] {
			return true
		}
	}
	return false
}

func (l *Loader) directive(d parser.Directive, dir, from string) {
	switch d.Name {
	case "@load":
		if d.Arg == "" {
			l.Diags.Errorf(d.Pos, "@load needs a script name")
			return
		}
		l.Load(d.Arg, dir, d.Pos)
	case "@unload":
		l.Unload(d.Arg, dir)
	case "@prefixes":
		arg := strings.TrimSpace(d.Arg)
		if rest, ok := strings.CutPrefix(arg, "+="); ok {
			arg = rest
		} else if rest, ok := strings.CutPrefix(arg, "="); ok {
			arg = rest
			l.prefixes = nil
		}
		for _, p := range strings.Split(arg, ":") {
			if p = strings.TrimSpace(p); p != "" {
				l.AddPrefix(p)
			}
		}
	case "@deprecated":
		// Zeek's wording, message quotes included; without a message the
		// line ends in a space.
		l.Diags.Add(&diag.Diagnostic{Severity: diag.Warning, Pos: d.Pos,
			Msg: "deprecated script loaded from " + from + " " + strings.TrimSpace(d.Arg)})
	case "@load-sigs":
		l.loadSignatures(d, dir)
	case "@load-plugin":
		// Plugins are Zeek C++ shared objects; gobro has none to load.
	}
}

// loadSignatures parses a signature file (once) into l.Signatures; its
// syntax errors are the loader's, with their positions in the file.
func (l *Loader) loadSignatures(d parser.Directive, dir string) {
	name := d.Arg
	if !strings.HasSuffix(name, ".sig") {
		name += ".sig"
	}
	s, ok := l.resolveFile(name, dir)
	if !ok {
		l.Diags.Errorf(d.Pos, "can't find %s", d.Arg)
		return
	}
	if l.sigFiles[s.canon] {
		return
	}
	if l.sigFiles == nil {
		l.sigFiles = map[string]bool{}
	}
	l.sigFiles[s.canon] = true
	text, err := s.read(l)
	if err != nil {
		l.Diags.Errorf(d.Pos, "can't read %s: %v", s.display, err)
		return
	}
	sigs, err := signature.Parse(s.display, text)
	if err != nil {
		if se, ok := err.(*signature.Error); ok {
			l.Diags.Errorf(se.Pos, "%s", se.Msg)
		} else {
			l.Diags.Errorf(d.Pos, "%v", err)
		}
		return
	}
	l.Signatures = append(l.Signatures, sigs...)
}

// condHook evaluates @if/@ifdef/@ifndef for the lexer.
type condHook struct{ l *Loader }

func (h condHook) Cond(kind string, pos token.Pos, toks []lexer.Token) bool {
	l := h.l
	if len(toks) == 0 {
		l.Diags.Errorf(pos, "syntax error, empty @%s condition", kind)
		return false
	}
	switch kind {
	case "ifdef", "ifndef":
		if len(toks) != 1 || token.Kind(toks[0].Type) != token.Ident {
			l.Diags.Errorf(lexer.Pos(toks[0].Pos), "@%s expects an identifier", kind)
			return false
		}
		def := l.Checker != nil && l.Checker.Defined(toks[0].Value)
		return def == (kind == "ifdef")
	}
	last := toks[len(toks)-1]
	end := lexer.Pos(last.Pos)
	end.Col += len(last.Value)
	end.Offset += len(last.Value)
	e, err := parser.ParseExpr(toks, end)
	if err != nil {
		if d, ok := err.(*diag.Diagnostic); ok {
			l.Diags.Add(d)
		} else {
			l.Diags.Errorf(pos, "%v", err)
		}
		return false
	}
	if l.Checker == nil {
		return false
	}
	ok, err := l.Checker.CondExpr(e)
	if err != nil {
		l.Diags.Errorf(pos, "%v", err)
		return false
	}
	return ok
}

// resolve finds a script by Zeek's rules: relative to dir for ./ and ../,
// absolute paths as is, otherwise along the search path and then the
// embedded roots; a name without extension tries .zeek, .bro, then a
// package directory's __load__.zeek / __load__.bro.
func (l *Loader) resolve(name, dir string) (script, bool) {
	for _, cand := range candidates(name) {
		if s, ok := l.resolveFile(cand, dir); ok {
			return s, true
		}
	}
	return script{}, false
}

func candidates(name string) []string {
	switch {
	case strings.HasSuffix(name, ".zeek"):
		return []string{name, strings.TrimSuffix(name, ".zeek") + ".bro"}
	case strings.HasSuffix(name, ".bro"):
		return []string{name, strings.TrimSuffix(name, ".bro") + ".zeek"}
	}
	return []string{name + ".zeek", name + ".bro", name + "/__load__.zeek", name + "/__load__.bro", name}
}

// embeddedRoots mirror Zeek's share/zeek, share/zeek/policy, share/zeek/site.
var embeddedRoots = []string{".", "policy", "site"}

func (l *Loader) resolveFile(name, dir string) (script, bool) {
	relative := strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../")
	if relative {
		if inner, ok := strings.CutPrefix(dir, EmbeddedPrefix); ok {
			return l.embedded(path.Join(inner, name), path.Base(name))
		}
		if dir == "" {
			dir = "."
		}
		return diskFile(filepath.Join(dir, name), filepath.Base(name))
	}
	if filepath.IsAbs(name) {
		return diskFile(name, filepath.Base(name))
	}
	if inner, ok := strings.CutPrefix(name, EmbeddedPrefix); ok {
		return l.embedded(inner, inner)
	}
	for _, p := range l.Path {
		if s, ok := diskFile(filepath.Join(p, name), name); ok {
			return s, true
		}
	}
	for _, root := range embeddedRoots {
		if s, ok := l.embedded(path.Join(root, name), name); ok {
			return s, true
		}
	}
	return script{}, false
}

func (l *Loader) embedded(p, rel string) (script, bool) {
	if l.Embedded == nil || !fs.ValidPath(p) {
		return script{}, false
	}
	st, err := fs.Stat(l.Embedded, p)
	if err != nil || st.IsDir() {
		return script{}, false
	}
	return script{display: EmbeddedPrefix + p, canon: EmbeddedPrefix + p, embed: p, rel: rel}, true
}

func diskFile(p, rel string) (script, bool) {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return script{}, false
	}
	canon, err := filepath.Abs(p)
	if err == nil {
		if r, err := filepath.EvalSymlinks(canon); err == nil {
			canon = r
		}
	}
	display := p
	if !filepath.IsAbs(p) && !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
		display = "./" + p
	}
	return script{display: display, canon: canon, rel: rel}, true
}
