//go:build linux

package live

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	gnet "github.com/gobro/gobro/runtime/net"
)

// Design: an AF_PACKET socket with a TPACKET_V3 receive ring, waited on
// through Go's network poller.
//
// Why a ring and not recvmsg: with recvmsg the timestamp comes from
// SO_TIMESTAMPNS, i.e. from skb->tstamp, which the kernel only sets once
// receive timestamping is switched on system-wide. Linux switches it on
// asynchronously (a deferred static-key update) when the first socket asks
// for it, and packets queued before that are stamped when they are *read*.
// A capture started on a quiet host therefore began with wrong timestamps
// (the tests caught it). The ring writes the time into each packet's
// header when the kernel queues it, falling back to the current kernel
// time right there if skb->tstamp is unset: always the receive time. The
// ring also saves the system call per packet (Next reads shared memory;
// about 70 ns per packet against 1.5 µs for recvmsg on the development
// machine) and packs small packets densely (V3 blocks hold variable-size
// frames), which is why libpcap uses it too. Its cost is memory allocated
// up front (Options.BufferSize) and up to retireTimeout of latency at low
// packet rates.
//
// Waiting: the socket is non-blocking and handed to the os package
// (os.NewFile), which registers it with the runtime poller. Next parks its
// goroutine until the kernel hands over a block or the read timeout (a
// poller deadline) passes. Close wakes a waiting Next at once.
//
// Copying: Next copies each packet out of the ring into one buffer owned
// by the Capture and gives the block back to the kernel as soon as its
// last packet is copied. p.Data therefore never points into the ring, so
// Close may unmap the ring while the caller still holds the last packet,
// and a consumer busy with one packet holds no block the kernel could be
// filling. The buffer is reused: Next does not allocate. The copy also
// gives room to put back a stripped VLAN tag or to prepend a Linux SLL
// header.

// Capture is an open live capture on one interface; it implements
// gnet.PacketSource. Next must be called from one goroutine at a time;
// Close, Stats and SetFilter may be called from any goroutine, also while
// Next is waiting.
//
// The socket belongs to the network namespace of the thread that called
// Open; it keeps capturing there whichever thread calls Next later.
type Capture struct {
	name     string
	link     layers.LinkType
	mode     linkMode
	loopback bool
	snaplen  int
	timeout  time.Duration

	f      *os.File
	rc     syscall.RawConn
	recvFn func(fd uintptr) bool // c.recv, bound once so Next does not allocate

	ring      *ringMem
	blockSize int
	nblocks   int
	blk       int // block being read (or waited for)
	left      int // packets of blk not yet read; 0: blk not yet taken
	off       int // offset in blk of the next packet

	// userFilter runs in Go for cooked captures, whose filters are written
	// for the SLL header that only Next builds; nil otherwise.
	filterMu   sync.Mutex
	userFilter *bpf.VM

	// The current packet, built by recv. buf[:head] is room in front of
	// the packet for a VLAN tag (Ethernet) or the SLL header (cooked).
	buf     []byte
	head    int
	wait    bool // recv lets the poller wait when the ring is empty
	state   recvState
	sockErr unix.Errno
	pStart  int
	pLen    int
	pWire   int
	pTime   time.Time

	closeOnce sync.Once
	closeErr  error
	closed    atomic.Bool

	statsMu  sync.Mutex
	received uint64
	dropped  uint64
}

type linkMode uint8

const (
	modeEthernet linkMode = iota // SOCK_RAW, frames start with an Ethernet header
	modeRaw                      // SOCK_RAW, frames are bare IP packets
	modeCooked                   // SOCK_DGRAM, Next prepends a Linux SLL header
)

type recvState uint8

const (
	stEmpty  recvState = iota // no packet ready
	stPacket                  // a packet was copied into buf
	stClosed                  // the ring is gone
	stError                   // the socket reported sockErr
)

const (
	sllHeaderLen = 16
	vlanTagLen   = 4
	bpfMaxInsns  = 4096 // the kernel's BPF_MAXINSNS

	// Where the kernel puts a packet's sockaddr_ll in a V3 frame:
	// right after the header, aligned to TPACKET_ALIGNMENT.
	sllOffset = (unix.SizeofTpacket3Hdr + unix.TPACKET_ALIGNMENT - 1) &^ (unix.TPACKET_ALIGNMENT - 1)
	// Offset of struct tpacket_hdr_v1 in a block (after version and
	// offset_to_priv).
	blockHdrOffset = 8

	maxBlockSize = 1 << 20
	minBlocks    = 32
	maxRingSize  = 1 << 30
	// retireTimeout bounds how long a partly filled block waits before
	// the kernel hands it over: the capture latency at low packet rates.
	retireTimeout = 10 * time.Millisecond
)

