package smtp

import "strings"

// header is one MIME header: its name as sent and its value with the
// blanks after the colon removed (continuation lines joined as sent).
type header struct {
	name, value string
}

// parseHeader splits a header line; ok is false without a field name
// and a colon.
func parseHeader(line string) (h header, ok bool) {
	name, value, found := strings.Cut(line, ":")
	name = strings.TrimRight(strings.TrimLeft(name, " \t"), " \t")
	if !found || name == "" || strings.ContainsAny(name, " \t") {
		return h, false
	}
	return header{name: name, value: strings.TrimLeft(value, " \t\r\n")}, true
}

// firstToken is a value's first token: up to a blank, ';' or '('.
func firstToken(v string) string {
	v = strings.TrimLeft(v, " \t")
	if i := strings.IndexAny(v, " \t;("); i >= 0 {
		v = v[:i]
	}
	return v
}

// boundaryParam finds the boundary parameter of a Content-Type value:
// quoted (with backslash escapes) or a token.
func boundaryParam(v string) (string, bool) {
	for _, p := range strings.Split(v, ";")[1:] {
		attr, val, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(attr), "boundary") {
			continue
		}
		val = strings.TrimLeft(val, " \t")
		if strings.HasPrefix(val, `"`) {
			var b strings.Builder
			for i := 1; i < len(val); i++ {
				switch val[i] {
				case '"':
					return b.String(), true
				case '\\':
					i++
					if i < len(val) {
						b.WriteByte(val[i])
					}
				default:
					b.WriteByte(val[i])
				}
			}
			return "", false
		}
		if i := strings.IndexAny(val, " \t\"()<>@,;:\\/[]?="); i >= 0 {
			val = val[:i]
		}
		return val, val != ""
	}
	return "", false
}
