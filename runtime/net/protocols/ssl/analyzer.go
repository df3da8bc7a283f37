package ssl

import (
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/value"
)

// host is what the parser reports to: *analyzer.Context in the engine.
type host interface {
	analyzer.Basics
	Type(name string) types.Type
	Weird(name, addl string)
}

func init() {
	analyzer.Register(&analyzer.Spec{Name: "SSL", Transports: analyzer.TCP, New: newAnalyzer})
}

func newAnalyzer(ctx *analyzer.Context) analyzer.Analyzer {
	c := ctx.Conn
	id := c.ID
	// The file handle of the connection's certificates, as Zeek builds
	// it: analyser, start time, connection id.
	base := "Analyzer::ANALYZER_SSL" + formatTime(float64(c.Start().UnixNano())/1e9) +
		id.OrigH.String() + ":" + itoa(int(id.OrigP)) + " > " + id.RespH.String() + ":" + itoa(int(id.RespP))
	return &tcpAnalyzer{Conn: newConn(ctx, base), ctx: ctx}
}

// tcpAnalyzer adapts Conn to the analyser interface: Zeek's SSL analyser
// ignores partial connections (no SYN seen).
type tcpAnalyzer struct {
	*Conn
	ctx     *analyzer.Context
	checked bool
}

func (a *tcpAnalyzer) Deliver(isOrig bool, data []byte) {
	if !a.checked {
		a.checked = true
		if !strings.ContainsAny(a.ctx.Conn.History(), "SsHh") {
			a.skip = true
		}
	}
	a.Conn.Deliver(isOrig, data)
}

// Conn is the SSL/TLS state of one connection.
type Conn struct {
	h     host
	dirs  [2]direction // [0] responder, [1] originator
	skip  bool         // a violation ended the analysis
	sawV3 bool         // a TLS record was seen: no more SSLv2 framing

	established bool
	version     uint16 // the server's choice (supported_versions wins)
	cipher      uint16
	haveCipher  bool

	fileBase string // file handle prefix of the certificates
	certs    int    // certificates handed on so far
}

// direction is one side's unfinished record and handshake message.
type direction struct {
	rec       []byte // bytes of a record not complete yet
	hs        []byte // bytes of a handshake message not complete yet
	encrypted bool   // ChangeCipherSpec seen: records are ciphertext
	// skip is how many bytes of the ciphertext record cipher are still
	// to come: only its header counts, so its body is passed over
	// rather than gathered (a 16 KB record spans a dozen segments).
	skip   int
	cipher recordHeader
}

// recordHeader is what the analyser keeps of a record whose body it
// does not read.
type recordHeader struct {
	ctype uint8
	ver   uint16
	n     int
}

// newConn is the analysis of one connection; fileBase names its
// certificates (see fileID).
func newConn(h host, fileBase string) *Conn {
	return &Conn{h: h, fileBase: fileBase}
}

func (c *Conn) dir(isOrig bool) *direction {
	if isOrig {
		return &c.dirs[1]
	}
	return &c.dirs[0]
}

// Deliver takes the next in-order bytes of one direction.
func (c *Conn) Deliver(isOrig bool, data []byte) {
	d := c.dir(isOrig)
	if c.skip {
		return
	}
	if d.skip > 0 {
		k := min(d.skip, len(data))
		d.skip -= k
		if data = data[k:]; d.skip > 0 {
			return
		}
		c.ciphertext(isOrig, d.cipher)
		if c.skip || len(data) == 0 {
			return
		}
	}
	buf := data
	if len(d.rec) > 0 {
		d.rec = append(d.rec, data...)
		buf = d.rec
	}
	n := c.records(isOrig, buf)
	rest := buf[n:]
	switch {
	case c.skip:
		d.rec = nil
	case len(rest) == 0:
		d.rec = d.rec[:0]
	case len(d.rec) > 0:
		d.rec = append(d.rec[:0], rest...)
	default:
		d.rec = append([]byte(nil), rest...)
	}
}

// Gap: like Zeek's, the analysis ends once content is missing on
// either side (records cannot be found again in a stream with a hole).
func (c *Conn) Gap(isOrig bool, n uint64) {
	c.skip = true
	c.dirs = [2]direction{}
}

// EndOfData drops what is left of an unfinished record.
func (c *Conn) EndOfData(isOrig bool) {
	d := c.dir(isOrig)
	d.rec, d.hs, d.skip = nil, nil, 0
}

// Done ends the analysis.
func (c *Conn) Done() { c.skip = true }

