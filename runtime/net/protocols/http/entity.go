package http

import (
	"strings"

	"github.com/gobro/gobro/runtime/net/protocols/mime"
)

// An entity is one MIME entity of an HTTP message: the message itself
// or a part of a multipart body. It is the HTTP side (a mime.Part) of a
// mime.Entity, which reads its headers and decodes its body: the body's
// extent comes from Content-Length, chunked transfer coding, the
// connection's end, or (for parts) the enclosing boundaries, and the
// decoded body goes out in chunks of at most
// http_entity_data_delivery_size bytes.

// What an entity's body is expected to be.
const (
	bodyNotExpected = iota
	bodyExpected
	bodyMaybe
)

// Chunked transfer coding states.
const (
	notChunked = iota
	beforeChunk
	expectChunkSize
	expectChunkData
	expectChunkDataCRLF
	expectChunkTrailer
	expectNothing
)

// Content-Encoding of the body.
const (
	identity = iota
	gzipped
	deflated
)

const (
	intMax = 1<<31 - 1
	// dataChunk is http_entity_data_delivery_size's default.
	dataChunk = 1500
)

type entity struct {
	mime   *mime.Entity
	msg    *message
	parent *entity
	// headers are the entity's headers, for http_all_headers.
	headers []mime.Header
	bodyState

	expectBody   int
	rangeLength  int64
	headerLength int64
	zip          int
	zipWas       bool // the body was content-encoded (its size is not the file's)
	zipped       []byte
	expect100    bool

	// Partial content (206 with Content-Range).
	partial        bool
	offset         int64
	instanceLength int64
	// sendSize: the file's size is still to be announced.
	sendSize bool
}

// bodyState is how far an entity's body has come and how it is to end.
type bodyState struct {
	chunk         int // chunked transfer coding state
	contentLength int64
	expectLen     int64
	bodyLength    int64
}

// skip counts n missing body bytes against a body of known extent (a
// chunk's data, or Content-Length); false if the body cannot carry on
// past them.
func (b *bodyState) skip(n int64) bool {
	switch {
	case b.chunk != notChunked:
		if b.chunk != expectChunkData || b.expectLen < n {
			return false
		}
		b.bodyLength += n
		b.expectLen -= n
		if b.expectLen == 0 {
			b.chunk = expectChunkDataCRLF
		}
	case b.contentLength >= 0:
		if b.expectLen < n {
			return false
		}
		b.bodyLength += n
		b.expectLen -= n
	default:
		return false
	}
	return true
}

func newEntity(m *message, parent *entity, expectBody int) *entity {
	e := &entity{
		msg: m, parent: parent, bodyState: bodyState{contentLength: -1},
		expectBody: expectBody, rangeLength: -1, instanceLength: -1,
		sendSize: true,
	}
	var pm *mime.Entity
	if parent != nil {
		pm = parent.mime
	}
	e.mime = mime.NewEntity(e, pm)
	e.mime.ChunkSize = dataChunk
	return e
}

func (e *entity) analyzer() *Analyzer { return e.msg.a }

func (e *entity) illegal(detail string) { e.msg.event(mime.IllegalFormat, detail) }

// Deliver takes one line of the entity (crlf: a line end followed it)
// or a raw piece of its body (crlf false).
func (e *entity) Deliver(data []byte, crlf bool) {
	if e.mime.Ended() {
		e.msg.trailing(e.mime.Kind == mime.Multipart)
		return
	}
	if e.mime.InHeader() {
		if !crlf {
			e.analyzer().weird("http_no_crlf_in_header_list", "")
		}
		e.headerLength += int64(len(data))
		e.mime.Deliver(data, crlf)
		return
	}
	n := int64(len(data))
	switch {
	case e.mime.Kind != mime.Leaf:
		e.deliverBody(data, crlf)
		if e.parent == nil && e.contentLength > 0 {
			e.expectLen -= n
			if crlf {
				e.expectLen -= 2
			}
			if e.expectLen <= 0 {
				e.msg.setPlain(0)
				e.EndOfData()
			}
		}
	case e.chunk != notChunked:
		e.deliverChunked(data, crlf)
	case e.contentLength >= 0:
		e.deliverBody(data, false)
		e.expectLen -= n
		if e.expectLen <= 0 {
			e.msg.setPlain(0)
			e.msg.cl().deliverySize = -1
			e.EndOfData()
		}
	default:
		e.deliverBody(data, crlf)
	}
}

