package engine_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/runtime/engine"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// setup is how one Zeek test (a SETUP.md section) runs: the scripts its
// %INPUT loads and the redefs it makes (event handlers that only print
// are left out), beyond the mode and -C the MANIFEST gives.
type setup struct {
	scripts []string
	exec    []string
	// pending names what gobro lacks for this test's logs (scripts,
	// analysers): its rows are run when the scripts load and reported,
	// but not required to match.
	pending string
}

var setups = map[string]setup{
	"core.history-flip":               {scripts: []string{"base/protocols/http", "policy/protocols/conn/mac-logging"}, exec: []string{"redef Site::local_nets = { 125.190.109.0/24 }"}},
	"core.ip-broken-header":           {scripts: []string{"base/frameworks/notice/weird"}},
	"core.ipv6-frag":                  {scripts: []string{"base/protocols/dns"}},
	"core.mobile-ipv6-dst-opts":       {},
	"core.pppoe":                      {},
	"core.q-in-q":                     {scripts: []string{"base/protocols/conn"}},
	"core.tcp.missing-syn":            {scripts: []string{"base/protocols/conn", "base/protocols/http"}},
	"core.tcp.reassembly-known-ports": {scripts: []string{"base/protocols/conn", "base/protocols/http"}, exec: []string{"redef dpd_reassemble_first_packets = F"}},
	"core.tunnels.teredo": {scripts: []string{"base/frameworks/tunnels", "base/frameworks/notice/weird", "base/protocols/conn", "base/protocols/http", "base/protocols/dns"},
		exec: []string{"redef likely_server_ports += { 67/udp, 68/udp }"}},
	"core.tunnels.teredo-known-services": {scripts: []string{"base/frameworks/tunnels", "base/protocols/dns", "protocols/conn/known-services"},
		exec: []string{"redef Tunnel::delay_teredo_confirmation = T", "redef Site::local_nets += { 192.168.2.0/24 }"}},
	"core.tunnels.vxlan": {scripts: []string{"base/frameworks/tunnels", "base/protocols/conn"}},
	"core.udp-corrupt":   {},
	"core.vlan-mpls":     {scripts: []string{"base/protocols/conn", "base/protocols/http"}},
	"opt.basic":          {},
	"scripts.base.frameworks.file-analysis.logging": {scripts: []string{testdataScript("manifest/file-analysis-test.zeek"), "base/protocols/http"},
		exec: []string{`redef test_file_analysis_source = "HTTP"`, `redef test_get_file_name = function(f: fa_file): string { return cat(f$id, "-file"); }`}},
	"scripts.base.protocols.dns.flip": {scripts: []string{"base/protocols/dns"}},
	"scripts.base.protocols.dns.max-compression-depth": {scripts: []string{"base/protocols/conn", "base/protocols/dns", "base/frameworks/notice/weird"},
		exec: []string{"redef dns_max_compression_chain_depth = 5"}},
	"scripts.base.protocols.dns.multiple-txt-strings":                    {scripts: []string{"base/protocols/dns"}},
	"scripts.base.protocols.dns.tkey":                                    {scripts: []string{"base/protocols/dns"}, exec: []string{"redef dns_skip_all_addl = F"}},
	"scripts.base.protocols.ftp.ftp-ipv6":                                {scripts: []string{"base/protocols/conn", "base/protocols/ftp"}},
	"scripts.base.protocols.ftp.gridftp":                                 {pending: "GridFTP: the control channel's TLS runs inside base64 ADAT commands (an SSL analyser stacked on FTP, which analyzer.Set cannot do yet), and the data channel needs the ConnThreshold framework, skip_further_processing and base/protocols/ftp/gridftp"},
	"scripts.base.protocols.http.concurrent-range-requests":              {scripts: []string{"base/protocols/conn", "base/protocols/http"}},
	"scripts.base.protocols.http.content-length-overflow":                {scripts: []string{"base/protocols/conn", "base/protocols/http"}},
	"scripts.base.protocols.http.http-filename":                          {scripts: []string{"base/protocols/http"}},
	"scripts.base.protocols.http.http-no-crlf":                           {scripts: []string{"base/protocols/conn", "base/protocols/http"}},
	"scripts.base.protocols.irc.names-weird":                             {scripts: []string{"base/protocols/irc", "base/frameworks/notice/weird", testdataScript("manifest/irc-names-handler.zeek")}},
	"scripts.base.protocols.irc.starttls":                                {scripts: []string{"base/protocols/conn", "base/protocols/ssl", "base/protocols/irc"}},
	"scripts.base.protocols.login.nvt-contentline-length":                {scripts: []string{"base/protocols/conn", "base/frameworks/notice/weird"}, pending: loginAnalysers},
	"scripts.base.protocols.login.rlogin-line-length":                    {scripts: []string{"base/protocols/conn", "base/frameworks/notice/weird"}, pending: loginAnalysers},
	"scripts.base.protocols.ssh.basic":                                   {},
	"scripts.base.protocols.ssh.dh_group18_kex":                          {scripts: []string{"base/protocols/conn", "base/protocols/ssh"}},
	"scripts.base.protocols.ssh.http-port-22":                            {},
	"scripts.base.protocols.ssh.pre-banner":                              {},
	"scripts.base.protocols.ssl.basic":                                   {},
	"scripts.base.protocols.ssl.tls-1.2":                                 {scripts: []string{"base/protocols/ssl", "base/files/x509"}},
	"scripts.base.protocols.ssl.tls13-version":                           {scripts: []string{"base/protocols/ssl"}},
	"scripts.policy.frameworks.analyzer.detect-protocols":                {scripts: []string{"base/protocols/conn", "base/protocols/ssh", "base/protocols/http", "policy/frameworks/analyzer/detect-protocols"}},
	"scripts.policy.frameworks.intel.seen.filename-in-http-get-response": {scripts: []string{"base/frameworks/intel", "frameworks/intel/seen", "base/protocols/http"}, exec: []string{`redef Intel::read_files = { "./intel.dat" }`}},
	"scripts.policy.frameworks.intel.seen.smtp":                          {scripts: []string{"base/protocols/smtp", "base/frameworks/intel", "frameworks/intel/seen"}, exec: []string{`redef Intel::read_files += { "intel.dat" }`}},
	"scripts.policy.frameworks.intel.whitelisting":                       {scripts: []string{"base/protocols/http", "base/protocols/dns", "base/frameworks/intel", "frameworks/intel/whitelist", "frameworks/intel/seen"}, exec: []string{`redef Intel::read_files += { "intel.dat", "whitelist.dat" }`}},
	// Known::use_host_store=F until the Broker stores arrive (issue 6):
	// the log is the same in both modes.
	"scripts.policy.protocols.conn.known-hosts": {scripts: []string{"protocols/conn/known-hosts"}, exec: []string{"redef Known::use_host_store = F", "redef Site::local_nets += { 141.142.0.0/16 }"}},
	"scripts.policy.protocols.conn.known-services": {scripts: []string{"protocols/conn/known-services"},
		exec: []string{"redef Known::use_service_store = F", "redef Site::local_nets += { 172.16.238.0/24 }"}},
	"scripts.policy.protocols.conn.vlan-logging": {scripts: []string{"protocols/conn/vlan-logging"}},
}

