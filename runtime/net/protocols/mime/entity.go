// Package mime reads MIME entities for the analysers whose protocols
// carry them (HTTP, SMTP), as Zeek's one MIME analyser does for both.
//
// An Entity is fed lines: header lines (folded ones joined) up to an
// empty line, then body lines. It reads the headers that shape the body
// (Content-Type with its boundary, Content-Transfer-Encoding), decodes
// the body (base64, quoted-printable) and cuts a multipart body at its
// boundaries into child entities; a message/* body is one child entity.
// What it finds goes to its Part, the protocol's side of the entity,
// which raises the protocol's events and may wrap the MIME reading (HTTP
// reads a body's extent from Content-Length or chunking before handing
// its lines on).
package mime

import "strings"

// Kind is what an entity's media type means to the parser.
type Kind uint8

const (
	// Leaf bodies are data: text and all types but the two below.
	Leaf Kind = iota
	// Multipart bodies hold parts between boundary lines.
	Multipart
	// Message bodies hold one entity.
	Message
)

// Encoding is a body's Content-Transfer-Encoding.
type Encoding uint8

const (
	// Identity is 7bit, 8bit, binary and every unknown encoding: the
	// body is taken as it is.
	Identity Encoding = iota
	QuotedPrintable
	Base64
)

// The categories of Part.Event.
const (
	IllegalFormat   = "illegal format"
	IllegalEncoding = "illegal encoding"
)

// A Part is the protocol's side of an entity: the entity reports to it,
// and a parent entity passes its children lines and ends them through
// it.
type Part interface {
	// Deliver passes the part a line of its parent's body (crlf: a line
	// end followed it). It calls the entity's Deliver, at once or after
	// the protocol's own reading.
	Deliver(line []byte, crlf bool)
	// EndOfData ends the part: its parent's boundary or end came, or its
	// own closing boundary. It calls the entity's EndOfData.
	EndOfData()
	// BeginChild starts a child entity (a part of a multipart body, the
	// content of a message body) and returns its Part.
	BeginChild() Part
	// Header reports a complete header, after the entity has read what
	// it says about the body.
	Header(h *Header)
	// AllHeaders: the headers are complete (an empty line came, or the
	// entity ended first). The part may end the entity here.
	AllHeaders()
	// Data hands out decoded body bytes, valid only during the call.
	Data(b []byte)
	// Event reports malformed MIME (category IllegalFormat or
	// IllegalEncoding).
	Event(category, detail string)
	// EndEntity: the entity is over.
	EndEntity()
}

// Quirks are a protocol's departures from Zeek's reading of MIME that
// its analyser has always made; they keep its output as it was. A zero
// field reads as Zeek does.
type Quirks struct {
	// NULHeader takes a header line starting with NUL as a header
	// instead of the end of the headers.
	NULHeader bool
	// BlankHeader makes a first header line of blanks only an empty
	// header that folded lines may continue, instead of nothing.
	BlankHeader bool
	// ParseHeader splits a header instead of ParseHeader.
	ParseHeader func(line string) (Header, bool)
	// NoteHeader reads Content-Type and Content-Transfer-Encoding into
	// the entity instead of Zeek's parser.
	NoteHeader func(e *Entity, h *Header)
	// Base64 returns the decoder of a base64 body instead of a Base64Decoder.
	Base64 func() Decoder
}

// Entity is one MIME entity.
type Entity struct {
	// Type and Subtype are the media type, upper-cased: TEXT/PLAIN
	// until a Content-Type says otherwise.
	Type, Subtype string
	Kind          Kind
	Encoding      Encoding
	// Boundary delimits the parts of a multipart body, if HasBoundary.
	Boundary    string
	HasBoundary bool
	// ChunkSize bounds the bytes of one Part.Data; 0 hands out a line's
	// decoded bytes at once.
	ChunkSize int
	// Quirks, if set, are the protocol's own readings.
	Quirks *Quirks

	part   Part
	parent *Entity
	child  Part

	inHeader, ended bool
	cur             []string // the header being read, with its folded lines
	// delayCRLF: a part's last line end belongs to the boundary after
	// it, so a line end is added only when more data comes.
	delayCRLF bool
	b64       Decoder
	data      []byte // decoded body not yet handed out
}

// NewEntity returns the entity of part p, a child of parent (nil for a
// message's top entity), whose encoding it takes until its own header
// says otherwise.
func NewEntity(p Part, parent *Entity) *Entity {
	e := &Entity{part: p, parent: parent, inHeader: true, Type: "TEXT", Subtype: "PLAIN"}
	if parent != nil {
		e.Encoding = parent.Encoding
	}
	return e
}

