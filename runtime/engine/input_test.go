package engine

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/frontend"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// Tests of polled input streams that need Go to drive the run: files
// changed from outside the script, Stop, how long a run waits. Script
// tests (testdata/run/input-watch-*.zeek) cover the rest.

// syncBuffer is an output a test reads while the engine writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// inputRun is a script run on its own goroutine, in a fresh directory.
type inputRun struct {
	t        *testing.T
	e        *Engine
	out, err syncBuffer
	done     chan struct{}
}

// inputDeadline bounds every wait of these tests: reached, the run is
// stopped and the test fails, rather than hang.
const inputDeadline = 30 * time.Second

// startInput writes the files into a fresh directory and runs the script
// there, its input sources looked at every heartbeat.
func startInput(t *testing.T, script string, files map[string]string, heartbeat time.Duration) *inputRun {
	t.Helper()
	return startInputTrace(t, script, files, heartbeat, "")
}

// startInputTrace is startInput reading a trace (an absolute path) too.
func startInputTrace(t *testing.T, script string, files map[string]string, heartbeat time.Duration, trace string) *inputRun {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	for name, content := range files {
		writeFile(t, name, content)
	}
	res := frontend.Load(&frontend.Config{Bare: true, Stdin: []byte(script), CacheDir: t.TempDir()})
	if res.Diags.HasErrors() {
		var b strings.Builder
		res.Diags.Print(&b, res.Sources())
		t.Fatal(b.String())
	}
	r := &inputRun{t: t, done: make(chan struct{})}
	r.e = New(res.Program, &r.out, &r.err)
	r.e.Getenv = func(string) string { return "" }
	r.e.InputHeartbeat = heartbeat
	if trace != "" {
		src, err := gnet.Open(trace)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { src.Close() })
		r.e.SetPacketInput(PacketInput{Source: src, UIDs: uid.NewDeterministic()})
	}
	go func() {
		defer close(r.done)
		r.e.Run()
	}()
	t.Cleanup(func() {
		r.e.Stop()
		<-r.done
	})
	return r
}