func (e *entity) deliverChunked(data []byte, crlf bool) {
	switch e.chunk {
	case expectChunkSize:
		n, ok := parseInt(string(data), 16)
		if !ok {
			e.analyzer().weird("HTTP_bad_chunk_size", string(data))
			n = 0
		}
		e.expectLen = n
		if n > 0 {
			e.chunk = expectChunkData
			e.msg.setPlain(n)
		} else {
			e.mime.ResumeHeaders()
			e.chunk = expectChunkTrailer
		}
	case expectChunkData:
		e.expectLen -= int64(len(data))
		if e.expectLen <= 0 {
			e.msg.setPlain(0)
			e.chunk = expectChunkDataCRLF
		}
		e.deliverBody(data, false)
	case expectChunkDataCRLF:
		if len(data) > 0 {
			e.illegal("inaccurate chunk size: data before <CR><LF>")
		}
		e.chunk = expectChunkSize
	}
}

// deliverBody passes body bytes on, through decompression if the body
// is content-encoded.
func (e *entity) deliverBody(data []byte, crlf bool) {
	if e.zip != identity {
		if len(e.zipped)+len(data) <= maxZipped {
			e.zipped = append(e.zipped, data...)
		}
		return
	}
	e.deliverBodyClear(data, crlf)
}

func (e *entity) deliverBodyClear(data []byte, crlf bool) {
	e.bodyLength += int64(len(data))
	if crlf {
		e.bodyLength += 2
	}
	e.mime.Deliver(data, crlf)
}

// gap tells the entity n body bytes are missing; false if it cannot
// carry on past them.
func (e *entity) gap(n int64) bool {
	if (e.mime.Ended() && e.mime.InHeader()) || e.bodyLength == 0 {
		return false
	}
	e.msg.a.s.FileGap(e.msg.isOrig, uint64(n))
	if e.partial {
		e.offset += n
	}
	if !e.skip(n) {
		return false
	}
	e.msg.setPlain(e.expectLen)
	if e.chunk == notChunked && e.expectLen <= 0 {
		e.EndOfData() // the whole Content-Length is accounted for
	}
	return true
}

// Header looks at the headers that shape the body, then raises
// http_header.
func (e *entity) Header(h *mime.Header) {
	a := e.analyzer()
	if e.parent == nil && h.Lines > 1 {
		a.weird("HTTP_obsolete_line_folding", h.Name)
	}
	switch {
	case strings.EqualFold(h.Name, "content-length"):
		e.contentLengthHeader(h)
	case strings.EqualFold(h.Name, "content-range") && a.replyCode == 206:
		e.contentRangeHeader(h)
	case strings.EqualFold(h.Name, "transfer-encoding"):
		if e.parent != nil {
			a.weird("HTTP_nested_transfer_encoding_header", "")
			break
		}
		v := a.replyVersion
		if a.requestOngoing {
			v = a.requestVersion
		}
		tok, rest, ok := h.Token()
		if ok && strings.EqualFold(tok, "chunked") && v == (version{1, 1}) {
			e.chunk = beforeChunk
			if rest != "" {
				a.weird("HTTP_chunked_multi", rest)
			}
			if e.contentLength >= 0 {
				a.weird("HTTP_content_length_and_chunked", "")
			}
		}
	case strings.EqualFold(h.Name, "content-encoding"):
		tok, _, _ := h.Token()
		switch {
		case strings.EqualFold(tok, "gzip"), strings.EqualFold(tok, "x-gzip"):
			e.zip, e.zipWas = gzipped, true
		case strings.EqualFold(tok, "deflate"):
			e.zip, e.zipWas = deflated, true
		}
	case strings.EqualFold(h.Name, "expect"):
		tok, _, _ := h.Token()
		if !strings.EqualFold(tok, "100-continue") {
			a.weird("HTTP_expect_not_100_continue", tok)
		}
		e.expect100 = true
		if e.contentLength == 0 {
			a.weird("HTTP_content_length_0_and_expect_100_cont", "")
		}
	}
	a.header(e.msg.isOrig, h)
	if a.wantAllHeaders {
		e.headers = append(e.headers, *h)
	}
}

