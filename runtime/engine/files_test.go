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

// tfile is a test analyser whose every direction is one file: each line
// "SIZE n" announces the size, "GAP n" loses n bytes, anything else is
// file content.
type tfile struct{ ctx *analyzer.Context }

func (a *tfile) Deliver(isOrig bool, data []byte) {
	for _, line := range strings.SplitAfter(string(data), "\n") {
		var n uint64
		switch {
		case line == "":
		case strings.HasPrefix(line, "SIZE "):
			n = atoiTest(line[5:])
			a.ctx.FileSize(isOrig, n)
		case strings.HasPrefix(line, "GAP "):
			n = atoiTest(line[4:])
			a.ctx.FileGap(isOrig, n)
		case strings.HasPrefix(line, "AT "):
			off, rest, _ := strings.Cut(line[3:], " ")
			a.ctx.FileDataAt(isOrig, atoiTest(off), []byte(rest))
		default:
			a.ctx.FileData(isOrig, []byte(line))
		}
	}
}
func (a *tfile) Gap(bool, uint64) {}

// Port 7001's file goes on in other connections (like HTTP range
// replies): its connections never end it.
func (a *tfile) EndOfData(isOrig bool) {
	if a.ctx.Conn.ID.RespP != 7001 {
		a.ctx.FileEnd(isOrig)
	}
}
func (a *tfile) Done() { a.EndOfData(true); a.EndOfData(false) }

func atoiTest(s string) uint64 {
	var n uint64
	for _, c := range strings.TrimSpace(s) {
		n = n*10 + uint64(c-'0')
	}
	return n
}

func init() {
	analyzer.Register(&analyzer.Spec{Name: "TFILE", Transports: analyzer.TCP,
		New: func(ctx *analyzer.Context) analyzer.Analyzer { return &tfile{ctx: ctx} }})
}

const tfileScript = `
@load base/frameworks/files
@load base/files/hash
@load base/files/extract

redef enum Analyzer::Tag += { Analyzer::ANALYZER_TFILE };
redef FileExtract::prefix = "./";

event zeek_init()
	{
	Analyzer::register_for_port(Analyzer::ANALYZER_TFILE, 7000/tcp);
	Analyzer::register_for_port(Analyzer::ANALYZER_TFILE, 7001/tcp);
	Files::register_protocol(Analyzer::ANALYZER_TFILE, [$get_file_handle=function(c: connection, is_orig: bool): string
		{
		# Port 7001's files are one file across connections.
		return c$id$resp_p == 7001/tcp ? "shared" : cat(c$uid, is_orig);
		}]);
	}

global chunk: event(f: fa_file, data: string, off: count);

event file_new(f: fa_file)
	{
	print "file_new", f$id, f$source;
	Files::add_analyzer(f, Files::ANALYZER_MD5);
	Files::add_analyzer(f, Files::ANALYZER_SHA1);
	Files::add_analyzer(f, Files::ANALYZER_EXTRACT, [$extract_filename=f$id + "-file"]);
	Files::add_analyzer(f, Files::ANALYZER_DATA_EVENT, [$chunk_event=chunk]);
	}

event chunk(f: fa_file, data: string, off: count)
	{
	print "chunk", f$id, off, |data|;
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool)
	{
	print "over", f$id, c$uid, is_orig;
	}

event file_sniff(f: fa_file, meta: fa_metadata)
	{
	print "sniff", f$id, meta?$mime_type ? meta$mime_type : "-";
	}

event file_gap(f: fa_file, offset: count, len: count)
	{
	print "gap", f$id, offset, len;
	}

event file_timeout(f: fa_file)
	{
	print "timeout", f$id;
	}

event file_state_remove(f: fa_file)
	{
	print "remove", f$id, f$seen_bytes, f$missing_bytes;
	}
`