// Open starts capturing on the interface iface of the calling thread's
// network namespace. Capturing needs root or CAP_NET_RAW. Errors are
// *Error values whose text reads like Zeek's "problem with interface ..."
// message.
func Open(iface string, o Options) (*Capture, error) {
	if iface == "" {
		return nil, &Error{Iface: iface, Err: errNoName}
	}
	if err := o.normalize(); err != nil {
		return nil, &Error{Iface: iface, Err: err}
	}
	if len(o.Filter) > bpfMaxInsns {
		return nil, &Error{Iface: iface, Op: "SO_ATTACH_FILTER", Err: errors.New("filter program too long")}
	}

	// Protocol 0: the socket receives nothing until bind names the
	// protocol (packet(7)). So no packet gets in before the filter and
	// the ring are in place and the socket is tied to the interface.
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		return nil, sysErr(iface, "socket", err)
	}
	c := &Capture{name: iface, snaplen: o.Snaplen, timeout: o.Timeout, ring: new(ringMem)}
	ok := false
	defer func() {
		if !ok {
			c.ring.unmap()
			unix.Close(fd)
		}
	}()

	ifindex, hatype, err := interfaceInfo(fd, iface)
	if err != nil {
		return nil, err
	}
	switch hatype {
	case unix.ARPHRD_ETHER, unix.ARPHRD_LOOPBACK:
		// Loopback frames carry an all-zero Ethernet header on Linux.
		c.mode, c.link, c.head = modeEthernet, layers.LinkTypeEthernet, vlanTagLen
		c.loopback = hatype == unix.ARPHRD_LOOPBACK
	case unix.ARPHRD_NONE, unix.ARPHRD_RAWIP:
		// tun, WireGuard and the like: packets start at the IP header.
		c.mode, c.link = modeRaw, layers.LinkTypeRaw
	default:
		// A link header we do not decode (PPP, IP tunnels, InfiniBand,
		// ...): let the kernel strip it (SOCK_DGRAM) and describe the
		// packet with a Linux SLL header built from sockaddr_ll.
		c.mode, c.link, c.head = modeCooked, layers.LinkTypeLinuxSLL, sllHeaderLen
		nfd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
		if err != nil {
			return nil, sysErr(iface, "socket", err)
		}
		unix.Close(fd)
		fd = nfd
	}

	if c.loopback {
		// On loopback each packet passes the packet taps twice: when sent
		// (PACKET_OUTGOING) and when looped back in. Ask the kernel not to
		// deliver the sent copy (Linux >= 4.20); Next also drops it, for
		// older kernels.
		_ = unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1)
	}
	// Everywhere else outgoing packets are deliberately kept: like tcpdump
	// on Linux we capture what the host sends as well as what it receives,
	// which Zeek needs to see both sides of the host's own connections.

	if err := c.installFilter(fd, o.Filter); err != nil {
		return nil, err
	}
	if err := c.setupRing(fd, o.BufferSize); err != nil {
		return nil, err
	}
	if o.Promisc {
		// A membership rather than IFF_PROMISC: the kernel counts it and
		// drops it with the socket, even if we crash.
		mreq := unix.PacketMreq{Ifindex: int32(ifindex), Type: unix.PACKET_MR_PROMISC}
		if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mreq); err != nil {
			return nil, sysErr(iface, "PACKET_ADD_MEMBERSHIP", err)
		}
	}

	// ETH_P_ALL: every protocol, including the packets the host sends.
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifindex}
	if err := unix.Bind(fd, sa); err != nil {
		return nil, sysErr(iface, "bind", err)
	}
	// Binding to an interface that is down succeeds but leaves ENETDOWN as
	// the socket's pending error; report it now as libpcap does.
	if soerr, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR); err == nil && soerr != 0 {
		e := unix.Errno(soerr)
		if e == unix.ENETDOWN {
			return nil, &Error{Iface: iface, Kind: ErrNotUp, Op: "bind", Err: e}
		}
		return nil, sysErr(iface, "bind", e)
	}

	c.buf = make([]byte, c.head+c.snaplen)
	c.recvFn = c.recv
	// Hand the descriptor to the os package: a non-blocking descriptor is
	// registered with the runtime poller, which gives deadlines and a
	// Close that is safe against a concurrent Next.
	c.f = os.NewFile(uintptr(fd), "packet socket on "+iface)
	ok = true
	// A Capture dropped without Close: the os package closes the socket,
	// this gives back the ring.
	runtime.AddCleanup(c, func(r *ringMem) { r.unmap() }, c.ring)
	if err := c.f.SetReadDeadline(time.Time{}); err != nil {
		c.Close()
		return nil, &Error{Iface: iface, Op: "poller", Err: err}
	}
	if c.rc, err = c.f.SyscallConn(); err != nil {
		c.Close()
		return nil, &Error{Iface: iface, Op: "poller", Err: err}
	}
	return c, nil
}

