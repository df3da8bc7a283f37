package bpf

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

type tokKind uint8

const (
	tEOF  tokKind = iota
	tNum          // a number or a named constant (tcp-syn, icmp-echo, ...)
	tHID          // dotted IPv4 address or prefix: 10, 10.1, 10.1.2.3 (one part is tNum)
	tHID6         // IPv6 address
	tEID          // Ethernet address
	tID           // a name, or a \-escaped word
	tKW           // a keyword
	tOp           // punctuation
)

type token struct {
	kind tokKind
	pos  int    // byte offset in the expression
	text string // source text (for tID without the backslash)
	num  uint32
	kw   kw
	mac  [6]byte
}

func (t token) String() string {
	if t.kind == tEOF {
		return "end of expression"
	}
	return "'" + t.text + "'"
}

// lex splits expr into tokens. Like libpcap's scanner it takes the
// longest match, and on a tie prefers keyword, Ethernet address,
// number, IPv4, IPv6, then name. That is why "len-1" is one (unknown) name and
// "tcp-syn" is a constant.
func lex(expr string) ([]token, error) {
	var toks []token
	i := 0
	for {
		for i < len(expr) && strings.IndexByte(" \t\r\n", expr[i]) >= 0 {
			i++
		}
		if i >= len(expr) {
			return append(toks, token{kind: tEOF, pos: i}), nil
		}
		t, n, err := lexOne(expr[i:])
		if err != nil {
			return nil, &Error{Msg: err.Error(), Offset: i}
		}
		t.pos = i
		toks = append(toks, t)
		i += n
	}
}

var twoCharOps = []string{"&&", "||", "==", "!=", "<=", ">=", "<<", ">>"}

