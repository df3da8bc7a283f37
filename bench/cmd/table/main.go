// Command table runs the bench module's benchmarks (or reads their output)
// and prints a markdown table: per row, ns/op of gobro, starlark-go and
// gopher-lua, and each peer's time divided by gobro's (above 1 = gobro is
// faster).
//
//	cd bench && go run ./cmd/table                 # run, stream, tabulate
//	cd bench && go run ./cmd/table -count 5        # median of 5 runs
//	cd bench && go run ./cmd/table -count 5 -stat min
//	go test -bench . | go run ./cmd/table -in -    # tabulate saved output
//
// It exits non-zero when the benchmarks fail, not when gobro loses a row.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gobro/gobro/bench"
)

// stat picks a cell's run: "median" or "min".
var stat = "median"

// result is one benchmark line.
type result struct {
	ns, bytes, allocs float64
}

// line matches "BenchmarkFib/gobro-8  5  213456789 ns/op  12 B/op  3 allocs/op".
var line = regexp.MustCompile(`^Benchmark(\w+)/(\w+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) B/op)?(?:\s+([\d.]+) allocs/op)?`)

func main() {
	in := flag.String("in", "", "read benchmark output from this file (- = stdin) instead of running go test")
	benchRE := flag.String("bench", ".", "go test -bench pattern")
	benchtime := flag.String("benchtime", "", "go test -benchtime (default: go test's)")
	count := flag.Int("count", 1, "go test -count")
	flag.StringVar(&stat, "stat", "median", "which of the -count runs a cell shows: median or min (min is steadier on a busy machine)")
	flag.Parse()
	if stat != "median" && stat != "min" {
		fatal(fmt.Errorf("-stat must be median or min"))
	}

	var src io.Reader
	var cmd *exec.Cmd
	switch *in {
	case "":
		args := []string{"test", "-run", "^$", "-bench", *benchRE, "-benchmem", "-count", strconv.Itoa(*count)}
		if *benchtime != "" {
			args = append(args, "-benchtime", *benchtime)
		}
		cmd = exec.Command(goTool(), args...)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			fatal(err)
		}
		if err := cmd.Start(); err != nil {
			fatal(err)
		}
		src = out
	case "-":
		src = os.Stdin
	default:
		f, err := os.Open(*in)
		if err != nil {
			fatal(err)
		}
		defer f.Close()
		src = f
	}

	// results[row][engine] = every run's result
	results := map[string]map[string][]result{}
	sc := bufio.NewScanner(src)
	for sc.Scan() {
		text := sc.Text()
		fmt.Println(text) // stream go test's own output
		m := line.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		row, eng := strings.ToLower(m[1]), m[2]
		r := result{ns: num(m[3]), bytes: num(m[4]), allocs: num(m[5])}
		if results[row] == nil {
			results[row] = map[string][]result{}
		}
		results[row][eng] = append(results[row][eng], r)
	}
	if err := sc.Err(); err != nil {
		fatal(err)
	}
	if cmd != nil {
		if err := cmd.Wait(); err != nil {
			fatal(fmt.Errorf("go test: %v", err))
		}
	}
	fmt.Println()
	fmt.Print(table(results))
}

// table renders the markdown table, rows in bench.Rows order.
func table(results map[string]map[string][]result) string {
	var b strings.Builder
	b.WriteString("| row | gobro ns/op | starlark ns/op | lua ns/op | starlark/gobro | lua/gobro | gobro allocs/op | gobro fastest |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |\n")
	wins, total := 0, 0
	for _, row := range bench.Rows {
		res := results[row.Name]
		if res == nil {
			continue
		}
		g, gok := pick(res["gobro"])
		s, sok := pick(res["starlark"])
		l, lok := pick(res["lua"])
		verdict := "?"
		if gok && sok && lok {
			total++
			if g.ns < s.ns && g.ns < l.ns {
				wins++
				verdict = "yes"
			} else {
				verdict = "**no**"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", row.Title,
			ns(g, gok), ns(s, sok), ns(l, lok), ratio(s, sok, g, gok), ratio(l, lok, g, gok),
			allocs(g, gok), verdict)
	}
	fmt.Fprintf(&b, "\nCells are the %s of each benchmark's runs. Ratios are the peer's time over gobro's: above 1.00x gobro is faster. gobro is fastest on %d of %d rows.\n", stat, wins, total)
	return b.String()
}

// pick returns the run with the median (or least) time.
func pick(rs []result) (result, bool) {
	if len(rs) == 0 {
		return result{}, false
	}
	rs = append([]result(nil), rs...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ns < rs[j].ns })
	if stat == "min" {
		return rs[0], true
	}
	return rs[len(rs)/2], true
}

func ns(r result, ok bool) string {
	if !ok {
		return "–"
	}
	return group(int64(r.ns + 0.5))
}

func allocs(r result, ok bool) string {
	if !ok {
		return "–"
	}
	return group(int64(r.allocs + 0.5))
}

func ratio(peer result, pok bool, g result, gok bool) string {
	if !pok || !gok || g.ns == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2fx", peer.ns/g.ns)
}

// group renders n with thousands separators.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// goTool is the go command that runs this one ($GO as make passes it, else go).
func goTool() string {
	if g := os.Getenv("GO"); g != "" {
		return g
	}
	return "go"
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "table:", err)
	os.Exit(1)
}
