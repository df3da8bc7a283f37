package builtins

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"hash"
	"math/big"
	"net/netip"
	"strings"
	"time"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// X.509 built-ins: certificates are read from their ASN.1 (see
// bifX509FromDER for why not with crypto/x509), and their fields written
// as Zeek writes them, which asks OpenSSL: see x509_names.go.

func init() {
	Decls = append(Decls,
		Decl{"x509_from_der", "function(der: string): opaque of x509"},
		Decl{"x509_parse", "function(cert: opaque of x509): X509::Certificate"},
		Decl{"x509_get_certificate_string", "function(cert: opaque of x509, pem: bool &default=F): string"},
		Decl{"x509_check_hostname", "function(hostname: string, certname: string): bool"},
		Decl{"x509_check_cert_hostname", "function(cert_opaque: opaque of x509, hostname: string): string"},
		Decl{"x509_subject_name_hash", "function(cert: opaque of x509, hash_alg: count): string"},
		Decl{"x509_issuer_name_hash", "function(cert: opaque of x509, hash_alg: count): string"},
		Decl{"x509_spki_hash", "function(cert: opaque of x509, hash_alg: count): string"},
		Decl{"X509::__extensions", "function(cert: opaque of x509): X509::Extensions"},
		Decl{"X509::__readable", "function(cert: opaque of x509): bool"},
	)
	register(map[string]Impl{
		"x509_from_der":               bifX509FromDER,
		"x509_parse":                  bifX509Parse,
		"x509_get_certificate_string": bifX509String,
		"x509_check_hostname": func(_ Context, a []value.Value) (value.Value, error) {
			return value.Bool(matchHostname(a[0].Str(), a[1].Str())), nil
		},
		"x509_check_cert_hostname": bifX509CheckCertHostname,
		"x509_subject_name_hash":   x509Hash(rawSubject),
		"x509_issuer_name_hash":    x509Hash(rawIssuer),
		"x509_spki_hash":           x509Hash(spkiKey),
		"X509::__extensions":       bifX509Extensions,
		"X509::__readable": func(_ Context, a []value.Value) (value.Value, error) {
			x, _ := a[0].P.(*x509Val)
			if x == nil || x.raw == nil {
				return value.Bool(false), nil
			}
			_, err := x.raw.validity()
			return value.Bool(err == nil), nil
		},
	})
}

// x509Val is an opaque of x509: the DER and its parts.
type x509Val struct {
	der []byte
	raw *rawCert // nil when the DER is no certificate
}

func (*x509Val) OpaqueName() string { return "X509Val" }

func certOf(v value.Value) (*x509Val, error) {
	x, _ := v.P.(*x509Val)
	if x == nil {
		return nil, errors.New("not an X509 certificate")
	}
	if x.raw == nil {
		return x, errors.New("could not parse X509 certificate")
	}
	return x, nil
}

// The certificate is read with encoding/asn1 into the structure below
// rather than with crypto/x509, which refuses certificates OpenSSL (and
// so Zeek) reads: negative serial numbers, '*' or '@' in
// PrintableStrings, unknown curves. Names keep their raw encoding.
func bifX509FromDER(_ Context, a []value.Value) (value.Value, error) {
	der := []byte(a[0].Str())
	x := &x509Val{der: der}
	if rc, ok := parseRaw(der); ok {
		x.raw = rc
	}
	return value.Value{P: x}, nil
}

func bifX509String(_ Context, a []value.Value) (value.Value, error) {
	x, _ := a[0].P.(*x509Val)
	if x == nil {
		return value.String(""), errors.New("not an X509 certificate")
	}
	if !a[1].Bool() {
		return value.String(string(x.der)), nil
	}
	var b strings.Builder
	b.WriteString("-----BEGIN CERTIFICATE-----\n")
	enc := base64.StdEncoding.EncodeToString(x.der)
	for len(enc) > 64 {
		b.WriteString(enc[:64] + "\n")
		enc = enc[64:]
	}
	b.WriteString(enc + "\n-----END CERTIFICATE-----\n")
	return value.String(b.String()), nil
}

func recordOf(ctx Context, name string) (*value.Record, error) {
	rt, _ := ctx.Type(name).(*types.RecordType)
	if rt == nil {
		return nil, errors.New("type " + name + " is not declared (load base/files/x509)")
	}
	return value.NewRecord(rt), nil
}

