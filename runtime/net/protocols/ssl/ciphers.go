package ssl

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed ciphers.txt
var cipherText string

// cipherNames maps cipher suite codes to their names.
var cipherNames = parseCiphers(cipherText)

func parseCiphers(text string) map[uint32]string {
	m := map[uint32]string{}
	for _, line := range strings.Split(text, "\n") {
		code, name, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(code, "#") {
			continue
		}
		n, err := strconv.ParseUint(strings.TrimPrefix(code, "0x"), 16, 32)
		if err != nil {
			panic("ssl: bad cipher line " + line)
		}
		m[uint32(n)] = name
	}
	return m
}

// keyExchange is how a cipher suite's ServerKeyExchange (and
// ClientKeyExchange) carry the key agreement.
type keyExchange uint8

const (
	kexOther keyExchange = iota // RSA, static DH/ECDH, TLS 1.3, unknown
	kexRSA                      // ClientKeyExchange holds the encrypted secret
	kexECDHE                    // named-curve parameters
	kexDHE                      // p, g, Ys
)

// kexOf reads a suite's key exchange from its name; PSK says whether a
// PSK identity hint comes first, signed whether a signature follows.
func kexOf(cipher uint16) (kex keyExchange, psk, signed bool) {
	name := cipherNames[uint32(cipher)]
	rest, ok := strings.CutPrefix(name, "TLS_")
	if !ok {
		return kexOther, false, false
	}
	alg, _, _ := strings.Cut(rest, "_WITH_")
	switch {
	case strings.HasPrefix(alg, "ECDHE_"), alg == "ECDH_anon":
		kex = kexECDHE
	case strings.HasPrefix(alg, "DHE_"), alg == "DH_anon":
		kex = kexDHE
	case alg == "RSA" || strings.HasPrefix(alg, "RSA_EXPORT"):
		return kexRSA, false, false
	default:
		return kexOther, false, false
	}
	psk = strings.HasSuffix(alg, "_PSK")
	signed = !psk && !strings.HasSuffix(alg, "_anon")
	return kex, psk, signed
}
