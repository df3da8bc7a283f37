package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// policy/protocols/ssh/interesting-hostnames over our recorded SSH
// logins, with fake DNS (ZEEK_DNS_FAKE, as Zeek's tests use): the
// asynchronous lookup_addr of both ends of the successful login answers
// "fake_addr_lookup_result_<addr>", the pattern is redefined to match the
// server's, and one notice names the server; the failed login raises
// none.
func TestInterestingHostnames(t *testing.T) {
	trace, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "pcap", "ssh-logins.pcap"))
	t.Chdir(t.TempDir())
	t.Setenv("ZEEK_DNS_FAKE", "1")
	if _, stderr := runPcap(t, trace, runOpts{bare: true, ignoreChecksums: true,
		scripts: []string{"policy/protocols/ssh/interesting-hostnames"},
		exec:    []string{`redef SSH::interesting_hostnames = /^fake_addr_lookup_result_192\.0\.2\.2$/`}}); stderr != "" {
		t.Fatal(stderr)
	}
	log, err := os.ReadFile("notice.log")
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(string(log), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			f := strings.Split(l, "\t")
			// uid, id.*, note, msg, sub
			rows = append(rows, strings.Join(append(f[1:6], f[10:13]...), " "))
		}
	}
	want := "CRdT6w4PA64qWKmBk3 192.0.2.1 40023 192.0.2.2 22 SSH::Interesting_Hostname_Login Possible SSH login involving a local server with an interesting hostname. fake_addr_lookup_result_192.0.2.2"
	if len(rows) != 1 || rows[0] != want {
		t.Errorf("notice.log rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), want)
	}
}