// InHeader reports whether the entity is reading headers.
func (e *Entity) InHeader() bool { return e.inHeader }

// Ended reports whether the entity is over.
func (e *Entity) Ended() bool { return e.ended }

// ResumeHeaders makes the lines that follow headers again (the trailer
// of HTTP's chunked coding).
func (e *Entity) ResumeHeaders() { e.inHeader = true }

// Deliver takes a line of the entity (crlf: a line end followed it) or,
// for a body, a piece of one.
func (e *Entity) Deliver(line []byte, crlf bool) {
	if e.ended {
		return
	}
	if !e.inHeader {
		e.bodyLine(line, crlf)
		return
	}
	switch {
	case len(line) == 0 || (line[0] == 0 && !e.quirks().NULHeader):
		e.finishHeader()
		e.inHeader = false
		e.part.AllHeaders()
		if !e.ended {
			e.beginBody()
		}
	case isLWS(line[0]):
		if e.cur == nil {
			e.part.Event(IllegalFormat, "first header line starts with linear whitespace")
			i := 0
			for i < len(line) && isLWS(line[i]) {
				i++
			}
			if i == len(line) && e.quirks().BlankHeader {
				e.cur = []string{""}
				return
			}
			e.newHeader(line[i:])
			return
		}
		e.cur = append(e.cur, string(line))
	default:
		e.newHeader(line)
	}
}

var zeekQuirks Quirks

func (e *Entity) quirks() *Quirks {
	if e.Quirks != nil {
		return e.Quirks
	}
	return &zeekQuirks
}

func (e *Entity) newHeader(line []byte) {
	e.finishHeader()
	if len(line) > 0 {
		e.cur = []string{string(line)}
	}
}

func (e *Entity) finishHeader() {
	if e.cur == nil {
		return
	}
	line, lines := strings.Join(e.cur, ""), len(e.cur)
	e.cur = nil
	parse := ParseHeader
	if q := e.quirks(); q.ParseHeader != nil {
		parse = q.ParseHeader
	}
	h, ok := parse(line)
	if !ok {
		return
	}
	h.Lines = lines
	if q := e.quirks(); q.NoteHeader != nil {
		q.NoteHeader(e, &h)
	} else {
		e.noteHeader(&h)
	}
	e.part.Header(&h)
}

func (e *Entity) noteHeader(h *Header) {
	switch {
	case strings.EqualFold(h.Name, "content-type"):
		e.contentType(h)
	case strings.EqualFold(h.Name, "content-transfer-encoding"):
		e.transferEncoding(h)
	}
}

func (e *Entity) contentType(h *Header) {
	ty, sub, end, ok := getSlashPair(h.Value)
	if !ok {
		e.part.Event(IllegalFormat, "media type/subtype not found in content type")
		return
	}
	e.Type, e.Subtype = ASCIIUpper(ty), ASCIIUpper(sub)
	e.Kind = lookupFold(kindNames, ty)
	if e.Kind != Leaf {
		e.parameters(h.Value[end:], true)
	}
	if e.Kind == Multipart && !e.HasBoundary {
		e.part.Event(IllegalFormat, "boundary delimiter is not specified for a multipart entity -- content is treated as type application/octet-stream")
		e.Kind = Leaf
	}
}

func (e *Entity) transferEncoding(h *Header) {
	tok, rest, ok := h.Token()
	if !ok {
		e.part.Event(IllegalFormat, "encoding type not found in content encoding")
		return
	}
	e.Encoding = lookupFold(encodingNames, tok)
	if e.Kind != Leaf {
		e.parameters(rest, false)
	}
}

// The media types and encodings that matter; any other is the zero
// value (Leaf, Identity).
var (
	kindNames     = map[string]Kind{"MULTIPART": Multipart, "MESSAGE": Message}
	encodingNames = map[string]Encoding{"QUOTED-PRINTABLE": QuotedPrintable, "BASE64": Base64}
)

// lookupFold returns the value of the name that s is, ignoring case,
// or the zero value.
func lookupFold[T any](names map[string]T, s string) T {
	for name, v := range names {
		if strings.EqualFold(s, name) {
			return v
		}
	}
	var zero T
	return zero
}