// bifX509Parse fills an X509::Certificate.
func bifX509Parse(ctx Context, a []value.Value) (value.Value, error) {
	x, err := certOf(a[0])
	if err != nil {
		return value.None, err
	}
	r, err := recordOf(ctx, "X509::Certificate")
	if err != nil {
		return value.None, err
	}
	tbs := &x.raw.TBS
	validity, err := x.raw.validity()
	if err != nil {
		return value.None, err
	}
	r.Set("version", value.Count(uint64(tbs.Version+1)))
	r.Set("serial", value.String(serialHex(tbs.Serial.Bytes)))
	r.Set("subject", value.String(formatDN(tbs.Subject.FullBytes)))
	r.Set("issuer", value.String(formatDN(tbs.Issuer.FullBytes)))
	if cns := commonNames(tbs.Subject.FullBytes); len(cns) > 0 {
		r.Set("cn", value.String(cns[0]))
	}
	r.Set("not_valid_before", value.Time(float64(validity.NotBefore.Unix())))
	r.Set("not_valid_after", value.Time(float64(validity.NotAfter.Unix())))
	r.Set("key_alg", value.String(oidName(algorithmNames, tbs.PublicKey.Algorithm.Algorithm)))
	r.Set("sig_alg", value.String(oidName(algorithmNames, x.raw.SigAlg.Algorithm)))
	r.Set("tbs_sig_alg", value.String(oidName(algorithmNames, tbs.SigAlg.Algorithm)))
	setKey(r, &tbs.PublicKey)
	return value.Value{P: r}, nil
}

// setKey fills key_type, key_length, exponent and curve as Zeek does for
// RSA, DSA and EC keys (other kinds leave them unset).
func setKey(r *value.Record, spki *rawSPKI) {
	switch spki.Algorithm.Algorithm.String() {
	case "1.2.840.113549.1.1.1":
		var k struct{ N, E *big.Int }
		if _, err := asn1.Unmarshal(spki.Key.Bytes, &k); err != nil {
			return
		}
		r.Set("key_type", value.String("rsa"))
		r.Set("key_length", value.Count(uint64(k.N.BitLen())))
		r.Set("exponent", value.String(k.E.String()))
	case "1.2.840.10040.4.1":
		var p struct{ P, Q, G *big.Int }
		r.Set("key_type", value.String("dsa"))
		if _, err := asn1.Unmarshal(spki.Algorithm.Parameters.FullBytes, &p); err == nil {
			r.Set("key_length", value.Count(uint64(p.P.BitLen())))
		}
	case "1.2.840.10045.2.1":
		r.Set("key_type", value.String("ecdsa"))
		var oid asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(spki.Algorithm.Parameters.FullBytes, &oid); err != nil {
			return
		}
		if bits, ok := curveBits[oid.String()]; ok {
			r.Set("key_length", value.Count(bits))
		}
		if name, ok := curveShortNames[oid.String()]; ok {
			r.Set("curve", value.String(name))
		}
	}
}

// serialHex is a serial number as OpenSSL prints it: the magnitude's
// bytes in upper-case hex ("00" for zero), after a '-' when negative.
func serialHex(der []byte) string {
	n := new(big.Int).SetBytes(der)
	neg := len(der) > 0 && der[0]&0x80 != 0
	if neg {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(der))))
	}
	b := new(big.Int).Abs(n).Bytes()
	if len(b) == 0 {
		return "00"
	}
	s := strings.ToUpper(hex.EncodeToString(b))
	if neg {
		s = "-" + s
	}
	return s
}

// The parts of a certificate's encoding Go does not keep.
type rawCert struct {
	TBS    rawTBS
	SigAlg rawAlgorithm
	Sig    asn1.BitString
}

type rawTBS struct {
	Version    int `asn1:"optional,explicit,default:0,tag:0"`
	Serial     asn1.RawValue
	SigAlg     rawAlgorithm
	Issuer     asn1.RawValue
	Validity   asn1.RawValue
	Subject    asn1.RawValue
	PublicKey  rawSPKI
	IssuerUID  asn1.BitString `asn1:"optional,tag:1"`
	SubjectUID asn1.BitString `asn1:"optional,tag:2"`
	Extensions []rawExtension `asn1:"optional,explicit,tag:3"`
}