// interfaceInfo returns the index and ARP hardware type (ARPHRD_*) of the
// interface, asking the kernel through the packet socket.
func interfaceInfo(fd int, iface string) (ifindex int, hatype uint16, err error) {
	ifr, err := unix.NewIfreq(iface)
	if err != nil { // name too long for IFNAMSIZ: it cannot exist
		return 0, 0, &Error{Iface: iface, Kind: ErrNoSuchDevice, Op: "SIOCGIFINDEX", Err: unix.ENODEV}
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFINDEX, ifr); err != nil {
		return 0, 0, sysErr(iface, "SIOCGIFINDEX", err)
	}
	ifindex = int(ifr.Uint32())
	// SIOCGIFHWADDR fills in a sockaddr whose family is the ARPHRD type.
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFHWADDR, ifr); err != nil {
		return 0, 0, sysErr(iface, "SIOCGIFHWADDR", err)
	}
	return ifindex, ifr.Uint16(), nil
}

// setupRing maps a TPACKET_V3 ring of about size bytes.
func (c *Capture) setupRing(fd, size int) error {
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, unix.TPACKET_V3); err != nil {
		return sysErr(c.name, "PACKET_VERSION", err)
	}
	// A block must hold the largest frame: the block header, the V3
	// header, sockaddr_ll, room for a link header and the snapshot.
	// Blocks are whole pages, a power of two so the kernel can allocate
	// them in one piece.
	minBlock := os.Getpagesize()
	for minBlock < 256+c.snaplen {
		minBlock *= 2
	}
	// The kernel hands a block over when it is full or, partly filled,
	// after the retire timeout, and it drops packets when no block is
	// free. So a ring of few large blocks is used up after a few timeouts
	// by a reader that pauses, whatever the traffic: aim for at least
	// minBlocks blocks, of at most maxBlockSize.
	size = min(size, maxRingSize)
	block := minBlock
	for block*2 <= maxBlockSize && block*2*minBlocks <= size {
		block *= 2
	}
	n := max(size/block, 2)
	tov := max(min(c.timeout, retireTimeout)/time.Millisecond, 1)
	req := unix.TpacketReq3{
		Block_size: uint32(block),
		Block_nr:   uint32(n),
		// V3 frames are variable; the kernel still wants a frame size
		// that divides the block. One "frame" per block.
		Frame_size:     uint32(block),
		Frame_nr:       uint32(n),
		Retire_blk_tov: uint32(tov),
	}
	if err := unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req); err != nil {
		e := sysErr(c.name, "PACKET_RX_RING", err)
		if errors.Is(err, unix.ENOMEM) {
			e.Err = errors.New("cannot allocate the capture buffer; try a smaller buffer size")
		}
		return e
	}
	ring, err := unix.Mmap(fd, 0, block*n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return sysErr(c.name, "mmap", err)
	}
	c.ring.mem, c.blockSize, c.nblocks = ring, block, n
	return nil
}

// ringMem is the mapped ring. mu keeps Close from unmapping it while recv
// reads it. It is a separate object so that a cleanup can unmap the ring
// of a Capture that was dropped without Close.
type ringMem struct {
	mu  sync.Mutex
	mem []byte // nil once unmapped
}

func (r *ringMem) unmap() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.mem == nil {
		return nil
	}
	err := unix.Munmap(r.mem)
	r.mem = nil
	return err
}

