package builtins

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// x509Ctx is fakeCtx plus the X509 record types of base/files/x509.
type x509Ctx struct{ fakeCtx }

var x509Types = func() map[string]types.Type {
	rec := func(name string, fields ...any) *types.RecordType {
		r := types.NewRecord(name)
		for i := 0; i < len(fields); i += 2 {
			r.AddField(&types.Field{Name: fields[i].(string), Type: fields[i+1].(types.Type), Optional: true})
		}
		return r
	}
	sv := &types.VectorType{Elem: types.StringType}
	ext := rec("X509::Extension", "name", types.StringType, "short_name", types.StringType, "oid", types.StringType,
		"critical", types.BoolType, "value", types.StringType)
	bc := rec("X509::BasicConstraints", "ca", types.BoolType, "path_len", types.CountType)
	san := rec("X509::SubjectAlternativeName", "dns", sv, "uri", sv, "email", sv,
		"ip", &types.VectorType{Elem: types.AddrType}, "other_fields", types.BoolType)
	return map[string]types.Type{
		"X509::Certificate": rec("X509::Certificate", "version", types.CountType, "serial", types.StringType,
			"subject", types.StringType, "issuer", types.StringType, "cn", types.StringType,
			"not_valid_before", types.TimeType, "not_valid_after", types.TimeType, "key_alg", types.StringType,
			"sig_alg", types.StringType, "key_type", types.StringType, "key_length", types.CountType,
			"exponent", types.StringType, "curve", types.StringType, "tbs_sig_alg", types.StringType),
		"X509::Extension":              ext,
		"X509::BasicConstraints":       bc,
		"X509::SubjectAlternativeName": san,
		"X509::Extensions":             rec("X509::Extensions", "all", &types.VectorType{Elem: ext}, "basic_constraints", bc, "san", san),
	}
}()

func (c *x509Ctx) Type(name string) types.Type {
	if t, ok := x509Types[name]; ok {
		return t
	}
	return c.fakeCtx.Type(name)
}

