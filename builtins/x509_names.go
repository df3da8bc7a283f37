package builtins

import (
	"encoding/asn1"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Names of X.509 object identifiers as Zeek shows them: it asks OpenSSL,
// whose long names name algorithms and extensions, and whose short names
// name distinguished-name attributes. An OID OpenSSL does not know
// appears in dotted form.

// dnShortNames are the attribute types of distinguished names.
var dnShortNames = map[string]string{
	"2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "serialNumber", "2.5.4.6": "C",
	"2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.9": "street", "2.5.4.10": "O",
	"2.5.4.11": "OU", "2.5.4.12": "title", "2.5.4.13": "description",
	"2.5.4.15": "businessCategory", "2.5.4.16": "postalAddress", "2.5.4.17": "postalCode",
	"2.5.4.18": "postOfficeBox", "2.5.4.20": "telephoneNumber", "2.5.4.41": "name",
	"2.5.4.42": "GN", "2.5.4.43": "initials", "2.5.4.44": "generationQualifier",
	"2.5.4.45": "x500UniqueIdentifier", "2.5.4.46": "dnQualifier", "2.5.4.51": "houseIdentifier",
	"2.5.4.54": "dmdName", "2.5.4.65": "pseudonym", "2.5.4.72": "role",
	"2.5.4.97":             "organizationIdentifier",
	"1.2.840.113549.1.9.1": "emailAddress", "1.2.840.113549.1.9.2": "unstructuredName",
	"1.2.840.113549.1.9.8":      "unstructuredAddress",
	"0.9.2342.19200300.100.1.1": "UID", "0.9.2342.19200300.100.1.25": "DC",
	"1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL", "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
	"1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
}

// algorithmNames are the long names of key and signature algorithms.
var algorithmNames = map[string]string{
	"1.2.840.113549.1.1.1": "rsaEncryption", "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
	"1.2.840.113549.1.1.3": "md4WithRSAEncryption", "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
	"1.2.840.113549.1.1.5": "sha1WithRSAEncryption", "1.2.840.113549.1.1.10": "rsassaPss",
	"1.2.840.113549.1.1.11": "sha256WithRSAEncryption", "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
	"1.2.840.113549.1.1.13": "sha512WithRSAEncryption", "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
	"1.3.14.3.2.29": "sha1WithRSA", "1.3.14.3.2.27": "dsaWithSHA1-old",
	"1.2.840.10040.4.1": "dsaEncryption", "1.2.840.10040.4.3": "dsaWithSHA1",
	"2.16.840.1.101.3.4.3.1": "dsa_with_SHA224", "2.16.840.1.101.3.4.3.2": "dsa_with_SHA256",
	"1.2.840.10045.2.1": "id-ecPublicKey", "1.2.840.10045.4.1": "ecdsa-with-SHA1",
	"1.2.840.10045.4.3.1": "ecdsa-with-SHA224", "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
	"1.2.840.10045.4.3.3": "ecdsa-with-SHA384", "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
	"1.3.101.110": "X25519", "1.3.101.111": "X448", "1.3.101.112": "ED25519", "1.3.101.113": "ED448",
	"1.2.840.113549.1.3.1": "dhKeyAgreement", "1.2.840.10046.2.1": "X9.42 DH",
}

// curveShortNames are OpenSSL's names of the named curves.
var curveShortNames = map[string]string{
	"1.2.840.10045.3.1.1": "prime192v1", "1.3.132.0.33": "secp224r1",
	"1.2.840.10045.3.1.7": "prime256v1", "1.3.132.0.34": "secp384r1", "1.3.132.0.35": "secp521r1",
	"1.3.132.0.10": "secp256k1", "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1",
	"1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1", "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
}

// curveBits are the named curves' sizes (of their group order).
var curveBits = map[string]uint64{
	"1.2.840.10045.3.1.1": 192, "1.3.132.0.33": 224, "1.2.840.10045.3.1.7": 256, "1.3.132.0.34": 384,
	"1.3.132.0.35": 521, "1.3.132.0.10": 256, "1.3.36.3.3.2.8.1.1.7": 256, "1.3.36.3.3.2.8.1.1.11": 384,
	"1.3.36.3.3.2.8.1.1.13": 512,
}

// extensionNames are the long and short names of certificate extensions.
var extensionNames = map[string][2]string{
	"2.5.29.14":               {"X509v3 Subject Key Identifier", "subjectKeyIdentifier"},
	"2.5.29.15":               {"X509v3 Key Usage", "keyUsage"},
	"2.5.29.16":               {"X509v3 Private Key Usage Period", "privateKeyUsagePeriod"},
	"2.5.29.17":               {"X509v3 Subject Alternative Name", "subjectAltName"},
	"2.5.29.18":               {"X509v3 Issuer Alternative Name", "issuerAltName"},
	"2.5.29.19":               {"X509v3 Basic Constraints", "basicConstraints"},
	"2.5.29.30":               {"X509v3 Name Constraints", "nameConstraints"},
	"2.5.29.31":               {"X509v3 CRL Distribution Points", "crlDistributionPoints"},
	"2.5.29.32":               {"X509v3 Certificate Policies", "certificatePolicies"},
	"2.5.29.33":               {"X509v3 Policy Mappings", "policyMappings"},
	"2.5.29.35":               {"X509v3 Authority Key Identifier", "authorityKeyIdentifier"},
	"2.5.29.36":               {"X509v3 Policy Constraints", "policyConstraints"},
	"2.5.29.37":               {"X509v3 Extended Key Usage", "extendedKeyUsage"},
	"2.5.29.46":               {"X509v3 Freshest CRL", "freshestCRL"},
	"2.5.29.54":               {"X509v3 Inhibit Any Policy", "inhibitAnyPolicy"},
	"1.3.6.1.5.5.7.1.1":       {"Authority Information Access", "authorityInfoAccess"},
	"1.3.6.1.5.5.7.1.11":      {"Subject Information Access", "subjectInfoAccess"},
	"1.3.6.1.5.5.7.1.14":      {"Proxy Certificate Information", "proxyCertInfo"},
	"1.3.6.1.5.5.7.1.24":      {"TLS Feature", "tlsfeature"},
	"1.3.6.1.4.1.11129.2.4.2": {"CT Precertificate SCTs", "ct_precert_scts"},
	"1.3.6.1.4.1.11129.2.4.3": {"CT Precertificate Poison", "ct_precert_poison"},
	"2.16.840.1.113730.1.1":   {"Netscape Cert Type", "nsCertType"},
	"2.16.840.1.113730.1.13":  {"Netscape Comment", "nsComment"},
	"1.3.6.1.4.1.311.20.2":    {"Microsoft Certificate Template Name", "msCertificateTemplateName"},
}

// extKeyUsageNames are the long names of extended key usages.
var extKeyUsageNames = map[string]string{
	"1.3.6.1.5.5.7.3.1": "TLS Web Server Authentication", "1.3.6.1.5.5.7.3.2": "TLS Web Client Authentication",
	"1.3.6.1.5.5.7.3.3": "Code Signing", "1.3.6.1.5.5.7.3.4": "E-mail Protection",
	"1.3.6.1.5.5.7.3.8": "Time Stamping", "1.3.6.1.5.5.7.3.9": "OCSP Signing",
	"2.5.29.37.0": "Any Extended Key Usage", "1.3.6.1.4.1.311.10.3.3": "Microsoft Server Gated Crypto",
	"2.16.840.1.113730.4.1": "Netscape Server Gated Crypto",
}

func oidName(table map[string]string, oid asn1.ObjectIdentifier) string {
	s := oid.String()
	if n, ok := table[s]; ok {
		return n
	}
	return s
}

// rawATV, rawRDNSET and rawRDNs read a distinguished name keeping each
// value's encoding (the type name ending in SET makes asn1 read a SET).
type rawATV struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}
type rawRDNSET []rawATV
type rawRDNs []rawRDNSET

