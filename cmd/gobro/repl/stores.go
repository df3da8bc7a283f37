package repl

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/engine"
	"github.com/gobro/gobro/runtime/store"
	"github.com/gobro/gobro/runtime/value"
)

// open attaches a Broker SQLite file as a store and binds its handle to
// a global of the same name, so scripts can query it (Broker::keys...).
func (s *session) open(args []string, _ string) error {
	if len(args) < 1 || len(args) > 2 {
		return fmt.Errorf("usage: .open PATH.sqlite [NAME]")
	}
	file, name := args[0], storeName(args[0])
	if len(args) == 2 {
		name = args[1]
	}
	const handleType = "opaque of Broker::Store"
	if sym := s.res.Program.Lookup(name); sym != nil {
		if sym.Type == nil || sym.Type.String() != handleType {
			return fmt.Errorf("%s is already declared as a %s; give another NAME", name, sym.Type)
		}
	} else if !s.check(func() {
		s.res.Loader.LoadSource("<repl>", []byte("global "+name+": "+handleType+";"))
	}, nil, true) {
		return errors.New("cannot declare the store's global")
	}
	h, err := s.run.OpenStore(file, name, s.cfg.ReadWrite)
	if err != nil {
		return err
	}
	s.run.SetGlobal(name, h)
	mode := "read-only"
	if s.cfg.ReadWrite {
		mode = "read-write"
	}
	rows, _ := s.run.Store(name).Rows()
	fmt.Fprintf(s.out, "opened %s as store %s (%s, %d %s)\n", file, name, mode, len(rows), plural(len(rows), "key"))
	return nil
}

func (s *session) stores(_ []string, _ string) error {
	for _, name := range s.run.Stores() {
		rows, err := s.run.Store(name).Rows()
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "%s (%d %s)\n", name, len(rows), plural(len(rows), "key"))
	}
	return nil
}

// store is the open store named by the first argument.
func (s *session) store(args []string, usage string) (store.Store, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("usage: %s", usage)
	}
	st := s.run.Store(args[0])
	if st == nil {
		return nil, fmt.Errorf("no open store %s (.stores lists them)", args[0])
	}
	return st, nil
}

func (s *session) keys(args []string, _ string) error {
	st, err := s.store(args, ".keys STORE [PATTERN]")
	if err != nil {
		return err
	}
	pattern := "*"
	if len(args) > 1 {
		pattern = args[1]
	}
	glob := globRegexp(pattern)
	rows, err := st.Rows()
	if err != nil {
		return err
	}
	var lines []string
	for _, r := range rows {
		k := broker.Render(r.Key)
		if glob.MatchString(k) {
			lines = append(lines, k)
		}
	}
	s.list(lines)
	return nil
}

// get looks a key up; the key is a script expression (10.0.0.1, "x")
// converted as Broker::get would, or a list [e1, e2, ...] for the
// vector a composite index or record becomes ([10.0.0.1, 80/tcp]).
func (s *session) get(args []string, rest string) error {
	st, err := s.store(args, ".get STORE KEY")
	if err != nil {
		return err
	}
	expr := strings.TrimSpace(strings.TrimPrefix(rest, args[0]))
	if expr == "" {
		return fmt.Errorf("usage: .get STORE KEY")
	}
	k, err := s.keyData(expr)
	if err != nil || k == nil {
		return err // nil, nil: the checker has said why
	}
	for _, r := range mustRows(st) {
		if broker.Equal(r.Key, k) {
			fmt.Fprintln(s.out, rowValue(r))
			return nil
		}
	}
	return fmt.Errorf("no key %s in %s", broker.Render(k), args[0])
}

// keyData evaluates a key written in .get.
func (s *session) keyData(expr string) (broker.Data, error) {
	if strings.HasPrefix(expr, "[") && strings.HasSuffix(expr, "]") {
		var vec broker.Vector
		for _, part := range splitList(expr[1 : len(expr)-1]) {
			d, err := s.keyData(strings.TrimSpace(part))
			if err != nil || d == nil {
				return nil, err
			}
			vec = append(vec, d)
		}
		return vec, nil
	}
	var key value.Value
	var keyType types.Type
	if !s.check(func() { s.res.Loader.LoadSource("<repl>", []byte(expr+";")) }, func(e ast.Expr, v value.Value) {
		key, keyType = v, s.res.Program.Types[e]
	}, true) || keyType == nil {
		return nil, nil
	}
	return engine.StoreKey(value.Box(key, keyType))
}

// splitList cuts a list at its top-level commas (not those inside
// brackets, parentheses or strings).
func splitList(text string) []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[' || c == '(' || c == '{':
			depth++
		case c == ']' || c == ')' || c == '}':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, text[start:i])
			start = i + 1
		}
	}
	return append(parts, text[start:])
}

// dump shows every row: key, value and expiry, in the store's key order.
func (s *session) dump(args []string, _ string) error {
	st, err := s.store(args, ".dump STORE")
	if err != nil {
		return err
	}
	rows, err := st.Rows()
	if err != nil {
		return err
	}
	lines := []string{fmt.Sprintf("%s: %d %s", args[0], len(rows), plural(len(rows), "key"))}
	for _, r := range rows {
		lines = append(lines, fmt.Sprintf("[%s] = %s", broker.Render(r.Key), rowValue(r)))
	}
	for _, p := range st.Problems() {
		lines = append(lines, "problem: "+p.Error())
	}
	s.list(lines)
	return nil
}

// rowValue renders a row's value and expiry.
func rowValue(r store.Row) string {
	v := "<undecodable: " + fmt.Sprint(r.ValueErr) + ">"
	if r.Value != nil {
		v = broker.Render(r.Value)
	}
	if r.Expiry != nil {
		v += " (expires " + broker.Render(broker.Timestamp(r.Expiry.UnixNano())) + ")"
	}
	return v
}

func mustRows(st store.Store) []store.Row {
	rows, _ := st.Rows()
	return rows
}

// globRegexp matches a whole text against a shell-style pattern: * is
// any run of characters ('/' included, unlike path.Match: keys are
// subnets and ports), ? any one character.
func globRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
