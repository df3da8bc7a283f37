package smtp

import (
	"crypto/md5"
	"hash"

	"github.com/gobro/gobro/runtime/net/protocols/mime"
	"github.com/gobro/gobro/runtime/value"
)

// mail is the MIME message of one DATA transaction: it raises the mime_*
// events for its entities and passes each leaf entity's decoded body to
// file analysis as a file of its own (Zeek's MIME_Mail).
type mail struct {
	a      *Analyzer
	isOrig bool
	top    *entity
	all    []byte    // every entity's data, for mime_all_data
	md5    hash.Hash // the whole content, for mime_content_hash
	size   uint64
	inFile bool // an entity's data went to file analysis
	quirks mime.Quirks
}

func newMail(a *Analyzer, isOrig bool) *mail {
	m := &mail{a: a, isOrig: isOrig}
	if a.h.Handled("mime_content_hash") {
		m.md5 = md5.New()
	}
	m.initQuirks()
	m.top = newEntity(m, nil)
	m.beginEntity()
	return m
}

// deliver takes one line of mail data (its line end stripped).
func (m *mail) deliver(line []byte) { m.top.Deliver(line, true) }

// gap: mail data was lost; the mail ends right after.
func (m *mail) gap(n uint64) {}

func (m *mail) done() {
	if m.md5 != nil {
		m.a.h.Raise("mime_content_hash", value.Count(m.size), value.String(string(m.md5.Sum(nil))))
	}
	m.top.EndOfData()
	if m.a.h.Handled("mime_all_data") {
		m.a.h.Raise("mime_all_data", value.Count(uint64(len(m.all))), value.String(string(m.all)))
	}
}

func (m *mail) beginEntity() { m.a.raise("mime_begin_entity") }

func (m *mail) endEntity(e *entity) {
	if m.a.h.Handled("mime_entity_data") {
		m.a.h.Raise("mime_entity_data", value.Count(uint64(len(e.content))), value.String(string(e.content)))
	}
	m.a.raise("mime_end_entity")
	if m.inFile {
		m.inFile = false
		m.a.h.FileEnd(m.isOrig)
	}
}

func (m *mail) header(h *mime.Header) {
	if m.a.h.Handled("mime_one_header") {
		if r := mime.HeaderRecord(m.a.h, h); r != nil {
			m.a.h.Raise("mime_one_header", value.Value{P: r})
		}
	}
}

func (m *mail) allHeaders(hs []mime.Header) {
	if !m.a.h.Handled("mime_all_headers") {
		return
	}
	if t := mime.HeaderTable(m.a.h, hs); t != nil {
		m.a.h.Raise("mime_all_headers", value.Value{P: t})
	}
}

// data hands out decoded body bytes of entity e.
func (m *mail) data(e *entity, b []byte) {
	m.size += uint64(len(b))
	if m.md5 != nil {
		m.md5.Write(b)
	}
	if m.a.h.Handled("mime_segment_data") {
		m.a.h.Raise("mime_segment_data", value.Count(uint64(len(b))), value.String(string(b)))
	}
	if m.a.h.Handled("mime_entity_data") {
		e.content = append(e.content, b...)
	}
	if m.a.h.Handled("mime_all_data") {
		m.all = append(m.all, b...)
	}
	m.inFile = true
	m.a.h.FileData(m.isOrig, b)
}

// event raises mime_event (a malformed message).
func (m *mail) event(kind, detail string) {
	m.a.raise("mime_event", value.String(kind), value.String(detail))
}
