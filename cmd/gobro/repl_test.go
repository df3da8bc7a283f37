package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the REPL goldens in testdata/repl")

// TestREPLSessions types each testdata/repl/NAME.in into "gobro repl -b"
// (and the arguments in NAME.args, if any) with stdin not a terminal (no
// prompts) and compares what it prints with NAME.out and NAME.err
// (-update rewrites them).
func TestREPLSessions(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "repl"))
	if err != nil {
		t.Fatal(err)
	}
	ins, _ := filepath.Glob(filepath.Join(dir, "*.in"))
	if len(ins) == 0 {
		t.Fatal("no sessions in testdata/repl")
	}
	// The sessions' files: the stores here and a trace.
	inputs, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	inputs = append(inputs, filepath.Join(dir, "..", "pcap", "sample.pcap"))
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in")
		t.Run(name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			for _, s := range inputs {
				data, err := os.ReadFile(s)
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Base(s), data, 0o644)
			}
			t.Setenv("GOBRO_CACHE", "off")
			input, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			args := []string{"repl", "-b"}
			if extra, err := os.ReadFile(strings.TrimSuffix(in, ".in") + ".args"); err == nil {
				args = append(args, strings.Fields(string(extra))...)
			}
			var stdout, stderr bytes.Buffer
			if code := run(args, bytes.NewReader(input), &stdout, &stderr); code != 0 {
				t.Errorf("exit status %d", code)
			}
			golden(t, filepath.Join(dir, name+".out"), stdout.String())
			golden(t, filepath.Join(dir, name+".err"), stderr.String())
		})
	}
}

// golden compares got with the file (absent means empty), or rewrites
// it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if got == "" {
			os.Remove(path)
			return
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, _ := os.ReadFile(path)
	if got != string(want) {
		t.Errorf("%s differs:\n--- got ---\n%s--- want ---\n%s", filepath.Base(path), got, want)
	}
}

// TestREPLExit: exit() ends the session at once with its status (no
// zeek_done, as in Zeek); the input after it is not read.
func TestREPLExit(t *testing.T) {
	t.Setenv("GOBRO_CACHE", "off")
	var stdout, stderr bytes.Buffer
	in := "event zeek_done() { print \"done\"; }\nprint 1;\nexit(3);\nprint 2;\n"
	if code := run([]string{"repl", "-b"}, strings.NewReader(in), &stdout, &stderr); code != 3 {
		t.Errorf("exit status %d, want 3", code)
	}
	if stdout.String() != "1\n" || stderr.String() != "" {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}
