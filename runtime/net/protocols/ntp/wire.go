package ntp

import (
	"encoding/binary"
	"fmt"
)

// Modes of the first byte's low three bits.
const (
	modeClient  = 3
	modeServer  = 4
	modeControl = 6
	modePrivate = 7
)

// message is one parsed datagram. At most one of std, control and
// private is set, by the mode.
type message struct {
	version, mode uint8
	std           *standard
	control       *control
	private       *private
}

// standard is a time message (modes 1 to 5).
type standard struct {
	stratum         uint8
	poll, precision int8
	// rootDelay and rootDisp are NTP short times: 16 bits of seconds
	// and 16 of fraction, both taken as signed, as Zeek does.
	rootDelay, rootDisp [2]int16
	refID               [4]byte
	ref, org, rec, xmt  timestamp
	// numExts counts the extension fields, when the message is long
	// enough to hold any.
	numExts int
	// mac is set when the bytes after the extension fields are exactly
	// a key id and a 16- or 20-byte digest.
	mac *mac
}

// timestamp is an NTP timestamp: seconds since 1900 and a 32-bit
// fraction.
type timestamp struct{ sec, frac uint32 }

type mac struct {
	keyID  uint32
	digest []byte
}

// control is a mode 6 message.
type control struct {
	opCode                  uint8
	resp, err, more         bool
	sequence, status, assoc uint16
	data                    []byte
	// mac is set when exactly 12 bytes follow the data: a key id and an
	// 8-byte checksum.
	mac *mac
}

// private is a mode 7 message.
type private struct {
	reqCode, implementation, sequence, err uint8
	auth                                   bool
	data                                   []byte
}

// errShort is the datagram ending inside a field; the text follows
// binpac's, whose exceptions are Zeek's violation reasons.
type errShort struct {
	field      string
	need, have uint64
}

func (e errShort) Error() string {
	return fmt.Sprintf("out_of_bound: %s: %d > %d", e.field, e.need, e.have)
}

// errOffset is an extension field whose length ends before its
// contents do.
type errOffset struct {
	field       string
	min, offset uint64
}

func (e errOffset) Error() string {
	return fmt.Sprintf("invalid offset for %s: min_offset = %d, offset = %d", e.field, e.min, e.offset)
}

// reader walks a datagram; the first shortfall sticks in err and every
// later read returns zero.
type reader struct {
	b   []byte
	err error
}

func (r *reader) left() uint64 { return uint64(len(r.b)) }

