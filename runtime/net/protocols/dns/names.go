package dns

import "strconv"

// nameRoom is how many bytes of a name (labels and dots) Zeek keeps.
const nameRoom = 512

// name reads the domain name at the current offset. Like Zeek it never
// fails: a malformed label ends the name early with a weird, and what was
// read so far is the name. downcase lower-cases the labels read here;
// those reached through compression pointers are lower-cased always
// (Zeek's question names keep their case only where not compressed).
func (p *parser) name(downcase bool) string {
	p.depth = 0
	var b []byte
	b, p.off = p.labels(b, nameRoom, p.off, len(p.msg), downcase)
	return string(b)
}

// labels appends the labels from off (reading no further than end) to b
// and returns b and the offset after the name.
func (p *parser) labels(b []byte, room, off, end int, downcase bool) ([]byte, int) {
	start := len(b)
	more := true
	for more {
		b, room, off, more = p.label(b, room, off, end)
	}
	n := len(b) - start
	if n >= 255 {
		p.h.Weird("DNS_NAME_too_long", "")
	}
	if n >= 2 && b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if downcase {
		for i := start; i < len(b); i++ {
			if c := b[i]; 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
	}
	return b, off
}

// label reads one label, appending it and a dot to b; more says whether
// another label follows. A compression pointer ends the name after the
// labels it points to, which must lie before it: they are read with the
// pointer's position as their end, so every chain ends.
func (p *parser) label(b []byte, room, off, end int) (_ []byte, _, _ int, more bool) {
	if end-off <= 0 {
		return b, room, off, false
	}
	at := off
	n := int(p.msg[off])
	off++
	if end-off <= 0 || n == 0 {
		return b, room, off, false
	}
	if n&0xc0 == 0xc0 {
		ptr := (n&0x3f)<<8 | int(p.msg[off])
		off++
		if ptr >= at {
			p.h.Weird("DNS_label_forward_compress_offset", "")
			return b, room, off, false
		}
		p.depth++
		if p.depth > p.cfg.maxDepth {
			p.h.LimitWeird("DNS_max_compression_chain_depth_exceeded", strconv.Itoa(p.depth))
			return b, room, off, false
		}
		b, _ = p.labels(b, room, ptr, at, true)
		return b, room, off, false
	}
	if n > end-off {
		p.h.Weird("DNS_label_len_gt_pkt", "")
		return b, room, end, false
	}
	// NetBIOS name service names use longer labels.
	if n > 63 && !p.hdr.netbios {
		p.h.Weird("DNS_label_too_long", "")
		return b, room, off, false
	}
	if n >= room {
		p.h.Weird("DNS_label_len_gt_name_len", "")
		return b, room, off, false
	}
	b = append(b, p.msg[off:off+n]...)
	b = append(b, '.')
	return b, room - n - 1, off + n, true
}
