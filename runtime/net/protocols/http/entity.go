package http

import (
	"strings"
)

// An entity is one MIME entity of an HTTP message: the message itself
// (depth 0) or a part of a multipart body. It reads its header lines,
// then its body, whose extent comes from Content-Length, chunked
// transfer coding, the connection's end, or (for parts) the enclosing
// boundaries, and hands the decoded body out in chunks of at most
// http_entity_data_delivery_size bytes.

// What an entity's body is expected to be.
const (
	bodyNotExpected = iota
	bodyExpected
	bodyMaybe
)

// Media types that matter for parsing.
const (
	ctMultipart = iota
	ctMessage
	ctText
	ctOther
)

// Content-Transfer-Encoding values.
const (
	enc7Bit = iota
	enc8Bit
	encBinary
	encQuotedPrintable
	encBase64
	encOther
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
	msg    *message
	parent *entity
	depth  int

	inHeader bool
	ended    bool
	// cur holds the lines of the header being read (continuations
	// included); headers all of them, for http_all_headers.
	cur     []string
	headers []header

	ctype, csubtype string // upper-cased; TEXT/PLAIN by default
	kind            int
	boundary        string
	hasBoundary     bool
	encoding        int
	child           *entity

	data      []byte // decoded body not yet handed out
	delayCRLF bool
	b64       base64Decoder

	expectBody    int
	chunk         int
	contentLength int64
	rangeLength   int64
	expectLen     int64
	bodyLength    int64
	headerLength  int64
	zip           int
	zipWas        bool // the body was content-encoded (its size is not the file's)
	zipped        []byte
	expect100     bool

	// Partial content (206 with Content-Range).
	partial        bool
	offset         int64
	instanceLength int64
	// sendSize: the file's size is still to be announced.
	sendSize bool
}

func newEntity(m *message, parent *entity, expectBody int) *entity {
	e := &entity{
		msg: m, parent: parent, inHeader: true,
		ctype: "TEXT", csubtype: "PLAIN", kind: ctText, encoding: encOther,
		expectBody: expectBody, contentLength: -1, rangeLength: -1, instanceLength: -1,
		sendSize: true,
	}
	if parent != nil {
		e.depth = parent.depth + 1
		e.encoding = parent.encoding
	}
	return e
}

func (e *entity) analyzer() *Analyzer { return e.msg.a }

func (e *entity) illegal(detail string) { e.msg.event("illegal format", detail) }

