package builtins

import (
	"os"
	"testing"
)

func TestProcess(t *testing.T) {
	t.Setenv("GOBRO_TEST_VAR", "hello")
	got, _ := call(t, nil, "getenv", S("GOBRO_TEST_VAR"))
	if got.Str() != "hello" {
		t.Errorf("getenv = %q", got.Str())
	}
	got, _ = call(t, nil, "getenv", S("GOBRO_SURELY_UNSET_VAR"))
	if got.Str() != "" {
		t.Errorf("getenv(unset) = %q", got.Str())
	}
	ok, _ := call(t, nil, "setenv", S("GOBRO_TEST_VAR"), S("bye"))
	if !ok.Bool() || os.Getenv("GOBRO_TEST_VAR") != "bye" {
		t.Errorf("setenv failed")
	}
	pid, _ := call(t, nil, "getpid")
	if pid.Count() != uint64(os.Getpid()) {
		t.Errorf("getpid = %d", pid.Count())
	}
	host, _ := call(t, nil, "gethostname")
	if want, _ := os.Hostname(); host.Str() != want {
		t.Errorf("gethostname = %q", host.Str())
	}
	for _, name := range []string{"zeek_version", "bro_version"} {
		v, _ := call(t, nil, name)
		if v.Str() != Version {
			t.Errorf("%s = %q", name, v.Str())
		}
	}
	for name, want := range map[string]bool{"have_spicy": false, "have_spicy_analyzers": false, "__init_secondary_bifs": true} {
		v, _ := call(t, nil, name)
		if v.Bool() != want {
			t.Errorf("%s = %v", name, v.Bool())
		}
	}
}
