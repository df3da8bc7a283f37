//go:build linux

package live

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/gobro/gobro/runtime/net/live/netnstest"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	gnet "github.com/gobro/gobro/runtime/net"
)

// The tests capture real traffic, but only inside network namespaces they
// create (and delete) themselves: a veth pair whose ends sit in two
// namespaces, A and B, so that traffic between them really crosses the
// link (two addresses in one namespace would be routed over loopback).
//
//	netns A: va 192.0.2.1/24  <--veth-->  vb 192.0.2.2/24 :netns B
//
// The capture runs on va, so A->B datagrams are outgoing and B->A ones
// incoming. Everything is bounded by timeouts.

const (
	portA  = 40001
	portB  = 40002
	portB2 = 40003
)

// testRing is the ring size the tests use unless they say otherwise: the
// default (Zeek's 128 MB) is needlessly large for them.
const testRing = 4 << 20

// openIn opens a capture inside ns and closes it at the end of the test.
func openIn(t testing.TB, ns, iface string, o Options) *Capture {
	t.Helper()
	if o.BufferSize == 0 {
		o.BufferSize = testRing
	}
	var c *Capture
	err := netnstest.In(ns, 10*time.Second, func() (err error) {
		c, err = Open(iface, o)
		return err
	})
	if err != nil {
		t.Fatalf("Open(%s): %v", iface, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func listenUDP(t testing.TB, ns string, ip netip.Addr, port int) *net.UDPConn {
	t.Helper()
	var conn *net.UDPConn
	err := netnstest.In(ns, 10*time.Second, func() (err error) {
		conn, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(ip, uint16(port))))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// endpoints are UDP sockets on both sides, with ARP already resolved so
// that captures see only the datagrams a test sends.
type endpoints struct {
	a, b, b2 *net.UDPConn
}

func newEndpoints(t testing.TB, v *netnstest.Veth) *endpoints {
	t.Helper()
	e := &endpoints{
		a:  listenUDP(t, v.A, netnstest.IPA, portA),
		b:  listenUDP(t, v.B, netnstest.IPB, portB),
		b2: listenUDP(t, v.B, netnstest.IPB, portB2),
	}
	send(t, e.a, netnstest.IPB, portB, []byte("warm-up"))
	recvUDP(t, e.b)
	send(t, e.b, netnstest.IPA, portA, []byte("warm-up"))
	recvUDP(t, e.a)
	return e
}

func send(t testing.TB, c *net.UDPConn, ip netip.Addr, port int, payload []byte) {
	t.Helper()
	if _, err := c.WriteToUDPAddrPort(payload, netip.AddrPortFrom(ip, uint16(port))); err != nil {
		t.Fatal(err)
	}
}

func recvUDP(t testing.TB, c *net.UDPConn) []byte {
	t.Helper()
	buf := make([]byte, 2048)
	c.SetReadDeadline(time.Now().Add(3 * time.Second))
	n, _, err := c.ReadFromUDPAddrPort(buf)
	if err != nil {
		t.Fatalf("datagram not delivered: %v", err)
	}
	return buf[:n]
}

type udpFrame struct {
	src, dst     netip.Addr
	sport, dport uint16
	ipLen        int
	payload      []byte
}

// parseUDP decodes an Ethernet/IPv4/UDP frame (as far as it was captured).
func parseUDP(b []byte) (udpFrame, bool) {
	if len(b) < 14+20+8 || binary.BigEndian.Uint16(b[12:]) != 0x0800 {
		return udpFrame{}, false
	}
	ip := b[14:]
	ihl := int(ip[0]&0x0f) * 4
	if ip[9] != 17 || len(ip) < ihl+8 {
		return udpFrame{}, false
	}
	u := ip[ihl:]
	return udpFrame{
		src:     netip.AddrFrom4([4]byte(ip[12:16])),
		dst:     netip.AddrFrom4([4]byte(ip[16:20])),
		sport:   binary.BigEndian.Uint16(u[0:]),
		dport:   binary.BigEndian.Uint16(u[2:]),
		ipLen:   int(binary.BigEndian.Uint16(ip[2:])),
		payload: u[8:],
	}, true
}

// collect reads packets until the capture has been quiet for one read
// timeout after want packets matched keep, or until limit passes. Later
// duplicates are therefore still seen.
func collect(t testing.TB, c *Capture, want int, keep func(p *gnet.RawPacket) bool, limit time.Duration) []gnet.RawPacket {
	t.Helper()
	var out []gnet.RawPacket
	deadline := time.Now().Add(limit)
	var p gnet.RawPacket
	for time.Now().Before(deadline) {
		err := c.Next(&p)
		if errors.Is(err, gnet.ErrTimeout) {
			if len(out) >= want {
				return out
			}
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if keep(&p) {
			q := p
			q.Data = bytes.Clone(p.Data)
			out = append(out, q)
		}
	}
	t.Fatalf("captured %d of %d packets within %v", len(out), want, limit)
	return nil
}

func isTestUDP(p *gnet.RawPacket) bool {
	u, ok := parseUDP(p.Data)
	return ok && (u.dport == portA || u.dport == portB || u.dport == portB2) && !bytes.Equal(u.payload, []byte("warm-up"))
}

func payload(dir string, i, size int) []byte {
	s := fmt.Sprintf("gobro %s #%03d ", dir, i)
	for len(s) < size {
		s += "."
	}
	return []byte(s[:size])
}

// TestBothDirections: every datagram is captured exactly once per
// direction, intact, with its wire length and a kernel timestamp.
func TestBothDirections(t *testing.T) {
	v := netnstest.NewVeth(t)
	e := newEndpoints(t, v)
	c := openIn(t, v.A, "va", Options{Timeout: 100 * time.Millisecond, BufferSize: DefaultBufferSize})
	if c.LinkType() != layers.LinkTypeEthernet || !c.Live() || c.Name() != "va" || c.Snaplen() != DefaultSnaplen {
		t.Fatalf("LinkType %v Live %v Name %q Snaplen %d", c.LinkType(), c.Live(), c.Name(), c.Snaplen())
	}

	const n = 50
	start := time.Now()
	for i := range n {
		send(t, e.a, netnstest.IPB, portB, payload("A->B", i, 40))
		recvUDP(t, e.b)
		send(t, e.b, netnstest.IPA, portA, payload("B->A", i, 40+i%7))
		recvUDP(t, e.a)
	}
	end := time.Now()
	// Read only later: timestamps must still be the times on the link.
	time.Sleep(50 * time.Millisecond)

	got := collect(t, c, 2*n, isTestUDP, 5*time.Second)
	seen := map[string]int{}
	var last time.Time
	for _, p := range got {
		u, _ := parseUDP(p.Data)
		seen[string(u.payload)]++
		switch {
		case u.src == netnstest.IPA && u.dst == netnstest.IPB && u.dport == portB && bytes.HasPrefix(u.payload, []byte("gobro A->B")):
		case u.src == netnstest.IPB && u.dst == netnstest.IPA && u.dport == portA && bytes.HasPrefix(u.payload, []byte("gobro B->A")):
		default:
			t.Errorf("unexpected datagram %v:%d -> %v:%d %q", u.src, u.sport, u.dst, u.dport, u.payload)
		}
		if want := 14 + 20 + 8 + len(u.payload); p.WireLen != want || p.CapLen != want || len(p.Data) != want {
			t.Errorf("%q: WireLen %d CapLen %d len %d, want %d", u.payload, p.WireLen, p.CapLen, len(p.Data), want)
		}
		if p.LinkType != layers.LinkTypeEthernet {
			t.Errorf("packet LinkType %v", p.LinkType)
		}
		if p.Timestamp.Before(start) || p.Timestamp.After(end) {
			t.Errorf("%q: timestamp %v outside [%v, %v]", u.payload, p.Timestamp, start, end)
		}
		if p.Timestamp.Before(last) {
			t.Errorf("%q: timestamp %v before previous %v", u.payload, p.Timestamp, last)
		}
		last = p.Timestamp
	}
	for i := range n {
		for _, pl := range [][]byte{payload("A->B", i, 40), payload("B->A", i, 40+i%7)} {
			if seen[string(pl)] != 1 {
				t.Errorf("%q captured %d times, want once", pl, seen[string(pl)])
			}
		}
	}

	recv, drop, err := c.Stats()
	if err != nil || recv < 2*n || drop != 0 {
		t.Errorf("Stats = %d, %d, %v; want >= %d received, 0 dropped", recv, drop, err, 2*n)
	}
	recv2, _, _ := c.Stats()
	if recv2 < recv {
		t.Errorf("Stats not cumulative: %d then %d", recv, recv2)
	}
}

// udpDstPortFilter accepts IPv4 UDP (unfragmented or first fragment) to
// port on Ethernet, returning ret.
func udpDstPortFilter(t testing.TB, port uint32, ret uint32) []bpf.RawInstruction {
	t.Helper()
	prog, err := bpf.Assemble([]bpf.Instruction{
		bpf.LoadAbsolute{Off: 12, Size: 2},                           // EtherType
		bpf.JumpIf{Cond: bpf.JumpNotEqual, Val: 0x0800, SkipTrue: 6}, // not IPv4
		bpf.LoadAbsolute{Off: 23, Size: 1},                           // IP protocol
		bpf.JumpIf{Cond: bpf.JumpNotEqual, Val: 17, SkipTrue: 4},     // not UDP
		bpf.LoadMemShift{Off: 14},                                    // X = IP header length
		bpf.LoadIndirect{Off: 14 + 2, Size: 2},                       // UDP destination port
		bpf.JumpIf{Cond: bpf.JumpNotEqual, Val: port, SkipTrue: 1},
		bpf.RetConstant{Val: ret},
		bpf.RetConstant{Val: 0},
	})
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// TestFilter: the kernel filter given to Open keeps only UDP to portB.
func TestFilter(t *testing.T) {
	v := netnstest.NewVeth(t)
	e := newEndpoints(t, v)
	c := openIn(t, v.A, "va", Options{Filter: udpDstPortFilter(t, portB, 262144), Timeout: 100 * time.Millisecond})

	const n = 20
	for i := range n {
		send(t, e.a, netnstest.IPB, portB, payload("to-B", i, 30))
		send(t, e.a, netnstest.IPB, portB2, payload("to-B2", i, 30))
		send(t, e.b, netnstest.IPA, portA, payload("to-A", i, 30))
	}
	for range n {
		recvUDP(t, e.b)
		recvUDP(t, e.b2)
		recvUDP(t, e.a)
	}
	got := collect(t, c, n, func(*gnet.RawPacket) bool { return true }, 5*time.Second)
	if len(got) != n {
		t.Errorf("captured %d packets, want %d", len(got), n)
	}
	for i, p := range got {
		u, ok := parseUDP(p.Data)
		if !ok || u.dport != portB || !bytes.Equal(u.payload, payload("to-B", i, 30)) {
			t.Errorf("packet %d passed the filter: %x", i, p.Data)
		}
	}

	// Replace the filter at run time: now only portB2.
	if err := c.SetFilter(udpDstPortFilter(t, portB2, 262144)); err != nil {
		t.Fatal(err)
	}
	send(t, e.a, netnstest.IPB, portB, []byte("after: to-B"))
	send(t, e.a, netnstest.IPB, portB2, []byte("after: to-B2"))
	recvUDP(t, e.b)
	recvUDP(t, e.b2)
	got = collect(t, c, 1, func(*gnet.RawPacket) bool { return true }, 5*time.Second)
	if u, ok := parseUDP(got[0].Data); len(got) != 1 || !ok || string(u.payload) != "after: to-B2" {
		t.Errorf("after SetFilter captured %d packets, first %x", len(got), got[0].Data)
	}
	if err := c.SetFilter(nil); err != nil {
		t.Errorf("SetFilter(nil): %v", err)
	}
}

// TestSnaplen: a long packet is cut to the snapshot length but keeps its
// wire length; a filter returning fewer bytes cuts further, as with
// libpcap, and WireLen stays the full length.
func TestSnaplen(t *testing.T) {
	v := netnstest.NewVeth(t)
	e := newEndpoints(t, v)
	const snap = 64
	c := openIn(t, v.A, "va", Options{Snaplen: snap, Filter: udpDstPortFilter(t, portB, 262144)})
	c20 := openIn(t, v.A, "va", Options{Snaplen: snap, Filter: udpDstPortFilter(t, portB, 20)})

	long := payload("long", 0, 200)
	send(t, e.a, netnstest.IPB, portB, long)
	send(t, e.a, netnstest.IPB, portB, long[:10])
	recvUDP(t, e.b)
	recvUDP(t, e.b)
	wireLong, wireShort := 14+20+8+len(long), 14+20+8+10

	got := collect(t, c, 2, func(*gnet.RawPacket) bool { return true }, 5*time.Second)
	if len(got) != 2 {
		t.Fatalf("captured %d packets, want 2", len(got))
	}
	p := got[0]
	if p.CapLen != snap || len(p.Data) != snap || p.WireLen != wireLong {
		t.Errorf("CapLen %d len %d WireLen %d, want %d %d %d", p.CapLen, len(p.Data), p.WireLen, snap, snap, wireLong)
	}
	if u, ok := parseUDP(p.Data); !ok || u.ipLen != 20+8+len(long) || !bytes.Equal(u.payload, long[:snap-42]) {
		t.Errorf("truncated frame wrong: %x", p.Data)
	}
	if p = got[1]; p.CapLen != wireShort || p.WireLen != wireShort {
		t.Errorf("short packet: CapLen %d WireLen %d, want %d", p.CapLen, p.WireLen, wireShort)
	}

	got = collect(t, c20, 2, func(*gnet.RawPacket) bool { return true }, 5*time.Second)
	if len(got) != 2 || got[0].CapLen != 20 || len(got[0].Data) != 20 || got[0].WireLen != wireLong ||
		got[1].CapLen != 20 || got[1].WireLen != wireShort {
		t.Errorf("filter returning 20: %d packets, CapLen %d/%d WireLen %d/%d", len(got), got[0].CapLen, got[1].CapLen, got[0].WireLen, got[1].WireLen)
	}
}

// TestVLAN: a tag that the kernel strips on receive is put back.
func TestVLAN(t *testing.T) {
	v := netnstest.NewVeth(t)
	c := openIn(t, v.A, "va", Options{})

	// Inject an 802.1Q-tagged frame (VID 10, priority 3, an experimental
	// EtherType) on vb; va receives it and the kernel untags it.
	frame := []byte{
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // broadcast
		0x02, 0, 0, 0, 0, 0x01, // locally administered source
		0x81, 0x00, 0x60, 0x0a, // 802.1Q, PCP 3, VID 10
		0x88, 0xb5, // local experimental EtherType
	}
	frame = append(frame, []byte("gobro vlan test frame, long enough for ethernet")...)
	err := netnstest.In(v.B, 10*time.Second, func() error {
		fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return err
		}
		defer unix.Close(fd)
		ifi, err := net.InterfaceByName("vb")
		if err != nil {
			return err
		}
		return unix.Sendto(fd, frame, 0, &unix.SockaddrLinklayer{Ifindex: ifi.Index, Halen: 6, Addr: [8]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}})
	})
	if err != nil {
		t.Fatal(err)
	}
	got := collect(t, c, 1, func(p *gnet.RawPacket) bool { return bytes.Contains(p.Data, []byte("gobro vlan test")) }, 5*time.Second)
	if len(got) != 1 || !bytes.Equal(got[0].Data, frame) || got[0].WireLen != len(frame) || got[0].CapLen != len(frame) {
		t.Errorf("captured %d frames; first (wire %d):\n got %x\nwant %x", len(got), got[0].WireLen, got[0].Data, frame)
	}
}

// TestLoopback: loopback is Ethernet, and each packet is captured once
// although the kernel passes it to packet sockets on the way out and in.
func TestLoopback(t *testing.T) {
	ns := netnstest.New(t)
	lo := netip.MustParseAddr("127.0.0.1")
	a := listenUDP(t, ns, lo, portA)
	b := listenUDP(t, ns, lo, portB)
	c := openIn(t, ns, "lo", Options{})
	if c.LinkType() != layers.LinkTypeEthernet {
		t.Errorf("loopback LinkType %v, want Ethernet", c.LinkType())
	}
	const n = 10
	for i := range n {
		send(t, a, lo, portB, payload("lo", i, 20))
		recvUDP(t, b)
	}
	got := collect(t, c, n, isTestUDP, 5*time.Second)
	if len(got) != n {
		t.Errorf("captured %d packets on loopback, want %d", len(got), n)
	}
	for i, p := range got {
		if u, _ := parseUDP(p.Data); !bytes.Equal(u.payload, payload("lo", i, 20)) {
			t.Errorf("packet %d: %q", i, u.payload)
		}
	}
}

// TestTimeout: with no traffic Next returns ErrTimeout after about the read
// timeout, and keeps doing so.
func TestTimeout(t *testing.T) {
	ns := netnstest.New(t)
	c := openIn(t, ns, "lo", Options{Timeout: 50 * time.Millisecond})
	var p gnet.RawPacket
	for i := range 3 {
		t0 := time.Now()
		err := c.Next(&p)
		d := time.Since(t0)
		if !errors.Is(err, gnet.ErrTimeout) {
			t.Fatalf("Next #%d = %v, want ErrTimeout", i, err)
		}
		if d < 40*time.Millisecond || d > 2*time.Second {
			t.Errorf("Next #%d timed out after %v, want about 50ms", i, d)
		}
	}
}

// TestClose: Close wakes a waiting Next, which returns io.EOF; later calls
// are harmless.
func TestClose(t *testing.T) {
	ns := netnstest.New(t)
	c := openIn(t, ns, "lo", Options{Timeout: time.Minute})
	res := make(chan error, 1)
	go func() {
		var p gnet.RawPacket
		res <- c.Next(&p)
	}()
	time.Sleep(50 * time.Millisecond)
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case err := <-res:
		if err != io.EOF {
			t.Errorf("Next during Close = %v, want io.EOF", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not wake Next")
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	var p gnet.RawPacket
	if err := c.Next(&p); err != io.EOF {
		t.Errorf("Next after Close = %v, want io.EOF", err)
	}
	if _, _, err := c.Stats(); err == nil {
		t.Error("Stats after Close succeeded")
	}
}

// TestPromisc: promiscuous mode lasts exactly as long as the capture.
func TestPromisc(t *testing.T) {
	v := netnstest.NewVeth(t)
	promiscuity := func() string {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, "ip", "-n", v.A, "-d", "link", "show", "va").CombinedOutput()
		if err != nil {
			t.Fatalf("ip link show: %v: %s", err, out)
		}
		f := strings.Fields(string(out))
		for i := range f[:len(f)-1] {
			if f[i] == "promiscuity" {
				return f[i+1]
			}
		}
		t.Fatalf("no promiscuity in %s", out)
		return ""
	}
	if p := promiscuity(); p != "0" {
		t.Fatalf("promiscuity before Open = %s", p)
	}
	c := openIn(t, v.A, "va", Options{Promisc: true})
	if p := promiscuity(); p != "1" {
		t.Errorf("promiscuity while capturing = %s, want 1", p)
	}
	c.Close()
	if p := promiscuity(); p != "0" {
		t.Errorf("promiscuity after Close = %s, want 0", p)
	}
}

// TestNoSuchDevice: a missing interface gives Zeek's wording.
func TestNoSuchDevice(t *testing.T) {
	netnstest.RequireRoot(t)
	for _, name := range []string{"gobro-nosuch0", "an-interface-name-far-too-long-for-linux"} {
		_, err := Open(name, Options{})
		if !errors.Is(err, ErrNoSuchDevice) || !errors.Is(err, unix.ENODEV) {
			t.Fatalf("Open(%s) = %v, want ErrNoSuchDevice", name, err)
		}
		want := "problem with interface " + name + " (No such device exists (SIOCGIFINDEX: No such device))"
		if err.Error() != want {
			t.Errorf("error text\n got %s\nwant %s", err, want)
		}
	}
	if _, err := Open("", Options{}); err == nil {
		t.Error("Open(\"\") succeeded")
	}
	if _, err := Open("lo", Options{Snaplen: -1}); err == nil {
		t.Error("negative Snaplen accepted")
	}
}

// TestNotUp: an interface that is down is refused, as libpcap does.
func TestNotUp(t *testing.T) {
	ns := netnstest.New(t)
	netnstest.MustIP(t, "-n", ns, "link", "add", "vdown", "type", "veth", "peer", "name", "vdown2")
	err := netnstest.In(ns, 10*time.Second, func() error {
		c, err := Open("vdown", Options{})
		if err == nil {
			c.Close()
		}
		return err
	})
	if !errors.Is(err, ErrNotUp) || !strings.Contains(err.Error(), "problem with interface vdown (That device is not up") {
		t.Errorf("Open on a down interface = %v, want ErrNotUp", err)
	}
}

var errMayCapture = errors.New("may capture")

// TestPermission: without CAP_NET_RAW the error says what is needed. As
// root, the capability is dropped on one locked thread only (capabilities
// are per thread on Linux); that thread is then discarded.
func TestPermission(t *testing.T) {
	done := make(chan error, 1)
	go func() {
		if os.Geteuid() != 0 {
			c, err := Open("lo", Options{})
			if err == nil {
				c.Close()
				err = errMayCapture
			}
			done <- err
			return
		}
		runtime.LockOSThread() // never unlocked: the thread dies with the goroutine
		const capV3 = 0x20080522
		hdr := unix.CapUserHeader{Version: capV3}
		var data [2]unix.CapUserData
		if err := unix.Capget(&hdr, &data[0]); err != nil {
			done <- err
			return
		}
		data[0].Effective &^= 1 << unix.CAP_NET_RAW
		if err := unix.Capset(&hdr, &data[0]); err != nil {
			done <- err
			return
		}
		c, err := Open("lo", Options{})
		if err == nil {
			c.Close()
			err = errors.New("Open succeeded without CAP_NET_RAW")
		}
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("timed out")
	}
	if err == errMayCapture {
		t.Skip("this user may capture: cannot test the permission error")
	}
	if !errors.Is(err, ErrPermission) || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("Open without CAP_NET_RAW = %v, want ErrPermission", err)
	}
	want := "problem with interface lo (You don't have permission to capture on that device: capturing needs root or the CAP_NET_RAW capability (socket: Operation not permitted))"
	if err.Error() != want {
		t.Errorf("error text\n got %s\nwant %s", err, want)
	}
}

// TestNoAllocs: reading a queued packet allocates nothing.
func TestNoAllocs(t *testing.T) {
	v := netnstest.NewVeth(t)
	e := newEndpoints(t, v)
	c := openIn(t, v.A, "va", Options{Filter: udpDstPortFilter(t, portB, 262144)})
	const runs = 100
	pl := payload("alloc", 0, 32)
	for range runs + 10 {
		send(t, e.a, netnstest.IPB, portB, pl)
	}
	var p gnet.RawPacket
	var failed error
	allocs := testing.AllocsPerRun(runs, func() {
		if err := c.Next(&p); err != nil && failed == nil {
			failed = err
		}
	})
	if failed != nil {
		t.Fatal(failed)
	}
	if allocs != 0 {
		t.Errorf("Next allocates %.1f times per packet", allocs)
	}
}

// BenchmarkNext measures the capture side alone: packets already in the
// ring (small UDP datagrams sent over the veth beforehand) are read with
// Next. ns/op includes sending; the time spent in Next alone is reported
// as Next-ns/pkt and Next-pkts/s.
func BenchmarkNext(b *testing.B) {
	v := netnstest.NewVeth(b)
	e := newEndpoints(b, v)
	c := openIn(b, v.A, "va", Options{Filter: udpDstPortFilter(b, portB, 262144)})
	pl := payload("bench", 0, 18) // 60-byte frames, the Ethernet minimum
	var p gnet.RawPacket
	var inNext time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; {
		batch := min(b.N-done, 5000)
		for range batch {
			send(b, e.a, netnstest.IPB, portB, pl)
		}
		// Let the kernel hand over the partly filled block (it does so
		// after retireTimeout), so that Next does not wait for it.
		time.Sleep(retireTimeout + 10*time.Millisecond)
		t0 := time.Now()
		for i := range batch {
			if err := c.Next(&p); err != nil {
				r, d, _ := c.Stats()
				b.Fatalf("packet %d of %d (batch from %d): %v; kernel: %d received, %d dropped", i, batch, done, err, r, d)
			}
		}
		inNext += time.Since(t0)
		done += batch
	}
	b.StopTimer()
	b.ReportMetric(float64(inNext.Nanoseconds())/float64(b.N), "Next-ns/pkt")
	b.ReportMetric(float64(b.N)/inNext.Seconds(), "Next-pkts/s")
}

// BenchmarkLive measures capture while a sender floods the veth with small
// datagrams at the same time (on two cores the sender, the kernel and the
// reader compete). It reports the packets captured per second and those the
// kernel dropped because the reader fell behind.
func BenchmarkLive(b *testing.B) {
	v := netnstest.NewVeth(b)
	e := newEndpoints(b, v)
	c := openIn(b, v.A, "va", Options{Filter: udpDstPortFilter(b, portB, 262144), Timeout: 200 * time.Millisecond})
	pl := payload("bench", 0, 18)
	dst := netip.AddrPortFrom(netnstest.IPB, portB)
	b.ResetTimer()
	go func() {
		for range b.N {
			if _, err := e.a.WriteToUDPAddrPort(pl, dst); err != nil {
				return
			}
		}
	}()
	var p gnet.RawPacket
	got := 0
	for got < b.N {
		err := c.Next(&p)
		if errors.Is(err, gnet.ErrTimeout) {
			break // the rest was dropped
		}
		if err != nil {
			b.Fatal(err)
		}
		got++
	}
	b.StopTimer()
	_, dropped, _ := c.Stats()
	b.ReportMetric(float64(got)/b.Elapsed().Seconds(), "captured/s")
	b.ReportMetric(float64(dropped), "dropped")
}

// newTun creates a tun device (no Ethernet header: ARPHRD_NONE) in ns, or,
// with hatype set, one whose ARP type is changed to hatype, up with address
// 198.51.100.1/24. It returns the device's file: what the test writes there
// the kernel receives on the device.
func newTun(t testing.TB, ns, name string, hatype int) *os.File {
	t.Helper()
	var tun *os.File
	err := netnstest.In(ns, 10*time.Second, func() error {
		fd, err := unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC, 0)
		if err != nil {
			return err
		}
		ifr, err := unix.NewIfreq(name)
		if err != nil {
			unix.Close(fd)
			return err
		}
		ifr.SetUint16(unix.IFF_TUN | unix.IFF_NO_PI)
		if err := unix.IoctlIfreq(fd, unix.TUNSETIFF, ifr); err != nil {
			unix.Close(fd)
			return fmt.Errorf("TUNSETIFF: %w", err)
		}
		if hatype != 0 {
			if err := unix.IoctlSetInt(fd, unix.TUNSETLINK, hatype); err != nil {
				unix.Close(fd)
				return fmt.Errorf("TUNSETLINK: %w", err)
			}
		}
		tun = os.NewFile(uintptr(fd), "/dev/net/tun")
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("no /dev/net/tun")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tun.Close() })
	netnstest.MustIP(t, "-n", ns, "addr", "add", "198.51.100.1/24", "dev", name)
	netnstest.MustIP(t, "-n", ns, "link", "set", name, "up")
	return tun
}

// ipv4UDP builds an IPv4/UDP packet (UDP checksum left out, as IPv4 allows).
func ipv4UDP(src, dst netip.Addr, sport, dport uint16, pl []byte) []byte {
	b := make([]byte, 28+len(pl))
	b[0], b[8], b[9] = 0x45, 64, 17
	binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
	copy(b[12:16], src.AsSlice())
	copy(b[16:20], dst.AsSlice())
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(b[10:], ^uint16(sum))
	binary.BigEndian.PutUint16(b[20:], sport)
	binary.BigEndian.PutUint16(b[22:], dport)
	binary.BigEndian.PutUint16(b[24:], uint16(8+len(pl)))
	copy(b[28:], pl)
	return b
}

// TestRawAndCooked: an interface without an Ethernet header is captured as
// raw IP (tun: ARPHRD_NONE), one with another link type as Linux cooked
// capture (a tun posing as PPP), in both directions.
func TestRawAndCooked(t *testing.T) {
	local := netip.MustParseAddr("198.51.100.1")
	peer := netip.MustParseAddr("198.51.100.2")
	for _, tc := range []struct {
		name   string
		hatype int
		link   layers.LinkType
		hdr    int
	}{
		{"raw", 0, layers.LinkTypeRaw, 0},
		{"cooked", unix.ARPHRD_PPP, layers.LinkTypeLinuxSLL, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ns := netnstest.New(t)
			tun := newTun(t, ns, "gtun", tc.hatype)
			sock := listenUDP(t, ns, local, portA)
			c := openIn(t, ns, "gtun", Options{})
			if c.LinkType() != tc.link {
				t.Fatalf("LinkType %v, want %v", c.LinkType(), tc.link)
			}
			out := []byte("gobro tun outgoing")
			send(t, sock, peer, portB, out)
			in := ipv4UDP(peer, local, portB, portA, []byte("gobro tun incoming"))
			if _, err := tun.Write(in); err != nil {
				t.Fatal(err)
			}
			recvUDP(t, sock)
			got := collect(t, c, 2, func(p *gnet.RawPacket) bool { return bytes.Contains(p.Data, []byte("gobro tun")) }, 5*time.Second)
			if len(got) != 2 {
				t.Fatalf("captured %d packets, want 2", len(got))
			}
			for i, p := range got {
				ip := p.Data[tc.hdr:]
				if p.LinkType != tc.link || p.WireLen != len(p.Data) || p.CapLen != len(p.Data) || len(ip) < 28 || ip[0] != 0x45 {
					t.Fatalf("packet %d: link %v wire %d cap %d data %x", i, p.LinkType, p.WireLen, p.CapLen, p.Data)
				}
				if i == 1 && !bytes.Equal(ip, in) {
					t.Errorf("incoming packet\n got %x\nwant %x", ip, in)
				}
				if i == 0 && !bytes.Equal(ip[28:], out) {
					t.Errorf("outgoing payload %q", ip[28:])
				}
				if tc.hdr == 0 {
					continue
				}
				// SLL: packet type, ARPHRD type, address length, address, protocol.
				h := p.Data[:16]
				wantType := []uint16{unix.PACKET_OUTGOING, unix.PACKET_HOST}[i]
				if binary.BigEndian.Uint16(h[0:]) != wantType || binary.BigEndian.Uint16(h[2:]) != unix.ARPHRD_PPP ||
					binary.BigEndian.Uint16(h[4:]) != 0 || binary.BigEndian.Uint16(h[14:]) != 0x0800 {
					t.Errorf("packet %d: SLL header %x", i, h)
				}
			}
			if tc.hdr == 0 {
				return
			}
			// A cooked filter is written for the SLL header: keep only
			// packets addressed to this host (SLL packet type 0).
			prog, err := bpf.Assemble([]bpf.Instruction{
				bpf.LoadAbsolute{Off: 0, Size: 2},
				bpf.JumpIf{Cond: bpf.JumpNotEqual, Val: unix.PACKET_HOST, SkipTrue: 1},
				bpf.RetConstant{Val: 262144},
				bpf.RetConstant{Val: 0},
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := c.SetFilter(prog); err != nil {
				t.Fatal(err)
			}
			send(t, sock, peer, portB, out)
			if _, err := tun.Write(in); err != nil {
				t.Fatal(err)
			}
			recvUDP(t, sock)
			got = collect(t, c, 1, func(p *gnet.RawPacket) bool { return bytes.Contains(p.Data, []byte("gobro tun")) }, 5*time.Second)
			if len(got) != 1 || !bytes.Equal(got[0].Data[16:], in) {
				t.Errorf("with an SLL filter captured %d packets, first %x", len(got), got[0].Data)
			}
		})
	}
}

// TestWentDown: Next reports an interface going down, and capturing
// resumes once it is up again.
func TestWentDown(t *testing.T) {
	v := netnstest.NewVeth(t)
	e := newEndpoints(t, v)
	c := openIn(t, v.A, "va", Options{Filter: udpDstPortFilter(t, portB, 262144)})
	netnstest.MustIP(t, "-n", v.A, "link", "set", "va", "down")
	var p gnet.RawPacket
	err := c.Next(&p)
	if !errors.Is(err, ErrWentDown) || !strings.HasPrefix(err.Error(), "problem with interface va (The interface went down") {
		t.Fatalf("Next after link down = %v, want ErrWentDown", err)
	}
	netnstest.MustIP(t, "-n", v.A, "link", "set", "va", "up")
	netnstest.MustIP(t, "-n", v.A, "addr", "replace", netnstest.IPA.String()+"/24", "dev", "va")
	send(t, e.a, netnstest.IPB, portB, []byte("after the link came back"))
	got := collect(t, c, 1, isTestUDP, 5*time.Second)
	if u, _ := parseUDP(got[0].Data); len(got) != 1 || string(u.payload) != "after the link came back" {
		t.Errorf("after link up captured %d packets, first %x", len(got), got[0].Data)
	}
}