func testCert(t *testing.T) []byte {
	key, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	// A subject with a multi-valued RDN and characters RFC 2253 escapes.
	// (A '#' is escaped only as the very first character.)
	subject := pkix.Name{}
	subject.ExtraNames = []pkix.AttributeTypeAndValue{
		{Type: asn1.ObjectIdentifier{2, 5, 4, 6}, Value: "DE"},
		{Type: asn1.ObjectIdentifier{2, 5, 4, 10}, Value: "A+B, \"C\""},
		{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: " #host "},
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(0x0102), Subject: subject,
		NotBefore: time.Unix(1500000000, 0), NotAfter: time.Unix(1600000000, 0),
		DNSNames: []string{"a.example", "*.b.example"}, IPAddresses: []net.IP{net.ParseIP("2001:db8::1")},
		BasicConstraintsValid: true, IsCA: true, MaxPathLen: 3,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func field(r *value.Record, name string) string {
	v := r.Get(name)
	if v.IsUnset() {
		return "-"
	}
	return value.Render(v, r.Type.Field(name).Type, value.ModePrint)
}

// x509_parse shows what Zeek's x509.log shows for a certificate.
func TestX509Parse(t *testing.T) {
	ctx := &x509Ctx{}
	ref, _ := bifX509FromDER(ctx, []value.Value{value.String(string(testCert(t)))})
	v, err := bifX509Parse(ctx, []value.Value{ref})
	if err != nil {
		t.Fatal(err)
	}
	r := v.P.(*value.Record)
	for name, want := range map[string]string{
		"version": "3", "serial": "0102", "subject": `CN=\ #host\ ,O=A\+B\, \"C\",C=DE`, "issuer": `CN=\ #host\ ,O=A\+B\, \"C\",C=DE`,
		"cn": " #host ", "not_valid_before": "1500000000.0", "not_valid_after": "1600000000.0", "key_alg": "id-ecPublicKey",
		"sig_alg": "ecdsa-with-SHA384", "key_type": "ecdsa", "key_length": "384", "exponent": "-", "curve": "secp384r1",
	} {
		if got := field(r, name); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	v, err = bifX509Extensions(ctx, []value.Value{ref})
	if err != nil {
		t.Fatal(err)
	}
	exts := v.P.(*value.Record)
	if got := field(exts.Get("basic_constraints").P.(*value.Record), "path_len"); got != "3" {
		t.Errorf("path_len %s", got)
	}
	san := exts.Get("san").P.(*value.Record)
	if got := field(san, "dns") + " " + field(san, "ip") + " " + field(san, "uri"); got != "[a.example, *.b.example] [2001:db8::1] -" {
		t.Errorf("san %s", got)
	}
	var texts []string
	for _, e := range exts.Get("all").P.(*value.Vector).Elems {
		texts = append(texts, field(e.P.(*value.Record), "short_name")+": "+field(e.P.(*value.Record), "value"))
	}
	for _, want := range []string{"keyUsage: Digital Signature, Certificate Sign", "extendedKeyUsage: TLS Web Server Authentication",
		"basicConstraints: CA:TRUE, pathlen:3", "subjectAltName: DNS:a.example, DNS:*.b.example, IP Address:2001:db8::1"} {
		if !strings.Contains(strings.Join(texts, "\n"), want) {
			t.Errorf("no extension %q in\n%s", want, strings.Join(texts, "\n"))
		}
	}
	h, _ := bifX509CheckCertHostname(ctx, []value.Value{ref, value.String("X.B.example")})
	if h.Str() != "*.b.example" {
		t.Errorf("x509_check_cert_hostname = %q", h.Str())
	}
}

func TestMatchHostname(t *testing.T) {
	for _, tc := range []struct {
		host, name string
		want       bool
	}{
		{"ssl.gstatic.com", "*.gstatic.com", true}, {"gstatic.com", "*.gstatic.com", false},
		{"a.b.gstatic.com", "*.gstatic.com", false}, {"WWW.Example.com.", "www.example.com", true},
		{"foo.example.com", "f*.example.com", true}, {"bar.example.com", "f*.example.com", false},
		{"x.com", "*.com", false}, {"a.example.com", "a.*.com", false}, {"", "*.example.com", false},
	} {
		if got := matchHostname(tc.host, tc.name); got != tc.want {
			t.Errorf("matchHostname(%q, %q) = %v", tc.host, tc.name, got)
		}
	}
}

// Whatever the bytes, the X509 built-ins return or fail, never panic.
func FuzzX509(f *testing.F) {
	f.Add(testCertFuzzSeed)
	f.Add([]byte{0x30, 0x03, 0x02, 0x01, 0x00})
	f.Fuzz(func(t *testing.T, der []byte) {
		ctx := &x509Ctx{}
		ref, _ := bifX509FromDER(ctx, []value.Value{value.String(string(der))})
		bifX509Parse(ctx, []value.Value{ref})
		bifX509Extensions(ctx, []value.Value{ref})
		bifX509CheckCertHostname(ctx, []value.Value{ref, value.String("a.example")})
		formatDN(der)
		extensionText("2.5.29.17", der)
		extensionText("2.5.29.15", der)
	})
}

// testCertFuzzSeed is a small self-signed certificate (DER).
var testCertFuzzSeed = func() []byte {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "x", Organization: []string{"o"}},
		DNSNames: []string{"x.example"}, BasicConstraintsValid: true}
	der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	return der
}()

// Multi-valued RDNs are joined with "+", in reverse like the rest;
// non-string values are dumped as # and their DER.
func TestFormatDN(t *testing.T) {
	der, err := asn1.Marshal(pkix.RDNSequence{
		{{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: "a"}, {Type: asn1.ObjectIdentifier{2, 5, 4, 10}, Value: "b"}},
		{{Type: asn1.ObjectIdentifier{2, 5, 4, 6}, Value: "C"}},
		{{Type: asn1.ObjectIdentifier{1, 2, 3, 4}, Value: 7}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := formatDN(der), "1.2.3.4=#020107,C=C,O=b+CN=a"; got != want {
		t.Errorf("formatDN = %q, want %q", got, want)
	}
}

// Bytes that are no certificate: not readable, and x509_parse fails.
func TestX509Garbage(t *testing.T) {
	ctx := &x509Ctx{}
	ref, _ := bifX509FromDER(ctx, []value.Value{value.String("\x30\x03\x02\x01\x00")})
	if ok, _ := Impls["X509::__readable"](ctx, []value.Value{ref}); ok.Bool() {
		t.Error("garbage is readable")
	}
	if _, err := bifX509Parse(ctx, []value.Value{ref}); err == nil {
		t.Error("x509_parse of garbage did not fail")
	}
}

// Serial numbers print as OpenSSL prints them.
func TestSerialHex(t *testing.T) {
	for der, want := range map[string]string{"\x00": "00", "\x0b\x67\x71": "0B6771", "\x00\xf9\x43": "F943", "\xff": "-01", "\x01": "01"} {
		if got := serialHex([]byte(der)); got != want {
			t.Errorf("serialHex(% x) = %s, want %s", der, got, want)
		}
	}
}