// violation reports broken input and stops the analysis, as Zeek's
// analyser stops once it has reported one.
func (c *Conn) violation(reason string, data []byte) {
	if c.skip {
		return
	}
	c.skip = true
	c.h.Violation(reason, data)
}

// records parses the complete records at the start of b and returns how
// many bytes they took.
func (c *Conn) records(isOrig bool, b []byte) int {
	off := 0
	for !c.skip && off < len(b) {
		r := b[off:]
		if !c.sawV3 && r[0]&0x80 != 0 {
			if len(r) < 2 {
				return off
			}
			n := int(r[0]&0x7f)<<8 | int(r[1])
			if len(r) < 2+n {
				return off
			}
			c.v2Record(isOrig, r[2:2+n])
			off += 2 + n
			continue
		}
		if len(r) < 5 {
			return off
		}
		ctype, ver, n := r[0], uint16(r[1])<<8|uint16(r[2]), int(r[3])<<8|int(r[4])
		if !c.sawV3 && !plausibleRecord(ctype, ver) {
			c.violation("invalid SSL/TLS record header", r[:5])
			return len(b)
		}
		c.sawV3 = true
		if len(r) < 5+n {
			if d := c.dir(isOrig); d.encrypted {
				// The body comes in later deliveries: wait for its
				// bytes without keeping them (see direction.skip).
				d.cipher, d.skip = recordHeader{ctype, ver, n}, 5+n-len(r)
				return len(b)
			}
			return off
		}
		c.record(isOrig, ctype, ver, r[5:5+n])
		off += 5 + n
	}
	return off
}

// plausibleRecord says whether the first TLS record header of a
// connection looks like TLS: a known content type and SSLv3/TLS (or
// DTLS) major version.
func plausibleRecord(ctype uint8, ver uint16) bool {
	if ctype < contentChangeCipherSpec || ctype > contentHeartbeat {
		return false
	}
	return ver>>8 == 3 || ver>>8 == 0xfe
}

// Record content types.
const (
	contentChangeCipherSpec = 20
	contentAlert            = 21
	contentHandshake        = 22
	contentApplicationData  = 23
	contentHeartbeat        = 24
)

// record handles one TLS record of one direction.
func (c *Conn) record(isOrig bool, ctype uint8, ver uint16, body []byte) {
	d := c.dir(isOrig)
	if d.encrypted {
		c.ciphertext(isOrig, recordHeader{ctype, ver, len(body)})
		return
	}
	switch ctype {
	case contentChangeCipherSpec:
		d.encrypted = true
		d.hs = nil
		c.raise("ssl_change_cipher_spec", value.Bool(isOrig))
	case contentAlert:
		for a := body; len(a) >= 2; a = a[2:] {
			c.raise("ssl_alert", value.Bool(isOrig), count(a[0]), count(a[1]))
		}
	case contentHandshake:
		c.handshakeData(isOrig, ver, body)
	case contentApplicationData:
	case contentHeartbeat:
		if len(body) >= 3 && c.h.Handled("ssl_heartbeat") {
			c.raise("ssl_heartbeat", value.Bool(isOrig), count(len(body)), count(body[0]),
				count(int(body[1])<<8|int(body[2])), value.String(string(body[3:])))
		}
	default:
		c.violation("unknown SSL record type ("+itoa(int(ctype))+") from "+side(isOrig), nil)
		return
	}
	if !c.skip && c.h.Handled("ssl_plaintext_data") {
		c.raise("ssl_plaintext_data", value.Bool(isOrig), count(ver), count(ctype), count(len(body)))
	}
}

// ciphertext handles a whole record after ChangeCipherSpec, of which
// only the header counts.
func (c *Conn) ciphertext(isOrig bool, h recordHeader) {
	if !c.established && c.dirs[0].encrypted && c.dirs[1].encrypted {
		c.established = true
		c.raise("ssl_established")
	}
	if c.h.Handled("ssl_encrypted_data") {
		c.raise("ssl_encrypted_data", value.Bool(isOrig), count(h.ver), count(h.ctype), count(h.n))
	}
}

func side(isOrig bool) string {
	if isOrig {
		return "originator"
	}
	return "responder"
}

// versionOK is whether Zeek's analyser accepts a hello's version: SSLv2,
// SSLv3, TLS 1.0-1.3, its drafts, and DTLS.
func versionOK(v uint16) bool {
	switch v {
	case 0x0002, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0xfeff, 0xfefd, 0xfefc:
		return true
	}
	return v>>8 == 0x7f
}
