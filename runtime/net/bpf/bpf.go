// Package bpf compiles tcpdump/libpcap capture filters (pcap-filter(7)
// syntax, as given to zeek -f) into classic BPF programs and runs them
// in pure Go.
//
// The compiler follows libpcap's semantics rather than just its syntax,
// so that a filter selects the same packets here as in tcpdump: "port"
// and "tcp[...]" only look at first IPv4 fragments and find the
// transport header through the IHL field, "host" also matches ARP and
// RARP addresses, "vlan", "mpls" and "pppoes" shift every later offset
// (even on the other side of an "or"), names get libpcap's implicit
// qualifiers ("host a or b"), and an out-of-bounds load rejects the
// packet wherever it happens. Host and network names are never resolved.
//
// The same program can be attached to a socket (Instructions) or run
// on captured frames (Match).
//
// Not supported (Compile reports an error): host, network and Ethernet
// names (nothing is resolved), gateway, protochain, 802.11, DECnet, ISO,
// ATM, SS7, pf and Geneve/VXLAN primitives, "byte", "ifindex",
// inbound/outbound other than on Linux cooked captures, link types other
// than those listed at Compile. Where libpcap's optimizer proves that a
// filter rejects everything we only detect the simpler cases.
package bpf

import (
	"fmt"
	"strings"

	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"
)

// defaultSnaplen is what an accepting program returns when the caller
// passes no snapshot length: libpcap's maximum.
const defaultSnaplen = 262144

// Error is a compile error. Msg is worded like libpcap's message for
// the same problem; Offset is the byte offset in the expression, or -1
// when the error concerns the whole expression.
type Error struct {
	Msg    string
	Offset int
}

func (e *Error) Error() string {
	if e.Offset < 0 {
		return e.Msg
	}
	return fmt.Sprintf("%s (at offset %d)", e.Msg, e.Offset)
}

// Filter is a compiled capture filter. It is immutable and safe for
// concurrent use.
type Filter struct {
	expr     string
	prog     []bpf.RawInstruction
	usesVLAN bool
}

// Compile compiles a tcpdump-syntax filter for packets of the given
// link type captured with snaplen (the value accepting programs return;
// <= 0 means 262144). An empty or blank expression accepts everything.
//
// Supported link types: Ethernet, raw IP (101 and the 12/14 variants),
// raw IPv4/IPv6 (228/229), Linux cooked v1 and v2, BSD null and
// OpenBSD loopback.
func Compile(expr string, link layers.LinkType, snaplen int) (f *Filter, err error) {
	if snaplen <= 0 {
		snaplen = defaultSnaplen
	}
	f = &Filter{expr: expr}
	if strings.TrimSpace(expr) == "" {
		f.prog = []bpf.RawInstruction{{Op: opRetK, K: uint32(snaplen)}}
		return f, nil
	}
	l, lerr := newLink(link)
	if lerr != nil {
		return nil, &Error{Msg: lerr.Error(), Offset: -1}
	}
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	c := &compiler{expr: expr, toks: toks, link: l}
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(compileError)
			if !ok {
				panic(r)
			}
			f, err = nil, ce.err
		}
	}()
	tree := simplify(c.parse())
	var e emitter
	insts, aerr := e.assemble(e.emit(tree, labAccept, labReject), uint32(snaplen))
	if aerr != nil {
		return nil, &Error{Msg: aerr.Error(), Offset: -1}
	}
	raw, aerr := bpf.Assemble(insts)
	if aerr == nil {
		kernelSafeOffsets(raw)
		aerr = validate(raw)
	}
	if aerr != nil {
		return nil, &Error{Msg: "internal error: " + aerr.Error(), Offset: -1}
	}
	f.prog = raw
	f.usesVLAN = c.link.vlans > 0
	return f, nil
}

// Expr returns the expression the filter was compiled from.
func (f *Filter) Expr() string { return f.expr }

// Instructions returns a copy of the program as raw classic-BPF
// instructions, for attaching to an AF_PACKET socket with
// SO_ATTACH_FILTER.
//
// The program reads VLAN tags from the frame, as for a trace file. On
// Linux the kernel usually strips the outer tag before socket filters
// run, so when UsesVLAN reports true the program should not be given to
// the kernel; run Match on frames with their tags restored instead.
// (Offsets computed at run time that come out negative, as in
// "ip[ip[0] - 100]", also mean something else to Linux; like libpcap we
// leave those alone.)
func (f *Filter) Instructions() []bpf.RawInstruction {
	return append([]bpf.RawInstruction(nil), f.prog...)
}

// UsesVLAN reports whether the expression contains a "vlan" primitive.
func (f *Filter) UsesVLAN() bool { return f.usesVLAN }

// AcceptsAll reports whether every packet is accepted, so callers can
// skip Match.
func (f *Filter) AcceptsAll() bool {
	return len(f.prog) == 1 && f.prog[0].Op == opRetK && f.prog[0].K != 0
}

// Match runs the program on one captured frame: data holds the captured
// bytes and wireLen the original length (what "len", "less" and
// "greater" test). It reports whether the packet is accepted. Loads
// beyond the captured bytes reject the packet, as in the kernel and
// libpcap. Match does not allocate.
func (f *Filter) Match(data []byte, wireLen int) bool {
	r, _ := execute(f.prog, data, uint32(wireLen))
	return r != 0
}

// String disassembles the program in the style of tcpdump -d.
func (f *Filter) String() string { return disasm(f.prog) }

// kernelSafeOffsets rewrites absolute loads at offsets of 2 GiB and
// more ("ip[0xfffffff0]"). They can never succeed on a captured frame,
// but Linux reads offsets that are negative as signed numbers as
// ancillary data or as loads relative to the link or network header.
// A large positive offset fails in the kernel too, so both places
// reject the packet.
func kernelSafeOffsets(prog []bpf.RawInstruction) {
	for i, in := range prog {
		switch in.Op {
		case opLdWAbs, opLdHAbs, opLdBAbs:
			if in.K >= 0x80000000 {
				prog[i].K = 0x7fffffff
			}
		}
	}
}
