package ssl

import (
	"fmt"

	"github.com/gobro/gobro/runtime/value"
)

// clientHello parses a ClientHello: its extensions' events come first,
// then ssl_client_hello. It is false when the message is malformed.
func (c *Conn) clientHello(isOrig bool, recVer uint16, body []byte) bool {
	r := reader{b: body}
	version := r.u16()
	random := r.bytes(32)
	sid := r.vec8()
	suites := r.vec16()
	comp := r.vec8()
	if r.bad || len(suites) < 2 || len(suites)%2 != 0 || len(comp) == 0 {
		return false
	}
	if !c.extensions(isOrig, true, &r) {
		return false
	}
	c.helloVersion(version, "client")
	if c.h.Handled("ssl_client_hello") {
		ciphers, _ := u16s(suites)
		c.h.Raise("ssl_client_hello", count(version), count(recVer), gmtTime(random),
			value.String(string(random)), value.String(string(sid)), c.indexVec(ciphers), c.indexVec(u8s(comp)))
	}
	return true
}

// helloVersion checks a hello's version: a client's good one confirms
// the protocol, a bad one from either side is a violation.
func (c *Conn) helloVersion(v uint16, who string) {
	switch {
	case !versionOK(v):
		c.violation(fmt.Sprintf("unsupported %s SSL version 0x%04x", who, v), nil)
	case who == "client":
		c.h.Confirm()
	}
}

// gmtTime is a hello random's first four bytes as a time (possible_ts).
func gmtTime(random []byte) value.Value {
	if len(random) < 4 {
		return value.Time(0)
	}
	return value.Time(float64(uint32(random[0])<<24 | uint32(random[1])<<16 | uint32(random[2])<<8 | uint32(random[3])))
}

// serverHello parses a ServerHello (or a TLS 1.3 draft's, which has no
// session id nor compression method).
func (c *Conn) serverHello(isOrig bool, recVer uint16, body []byte) bool {
	r := reader{b: body}
	version := r.u16()
	random := r.bytes(32)
	var sid []byte
	var comp uint8
	draft := version>>8 == 0x7f
	if !draft {
		sid = r.vec8()
	}
	cipher := r.u16()
	if !draft {
		comp = r.u8()
	}
	if r.bad {
		return false
	}
	c.version, c.cipher, c.haveCipher = version, cipher, true
	if !c.extensions(isOrig, false, &r) {
		return false
	}
	c.helloVersion(version, "server")
	if c.h.Handled("ssl_server_hello") {
		c.h.Raise("ssl_server_hello", count(version), count(recVer), gmtTime(random),
			value.String(string(random)), value.String(string(sid)), count(cipher), count(comp))
	}
	return true
}

// Extension types with events of their own.
const (
	extServerName          = 0
	extSupportedGroups     = 10
	extECPointFormats      = 11
	extSignatureAlgorithms = 13
	extALPN                = 16
	extPreSharedKey        = 41
	extSupportedVersions   = 43
	extPSKKeyExchangeModes = 45
	extKeyShareOld         = 40 // key_share before TLS 1.3 draft 23
	extKeyShare            = 51
)

// extensions reads the optional extension block of a hello: a 16-bit
// length (not trusted, as Zeek does not), then extensions to the end of
// the message. Each raises its own event, if it has one, and then
// ssl_extension.
func (c *Conn) extensions(isOrig, isClient bool, r *reader) bool {
	if r.left() < 2 {
		return true
	}
	r.u16()
	for r.left() > 0 {
		code := r.u16()
		data := r.vec16()
		if r.bad {
			return false
		}
		if !c.extension(isOrig, isClient, code, data) {
			return false
		}
		if c.h.Handled("ssl_extension") {
			c.h.Raise("ssl_extension", value.Bool(isOrig), count(code), value.String(string(data)))
		}
	}
	return true
}

