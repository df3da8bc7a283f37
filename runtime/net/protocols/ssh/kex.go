package ssh

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// SSH-2 message types of the transport layer (RFC 4253 section 12).
const (
	msgKexInit  = 20
	msgNewKeys  = 21
	msgKexFirst = 30 // 30..49: specific to the key exchange method
)

// Key exchange methods: they number messages 30 and up differently.
const (
	kexNone  = iota
	kexDH    // fixed groups, RFC 4253 section 8 and RFC 8268
	kexDHGEX // group exchange, RFC 4419
	kexECC   // ECDH (RFC 5656), curve25519/448 and hybrid PQ methods
	kexGSS   // RFC 4462
	kexRSA   // RFC 4432
	kexUnknown
)

// kexState is what the connection knows of its key exchange.
type kexState struct {
	seen     bool   // one side's KEXINIT is in
	seenOrig bool   // ... and it was the originator's
	algs     string // that side's kex_algorithms list
	method   int
}

// kexMethods maps negotiated key exchange names to methods; prefixes end
// in '-' or are the family names that carry suffixes (@libssh.org...).
var kexMethods = []struct {
	name   string
	prefix bool
	method int
}{
	{"rsa1024-sha1", false, kexRSA},
	{"rsa2048-sha256", false, kexRSA},
	{"diffie-hellman-group-exchange-", true, kexDHGEX},
	{"diffie-hellman-group", true, kexDH},
	{"gss-", true, kexGSS},
	{"ecdh-sha2-", true, kexECC},
	{"ecmqv-sha2", false, kexECC},
	{"curve25519-sha256", true, kexECC},
	{"curve448-sha512", true, kexECC},
	{"sntrup761x25519-sha512", true, kexECC},
	{"mlkem768x25519-sha256", true, kexECC},
	{"mlkem768nistp256-sha256", true, kexECC},
	{"mlkem1024nistp384-sha384", true, kexECC},
}

func methodOf(alg string) int {
	for _, m := range kexMethods {
		if alg == m.name || m.prefix && strings.HasPrefix(alg, m.name) {
			return m.method
		}
	}
	return kexUnknown
}

