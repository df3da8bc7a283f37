package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		want Options
	}{
		{[]string{"-r", "t.pcap", "local"}, Options{ReadFiles: []string{"t.pcap"}, Scripts: []string{"local"}}},
		{[]string{"-bC", "-rt.pcap", "x.zeek"}, Options{Bare: true, NoChecksums: true, ReadFiles: []string{"t.pcap"}, Scripts: []string{"x.zeek"}}},
		{[]string{"--readfile=t.pcap", "--bare-mode"}, Options{ReadFiles: []string{"t.pcap"}, Bare: true}},
		{[]string{"-i", "eth0", "-C", "site/local.bro"}, Options{Interfaces: []string{"eth0"}, NoChecksums: true, Scripts: []string{"site/local.bro"}}},
		{[]string{"-e", "print 1", "-a"}, Options{Exec: []string{"print 1"}, ParseOnly: true}},
		{[]string{"-O", "no-event-handler-coalescence", "x"}, Options{Ignored: []string{"no-event-handler-coalescence"}, Scripts: []string{"x"}}},
		{[]string{"Site::local_nets+={10.0.0.0/8}", "a=b", "x-=1"}, Options{Redefs: []Redef{{"Site::local_nets", "+=", "{10.0.0.0/8}"}, {"a", "=", "b"}, {"x", "-=", "1"}}}},
		{[]string{"Zeek::AF_Packet"}, Options{Plugins: []string{"Zeek::AF_Packet"}}},
		{[]string{"--", "-b"}, Options{Scripts: []string{"-b"}}},
		{[]string{"-p", "pre", "-NN", "-f", "tcp port 80", "-w", "out.pcap"}, Options{Prefixes: []string{"pre"}, PrintPlugins: 2, Filter: "tcp port 80", WriteFile: "out.pcap"}},
	}
	for _, tc := range tests {
		got, err := parseArgs(tc.args)
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("%v:\n got %+v\nwant %+v", tc.args, *got, tc.want)
		}
	}
}

func TestParseArgsErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-Z"}, "invalid option -- 'Z'"},
		{[]string{"-r"}, "option requires an argument -- 'r'"},
		{[]string{"--nope"}, "unrecognized option '--nope'"},
		{[]string{"--readfile"}, "option '--readfile' requires an argument"},
	}
	for _, tc := range tests {
		_, err := parseArgs(tc.args)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v: got %v want %s", tc.args, err, tc.want)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	var out, errb strings.Builder
	if code := run([]string{"-h"}, strings.NewReader(""), &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "usage: gobro") {
		t.Errorf("-h: code %d, %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"-v"}, strings.NewReader(""), &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "gobro version ") {
		t.Errorf("-v: code %d, %q", code, out.String())
	}
	errb.Reset()
	if code := run([]string{"-Z"}, strings.NewReader(""), &out, &errb); code != 1 || !strings.Contains(errb.String(), "invalid option") {
		t.Errorf("-Z: code %d, %q", code, errb.String())
	}
}

// BenchmarkProcessStart measures a whole "gobro -a" run with the default
// policy loaded: process start to checked program and exit, with the parse
// cache warm, as a user sees it.
func BenchmarkProcessStart(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "gobro")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "empty.zeek")
	os.WriteFile(script, []byte("event zeek_init() { }\n"), 0o644)
	env := append(os.Environ(), "GOBRO_CACHE="+filepath.Join(dir, "cache"))
	run := func() {
		cmd := exec.Command(bin, "-a", script)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("gobro -a: %v\n%s", err, out)
		}
	}
	run() // warm the parse cache
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run()
	}
}

// TestRun drives the command as a user would: exit codes and messages.
func TestRun(t *testing.T) {
	t.Setenv("GOBRO_CACHE", t.TempDir())
	tests := []struct {
		args    []string
		stdin   string
		code    int
		wantErr string
	}{
		{[]string{"-a"}, "print 1;\n", 0, ""},
		{[]string{"-a", "-b"}, "print x;\n", 1, "error in <stdin>, line 1: unknown identifier x, at or near \"x\"\n  --> <stdin>:1:7\n   | print x;\n   |       ^\n"},
		{[]string{"-a", "-b", "-e", "global x = 1", "-e", "print x"}, "", 0, ""},
		{[]string{"-a", "-b", "-e", "print nosuch"}, "", 1, "error in <command line>, line 1: unknown identifier nosuch, at or near \"nosuch\"\n  --> <command line>:1:7\n   | print nosuch;\n   |       ^\n"},
		{[]string{"-a", "-b", "nosuchscript"}, "", 1, "fatal error: can't find nosuchscript\n"},
		{[]string{"-a", "-e", "print Known::host_tracking", "protocols/conn/known-hosts", "Known::host_tracking=ALL_HOSTS"}, "", 0, ""},
		{[]string{"-a", "-b", "-e", "print 1", "nosuch=1"}, "", 1, "error in <command line>, line 1: \"redef\" used but not previously defined (nosuch)\n  --> <command line>:1:1\n   | redef nosuch = 1;\n   | ^\n"},
		{[]string{"-b", "-r", "x.pcap", "-e", "print 1"}, "", 1, "fatal error: problem with trace file x.pcap (unable to open x.pcap: No such file or directory)\n"},
	}
	var out, errb strings.Builder
	if code := run([]string{"-b", "-e", "print 1 + 1, \"x\""}, strings.NewReader(""), &out, &errb); code != 0 || out.String() != "2, x\n" {
		t.Errorf("running -e: code %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
	for _, tc := range tests {
		var out, errb strings.Builder
		code := run(tc.args, strings.NewReader(tc.stdin), &out, &errb)
		if code != tc.code || errb.String() != tc.wantErr {
			t.Errorf("%v: code %d, stderr:\n%s\nwant code %d, stderr:\n%s", tc.args, code, errb.String(), tc.code, tc.wantErr)
		}
	}
}
