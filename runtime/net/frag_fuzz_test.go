package net

import (
	"encoding/binary"
	"slices"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"
)

// fragOp is one fuzzed fragment.
type fragOp struct {
	id        uint8 // datagram (0..3)
	off, n    int   // byte offset and payload length
	more, df  bool
	corrupt   bool // payload bytes differ from the datagram's
	proto     uint8
	ext       uint8 // IPv4 option words / IPv6 extension header kind
	advanceBy time.Duration
}

// fragOpSize is the number of input bytes one fragOp takes; at most
// maxFragOps are used, so that each run (and minimizing) stays cheap.
const (
	fragOpSize = 6
	maxFragOps = 32
)

func parseFragOp(b []byte) fragOp {
	protos := [4]uint8{ProtoUDP, ProtoTCP, ProtoICMP, ProtoIPv4}
	return fragOp{
		id:        b[0] & 3,
		more:      b[0]&4 != 0,
		df:        b[0]&8 != 0,
		corrupt:   b[0]&16 != 0,
		off:       fragOffset(b[1], b[2]),
		n:         int(b[3]) << (b[0] >> 6),
		proto:     protos[b[0]>>5&1|b[5]>>6&2],
		ext:       b[5] & 0x3f,
		advanceBy: time.Duration(b[4]) * 250 * time.Millisecond,
	}
}

// fragOffset is mostly below 2 KiB, where fragments of one datagram
// meet; one time in eight it spans the whole 13-bit field, up to and
// past the 64000-byte limit.
func fragOffset(hi, lo byte) int {
	if hi&0xe0 != 0xe0 {
		return int(lo) * 8
	}
	return (int(hi&0x1f)<<8 | int(lo)) * 8
}

// fragByte is byte o of datagram id: every consistent copy agrees.
func fragByte(id uint8, o int) byte { return byte(o*7 + int(id)*31 + o>>8) }

func (op fragOp) payload() []byte {
	b := make([]byte, op.n)
	for i := range b {
		b[i] = fragByte(op.id, op.off+i)
		if op.corrupt && i%3 == 0 {
			b[i] ^= 0x5a
		}
	}
	return b
}

// wireProto is the transport of the fragment as sent: IPv6 carries
// ICMPv6 and IPv6-in-IPv6 where IPv4 carries ICMP and IPv4-in-IPv4.
func (op fragOp) wireProto(v6 bool) uint8 {
	switch {
	case v6 && op.proto == ProtoIPv4:
		return ProtoIPv6
	case v6 && op.proto == ProtoICMP:
		return ProtoICMPv6
	}
	return op.proto
}

// fragKey names a datagram in the model: the Reassembler's key without
// the addresses, which are always the same.
type fragKey struct{ id, proto uint8 }

// build4 makes an IPv4 fragment with op.ext%11 words of options.
func (op fragOp) build4() []byte {
	hl := 20 + 4*int(op.ext%11)
	b := make([]byte, hl, hl+op.n)
	b[0] = 0x40 | byte(hl/4)
	binary.BigEndian.PutUint16(b[2:], uint16(hl+op.n))
	b[5] = op.id
	f := uint16(op.off / 8)
	if op.more {
		f |= 0x2000
	}
	if op.df {
		f |= 0x4000
	}
	binary.BigEndian.PutUint16(b[6:], f)
	b[8], b[9] = 64, op.proto
	copy(b[12:], []byte{10, 0, 0, 1, 10, 0, 0, 2})
	for i := 20; i < hl; i++ {
		b[i] = 1 // NOP options
	}
	return append(b, op.payload()...)
}

// build6 makes an IPv6 fragment, with a hop-by-hop, destination or
// routing header before the fragment header depending on op.ext.
func (op fragOp) build6() []byte {
	b := make([]byte, 40, 40+24+op.n)
	b[0] = 0x60
	b[7] = 64
	b[8], b[23] = 0xfd, 1
	b[24], b[39] = 0xfd, 2
	proto := op.wireProto(true)
	nhAt := 6 // the next-header byte that must name the fragment header
	if kind := [4]byte{0, 0, 60, 43}[op.ext%4]; op.ext%4 != 0 {
		b[nhAt] = kind
		n := 8 * (1 + int(op.ext>>2&1))
		ext := make([]byte, n)
		ext[1] = byte(n/8 - 1)
		if kind != 43 {
			ext[2], ext[3] = 1, byte(n-4) // PadN over the rest
		}
		nhAt = len(b)
		b = append(b, ext...)
	}
	b[nhAt] = 44
	fh := make([]byte, 8)
	fh[0] = proto
	o := uint16(op.off)
	if op.more {
		o |= 1
	}
	binary.BigEndian.PutUint16(fh[2:], o)
	fh[7] = op.id
	b = append(b, fh...)
	b = append(b, op.payload()...)
	binary.BigEndian.PutUint16(b[4:], uint16(len(b)-40))
	return b
}

// fragModel mirrors what the Reassembler must keep: per datagram the
// first byte that arrived at each offset (-1: none yet), and when it
// started.
type fragModel struct {
	v6      bool
	first   map[fragKey]time.Time
	bytes   map[fragKey][]int16
	lastEnd map[fragKey]int // highest end of an accepted last fragment
	maxEnd  map[fragKey]int // highest end of any accepted fragment
}

func newFragModel(v6 bool) *fragModel {
	return &fragModel{v6: v6, first: map[fragKey]time.Time{}, bytes: map[fragKey][]int16{},
		lastEnd: map[fragKey]int{}, maxEnd: map[fragKey]int{}}
}

func (m *fragModel) key(op fragOp) fragKey { return fragKey{op.id, op.wireProto(m.v6)} }