// knownDiffs are columns of particular logs that may still differ, with
// why; any other difference fails.
var knownDiffs = map[string]struct {
	cols []string
	why  string
}{
	"expected/tunnels-vxlan.pcap/conn.log": {[]string{"history"},
		"Zeek's 'X' history letter on the inner ICMP flow is not understood yet"},
	"expected/tunnels-Teredo.pcap/conn.log": {[]string{"service"},
		"the DHCP analyser is not written (Zeek starts it on 67/68 without any script, hence service dhcp)"},
}

// loginAnalysers is why the contentline tests are pending.
const loginAnalysers = "the Login analysers (Telnet with its NVT, Rlogin) are not written"

// pendingLogs are logs of otherwise-runnable tests that analysers write.
var pendingLogs = map[string]string{}

// testdataScript is the absolute path of a script under testdata/ (the
// rows run in temporary directories).
func testdataScript(name string) string {
	p, err := filepath.Abs(filepath.Join("../../testdata", name))
	if err != nil {
		panic(err)
	}
	return p
}

// producedName is the log a run writes for an expected file: Zeek's tests
// rename logs of repeated runs ("knownhosts-local.log" is the
// known_hosts.log of the LOCAL_HOSTS run).
func producedName(expected string) (log string, exec []string) {
	base := filepath.Base(expected)
	for _, k := range []struct{ prefix, log, option string }{
		{"knownhosts-", "known_hosts.log", "Known::host_tracking"},
		{"knownservices-", "known_services.log", "Known::service_tracking"},
	} {
		if rest, ok := strings.CutPrefix(base, k.prefix); ok {
			mode := strings.ToUpper(strings.TrimSuffix(rest, ".log")) + "_HOSTS"
			return k.log, []string{"redef " + k.option + " = " + mode}
		}
	}
	switch {
	case strings.HasSuffix(base, "wierd.log"), base == "weird-long.log":
		return "weird.log", nil
	case base == "conn-long.log":
		return "conn.log", nil
	case strings.Count(base, ".") == 2: // history-flip.conn.log
		return base[strings.Index(base, ".")+1:], nil
	}
	return base, nil
}

