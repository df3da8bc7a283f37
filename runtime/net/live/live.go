// Package live captures packets from a network interface, what Zeek does
// for `zeek -i IFACE`. On Linux it reads an AF_PACKET socket directly
// (golang.org/x/sys/unix; no cgo, no libpcap). A *Capture is a
// gnet.PacketSource whose Live() is true.
//
// What a Capture delivers, and how it matches tcpdump/libpcap on Linux:
//   - Both directions: packets the host receives and packets it sends are
//     captured, as tcpdump does. On loopback every packet would show up
//     twice (once sent, once received), so the sent copy is dropped there.
//   - Link type: Ethernet for Ethernet-like interfaces (including loopback,
//     which carries a zeroed Ethernet header on Linux), raw IP for
//     interfaces without a link header (tun, WireGuard), Linux cooked
//     capture (SLL) for everything else.
//   - VLAN tags that the kernel took off the frame (hardware or software
//     "VLAN acceleration") are put back in place on Ethernet links, so the
//     analyzers see the 802.1Q header that was on the wire.
//   - Timestamps are the kernel's receive (or send) times, not the time Next
//     was called.
//   - WireLen is the full length even when the packet was cut to the
//     snapshot length.
package live

import (
	"time"

	"golang.org/x/net/bpf"
)

const (
	// DefaultSnaplen is Zeek's default Pcap::snaplen.
	DefaultSnaplen = 9216
	// MaxSnaplen is the largest snapshot length accepted (libpcap's and
	// tcpdump's maximum); larger values are lowered to it.
	MaxSnaplen = 262144
	// DefaultTimeout is the read timeout used when Options.Timeout is 0.
	DefaultTimeout = 100 * time.Millisecond
	// DefaultBufferSize is Zeek's default Pcap::bufsize (128 MB), used as
	// the size of the capture ring when Options.BufferSize is 0.
	DefaultBufferSize = 128 << 20
)

// Options configures Open. The zero value is Zeek's default.
type Options struct {
	// Snaplen is the number of bytes kept per packet; 0 means
	// DefaultSnaplen (9216, Zeek's Pcap::snaplen). For Linux cooked
	// capture it includes the 16-byte SLL header, as with libpcap.
	Snaplen int
	// Promisc puts the interface into promiscuous mode. This is done with
	// a PACKET_MR_PROMISC membership on the socket, so the kernel undoes
	// it when the socket closes (even if the process dies) and does not
	// disturb other users of the interface's promiscuous flag.
	Promisc bool
	// Timeout bounds how long Next waits for a packet before it returns
	// gnet.ErrTimeout; 0 means DefaultTimeout (100ms).
	Timeout time.Duration
	// Filter is a classic BPF program (as produced by a pcap filter
	// compiler, or written with bpf.Assemble) run by the kernel on each
	// frame, before anything is queued for us. nil means every packet.
	// The program sees the frame as the link type says; on Ethernet links
	// a VLAN tag the kernel stripped is not in the frame the filter sees.
	// As with libpcap, the program's return value is the number of bytes
	// to keep (0 drops the packet); at most Snaplen are kept, and WireLen
	// is always the full length.
	Filter []bpf.RawInstruction
	// BufferSize is the size in bytes of the kernel ring the packets are
	// queued in until Next reads them; 0 means DefaultBufferSize (Zeek's
	// Pcap::bufsize). The kernel allocates it in full at Open.
	BufferSize int
}

func (o *Options) normalize() error {
	if o.Snaplen < 0 || o.Timeout < 0 || o.BufferSize < 0 {
		return errBadOptions
	}
	if o.Snaplen == 0 {
		o.Snaplen = DefaultSnaplen
	}
	if o.Snaplen > MaxSnaplen {
		o.Snaplen = MaxSnaplen
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.BufferSize == 0 {
		o.BufferSize = DefaultBufferSize
	}
	return nil
}
