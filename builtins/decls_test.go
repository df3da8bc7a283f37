package builtins

import (
	"regexp"
	"strings"
	"testing"
)

// A BIF name is one or more identifiers joined by "::".
var bifName = regexp.MustCompile(`^[A-Za-z_][A-Za-z_0-9]*(::[A-Za-z_][A-Za-z_0-9]*)*$`)

func TestDeclsWellFormed(t *testing.T) {
	if len(Decls) == 0 {
		t.Fatal("no built-in functions declared")
	}
	seen := make(map[string]bool, len(Decls))
	for _, d := range Decls {
		if !bifName.MatchString(d.Name) {
			t.Errorf("%q: malformed name", d.Name)
		}
		if seen[d.Name] {
			t.Errorf("%q: declared twice", d.Name)
		}
		seen[d.Name] = true
		if !strings.HasPrefix(d.Sig, "function(") {
			t.Errorf("%s: signature %q does not start with \"function(\"", d.Name, d.Sig)
		}
		if strings.Count(d.Sig, "(") != strings.Count(d.Sig, ")") {
			t.Errorf("%s: unbalanced parentheses in %q", d.Name, d.Sig)
		}
		if i := strings.Index(d.Sig, "..."); i >= 0 {
			// "..." may only be the last parameter.
			rest := strings.TrimSpace(d.Sig[i+3:])
			if !strings.HasPrefix(rest, ")") {
				t.Errorf("%s: \"...\" is not the last parameter in %q", d.Name, d.Sig)
			}
		}
	}
}

// The BIFs the two driving blog posts and the base scripts cannot do without.
func TestDeclsCoverCore(t *testing.T) {
	have := make(map[string]bool, len(Decls))
	for _, d := range Decls {
		have[d.Name] = true
	}
	for _, name := range []string{
		"fmt", "cat", "network_time", "lookup_addr", "to_lower", "split_string",
		"Reporter::error", "Log::__create_stream", "Log::__write",
		"Input::__create_event_stream", "Broker::__create_master",
		"Broker::__put_unique", "Broker::__keys", "Broker::__data",
		"Cluster::publish_hrw", "Option::set", "Option::set_change_handler",
		"bro_version", "bro_is_terminating", "zeek_is_terminating",
	} {
		if !have[name] {
			t.Errorf("missing built-in %q", name)
		}
	}
}
