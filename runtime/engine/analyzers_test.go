package engine_test

import (
	"bytes"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/pcapgen"
)

// lines is a test analyser: it confirms once each side has sent a whole
// line and reports a violation for a line containing "BOGUS".
type lines struct {
	ctx  *analyzer.Context
	seen [2]bool
}

func (l *lines) Deliver(isOrig bool, data []byte) {
	side := 1
	if isOrig {
		side = 0
	}
	if bytes.Contains(data, []byte("BOGUS")) {
		l.ctx.Violation("bogus line", data)
		return
	}
	if bytes.IndexByte(data, '\n') >= 0 {
		l.seen[side] = true
	}
	if l.seen[0] && l.seen[1] {
		l.ctx.Confirm()
	}
}
func (*lines) Gap(bool, uint64) {}
func (*lines) EndOfData(bool)   {}
func (*lines) Done()            {}

func init() {
	analyzer.Register(&analyzer.Spec{
		Name: "LINES", Transports: analyzer.TCP | analyzer.UDP,
		New: func(ctx *analyzer.Context) analyzer.Analyzer { return &lines{ctx: ctx} },
	})
}

// linesSig starts LINES by content: a HELO answered by a 250.
const linesSig = `
signature lines_client {
  ip-proto == tcp
  payload /HELO /
  tcp-state originator
}

signature lines_server {
  ip-proto == tcp
  payload /250 /
  tcp-state responder
  requires-reverse-signature lines_client
  enable "lines"
}
`

const linesScript = `
@load-sigs ./lines

redef enum Analyzer::Tag += { Analyzer::ANALYZER_LINES };

event zeek_init()
	{
	Analyzer::register_for_port(Analyzer::ANALYZER_LINES, 7777/tcp);
	print Analyzer::name(Analyzer::ANALYZER_LINES), Analyzer::has_tag("lines"), Analyzer::get_tag("LINES");
	}

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo)
	{
	print "confirmed", atype, info$aid, info$c$id$resp_p;
	}

event analyzer_violation_info(atype: AllAnalyzers::Tag, info: AnalyzerViolationInfo)
	{
	print "violation", atype, info$reason, info$data, info$c$service;
	}

event protocol_confirmation(c: connection, atype: Analyzer::Tag, aid: count)
	{
	print "protocol_confirmation", atype, aid;
	}

event connection_state_remove(c: connection)
	{
	print "removed", c$id$resp_p, c$service, c$failed_analyzers;
	}
`

// The analyser framework end to end: a port registration starts LINES on
// 7777/tcp, its signature starts it on another port, confirmations name
// the service (conn.log's column), a violation removes the analyser and
// withdraws its service (DPD's handler runs before ours, so ours sees
// it gone), and a connection whose signature half-matched gets nothing.
func TestAnalyzerFramework(t *testing.T) {
	ap := netip.MustParseAddrPort
	var trace bytes.Buffer
	err := pcapgen.Write(&trace, time.Unix(1704067200, 0),
		pcapgen.TCP{Orig: ap("10.0.0.2:40001"), Resp: ap("192.0.2.7:7777"), Messages: []pcapgen.Message{
			pcapgen.Req("hello\n"), pcapgen.Resp("hi\n"),
		}, End: pcapgen.Close},
		pcapgen.TCP{Orig: ap("10.0.0.2:40002"), Resp: ap("192.0.2.7:2525"), Messages: []pcapgen.Message{
			pcapgen.Req("HELO x\n"), pcapgen.Resp("250 ok\n"), pcapgen.Req("BOGUS\n"), pcapgen.Resp("bye\n"),
		}, End: pcapgen.Close},
		pcapgen.TCP{Orig: ap("10.0.0.2:40003"), Resp: ap("192.0.2.7:8080"), Messages: []pcapgen.Message{
			pcapgen.Req("GET / HTTP/1.0\n"), pcapgen.Resp("nope\n"),
		}, End: pcapgen.Close},
	)
	if err != nil {
		t.Fatal(err)
	}
	got, conn := runTraceFiles(t, trace.Bytes(), map[string]string{"test.zeek": linesScript, "lines.sig": linesSig}, "base/protocols/conn")
	want := `LINES, T, Analyzer::ANALYZER_LINES
confirmed, Analyzer::ANALYZER_LINES, 1, 7777/tcp
protocol_confirmation, Analyzer::ANALYZER_LINES, 1
confirmed, Analyzer::ANALYZER_LINES, 2, 2525/tcp
protocol_confirmation, Analyzer::ANALYZER_LINES, 2
violation, Analyzer::ANALYZER_LINES, bogus line, BOGUS\x0a, {

}
removed, 7777/tcp, {
LINES
}, {

}
removed, 2525/tcp, {

}, {
LINES
}
removed, 8080/tcp, {

}, {

}
`
	if got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	var services []string
	for _, l := range strings.Split(conn, "\n") {
		if f := strings.Split(l, "\t"); len(f) > 7 && !strings.HasPrefix(l, "#") {
			services = append(services, f[5]+" "+f[7])
		}
	}
	if s := strings.Join(services, ","); s != "7777 lines,2525 -,8080 -" {
		t.Errorf("conn.log resp_p/service: %s", s)
	}
}

