//go:build linux

package bpf

import (
	"errors"
	"testing"
	"unsafe"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/sys/unix"
)

// The kernel checks classic BPF programs when they are attached (jump
// ranges, scratch memory written before it is read, a final return).
// Attaching to a UDP socket needs no privileges, so every program the
// tests compile is offered to the kernel's checker here.
func TestKernelAcceptsPrograms(t *testing.T) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0)
	if err != nil {
		t.Skipf("no socket: %v", err)
	}
	defer unix.Close(fd)
	exprs := append(append([]string{}, oracleFilters...), differentialFilters...)
	attached := 0
	for _, expr := range exprs {
		f, err := Compile(expr, layers.LinkTypeEthernet, 0)
		if err != nil {
			continue
		}
		prog := f.Instructions()
		fs := make([]unix.SockFilter, len(prog))
		for i, r := range prog {
			fs[i] = unix.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
		}
		err = unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER,
			&unix.SockFprog{Len: uint16(len(fs)), Filter: (*unix.SockFilter)(unsafe.Pointer(&fs[0]))})
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.ENOSYS) {
			t.Skipf("socket filters not permitted here: %v", err)
		}
		if err != nil {
			t.Errorf("kernel rejects %q: %v\n%s", expr, err, f)
			continue
		}
		attached++
	}
	t.Logf("kernel accepted %d programs", attached)
}
