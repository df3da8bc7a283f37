package ssl

import "github.com/gobro/gobro/runtime/value"

// Handshake message types.
const (
	hsHelloRequest        = 0
	hsClientHello         = 1
	hsServerHello         = 2
	hsHelloVerifyRequest  = 3
	hsSessionTicket       = 4
	hsEndOfEarlyData      = 5
	hsHelloRetryRequest   = 6
	hsEncryptedExtensions = 8
	hsCertificate         = 11
	hsServerKeyExchange   = 12
	hsCertificateRequest  = 13
	hsServerHelloDone     = 14
	hsCertificateVerify   = 15
	hsClientKeyExchange   = 16
	hsFinished            = 20
	hsCertificateURL      = 21
	hsCertificateStatus   = 22
	hsSupplementalData    = 23
	hsKeyUpdate           = 24
	hsCompressedCert      = 25
	hsMessageHash         = 254
)

// maxHandshake bounds one buffered handshake message (a 24-bit length
// allows 16 MiB; real certificate chains stay far below).
const maxHandshake = 1 << 20

// handshakeData takes the content of a plaintext handshake record:
// messages may span records, and a record may hold several.
func (c *Conn) handshakeData(isOrig bool, recVer uint16, data []byte) {
	d := c.dir(isOrig)
	buf := data
	if len(d.hs) > 0 {
		d.hs = append(d.hs, data...)
		buf = d.hs
	}
	for !c.skip && len(buf) >= 4 {
		n := int(buf[1])<<16 | int(buf[2])<<8 | int(buf[3])
		if n > maxHandshake {
			c.violation("handshake message too large", buf[:4])
			return
		}
		if len(buf) < 4+n {
			break
		}
		c.handshake(isOrig, recVer, buf[0], buf[4:4+n])
		buf = buf[4+n:]
	}
	if c.skip || d.encrypted {
		d.hs = nil
		return
	}
	switch {
	case len(buf) == 0:
		d.hs = d.hs[:0]
	case len(d.hs) > 0:
		d.hs = append(d.hs[:0], buf...)
	default:
		d.hs = append([]byte(nil), buf...)
	}
}

// handshake handles one complete handshake message: first the events of
// its content, then ssl_handshake_message.
func (c *Conn) handshake(isOrig bool, recVer uint16, typ uint8, body []byte) {
	ok := true
	switch typ {
	case hsClientHello:
		ok = c.clientHello(isOrig, recVer, body)
	case hsServerHello:
		ok = c.serverHello(isOrig, recVer, body)
	case hsSessionTicket:
		ok = c.sessionTicket(body)
	case hsCertificate:
		ok = c.certificate(isOrig, body)
	case hsServerKeyExchange:
		ok = c.serverKeyExchange(body)
	case hsClientKeyExchange:
		ok = c.clientKeyExchange(body)
	case hsCertificateStatus:
		ok = c.certificateStatus(isOrig, body)
	case hsCertificateRequest:
		ok = c.tls13() || c.certificateRequest(isOrig, body)
	case hsHelloRequest, hsHelloVerifyRequest, hsEndOfEarlyData, hsHelloRetryRequest,
		hsEncryptedExtensions, hsServerHelloDone, hsCertificateVerify,
		hsFinished, hsCertificateURL, hsSupplementalData, hsKeyUpdate, hsCompressedCert, hsMessageHash:
	default:
		c.violation("unknown handshake message ("+itoa(int(typ))+") from "+side(isOrig), nil)
		return
	}
	if !ok {
		c.violation("malformed handshake message ("+itoa(int(typ))+") from "+side(isOrig), body)
		return
	}
	c.raise("ssl_handshake_message", value.Bool(isOrig), count(typ), count(len(body)))
}
