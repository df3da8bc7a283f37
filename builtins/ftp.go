package builtins

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// FTP built-ins: the address and port of a data channel, as the
// commands and replies that announce it write them. Each parse_* answers
// an ftp_port record; valid is F when the text does not parse (h and p
// are then 0.0.0.0 or ::, and 0/tcp).

func init() {
	Decls = append(Decls,
		Decl{"parse_ftp_port", "function(s: string): ftp_port"},
		Decl{"parse_eftp_port", "function(s: string): ftp_port"},
		Decl{"parse_ftp_pasv", "function(str: string): ftp_port"},
		Decl{"parse_ftp_epsv", "function(str: string): ftp_port"},
		Decl{"fmt_ftp_port", "function(a: addr, p: port): string"},
	)
	register(map[string]Impl{
		"parse_ftp_port":  bifParseFTPPort,
		"parse_eftp_port": bifParseEFTPPort,
		"parse_ftp_pasv":  bifParseFTPPasv,
		"parse_ftp_epsv":  bifParseFTPEpsv,
		"fmt_ftp_port":    bifFmtFTPPort,
	})
}

// cString is s as C code sees it: up to its first NUL.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

func ftpPort(ctx Context, h netip.Addr, p int, valid bool) (value.Value, error) {
	rt, _ := ctx.Type("ftp_port").(*types.RecordType)
	if rt == nil {
		return value.None, fmt.Errorf("type ftp_port is not declared")
	}
	r := value.NewRecord(rt)
	r.Set("h", value.Addr(h))
	r.Set("p", value.Port(uint32(p), value.ProtoTCP))
	r.Set("valid", value.Bool(valid))
	return value.Value{P: r}, nil
}

func bifParseFTPPort(ctx Context, a []value.Value) (value.Value, error) {
	h, p, ok := parsePortArg(cString(a[0].Str()))
	return ftpPort(ctx, h, p, ok)
}

func bifParseEFTPPort(ctx Context, a []value.Value) (value.Value, error) {
	s := cString(a[0].Str())
	h, p, ok := parseEPRTArg(&s)
	return ftpPort(ctx, h, p, ok)
}

// parse_ftp_pasv finds the six numbers in a 227 reply: after a '(', or
// else after "PORT ", or else from the digits before the first comma.
func bifParseFTPPasv(ctx Context, a []value.Value) (value.Value, error) {
	s := cString(a[0].Str())
	var rest string
	switch i, j, k := strings.IndexByte(s, '('), strings.Index(s, "PORT"), strings.IndexByte(s, ','); {
	case i >= 0:
		rest = s[i+1:]
	case j >= 0:
		if j+5 <= len(s) {
			rest = s[j+5:]
		}
	case k >= 0:
		for k > 0 && isDigitByte(s[k-1]) {
			k--
		}
		rest = s[k:]
	}
	h, p, ok := parsePortArg(rest)
	return ftpPort(ctx, h, p, ok)
}

// parse_ftp_epsv reads the port of a 229 reply, in the EPRT form after
// its '(' (the address is left out there, so h is ::).
func bifParseFTPEpsv(ctx Context, a []value.Value) (value.Value, error) {
	s := cString(a[0].Str())
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return ftpPort(ctx, netip.IPv6Unspecified(), 0, false)
	}
	rest := s[i+1:]
	h, p, ok := parseEPRTArg(&rest)
	return ftpPort(ctx, h, p, ok)
}

func bifFmtFTPPort(ctx Context, a []value.Value) (value.Value, error) {
	h := a[0].Addr()
	if !h.Is4() {
		ctx.Report("error", "conversion of non-IPv4 address in fmt_ftp_port")
		return value.String(""), nil
	}
	b := h.As4()
	p := a[1].PortNum()
	return value.String(fmt.Sprintf("%d,%d,%d,%d,%d,%d", b[0], b[1], b[2], b[3], p>>8, p&0xff)), nil
}

// parsePortArg reads "h1,h2,h3,h4,p1,p2" as C's sscanf("%d,%d,…") does:
// blanks may precede each number, which may have a sign; the commas
// must follow the numbers at once, and what comes after the sixth number
// does not matter. Every number must be 0…255.
func parsePortArg(s string) (netip.Addr, int, bool) {
	invalid := netip.IPv4Unspecified()
	if len(s) < 11 {
		return invalid, 0, false
	}
	var n [6]int64
	for i := range n {
		v, rest, ok := strtol(s)
		if !ok || v < 0 || v > 255 {
			return invalid, 0, false
		}
		n[i], s = v, rest
		if i < 5 {
			if s == "" || s[0] != ',' {
				return invalid, 0, false
			}
			s = s[1:]
		}
	}
	h := netip.AddrFrom4([4]byte{byte(n[0]), byte(n[1]), byte(n[2]), byte(n[3])})
	return h, int(n[4]<<8 | n[5]), true
}

// parseEPRTArg reads "<d><proto><d><addr><d><port><d>" (RFC 2428), d any
// delimiter, with the leniency of Zeek's parser: the protocol number is
// not checked, an empty address leaves h ::, and a valid address makes
// the result valid again even when the protocol field was malformed.
func parseEPRTArg(p *string) (netip.Addr, int, bool) {
	h := netip.IPv6Unspecified()
	s := strings.TrimLeft(*p, " \t\n\v\f\r")
	if s == "" {
		return h, 0, false
	}
	delim := s[0]
	s = s[1:]
	good := true
	_, s, _ = strtol(s) // the protocol number
	if s == "" || s[0] != delim {
		good = false
	}
	if s != "" {
		s = s[1:]
	}
	if s != "" && s[0] != delim {
		end := strings.IndexByte(s, delim)
		if end < 0 {
			end = len(s)
		}
		var a netip.Addr
		a, good = convertAddr(s[:end])
		if good {
			h = a
		}
	}
	port := 0
	if i := strings.IndexByte(s, delim); i >= 0 {
		v, rest, _ := strtol(s[i+1:])
		if rest == "" || rest[0] != delim {
			good = false
		}
		if v < 0 || v > 65535 {
			v, good = 0, false
		}
		port = int(v)
	}
	return h, port, good
}

// convertAddr parses an address as Zeek's IPAddr::ConvertString: text
// with a colon is IPv6 (no zone), otherwise four sscanf %d numbers
// 0…255 separated by dots and nothing after.
func convertAddr(s string) (netip.Addr, bool) {
	if strings.IndexByte(s, ':') >= 0 {
		if strings.IndexByte(s, '%') >= 0 {
			return netip.Addr{}, false
		}
		a, err := netip.ParseAddr(s)
		return a, err == nil
	}
	var b [4]byte
	for i := range b {
		v, rest, ok := strtol(s)
		if !ok || v < 0 || v > 255 {
			return netip.Addr{}, false
		}
		b[i], s = byte(v), rest
		if i < 3 {
			if s == "" || s[0] != '.' {
				return netip.Addr{}, false
			}
			s = s[1:]
		}
	}
	return netip.AddrFrom4(b), s == ""
}

// strtol reads a number as C's strtol(s, &end, 10) (and sscanf's %d):
// leading white space,
// a sign, digits. Without digits nothing is consumed (rest is s, ok F).
// The value saturates far outside any range the callers accept.
func strtol(s string) (v int64, rest string, ok bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	i := 0
	for i < len(t) && isDigitByte(t[i]) {
		if v < 1<<40 {
			v = v*10 + int64(t[i]-'0')
		}
		i++
	}
	if i == 0 {
		return 0, s, false
	}
	if neg {
		v = -v
	}
	return v, t[i:], true
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
