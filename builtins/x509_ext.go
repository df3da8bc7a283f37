package builtins

import (
	"encoding/asn1"
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"
)

// extensionText is an extension's value as OpenSSL prints it for the
// extensions TLS certificates commonly carry; others show their bytes
// with the unprintable ones as '.', as Zeek's fallback does.
func extensionText(oid string, der []byte) string {
	switch oid {
	case "2.5.29.19":
		var bc struct {
			CA      bool `asn1:"optional"`
			PathLen int  `asn1:"optional,default:-1"`
		}
		if _, err := asn1.Unmarshal(der, &bc); err == nil {
			s := "CA:FALSE"
			if bc.CA {
				s = "CA:TRUE"
			}
			if bc.PathLen >= 0 {
				s += ", pathlen:" + strconv.Itoa(bc.PathLen)
			}
			return s
		}
	case "2.5.29.15":
		var bits asn1.BitString
		if _, err := asn1.Unmarshal(der, &bits); err == nil {
			var out []string
			for i, name := range []string{"Digital Signature", "Non Repudiation", "Key Encipherment",
				"Data Encipherment", "Key Agreement", "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only"} {
				if bits.At(i) == 1 {
					out = append(out, name)
				}
			}
			return strings.Join(out, ", ")
		}
	case "2.5.29.37":
		var oids []asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(der, &oids); err == nil {
			out := make([]string, len(oids))
			for i, o := range oids {
				out[i] = oidName(extKeyUsageNames, o)
			}
			return strings.Join(out, ", ")
		}
	case "2.5.29.14":
		var id []byte
		if _, err := asn1.Unmarshal(der, &id); err == nil {
			return colonHex(id)
		}
	case "2.5.29.35":
		var aki struct {
			ID []byte `asn1:"optional,tag:0"`
		}
		if _, err := asn1.Unmarshal(der, &aki); err == nil && len(aki.ID) > 0 {
			return "keyid:" + colonHex(aki.ID) + "\n"
		}
	case "2.5.29.17", "2.5.29.18":
		if names, ok := generalNames(der); ok {
			var out []string
			for _, n := range names {
				if n.Class != asn1.ClassContextSpecific {
					continue
				}
				switch n.Tag {
				case 1:
					out = append(out, "email:"+string(n.Bytes))
				case 2:
					out = append(out, "DNS:"+string(n.Bytes))
				case 6:
					out = append(out, "URI:"+string(n.Bytes))
				case 7:
					if a, ok := netip.AddrFromSlice(n.Bytes); ok {
						out = append(out, "IP Address:"+a.String())
					}
				}
			}
			return strings.Join(out, ", ")
		}
	}
	b := []byte(string(der))
	for i, c := range b {
		if (c < 0x20 || c > 0x7e) && c != '\n' && c != '\r' {
			b[i] = '.'
		}
	}
	return string(b)
}

func colonHex(b []byte) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = strings.ToUpper(hex.EncodeToString([]byte{c}))
	}
	return strings.Join(parts, ":")
}