// extension raises the event of one extension that has one.
func (c *Conn) extension(isOrig, isClient bool, code uint16, data []byte) bool {
	r := reader{b: data}
	switch code {
	case extServerName:
		return c.serverName(isOrig, data)
	case extSupportedGroups:
		list, ok := u16s(r.vec16())
		if !ok || r.bad {
			return false
		}
		if c.h.Handled("ssl_extension_elliptic_curves") {
			c.h.Raise("ssl_extension_elliptic_curves", value.Bool(isOrig), c.indexVec(list))
		}
	case extECPointFormats:
		list := r.vec8()
		if r.bad {
			return false
		}
		if c.h.Handled("ssl_extension_ec_point_formats") {
			c.h.Raise("ssl_extension_ec_point_formats", value.Bool(isOrig), c.indexVec(u8s(list)))
		}
	case extSignatureAlgorithms:
		list := r.vec16()
		if r.bad || len(list)%2 != 0 {
			return false
		}
		if c.h.Handled("ssl_extension_signature_algorithm") {
			c.h.Raise("ssl_extension_signature_algorithm", value.Bool(isOrig), c.sigAlgs(list))
		}
	case extALPN:
		if len(data) == 0 {
			return true
		}
		list := r.vec16()
		var names [][]byte
		for p := (reader{b: list}); p.left() > 0; {
			names = append(names, p.vec8())
			if p.bad {
				return false
			}
		}
		if r.bad {
			return false
		}
		c.raise("ssl_extension_application_layer_protocol_negotiation", value.Bool(isOrig), c.stringVec(names))
	case extSupportedVersions:
		var versions []uint16
		if isClient {
			list, ok := u16s(r.vec8())
			if !ok || r.bad {
				return false
			}
			versions = list
		} else {
			versions = []uint16{r.u16()}
			if r.bad {
				return false
			}
			c.version = versions[0]
		}
		c.raise("ssl_extension_supported_versions", value.Bool(isOrig), c.indexVec(versions))
	case extKeyShare, extKeyShareOld:
		return c.keyShare(isOrig, isClient, data)
	case extPSKKeyExchangeModes:
		modes := r.vec8()
		if r.bad {
			return false
		}
		c.raise("ssl_extension_psk_key_exchange_modes", value.Bool(isOrig), c.indexVec(u8s(modes)))
	case extPreSharedKey:
		return c.preSharedKey(isOrig, isClient, data)
	}
	return true
}

// serverName: a list of (type, name); only host names (type 0) count.
// A server's empty extension (it acknowledges the name) has no event.
func (c *Conn) serverName(isOrig bool, data []byte) bool {
	if len(data) == 0 {
		return true
	}
	r := reader{b: data}
	list := reader{b: r.vec16()}
	if r.bad {
		return false
	}
	var names [][]byte
	for list.left() > 0 {
		typ := list.u8()
		name := list.vec16()
		if list.bad {
			return false
		}
		if typ != 0 {
			c.h.Weird("SSL_unknown_server_name_type", itoa(int(typ)))
			continue
		}
		names = append(names, name)
	}
	c.raise("ssl_extension_server_name", value.Bool(isOrig), c.stringVec(names))
	return true
}

// keyShare: a client lists (group, key) entries; a server picks one
// entry, or in a HelloRetryRequest names just the group.
func (c *Conn) keyShare(isOrig, isClient bool, data []byte) bool {
	r := reader{b: data}
	var groups []uint16
	switch {
	case isClient:
		list := reader{b: r.vec16()}
		for list.left() > 0 {
			groups = append(groups, list.u16())
			list.vec16()
		}
		if list.bad {
			return false
		}
	case len(data) == 2:
		groups = []uint16{r.u16()}
	default:
		groups = []uint16{r.u16()}
		r.vec16()
	}
	if r.bad {
		return false
	}
	c.raise("ssl_extension_key_share", value.Bool(isOrig), c.indexVec(groups))
	return true
}

// preSharedKey: a client's identities and binders, or the index of the
// identity the server accepted.
func (c *Conn) preSharedKey(isOrig, isClient bool, data []byte) bool {
	r := reader{b: data}
	if !isClient {
		sel := r.u16()
		if r.bad {
			return false
		}
		c.raise("ssl_extension_pre_shared_key_server_hello", value.Bool(isOrig), count(sel))
		return true
	}
	ids := reader{b: r.vec16()}
	binders := reader{b: r.vec16()}
	if r.bad {
		return false
	}
	var idVals []value.Value
	for ids.left() > 0 {
		id := ids.vec16()
		age := ids.u32()
		if ids.bad {
			return false
		}
		if rec := c.newRecord("SSL::PSKIdentity", "identity", value.String(string(id)), "obfuscated_ticket_age", count(age)); rec != nil {
			idVals = append(idVals, value.Value{P: rec})
		}
	}
	var bs [][]byte
	for binders.left() > 0 {
		bs = append(bs, binders.vec8())
		if binders.bad {
			return false
		}
	}
	if c.h.Handled("ssl_extension_pre_shared_key_client_hello") {
		c.h.Raise("ssl_extension_pre_shared_key_client_hello", value.Bool(isOrig),
			c.vectorOf("psk_identity_vec", idVals), c.stringVec(bs))
	}
	return true
}

// sigAlgs is a signature_and_hashalgorithm_vec of (hash, signature)
// byte pairs.
func (c *Conn) sigAlgs(list []byte) value.Value {
	var elems []value.Value
	for i := 0; i+1 < len(list); i += 2 {
		if rec := c.sigAlg(list[i], list[i+1]); rec != nil {
			elems = append(elems, value.Value{P: rec})
		}
	}
	return c.vectorOf("signature_and_hashalgorithm_vec", elems)
}

func (c *Conn) sigAlg(hash, sig uint8) *value.Record {
	return c.newRecord("SSL::SignatureAndHashAlgorithm", "HashAlgorithm", count(hash), "SignatureAlgorithm", count(sig))
}
