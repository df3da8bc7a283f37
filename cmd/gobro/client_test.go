package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ws "github.com/coder/websocket"

	"github.com/gobro/gobro/runtime/broker"
)

// freePort is a loopback TCP port nobody listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// subscribe connects to the WebSocket API on port (waiting for it to
// listen) with the given topics and returns the connection after the ack.
func subscribe(t *testing.T, port int, topics ...string) *ws.Conn {
	t.Helper()
	url := fmt.Sprintf("ws://127.0.0.1:%d/v1/messages/json", port)
	deadline := time.Now().Add(20 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		c, err := dialAPI(ctx, url, "", topics)
		cancel()
		if err == nil {
			t.Cleanup(func() { c.CloseNow() })
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("cannot subscribe: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRemoteIntelRemoval is the seed's remote removal end to end: gobro
// reads a trace with an indicator loaded from a file; at its first hit it
// tells a subscriber and waits; the operator removes the indicator with
// "gobro client publish"; the rest of the trace no longer matches it.
func TestRemoteIntelRemoval(t *testing.T) {
	testdata := testdataDir(t)
	t.Chdir(t.TempDir())
	feed, err := os.ReadFile(filepath.Join(testdata, "websocket", "remote-removal.dat"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("remote-removal.dat", feed, 0o644)
	port := freePort(t)
	type result struct {
		code        int
		out, errout string
	}
	done := make(chan result, 1)
	go func() {
		var out, errout bytes.Buffer
		code := run([]string{"-b", "-D", "-r", filepath.Join(testdata, "pcap", "intel-days.pcap"),
			filepath.Join(testdata, "websocket", "remote-removal.zeek"), fmt.Sprintf("ws_port=%d/tcp", port)},
			strings.NewReader(""), &out, &errout)
		done <- result{code, out.String(), errout.String()}
	}()

	sub := subscribe(t, port, "test/hits")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, msg, err := sub.Read(ctx)
	if err != nil {
		t.Fatalf("waiting for the hit: %v", err)
	}
	topic, d, err := broker.ParseDataMessage(msg)
	ev, evErr := broker.ParseEvent(d)
	if err != nil || evErr != nil || topic != "test/hits" || ev.Name != "hit" || broker.Render(ev.Args[0]) != "192.0.2.80" {
		t.Fatalf("not the hit: %s (%v, %v)", msg, err, evErr)
	}

	var cout, cerr bytes.Buffer
	url := fmt.Sprintf("ws://127.0.0.1:%d/v1/messages/json", port)
	if code := run([]string{"client", "--url", url, "publish", "zeek/intel/remove", "Intel::remote_remove", `"192.0.2.80"`, "ADDR"},
		nil, &cout, &cerr); code != 0 {
		t.Fatalf("gobro client: %d: %s", code, cerr.String())
	}
	sub.Close(ws.StatusNormalClosure, "")

	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("gobro did not finish the trace")
	}
	// Zeek's reporter says when processing stops and goes on: at start
	// until the subscriber comes, and at the hit until the removal.
	wantErr := "processing suspended\nprocessing continued\n" +
		"1709251201.030000 processing suspended\n1709251201.030000 processing continued\n"
	if r.code != 0 || r.errout != wantErr {
		t.Fatalf("gobro: exit %d, stderr:\n%s", r.code, r.errout)
	}
	want := "hit, 192.0.2.80, 1709251201.03\nremoved, 192.0.2.80, ADDR, 1709251201.03\n"
	if r.out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", r.out, want)
	}
	log, err := os.ReadFile("intel.log")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join(testdata, "websocket", "remote-removal.intel.log"), maskOpenClose(string(log)))
}

// maskOpenClose hides the #open and #close times of a log.
func maskOpenClose(log string) string {
	lines := strings.Split(log, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#open") || strings.HasPrefix(l, "#close") {
			lines[i] = l[:strings.IndexByte(l, '\t')] + "\tXXXX"
		}
	}
	return strings.Join(lines, "\n")
}

// TestClientArgs: "gobro client publish" types its arguments by their
// form, or by a TYPE: prefix.
func TestClientArgs(t *testing.T) {
	for arg, want := range map[string]string{
		"T": "bool T", "42": "count 42", "-42": "integer -42", "+42": "integer 42", "1.5": "real 1.5",
		"10.0.0.1": "address 10.0.0.1", "10.0.0.0/8": "subnet 10.0.0.0/8", "53/udp": "port 53/udp",
		"5sec": "timespan 5.0 secs", `"10.0.0.1"`: "string 10.0.0.1", "evil.example.com": "string evil.example.com",
		"string:42": "string 42", "int:7": "integer 7", "enum:Intel::DOMAIN": "enum Intel::DOMAIN",
	} {
		d, err := parseArg(arg)
		if err != nil {
			t.Errorf("%s: %v", arg, err)
			continue
		}
		if got := d.Kind().String() + " " + broker.Render(d); got != want {
			t.Errorf("%s: %s, want %s", arg, got, want)
		}
	}
}

// TestClientSubscribe: "gobro client subscribe" prints the events of its
// topics as name(args), in Zeek notation, until the server ends.
func TestClientSubscribe(t *testing.T) {
	testdata := testdataDir(t)
	t.Chdir(t.TempDir())
	port := freePort(t)
	done := make(chan string, 1)
	go func() {
		var out, errout bytes.Buffer
		run([]string{"-b", filepath.Join(testdata, "websocket", "announce.zeek"), fmt.Sprintf("ws_port=%d/tcp", port)},
			strings.NewReader(""), &out, &errout)
		done <- out.String() + errout.String()
	}()
	url := fmt.Sprintf("ws://127.0.0.1:%d/v1/messages/json", port)
	var out, errout bytes.Buffer
	subscribed := make(chan int, 1)
	go func() {
		code := 1
		for start := time.Now(); code != 0 && time.Since(start) < 20*time.Second; {
			out.Reset()
			errout.Reset()
			if code = run([]string{"client", "--url", url, "subscribe", "zeek/notices/"}, nil, &out, &errout); code != 0 {
				time.Sleep(20 * time.Millisecond) // not listening yet
			}
		}
		subscribed <- code
	}()
	select {
	case code := <-subscribed:
		if code != 0 {
			t.Fatalf("gobro client subscribe: %d: %s", code, errout.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("gobro client subscribe did not end; so far:\n%s", out.String())
	}
	want := "zeek/notices/scan: notice(port scan, 42, 10.0.0.9, {22/tcp, 80/tcp})\n" +
		"zeek/notices/bye: notice(done, 1, 2001:db8::1, {53/udp})\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	if r := <-done; r != "" {
		t.Errorf("gobro printed: %s", r)
	}
}
