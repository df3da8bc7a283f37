package http

import (
	"strconv"

	"github.com/gobro/gobro/runtime/net/protocols/mime"
	"github.com/gobro/gobro/runtime/value"
)

// A message is one HTTP request or reply after its first line: a tree of
// entities (one unless the body is multipart), with the counts that
// http_message_done reports.
//
// A message that is done stays its direction's message until the next
// one starts, but all it still answers for is data trailing its end and
// gaps that may count against its body: releaseIfDone drops its entities
// and keeps for that only the top entity's body state.
type message struct {
	a       *Analyzer
	top     *entity // nil once released
	current *entity

	start        float64
	bodyLength   int64
	gapLength    int64
	headerLength int64
	// rest is the top entity's body state once released.
	rest      bodyState
	isOrig    bool
	finished  bool
	multipart bool // once released: the top entity was multipart
}

func newMessage(a *Analyzer, isOrig bool, expectBody int, headerLength int) *message {
	m := &message{a: a, isOrig: isOrig, start: a.now(), headerLength: int64(headerLength)}
	m.top = newEntity(m, nil, expectBody)
	m.beginEntity(m.top)
	return m
}

// releaseIfDone releases a message that is done (m may be nil). Once
// done, the top entity's MIME entity has ended and no entity is current
// (the top one's end was the last), so only its body state still counts.
func (m *message) releaseIfDone() {
	if m == nil || !m.finished || m.top == nil {
		return
	}
	m.rest = m.top.bodyState
	m.multipart = m.top.mime.Kind == mime.Multipart
	m.top, m.current = nil, nil
}

func (m *message) deliver(data []byte, crlf bool) {
	if m.top == nil {
		m.trailing(m.multipart)
		return
	}
	m.top.Deliver(data, crlf)
}

// trailing reports data after the end of an entity; a multipart one
// expects it (an epilogue).
func (m *message) trailing(multipart bool) {
	if !multipart {
		m.event(mime.IllegalFormat, "data trailing the end of entity")
	}
}

// cl is the message's direction's line splitter.
func (m *message) cl() *lineSplitter { return m.a.splitter(m.isOrig) }

func (m *message) setPlain(n int64) { m.cl().plain = n }

// event raises http_event for a MIME-level problem.
func (m *message) event(category, detail string) { m.a.httpEvent(category, detail) }

func (m *message) beginEntity(e *entity) {
	m.current = e
	m.a.raiseBool("http_begin_entity", m.isOrig)
}

func (m *message) endEntity(e *entity) {
	if e == m.top {
		m.bodyLength += e.bodyLength
		m.headerLength += e.headerLength
	}
	m.a.raiseBool("http_end_entity", m.isOrig)
	m.current = e.parent
	if e.parent != nil && e.parent.mime.Kind == mime.Multipart {
		cl := m.cl()
		cl.suppressWeirds = false
		cl.setCRLFOnly(false)
	}
	if e == m.top {
		m.done(false, "message ends normally")
	} else {
		m.endFile()
	}
}

// endFile ends the direction's current file, except for a partial
// reply: its file lives on for the other ranges.
func (m *message) endFile() {
	if m.isOrig || m.a.replyCode != 206 {
		m.a.s.FileEnd(m.isOrig)
	}
}

// gap accounts for n missing body bytes; false if the message cannot go
// on.
func (m *message) gap(n int64) bool {
	if m.top == nil {
		// Released: what the ended top entity's gap does.
		if m.rest.bodyLength == 0 {
			return false
		}
		m.a.s.FileGap(m.isOrig, uint64(n))
		if !m.rest.skip(n) {
			return false
		}
		m.setPlain(m.rest.expectLen)
		return true
	}
	e := m.current
	if e == nil {
		e = m.top
	}
	if e.gap(n) {
		m.gapLength += n
		return true
	}
	return false
}

// done ends the message: its entities end, then http_message_done.
func (m *message) done(interrupted bool, detail string) {
	if m.finished {
		return
	}
	m.finished = true
	m.top.EndOfData()
	m.endFile()
	a := m.a
	if a.s.Handled("http_message_done") {
		if st := a.s.NewRecord("http_message_stat"); st != nil {
			st.Set("start", value.Time(m.start))
			st.Set("interrupted", value.Bool(interrupted))
			st.Set("finish_msg", value.String(detail))
			st.Set("body_length", value.Count(uint64(m.bodyLength)))
			st.Set("content_gap_length", value.Count(uint64(m.gapLength)))
			st.Set("header_length", value.Count(uint64(m.headerLength)))
			a.s.Raise("http_message_done", value.Bool(m.isOrig), value.Value{P: st})
		}
	}
	a.messageDone(m.isOrig)
}

// allHeaders raises http_all_headers and http_content_type for an
// entity whose headers are complete.
func (m *message) allHeaders(e *entity) {
	a := m.a
	if a.wantAllHeaders {
		if t := mime.HeaderTable(a.s, e.headers); t != nil {
			a.s.Raise("http_all_headers", value.Bool(m.isOrig), value.Value{P: t})
		}
	}
	if a.s.Handled("http_content_type") {
		a.s.Raise("http_content_type", value.Bool(m.isOrig), value.String(e.mime.Type), value.String(e.mime.Subtype))
	}
}

// entityData hands out one chunk of decoded body.
func (m *message) entityData(e *entity, data []byte) {
	a := m.a
	if a.wantEntityData {
		a.s.Raise("http_entity_data", value.Bool(m.isOrig), value.Count(uint64(len(data))), value.String(string(data)))
	}
}

func gapDetail(seq uint64, n uint64) string {
	return "seq=" + strconv.FormatUint(seq, 10) + ", len=" + strconv.FormatUint(n, 10)
}
