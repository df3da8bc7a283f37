package ntp

import (
	"encoding/binary"
	"strings"
	"testing"
)

// ts is an NTP timestamp for the builders.
type ts struct{ sec, frac uint32 }

// Timestamps of the exchange in Zeek's var-services-std-ports trace,
// with round fractions.
var (
	tsRef = ts{3517917818, 0x40000000}
	tsOrg = ts{3517919523, 0x80000000}
	tsRec = ts{3517919527, 0xc0000000}
	tsXmt = ts{3517919527, 0xe0000000}
)

// std builds a time message: the first byte (leap, version, mode), the
// stratum, poll and precision, root delay and dispersion as raw 32-bit
// short times, the reference id and the four timestamps.
func std(first, stratum byte, poll, precision int8, delay, disp uint32, refID string, stamps ...ts) []byte {
	b := []byte{first, stratum, byte(poll), byte(precision)}
	b = binary.BigEndian.AppendUint32(b, delay)
	b = binary.BigEndian.AppendUint32(b, disp)
	b = append(b, refID[:4]...)
	for _, t := range stamps {
		b = binary.BigEndian.AppendUint32(b, t.sec)
		b = binary.BigEndian.AppendUint32(b, t.frac)
	}
	return b
}

// extension is an Autokey extension field (RFC 5906) with the given
// value and signature, its length field set to length (0: exactly what
// it holds, padded to a multiple of 4).
func extension(length uint16, val, sig string) []byte {
	b := []byte{0x02, 0x01, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}
	b = binary.BigEndian.AppendUint32(b, uint32(len(val)))
	b = append(b, val...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(sig)))
	b = append(b, sig...)
	if length == 0 {
		length = uint16((len(b) + 3) &^ 3)
	}
	binary.BigEndian.PutUint16(b[2:], length)
	for len(b) < int(length) {
		b = append(b, 0)
	}
	return b
}

