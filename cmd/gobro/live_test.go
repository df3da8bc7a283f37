//go:build linux

package main

import (
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/net/live/netnstest"
)

// TestLiveCapture runs gobro -i with a capture filter on one end of a
// veth pair in network namespaces it creates, while datagrams cross the
// link, and checks conn.log: only the filtered flow (IPv6 neighbour
// discovery on the link is filtered out), with every datagram counted. The script ends the run a few seconds after the first
// connection (network time follows the wall clock on a quiet link); a
// watchdog sends SIGTERM should that never happen. While it runs, a log
// the script writes at the first connection is already on disk: live
// runs flush their logs about once a second.
func TestLiveCapture(t *testing.T) {
	v := netnstest.NewVeth(t)
	t.Setenv("GOBRO_CACHE", "off")
	t.Setenv("TZ", "UTC")
	dir := t.TempDir()
	t.Chdir(dir)
	script := filepath.Join(dir, "stop.zeek")
	os.WriteFile(script, []byte(`
module Seen;
export {
	redef enum Log::ID += { LOG };
	type Info: record { uid: string &log; };
}
event zeek_init() { Log::create_stream(Seen::LOG, [$columns=Info, $path="seen"]); }

global stopping = F;
event stop() { terminate(); }
event new_connection(c: connection)
	{
	if ( stopping )
		return;
	stopping = T;
	Log::write(Seen::LOG, [$uid=c$uid]);
	schedule 3secs { stop() };
	}
`), 0o644)

	// The receiver in B, the sender in A; ARP is resolved by a first
	// exchange before the capture starts, so only our datagrams count.
	var rx, tx *net.UDPConn
	if err := netnstest.In(v.B, 10*time.Second, func() (err error) {
		rx, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(netnstest.IPB, 5301)))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer rx.Close()
	if err := netnstest.In(v.A, 10*time.Second, func() (err error) {
		tx, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(netnstest.IPA, 5300)))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	to := net.UDPAddrFromAddrPort(netip.AddrPortFrom(netnstest.IPB, 5301))
	tx.WriteToUDP([]byte("warm-up"), to)
	rx.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 64)
	if _, _, err := rx.ReadFromUDP(buf); err != nil {
		t.Fatalf("warm-up: %v", err)
	}

	done := make(chan int, 1)
	var stdout, stderr strings.Builder
	go func() {
		netnstest.In(v.A, time.Minute, func() error {
			// -C: veth leaves outgoing checksums to the (absent)
			// hardware, as offloading NICs do on live captures.
			done <- run([]string{"-b", "-C", "-i", "va", "-f", "udp port 5301", "base/protocols/conn", script}, strings.NewReader(""), &stdout, &stderr)
			return nil
		})
	}()
	time.Sleep(500 * time.Millisecond) // the capture is open by now
	const n = 5
	for i := 0; i < n; i++ {
		tx.WriteToUDP([]byte(fmt.Sprintf("datagram %d", i)), to)
		time.Sleep(20 * time.Millisecond)
	}
	// Well before the run ends, the first connection's line is in
	// seen.log.
	time.Sleep(1500 * time.Millisecond)
	if seen, _ := os.ReadFile("seen.log"); !strings.Contains(string(seen), "\nC") {
		t.Errorf("seen.log during the run: %q, want its first row flushed", seen)
	}
	var code int
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		syscall.Kill(os.Getpid(), syscall.SIGTERM) // gobro's handler ends the run
		code = <-done
		t.Error("the run did not end by itself")
	}
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	log, err := os.ReadFile("conn.log")
	if err != nil {
		t.Fatalf("no conn.log: %v (stderr %s)", err, stderr.String())
	}
	var rows []string
	for _, l := range strings.Split(string(log), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 1 {
		t.Fatalf("conn.log rows: %q", rows)
	}
	f := strings.Split(rows[0], "\t")
	// id.orig_h id.orig_p id.resp_h id.resp_p proto ... orig_pkts
	if got := strings.Join(f[2:7], " "); got != "192.0.2.1 5300 192.0.2.2 5301 udp" {
		t.Errorf("connection %q", got)
	}
	if f[11] != "S0" || f[16] != fmt.Sprint(n) {
		t.Errorf("conn_state %s, orig_pkts %s; want S0, %d (row %q)", f[11], f[16], n, rows[0])
	}
}