type rawAlgorithm struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type rawSPKI struct {
	Algorithm rawAlgorithm
	Key       asn1.BitString
}

type rawExtension struct {
	ID       asn1.ObjectIdentifier
	Critical bool `asn1:"optional"`
	Value    []byte
}

type validity struct{ NotBefore, NotAfter time.Time }

func (rc *rawCert) validity() (validity, error) {
	var v validity
	if _, err := asn1.Unmarshal(rc.TBS.Validity.FullBytes, &v); err != nil {
		return v, errors.New("could not parse X509 certificate validity")
	}
	return v, nil
}

func parseRaw(der []byte) (*rawCert, bool) {
	var rc rawCert
	if _, err := asn1.Unmarshal(der, &rc); err != nil {
		return nil, false
	}
	return &rc, true
}

// The parts x509_*_hash hash.
func rawSubject(c *rawCert) []byte { return c.TBS.Subject.FullBytes }
func rawIssuer(c *rawCert) []byte  { return c.TBS.Issuer.FullBytes }
func spkiKey(c *rawCert) []byte    { return c.TBS.PublicKey.Key.Bytes }

// x509Hash hashes a part of the certificate with an algorithm numbered
// as TLS's HashAlgorithm registry does (1 md5 … 6 sha512).
func x509Hash(part func(*rawCert) []byte) Impl {
	return func(_ Context, a []value.Value) (value.Value, error) {
		x, err := certOf(a[0])
		if err != nil {
			return value.String(""), err
		}
		var h hash.Hash
		switch a[1].Count() {
		case 1:
			h = md5.New()
		case 2:
			h = sha1.New()
		case 3:
			h = sha256.New224()
		case 4:
			h = sha256.New()
		case 5:
			h = sha512.New384()
		case 6:
			h = sha512.New()
		default:
			return value.String(""), errors.New("unknown hash algorithm")
		}
		h.Write(part(x.raw))
		return value.String(string(h.Sum(nil))), nil
	}
}

// bifX509Extensions is every extension as X509::Extension, plus the basic
// constraints and subject alternative names that have records of their
// own.
func bifX509Extensions(ctx Context, a []value.Value) (value.Value, error) {
	x, _ := a[0].P.(*x509Val)
	if x == nil {
		return value.None, errors.New("not an X509 certificate")
	}
	out, err := recordOf(ctx, "X509::Extensions")
	if err != nil {
		return value.None, err
	}
	rc := x.raw
	if rc == nil {
		return value.Value{P: out}, nil
	}
	all, _ := out.Get("all").P.(*value.Vector)
	if all == nil {
		if f := out.Type.Field("all"); f != nil {
			vt, _ := f.Type.(*types.VectorType)
			all = &value.Vector{Type: vt}
			out.Set("all", value.Value{P: all})
		}
	}
	for _, ext := range rc.TBS.Extensions {
		e, err := recordOf(ctx, "X509::Extension")
		if err != nil {
			return value.None, err
		}
		oid := ext.ID.String()
		names, known := extensionNames[oid]
		if known {
			e.Set("name", value.String(names[0]))
			e.Set("short_name", value.String(names[1]))
		} else {
			e.Set("name", value.String(oid))
		}
		e.Set("oid", value.String(oid))
		e.Set("critical", value.Bool(ext.Critical))
		e.Set("value", value.String(extensionText(oid, ext.Value)))
		if all != nil {
			all.Elems = append(all.Elems, value.Value{P: e})
		}
		switch oid {
		case "2.5.29.19":
			if bc := basicConstraints(ctx, ext.Value); bc != nil {
				out.Set("basic_constraints", value.Value{P: bc})
			}
		case "2.5.29.17":
			if san := subjectAltNames(ctx, ext.Value); san != nil {
				out.Set("san", value.Value{P: san})
			}
		}
	}
	return value.Value{P: out}, nil
}

