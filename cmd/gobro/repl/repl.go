// Package repl is gobro's interactive session (gobro repl): script input
// is checked into the loaded program and run at once on a live engine,
// expressions print their value and type, and meta commands inspect the
// session and Broker stores.
//
// One goroutine owns the engine. At a terminal, line editing runs on a
// second one that reads a line only when asked, so timers can fire
// (schedule, when timeouts) while the prompt waits.
package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chzyer/readline"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/engine"
	"github.com/gobro/gobro/runtime/net/uid"
	"github.com/gobro/gobro/runtime/value"
)

// Config describes a session.
type Config struct {
	Load frontend.Config // the scripts loaded before the first prompt
	In   io.Reader
	Out  io.Writer
	Err  io.Writer
	// Terminal makes the session interactive: prompts, line editing,
	// completion and history. Without it input is read as it comes and
	// only output is written (gobro repl < commands.txt).
	Terminal bool
	// HistoryFile keeps the input lines of interactive sessions; "" keeps
	// none.
	HistoryFile string
	// ReadWrite lets the stores that .open attaches be modified.
	ReadWrite bool
	// Seed is Zeek's seed (-G), for the uids of .pcap and table order.
	Seed *uid.Seed
	// Args is what zeek_args() returns.
	Args []string
}

// Prompts.
const (
	prompt     = "gobro> "
	contPrompt = "   ...> "
)

// session is one REPL session.
type session struct {
	cfg      Config
	res      *frontend.Result
	run      *engine.Session
	out, err io.Writer
	quit     bool
	// more asks whether to show another page of a long listing; nil
	// shows everything at once.
	more func() bool
}

// Run loads the configured scripts, starts the engine (zeek_init runs)
// and takes input until .quit, end of input or terminate(); it returns
// the exit status.
func Run(cfg Config) int {
	res := frontend.Load(&cfg.Load)
	res.Diags.Print(cfg.Err, res.Sources())
	if res.Diags.HasErrors() {
		return 1
	}
	s := &session{cfg: cfg, res: res, out: cfg.Out, err: cfg.Err}
	if cfg.Terminal {
		return s.interactive()
	}
	s.start(cfg.Out, cfg.Err)
	in := bufio.NewReader(cfg.In)
	var buf strings.Builder
	for !s.quit && !s.run.Terminated() {
		line, err := in.ReadString('\n')
		buf.WriteString(line)
		if err != nil || complete(buf.String()) || strings.TrimSpace(line) == "" {
			s.input(buf.String())
			buf.Reset()
		}
		if err != nil {
			break
		}
	}
	return s.end()
}

// start makes the engine and runs what precedes the first input.
func (s *session) start(out, errw io.Writer) {
	eng := engine.New(s.res.Program, out, errw)
	eng.Seed = s.cfg.Seed
	eng.Args = s.cfg.Args
	eng.FindScript = s.res.Loader.Find
	s.run = eng.StartSession()
}

// interactive runs the session at a terminal.
func (s *session) interactive() int {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:          prompt,
		HistoryFile:     s.cfg.HistoryFile,
		AutoComplete:    completer{s},
		InterruptPrompt: "^C",
		EOFPrompt:       "",
		Stdin:           io.NopCloser(s.cfg.In),
		Stdout:          s.cfg.Out,
		Stderr:          s.cfg.Err,
	})
	if err != nil {
		fmt.Fprintf(s.cfg.Err, "gobro repl: %v\n", err)
		return 1
	}
	defer rl.Close()
	// Output that comes while readline waits for a line (a timer firing)
	// goes through it, so it redraws the prompt below; other output goes
	// straight to the terminal.
	waiting := new(atomic.Bool)
	s.out = switchWriter{waiting, rl.Stdout(), s.cfg.Out}
	s.err = switchWriter{waiting, rl.Stderr(), s.cfg.Err}
	s.more = func() bool {
		rl.SetPrompt("-- more, q to stop -- ")
		line, err := rl.Readline()
		return err == nil && strings.TrimSpace(line) != "q"
	}
	s.start(s.out, s.err)

	ask, lines := make(chan string), make(chan read)
	go func() {
		for p := range ask {
			rl.SetPrompt(p)
			line, err := rl.Readline()
			lines <- read{line, err}
		}
	}()
	defer close(ask)
	var buf strings.Builder
	for !s.quit && !s.run.Terminated() {
		waiting.Store(true)
		if buf.Len() == 0 {
			ask <- prompt
		} else {
			ask <- contPrompt
		}
		r := s.wait(lines)
		waiting.Store(false)
		switch {
		case errors.Is(r.err, readline.ErrInterrupt):
			buf.Reset() // Ctrl-C drops the input being typed
			continue
		case r.err != nil: // Ctrl-D or the end of input
			s.quit = true
			continue
		}
		buf.WriteString(r.line)
		buf.WriteByte('\n')
		if complete(buf.String()) || strings.TrimSpace(r.line) == "" {
			s.input(buf.String())
			buf.Reset()
		}
	}
	return s.end()
}

// read is a line typed, or why there is none.
type read struct {
	line string
	err  error
}

// wait waits for the next line, running timers as they come due.
func (s *session) wait(lines chan read) read {
	for {
		next := s.run.Tick()
		d := 250 * time.Millisecond
		if !next.IsZero() {
			d = min(d, max(time.Until(next), time.Millisecond))
		}
		select {
		case r := <-lines:
			return r
		case <-time.After(d):
		}
	}
}

// input runs one complete input: a meta command or script text.
func (s *session) input(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if isMeta(text) {
		s.meta(text)
		return
	}
	src := withSemicolon(text)
	s.check(func() { s.res.Loader.LoadSource("<repl>", []byte(src)) }, s.show, true)
}

// check runs load (which feeds the checker) and reports what it found;
// with execute set it then runs what checked, handing expression values
// to show. An input with errors runs nothing. It reports whether the
// input checked.
func (s *session) check(load func(), show func(ast.Expr, value.Value), execute bool) bool {
	diags := s.res.Diags
	n := len(diags.Items)
	load()
	s.res.Checker.Finish()
	s.res.Loader.Resume()
	failed := false
	for _, d := range diags.Items[n:] {
		if d.Pos.File == "<repl>" && d.Msg == "expression value ignored" {
			continue // the session shows it
		}
		d.Print(s.err, s.res.Sources())
		failed = failed || d.Severity != diag.Warning
	}
	if err := s.run.Run(failed || !execute, show); err != nil {
		fmt.Fprintf(s.err, "error: %v\n", err)
		return false
	}
	return !failed
}

// show prints the value of an expression entered on its own, with its
// type; assignments and calls without a result print nothing.
func (s *session) show(e ast.Expr, v value.Value) {
	if _, ok := e.(*ast.AssignExpr); ok {
		return
	}
	t := s.res.Program.Types[e]
	if t == nil || t.Kind() == types.Void {
		return
	}
	fmt.Fprintf(s.out, "%s (%s)\n", s.run.Render(v, t), t)
}

// switchWriter writes through readline while it waits for a line, and
// straight to the terminal otherwise.
type switchWriter struct {
	waiting          *atomic.Bool
	readline, direct io.Writer
}

func (w switchWriter) Write(p []byte) (int, error) {
	if w.waiting.Load() {
		return w.readline.Write(p)
	}
	return w.direct.Write(p)
}

// end ends the session and gives its exit status: what a script gave
// exit(), or 0.
func (s *session) end() int {
	s.run.End()
	if code, ok := s.run.Exited(); ok {
		return code
	}
	return 0
}
