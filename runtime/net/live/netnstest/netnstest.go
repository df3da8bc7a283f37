//go:build linux

// Package netnstest builds throw-away network namespaces for tests that
// capture or send real traffic: a fresh namespace, a veth pair across two
// of them, and a way to run code inside one. Everything is deleted when
// the test ends and bounded by timeouts, so a test can never leave
// namespaces behind or hang.
package netnstest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

var seq atomic.Int64

// RequireRoot skips unless the test can create namespaces and sockets.
func RequireRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (network namespaces, packet sockets)")
	}
}

// IP runs iproute2's ip with a time limit.
func IP(args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "ip", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("ip %s: %v: %s", strings.Join(args, " "), err, bytes.TrimSpace(out))
	}
	return nil
}

// MustIP is IP failing the test on error.
func MustIP(t testing.TB, args ...string) {
	t.Helper()
	if err := IP(args...); err != nil {
		t.Fatal(err)
	}
}

// New creates a fresh, uniquely named network namespace with its
// loopback up, and deletes it when the test ends (also on failure).
func New(t testing.TB) string {
	t.Helper()
	RequireRoot(t)
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("cannot create network namespaces: ip (iproute2) not found; apt-get install -y iproute2")
	}
	name := fmt.Sprintf("gobro-test-%d-%d", os.Getpid(), seq.Add(1))
	if err := IP("netns", "add", name); err != nil {
		t.Skipf("cannot create network namespace: %v", err)
	}
	t.Cleanup(func() {
		if err := IP("netns", "del", name); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	MustIP(t, "-n", name, "link", "set", "lo", "up")
	return name
}

// In runs f on an OS thread that has joined the namespace ns, then moves
// the thread back. Sockets created by f stay in ns and can be used from
// any goroutine afterwards. It gives up after limit.
func In(ns string, limit time.Duration, f func() error) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := os.Open(fmt.Sprintf("/proc/self/task/%d/ns/net", unix.Gettid()))
		if err != nil {
			runtime.UnlockOSThread()
			done <- err
			return
		}
		defer orig.Close()
		target, err := os.Open("/run/netns/" + ns)
		if err != nil {
			runtime.UnlockOSThread()
			done <- err
			return
		}
		defer target.Close()
		if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("setns %s: %w", ns, err)
			return
		}
		ferr := f()
		// Only a thread back in its own namespace may serve other
		// goroutines; otherwise it stays locked and the runtime ends it
		// when this goroutine exits.
		if err := unix.Setns(int(orig.Fd()), unix.CLONE_NEWNET); err == nil {
			runtime.UnlockOSThread()
		}
		done <- ferr
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		return errors.New("netnstest.In: timed out")
	}
}

// Addresses of the two veth ends.
var (
	IPA = netip.MustParseAddr("192.0.2.1")
	IPB = netip.MustParseAddr("192.0.2.2")
)

// Veth is a veth pair whose ends sit in two namespaces, so traffic
// between them really crosses the link (two addresses in one namespace
// would be routed over loopback):
//
//	netns A: va 192.0.2.1/24  <--veth-->  vb 192.0.2.2/24 :netns B
type Veth struct {
	A, B string // namespace names
}

// NewVeth builds the two-namespace topology.
func NewVeth(t testing.TB) *Veth {
	t.Helper()
	v := &Veth{A: New(t), B: New(t)}
	MustIP(t, "-n", v.A, "link", "add", "va", "type", "veth", "peer", "name", "vb", "netns", v.B)
	MustIP(t, "-n", v.A, "addr", "add", IPA.String()+"/24", "dev", "va")
	MustIP(t, "-n", v.B, "addr", "add", IPB.String()+"/24", "dev", "vb")
	MustIP(t, "-n", v.A, "link", "set", "va", "up")
	MustIP(t, "-n", v.B, "link", "set", "vb", "up")
	return v
}
