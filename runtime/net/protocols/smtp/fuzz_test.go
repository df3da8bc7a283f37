package smtp

import "testing"

// FuzzSMTP feeds arbitrary bytes to the analyser in chunks of both
// directions: each chunk is a header byte (bit 0: the direction, the
// rest: the length) and that many bytes; a header byte of 0xff is a gap
// in the originator's direction instead. Every event is handled, so the
// command and reply parsers, the state machine and the MIME parser all
// run. Nothing may panic or hang, and a mail under way ends with Done.
func FuzzSMTP(f *testing.F) {
	f.Add([]byte("\x4d220 mx ESMTP\r\n\x0fEHLO a\r\n\x1d250-mx\r\n250 PIPELINING\r\n"))
	f.Add([]byte("\x3fMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n\x4c250 ok\r\n250 ok\r\n354 go\r\n\x73Subject: x\r\n\r\nhi\r\n.\r\n\x10250 ok\r\n"))
	f.Add([]byte("\xffContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n--b--\r\n.\r\n"))
	f.Add([]byte("\x13STARTTLS\r\n\x15220 go\r\n\x16\x03\x01\x00"))
	f.Add([]byte("\x11AUTH LOGIN\r\n\x11334 VXNlcg==\r\n\x0bdXNlcg==\r\n\x0b999 bad\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		fk := &fake{quiet: true}
		a := New(fk)
		for len(in) > 0 {
			hdr := in[0]
			in = in[1:]
			if hdr == 0xff {
				a.Gap(true, 10)
				continue
			}
			n := min(int(hdr>>1), len(in))
			a.Deliver(hdr&1 == 1, in[:n])
			in = in[n:]
		}
		a.EndOfData(true)
		a.EndOfData(false)
		a.Done()
		if a.mail != nil {
			t.Fatal("a mail survived Done")
		}
	})
}