// TestManifest runs every MANIFEST.tsv row as its Zeek test ran and
// compares the log with Zeek's after btest's canonicalisation, printing
// one line per log: identical, differing rows, or pending (with what is
// missing). Rows of tests without a pending reason must be identical,
// except the service column for the tests in onlyService.
func TestManifest(t *testing.T) {
	dir := tracesDir(t)
	t.Setenv("TZ", "UTC")
	t.Setenv("ZEEK_SEED_FILE", "")
	t.Setenv("ZEEK_SEED_VALUES", "")
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var table []string
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 7 || col[0] == "-" {
			continue // the benchmark trace: no expected log
		}
		expected, trace, test, mode, noCk := col[0], col[1], col[3], col[5], col[6] == "yes"
		su, ok := setups[test]
		if !ok {
			t.Errorf("MANIFEST test %s has no setup in manifest_test.go", test)
			continue
		}
		status := runManifestRow(t, dir, expected, trace, test, mode == "bare", noCk, su)
		table = append(table, fmt.Sprintf("%-72s %s", expected, status))
	}
	t.Logf("MANIFEST comparison (%d logs):\n%s", len(table), strings.Join(table, "\n"))
}

func runManifestRow(t *testing.T, dir, expected, trace, test string, bare, noChecksums bool, su setup) (status string) {
	t.Run(strings.ReplaceAll(strings.TrimPrefix(expected, "expected/"), "/", ":"), func(t *testing.T) {
		want, err := os.ReadFile(filepath.Join(dir, expected))
		if err != nil {
			t.Fatal(err)
		}
		logName, exec := producedName(expected)
		t.Chdir(t.TempDir())
		copyInputs(t, filepath.Join(dir, "inputs", test))
		res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(os.Getenv), Bare: bare, Scripts: su.scripts, Exec: append(slices.Clone(su.exec), exec...)})
		if res.Diags.HasErrors() {
			var b strings.Builder
			res.Diags.Print(&b, res.Sources())
			if su.pending != "" {
				status = "pending: " + su.pending
				return
			}
			t.Fatalf("loading scripts:\n%s", b.String())
		}
		gen, err := uid.New(uid.Options{SeedFile: filepath.Join(dir, "random.seed")})
		if err != nil {
			t.Fatal(err)
		}
		src, err := gnet.Open(filepath.Join(dir, trace))
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		var stdout, stderr strings.Builder
		eng := engine.New(res.Program, &stdout, &stderr)
		eng.SetPacketInput(engine.PacketInput{Source: src, IgnoreChecksums: noChecksums, UIDs: gen})
		if code := eng.Run(); code != 0 {
			t.Fatalf("exit code %d, stderr:\n%s", code, stderr.String())
		}
		got, err := os.ReadFile(logName)
		if err != nil {
			if why, ok := pendingLogs[expected]; ok {
				status = "pending: " + why
				return
			}
			if su.pending != "" {
				status = "pending: " + su.pending + " (no " + logName + ")"
				return
			}
			t.Fatalf("no %s: %v (stderr: %s)", logName, err, stderr.String())
		}
		g, w := canon(string(got)), canon(string(want))
		if cols := cutColumns(w); cols != nil {
			g = cutLog(g, cols)
		}
		if g == w {
			status = "identical"
			return
		}
		d, cols, differing := diffColumns(g, w)
		rows := countDataRows(w)
		status = fmt.Sprintf("%d of %d rows differ (columns %s)", differing, rows, strings.Join(cols, ","))
		switch {
		case su.pending != "":
			status += "; pending: " + su.pending
		case knownDiffs[expected].cols != nil && allIn(cols, knownDiffs[expected].cols):
			status += "; known: " + knownDiffs[expected].why
		default:
			t.Errorf("%s differs:\n%s", logName, d)
		}
	})
	return status
}

// copyInputs puts a test's data files (SETUP.md: "copy into the working
// directory") into the current directory; most tests have none.
func copyInputs(t *testing.T, from string) {
	files, _ := filepath.Glob(filepath.Join(from, "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Base(f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func countDataRows(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			n++
		}
	}
	return n
}

// cutColumns returns the columns of a baseline written by zeek-cut -m
// (btest-diff-cut): its first line names them. nil for a whole log.
func cutColumns(baseline string) []string {
	first, _, _ := strings.Cut(baseline, "\n")
	if first == "" || strings.HasPrefix(first, "#") {
		return nil
	}
	return strings.Split(first, "\t")
}

// cutLog is zeek-cut -m: a header naming cols, then those fields of
// every data row.
func cutLog(log string, cols []string) string {
	var idx []int
	var b strings.Builder
	b.WriteString(strings.Join(cols, "\t") + "\n")
	for _, l := range strings.Split(log, "\n") {
		if f, ok := strings.CutPrefix(l, "#fields\t"); ok {
			names := strings.Split(f, "\t")
			idx = idx[:0]
			for _, c := range cols {
				idx = append(idx, slices.Index(names, c))
			}
			continue
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		for i, j := range idx {
			if i > 0 {
				b.WriteByte('\t')
			}
			if j >= 0 && j < len(f) {
				b.WriteString(f[j])
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func allIn(xs, set []string) bool {
	for _, x := range xs {
		if !slices.Contains(set, x) {
			return false
		}
	}
	return true
}