// reader takes SSH wire types (RFC 4251 section 5) off a payload; a
// short read sets bad and yields zero values.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) byte1() byte {
	if len(r.b) < 1 {
		r.bad = true
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *reader) uint32() uint32 {
	if len(r.b) < 4 {
		r.bad = true
		r.b = nil
		return 0
	}
	v := binary.BigEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || len(r.b) < n {
		r.bad = true
		r.b = nil
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

// str is an SSH string: uint32 length, then the bytes.
func (r *reader) str() []byte {
	n := r.uint32()
	if r.bad {
		return nil
	}
	if uint64(n) > uint64(len(r.b)) {
		r.bad = true
		r.b = nil
		return nil
	}
	return r.bytes(int(n))
}

// nameList splits a comma-separated name-list; empty names are dropped.
func nameList(b []byte) []string {
	var out []string
	for _, n := range strings.Split(string(b), ",") {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// kexInit handles a KEXINIT (RFC 4253 section 7.1): the capabilities
// event, and once both sides' are in, the method that frames the
// messages that follow.
func (c *conn) kexInit(isOrig bool, payload []byte) {
	r := reader{b: payload}
	cookie := r.bytes(16)
	var lists [10][]byte
	for i := range lists {
		lists[i] = r.str()
	}
	r.byte1()  // first_kex_packet_follows
	r.uint32() // reserved
	if r.bad {
		c.dead(&c.side[dirIndex(isOrig)], "truncated SSH KEXINIT", payload)
		return
	}
	c.chooseKex(isOrig, string(lists[0]))
	if c.h.Handled("ssh_capabilities") {
		if caps := c.capabilities(isOrig, lists); !caps.IsUnset() {
			c.h.Raise("ssh_capabilities", value.String(string(cookie)), caps)
		}
	}
}

// chooseKex picks the method as the client's first algorithm the server
// also offers (RFC 4253 section 7.1).
func (c *conn) chooseKex(isOrig bool, algs string) {
	k := &c.kex
	if !k.seen {
		k.seen, k.seenOrig, k.algs = true, isOrig, algs
		return
	}
	if k.seenOrig == isOrig {
		return
	}
	client, server := nameList([]byte(algs)), nameList([]byte(k.algs))
	if k.seenOrig {
		client, server = server, client
	}
	for _, a := range client {
		for _, b := range server {
			if a == b {
				k.method = methodOf(a)
				if k.method == kexUnknown {
					c.h.Weird("ssh_unknown_kex_algorithm", a)
				}
				return
			}
		}
	}
}

// capabilities builds SSH::Capabilities from a KEXINIT's ten lists
// (value.None when the scripts lack the type).
func (c *conn) capabilities(isOrig bool, l [10][]byte) value.Value {
	rt, _ := c.h.Type("SSH::Capabilities").(*types.RecordType)
	pt, _ := c.h.Type("SSH::Algorithm_Prefs").(*types.RecordType)
	if rt == nil || pt == nil {
		return value.None
	}
	f := rt.Field("kex_algorithms")
	if f == nil {
		return value.None
	}
	vt, _ := f.Type.(*types.VectorType)
	if vt == nil {
		return value.None
	}
	vec := func(b []byte) value.Value {
		v := &value.Vector{Type: vt}
		for _, n := range nameList(b) {
			v.Elems = append(v.Elems, value.String(n))
		}
		return value.Value{P: v}
	}
	prefs := func(c2s, s2c []byte, onlyNonEmpty bool) value.Value {
		p := value.NewRecord(pt)
		if !onlyNonEmpty || len(c2s) > 0 {
			p.Set("client_to_server", vec(c2s))
		}
		if !onlyNonEmpty || len(s2c) > 0 {
			p.Set("server_to_client", vec(s2c))
		}
		return value.Value{P: p}
	}
	r := value.NewRecord(rt)
	r.Set("kex_algorithms", vec(l[0]))
	r.Set("server_host_key_algorithms", vec(l[1]))
	r.Set("encryption_algorithms", prefs(l[2], l[3], false))
	r.Set("mac_algorithms", prefs(l[4], l[5], false))
	r.Set("compression_algorithms", prefs(l[6], l[7], false))
	if len(l[8]) > 0 || len(l[9]) > 0 {
		r.Set("languages", prefs(l[8], l[9], true))
	}
	r.Set("is_server", value.Bool(!isOrig))
	return value.Value{P: r}
}

// kexMessage handles messages 30..49, whose meaning the method gives.
func (c *conn) kexMessage(isOrig bool, msg byte, payload []byte) {
	r := reader{b: payload}
	switch c.kex.method {
	case kexDH:
		switch msg {
		case 30: // SSH_MSG_KEXDH_INIT
			c.raiseDir("ssh2_dh_gex_init", isOrig)
		case 31: // SSH_MSG_KEXDH_REPLY: K_S, f, signature
			c.hostKey(r.str())
		}
	case kexDHGEX:
		switch msg {
		case 31: // SSH_MSG_KEX_DH_GEX_GROUP: p, g
			p, g := r.str(), r.str()
			if !r.bad && c.h.Handled("ssh2_dh_server_params") {
				c.h.Raise("ssh2_dh_server_params", value.String(string(p)), value.String(string(g)))
			}
		case 32: // SSH_MSG_KEX_DH_GEX_INIT
			c.raiseDir("ssh2_dh_gex_init", isOrig)
		case 33: // SSH_MSG_KEX_DH_GEX_REPLY: K_S, f, signature
			c.hostKey(r.str())
		}
	case kexECC:
		switch msg {
		case 30: // SSH_MSG_KEX_ECDH_INIT: Q_C
			c.raiseDir("ssh2_ecc_init", isOrig)
			if q := r.str(); !r.bad {
				c.eccKey(true, q)
			}
		case 31: // SSH_MSG_KEX_ECDH_REPLY: K_S, Q_S, signature
			k := r.str()
			q := r.str()
			c.hostKey(k)
			if !r.bad {
				c.eccKey(false, q)
			}
		}
	case kexGSS:
		switch msg {
		case 30: // SSH_MSG_KEXGSS_INIT
			c.raiseDir("ssh2_gss_init", isOrig)
		case 33: // SSH_MSG_KEXGSS_HOSTKEY
			c.hostKey(r.str())
		case 34: // SSH_MSG_KEXGSS_ERROR
			major, minor, m := r.uint32(), r.uint32(), r.str()
			if !r.bad && c.h.Handled("ssh2_gss_error") {
				c.h.Raise("ssh2_gss_error", value.Count(uint64(major)), value.Count(uint64(minor)), value.String(string(m)))
			}
		}
	case kexRSA:
		switch msg {
		case 30: // SSH_MSG_KEXRSA_PUBKEY: K_S, K_T
			c.hostKey(r.str())
		case 31: // SSH_MSG_KEXRSA_SECRET
			c.raiseDir("ssh2_rsa_secret", isOrig)
		}
	}
	if r.bad {
		c.h.Violation(fmt.Sprintf("truncated SSH key exchange message %d", msg), payload)
	}
}

// raiseDir raises an event whose one argument is the direction.
func (c *conn) raiseDir(ev string, isOrig bool) {
	if c.h.Handled(ev) {
		c.h.Raise(ev, value.Bool(isOrig))
	}
}

func (c *conn) eccKey(isOrig bool, q []byte) {
	if c.h.Handled("ssh2_ecc_key") {
		c.h.Raise("ssh2_ecc_key", value.Bool(isOrig), value.String(string(q)))
	}
}

// hostKey reports the server's SSH-2 host key blob (nil: truncated).
func (c *conn) hostKey(key []byte) {
	if key == nil {
		return
	}
	if c.h.Handled("ssh_server_host_key") {
		c.h.Raise("ssh_server_host_key", value.String(md5Fingerprint(key)))
	}
	if c.h.Handled("ssh2_server_host_key") {
		c.h.Raise("ssh2_server_host_key", value.String(string(key)))
	}
}

// ssh1PublicKey handles SSH_SMSG_PUBLIC_KEY: cookie, server key (bits,
// exponent, modulus), host key (bits, exponent, modulus), flags.
func (c *conn) ssh1PublicKey(data []byte) {
	r := reader{b: data}
	r.bytes(8)
	r.uint32()
	mpint(&r)
	mpint(&r)
	r.uint32()
	exp := mpint(&r)
	mod := mpint(&r)
	if r.bad {
		c.h.Violation("truncated SSH-1 public key", data)
		return
	}
	if c.h.Handled("ssh_server_host_key") {
		c.h.Raise("ssh_server_host_key", value.String(md5Fingerprint(mod, exp)))
	}
	if c.h.Handled("ssh1_server_host_key") {
		c.h.Raise("ssh1_server_host_key", value.String(string(mod)), value.String(string(exp)))
	}
}

// mpint is an SSH-1 multiple precision integer: uint16 bits, then the
// bytes.
func mpint(r *reader) []byte {
	b := r.bytes(2)
	if r.bad {
		return nil
	}
	bits := int(binary.BigEndian.Uint16(b))
	return r.bytes((bits + 7) / 8)
}

// md5Fingerprint is the colon-separated hex MD5 of the parts, the classic
// OpenSSH fingerprint (for SSH-1, of modulus then exponent).
func md5Fingerprint(parts ...[]byte) string {
	h := md5.New()
	for _, p := range parts {
		h.Write(p)
	}
	sum := h.Sum(nil)
	var b strings.Builder
	for i, x := range sum {
		if i > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%02x", x)
	}
	return b.String()
}