// take returns the next n bytes.
func (r *reader) take(n uint64, field string) []byte {
	if r.err != nil {
		return nil
	}
	if n > r.left() {
		r.err = errShort{field, n, r.left()}
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u8(field string) uint8 {
	if b := r.take(1, field); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16(field string) uint16 {
	if b := r.take(2, field); b != nil {
		return binary.BigEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32(field string) uint32 {
	if b := r.take(4, field); b != nil {
		return binary.BigEndian.Uint32(b)
	}
	return 0
}

func (r *reader) timestamp(field string) timestamp {
	return timestamp{r.u32(field), r.u32(field)}
}

// parse reads one datagram.
func parse(b []byte) (*message, error) {
	r := &reader{b: b}
	first := r.u8("NTP_PDU:first_byte")
	if r.err != nil {
		return nil, r.err
	}
	m := &message{version: first >> 3 & 7, mode: first & 7}
	switch m.mode {
	case 1, 2, 3, 4, 5:
		m.std = parseStandard(r)
	case modeControl:
		m.control = parseControl(r)
	case modePrivate:
		m.private = parsePrivate(r)
	}
	// Mode 0 has no fields beyond the first byte; whatever follows any
	// message is ignored.
	if r.err != nil {
		return nil, r.err
	}
	return m, nil
}

// macLen and macExtLen are the sizes of a key id with an MD5 digest
// (RFC 5905) and with a SHA-1 one (RFC 5906).
const (
	macLen    = 20
	macExtLen = 24
)

func parseStandard(r *reader) *standard {
	s := &standard{
		stratum:   r.u8("NTP_std_msg:stratum"),
		poll:      int8(r.u8("NTP_std_msg:poll")),
		precision: int8(r.u8("NTP_std_msg:precision")),
	}
	s.rootDelay = [2]int16{int16(r.u16("NTP_Short_Time:seconds")), int16(r.u16("NTP_Short_Time:fractions"))}
	s.rootDisp = [2]int16{int16(r.u16("NTP_Short_Time:seconds")), int16(r.u16("NTP_Short_Time:fractions"))}
	copy(s.refID[:], r.take(4, "NTP_std_msg:reference_id"))
	s.ref = r.timestamp("NTP_Time")
	s.org = r.timestamp("NTP_Time")
	s.rec = r.timestamp("NTP_Time")
	s.xmt = r.timestamp("NTP_Time")
	if r.err != nil {
		return nil
	}
	// More than a MAC's worth left: extension fields, until no more
	// than a MAC's worth remains.
	for r.left() > macExtLen {
		skipExtension(r)
		if r.err != nil {
			return nil
		}
		s.numExts++
	}
	switch r.left() {
	case macLen:
		s.mac = &mac{keyID: r.u32("NTP_MAC:key_id"), digest: r.take(16, "NTP_MAC:digest")}
	case macExtLen:
		s.mac = &mac{keyID: r.u32("NTP_MAC_ext:key_id"), digest: r.take(20, "NTP_MAC_ext:digest")}
	}
	return s
}

// skipExtension reads one extension field in the Autokey layout of
// RFC 5906, the one Zeek parses: a header, a value and a signature, each
// with its length, then padding up to the field's own length.
func skipExtension(r *reader) {
	start := r.left()
	r.take(2, "Extension_Field:field_type")
	length := uint64(r.u16("Extension_Field:len"))
	r.take(2+4+4, "Extension_Field:association_id")
	r.take(uint64(r.u32("Extension_Field:value_len")), "Extension_Field:value")
	r.take(uint64(r.u32("Extension_Field:sig_len")), "Extension_Field:signature")
	if r.err != nil {
		return
	}
	used := start - r.left()
	if length < used {
		r.err = errOffset{"Extension_Field:pad", used, length}
		return
	}
	r.take(length-used, "Extension_Field:pad")
}

// controlMACLen is a key id and an 8-byte checksum (RFC 1119).
const controlMACLen = 12

func parseControl(r *reader) *control {
	b := r.u8("NTP_control_msg:second_byte")
	c := &control{
		resp:     b&0x80 != 0,
		err:      b&0x40 != 0,
		more:     b&0x20 != 0,
		opCode:   b & 0x1f,
		sequence: r.u16("NTP_control_msg:sequence"),
		status:   r.u16("NTP_control_msg:status"),
		assoc:    r.u16("NTP_control_msg:association_id"),
	}
	r.u16("NTP_control_msg:offs")
	n := r.u16("NTP_control_msg:c")
	c.data = r.take(uint64(n), "NTP_control_msg:data")
	if r.err != nil {
		return nil
	}
	if r.left() == controlMACLen {
		c.mac = &mac{keyID: r.u32("NTP_CONTROL_MAC:key_id"), digest: r.take(8, "NTP_CONTROL_MAC:crypto_checksum")}
	}
	return c
}

func parsePrivate(r *reader) *private {
	b := r.u8("NTP_mode7_msg:second_byte")
	p := &private{
		auth:           b&0x80 != 0,
		sequence:       b & 0x7f,
		implementation: r.u8("NTP_mode7_msg:implementation"),
		reqCode:        r.u8("NTP_mode7_msg:request_code"),
	}
	// Zeek takes the 12-bit item count for the data's length in bytes.
	w := r.u16("NTP_mode7_msg:err_and_data_len")
	p.err = uint8(w >> 12)
	p.data = r.take(uint64(w&0x0fff), "NTP_mode7_msg:data")
	if p.auth {
		r.take(macLen, "NTP_MAC")
	}
	if r.err != nil {
		return nil
	}
	return p
}
