package builtins

import "github.com/gobro/gobro/runtime/value"

// DNS built-ins.

func init() {
	Decls = append(Decls, Decl{"decode_netbios_name", "function(name: string): string"})
	register(map[string]Impl{"decode_netbios_name": bifDecodeNetbiosName})
}

// decode_netbios_name undoes NetBIOS first-level encoding (RFC 1001
// 14.1): each byte is two letters 'A'..'P', one per half. The 16th byte
// is the name's type and the name ends at its padding, so the result is
// the leading run of the first 15 bytes that are letters, digits,
// punctuation or the control bytes 1 and 2 some names start with.
func bifDecodeNetbiosName(_ Context, args []value.Value) (value.Value, error) {
	s := args[0].Str()
	out := make([]byte, 0, 15)
	for i := 0; i < 15; i++ {
		hi, lo := netbiosHalf(s, 2*i), netbiosHalf(s, 2*i+1)
		c := hi<<4 + lo
		if !(isAlnum(c) || isPunct(c) || c < 3) {
			break
		}
		out = append(out, c)
	}
	return value.String(string(out)), nil
}

// netbiosHalf is the half-byte the i-th letter encodes ('A' past the end).
func netbiosHalf(s string, i int) byte {
	c := byte('A')
	if i < len(s) {
		c = s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
	}
	return c - 'A'
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isPunct(c byte) bool { return c > ' ' && c < 0x7f && !isAlnum(c) }