// installFilter attaches the kernel filter for prog (nil: everything).
//
// In the ring the kernel keeps as many bytes of a packet as the filter
// returns (and always records the full length), so the kernel program also
// carries the snapshot length: `ret #k` becomes `ret #min(k, snaplen)` and
// no filter becomes `ret #snaplen`.
//
// Cooked captures are different: the kernel runs the filter on the packet
// without a link header, while a filter for LinkTypeLinuxSLL expects the
// SLL header that only Next builds. There the program runs in Go on the
// finished packet and the kernel only cuts to the snapshot length.
func (c *Capture) installFilter(fd int, prog []bpf.RawInstruction) error {
	kernelProg := prog
	var vm *bpf.VM
	if c.mode == modeCooked || len(prog) == 0 {
		if c.mode == modeCooked && len(prog) > 0 {
			insns, _ := bpf.Disassemble(prog)
			var err error
			if vm, err = bpf.NewVM(insns); err != nil {
				return &Error{Iface: c.name, Op: "filter", Err: err}
			}
		}
		kernelProg = []bpf.RawInstruction{{Op: retK, K: math.MaxUint32}}
	}
	snap := c.snaplen
	if c.mode == modeCooked {
		snap = max(snap-sllHeaderLen, 1) // the kernel sees no SLL header
	}
	fs := make([]unix.SockFilter, len(kernelProg))
	for i, in := range kernelProg {
		fs[i] = unix.SockFilter{Code: in.Op, Jt: in.Jt, Jf: in.Jf, K: in.K}
		if in.Op == retK && in.K > uint32(snap) {
			fs[i].K = uint32(snap)
		}
	}
	fp := unix.SockFprog{Len: uint16(len(fs)), Filter: &fs[0]}
	if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp); err != nil {
		return sysErr(c.name, "SO_ATTACH_FILTER", err)
	}
	c.filterMu.Lock()
	c.userFilter = vm
	c.filterMu.Unlock()
	return nil
}

const retK = 0x06 // BPF_RET | BPF_K

// SetFilter replaces the filter (nil or empty: every packet), as Zeek's
// install_pcap_filter does at run time. Packets the kernel already
// accepted under the old filter are still delivered.
func (c *Capture) SetFilter(prog []bpf.RawInstruction) error {
	if len(prog) > bpfMaxInsns {
		return &Error{Iface: c.name, Op: "SO_ATTACH_FILTER", Err: errors.New("filter program too long")}
	}
	var ferr error
	if err := c.rc.Control(func(fd uintptr) { ferr = c.installFilter(int(fd), prog) }); err != nil {
		if c.closed.Load() {
			err = os.ErrClosed
		}
		return &Error{Iface: c.name, Op: "SO_ATTACH_FILTER", Err: err}
	}
	return ferr
}

// Name is the interface name.
func (c *Capture) Name() string { return c.name }

// LinkType is Ethernet, Raw (IP) or Linux SLL; see the package comment.
func (c *Capture) LinkType() layers.LinkType { return c.link }

// Live is true: packets come from an interface.
func (c *Capture) Live() bool { return true }

// Snaplen is the snapshot length in use (e.g. for writing a pcap header).
func (c *Capture) Snaplen() int { return c.snaplen }

// Next waits up to the read timeout for the next packet and reads it into
// p; p.Data is valid until the next call. It returns gnet.ErrTimeout when
// no packet arrived in time, io.EOF once the capture is closed (also when
// Close is called while Next waits), and an *Error otherwise. An error
// with Kind ErrWentDown means the interface went down; Next may be called
// again and capturing resumes if the interface comes back up.
func (c *Capture) Next(p *gnet.RawPacket) error {
	if err := c.receive(); err != nil {
		p.Data = nil
		return err
	}
	p.Timestamp = c.pTime
	p.LinkType = c.link
	p.CapLen = c.pLen
	p.WireLen = c.pWire
	p.Data = c.buf[c.pStart : c.pStart+c.pLen]
	return nil
}

// receive takes the next packet from the ring, waiting at most the read
// timeout. When packets are waiting (the case under load) it makes no
// system call and does not touch the poller's deadline.
func (c *Capture) receive() error {
	c.wait = false
	err := c.rc.Read(c.recvFn)
	// A deadline from an earlier wait that has passed makes Read fail
	// before trying; that too just means "arm a fresh deadline and wait".
	if (err == nil && c.state == stEmpty) || errors.Is(err, os.ErrDeadlineExceeded) {
		if err := c.f.SetReadDeadline(time.Now().Add(c.timeout)); err != nil {
			return c.fileErr(err)
		}
		c.wait = true
		err = c.rc.Read(c.recvFn)
	}
	if err != nil {
		return c.fileErr(err)
	}
	switch c.state {
	case stClosed:
		return io.EOF
	case stError:
		switch c.sockErr {
		case unix.ENETDOWN, unix.ENODEV, unix.ENXIO:
			return &Error{Iface: c.name, Kind: ErrWentDown, Err: c.sockErr}
		}
		return sysErr(c.name, "SO_ERROR", c.sockErr)
	}
	return nil
}

