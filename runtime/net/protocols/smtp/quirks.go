package smtp

import (
	"bytes"
	"strings"

	"github.com/gobro/gobro/runtime/net/protocols/mime"
)

// The SMTP analyser has read MIME in its own way, apart from Zeek's one
// MIME analyser (which the HTTP analyser follows). The mime package
// reads as Zeek does; these quirks keep the SMTP analyser's output as it
// was:
//   - a header line starting with NUL is a header, not the end of the
//     headers;
//   - a first header line of blanks only starts an empty header, which
//     folded lines continue without an event each;
//   - a header's name is what comes before the first colon, trimmed,
//     with no skipping of comments or stray bytes, and its value loses
//     only leading blanks, CR and LF (parseHeader);
//   - Content-Type is cut at its first "/", the boundary parameter is
//     found by splitting at every ";", and other parameters are not
//     checked (noteHeader, boundaryParam);
//   - Content-Transfer-Encoding's first token ends at a blank, ";" or
//     "(" only, and an empty one is no event (firstToken);
//   - base64 decoding goes on after padding, and a partial group at the
//     end is dropped with the event "incompleted base64 group"
//     (base64Groups);
//   - quoted-printable reports a bad escape as the event "illegal
//     format"/"invalid quoted-printable encoding" and control characters
//     not at all (legacyEvent);
//   - a body's decoded bytes go out a line at a time, however long.
func (m *mail) initQuirks() {
	m.quirks = mime.Quirks{
		NULHeader:   true,
		BlankHeader: true,
		ParseHeader: parseHeader,
		NoteHeader:  m.noteHeader,
		Base64:      func() mime.Decoder { return &base64Groups{m: m} },
	}
}

// parseHeader splits a header line; ok is false without a field name
// and a colon.
func parseHeader(line string) (h mime.Header, ok bool) {
	name, value, found := strings.Cut(line, ":")
	name = strings.TrimRight(strings.TrimLeft(name, " \t"), " \t")
	if !found || name == "" || strings.ContainsAny(name, " \t") {
		return h, false
	}
	return mime.Header{Name: name, Value: strings.TrimLeft(value, " \t\r\n")}, true
}

// noteHeader reads the media type (and a multipart's boundary) and the
// transfer encoding.
func (m *mail) noteHeader(e *mime.Entity, h *mime.Header) {
	switch {
	case strings.EqualFold(h.Name, "content-type"):
		ty, _, ok := strings.Cut(h.Value, "/")
		if !ok {
			m.event(mime.IllegalFormat, "media type/subtype not found in content type")
			return
		}
		switch strings.ToLower(strings.TrimSpace(ty)) {
		case "multipart":
			e.Kind = mime.Multipart
			e.Boundary, e.HasBoundary = boundaryParam(h.Value)
			if !e.HasBoundary {
				m.event(mime.IllegalFormat, "boundary delimiter is not specified for a multipart entity -- content is treated as type application/octet-stream")
				e.Kind = mime.Leaf
			}
		case "message":
			e.Kind = mime.Message
		default:
			e.Kind = mime.Leaf
		}
	case strings.EqualFold(h.Name, "content-transfer-encoding"):
		switch strings.ToLower(firstToken(h.Value)) {
		case "quoted-printable":
			e.Encoding = mime.QuotedPrintable
		case "base64":
			e.Encoding = mime.Base64
		default:
			e.Encoding = mime.Identity
		}
	}
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

// base64Groups decodes base64 where each padding ends a group, not the
// body: decoding goes on after it.
type base64Groups struct {
	d mime.Base64Decoder
	m *mail
}

func (b *base64Groups) Decode(line []byte) []byte {
	var out []byte
	for {
		group, rest, padded := bytes.Cut(line, []byte("="))
		out = append(out, b.d.Decode(group)...)
		if !padded {
			return out
		}
		out = append(out, b.d.Finish()...)
		line = rest
	}
}

func (b *base64Groups) Finish() []byte {
	if b.d.Partial() {
		b.m.event(mime.IllegalFormat, "incompleted base64 group")
	}
	return nil
}

// legacyEvent turns the events of Zeek's quoted-printable decoding into
// the SMTP analyser's (ok false: none).
func legacyEvent(category, detail string) (string, string, bool) {
	if category != mime.IllegalEncoding {
		return category, detail, true
	}
	if strings.HasPrefix(detail, "control characters") {
		return "", "", false
	}
	return mime.IllegalFormat, "invalid quoted-printable encoding", true
}
