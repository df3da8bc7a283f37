package repl

import (
	"sort"
	"strings"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
)

// completer completes, at the cursor: meta command names, store names
// after the store commands, record fields after '$', and otherwise
// identifiers (globals, functions, events, types and enum names, module
// qualified, and the session's top-level locals) and built-in functions.
type completer struct{ s *session }

// Do implements readline.AutoCompleter: the candidates' remaining
// characters, and how many characters of the word are typed.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line[:pos])
	word := text[wordStart(text):]
	var cands []string
	switch {
	case strings.HasPrefix(text, ".") && !strings.Contains(text, " "):
		for _, cmd := range commands {
			cands = append(cands, "."+cmd.name)
		}
		word = text
	case strings.HasPrefix(text, ".") && storeArg(text):
		cands = c.s.run.Stores()
	case strings.Contains(word, "$"):
		i := strings.LastIndexByte(word, '$')
		for _, f := range c.fields(word[:i]) {
			cands = append(cands, word[:i+1]+f)
		}
	default:
		seen := map[string]bool{}
		for name := range c.s.res.Program.Scope {
			seen[name] = true
		}
		for _, l := range c.s.res.Program.Top.Locals {
			if l != nil {
				seen[l.Name] = true
			}
		}
		for _, d := range builtins.Decls {
			seen[d.Name] = true
		}
		for name := range seen {
			cands = append(cands, name)
		}
	}
	var out [][]rune
	sort.Strings(cands)
	for _, cand := range cands {
		if strings.HasPrefix(cand, word) && cand != word {
			out = append(out, []rune(cand[len(word):]))
		}
	}
	return out, len([]rune(word))
}

// wordStart is where the identifier (with :: and $) before the end of
// text begins.
func wordStart(text string) int {
	i := len(text)
	for i > 0 {
		c := text[i-1]
		if c == '_' || c == ':' || c == '$' || c == '.' && i == 1 ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i--
			continue
		}
		break
	}
	return i
}

// storeArg reports whether the cursor is at the first argument of a
// command that takes a store.
func storeArg(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 || len(f) > 2 || len(f) == 2 && strings.HasSuffix(text, " ") {
		return false
	}
	switch f[0] {
	case ".keys", ".get", ".dump":
		return true
	}
	return false
}

// fields are the field names of the record that path ("c", "c$id")
// names, walking from a global.
func (c completer) fields(path string) []string {
	parts := strings.Split(path, "$")
	sym := c.s.res.Program.Lookup(parts[0])
	for _, l := range c.s.res.Program.Top.Locals {
		if l != nil && l.Name == parts[0] {
			sym = l // the session's locals shadow globals
		}
	}
	if sym == nil {
		return nil
	}
	t := sym.Type
	for _, f := range parts[1:] {
		rt, ok := t.(*types.RecordType)
		if !ok {
			return nil
		}
		fld := rt.Field(f)
		if fld == nil {
			return nil
		}
		t = fld.Type
	}
	rt, ok := t.(*types.RecordType)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range rt.Fields {
		out = append(out, f.Name)
	}
	return out
}
