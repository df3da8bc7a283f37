package main

import (
	"fmt"
	"strings"
)

// Options are the parsed command line, with Zeek's flag names.
type Options struct {
	ReadFiles     []string // -r
	Interfaces    []string // -i
	Bare          bool     // -b
	NoChecksums   bool     // -C
	Exec          []string // -e
	Filter        string   // -f
	WriteFile     string   // -w
	RuleFiles     []string // -s
	Prefixes      []string // -p
	ParseOnly     bool     // -a
	PrintPlugins  int      // -N (twice: verbose)
	LoadSeeds     string   // -G
	SaveSeeds     string   // -H
	Deterministic bool     // -D
	PrintID       string   // -I
	Help          bool     // -h
	Version       bool     // -v
	CheckPolicy   bool     // --check-policy (gobro's own: check the bundled tree)
	Summary       bool     // --summary (gobro's own: one-line summary after -r)
	Scripts       []string // positional scripts
	Redefs        []Redef  // positional name=value, name+=value, name-=value
	Plugins       []string // positional Foo::Bar (plugin activation; none exist)
	Ignored       []string // accepted for compatibility, without effect
}

// Redef is a command-line "name=value" argument.
type Redef struct {
	Name, Op, Value string
}

// flagSpec describes one Zeek option: its short and long names and whether
// it takes an argument.
type flagSpec struct {
	short, long string
	arg         bool
	set         func(o *Options, v string)
}

var flagSpecs = []flagSpec{
	{"r", "readfile", true, func(o *Options, v string) { o.ReadFiles = append(o.ReadFiles, v) }},
	{"i", "iface", true, func(o *Options, v string) { o.Interfaces = append(o.Interfaces, v) }},
	{"b", "bare-mode", false, func(o *Options, _ string) { o.Bare = true }},
	{"C", "no-checksums", false, func(o *Options, _ string) { o.NoChecksums = true }},
	{"e", "exec", true, func(o *Options, v string) { o.Exec = append(o.Exec, v) }},
	{"f", "filter", true, func(o *Options, v string) { o.Filter = v }},
	{"w", "writefile", true, func(o *Options, v string) { o.WriteFile = v }},
	{"s", "rulefile", true, func(o *Options, v string) { o.RuleFiles = append(o.RuleFiles, v) }},
	{"p", "prefix", true, func(o *Options, v string) { o.Prefixes = append(o.Prefixes, v) }},
	{"a", "parse-only", false, func(o *Options, _ string) { o.ParseOnly = true }},
	{"N", "print-plugins", false, func(o *Options, _ string) { o.PrintPlugins++ }},
	{"G", "load-seeds", true, func(o *Options, v string) { o.LoadSeeds = v }},
	{"H", "save-seeds", true, func(o *Options, v string) { o.SaveSeeds = v }},
	{"D", "deterministic", false, func(o *Options, _ string) { o.Deterministic = true }},
	{"I", "print-id", true, func(o *Options, v string) { o.PrintID = v }},
	{"h", "help", false, func(o *Options, _ string) { o.Help = true }},
	{"v", "version", false, func(o *Options, _ string) { o.Version = true }},
	{"", "check-policy", false, func(o *Options, _ string) { o.CheckPolicy = true }},
	{"", "summary", false, func(o *Options, _ string) { o.Summary = true }},
	// Accepted and ignored: optimiser, debugging, profiling and tuning
	// switches that change nothing about results.
	{"O", "optimize", true, ignore}, {"o", "optimize-only", true, ignore},
	{"0", "optimize-files", true, ignore}, {"B", "debug", true, ignore},
	{"U", "status-file", true, ignore}, {"c", "", true, ignore},
	{"P", "prime-dns", false, ignore}, {"F", "force-dns", false, ignore},
	{"j", "jobs", false, ignore}, {"d", "debug-script", false, ignore},
	{"t", "tracefile", true, ignore}, {"u", "usage-issues", false, ignore},
	{"Q", "time", false, ignore}, {"S", "debug-rules", false, ignore},
	{"T", "re-level", true, ignore}, {"W", "watchdog", false, ignore},
	{"X", "zeekygen", true, ignore}, {"E", "event-trace", true, ignore},
	{"V", "build-info", false, ignore},
	{"", "pseudo-realtime", false, ignore}, {"", "profile-scripts", false, ignore},
	{"", "test", false, ignore},
}