// ctl builds a mode 6 message.
func ctl(first, second byte, seq, status, assoc, offset uint16, data string, tail ...byte) []byte {
	b := []byte{first, second}
	for _, v := range []uint16{seq, status, assoc, offset, uint16(len(data))} {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	return append(append(b, data...), tail...)
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func repeat(c byte, n int) []byte { return []byte(strings.Repeat(string(c), n)) }

// The parts of the NTP::Message that are unset in most cases.
const (
	noCtl7  = ", control_msg=<uninitialized>, mode7_msg=<uninitialized>]"
	noMAC   = "key_id=<uninitialized>, digest=<uninitialized>"
	stamps  = "ref_time=1308929018.25, org_time=1308930723.5, rec_time=1308930727.75, xmt_time=1308930727.875"
	noRefID = "ref_id=<uninitialized>, ref_addr=<uninitialized>"
)

type datagram struct {
	isOrig bool
	data   []byte
}

func orig(b []byte) datagram { return datagram{true, b} }
func resp(b []byte) datagram { return datagram{false, b} }

// TestMessages delivers datagrams to one connection each and compares
// what the analyser reports, checked by hand against Zeek's NTP
// analyser (values printed as Zeek's print statement prints them).
func TestMessages(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []datagram
		// view, when set, shows ntp_message lines by the part the case
		// is about.
		view func(string) string
		want []string
	}{{
		// A client's request and a stratum 2 server's reply (their
		// header fields are those of the var-services trace): the
		// reference id is a kiss code for stratum 0, an address above
		// stratum 1.
		name: "client-server",
		in: []datagram{
			orig(std(0xe3, 0, 6, -22, 0, 0x206, "\x00\x00\x00\x00", ts{}, tsOrg, tsRec, tsXmt)),
			resp(std(0x24, 2, 6, -20, 0xad7, 0xae0, "\xc0\x2b\xf4\x12", tsRef, tsOrg, tsRec, tsXmt)),
		},
		want: []string{
			"confirm",
			"ntp_message(T, [version=4, mode=3, std_msg=[stratum=0, poll=1.0 min 4.0 secs, precision=0.238419 usecs, root_delay=0 secs, root_disp=7.0 msecs 904.052734 usecs, kiss_code=\\x00\\x00\\x00\\x00, " + noRefID + ", ref_time=0.0, org_time=1308930723.5, rec_time=1308930727.75, xmt_time=1308930727.875, " + noMAC + ", num_exts=0]" + noCtl7 + ")",
			"confirm",
			"ntp_message(F, [version=4, mode=4, std_msg=[stratum=2, poll=1.0 min 4.0 secs, precision=0.953674 usecs, root_delay=42.0 msecs 343.139648 usecs, root_disp=42.0 msecs 480.46875 usecs, kiss_code=<uninitialized>, ref_id=<uninitialized>, ref_addr=192.43.244.18, " + stamps + ", " + noMAC + ", num_exts=0]" + noCtl7 + ")",
		},
	}, {
		// Stratum 1 names its reference clock; the short times' halves
		// are signed, so a fraction of half a second or more makes the
		// value negative, as in Zeek.
		name: "stratum-1-signed-short-times",
		in:   []datagram{resp(std(0x1c, 1, 4, -29, 0x00018000, 0xffff0000, "GPS\x00", tsRef, tsOrg, tsRec, tsXmt))},
		want: []string{
			"confirm",
			"ntp_message(F, [version=3, mode=4, std_msg=[stratum=1, poll=16.0 secs, precision=0.001863 usecs, root_delay=500.0 msecs, root_disp=-1.0 sec, kiss_code=<uninitialized>, ref_id=GPS\\x00, ref_addr=<uninitialized>, " + stamps + ", " + noMAC + ", num_exts=0]" + noCtl7 + ")",
		},
	}, {
		// A server's reply from the originator flips the roles; is_orig
		// stays as delivered. A client's request from the (new)
		// responder's side flips them again: Zeek keeps one flag per
		// direction.
		name: "flips",
		in: []datagram{
			orig(std(0x24, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt)),
			orig(std(0x24, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt)),
			resp(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt)),
			resp(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt)),
		},
		view: modeOnly,
		want: []string{"confirm", "flip", "ntp_message(T, mode 4)", "confirm", "ntp_message(T, mode 4)", "confirm", "flip", "ntp_message(F, mode 3)", "confirm", "ntp_message(F, mode 3)"},
	}, {
		// After the 48 bytes: 20 are a key id and an MD5 digest, 24 a
		// key id and a SHA-1 digest, anything else up to 24 is ignored
		// (a 4-byte crypto-NAK, say).
		name: "macs",
		in: []datagram{
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), []byte{0, 0, 0, 7}, repeat('d', 16))),
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), []byte{0, 0, 1, 0}, repeat('s', 20))),
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), []byte{0, 0, 0, 0})),
		},
		view: macAndExts,
		want: []string{
			"confirm", "ntp_message(T, key_id=7, digest=dddddddddddddddd, num_exts=0)",
			"confirm", "ntp_message(T, key_id=256, digest=ssssssssssssssssssss, num_exts=0)",
			"confirm", "ntp_message(T, " + noMAC + ", num_exts=0)",
		},
	}, {
		// More than 24 bytes after the header are extension fields, as
		// many as fit before at most 24 bytes remain.
		name: "extensions",
		in: []datagram{
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), extension(0, "value", "sig"), []byte{0, 0, 0, 9}, repeat('d', 16))),
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), extension(0, "", ""), extension(32, "v", ""))),
		},
		view: macAndExts,
		want: []string{
			"confirm", "ntp_message(T, key_id=9, digest=dddddddddddddddd, num_exts=1)",
			"confirm", "ntp_message(T, " + noMAC + ", num_exts=2)",
		},
	}, {
		// A control request and its response: the data and a 12-byte
		// authenticator when exactly that much follows.
		name: "control",
		in: []datagram{
			orig(ctl(0x16, 0x02, 1, 0, 0, 0, "")),
			resp(ctl(0x16, 0x82, 1, 0x0618, 0, 0, "version=\"ntpd 4.2.8\"", 0, 0, 0, 5, 'c', 'h', 'e', 'c', 'k', 's', 'u', 'm')),
			resp(ctl(0x16, 0xe1, 2, 0, 3, 0, "x", 1, 2)),
		},
		want: []string{
			"confirm",
			"ntp_message(T, [version=2, mode=6, std_msg=<uninitialized>, control_msg=[op_code=2, resp_bit=F, err_bit=F, more_bit=F, sequence=1, status=0, association_id=0, data=<uninitialized>, key_id=<uninitialized>, crypto_checksum=<uninitialized>], mode7_msg=<uninitialized>])",
			"confirm",
			"ntp_message(F, [version=2, mode=6, std_msg=<uninitialized>, control_msg=[op_code=2, resp_bit=T, err_bit=F, more_bit=F, sequence=1, status=1560, association_id=0, data=version=\"ntpd 4.2.8\", key_id=5, crypto_checksum=checksum], mode7_msg=<uninitialized>])",
			"confirm",
			"ntp_message(F, [version=2, mode=6, std_msg=<uninitialized>, control_msg=[op_code=1, resp_bit=T, err_bit=T, more_bit=T, sequence=2, status=0, association_id=3, data=x, key_id=<uninitialized>, crypto_checksum=<uninitialized>], mode7_msg=<uninitialized>])",
		},
	}, {
		// A monlist request (implementation 3, request 42) with its
		// 40 bytes of data items, and an authenticated one: the 20
		// bytes of key id and digest must be there.
		name: "mode7",
		in: []datagram{
			orig(cat([]byte{0x17, 0x00, 0x03, 0x2a, 0x00, 0x28}, make([]byte, 40))),
			orig(cat([]byte{0x17, 0x85, 0x03, 0x2a, 0x30, 0x02}, []byte("ab"), make([]byte, 20))),
			orig(cat([]byte{0x17, 0x85, 0x03, 0x2a, 0x30, 0x02}, []byte("ab"), make([]byte, 19))),
		},
		want: []string{
			"confirm",
			"ntp_message(T, [version=2, mode=7, std_msg=<uninitialized>, control_msg=<uninitialized>, mode7_msg=[req_code=42, auth_bit=F, sequence=0, implementation=3, err=0, data=\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00]])",
			"confirm",
			"ntp_message(T, [version=2, mode=7, std_msg=<uninitialized>, control_msg=<uninitialized>, mode7_msg=[req_code=42, auth_bit=T, sequence=5, implementation=3, err=3, data=ab]])",
			"violation Binpac exception: out_of_bound: NTP_MAC: 20 > 19",
		},
	}, {
		// Zeek checks neither the version nor the mode: a lone byte of
		// mode 0 is a message, trailing bytes are ignored.
		name: "lenient",
		in:   []datagram{orig([]byte{0x00}), orig(cat(std(0x3b, 2, 0, 0, 0, 0, "\x00\x00\x00\x00", ts{}, ts{}, ts{}, ts{}), []byte{1, 2, 3}))},
		want: []string{
			"confirm",
			"ntp_message(T, [version=0, mode=0, std_msg=<uninitialized>" + noCtl7 + ")",
			"confirm",
			"ntp_message(T, [version=7, mode=3, std_msg=[stratum=2, poll=1.0 sec, precision=1.0 sec, root_delay=0 secs, root_disp=0 secs, kiss_code=<uninitialized>, ref_id=<uninitialized>, ref_addr=0.0.0.0, ref_time=0.0, org_time=0.0, rec_time=0.0, xmt_time=0.0, " + noMAC + ", num_exts=0]" + noCtl7 + ")",
		},
	}, {
		// Too short for the mode's fields, or extension fields whose
		// lengths do not add up: violations, and no event.
		name: "violations",
		in: []datagram{
			orig(nil),
			orig(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec)),
			orig(ctl(0x16, 0x02, 1, 0, 0, 0, "")[:11]),
			orig(ctl(0x16, 0x82, 1, 0, 0, 0, "abcd")[:14]),
			orig([]byte{0x17, 0x00, 0x03, 0x2a, 0x00, 0x28}),
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), extension(8, "", ""), make([]byte, 8))),
			orig(cat(std(0x23, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt), extension(0, "", "")[:14], []byte{0xff, 0xff, 0xff, 0xff}, make([]byte, 8))),
		},
		want: []string{
			"violation Binpac exception: out_of_bound: NTP_PDU:first_byte: 1 > 0",
			"violation Binpac exception: out_of_bound: NTP_Time: 4 > 0",
			"violation Binpac exception: out_of_bound: NTP_control_msg:c: 2 > 1",
			"violation Binpac exception: out_of_bound: NTP_control_msg:data: 4 > 2",
			"violation Binpac exception: out_of_bound: NTP_mode7_msg:data: 40 > 0",
			"violation Binpac exception: invalid offset for Extension_Field:pad: min_offset = 22, offset = 8",
			"violation Binpac exception: out_of_bound: Extension_Field:value: 4294967295 > 8",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			h := newFake(t)
			c := newConn(h)
			for _, d := range tc.in {
				c.Deliver(d.isOrig, d.data)
			}
			got := h.take()
			for i, l := range got {
				if tc.view != nil && strings.HasPrefix(l, "ntp_message(") {
					got[i] = tc.view(l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// modeOnly shows an ntp_message by its direction and mode.
func modeOnly(l string) string {
	m := strings.Index(l, "mode=")
	return l[:len("ntp_message(T, ")] + "mode " + l[m+5:m+6] + ")"
}

// macAndExts shows an ntp_message by its direction and the fields after
// the timestamps.
func macAndExts(l string) string {
	k := strings.Index(l, "key_id=")
	rest := l[k:]
	return l[:len("ntp_message(T, ")] + rest[:strings.Index(rest, "]")] + ")"
}

// TestUnhandled: without ntp_message handlers no record is built, but
// the protocol is still confirmed and the roles still flipped.
func TestUnhandled(t *testing.T) {
	h := newFake(t)
	h.unhandled = map[string]bool{"ntp_message": true}
	c := newConn(h)
	c.Deliver(true, std(0x24, 2, 6, -20, 0, 0, "\x0a\x00\x00\x01", tsRef, tsOrg, tsRec, tsXmt))
	if got := strings.Join(h.take(), " "); got != "confirm flip" || h.events != 0 {
		t.Errorf("got %q and %d events, want \"confirm flip\" and none", got, h.events)
	}
}
