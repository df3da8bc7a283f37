package smtp

import (
	"strings"
)

// An entity is one MIME entity of a mail: the message (depth 0) or a
// part of a multipart body, or the message inside a message/* entity.
// It reads header lines up to an empty line, then body lines, which it
// decodes (base64, quoted-printable) and hands out; a multipart body is
// cut at its boundary lines into child entities.
type entity struct {
	m      *mail
	parent *entity
	child  *entity

	inHeader bool
	ended    bool
	cur      []string // the header being read, with its continuations
	headers  []header // all of them, for mime_all_headers

	kind      int // ctText…
	boundary  string
	encoding  int
	delayCRLF bool   // a part's last line end belongs to the boundary
	b64       []byte // base64 characters not yet decoded (< 4)
	content   []byte // the decoded body, for mime_entity_data
}

// Media types that matter for parsing.
const (
	ctText = iota
	ctMultipart
	ctMessage
	ctOther
)

// Content-Transfer-Encodings that matter.
const (
	encBinary = iota
	encQuotedPrintable
	encBase64
)

func newEntity(m *mail, parent *entity) *entity {
	e := &entity{m: m, parent: parent, inHeader: true}
	if parent != nil {
		e.encoding = parent.encoding
	}
	return e
}

// deliver takes one line of the entity.
func (e *entity) deliver(line []byte) {
	if e.ended {
		return
	}
	if !e.inHeader {
		e.bodyLine(line)
		return
	}
	switch {
	case len(line) == 0:
		e.finishHeader()
		e.inHeader = false
		e.m.allHeaders(e.headers)
		if e.kind == ctMessage {
			e.beginChild()
		}
	case line[0] == ' ' || line[0] == '\t':
		if e.cur == nil {
			e.m.event("illegal format", "first header line starts with linear whitespace")
			e.cur = []string{strings.TrimLeft(string(line), " \t")}
			return
		}
		e.cur = append(e.cur, string(line))
	default:
		e.finishHeader()
		e.cur = []string{string(line)}
	}
}

func (e *entity) finishHeader() {
	if e.cur == nil {
		return
	}
	line := strings.Join(e.cur, "")
	e.cur = nil
	h, ok := parseHeader(line)
	if !ok {
		return
	}
	switch {
	case strings.EqualFold(h.name, "content-type"):
		e.contentType(h.value)
	case strings.EqualFold(h.name, "content-transfer-encoding"):
		switch strings.ToLower(firstToken(h.value)) {
		case "quoted-printable":
			e.encoding = encQuotedPrintable
		case "base64":
			e.encoding = encBase64
		default:
			e.encoding = encBinary
		}
	}
	e.m.header(&h)
	e.headers = append(e.headers, h)
}

// contentType notes the media type and a multipart's boundary.
func (e *entity) contentType(v string) {
	ty, _, ok := strings.Cut(v, "/")
	if !ok {
		e.m.event("illegal format", "media type/subtype not found in content type")
		return
	}
	switch strings.ToLower(strings.TrimSpace(ty)) {
	case "multipart":
		e.kind = ctMultipart
		b, ok := boundaryParam(v)
		if !ok {
			e.m.event("illegal format", "boundary delimiter is not specified for a multipart entity -- content is treated as type application/octet-stream")
			e.kind = ctOther
		}
		e.boundary = b
	case "message":
		e.kind = ctMessage
	case "text":
		e.kind = ctText
	default:
		e.kind = ctOther
	}
}

func (e *entity) beginChild() {
	e.child = newEntity(e.m, e)
	e.m.beginEntity()
}

func (e *entity) endChild() {
	e.child.endOfData()
	e.child = nil
}

// endOfData ends the entity: the mail is over or its boundary came.
func (e *entity) endOfData() {
	if e.ended {
		return
	}
	e.ended = true
	if e.inHeader {
		e.finishHeader()
		e.inHeader = false
		e.m.allHeaders(e.headers)
		e.m.event("illegal format", "entity body missing")
	} else {
		if e.child != nil {
			if e.kind == ctMultipart {
				e.m.event("illegal format", "multipart closing boundary delimiter missing")
			}
			e.endChild()
		}
		if len(e.b64) > 0 {
			e.m.event("illegal format", "incompleted base64 group")
			e.b64 = nil
		}
	}
	e.m.endEntity(e)
}