func ignore(o *Options, v string) { o.Ignored = append(o.Ignored, v) }

func lookupShort(c string) *flagSpec {
	for i := range flagSpecs {
		if flagSpecs[i].short == c {
			return &flagSpecs[i]
		}
	}
	return nil
}

func lookupLong(name string) *flagSpec {
	for i := range flagSpecs {
		if flagSpecs[i].long == name {
			return &flagSpecs[i]
		}
	}
	return nil
}

// parseArgs reads Zeek's command line: short flags may be grouped ("-bC")
// and take their argument attached or as the next word; long flags take
// "--name value" or "--name=value"; "--" ends options.
func parseArgs(args []string) (*Options, error) {
	o := &Options{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			for _, p := range args[i+1:] {
				o.positional(p)
			}
			return o, nil
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			// --pseudo-realtime[=speedup] takes an optional argument.
			f := lookupLong(name)
			if f == nil {
				return nil, fmt.Errorf("unrecognized option '--%s'", name)
			}
			if f.arg && !hasVal {
				if i+1 >= len(args) {
					return nil, fmt.Errorf("option '--%s' requires an argument", name)
				}
				i++
				val = args[i]
			}
			f.set(o, val)
		case len(a) > 1 && a[0] == '-':
			for j := 1; j < len(a); j++ {
				f := lookupShort(a[j : j+1])
				if f == nil {
					return nil, fmt.Errorf("invalid option -- '%c'", a[j])
				}
				if !f.arg {
					f.set(o, "")
					continue
				}
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return nil, fmt.Errorf("option requires an argument -- '%c'", a[j])
					}
					i++
					val = args[i]
				}
				f.set(o, val)
				break
			}
		default:
			o.positional(a)
		}
	}
	return o, nil
}

// positional sorts a non-flag argument: a redef, a plugin name, or a script.
func (o *Options) positional(a string) {
	if i := strings.IndexByte(a, '='); i > 0 {
		name, op := a[:i], "="
		if strings.HasSuffix(name, "+") || strings.HasSuffix(name, "-") {
			op = name[len(name)-1:] + "="
			name = name[:len(name)-1]
		}
		if isIdentifier(name) {
			o.Redefs = append(o.Redefs, Redef{Name: name, Op: op, Value: a[i+1:]})
			return
		}
	}
	if strings.Contains(a, "::") && isIdentifier(a) {
		o.Plugins = append(o.Plugins, a)
		return
	}
	o.Scripts = append(o.Scripts, a)
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, "::") {
		if part == "" {
			return false
		}
		for i, c := range part {
			if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

const usage = `usage: gobro [options] [file ...]
       gobro [options] <-e code> [file ...]
    <file>                          | Zeek script file, or read stdin
    <name>=<value>                  | redef a global (also += and -=)
    -a|--parse-only                 | exit immediately after parsing and checking scripts
    -b|--bare-mode                  | don't load scripts from the base/ directory
    -C|--no-checksums               | ignore checksums
    -e|--exec <zeek code>           | augment loaded scripts by given code
    -f|--filter <filter>            | tcpdump filter
    -h|--help                       | command line help
    -i|--iface <interface>          | read from given interface
    -p|--prefix <prefix>            | add given prefix to Zeek script file resolution
    -r|--readfile <readfile>        | read from given tcpdump file (- for stdin)
    -s|--rulefile <rulefile>        | read rules from given file
    -v|--version                    | print version and exit
    -w|--writefile <writefile>      | write to given tcpdump file
    -D|--deterministic              | initialize random seeds to zero
    -G|--load-seeds <file>          | load seeds from given file
    -H|--save-seeds <file>          | save seeds to given file
    -I|--print-id <ID name>         | print out given ID
    -N|--print-plugins              | print available plugins and exit (-NN for verbose)
    --check-policy                  | parse and check the whole bundled policy tree, print a summary
    --summary                       | after a -r run, print packets, connections and logs written
    --                              | end of options

    Optimiser, debugging and profiling switches (-O, -B, -d, -t, -Q, ...) are
    accepted and ignored.

    $ZEEKPATH (or $BROPATH)         | file search path (default: .)
    $ZEEK_DNS_FAKE                  | disable DNS lookups
    $ZEEK_SEED_FILE                 | file to load seeds from
    $ZEEK_LOG_SUFFIX                | ASCII log file extension (default: log)
`
