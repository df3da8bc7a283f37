package uid

const base62Digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// AppendBase62 appends v in Zeek's base62 form (Zeek's uitoa_n with base 62):
// digits 0-9a-zA-Z, least significant digit first, no padding. Zero is "0".
func AppendBase62(dst []byte, v uint64) []byte {
	for {
		dst = append(dst, base62Digits[v%62])
		v /= 62
		if v == 0 {
			return dst
		}
	}
}

// Base62 renders v as AppendBase62 does.
func Base62(v uint64) string {
	return string(AppendBase62(nil, v))
}