// File analysis end to end through a test analyser: ids from the
// scripts' handles, the events in order, hashes and extraction of a
// whole file, sniffing, a file that ends at its announced size, a gap
// (no hashes then), and one file fed by two connections at offsets that
// never completes and times out at the end of the run, in files.log (a
// line per connection that carried it, as Zeek 5 and later write).
func TestFileAnalysis(t *testing.T) {
	ap := netip.MustParseAddrPort
	var trace bytes.Buffer
	err := pcapgen.Write(&trace, time.Unix(1704067200, 0),
		pcapgen.TCP{Orig: ap("10.0.0.2:40001"), Resp: ap("192.0.2.7:7000"), Messages: []pcapgen.Message{
			pcapgen.Req("<html><body>\n"), pcapgen.Resp("SIZE 11\n"), pcapgen.Resp("hello world"),
		}, End: pcapgen.Close},
		pcapgen.TCP{Orig: ap("10.0.0.2:40002"), Resp: ap("192.0.2.7:7000"), Messages: []pcapgen.Message{
			pcapgen.Resp("\x00\x01binary\n"), pcapgen.Resp("GAP 5\n"), pcapgen.Resp("tail\n"),
		}, End: pcapgen.Close},
		pcapgen.TCP{Orig: ap("10.0.0.2:40003"), Resp: ap("192.0.2.7:7001"), Messages: []pcapgen.Message{
			pcapgen.Resp("SIZE 100\n"), pcapgen.Resp("AT 50 0123456789"),
		}, End: pcapgen.Close},
		pcapgen.TCP{Orig: ap("10.0.0.2:40004"), Resp: ap("192.0.2.7:7001"), Messages: []pcapgen.Message{
			pcapgen.Resp("AT 0 abcdefghij"),
		}, End: pcapgen.Close},
	)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := runTraceFiles(t, trace.Bytes(), map[string]string{"test.zeek": tfileScript}, "base/protocols/conn")
	want := `file_new, FAKU7yUt5jK0z4Q5i, TFILE
over, FAKU7yUt5jK0z4Q5i, CJKFoj4bpHEhTeaRoj, T
file_new, FGNq4s1rMA8oRfQDq3, TFILE
over, FGNq4s1rMA8oRfQDq3, CJKFoj4bpHEhTeaRoj, F
sniff, FGNq4s1rMA8oRfQDq3, text/plain
chunk, FGNq4s1rMA8oRfQDq3, 0, 11
remove, FGNq4s1rMA8oRfQDq3, 11, 0
sniff, FAKU7yUt5jK0z4Q5i, text/html
chunk, FAKU7yUt5jK0z4Q5i, 0, 13
remove, FAKU7yUt5jK0z4Q5i, 13, 0
file_new, FiUv4g4UKWaxlJRtu5, TFILE
over, FiUv4g4UKWaxlJRtu5, CRdT6w4PA64qWKmBk3, F
sniff, FiUv4g4UKWaxlJRtu5, -
chunk, FiUv4g4UKWaxlJRtu5, 0, 9
gap, FiUv4g4UKWaxlJRtu5, 9, 5
chunk, FiUv4g4UKWaxlJRtu5, 14, 5
remove, FiUv4g4UKWaxlJRtu5, 14, 5
file_new, FoqCBV24e3bo3lepP1, TFILE
over, FoqCBV24e3bo3lepP1, Cj5C653qaTXsxKtqD2, F
sniff, FoqCBV24e3bo3lepP1, -
chunk, FoqCBV24e3bo3lepP1, 50, 10
over, FoqCBV24e3bo3lepP1, CJioLj2aEkGc9R3T0b, F
chunk, FoqCBV24e3bo3lepP1, 0, 10
timeout, FoqCBV24e3bo3lepP1
remove, FoqCBV24e3bo3lepP1, 20, 40
`
	if got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
	log, err := os.ReadFile("files.log")
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(string(log), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			rows = append(rows, l)
		}
	}
	wantRows := `1704067200.050000	FGNq4s1rMA8oRfQDq3	CJKFoj4bpHEhTeaRoj	10.0.0.2	40001	192.0.2.7	7000	TFILE	0	MD5,SHA1,EXTRACT,DATA_EVENT	text/plain	-	0.020000	T	F	11	11	0	0	F	-	5eb63bbbe01eeed093cb22bb8f5acdc3	2aae6c35c94fcfb415dbe95f408b9ce91ee846ed	-	FGNq4s1rMA8oRfQDq3-file	F	-
1704067200.030000	FAKU7yUt5jK0z4Q5i	CJKFoj4bpHEhTeaRoj	10.0.0.2	40001	192.0.2.7	7000	TFILE	0	MD5,SHA1,EXTRACT,DATA_EVENT	text/html	-	0.000000	T	T	13	-	0	0	F	-	c0a264c40601a0d085fa070277e53062	40d1e3c8f3eb24d9eec649658d90a887456399d6	-	FAKU7yUt5jK0z4Q5i-file	F	-
1704067200.150000	FiUv4g4UKWaxlJRtu5	CRdT6w4PA64qWKmBk3	10.0.0.2	40002	192.0.2.7	7000	TFILE	0	MD5,SHA1,EXTRACT,DATA_EVENT	-	-	0.040000	T	F	14	-	5	0	F	-	-	-	-	FiUv4g4UKWaxlJRtu5-file	F	-
1704067200.270000	FoqCBV24e3bo3lepP1	Cj5C653qaTXsxKtqD2	10.0.0.2	40003	192.0.2.7	7001	TFILE	0	MD5,SHA1,EXTRACT,DATA_EVENT	-	-	0.100000	T	F	20	100	40	0	T	-	-	-	-	FoqCBV24e3bo3lepP1-file	F	-
1704067200.270000	FoqCBV24e3bo3lepP1	CJioLj2aEkGc9R3T0b	10.0.0.2	40004	192.0.2.7	7001	TFILE	0	MD5,SHA1,EXTRACT,DATA_EVENT	-	-	0.100000	T	F	20	100	40	0	T	-	-	-	-	FoqCBV24e3bo3lepP1-file	F	-
`
	if g := strings.Join(rows, "\n") + "\n"; g != wantRows {
		t.Errorf("files.log rows:\n%s\nwant:\n%s", g, wantRows)
	}
	if b, _ := os.ReadFile("FGNq4s1rMA8oRfQDq3-file"); string(b) != "hello world" {
		t.Errorf("extracted %q", b)
	}
}
