// Command gobro runs Bro/Zeek policy scripts. Its flags are Zeek's.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/runtime/engine"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/bpf"
	"github.com/gobro/gobro/runtime/net/live"
	"github.com/gobro/gobro/runtime/net/uid"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	stop := startProfile(os.Getenv("GOBRO_CPUPROFILE"))
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole run to path when it is
// set (GOBRO_CPUPROFILE), for `go tool pprof`: where a policy spends its
// time on a given trace. It returns what ends the profile.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gobro: GOBRO_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	engine.Version = version // what the WebSocket API's ack reports
	if len(args) > 0 && args[0] == "repl" {
		return runREPL(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "client" {
		return runClient(args[1:], stdout, stderr)
	}
	o, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "gobro: %v\n", err)
		fmt.Fprintln(stderr, "Try 'gobro --help' for more information.")
		return 1
	}
	switch {
	case o.Help:
		fmt.Fprint(stdout, usage)
		return 0
	case o.Version:
		fmt.Fprintf(stdout, "gobro version %s\n", version)
		return 0
	case o.PrintPlugins > 0:
		// gobro's analysers are built in; there are no plugins to list.
		return 0
	case o.CheckPolicy:
		return checkPolicy(stdout, stderr)
	}
	if len(o.Interfaces) > 1 {
		fmt.Fprintln(stderr, "fatal error: Only a single interface option (-i) is allowed.")
		return 1
	}

	cfg := loadConfig(o)
	if len(o.Scripts) == 0 && len(o.Exec) == 0 && len(o.ReadFiles) == 0 && len(o.Interfaces) == 0 {
		src, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "fatal error: reading stdin: %v\n", err)
			return 1
		}
		cfg.Stdin = src
	}
	res := frontend.Load(cfg)
	res.Diags.Print(stderr, res.Sources())
	if res.Diags.HasErrors() {
		return 1
	}
	if o.ParseOnly {
		return 0
	}
	// Zeek's seed also fixes the order in which its tables are walked.
	seed, seeded, err := uid.LoadSeed(uid.Options{SeedFile: o.LoadSeeds})
	if err != nil {
		fmt.Fprintf(stderr, "fatal error: %v\n", err)
		return 1
	}
	in, closeInput, err := packetInput(o, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "fatal error: %v\n", err)
		return 1
	}
	defer closeInput()
	eng := engine.New(res.Program, stdout, stderr)
	if seeded {
		eng.Seed = &seed
	}
	if in != nil {
		eng.SetPacketInput(*in)
	}
	eng.Args = append([]string{progName()}, args...) // zeek_args()
	eng.FindScript = res.Loader.Find                 // find_in_zeekpath()
	if in != nil {
		// SIGINT and SIGTERM end the packet loop; the run then finishes
		// as at the end of a trace (zeek_done, logs flushed).
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
		defer signal.Stop(sigs)
		go func() {
			if _, ok := <-sigs; ok {
				eng.Stop()
			}
		}()
	}
	start := time.Now()
	if in != nil && !in.Source.Live() && isTerminal(stderr) {
		stop := showProgress(stderr, eng)
		defer stop()
	}
	code := eng.Run()
	if o.Summary && in != nil {
		printSummary(stdout, in.Source.Name(), eng.PacketStats(), start)
	}
	return code
}

// packetInput opens what -r or -i names, with -w and -f; nil without
// either. The returned function closes it all; on an error, whatever was
// opened is closed already.
func packetInput(o *Options, stdin io.Reader) (in *engine.PacketInput, closeAll func(), err error) {
	var closers []func() error
	closeOpened := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	defer func() {
		if err != nil {
			closeOpened()
		}
	}()
	switch {
	case len(o.ReadFiles)+len(o.Interfaces) == 0:
		return nil, closeOpened, nil
	case len(o.ReadFiles)+len(o.Interfaces) > 1:
		return nil, nil, errors.New("reading more than one trace or interface is not supported")
	}
	gen, err := uid.New(uid.Options{SeedFile: o.LoadSeeds, Deterministic: o.Deterministic})
	if err != nil {
		return nil, nil, err
	}
	in = &engine.PacketInput{IgnoreChecksums: o.NoChecksums, UIDs: gen}
	var capture *live.Capture
	if len(o.Interfaces) == 1 {
		if capture, err = live.Open(o.Interfaces[0], live.Options{Promisc: true}); err != nil {
			return nil, nil, err
		}
		closers = append(closers, capture.Close)
		in.Source = capture
	} else {
		name := o.ReadFiles[0]
		var src *gnet.Source
		if name == "-" {
			src, err = gnet.NewSource(stdin, "-")
		} else {
			src, err = gnet.Open(name)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("problem with trace file %s (%v)", name, err)
		}
		closers = append(closers, src.Close)
		in.Source = src
	}
	if o.Filter != "" {
		// The filter is compiled for the source's link layer. Packets
		// are matched in Go for traces and live alike; a live capture
		// also hands the program to the kernel, which then drops what
		// it rejects before copying it out.
		f, err := bpf.Compile(o.Filter, in.Source.LinkType(), snaplen)
		if err != nil {
			return nil, nil, fmt.Errorf("failed to compile pcap filter '%s': %v", o.Filter, err)
		}
		in.Filter = f.Match
		// The kernel sees frames with their VLAN tags stripped (the
		// capture puts them back for us), so a filter about VLANs runs
		// in Go only.
		if capture != nil && !f.UsesVLAN() {
			if err := capture.SetFilter(f.Instructions()); err != nil {
				return nil, nil, err
			}
		}
	}
	if o.WriteFile != "" {
		d, err := gnet.CreateDumper(o.WriteFile, in.Source.LinkType())
		if err != nil {
			return nil, nil, fmt.Errorf("can't open dump file %s: %v", o.WriteFile, err)
		}
		closers = append(closers, d.Close)
		in.Dump = d
	}
	return in, closeOpened, nil
}