// waitOutput waits until stdout contains s.
func (r *inputRun) waitOutput(s string) {
	r.t.Helper()
	for deadline := time.Now().Add(inputDeadline); !strings.Contains(r.out.String(), s); {
		if time.Now().After(deadline) {
			r.t.Fatalf("no %q in output:\n%s", s, r.out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// finish waits for the run to end and checks its output.
func (r *inputRun) finish(stdout, stderr string) {
	r.t.Helper()
	select {
	case <-r.done:
	case <-time.After(inputDeadline):
		r.t.Fatalf("the run did not end; output:\n%s", r.out.String())
	}
	if got := r.out.String(); got != stdout {
		r.t.Errorf("stdout:\n%s--- want ---\n%s", got, stdout)
	}
	if got := r.err.String(); got != stderr {
		r.t.Errorf("stderr:\n%s--- want ---\n%s", got, stderr)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replaceFile puts a new version of a file in place by an atomic rename.
func replaceFile(t *testing.T, name, content string) {
	t.Helper()
	writeFile(t, name+".new", content)
	if err := os.Rename(name+".new", name); err != nil {
		t.Fatal(err)
	}
}

const hostsScript = `
type Idx: record { ip: addr; };
type Val: record { name: string; };
global hosts: table[addr] of Val = table();
global reads = 0;

event entry(desc: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	print "entry", tpe, left$ip, right$name;
	}

event zeek_init()
	{
	Input::add_table([$source="hosts.dat", $name="hosts", $idx=Idx, $val=Val, $destination=hosts,
	                  $ev=entry, $mode=Input::REREAD]);
	}

event zeek_done()
	{
	print "zeek_done", |hosts|;
	}
`

var hostsFiles = map[string]string{"hosts.dat": "#fields\tip\tname\n10.0.0.1\talpha\n10.0.0.2\tbeta\n"}

// TestInputRereadFromOutside: with exit_only_after_terminate the run
// waits for the REREAD stream, which sees a new version of its file put
// in place by another program.
func TestInputRereadFromOutside(t *testing.T) {
	r := startInput(t, `redef exit_only_after_terminate = T;`+hostsScript+`
event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", ++reads;
	if ( reads == 2 )
		terminate();
	}
`, hostsFiles, 10*time.Millisecond)
	r.waitOutput("end_of_data, 1\n")
	replaceFile(t, "hosts.dat", "#fields\tip\tname\n10.0.0.2\tBETA\n10.0.0.3\tgamma\n")
	r.finish(`entry, Input::EVENT_NEW, 10.0.0.1, alpha
entry, Input::EVENT_NEW, 10.0.0.2, beta
end_of_data, 1
entry, Input::EVENT_CHANGED, 10.0.0.2, beta
entry, Input::EVENT_NEW, 10.0.0.3, gamma
entry, Input::EVENT_REMOVED, 10.0.0.1, alpha
end_of_data, 2
zeek_done, 2
`, "")
}

// TestInputForceUpdatePolled: force_update makes a REREAD stream look at
// its file now, not at the next heartbeat (an hour away here).
func TestInputForceUpdatePolled(t *testing.T) {
	r := startInput(t, `redef exit_only_after_terminate = T;`+hostsScript+`
event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", ++reads;
	if ( reads == 2 )
		{
		terminate();
		return;
		}
	local f = open("hosts.new");
	write_file(f, "#fields\tip\tname\n10.0.0.1\talpha\n");
	close(f);
	rename("hosts.new", "hosts.dat");
	Input::force_update("hosts");
	}
`, hostsFiles, time.Hour)
	r.finish(`entry, Input::EVENT_NEW, 10.0.0.1, alpha
entry, Input::EVENT_NEW, 10.0.0.2, beta
end_of_data, 1
entry, Input::EVENT_REMOVED, 10.0.0.2, beta
end_of_data, 2
zeek_done, 1
`, "")
}

// TestInputRemoveEndsWait: once its stream is removed there is nothing
// left to wait for, and the run ends by itself.
func TestInputRemoveEndsWait(t *testing.T) {
	r := startInput(t, `redef exit_only_after_terminate = T;`+hostsScript+`
event Input::end_of_data(name: string, source: string)
	{
	print "remove", Input::remove(name), Input::remove(name);
	}
`, hostsFiles, 10*time.Millisecond)
	r.finish(`entry, Input::EVENT_NEW, 10.0.0.1, alpha
entry, Input::EVENT_NEW, 10.0.0.2, beta
remove, T, F
zeek_done, 2
`, "")
}

// TestInputStopWhileWaiting: Stop (SIGINT) ends a run waiting for input.
func TestInputStopWhileWaiting(t *testing.T) {
	r := startInput(t, `redef exit_only_after_terminate = T;`+hostsScript+`
event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data";
	}
`, hostsFiles, 10*time.Millisecond)
	r.waitOutput("end_of_data\n")
	r.e.Stop()
	r.finish(`entry, Input::EVENT_NEW, 10.0.0.1, alpha
entry, Input::EVENT_NEW, 10.0.0.2, beta
end_of_data
zeek_done, 2
`, "")
}

// TestInputNoWaitWithoutTerminate: without exit_only_after_terminate (or
// a live interface) Zeek does not wait for input streams: the run ends
// after the first read.
func TestInputNoWaitWithoutTerminate(t *testing.T) {
	r := startInput(t, hostsScript+`
event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data";
	}
`, hostsFiles, 10*time.Millisecond)
	r.finish(`entry, Input::EVENT_NEW, 10.0.0.1, alpha
entry, Input::EVENT_NEW, 10.0.0.2, beta
end_of_data
zeek_done, 2
`, "")
}

// TestInputFatalEndsPolling: with fail_on_file_problem a file that
// disappears is an error that stops the stream; nothing is left to wait
// for.
func TestInputFatalEndsPolling(t *testing.T) {
	r := startInput(t, `redef exit_only_after_terminate = T;
redef InputAscii::fail_on_file_problem = T;`+hostsScript+`
event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", unlink(source);
	}
`, hostsFiles, 10*time.Millisecond)
	r.finish(`entry, Input::EVENT_NEW, 10.0.0.1, alpha
entry, Input::EVENT_NEW, 10.0.0.2, beta
end_of_data, T
zeek_done, 2
`, "error: hosts.dat/Input::READER_ASCII: hosts.dat: Could not get stat for hosts.dat\n")
}

// TestSuspendUntilInput: suspend_processing holds the packets back until
// an input stream, whose file appears only after a while, has been read
// and the script continues processing; then the trace is analysed with
// the table filled.
func TestSuspendUntilInput(t *testing.T) {
	trace, err := filepath.Abs("../../testdata/pcap/sample.pcap")
	if err != nil {
		t.Fatal(err)
	}
	r := startInputTrace(t, `
type Idx: record { ip: addr; };
global hosts: set[addr] = set();
event zeek_init()
	{
	suspend_processing();
	Input::add_table([$source="hosts.txt", $name="hosts", $idx=Idx, $destination=hosts, $mode=Input::REREAD]);
	}
event Input::end_of_data(name: string, source: string)
	{
	print "loaded", |hosts|;
	continue_processing();
	}
event new_connection(c: connection)
	{
	print "connection", c$id$resp_p, c$id$orig_h in hosts;
	}
`, nil, 10*time.Millisecond, trace)
	time.Sleep(50 * time.Millisecond)
	if out := r.out.String(); out != "" {
		t.Fatalf("packets analysed while suspended:\n%s", out)
	}
	writeFile(t, "hosts.txt", "#fields\tip\n10.0.0.2\n")
	r.finish("loaded, 1\n"+
		"connection, 80/tcp, T\nconnection, 25/tcp, T\nconnection, 53/udp, T\n"+
		"connection, 0/icmp, T\nconnection, 9999/udp, T\n",
		"processing suspended\nwarning: hosts.txt/Input::READER_ASCII: Init: cannot open hosts.txt\nprocessing continued\n")
}