// formatDN writes a distinguished name as OpenSSL's RFC 2253 printing
// does, without escaping non-ASCII bytes (Zeek's choice): the last RDN
// first, attributes as short names, values converted to UTF-8 and
// escaped for RFC 2253, other value types dumped as # and the hex of
// their DER; attributes of one multi-valued RDN are joined with "+".
func formatDN(raw []byte) string {
	var seq rawRDNs
	if rest, err := asn1.Unmarshal(raw, &seq); err != nil || len(rest) > 0 {
		return ""
	}
	type entry struct {
		atv rawATV
		set int
	}
	var flat []entry
	for i, rdn := range seq {
		for _, atv := range rdn {
			flat = append(flat, entry{atv, i})
		}
	}
	var b strings.Builder
	for i := len(flat) - 1; i >= 0; i-- {
		e := flat[i]
		if i < len(flat)-1 {
			if flat[i+1].set == e.set {
				b.WriteByte('+')
			} else {
				b.WriteByte(',')
			}
		}
		b.WriteString(oidName(dnShortNames, e.atv.Type))
		b.WriteByte('=')
		if s, ok := asn1String(e.atv.Value); ok {
			b.WriteString(escape2253(s))
		} else {
			b.WriteString("#" + strings.ToUpper(hex.EncodeToString(e.atv.Value.FullBytes)))
		}
	}
	return b.String()
}

// commonNames are the CN values of a distinguished name, in order.
func commonNames(raw []byte) []string {
	var seq rawRDNs
	if _, err := asn1.Unmarshal(raw, &seq); err != nil {
		return nil
	}
	var out []string
	for _, rdn := range seq {
		for _, atv := range rdn {
			if atv.Type.String() == "2.5.4.3" {
				if s, ok := asn1String(atv.Value); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// escape2253 escapes RFC 2253's special characters with a backslash, a
// leading '#' and leading or trailing spaces likewise, and control
// characters as \XX.
func escape2253(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(",+\"\\<>;", c) >= 0,
			c == '#' && i == 0,
			c == ' ' && (i == 0 || i == len(s)-1):
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			b.WriteString("\\" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// asn1String decodes the string types of names to UTF-8 (T61String as
// Latin-1, BMPString as UCS-2); the second result is false for a value
// that is no string.
func asn1String(v asn1.RawValue) (string, bool) {
	if v.Class != asn1.ClassUniversal {
		return "", false
	}
	switch v.Tag {
	case asn1.TagUTF8String, asn1.TagPrintableString, asn1.TagIA5String, 26 /* VisibleString */, 18 /* NumericString */ :
		return string(v.Bytes), true
	case asn1.TagT61String:
		var b strings.Builder
		for _, c := range v.Bytes {
			b.WriteRune(rune(c))
		}
		return b.String(), true
	case asn1.TagBMPString:
		if len(v.Bytes)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(v.Bytes)/2)
		for i := range u {
			u[i] = uint16(v.Bytes[2*i])<<8 | uint16(v.Bytes[2*i+1])
		}
		return string(utf16.Decode(u)), true
	case 28: // UniversalString
		if len(v.Bytes)%4 != 0 {
			return "", false
		}
		var b strings.Builder
		for i := 0; i < len(v.Bytes); i += 4 {
			r := rune(v.Bytes[i])<<24 | rune(v.Bytes[i+1])<<16 | rune(v.Bytes[i+2])<<8 | rune(v.Bytes[i+3])
			if !utf8.ValidRune(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
		return b.String(), true
	}
	return "", false
}
