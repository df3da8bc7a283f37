package ssl

import "github.com/gobro/gobro/runtime/value"

// SSLv2 message types.
const (
	v2Error           = 0
	v2ClientHello     = 1
	v2ClientMasterKey = 2
	v2ServerHello     = 4
)

// v2Record handles one SSLv2 record (2-byte header), as an old client's
// SSLv2-compatible hello uses. Its hellos carry no record-layer version,
// so their events report 0 for it.
func (c *Conn) v2Record(isOrig bool, body []byte) {
	if len(body) == 0 {
		c.violation("empty SSLv2 record", nil)
		return
	}
	r := reader{b: body[1:]}
	switch body[0] {
	case v2ClientHello:
		version := r.u16()
		csLen, sidLen, chalLen := int(r.u16()), int(r.u16()), int(r.u16())
		suites := r.bytes(csLen)
		sid := r.bytes(sidLen)
		challenge := r.bytes(chalLen)
		if r.bad || csLen%3 != 0 {
			c.violation("malformed SSLv2 client hello", body)
			return
		}
		c.helloVersion(version, "client")
		if c.h.Handled("ssl_client_hello") {
			c.h.Raise("ssl_client_hello", count(version), count(0), value.Time(0), value.String(string(challenge)),
				value.String(string(sid)), c.v2Ciphers(suites), c.vectorOf("index_vec", nil))
		}
	case v2ServerHello:
		r.u8() // session id hit
		r.u8() // certificate type
		version := r.u16()
		certLen, csLen, connLen := int(r.u16()), int(r.u16()), int(r.u16())
		cert := r.bytes(certLen)
		suites := r.bytes(csLen)
		connID := r.bytes(connLen)
		if r.bad || csLen%3 != 0 {
			c.violation("malformed SSLv2 server hello", body)
			return
		}
		if version != 0x0002 {
			c.violation("Invalid version in SSL server hello. Version: "+itoa(int(version)), nil)
			return
		}
		c.version = version
		cipher := uint32(0)
		if len(suites) >= 3 {
			cipher = uint32(suites[0])<<16 | uint32(suites[1])<<8 | uint32(suites[2])
		}
		if c.h.Handled("ssl_server_hello") {
			c.h.Raise("ssl_server_hello", count(version), count(0), value.Time(0), value.String(string(connID)),
				value.String(""), value.Count(uint64(cipher)), count(0))
		}
		c.certificates(isOrig, [][]byte{cert})
	case v2ClientMasterKey:
		if !c.established {
			c.established = true
			c.raise("ssl_established")
		}
	case v2Error:
		code := r.u16()
		if !r.bad {
			c.raise("ssl_alert", value.Bool(isOrig), value.Count(^uint64(0)), count(code))
		}
	}
}

// v2Ciphers reads SSLv2's 3-byte cipher kinds.
func (c *Conn) v2Ciphers(b []byte) value.Value {
	var elems []value.Value
	for i := 0; i+2 < len(b); i += 3 {
		elems = append(elems, value.Count(uint64(b[i])<<16|uint64(b[i+1])<<8|uint64(b[i+2])))
	}
	return c.vectorOf("index_vec", elems)
}
