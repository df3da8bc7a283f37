package repl

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/token"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/engine"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// command is a meta command: its arguments' synopsis, what it does, and
// how (args are the words after the name; rest is the text after it).
type command struct {
	name, args, help string
	do               func(s *session, args []string, rest string) error
}

// commands are the meta commands, in the order .help lists them.
var commands []command

func init() {
	commands = []command{
		{"help", "", "list the meta commands", (*session).help},
		{"load", "SCRIPT", "load a script, as @load does", (*session).load},
		{"type", "EXPR", "show the type of an expression without running it", (*session).typeOf},
		{"vars", "[PATTERN]", "list globals (a glob on their names) with type and value", (*session).vars},
		{"events", "[PATTERN]", "list the events that have handlers", (*session).events},
		{"pcap", "FILE", "run a trace through the loaded scripts", (*session).pcap},
		{"open", "PATH.sqlite [NAME]", "attach a Broker SQLite store (read-only unless --rw) as global NAME", (*session).open},
		{"stores", "", "list the open stores", (*session).stores},
		{"keys", "STORE [PATTERN]", "list a store's keys (a glob on their rendering)", (*session).keys},
		{"get", "STORE KEY", "show the value (and expiry) of a key: a script expression, or [e1, e2, ...] for a composite one", (*session).get},
		{"dump", "STORE", "show every key, value and expiry of a store", (*session).dump},
		{"quit", "", "end the session (so does Ctrl-D)", (*session).quitCmd},
	}
}

// meta runs a meta command line.
func (s *session) meta(line string) {
	name, rest, _ := strings.Cut(line[1:], " ")
	rest = strings.TrimSpace(rest)
	if name == "exit" {
		name = "quit"
	}
	for _, c := range commands {
		if c.name == name {
			if err := c.do(s, strings.Fields(rest), rest); err != nil {
				fmt.Fprintf(s.err, "error: .%s: %v\n", name, err)
			}
			return
		}
	}
	fmt.Fprintf(s.err, "error: unknown command .%s (.help lists them)\n", name)
}

func (s *session) help(_ []string, _ string) error {
	for _, c := range commands {
		fmt.Fprintf(s.out, "  %-28s %s\n", strings.TrimSpace("."+c.name+" "+c.args), c.help)
	}
	fmt.Fprintln(s.out, "Anything else is script text: declarations, statements, or an expression to print.")
	return nil
}

func (s *session) quitCmd(_ []string, _ string) error {
	s.quit = true
	return nil
}

func (s *session) load(args []string, _ string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: .load SCRIPT")
	}
	s.check(func() { s.res.Loader.Load(args[0], "", token.Pos{}) }, s.show, true)
	return nil
}

// typeOf checks the expression as an input of its own and shows its
// type; nothing runs.
func (s *session) typeOf(_ []string, rest string) error {
	if rest == "" {
		return fmt.Errorf("usage: .type EXPR")
	}
	var t types.Type
	top := len(s.res.Program.TopStmts)
	ok := s.check(func() {
		s.res.Loader.LoadSource("<repl>", []byte(strings.TrimSuffix(rest, ";")+";"))
		if stmts := s.res.Program.TopStmts[top:]; len(stmts) == 1 {
			if es, ok := stmts[0].(*ast.ExprStmt); ok {
				t = s.res.Program.Types[es.X]
			}
		}
	}, nil, false)
	if !ok {
		return nil // the checker said why
	}
	if t == nil {
		return fmt.Errorf("not an expression: %s", rest)
	}
	fmt.Fprintln(s.out, t)
	return nil
}

// vars lists the variables, constants and options.
func (s *session) vars(args []string, _ string) error {
	var lines []string
	for _, sym := range s.globals(args, func(sym *check.Symbol) bool {
		return sym.Kind == check.GlobalVar || sym.Kind == check.ConstVar || sym.Kind == check.OptionVar
	}) {
		v, ok := s.run.Global(sym.Name)
		text := "<uninitialized>"
		if ok {
			text = s.run.Render(v, sym.Type)
		}
		lines = append(lines, fmt.Sprintf("%s: %s = %s", sym.Name, sym.Type, shorten(text, 120)))
	}
	s.list(lines)
	return nil
}

// events lists the events with handlers and how many each has.
func (s *session) events(args []string, _ string) error {
	var lines []string
	for _, sym := range s.globals(args, func(sym *check.Symbol) bool {
		return sym.Kind == check.FuncSym && sym.Func != nil && sym.Func.Type.Flavor == ast.Event
	}) {
		if n := s.run.Handlers(sym.Name); n > 0 {
			lines = append(lines, fmt.Sprintf("%s: %s (%d %s)", sym.Name, sym.Type, n, plural(n, "handler")))
		}
	}
	s.list(lines)
	return nil
}

// globals are the global symbols whose name matches the glob pattern in
// args (all without one) and that keep keeps, sorted by name.
func (s *session) globals(args []string, keep func(*check.Symbol) bool) []*check.Symbol {
	pattern := "*"
	if len(args) > 0 {
		pattern = args[0]
	}
	var out []*check.Symbol
	for _, sym := range s.res.Program.Globals {
		if ok, _ := path.Match(pattern, sym.Name); ok && keep(sym) {
			out = append(out, sym)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// pcap runs a trace through the loaded scripts.
func (s *session) pcap(args []string, _ string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: .pcap FILE")
	}
	src, err := gnet.Open(args[0])
	if err != nil {
		return err
	}
	defer src.Close()
	uids := uid.NewRandom()
	if s.cfg.Seed != nil {
		uids = uid.NewFromSeed(*s.cfg.Seed)
	}
	return s.run.ReadTrace(engine.PacketInput{Source: src, UIDs: uids})
}

// list prints lines a page at a time at a terminal.
func (s *session) list(lines []string) {
	const page = 20
	for i, l := range lines {
		if s.more != nil && i > 0 && i%page == 0 && !s.more() {
			return
		}
		fmt.Fprintln(s.out, l)
	}
}

func shorten(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// storeName is the default name .open gives a store file: its base name
// without extension, made an identifier.
func storeName(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	b := []byte(base)
	for i, c := range b {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}
