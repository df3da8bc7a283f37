package net

import (
	"encoding/binary"
	"net/netip"
	"time"
)

// Zeek's fragment size limits (Frag.cc).
const (
	minAcceptableFragSize = 64
	maxAcceptableFragSize = 64000
)

// FragKey identifies a datagram being reassembled.
type FragKey struct {
	Src, Dst netip.Addr
	ID       uint32
	Proto    uint8
}

type fragState struct {
	hdr   []byte // unfragmentable part of the offset-0 fragment (IPv6: fragment header removed)
	nhOff int    // IPv6: offset in hdr of the next-header byte naming the fragment header
	buf   []byte
	have  [][2]int // covered byte ranges, sorted and merged
	size  int      // datagram payload size once the last fragment is seen, else -1
	proto uint8
	first time.Time
}

// Reassembler puts IPv4 and IPv6 fragments back together, keyed by
// (src, dst, id, proto). Overlapping data keeps what arrived first, as in
// Zeek. Weird names follow Zeek's Frag.cc: fragment_with_DF,
// excessively_small_fragment, excessively_large_fragment,
// fragment_size_inconsistency, fragment_overlap, fragment_inconsistency.
type Reassembler struct {
	// Timeout drops incomplete datagrams this long (packet time) after
	// their first fragment. 0 keeps them forever (Zeek's frag_timeout
	// default).
	Timeout time.Duration
	m       map[FragKey]*fragState
	weirds  []string
	expired int
}

// NewReassembler returns an empty Reassembler without timeout.
func NewReassembler() *Reassembler {
	return &Reassembler{m: map[FragKey]*fragState{}}
}

// Len is the number of incomplete datagrams held.
func (r *Reassembler) Len() int { return len(r.m) }

// Expired is the number of incomplete datagrams dropped by timeout so far.
func (r *Reassembler) Expired() int { return r.expired }

// Expire drops incomplete datagrams older than Timeout at packet time now
// and returns how many were dropped.
func (r *Reassembler) Expire(now time.Time) int {
	if r.Timeout <= 0 {
		return 0
	}
	n := 0
	for k, st := range r.m {
		if now.Sub(st.first) >= r.Timeout {
			delete(r.m, k)
			n++
		}
	}
	r.expired += n
	return n
}

// Add adds a decoded fragment (p.IsFragment). It returns the complete IP
// datagram (a fresh buffer, header included) once all of it has arrived,
// plus the weirds this fragment caused (valid until the next call).
func (r *Reassembler) Add(p *Packet) (dgram []byte, weirds []string) {
	r.weirds = r.weirds[:0]
	if !p.IsFragment || p.IPVersion == 0 || p.Truncated {
		return nil, nil
	}
	if len(r.m) > 0 {
		r.Expire(p.Timestamp)
	}
	key := FragKey{p.Src, p.Dst, p.IPID, p.Proto}
	st := r.m[key]
	if st == nil {
		st = &fragState{size: -1, first: p.Timestamp, proto: p.Proto}
		r.m[key] = st
	}
	if p.DF {
		r.weirds = append(r.weirds, "fragment_with_DF")
	}
	data := p.Payload
	off := p.FragOffset
	end := off + len(data)
	if !p.MoreFrags {
		if st.size < 0 {
			st.size = end
		} else if end != st.size {
			r.weirds = append(r.weirds, "fragment_size_inconsistency")
			if end > st.size {
				st.size = end
			}
		}
	} else if p.IPLen < minAcceptableFragSize {
		r.weirds = append(r.weirds, "excessively_small_fragment")
	}
	if end > maxAcceptableFragSize {
		r.weirds = append(r.weirds, "excessively_large_fragment")
		return nil, r.weirds
	}
	if st.size >= 0 && end > st.size {
		r.weirds = append(r.weirds, "fragment_size_inconsistency")
		st.size = end
	}
	if off == 0 && st.hdr == nil {
		st.hdr, st.nhOff = unfragHeader(p)
	}
	if end > len(st.buf) {
		nb := make([]byte, end)
		copy(nb, st.buf)
		st.buf = nb
	}
	// Compare overlaps with what we have; fill the gaps only.
	pos := off
	overlap, differ := false, false
	for _, h := range st.have {
		if h[1] <= pos || h[0] >= end {
			continue
		}
		if h[0] > pos {
			copy(st.buf[pos:h[0]], data[pos-off:h[0]-off])
		}
		lo, hi := max(h[0], pos), min(h[1], end)
		overlap = true
		if string(st.buf[lo:hi]) != string(data[lo-off:hi-off]) {
			differ = true
		}
		pos = hi
	}
	if pos < end {
		copy(st.buf[pos:end], data[pos-off:])
	}
	if overlap {
		if differ {
			r.weirds = append(r.weirds, "fragment_inconsistency")
		} else {
			r.weirds = append(r.weirds, "fragment_overlap")
		}
	}
	if end > off {
		st.have = addRange(st.have, off, end)
	}
	if st.size < 0 || st.hdr == nil || len(st.have) != 1 || st.have[0][0] != 0 || st.have[0][1] < st.size {
		return nil, r.weirds
	}
	delete(r.m, key)
	return st.datagram(p.IPVersion), r.weirds
}

func addRange(have [][2]int, lo, hi int) [][2]int {
	out := have[:0:0]
	ins := false
	for _, h := range have {
		switch {
		case h[1] < lo:
			out = append(out, h)
		case h[0] > hi:
			if !ins {
				out = append(out, [2]int{lo, hi})
				ins = true
			}
			out = append(out, h)
		default:
			lo, hi = min(lo, h[0]), max(hi, h[1])
		}
	}
	if !ins {
		out = append(out, [2]int{lo, hi})
	}
	return out
}

// unfragHeader copies the IP header of the first fragment; for IPv6 it
// drops the fragment header and returns where its predecessor's
// next-header byte is.
func unfragHeader(p *Packet) ([]byte, int) {
	hl := len(p.IP) - len(p.Payload)
	if p.IPVersion == 4 {
		return append([]byte(nil), p.IP[:hl]...), 0
	}
	fragAt := hl - 8
	nh, nhOff, at := p.IP[6], 6, 40
	for at+1 < fragAt && nh != 44 {
		nhOff = at
		nh = p.IP[at]
		at += (int(p.IP[at+1]) + 1) * 8
	}
	return append([]byte(nil), p.IP[:fragAt]...), nhOff
}

func (st *fragState) datagram(version uint8) []byte {
	out := make([]byte, 0, len(st.hdr)+st.size)
	out = append(append(out, st.hdr...), st.buf[:st.size]...)
	if version == 4 {
		hl := len(st.hdr)
		binary.BigEndian.PutUint16(out[2:4], uint16(len(out)))
		binary.BigEndian.PutUint16(out[6:8], binary.BigEndian.Uint16(out[6:8])&0x4000) // keep DF
		out[10], out[11] = 0, 0
		var sum uint32
		for i := 0; i+1 < hl; i += 2 {
			sum += uint32(binary.BigEndian.Uint16(out[i:]))
		}
		for sum > 0xffff {
			sum = sum>>16 + sum&0xffff
		}
		binary.BigEndian.PutUint16(out[10:12], ^uint16(sum))
		return out
	}
	binary.BigEndian.PutUint16(out[4:6], uint16(len(out)-40))
	out[st.nhOff] = st.proto
	return out
}