func basicConstraints(ctx Context, der []byte) *value.Record {
	var bc struct {
		CA      bool `asn1:"optional"`
		PathLen int  `asn1:"optional,default:-1"`
	}
	if _, err := asn1.Unmarshal(der, &bc); err != nil {
		return nil
	}
	r, err := recordOf(ctx, "X509::BasicConstraints")
	if err != nil {
		return nil
	}
	r.Set("ca", value.Bool(bc.CA))
	if bc.PathLen >= 0 {
		r.Set("path_len", value.Count(uint64(bc.PathLen)))
	}
	return r
}

// generalNames reads a GeneralNames sequence.
func generalNames(der []byte) ([]asn1.RawValue, bool) {
	var names []asn1.RawValue
	if _, err := asn1.Unmarshal(der, &names); err != nil {
		return nil, false
	}
	return names, true
}

// subjectAltNames fills X509::SubjectAlternativeName: each kind's vector
// only when the kind occurs.
func subjectAltNames(ctx Context, der []byte) *value.Record {
	names, ok := generalNames(der)
	if !ok {
		return nil
	}
	r, err := recordOf(ctx, "X509::SubjectAlternativeName")
	if err != nil {
		return nil
	}
	lists := map[string][]value.Value{}
	other := false
	for _, n := range names {
		if n.Class != asn1.ClassContextSpecific {
			other = true
			continue
		}
		switch n.Tag {
		case 1:
			lists["email"] = append(lists["email"], value.String(string(n.Bytes)))
		case 2:
			lists["dns"] = append(lists["dns"], value.String(string(n.Bytes)))
		case 6:
			lists["uri"] = append(lists["uri"], value.String(string(n.Bytes)))
		case 7:
			if a, ok := netip.AddrFromSlice(n.Bytes); ok {
				lists["ip"] = append(lists["ip"], value.Addr(a))
			}
		default:
			other = true
		}
	}
	rt := r.Type
	for _, kind := range []string{"dns", "uri", "email", "ip"} {
		if elems, ok := lists[kind]; ok {
			if f := rt.Field(kind); f != nil {
				vt, _ := f.Type.(*types.VectorType)
				r.Set(kind, value.Value{P: &value.Vector{Type: vt, Elems: elems}})
			}
		}
	}
	r.Set("other_fields", value.Bool(other))
	return r
}

// hostnames are the names a certificate is for: its SAN DNS names, else
// its subject's common names.
func hostnames(rc *rawCert) []string {
	var dns []string
	for _, ext := range rc.TBS.Extensions {
		if ext.ID.String() != "2.5.29.17" {
			continue
		}
		names, _ := generalNames(ext.Value)
		for _, n := range names {
			if n.Class == asn1.ClassContextSpecific && n.Tag == 2 {
				dns = append(dns, string(n.Bytes))
			}
		}
	}
	if len(dns) > 0 {
		return dns
	}
	return commonNames(rc.TBS.Subject.FullBytes)
}

func bifX509CheckCertHostname(_ Context, a []value.Value) (value.Value, error) {
	x, err := certOf(a[0])
	if err != nil {
		return value.String(""), err
	}
	for _, name := range hostnames(x.raw) {
		if matchHostname(a[1].Str(), name) {
			return value.String(name), nil
		}
	}
	return value.String(""), nil
}

// matchHostname matches a host name against a certificate name, case
// insensitively; a '*' in the certificate name's first label (not its
// only label before a public suffix of one label) stands for any
// non-empty part of the host's first label.
func matchHostname(host, pattern string) bool {
	host, pattern = strings.ToLower(strings.TrimSuffix(host, ".")), strings.ToLower(strings.TrimSuffix(pattern, "."))
	if host == "" || pattern == "" {
		return false
	}
	if !strings.Contains(pattern, "*") {
		return host == pattern
	}
	pFirst, pRest, ok := strings.Cut(pattern, ".")
	if !ok || strings.Contains(pRest, "*") || !strings.Contains(pRest, ".") {
		return false
	}
	hFirst, hRest, ok := strings.Cut(host, ".")
	if !ok || hRest != pRest {
		return false
	}
	prefix, suffix, _ := strings.Cut(pFirst, "*")
	if strings.Contains(suffix, "*") {
		return false
	}
	return len(hFirst) >= len(prefix)+len(suffix) && len(hFirst) > 0 &&
		strings.HasPrefix(hFirst, prefix) && strings.HasSuffix(hFirst, suffix)
}
