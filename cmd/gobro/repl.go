package main

import (
	"fmt"
	"io"
	"os"

	"github.com/gobro/gobro/cmd/gobro/repl"
	"github.com/gobro/gobro/runtime/net/uid"
)

// replUsage is gobro repl's own part of the help.
const replUsage = `usage: gobro repl [options] [scripts...]
    --rw                     | let .open'ed stores be modified (read-only by default)
    --history <file>         | keep the input history there (default ~/.gobro_history;
                             | "" or GOBRO_HISTORY=off keeps none)
  and gobro's own -b, -e, -p, -G and name=value redefs.
`

// runREPL is "gobro repl": an interactive session on the given scripts,
// or a scripted one when stdin is not a terminal.
func runREPL(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	rw, history := false, defaultHistory()
	var rest []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--rw":
			rw = true
		case a == "--history" && i+1 < len(args):
			history = args[i+1]
			i++
		case a == "-h" || a == "--help":
			fmt.Fprint(stdout, replUsage)
			return 0
		default:
			rest = append(rest, a)
		}
	}
	o, err := parseArgs(rest)
	if err != nil {
		fmt.Fprintf(stderr, "gobro repl: %v\n", err)
		fmt.Fprint(stderr, replUsage)
		return 1
	}
	cfg := repl.Config{
		Load: *loadConfig(o),
		In:   stdin, Out: stdout, Err: stderr,
		ReadWrite:   rw,
		HistoryFile: history,
		Args:        append([]string{progName(), "repl"}, args...),
	}
	if seed, ok, err := uid.LoadSeed(uid.Options{SeedFile: o.LoadSeeds}); err != nil {
		fmt.Fprintf(stderr, "fatal error: %v\n", err)
		return 1
	} else if ok {
		cfg.Seed = &seed
	}
	if f, ok := stdin.(*os.File); ok && isTerminal(f) && isTerminal(stdout) {
		cfg.Terminal = true
	}
	return repl.Run(cfg)
}

// defaultHistory is where an interactive session keeps its history.
func defaultHistory() string { return userPath("GOBRO_HISTORY", os.UserHomeDir, ".gobro_history") }