func (m *fragModel) forget(k fragKey) {
	delete(m.first, k)
	delete(m.bytes, k)
	delete(m.lastEnd, k)
	delete(m.maxEnd, k)
}

// add records a fragment the way Reassembler.Add must treat it.
func (m *fragModel) add(op fragOp, now time.Time, timeout time.Duration) {
	if op.off == 0 && !op.more {
		return // not a fragment
	}
	for id, t := range m.first {
		if timeout > 0 && now.Sub(t) >= timeout {
			m.forget(id)
		}
	}
	k := m.key(op)
	if _, ok := m.first[k]; !ok {
		m.first[k] = now
	}
	end := op.off + op.n
	if end > maxAcceptableFragSize {
		return
	}
	got := m.bytes[k]
	if n := len(got); n < end {
		got = slices.Grow(got, end-n)[:end]
		for i := n; i < end; i++ {
			got[i] = -1
		}
	}
	for i, c := range op.payload() {
		if got[op.off+i] < 0 {
			got[op.off+i] = int16(c)
		}
	}
	m.bytes[k] = got
	if !op.more {
		m.lastEnd[k] = max(m.lastEnd[k], end)
	}
	m.maxEnd[k] = max(m.maxEnd[k], end)
}

// check compares a reassembled datagram of op.id with the model.
func (m *fragModel) check(t *testing.T, op fragOp, p *Packet) {
	k := m.key(op)
	if p.IsFragment || (p.IPVersion == 6) != m.v6 || p.IPHdrLen > len(p.IP) {
		t.Fatalf("reassembled: fragment %v, version %d, header %d of %d", p.IsFragment, p.IPVersion, p.IPHdrLen, len(p.IP))
	}
	data := p.IP[p.IPHdrLen:]
	if len(data) < m.lastEnd[k] || len(data) > m.maxEnd[k] {
		t.Fatalf("datagram %v: %d bytes, last fragment ends at %d, data at %d", k, len(data), m.lastEnd[k], m.maxEnd[k])
	}
	got := m.bytes[k]
	for o, c := range data {
		if int16(c) != got[o] {
			t.Fatalf("datagram %v byte %d: %#x, first arrived %d (-1: none)", k, o, c, got[o])
		}
	}
	if !m.v6 && ipChecksum(p.IP[:p.IPHdrLen]) != 0xffff {
		t.Fatalf("reassembled IPv4 header checksum is wrong")
	}
	m.forget(k)
}

func ipChecksum(h []byte) uint16 {
	var sum uint32
	for i := 0; i+1 < len(h); i += 2 {
		sum += uint32(binary.BigEndian.Uint16(h[i:]))
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	return uint16(sum)
}

// FuzzFragments feeds sequences of IPv4 or IPv6 fragments (fuzzed
// offsets, lengths, overlaps, MF/DF flags, inconsistent copies, packet
// times) to the decoder's Reassembler. A completed datagram must hold,
// at every offset, the first byte that arrived there (Zeek keeps the
// first copy), its length must agree with the last fragment's end, and
// the Reassembler must hold exactly the incomplete datagrams the model
// holds (timeouts included).
func FuzzFragments(f *testing.F) {
	// 0/80 MF, 80/80 MF, 160/48: in order, then out of order with
	// overlaps and an inconsistent copy; IPv6 with extension headers;
	// timeouts; fragments beyond the size limit.
	f.Add(uint8(0), []byte{4, 0, 0, 80, 0, 0, 4, 0, 10, 80, 0, 0, 0, 0, 20, 48, 0, 0})
	f.Add(uint8(0), []byte{0, 0, 20, 48, 1, 0, 4, 0, 0, 96, 1, 0, 20, 0, 10, 80, 1, 0, 4, 0, 0, 8, 0, 0})
	f.Add(uint8(1), []byte{4, 0, 0, 80, 0, 1, 0, 0, 10, 80, 0, 1})
	f.Add(uint8(1), []byte{0x24, 0, 0, 80, 0, 0x86, 4, 0, 0, 90, 0, 0x86, 0x20, 0, 11, 100, 0, 0x86})
	f.Add(uint8(6), []byte{5, 0, 0, 200, 0, 0, 5, 0, 100, 40, 200, 0, 1, 0, 25, 20, 0, 0})
	f.Add(uint8(0), []byte{4, 0xff, 0xf0, 255, 0, 0, 0x40, 0xff, 0xff, 255, 0, 0}) // past 64000 bytes
	f.Fuzz(func(t *testing.T, mode uint8, ops []byte) {
		v6 := mode&1 != 0
		d := NewDecoder()
		d.Frag = NewReassembler()
		if mode&2 != 0 {
			d.Frag.Timeout = time.Duration(mode>>2+1) * time.Second
		}
		m := newFragModel(v6)
		now := time.Unix(1000, 0)
		ops = ops[:min(len(ops), maxFragOps*fragOpSize)]
		for ; len(ops) >= fragOpSize; ops = ops[fragOpSize:] {
			op := parseFragOp(ops)
			now = now.Add(op.advanceBy)
			b := op.build4()
			if v6 {
				b = op.build6()
			}
			m.add(op, now, d.Frag.Timeout)
			done := false
			d.DecodeChain(&RawPacket{Timestamp: now, LinkType: layers.LinkTypeRaw, Data: b, WireLen: len(b)}, func(p *Packet) {
				if p.Reassembled && len(p.Encap) == 0 {
					m.check(t, op, p)
					done = true
				}
			})
			if d.Frag.Len() != len(m.first) {
				t.Fatalf("reassembler holds %d datagrams, model %d (completed %v)", d.Frag.Len(), len(m.first), done)
			}
		}
	})
}