// parameters reads "; attr=value" pairs, keeping the boundary of a
// multipart Content-Type; the others are only checked.
func (e *Entity) parameters(s string, contentType bool) {
	for {
		off := skipLWSComments(s)
		if off >= len(s) || s[off] != ';' {
			return
		}
		s = s[off+1:]
		attr, end, ok := getToken(s, false)
		if !ok {
			e.part.Event(IllegalFormat, "attribute name not found in parameter specification")
			return
		}
		s = s[end:]
		off = skipLWSComments(s)
		if off >= len(s) || s[off] != '=' {
			e.part.Event(IllegalFormat, "= not found in parameter specification")
			continue
		}
		s = s[off+1:]
		isBoundary := contentType && e.Kind == Multipart && strings.EqualFold(attr, "boundary")
		v, end, ok := getValue(s, isBoundary)
		if !ok {
			if isBoundary {
				e.part.Event(IllegalFormat, "Could not parse multipart boundary")
			} else {
				e.part.Event(IllegalFormat, "value not found in parameter specification")
			}
			continue
		}
		if isBoundary {
			e.Boundary, e.HasBoundary = v, true
		}
		s = s[end:]
	}
}

func (e *Entity) beginBody() {
	if e.Encoding == Base64 {
		if q := e.quirks(); q.Base64 != nil {
			e.b64 = q.Base64()
		} else {
			e.b64 = &Base64Decoder{}
		}
	}
	if e.Kind == Message {
		e.child = e.part.BeginChild()
	}
}

func (e *Entity) endChild() {
	e.child.EndOfData()
	e.child = nil
}

// EndOfData ends the entity (a Part's EndOfData calls it): headers not
// yet complete are taken as they are, a child still open ends, and the
// body's last bytes are handed out.
func (e *Entity) EndOfData() {
	if e.ended {
		return
	}
	e.ended = true
	if e.inHeader {
		e.finishHeader()
		e.inHeader = false
		e.part.AllHeaders()
		e.part.Event(IllegalFormat, "entity body missing")
	} else {
		if e.child != nil {
			if e.Kind == Multipart {
				e.part.Event(IllegalFormat, "multipart closing boundary delimiter missing")
			}
			e.endChild()
		}
		if e.Encoding == Base64 && e.b64 != nil {
			e.add(e.b64.Finish())
		}
		e.flush()
	}
	e.part.EndEntity()
}

// Boundary line kinds.
const (
	notBoundary = iota
	boundaryLine
	closingBoundary
)

func (e *Entity) checkBoundary(line []byte) int {
	if !e.HasBoundary || len(line) < 2 || line[0] != '-' || line[1] != '-' {
		return notBoundary
	}
	line = line[2:]
	if len(line) < len(e.Boundary) || string(line[:len(e.Boundary)]) != e.Boundary {
		return notBoundary
	}
	line = line[len(e.Boundary):]
	if len(line) >= 2 && line[0] == '-' && line[1] == '-' {
		return closingBoundary
	}
	return boundaryLine
}

func (e *Entity) bodyLine(line []byte, crlf bool) {
	if e.Kind == Multipart {
		switch e.checkBoundary(line) {
		case boundaryLine:
			if e.child != nil {
				e.endChild()
			}
			if !e.ended {
				e.child = e.part.BeginChild()
			}
			return
		case closingBoundary:
			if e.child != nil {
				e.endChild()
			}
			e.part.EndOfData()
			return
		}
	}
	if e.Kind != Leaf {
		// Lines before the first boundary or after the last are dropped.
		if e.child != nil {
			e.child.Deliver(line, crlf)
		}
		return
	}
	switch e.Encoding {
	case QuotedPrintable:
		e.decodeQuotedPrintable(line)
	case Base64:
		e.add(e.b64.Decode(line))
	default:
		e.decodeIdentity(line, crlf)
	}
	e.flush()
}

func (e *Entity) decodeIdentity(line []byte, crlf bool) {
	if !crlf && !e.delayCRLF && len(e.data) == 0 && (e.ChunkSize <= 0 || len(line) <= e.ChunkSize) && len(line) > 0 {
		// The line is one chunk as it stands (a body of known length
		// comes this way packet by packet): hand it out without
		// copying it into data first, as flush would have.
		e.part.Data(line)
		return
	}
	if e.delayCRLF {
		e.delayCRLF = false
		e.add([]byte("\r\n"))
	}
	e.add(line)
	if crlf {
		if e.parent != nil && e.parent.Kind == Multipart {
			e.delayCRLF = true
		} else {
			e.add([]byte("\r\n"))
		}
	}
}

// add adds decoded body bytes, handing out full chunks.
func (e *Entity) add(b []byte) {
	if e.ChunkSize <= 0 {
		e.data = append(e.data, b...)
		return
	}
	for len(b) > 0 {
		n := min(e.ChunkSize-len(e.data), len(b))
		e.data = append(e.data, b[:n]...)
		b = b[n:]
		if len(e.data) == e.ChunkSize {
			e.flush()
		}
	}
}

func (e *Entity) flush() {
	if len(e.data) > 0 {
		e.part.Data(e.data)
		e.data = e.data[:0]
	}
}
