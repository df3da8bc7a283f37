package http

import (
	"strings"
)

// Request and status lines, read as leniently as Zeek reads them.

func isHTTPTokenChar(c byte) bool {
	return c > 31 && c < 127 && strings.IndexByte(" \t()<>@,;:\\\"/[]?={}", c) < 0
}

func skipWS(s []byte, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// hasPrefixAt reports whether s[i:] starts with p, optionally ignoring
// case.
func hasPrefixAt(s []byte, i int, p string, fold bool) bool {
	if i > len(s) || len(s)-i < len(p) {
		return false
	}
	if fold {
		return strings.EqualFold(string(s[i:i+len(p)]), p)
	}
	return string(s[i:i+len(p)]) == p
}

func isReservedURIChar(c byte) bool { return strings.IndexByte(":/?#[]@!$&'()*+,;=", c) >= 0 && c != 0 }

func isUnreservedURIChar(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		(strings.IndexByte("-_.!~*'()", c) >= 0 && c != 0)
}

// parseRequestLine reads "METHOD URI [HTTP/x.y]", setting the method
// and request version and returning the URI as sent and unescaped; false
// (with a weird) if it is not one.
func (a *Analyzer) parseRequestLine(line []byte) (uri, unescaped string, ok bool) {
	m := 0
	for m < len(line) && isHTTPTokenChar(line[m]) {
		m++
	}
	if m == 0 {
		if len(line) >= 9 && strings.EqualFold(string(line[len(line)-9:len(line)-3]), " HTTP/") {
			a.weird("bad_HTTP_request_with_version", "")
		} else {
			a.weird("bad_HTTP_request", "")
		}
		return "", "", false
	}
	rest := skipWS(line, m)
	if rest == m {
		a.weird("bad_HTTP_request", "")
		return "", "", false
	}
	uri, unescaped = a.parseRequest(line[rest:])
	if a.requestVersion == (version{0, 9}) && (m < 3 || len(uri) == 0) {
		a.weird("bad_HTTP_request", "")
		return "", "", false
	}
	a.requestMethod = string(line[:m])
	return uri, unescaped, true
}

// parseRequest reads the URI and version after the method.
func (a *Analyzer) parseRequest(s []byte) (uri, unescaped string) {
	end := 0
	for end < len(s) && (isReservedURIChar(s[end]) || isUnreservedURIChar(s[end]) || s[end] == '%') {
		end++
	}
	match := hasPrefixAt(s, 0, "HTTP/", false)
	if !match && hasPrefixAt(s, 0, "HTTP/", true) {
		a.weird("lowercase_HTTP_keyword", "")
		match = true
	}
	if end >= len(s) && match {
		a.weird("missing_HTTP_uri", "")
		end = 0
	}
	// The URI runs up to the white space before "HTTP/", whatever it
	// contains.
	v := end
	for ; v < len(s); v++ {
		end = v
		v = skipWS(s, v)
		if hasPrefixAt(s, v, "HTTP/", false) {
			break
		}
		if hasPrefixAt(s, v, "HTTP/", true) {
			a.weird("lowercase_HTTP_keyword", "")
			break
		}
	}
	if v >= len(s) {
		a.setVersion(&a.requestVersion, version{0, 9})
	} else if v+8 <= len(s) {
		v += 5
		a.setVersion(&a.requestVersion, a.parseVersion(s[v:]))
		if skipWS(s, v+3) != len(s) {
			a.httpEvent("crud after HTTP version is ignored", string(s))
		}
	} else {
		a.httpEvent("bad_HTTP_version", string(s))
	}
	return string(s[:end]), unescapeURI(s[:end], a)
}

// parseVersion reads "d.d"; a bad version is reported and reads as unset.
func (a *Analyzer) parseVersion(s []byte) version {
	if len(s) >= 3 && s[0] >= '0' && s[0] <= '9' && s[1] == '.' && s[2] >= '0' && s[2] <= '9' {
		return version{s[0] - '0', s[2] - '0'}
	}
	a.httpEvent("bad_HTTP_version", string(s))
	return version{}
}

// parseReplyLine reads "HTTP/x.y code reason", setting the reply version,
// code and reason; false if it is not a status line.
func (a *Analyzer) parseReplyLine(line []byte) bool {
	a.hasReason = false
	if !hasPrefixAt(line, 0, "HTTP/", false) {
		if !hasPrefixAt(line, 0, "HTTP/", true) {
			a.httpEvent("bad_HTTP_reply", string(line))
			return false
		}
		a.weird("lowercase_HTTP_keyword", "")
	}
	rest := 5
	a.setVersion(&a.replyVersion, a.parseVersion(line[rest:]))
	for rest < len(line) && !isLWS(line[rest]) {
		rest++
	}
	if rest >= len(line) {
		a.httpEvent("HTTP_reply_code_missing", string(line))
		return false
	}
	rest = skipWS(line, rest)
	if rest+3 > len(line) {
		a.httpEvent("HTTP_reply_code_missing", string(line))
		return false
	}
	c := line[rest : rest+3]
	a.replyCode = 0
	if isDigit(c[0]) && isDigit(c[1]) && isDigit(c[2]) {
		a.replyCode = int(c[0]-'0')*100 + int(c[1]-'0')*10 + int(c[2]-'0')
	}
	for rest += 3; rest < len(line) && !isLWS(line[rest]); rest++ {
	}
	if rest >= len(line) {
		a.httpEvent("HTTP_reply_reason_phrase_missing", string(line))
		return true
	}
	rest = skipWS(line, rest)
	a.replyReason, a.hasReason = string(line[rest:]), true
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLWS(c byte) bool { return c == ' ' || c == '\t' }

func isXDigit(c byte) bool { return unhex(c) >= 0 }

// unescapeURI decodes %XX and %uXXXX escapes, reporting malformed ones.
func unescapeURI(s []byte, a *Analyzer) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			out = append(out, s[i])
			continue
		}
		i++
		switch {
		case i == len(s):
			out = append(out, '%')
			a.weird("illegal_%_at_end_of_URI", "")
			return string(out)
		case i+1 == len(s):
			out = append(out, '%', s[i])
			a.weird("partial_escape_at_end_of_URI", "")
			return string(out)
		case s[i] == '%':
			a.weird("double_%_in_URI", "")
			i--
			// Zeek keeps nothing for the first '%' and reads the second
			// as the start of an escape.
		case isXDigit(s[i]) && isXDigit(s[i+1]):
			out = append(out, byte(unhex(s[i])<<4|unhex(s[i+1])))
			i++
		case len(s)-i >= 5 && s[i] == 'u' && isXDigit(s[i+1]) && isXDigit(s[i+2]) && isXDigit(s[i+3]) && isXDigit(s[i+4]):
			if !(s[i+1] == '0' && s[i+2] == '0') {
				out = append(out, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			}
			out = append(out, byte(unhex(s[i+3])<<4|unhex(s[i+4])))
			i += 4
		default:
			a.weird("unescaped_%_in_URI", "")
			out = append(out, '%', s[i])
		}
	}
	return string(out)
}