// recv is called by the poller with the socket's descriptor. It returns
// false, to make the poller wait for the kernel to hand over a block, only
// when c.wait is set.
func (c *Capture) recv(fd uintptr) bool {
	c.ring.mu.Lock()
	defer c.ring.mu.Unlock()
	if c.ring.mem == nil {
		c.state = stClosed
		return true
	}
	for {
		base := c.blk * c.blockSize
		block := c.ring.mem[base : base+c.blockSize]
		bh := (*unix.TpacketHdrV1)(unsafe.Pointer(&block[blockHdrOffset]))
		if c.left == 0 {
			// The kernel publishes a block by setting TP_STATUS_USER
			// after writing it; the atomic load orders our reads after.
			status := atomic.LoadUint32(&bh.Block_status)
			if status&unix.TP_STATUS_USER == 0 {
				// With a ring, recvmsg is never called, so a socket error
				// (ENETDOWN when the interface goes down; the poller wakes
				// us for it) must be fetched. Only the idle path pays.
				if e, err := unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_ERROR); err == nil && e != 0 {
					c.sockErr = unix.Errno(e)
					c.state = stError
					return true
				}
				c.state = stEmpty
				return !c.wait
			}
			c.left = int(bh.Num_pkts)
			c.off = int(bh.Offset_to_first_pkt)
		}
		for c.left > 0 {
			if c.off < 0 || c.off+sllOffset+unix.SizeofSockaddrLinklayer > len(block) {
				c.left = 0 // a block we cannot parse: skip it rather than fault
				break
			}
			h := (*unix.Tpacket3Hdr)(unsafe.Pointer(&block[c.off]))
			keep := c.take(block[c.off:], h)
			c.left--
			c.off += int(h.Next_offset)
			if keep {
				if c.left == 0 {
					c.release(bh)
				}
				c.state = stPacket
				return true
			}
		}
		c.release(bh)
	}
}

// release gives the current block back to the kernel and moves on.
func (c *Capture) release(bh *unix.TpacketHdrV1) {
	atomic.StoreUint32(&bh.Block_status, unix.TP_STATUS_KERNEL)
	c.left = 0
	c.blk++
	if c.blk == c.nblocks {
		c.blk = 0
	}
}

// take copies the packet at frame (header h) into buf. It returns false
// for packets Next skips.
func (c *Capture) take(frame []byte, h *unix.Tpacket3Hdr) bool {
	sll := (*unix.RawSockaddrLinklayer)(unsafe.Pointer(&frame[sllOffset]))
	if c.loopback && sll.Pkttype == unix.PACKET_OUTGOING {
		return false // the looped-back copy follows; see Open
	}
	mac, n := int(h.Mac), int(h.Snaplen)
	if mac < 0 || n < 0 || mac+n > len(frame) {
		return false
	}
	data := frame[mac : mac+n]
	wire := int(h.Len)
	start := c.head
	switch c.mode {
	case modeEthernet:
		// The kernel usually takes the 802.1Q tag off a frame before
		// packet sockets see it and reports it in the frame header. Put
		// it back between the MAC addresses and the type, where it was on
		// the wire (old kernels lack TP_STATUS_VLAN_VALID and mean "tag"
		// by a non-zero TCI).
		if (h.Status&unix.TP_STATUS_VLAN_VALID != 0 || h.Hv1.Vlan_tci != 0) && n >= 12 {
			tpid := uint16(unix.ETH_P_8021Q)
			if h.Status&unix.TP_STATUS_VLAN_TPID_VALID != 0 && h.Hv1.Vlan_tpid != 0 {
				tpid = h.Hv1.Vlan_tpid
			}
			start = 0
			copy(c.buf[0:12], data[:12])
			binary.BigEndian.PutUint16(c.buf[12:], tpid)
			binary.BigEndian.PutUint16(c.buf[14:], uint16(h.Hv1.Vlan_tci))
			n = 16 + copy(c.buf[16:], data[12:])
			wire += vlanTagLen
		} else {
			n = copy(c.buf[start:], data)
		}
	case modeRaw:
		n = copy(c.buf[start:], data)
	case modeCooked:
		start = 0
		hdr := c.buf[:sllHeaderLen]
		binary.BigEndian.PutUint16(hdr[0:], uint16(sll.Pkttype))
		binary.BigEndian.PutUint16(hdr[2:], sll.Hatype)
		halen := min(int(sll.Halen), 8)
		binary.BigEndian.PutUint16(hdr[4:], uint16(halen))
		clear(hdr[6:14])
		copy(hdr[6:6+halen], sll.Addr[:halen])
		// sll_protocol is in network byte order already.
		binary.NativeEndian.PutUint16(hdr[14:], sll.Protocol)
		n = sllHeaderLen + copy(c.buf[sllHeaderLen:], data)
		wire += sllHeaderLen
	}
	n = min(n, c.snaplen)
	if c.mode == modeCooked {
		c.filterMu.Lock()
		vm := c.userFilter
		c.filterMu.Unlock()
		if vm != nil {
			k, err := vm.Run(c.buf[:n])
			if err != nil || k <= 0 {
				return false
			}
			n = min(n, k)
		}
	}
	c.pTime = time.Unix(int64(h.Sec), int64(h.Nsec))
	c.pStart, c.pLen, c.pWire = start, n, wire
	return true
}

