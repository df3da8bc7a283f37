package ssl

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/gobro/gobro/runtime/net/uid"
	"github.com/gobro/gobro/runtime/value"
)

// sessionTicket: a NewSessionTicket's lifetime hint and ticket.
func (c *Conn) sessionTicket(body []byte) bool {
	r := reader{b: body}
	hint := r.u32()
	ticket := r.vec16()
	if r.bad {
		return false
	}
	c.raise("ssl_session_ticket_handshake", count(hint), value.String(string(ticket)))
	return true
}

// tls13 says whether the server chose TLS 1.3 or one of its drafts.
func (c *Conn) tls13() bool { return c.version == 0x0304 || c.version>>8 == 0x7f }

// certificate: the chain of one side. TLS 1.3 puts a request context
// before the list and extensions after each certificate.
func (c *Conn) certificate(isOrig bool, body []byte) bool {
	r := reader{b: body}
	if c.tls13() {
		r.vec8()
	}
	list := reader{b: r.vec24()}
	if r.bad {
		return false
	}
	var certs [][]byte
	for list.left() > 0 {
		certs = append(certs, list.vec24())
		if c.tls13() {
			list.vec16()
		}
		if list.bad {
			return false
		}
	}
	c.certificates(isOrig, certs)
	return true
}

// certificates hands a chain to the scripts, one SSL::__certificate per
// certificate: the first is the peer's own (Zeek's "user" certificate),
// the rest its CAs.
func (c *Conn) certificates(isOrig bool, certs [][]byte) {
	for i, der := range certs {
		id := c.fileID(isOrig)
		if c.h.Handled("SSL::__certificate") {
			c.h.Raise("SSL::__certificate", value.Bool(isOrig), value.String(id), value.String(string(der)), value.Bool(i == 0))
		}
	}
}

// fileID is the id ("F...") of the connection's next certificate: a hash
// of the connection's file handle and the certificate's number, so runs
// are reproducible.
func (c *Conn) fileID(isOrig bool) string {
	c.certs++
	dir := "F"
	if isOrig {
		dir = "T"
	}
	sum := sha256.Sum256([]byte(c.fileBase + dir + itoa(c.certs)))
	a, b := binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])
	return "F" + uid.Base62(a>>32) + uid.Base62(b)
}

// serverKeyExchange: the key agreement parameters of (EC)DHE suites and
// the server's signature over them.
func (c *Conn) serverKeyExchange(body []byte) bool {
	if !c.haveCipher {
		return true
	}
	kex, psk, signed := kexOf(c.cipher)
	if kex != kexECDHE && kex != kexDHE {
		return true
	}
	r := reader{b: body}
	if psk {
		r.vec16() // identity hint
	}
	if kex == kexECDHE {
		if r.u8() != 3 { // only named curves are described
			return !r.bad
		}
		curve := r.u16()
		point := r.vec8()
		if r.bad {
			return false
		}
		c.raise("ssl_ecdh_server_params", count(curve), value.String(string(point)))
	} else {
		p, g, ys := r.vec16(), r.vec16(), r.vec16()
		if r.bad {
			return false
		}
		c.raise("ssl_dh_server_params", value.String(string(p)), value.String(string(g)), value.String(string(ys)))
	}
	if !signed || r.left() == 0 {
		return true
	}
	// Before TLS 1.2 the algorithms are implied; Zeek reports 256 for both.
	hash, sig := uint16(256), uint16(256)
	if c.version >= 0x0303 && c.version>>8 == 3 {
		hash, sig = uint16(r.u8()), uint16(r.u8())
	}
	signature := r.vec16()
	if r.bad {
		return false
	}
	if c.h.Handled("ssl_server_signature") {
		if alg := c.newRecord("SSL::SignatureAndHashAlgorithm", "HashAlgorithm", count(hash), "SignatureAlgorithm", count(sig)); alg != nil {
			c.h.Raise("ssl_server_signature", value.Value{P: alg}, value.String(string(signature)))
		}
	}
	return true
}

// clientKeyExchange: the client's half of the key agreement (or, for
// RSA, the encrypted premaster secret).
func (c *Conn) clientKeyExchange(body []byte) bool {
	if !c.haveCipher {
		return true
	}
	kex, psk, _ := kexOf(c.cipher)
	r := reader{b: body}
	if psk {
		r.vec16() // identity
	}
	switch kex {
	case kexECDHE:
		point := r.vec8()
		if r.bad {
			return false
		}
		c.raise("ssl_ecdh_client_params", value.String(string(point)))
	case kexDHE:
		yc := r.vec16()
		if r.bad {
			return false
		}
		c.raise("ssl_dh_client_params", value.String(string(yc)))
	case kexRSA:
		pms := body
		if c.version != 0x0300 {
			pms = r.vec16()
			if r.bad {
				return false
			}
		}
		c.raise("ssl_rsa_client_pms", value.String(string(pms)))
	}
	return true
}

// certificateStatus: a stapled OCSP response.
func (c *Conn) certificateStatus(isOrig bool, body []byte) bool {
	r := reader{b: body}
	if r.u8() != 1 {
		return !r.bad
	}
	resp := r.vec24()
	if r.bad {
		return false
	}
	c.raise("ssl_stapled_ocsp", value.Bool(isOrig), value.String(string(resp)))
	return true
}

// certificateRequest: the certificate types, signature algorithms (TLS
// 1.2) and CA names a server accepts for the client's certificate.
func (c *Conn) certificateRequest(isOrig bool, body []byte) bool {
	r := reader{b: body}
	certTypes := r.vec8()
	var algs []byte
	if c.version == 0x0303 {
		algs = r.vec16()
	}
	cas := reader{b: r.vec16()}
	if r.bad || len(algs)%2 != 0 {
		return false
	}
	var names [][]byte
	for cas.left() > 0 {
		names = append(names, cas.vec16())
		if cas.bad {
			return false
		}
	}
	if c.h.Handled("ssl_certificate_request") {
		c.h.Raise("ssl_certificate_request", value.Bool(isOrig), c.indexVec(u8s(certTypes)), c.sigAlgs(algs), c.stringVec(names))
	}
	return true
}