// Boundary line kinds.
const (
	notBoundary = iota
	boundaryLine
	closingBoundary
)

func (e *entity) checkBoundary(line []byte) int {
	s := string(line)
	if !strings.HasPrefix(s, "--") || !strings.HasPrefix(s[2:], e.boundary) {
		return notBoundary
	}
	if strings.HasPrefix(s[2+len(e.boundary):], "--") {
		return closingBoundary
	}
	return boundaryLine
}

func (e *entity) bodyLine(line []byte) {
	if e.kind == ctMultipart {
		switch e.checkBoundary(line) {
		case boundaryLine:
			if e.child != nil {
				e.endChild()
			}
			e.beginChild()
			return
		case closingBoundary:
			if e.child != nil {
				e.endChild()
			}
			e.endOfData()
			return
		}
	}
	if e.kind == ctMultipart || e.kind == ctMessage {
		// Lines before the first boundary or after the last are dropped.
		if e.child != nil {
			e.child.deliver(line)
		}
		return
	}
	switch e.encoding {
	case encBase64:
		e.out(e.decodeBase64(line))
	case encQuotedPrintable:
		e.out(e.decodeQuotedPrintable(line))
	default:
		var b []byte
		if e.delayCRLF {
			e.delayCRLF = false
			b = append(b, '\r', '\n')
		}
		b = append(b, line...)
		if e.parent != nil && e.parent.kind == ctMultipart {
			e.delayCRLF = true
		} else {
			b = append(b, '\r', '\n')
		}
		e.out(b)
	}
}

func (e *entity) out(b []byte) {
	if len(b) > 0 {
		e.m.data(e, b)
	}
}

// decodeBase64 decodes a line, carrying an incomplete group over to the
// next; bytes outside the alphabet are skipped.
func (e *entity) decodeBase64(line []byte) []byte {
	var out []byte
	for _, c := range line {
		if c == '=' {
			// Padding ends the group.
			switch len(e.b64) {
			case 2:
				out = append(out, b64val(e.b64[0])<<2|b64val(e.b64[1])>>4)
			case 3:
				out = append(out, b64val(e.b64[0])<<2|b64val(e.b64[1])>>4, b64val(e.b64[1])<<4|b64val(e.b64[2])>>2)
			}
			e.b64 = e.b64[:0]
			continue
		}
		if b64val(c) == 0xff {
			continue
		}
		e.b64 = append(e.b64, c)
		if len(e.b64) == 4 {
			v0, v1, v2, v3 := b64val(e.b64[0]), b64val(e.b64[1]), b64val(e.b64[2]), b64val(e.b64[3])
			out = append(out, v0<<2|v1>>4, v1<<4|v2>>2, v2<<6|v3)
			e.b64 = e.b64[:0]
		}
	}
	return out
}

func b64val(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c - 'A'
	case c >= 'a' && c <= 'z':
		return c - 'a' + 26
	case c >= '0' && c <= '9':
		return c - '0' + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return 0xff
}

// decodeQuotedPrintable decodes a line: "=XX" is a byte, a trailing "="
// a soft line break; any other line ends with CRLF. Trailing blanks are
// dropped.
func (e *entity) decodeQuotedPrintable(line []byte) []byte {
	for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\t') {
		line = line[:len(line)-1]
	}
	var out []byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		if i+1 == len(line) {
			return out // soft line break
		}
		if i+2 < len(line) && hexVal(line[i+1]) < 16 && hexVal(line[i+2]) < 16 {
			out = append(out, hexVal(line[i+1])<<4|hexVal(line[i+2]))
			i += 2
			continue
		}
		e.m.event("illegal format", "invalid quoted-printable encoding")
		out = append(out, c)
	}
	return append(out, '\r', '\n')
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0xff
}
