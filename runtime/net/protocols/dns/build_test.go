package dns

import "encoding/binary"

// Helpers that assemble DNS messages for tests.

func be16(v int) []byte    { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// hdr is a header: id, flags, then the four section counts.
func hdr(id, flags, qd, an, ns, ar int) []byte {
	return cat(be16(id), be16(flags), be16(qd), be16(an), be16(ns), be16(ar))
}

// dname encodes labels, ending with the root label unless the last part
// is a pointer made by ptr.
func dname(labels ...string) []byte {
	var b []byte
	for _, l := range labels {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	return append(b, 0)
}

func ptr(off int) []byte { return []byte{0xc0 | byte(off>>8), byte(off)} }

func question(name []byte, qtype, qclass int) []byte { return cat(name, be16(qtype), be16(qclass)) }

func rr(name []byte, typ, class int, ttl uint32, rdata []byte) []byte {
	return cat(name, be16(typ), be16(class), be32(ttl), be16(len(rdata)), rdata)
}

// charStrings encodes <character-string>s.
func charStrings(strs ...string) []byte {
	var b []byte
	for _, s := range strs {
		b = append(b, byte(len(s)))
		b = append(b, s...)
	}
	return b
}

// Header flags.
const (
	fQR = 0x8000
	fAA = 0x0400
	fRD = 0x0100
	fRA = 0x0080
)

// tcpFrame prefixes a message with its length, as DNS over TCP sends it.
func tcpFrame(msg []byte) []byte { return cat(be16(len(msg)), msg) }
