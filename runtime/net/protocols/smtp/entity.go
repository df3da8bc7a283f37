package smtp

import "github.com/gobro/gobro/runtime/net/protocols/mime"

// An entity is one MIME entity of a mail: the message, a part of a
// multipart body, or the message inside a message/* entity. It is the
// mail's side (a mime.Part) of a mime.Entity, which reads the lines and
// decodes the body; the entity raises the mime_* events of what it
// finds.
type entity struct {
	mime    *mime.Entity
	m       *mail
	headers []mime.Header // all of them, for mime_all_headers
	content []byte        // the decoded body, for mime_entity_data
}

func newEntity(m *mail, parent *entity) *entity {
	e := &entity{m: m}
	var pm *mime.Entity
	if parent != nil {
		pm = parent.mime
	}
	e.mime = mime.NewEntity(e, pm)
	e.mime.Quirks = &m.quirks
	return e
}

// Deliver takes one line of the entity.
func (e *entity) Deliver(line []byte, crlf bool) { e.mime.Deliver(line, crlf) }

// EndOfData ends the entity: the mail is over or its boundary came.
func (e *entity) EndOfData() { e.mime.EndOfData() }

func (e *entity) BeginChild() mime.Part {
	c := newEntity(e.m, e)
	e.m.beginEntity()
	return c
}

func (e *entity) Header(h *mime.Header) {
	e.m.header(h)
	e.headers = append(e.headers, *h)
}

func (e *entity) AllHeaders() { e.m.allHeaders(e.headers) }

func (e *entity) Data(b []byte) { e.m.data(e, b) }

func (e *entity) Event(category, detail string) {
	if category, detail, ok := legacyEvent(category, detail); ok {
		e.m.event(category, detail)
	}
}

func (e *entity) EndEntity() { e.m.endEntity(e) }
