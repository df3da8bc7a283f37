// Package bench compares gobro with two embeddable Go interpreters,
// starlark-go and gopher-lua, on the same programs (programs/NAME.zeek,
// NAME.star, NAME.lua). Each engine parses and compiles a program once; a
// run executes it and writes its checksum line to the given writer.
//
// Conventions of the programs:
//   - gobro: the work runs in zeek_init (and, for events, the handlers it
//     queues); zeek_done may print the result.
//   - Starlark and Lua: the file defines main(), called once per run; module
//     level code runs once, at load.
//
// Every program prints one checksum, and TestChecksums checks that the three
// engines print the same one, so they provably do the same work.
package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/runtime/engine"
	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/parse"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Row is one benchmark: programs/Name.{zeek,star,lua}.
type Row struct {
	Name  string // file stem and sub-benchmark group (BenchmarkName)
	Title string // what the table prints
}

// Rows are the benchmark rows, in table order.
var Rows = []Row{
	{"fib", "fib(30) recursive"},
	{"loop", "10M-iteration count loop"},
	{"strings", "string building (1M parts)"},
	{"table", "table insert+lookup, 1M keys"},
	{"record", "record field access (1M iter)"},
	{"events", "event dispatch, 1M events"},
}

// Engines are the engine names, gobro first.
var Engines = []string{"gobro", "starlark", "lua"}

// Runner executes one loaded program.
type Runner interface {
	// Run executes the program once, writing its output to out.
	Run(out io.Writer) error
	// Close releases the engine's resources.
	Close()
}

// ProgramDir is where the programs are, relative to this package.
const ProgramDir = "programs"

// Load parses and compiles programs/name.EXT for the named engine.
func Load(eng, name string) (Runner, error) {
	switch eng {
	case "gobro":
		return loadGobro(filepath.Join(ProgramDir, name+".zeek"))
	case "starlark":
		return loadStarlark(filepath.Join(ProgramDir, name+".star"))
	case "lua":
		return loadLua(filepath.Join(ProgramDir, name+".lua"))
	}
	return nil, fmt.Errorf("unknown engine %q", eng)
}

// ---- gobro ----

// redirect is the engine's stdout: the engine binds its writers at New, so a
// run points this at its own writer.
type redirect struct{ w io.Writer }

func (r *redirect) Write(p []byte) (int, error) { return r.w.Write(p) }

type gobroRunner struct {
	e      *engine.Engine
	out    redirect
	stderr bytes.Buffer
}

func loadGobro(path string) (Runner, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	res := frontend.Load(&frontend.Config{Bare: true, Scripts: []string{abs}})
	if res.Diags.HasErrors() {
		var b strings.Builder
		res.Diags.Print(&b, res.Sources())
		return nil, fmt.Errorf("%s: %s", path, b.String())
	}
	r := &gobroRunner{out: redirect{io.Discard}}
	r.e = engine.New(res.Program, &r.out, &r.stderr)
	r.e.Getenv = func(string) string { return "" }
	return r, nil
}

func (r *gobroRunner) Run(out io.Writer) error {
	r.out.w = out
	code := r.e.Run()
	r.out.w = io.Discard
	if code != 0 || r.stderr.Len() > 0 {
		msg := r.stderr.String()
		r.stderr.Reset()
		return fmt.Errorf("gobro: exit %d: %s", code, msg)
	}
	return nil
}

func (r *gobroRunner) Close() {}

// ---- starlark ----

type starlarkRunner struct {
	main   starlark.Callable
	thread *starlark.Thread
	out    io.Writer
}

// starlarkOptions enables the two non-default features the programs need:
// recursion (fib) and while (unused today, allowed for parity with Zeek).
var starlarkOptions = &syntax.FileOptions{Recursion: true, While: true}

func loadStarlark(path string) (Runner, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r := &starlarkRunner{out: io.Discard}
	r.thread = &starlark.Thread{Name: "bench", Print: func(_ *starlark.Thread, msg string) {
		fmt.Fprintln(r.out, msg)
	}}
	globals, err := starlark.ExecFileOptions(starlarkOptions, r.thread, path, src, nil)
	if err != nil {
		return nil, err
	}
	m, ok := globals["main"].(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("%s: no main function", path)
	}
	r.main = m
	return r, nil
}

func (r *starlarkRunner) Run(out io.Writer) error {
	r.out = out
	_, err := starlark.Call(r.thread, r.main, nil, nil)
	r.out = io.Discard
	return err
}

func (r *starlarkRunner) Close() {}

// ---- gopher-lua ----

type luaRunner struct {
	L   *lua.LState
	out io.Writer
}

func loadLua(path string) (Runner, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	chunk, err := parse.Parse(f, path)
	if err != nil {
		return nil, err
	}
	proto, err := lua.Compile(chunk, path)
	if err != nil {
		return nil, err
	}
	// table.concat pushes every part (and separator) onto the registry: let
	// it grow to the 2M slots the strings program needs.
	L := lua.NewState(lua.Options{RegistrySize: lua.RegistrySize, RegistryMaxSize: 1 << 22, RegistryGrowStep: 1 << 16})
	r := &luaRunner{L: L, out: io.Discard}
	// print writes to the run's writer, tab-separated like Lua's own.
	r.L.SetGlobal("print", r.L.NewFunction(func(L *lua.LState) int {
		n := L.GetTop()
		parts := make([]string, n)
		for i := 1; i <= n; i++ {
			parts[i-1] = L.ToStringMeta(L.Get(i)).String()
		}
		fmt.Fprintln(r.out, strings.Join(parts, "\t"))
		return 0
	}))
	r.L.Push(r.L.NewFunctionFromProto(proto))
	if err := r.L.PCall(0, lua.MultRet, nil); err != nil {
		r.L.Close()
		return nil, err
	}
	if r.L.GetGlobal("main").Type() != lua.LTFunction {
		r.L.Close()
		return nil, fmt.Errorf("%s: no main function", path)
	}
	return r, nil
}

func (r *luaRunner) Run(out io.Writer) error {
	r.out = out
	err := r.L.CallByParam(lua.P{Fn: r.L.GetGlobal("main"), NRet: 0, Protect: true})
	r.out = io.Discard
	return err
}

func (r *luaRunner) Close() { r.L.Close() }