func lexOne(s string) (token, int, error) {
	c := s[0]
	if c == '\\' {
		n := 1
		for n < len(s) && strings.IndexByte(" !()\n\t", s[n]) < 0 {
			n++
		}
		if n == 1 {
			return token{}, 0, fmt.Errorf("syntax error")
		}
		return token{kind: tID, text: s[1:n]}, n, nil
	}
	if c == ':' && strings.HasPrefix(s, "::") {
		if n := v6Len(s); n > 0 {
			return token{kind: tHID6, text: s[:n]}, n, nil
		}
	}
	if !isAlnum(c) {
		for _, op := range twoCharOps {
			if strings.HasPrefix(s, op) {
				return token{kind: tOp, text: op}, 2, nil
			}
		}
		if strings.IndexByte("()[]:!&|=<>+-*/%^", c) >= 0 {
			return token{kind: tOp, text: s[:1]}, 1, nil
		}
		return token{}, 0, fmt.Errorf("illegal character %q", c)
	}

	lID := idLen(s)
	lNum := numLen(s)
	lHID := hidLen(s)
	lEID, mac := eidLen(s)
	lV6 := v6Len(s)
	if n := bogusEther(s); lV6 == 0 && n > 0 {
		return token{}, 0, fmt.Errorf("bogus ethernet address %s", s[:n])
	}
	best := max(lID, lNum, lHID, lEID, lV6)
	switch {
	case lID == best:
		if k, ok := keywords[s[:best]]; ok && lNum < best && lHID < best && lEID < best {
			if k.isConst {
				return token{kind: tNum, text: s[:best], num: k.val}, best, nil
			}
			return token{kind: tKW, text: s[:best], kw: k.kw}, best, nil
		}
	}
	switch best {
	case lEID:
		return token{kind: tEID, text: s[:best], mac: mac}, best, nil
	case lNum:
		v, err := parseNum(s[:best])
		if err != nil {
			return token{}, 0, err
		}
		return token{kind: tNum, text: s[:best], num: v}, best, nil
	case lHID:
		return token{kind: tHID, text: s[:best]}, best, nil
	case lV6:
		return token{kind: tHID6, text: s[:best]}, best, nil
	}
	return token{kind: tID, text: s[:best]}, best, nil
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isV6Char(c byte) bool { return isHex(c) || c == ':' || c == '.' }

func runOf(s string, f func(byte) bool) string {
	n := 0
	for n < len(s) && f(s[n]) {
		n++
	}
	return s[:n]
}

// idLen matches [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?
func idLen(s string) int {
	n := len(runOf(s, func(c byte) bool { return isAlnum(c) || c == '-' || c == '_' || c == '.' }))
	for n > 1 && (s[n-1] == '-' || s[n-1] == '_') {
		n--
	}
	return n
}

// numLen matches a decimal, octal or 0x-prefixed hexadecimal number.
func numLen(s string) int {
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isHex(s[2]) {
		return 2 + len(runOf(s[2:], isHex))
	}
	return len(runOf(s, func(c byte) bool { return c >= '0' && c <= '9' }))
}

// hidLen matches two to four numbers joined by dots.
func hidLen(s string) int {
	n := numLen(s)
	if n == 0 {
		return 0
	}
	best := 0
	for parts := 1; parts < 4; parts++ {
		if n >= len(s) || s[n] != '.' {
			break
		}
		m := numLen(s[n+1:])
		if m == 0 {
			break
		}
		n += 1 + m
		best = n
	}
	return best
}

// eidLen matches the Ethernet address spellings libpcap accepts:
// xx:xx:xx:xx:xx:xx (or with - or .), and xxxx.xxxx.xxxx, with one- or
// two-digit groups, and twelve hex digits in a row.
func eidLen(s string) (int, [6]byte) {
	var mac [6]byte
	for _, sep := range []byte{':', '-', '.'} {
		n := 0
		ok := true
		for g := 0; g < 6 && ok; g++ {
			if g > 0 {
				if n >= len(s) || s[n] != sep {
					ok = false
					break
				}
				n++
			}
			h := len(runOf(s[n:], isHex))
			if h == 0 {
				ok = false
				break
			}
			h = min(h, 2)
			v, _ := strconv.ParseUint(s[n:n+h], 16, 8)
			mac[g] = byte(v)
			n += h
		}
		if ok {
			return n, mac
		}
	}
	if len(s) >= 14 && s[4] == '.' && s[9] == '.' {
		ok := true
		for g := 0; g < 3; g++ {
			part := s[g*5 : g*5+4]
			if len(runOf(part, isHex)) != 4 {
				ok = false
				break
			}
			v, _ := strconv.ParseUint(part, 16, 16)
			mac[2*g], mac[2*g+1] = byte(v>>8), byte(v)
		}
		if ok {
			return 14, mac
		}
	}
	if h := runOf(s, isHex); len(h) >= 12 {
		for g := 0; g < 6; g++ {
			v, _ := strconv.ParseUint(h[2*g:2*g+2], 16, 8)
			mac[g] = byte(v)
		}
		return 12, mac
	}
	return 0, mac
}

// v6Len matches an IPv6 address.
func v6Len(s string) int {
	r := runOf(s, isV6Char)
	if strings.IndexByte(r, ':') < 0 {
		return 0
	}
	// Try the longest run first, then back off: "ip6[fe80::1]" is not
	// a thing, but a trailing ':' from a port-like suffix should not
	// hide a good address.
	for n := len(r); n > 1; n-- {
		a, err := netip.ParseAddr(r[:n])
		if err == nil && a.Is6() && a.Zone() == "" {
			return n
		}
	}
	return 0
}

// bogusEther recognises two or more "xx:" groups that are neither an
// IPv6 nor an Ethernet address ("1:2:3"), which libpcap rejects, and
// returns their length.
func bogusEther(s string) int {
	n, groups := 0, 0
	for {
		h := len(runOf(s[n:], isHex))
		if h == 0 || h > 2 || n+h >= len(s) || s[n+h] != ':' {
			break
		}
		n += h
		for n < len(s) && s[n] == ':' {
			n++
		}
		groups++
	}
	if l, _ := eidLen(s); groups < 2 || l > 0 {
		return 0
	}
	return n
}

// parseNum converts a number the way libpcap does: 0x is hex and a
// leading 0 is octal.
func parseNum(s string) (uint32, error) {
	base, digits := 10, s
	switch {
	case len(s) > 2 && (s[1] == 'x' || s[1] == 'X'):
		base, digits = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, digits = 8, s[1:]
		if strings.ContainsAny(digits, "89") {
			return 0, fmt.Errorf("number %s contains non-octal digit", s)
		}
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return 0, fmt.Errorf("number %s overflows 32 bits", s)
	}
	return uint32(v), nil
}