func (e *entity) contentLengthHeader(h *mime.Header) {
	a := e.analyzer()
	if e.chunk != notChunked {
		a.weird("HTTP_content_length_and_chunked", "")
	}
	tok, _, ok := h.Token()
	if !ok {
		return
	}
	n, ok := parseInt(tok, 10)
	if !ok || n < 0 {
		a.weird("HTTP_bad_content_length", tok)
		e.contentLength = 0
		return
	}
	if n > 0 && tok[0] == '0' {
		a.weird("HTTP_content_length_leading_zeros", tok)
	}
	e.contentLength = n
	if e.partial && e.rangeLength != e.contentLength {
		a.weird("HTTP_range_not_matching_len", "")
		if e.rangeLength > e.contentLength {
			e.contentLength = e.rangeLength
		}
	}
	if e.contentLength == 0 && e.expect100 {
		a.weird("HTTP_content_length_0_and_expect_100_cont", "")
	}
}

func (e *entity) contentRangeHeader(h *mime.Header) {
	a := e.analyzer()
	if e.chunk != notChunked {
		a.weird("HTTP_content_range_and_chunked", "")
	}
	unit, rest, _ := h.Token()
	rng := strings.ReplaceAll(rest, " ", "")
	if unit != "bytes" {
		a.weird("HTTP_content_range_unknown_byte_unit", "")
		return
	}
	spec, inst, ok := strings.Cut(rng, "/")
	if !ok {
		a.weird("HTTP_content_range_cannot_parse", "")
		return
	}
	first, last, ok := strings.Cut(spec, "-")
	if !ok {
		a.weird("HTTP_content_range_cannot_parse", "")
		return
	}
	f, ok1 := parseInt(first, 10)
	l, ok2 := parseInt(last, 10)
	switch {
	case !ok1 || !ok2:
		a.weird("HTTP_content_range_cannot_parse", rng)
		return
	case f < 0 || l < 0:
		a.weird("HTTP_content_range_invalid", rng)
		return
	case l < f:
		a.weird("HTTP_non_positive_content_range", rng)
		return
	case l-f > 1<<63-2:
		a.weird("HTTP_content_range_overflow", rng)
		return
	}
	n := l - f + 1
	if n <= 0 {
		return
	}
	if inst != "*" {
		v, ok := parseInt(inst, 10)
		if !ok {
			a.weird("HTTP_content_range_invalid_instance", rng)
			v = 0
		}
		e.instanceLength = v
	}
	e.partial = true
	e.offset = f
	e.rangeLength = n
	if e.contentLength > 0 {
		if e.contentLength != e.rangeLength {
			a.weird("HTTP_range_not_matching_len", "")
			if e.rangeLength > e.contentLength {
				e.contentLength = e.rangeLength
			}
		}
	} else {
		e.contentLength = e.rangeLength
	}
}