// deliver takes one line of the entity (crlf: a line end followed it)
// or a raw piece of its body (crlf false).
func (e *entity) deliver(data []byte, crlf bool) {
	if e.ended {
		if e.kind != ctMultipart {
			e.illegal("data trailing the end of entity")
		}
		return
	}
	if e.inHeader {
		if !crlf {
			e.analyzer().weird("http_no_crlf_in_header_list", "")
		}
		e.headerLength += int64(len(data))
		e.mimeDeliver(data, crlf)
		return
	}
	n := int64(len(data))
	switch {
	case e.kind == ctMultipart || e.kind == ctMessage:
		e.deliverBody(data, crlf)
		if e.depth == 0 && e.contentLength > 0 {
			e.expectLen -= n
			if crlf {
				e.expectLen -= 2
			}
			if e.expectLen <= 0 {
				e.msg.setPlain(0)
				e.endOfData()
			}
		}
	case e.chunk != notChunked:
		e.deliverChunked(data, crlf)
	case e.contentLength >= 0:
		e.deliverBody(data, false)
		e.expectLen -= n
		if e.expectLen <= 0 {
			e.msg.setPlain(0)
			e.msg.cl.deliverySize = -1
			e.endOfData()
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
			e.inHeader = true
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
	e.mimeDeliver(data, crlf)
}

// gap tells the entity n body bytes are missing; false if it cannot
// carry on past them.
func (e *entity) gap(n int64) bool {
	if (e.ended && e.inHeader) || e.bodyLength == 0 {
		return false
	}
	e.msg.a.s.FileGap(e.msg.isOrig, uint64(n))
	if e.partial {
		e.offset += n
	}
	switch {
	case e.chunk != notChunked:
		if e.chunk == expectChunkData && e.expectLen >= n {
			e.bodyLength += n
			e.expectLen -= n
			e.msg.setPlain(e.expectLen)
			if e.expectLen == 0 {
				e.chunk = expectChunkDataCRLF
			}
			return true
		}
	case e.contentLength >= 0:
		if e.expectLen >= n {
			e.bodyLength += n
			e.expectLen -= n
			e.msg.setPlain(e.expectLen)
			if e.expectLen <= 0 {
				e.endOfData()
			}
			return true
		}
	}
	return false
}

// mimeDeliver is the generic MIME part: headers until an empty line,
// then body lines.
func (e *entity) mimeDeliver(data []byte, crlf bool) {
	if !e.inHeader {
		e.newDataLine(data, crlf)
		return
	}
	switch {
	case len(data) == 0 || data[0] == 0:
		e.finishHeader()
		e.inHeader = false
		e.submitAllHeaders()
		if !e.ended {
			e.beginBody()
		}
	case isLWS(data[0]):
		if e.cur == nil {
			e.illegal("first header line starts with linear whitespace")
			i := 0
			for i < len(data) && isLWS(data[i]) {
				i++
			}
			e.newHeader(data[i:])
			return
		}
		e.cur = append(e.cur, string(data))
	default:
		e.newHeader(data)
	}
}

func (e *entity) newHeader(data []byte) {
	e.finishHeader()
	if len(data) > 0 {
		e.cur = []string{string(data)}
	}
}

func (e *entity) finishHeader() {
	if e.cur == nil {
		return
	}
	line := strings.Join(e.cur, "")
	h, ok := parseHeader(line, len(e.cur))
	e.cur = nil
	if !ok {
		return
	}
	switch {
	case strings.EqualFold(h.name, "content-type"):
		e.parseContentType(&h)
	case strings.EqualFold(h.name, "content-transfer-encoding"):
		e.parseTransferEncoding(&h)
	}
	e.submitHeader(&h)
	if e.msg.a.wantAllHeaders {
		e.headers = append(e.headers, h)
	}
}

func (e *entity) parseContentType(h *header) {
	ty, sub, end, ok := getSlashPair(h.value)
	if !ok {
		e.illegal("media type/subtype not found in content type")
		return
	}
	e.ctype, e.csubtype = asciiUpper(ty), asciiUpper(sub)
	switch {
	case strings.EqualFold(ty, "MULTIPART"):
		e.kind = ctMultipart
	case strings.EqualFold(ty, "MESSAGE"):
		e.kind = ctMessage
	case strings.EqualFold(ty, "TEXT"):
		e.kind = ctText
	default:
		e.kind = ctOther
	}
	if e.kind == ctMultipart || e.kind == ctMessage {
		e.parseParameters(h.value[end:], true)
	}
	if e.kind == ctMultipart && !e.hasBoundary {
		e.illegal("boundary delimiter is not specified for a multipart entity -- content is treated as type application/octet-stream")
		e.kind = ctOther
	}
}

func (e *entity) parseTransferEncoding(h *header) {
	tok, rest, ok := h.token()
	if !ok {
		e.illegal("encoding type not found in content encoding")
		return
	}
	e.encoding = encOther
	for i, name := range []string{"7BIT", "8BIT", "BINARY", "QUOTED-PRINTABLE", "BASE64"} {
		if strings.EqualFold(tok, name) {
			e.encoding = i
			break
		}
	}
	if e.kind == ctMultipart || e.kind == ctMessage {
		e.parseParameters(rest, false)
	}
}

// parseParameters reads "; attr=value" pairs, keeping the boundary of a
// multipart Content-Type.
func (e *entity) parseParameters(s string, contentType bool) {
	for {
		off := skipLWSComments(s)
		if off >= len(s) || s[off] != ';' {
			return
		}
		s = s[off+1:]
		attr, end, ok := getToken(s, false)
		if !ok {
			e.illegal("attribute name not found in parameter specification")
			return
		}
		s = s[end:]
		off = skipLWSComments(s)
		if off >= len(s) || s[off] != '=' {
			e.illegal("= not found in parameter specification")
			continue
		}
		s = s[off+1:]
		isBoundary := contentType && e.kind == ctMultipart && strings.EqualFold(attr, "boundary")
		v, end, ok := getValue(s, isBoundary)
		if !ok {
			if isBoundary {
				e.illegal("Could not parse multipart boundary")
			} else {
				e.illegal("value not found in parameter specification")
			}
			continue
		}
		if isBoundary {
			e.boundary, e.hasBoundary = v, true
		}
		s = s[end:]
	}
}

// submitHeader looks at the headers that shape the body, then raises
// http_header.
func (e *entity) submitHeader(h *header) {
	a := e.analyzer()
	if e.depth == 0 && h.folds > 1 {
		a.weird("HTTP_obsolete_line_folding", h.name)
	}
	switch {
	case strings.EqualFold(h.name, "content-length"):
		e.contentLengthHeader(h)
	case strings.EqualFold(h.name, "content-range") && a.replyCode == 206:
		e.contentRangeHeader(h)
	case strings.EqualFold(h.name, "transfer-encoding"):
		if e.depth != 0 {
			a.weird("HTTP_nested_transfer_encoding_header", "")
			break
		}
		v := a.replyVersion
		if a.requestOngoing {
			v = a.requestVersion
		}
		tok, rest, ok := h.token()
		if ok && strings.EqualFold(tok, "chunked") && v == (version{1, 1}) {
			e.chunk = beforeChunk
			if rest != "" {
				a.weird("HTTP_chunked_multi", rest)
			}
			if e.contentLength >= 0 {
				a.weird("HTTP_content_length_and_chunked", "")
			}
		}
	case strings.EqualFold(h.name, "content-encoding"):
		tok, _, _ := h.token()
		switch {
		case strings.EqualFold(tok, "gzip"), strings.EqualFold(tok, "x-gzip"):
			e.zip, e.zipWas = gzipped, true
		case strings.EqualFold(tok, "deflate"):
			e.zip, e.zipWas = deflated, true
		}
	case strings.EqualFold(h.name, "expect"):
		tok, _, _ := h.token()
		if !strings.EqualFold(tok, "100-continue") {
			a.weird("HTTP_expect_not_100_continue", tok)
		}
		e.expect100 = true
		if e.contentLength == 0 {
			a.weird("HTTP_content_length_0_and_expect_100_cont", "")
		}
	}
	a.header(e.msg.isOrig, h)
}

func (e *entity) contentLengthHeader(h *header) {
	a := e.analyzer()
	if e.chunk != notChunked {
		a.weird("HTTP_content_length_and_chunked", "")
	}
	tok, _, ok := h.token()
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

func (e *entity) contentRangeHeader(h *header) {
	a := e.analyzer()
	if e.chunk != notChunked {
		a.weird("HTTP_content_range_and_chunked", "")
	}
	unit, rest, _ := h.token()
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

// submitAllHeaders runs at the empty line after the headers: it raises
// http_all_headers and http_content_type and decides how the body ends.
func (e *entity) submitAllHeaders() {
	cl := e.msg.cl
	if e.parent != nil && e.parent.kind == ctMultipart {
		cl.suppressWeirds = true
		cl.setCRLFOnly(true)
	}
	if e.contentLength >= 0 {
		cl.deliverySize = e.contentLength
	}
	if e.chunk == expectChunkTrailer {
		e.chunk = expectNothing
		e.endOfData()
		return
	}
	e.msg.allHeaders(e)
	if e.expectBody == bodyNotExpected {
		e.endOfData()
		return
	}
	switch {
	case e.kind == ctMultipart || e.kind == ctMessage:
		if e.chunk != notChunked {
			e.analyzer().weird("HTTP_chunked_transfer_for_multipart_message", "")
		}
		if e.depth == 0 && e.contentLength >= 0 {
			if e.contentLength > 0 {
				e.expectLen = e.contentLength
				cl.deliverySize = e.contentLength
			} else {
				e.endOfData()
			}
		}
	case e.chunk != notChunked:
		e.chunk = expectChunkSize
	case e.contentLength >= 0:
		if e.contentLength > 0 {
			e.expectLen = e.contentLength
			e.msg.setPlain(e.contentLength)
		} else {
			e.endOfData()
		}
	case e.analyzer().connectionClose || e.zip != identity:
		e.expectLen = intMax
		e.msg.setPlain(intMax)
	default:
		if e.expectBody != bodyExpected {
			e.endOfData()
		}
	}
}

func (e *entity) beginBody() {
	if e.encoding == encBase64 {
		e.b64 = base64Decoder{}
	}
	if e.kind == ctMessage {
		e.beginChild()
	}
}

func (e *entity) beginChild() {
	e.child = newEntity(e.msg, e, bodyExpected)
	e.msg.beginEntity(e.child)
}

func (e *entity) endChild() {
	c := e.child
	c.endOfData()
	e.child = nil
}

func (e *entity) endOfData() {
	if e.ended {
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
	e.ended = true
	if e.inHeader {
		e.finishHeader()
		e.inHeader = false
		e.submitAllHeaders()
		e.msg.event("illegal format", "entity body missing")
	} else {
		if e.child != nil {
			if e.kind == ctMultipart {
				e.illegal("multipart closing boundary delimiter missing")
			}
			e.endChild()
		}
		if e.encoding == encBase64 {
			e.dataOctets(e.b64.finish())
		}
		e.flushData()
	}
	e.msg.endEntity(e)
}

// Boundary line kinds.
const (
	notBoundary = iota
	boundaryLine
	closingBoundary
)

func (e *entity) checkBoundary(data []byte) int {
	if !e.hasBoundary {
		return notBoundary
	}
	if len(data) < 2 || data[0] != '-' || data[1] != '-' {
		return notBoundary
	}
	data = data[2:]
	if len(data) < len(e.boundary) || string(data[:len(e.boundary)]) != e.boundary {
		return notBoundary
	}
	data = data[len(e.boundary):]
	if len(data) >= 2 && data[0] == '-' && data[1] == '-' {
		return closingBoundary
	}
	return boundaryLine
}

func (e *entity) newDataLine(data []byte, crlf bool) {
	if e.kind == ctMultipart {
		switch e.checkBoundary(data) {
		case boundaryLine:
			if e.child != nil {
				e.endChild()
			}
			if !e.ended {
				e.beginChild()
			}
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
		// Data before the first boundary or after the last is ignored.
		if e.child != nil {
			e.child.deliver(data, crlf)
		}
		return
	}
	switch e.encoding {
	case encQuotedPrintable:
		e.decodeQuotedPrintable(data)
	case encBase64:
		e.dataOctets(e.b64.decode(data))
	default:
		e.decodeBinary(data, crlf)
	}
	e.flushData()
}

func (e *entity) decodeBinary(data []byte, crlf bool) {
	if e.delayCRLF {
		e.delayCRLF = false
		e.dataOctets([]byte("\r\n"))
	}
	e.dataOctets(data)
	if crlf {
		if e.parent != nil && e.parent.kind == ctMultipart {
			// The last line end of a part belongs to the boundary that
			// follows: add it only when more data comes.
			e.delayCRLF = true
		} else {
			e.dataOctets([]byte("\r\n"))
		}
	}
}

// dataOctets adds decoded body bytes, handing out full chunks.
func (e *entity) dataOctets(b []byte) {
	for len(b) > 0 {
		n := min(dataChunk-len(e.data), len(b))
		e.data = append(e.data, b[:n]...)
		b = b[n:]
		if len(e.data) == dataChunk {
			e.submitData()
		}
	}
}

func (e *entity) flushData() {
	if len(e.data) > 0 {
		e.submitData()
	}
}

// submitData hands out the pending decoded body: http_entity_data, and
// the entity's file (placed at its range offset for partial content).
func (e *entity) submitData() {
	data := e.data
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
	e.data = e.data[:0]
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