// snaplen is the capture length filters assume (Zeek's Pcap::snaplen).
const snaplen = 9216

// isTerminal tells whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// showProgress prints a progress line on a terminal while a trace is
// read, once a second after the first two seconds (short traces show
// none); the returned function stops it and clears the line.
func showProgress(w io.Writer, eng *engine.Engine) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case now := <-tick.C:
				if el := now.Sub(start); el >= 2*time.Second {
					n := eng.Progress()
					fmt.Fprintf(w, "\rgobro: %d packets, %.0f packets/s", n, float64(n)/el.Seconds())
					shown = true
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// printSummary is --summary's line after a -r run: packets read,
// connections tracked, and the logs written (the files with the log
// suffix in the current directory modified by the run; a 1 s margin
// covers coarse file times).
func printSummary(w io.Writer, trace string, st engine.PacketStats, start time.Time) {
	dir := "."
	suffix := os.Getenv("ZEEK_LOG_SUFFIX")
	if suffix == "" {
		suffix = "log"
	}
	var logs []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), "."+suffix) {
			continue
		}
		if fi, err := e.Info(); err == nil && !fi.ModTime().Before(start.Add(-time.Second)) {
			logs = append(logs, e.Name())
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	list := "none"
	if len(logs) > 0 {
		list = strings.Join(logs, ", ")
	}
	fmt.Fprintf(w, "gobro: %s: %d packets, %d connections; logs written to %s: %s\n", trace, st.Packets, st.Connections, abs, list)
}

// progName is argv[0].
func progName() string {
	if len(os.Args) > 0 {
		return os.Args[0]
	}
	return "gobro"
}

// loadConfig is what the command line asks to load.
func loadConfig(o *Options) *frontend.Config {
	cfg := &frontend.Config{
		SearchPath: load.SearchPath(os.Getenv),
		Bare:       o.Bare,
		Scripts:    o.Scripts,
		Prefixes:   o.Prefixes,
		Exec:       o.Exec,
		CacheDir:   cacheDir(),
	}
	for _, r := range o.Redefs {
		cfg.Redefs = append(cfg.Redefs, frontend.Redef{Name: r.Name, Op: r.Op, Value: r.Value})
	}
	return cfg
}

// cacheDir is where the parse cache of the bundled scripts lives:
// $GOBRO_CACHE, or gobro/ in the user's cache directory; GOBRO_CACHE=off
// disables it.
func cacheDir() string { return userPath("GOBRO_CACHE", os.UserCacheDir, "gobro") }

// userPath is the value of the environment variable env, "" when it is
// "off", and by default name in the directory dir gives ("" if none).
func userPath(env string, dir func() (string, error), name string) string {
	if v := os.Getenv(env); v != "" {
		if v == "off" {
			return ""
		}
		return v
	}
	d, err := dir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, name)
}

// checkPolicy loads every script of the embedded tree on top of the
// default startup set and prints a summary: the bundled-default main job
// until the interpreter exists.
func checkPolicy(stdout, stderr io.Writer) int {
	start := time.Now()
	res := frontend.LoadAll(&frontend.Config{CacheDir: cacheDir()})
	elapsed := time.Since(start)
	res.Diags.Print(stderr, res.Sources())
	lines := 0
	for _, f := range res.Loader.Files() {
		lines += strings.Count(string(res.Loader.Source(f)), "\n")
	}
	errs, warns := res.Diags.Count()
	fmt.Fprintf(stdout, "policy tree: %d scripts, %d lines, %d declarations checked in %.1f ms: %d errors, %d warnings\n",
		len(res.Loader.Files()), lines, res.Loader.Decls(), float64(elapsed.Microseconds())/1000, errs, warns)
	if errs > 0 {
		return 1
	}
	return 0
}