// AllHeaders runs at the empty line after the headers: it raises
// http_all_headers and http_content_type and decides how the body ends.
func (e *entity) AllHeaders() {
	cl := e.msg.cl()
	if e.parent != nil && e.parent.mime.Kind == mime.Multipart {
		cl.suppressWeirds = true
		cl.setCRLFOnly(true)
	}
	if e.contentLength >= 0 {
		cl.deliverySize = e.contentLength
	}
	if e.chunk == expectChunkTrailer {
		e.chunk = expectNothing
		e.EndOfData()
		return
	}
	e.msg.allHeaders(e)
	if e.expectBody == bodyNotExpected {
		e.EndOfData()
		return
	}
	switch {
	case e.mime.Kind != mime.Leaf:
		if e.chunk != notChunked {
			e.analyzer().weird("HTTP_chunked_transfer_for_multipart_message", "")
		}
		if e.parent == nil && e.contentLength >= 0 {
			if e.contentLength > 0 {
				e.expectLen = e.contentLength
				cl.deliverySize = e.contentLength
			} else {
				e.EndOfData()
			}
		}
	case e.chunk != notChunked:
		e.chunk = expectChunkSize
	case e.contentLength >= 0:
		if e.contentLength > 0 {
			e.expectLen = e.contentLength
			e.msg.setPlain(e.contentLength)
		} else {
			e.EndOfData()
		}
	case e.analyzer().connectionClose || e.zip != identity:
		e.expectLen = intMax
		e.msg.setPlain(intMax)
	default:
		if e.expectBody != bodyExpected {
			e.EndOfData()
		}
	}
}

// BeginChild starts a part of a multipart body or the content of a
// message body.
func (e *entity) BeginChild() mime.Part {
	c := newEntity(e.msg, e, bodyExpected)
	e.msg.beginEntity(c)
	return c
}

// EndOfData ends the entity: a content-encoded body is inflated and
// handed on before the MIME entity ends.
func (e *entity) EndOfData() {
	if e.mime.Ended() {
		return
	}
	if e.zip != identity {
		z := e.zip
		e.zip = identity
		out, ok := inflate(z, e.zipped)
		e.zipped = nil
		if !ok {
			e.analyzer().weird("HTTP_decompression_failed", "")
		}
		for len(out) > 0 {
			n := min(len(out), dataChunk)
			e.deliverBodyClear(out[:n], false)
			out = out[n:]
		}
	}
	e.mime.EndOfData()
}

// Event raises http_event for malformed MIME.
func (e *entity) Event(category, detail string) { e.msg.event(category, detail) }

// EndEntity: the MIME entity is over.
func (e *entity) EndEntity() { e.msg.endEntity(e) }

// Data hands out a chunk of decoded body: http_entity_data, and the
// entity's file (placed at its range offset for partial content).
func (e *entity) Data(data []byte) {
	e.msg.entityData(e, data)
	s, isOrig := e.msg.a.s, e.msg.isOrig
	if e.zipWas {
		e.sendSize = false
	}
	if e.partial {
		if e.sendSize && e.instanceLength > 0 {
			s.FileSize(isOrig, uint64(e.instanceLength))
		}
		s.FileDataAt(isOrig, uint64(e.offset), data)
		e.offset += int64(len(data))
	} else {
		if e.sendSize && e.contentLength > 0 {
			s.FileSize(isOrig, uint64(e.contentLength))
		}
		s.FileData(isOrig, data)
	}
	e.sendSize = false
}

// parseInt reads a number the way Zeek's atoi_n does: an optional minus,
// then digits up to the first non-digit (none at all is an error unless
// the string is empty, which reads as 0); overflow wraps.
func parseInt(s string, base int) (int64, bool) {
	neg := false
	if s != "" && s[0] == '-' {
		neg = true
		s = s[1:]
	}
	var n uint64
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		var d uint64
		switch {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'a' && int(c) < 'a'-10+base:
			d = uint64(c-'a') + 10
		case c >= 'A' && int(c) < 'A'-10+base:
			d = uint64(c-'A') + 10
		default:
			if i == 0 {
				return 0, false
			}
			goto done
		}
		n = n*uint64(base) + d
	}
done:
	if neg {
		return -int64(n), true
	}
	return int64(n), true
}
