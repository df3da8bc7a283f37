package files

import (
	"bytes"
	"regexp"
)

// Sniff guesses a file's MIME type from its first bytes (Zeek's
// file_sniff, which matches its file-magic signatures against the BOF
// buffer and takes the strongest). It reports "" when nothing matches.
// The rules are ours: a type is recognised by the markers that define
// it (magic numbers, markup openings), and plain text last, by having
// only text bytes.
func Sniff(bof []byte) string {
	for _, r := range magicRules {
		if r.match(bof) {
			return r.mime
		}
	}
	return ""
}

type magicRule struct {
	mime  string
	match func([]byte) bool
}

func prefix(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

func pattern(re string) func([]byte) bool {
	r := regexp.MustCompile(re)
	return func(b []byte) bool { return r.Match(b) }
}

// markup skips a UTF-8 byte-order mark and leading white space.
const lead = `^(?:\xef\xbb\xbf)?[\t\n\v\f\r ]*`

// magicRules are tried in order, strongest first.
var magicRules = []magicRule{
	{"application/x-dosexec", prefix("MZ")},
	{"application/pdf", prefix("%PDF-")},
	{"image/png", prefix("\x89PNG\r\n\x1a\n")},
	{"image/gif", pattern(`^GIF8[79]a`)},
	{"image/jpeg", prefix("\xff\xd8\xff")},
	{"application/zip", prefix("PK\x03\x04")},
	{"application/x-gzip", prefix("\x1f\x8b")},
	{"application/x-bzip2", prefix("BZh")},
	{"application/x-shockwave-flash", pattern(`^[FC]WS`)},
	// An XML declaration before the markup does not make a page XML.
	{"text/html", pattern(`(?i)` + lead + `(?:<\?xml[^>]*\?>[\t\n\v\f\r ]*)?(?:<!--.*?-->[\t\n\v\f\r ]*)*<(?:!doctype[\t\n\v\f\r ]+html|html|head|title|body|script|meta|div|p|h1|table|a )`)},
	{"application/xml", pattern(lead + `<\?xml`)},
	{"text/json", pattern(lead + `(?:\{[\t\n\v\f\r ]*"[^"]*"[\t\n\v\f\r ]*:|\[[\t\n\v\f\r ]*[\{\["0-9tfn-])`)},
	{"text/plain", isText},
}

// isText: non-empty and only printable ASCII and white space (a UTF-8
// byte-order mark allowed), as Zeek's weakest rule calls text.
func isText(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c > 0x7e {
			return false
		}
	}
	return true
}