// Stats returns the kernel's counters since Open: received counts every
// packet that passed the kernel filter, including those dropped because
// the ring was full; dropped counts the latter. These are libpcap's
// ps_recv and ps_drop on Linux, which Zeek reports as link and dropped
// (capture-loss, stats.log).
func (c *Capture) Stats() (received, dropped uint64, err error) {
	c.statsMu.Lock()
	defer c.statsMu.Unlock()
	var (
		st   *unix.TpacketStatsV3
		gerr error
	)
	if err := c.rc.Control(func(fd uintptr) {
		st, gerr = unix.GetsockoptTpacketStatsV3(int(fd), unix.SOL_PACKET, unix.PACKET_STATISTICS)
	}); err != nil {
		if c.closed.Load() {
			err = os.ErrClosed
		}
		return c.received, c.dropped, &Error{Iface: c.name, Op: "PACKET_STATISTICS", Err: err}
	}
	if gerr != nil {
		return c.received, c.dropped, sysErr(c.name, "PACKET_STATISTICS", gerr)
	}
	// Reading the counters resets them in the kernel, so keep the sums.
	// The kernel's tp_packets already includes the drops.
	c.received += uint64(st.Packets)
	c.dropped += uint64(st.Drops)
	return c.received, c.dropped, nil
}

// Close stops the capture and releases the ring and the socket;
// promiscuous mode set by Open ends with it. A Next waiting concurrently
// returns io.EOF. The packet last returned by Next stays readable (it is a
// copy). Closing twice is harmless.
func (c *Capture) Close() error {
	c.closeOnce.Do(func() {
		c.closed.Store(true)
		// Unmap before closing the socket: the kernel complains about
		// releasing a ring that is still mapped.
		if err := c.ring.unmap(); err != nil {
			c.closeErr = &Error{Iface: c.name, Op: "munmap", Err: err}
		}
		if err := c.f.Close(); err != nil && c.closeErr == nil {
			c.closeErr = &Error{Iface: c.name, Op: "close", Err: err}
		}
	})
	return c.closeErr
}

// fileErr translates the os package's poller errors.
func (c *Capture) fileErr(err error) error {
	switch {
	case c.closed.Load(), errors.Is(err, os.ErrClosed):
		// The raw connection reports a closed descriptor with an error
		// of its own ("use of closed file"); the flag covers it.
		return io.EOF
	case errors.Is(err, os.ErrDeadlineExceeded):
		return gnet.ErrTimeout
	}
	return &Error{Iface: c.name, Op: "read", Err: err}
}

// sysErr classifies a failed system call for the user.
func sysErr(iface, op string, err error) *Error {
	e := &Error{Iface: iface, Op: op, Err: err}
	switch {
	case errors.Is(err, unix.EPERM), errors.Is(err, unix.EACCES):
		e.Kind = ErrPermission
	case errors.Is(err, unix.ENODEV), errors.Is(err, unix.ENXIO):
		e.Kind = ErrNoSuchDevice
	case errors.Is(err, unix.ENETDOWN):
		e.Kind = ErrNotUp
	}
	return e
}

// htons turns a host-order value into the network-order value the kernel
// expects in sockaddr_ll.sll_protocol.
func htons(v uint16) uint16 {
	return binary.NativeEndian.Uint16([]byte{byte(v >> 8), byte(v)})
}
