package builtins

import (
	"os"

	"github.com/gobro/gobro/runtime/value"
)

// Process and environment built-ins that need no engine state.

// Version is what zeek_version and bro_version report.
var Version = "gobro-0.1.0"

func init() {
	register(map[string]Impl{
		"getenv":                bifGetenv,
		"setenv":                bifSetenv,
		"getpid":                bifGetpid,
		"gethostname":           bifGethostname,
		"zeek_version":          bifVersion,
		"bro_version":           bifVersion,
		"have_spicy":            constBool(false),
		"have_spicy_analyzers":  constBool(false),
		"__init_secondary_bifs": constBool(true),
	})
}

func constBool(b bool) Impl {
	return func(Context, []value.Value) (value.Value, error) { return value.Bool(b), nil }
}

// getenv is "" for an unset variable.
func bifGetenv(_ Context, args []value.Value) (value.Value, error) {
	return value.String(os.Getenv(args[0].Str())), nil
}

func bifSetenv(_ Context, args []value.Value) (value.Value, error) {
	return value.Bool(os.Setenv(args[0].Str(), args[1].Str()) == nil), nil
}

func bifGetpid(_ Context, _ []value.Value) (value.Value, error) {
	return value.Count(uint64(os.Getpid())), nil
}

// gethostname is "<unknown>" when the name cannot be read.
func bifGethostname(_ Context, _ []value.Value) (value.Value, error) {
	h, err := os.Hostname()
	if err != nil {
		h = "<unknown>"
	}
	return value.String(h), nil
}

func bifVersion(_ Context, _ []value.Value) (value.Value, error) {
	return value.String(Version), nil
}