// runTrace runs scripts (inline source first, then loaded names) over a
// trace in a temp dir and returns stdout and conn.log.
func runTrace(t *testing.T, trace []byte, src string, scripts ...string) (string, string) {
	t.Helper()
	return runTraceFiles(t, trace, map[string]string{"test.zeek": src}, scripts...)
}

// runTraceFiles is runTrace with more files next to test.zeek.
func runTraceFiles(t *testing.T, trace []byte, files map[string]string, scripts ...string) (string, string) {
	t.Helper()
	t.Chdir(t.TempDir())
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile("trace.pcap", trace, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := runEngine(t, "trace.pcap", true, append(scripts, "./test.zeek")...)
	if stderr != "" {
		t.Fatalf("stderr:\n%s", stderr)
	}
	conn, _ := os.ReadFile("conn.log")
	return stdout, string(conn)
}

// A retransmission that disagrees with the bytes delivered first raises
// rexmit_inconsistency (first copy, new copy, the new packet's flags);
// an identical one does not. No analyser is registered: handling the
// event is enough for the connection's streams to be reassembled.
func TestRexmitInconsistency(t *testing.T) {
	ap := netip.MustParseAddrPort
	var trace bytes.Buffer
	err := pcapgen.Write(&trace, time.Unix(1704067200, 0),
		pcapgen.Segments{Orig: ap("10.0.0.2:40001"), Resp: ap("192.0.2.7:7000"), Segs: []pcapgen.Segment{
			{Flags: "S"},
			{FromResp: true, Flags: "SA", Ack: 1},
			{Flags: "A", Seq: 1, Ack: 1},
			{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("hello")},
			{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("hello")},
			{Flags: "A", Seq: 1, Ack: 1, Data: []byte("hallo")},
			{FromResp: true, Flags: "A", Seq: 1, Ack: 6},
		}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := runTrace(t, trace.Bytes(), `
event rexmit_inconsistency(c: connection, t1: string, t2: string, tcp_flags: string)
	{
	print c$id$resp_p, t1, t2, tcp_flags;
	}
`)
	if want := "7000/tcp, hello, hallo, A\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
}

// Signature mistakes only the engine can see (an analyser that does not
// exist, a reverse signature that is missing, a pattern that does not
// compile) are reporter errors naming the signature file and line; the
// rest of the run goes on.
func TestSignatureErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	files := map[string]string{
		"bad.sig": "signature a {\n  payload /x/\n  enable \"nosuch\"\n}\n" +
			"signature b {\n  payload /y/\n  requires-reverse-signature missing\n  enable \"lines\"\n}\n" +
			"signature c {\n  payload /(/\n  enable \"lines\"\n}\n",
		"test.zeek": "@load-sigs ./bad\nevent zeek_init() { print \"running\"; }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var trace bytes.Buffer
	ap := netip.MustParseAddrPort
	if err := pcapgen.Write(&trace, time.Unix(1704067200, 0), pcapgen.TCP{Orig: ap("10.0.0.2:40001"), Resp: ap("192.0.2.7:9"), Messages: []pcapgen.Message{pcapgen.Req("x")}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("trace.pcap", trace.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := runEngine(t, "trace.pcap", true, "./test.zeek")
	if stdout != "running\n" {
		t.Errorf("stdout %q", stdout)
	}
	for _, want := range []string{
		`./bad.sig, line 1: signature a enables unknown analyzer "nosuch"`,
		`./bad.sig, line 5: signature b requires unknown signature missing`,
		`./bad.sig, line 10: signature c: bad payload pattern:`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
