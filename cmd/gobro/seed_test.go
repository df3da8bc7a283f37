package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedOrder: with Zeek's seed (-G, ZEEK_SEED_FILE, ZEEK_SEED_VALUES)
// sets walk in Zeek's hash order; without one, and with -D, in insertion
// order.
func TestSeedOrder(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "run"))
	if err != nil {
		t.Fatal(err)
	}
	seedFile := filepath.Join(dir, "zeek-order.seed")
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOBRO_CACHE", "off")
	t.Setenv("ZEEK_SEED_FILE", "")
	t.Setenv("ZEEK_SEED_VALUES", "")
	script := `event zeek_init() { print set("MD5", "SHA1", "SHA256", "EXTRACT", "DATA_EVENT"); }`
	const zeek = "{\nSHA256,\nEXTRACT,\nSHA1,\nMD5,\nDATA_EVENT\n}\n"
	const insertion = "{\nMD5,\nSHA1,\nSHA256,\nEXTRACT,\nDATA_EVENT\n}\n"
	for _, tc := range []struct {
		name, file, values string
		args               []string
		want               string
	}{
		{name: "-G", args: []string{"-G", seedFile}, want: zeek},
		{name: "ZEEK_SEED_FILE", file: seedFile, want: zeek},
		{name: "ZEEK_SEED_VALUES", values: string(seed), want: zeek},
		{name: "none", want: insertion},
		{name: "-D", args: []string{"-D"}, want: insertion},
	} {
		t.Setenv("ZEEK_SEED_FILE", tc.file)
		t.Setenv("ZEEK_SEED_VALUES", tc.values)
		var stdout, stderr strings.Builder
		args := append(tc.args, "-b", "-e", script)
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.name, code, stderr.String())
		}
		if stdout.String() != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, stdout.String(), tc.want)
		}
	}
	// Zeek refuses ZEEK_SEED_VALUES with a seed file.
	t.Setenv("ZEEK_SEED_VALUES", string(seed))
	var stdout, stderr strings.Builder
	if code := run([]string{"-G", seedFile, "-b", "-e", script}, strings.NewReader(""), &stdout, &stderr); code != 1 ||
		stderr.String() != "fatal error: can't use ZEEK_SEED_VALUES together with ZEEK_SEED_FILE or -G\n" {
		t.Errorf("conflict: exit %d, stderr %q", code, stderr.String())
	}
}
