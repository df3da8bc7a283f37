package http

import (
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/value"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "HTTP", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return New(contextSink{ctx})
	}})
}

// Sink is what the analyser reports to: an *analyzer.Context in the
// engine (through contextSink), a recorder in tests.
type Sink interface {
	analyzer.Basics
	// Weird reports a conn weird; source is the analyser that saw it
	// ("HTTP", or "CONTENTLINE" for line-splitting oddities).
	Weird(source, name, addl string)
	NewRecord(typeName string) *value.Record
	Type(name string) types.Type
	// Now is network time.
	Now() float64
	// Partial reports whether the TCP connection began without a SYN
	// seen: its data is not analysed, since it may start mid-message.
	Partial() bool

	// The files bodies carry (see analyzer.Files).
	FileData(isOrig bool, data []byte)
	FileDataAt(isOrig bool, offset uint64, data []byte)
	FileGap(isOrig bool, n uint64)
	FileSize(isOrig bool, size uint64)
	FileEnd(isOrig bool)
}

type contextSink struct{ *analyzer.Context }

func (c contextSink) Weird(source, name, addl string) { c.Context.WeirdFrom(source, name, addl) }

func (c contextSink) Partial() bool { return partialHistory(c.Conn.History()) }

// partialHistory tells from a connection's history letters whether Zeek
// takes it as partial (seen without its beginning): the originator's
// first packet was not a plain SYN, or the responder's first was no SYN.
// The first letter of each side records its first packet. A connection
// whose first packet was the responder's SYN-ACK (roles flipped, "^h")
// has its beginning too.
func partialHistory(h string) bool {
	if strings.HasPrefix(h, "^h") {
		return false
	}
	var orig, resp byte
	for i := 0; i < len(h); i++ {
		switch c := h[i]; {
		case c >= 'A' && c <= 'Z' && c != 'C':
			if orig == 0 {
				orig = c
			}
		case c >= 'a' && c <= 'z' && c != 'c':
			if resp == 0 {
				resp = c
			}
		}
	}
	if orig != 0 && orig != 'S' {
		return true
	}
	return resp != 0 && resp != 'h' && resp != 's'
}

func (c contextSink) Now() float64 {
	t := c.Conn.Last()
	return float64(t.UnixNano()) / 1e9
}

// Request and reply states.
const (
	expectLine = iota
	expectMessage
	expectTrailer
	expectNothingMore
	expectHTTP09 // replies only: an HTTP/0.9 response, raw to the end
)

// Oddities reported once per connection.
const (
	flagSingleLF = 1 << iota
	flagSingleCR
)

type version struct{ major, minor uint8 }

func (v version) String() string {
	return strconv.FormatFloat(float64(v.major)+float64(v.minor)/10, 'f', 1, 64)
}

// Analyzer is the HTTP analyser of one connection, following Zeek's
// HTTP analyser: request and reply lines, headers and bodies through
// MIME entities, pipelined requests matched to replies in order.
type Analyzer struct {
	s Sink
	// state is made with the first delivery: a connection that carries
	// no data costs only the Analyzer.
	*state
	wantAllHeaders bool
	// wantEntityData: asked once, as it would be for every body chunk.
	wantEntityData bool
	finished       bool
}

// state is what the analyser learns from a connection's data. The
// fields go by size, so that none is padded.
type state struct {
	orig, resp lineSplitter

	requestMsg, replyMsg *message
	replyReason          string
	requestMethod        string
	upgradeProtocol      string
	unanswered           []string
	// seq is the relative sequence number of the next byte per
	// direction (orig, resp), for gap reports.
	seq                     [2]uint64
	numRequests, numReplies int
	replyCode               int
	requestVersion          version
	replyVersion            version
	requestState            uint8
	replyState              uint8
	flags                   uint8
	keepAlive               bool
	connectionClose         bool
	requestOngoing          bool
	replyOngoing            bool
	hasReason               bool
	connectRequest          bool
	upgraded                bool
	upgradeConnection       bool
}

// New returns the analyser of one connection.
func New(s Sink) *Analyzer {
	return &Analyzer{s: s, wantAllHeaders: s.Handled("http_all_headers"),
		wantEntityData: s.Handled("http_entity_data")}
}

// begin makes the state on the first delivery.
func (a *Analyzer) begin() {
	if a.state == nil {
		a.state = &state{
			orig: newLineSplitter(a, true),
			resp: newLineSplitter(a, false),
			seq:  [2]uint64{1, 1},
		}
	}
}

func (a *Analyzer) now() float64 { return a.s.Now() }

func (a *Analyzer) splitter(isOrig bool) *lineSplitter {
	if isOrig {
		return &a.orig
	}
	return &a.resp
}

func (a *Analyzer) weird(name, addl string) { a.s.Weird("HTTP", name, addl) }

func (a *Analyzer) weirdFrom(source, name, addl string) { a.s.Weird(source, name, addl) }

// flagOnce reports whether f is new for the connection, setting it.
func (a *Analyzer) flagOnce(f uint8) bool {
	if a.flags&f != 0 {
		return false
	}
	a.flags |= f
	return true
}

func dir(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

// Deliver implements analyzer.Analyzer.
func (a *Analyzer) Deliver(isOrig bool, data []byte) {
	if a.finished {
		return
	}
	a.begin()
	a.seq[dir(isOrig)] += uint64(len(data))
	if a.upgraded || a.s.Partial() {
		return
	}
	if !isOrig && a.replyState == expectHTTP09 {
		a.http09Reply(data)
	} else {
		a.splitter(isOrig).deliver(data)
	}
	a.releaseDone()
}

// Gap implements analyzer.Analyzer.
func (a *Analyzer) Gap(isOrig bool, n uint64) {
	if a.finished {
		return
	}
	a.begin()
	seq := a.seq[dir(isOrig)]
	a.seq[dir(isOrig)] += n
	if a.upgraded {
		return
	}
	msg := a.replyMsg
	if isOrig {
		msg = a.requestMsg
	}
	if msg != nil {
		msg.event("content gap", gapDetail(seq, n))
		if msg.gap(int64(n)) {
			a.releaseDone()
			return
		}
	}
	const why = "message interrupted by a content gap"
	if isOrig {
		a.requestMade(true, why)
	}
	a.replyMade(true, why)
	a.splitter(isOrig).skip = true
	a.releaseDone()
}

// EndOfData implements analyzer.Analyzer: the direction's FIN.
func (a *Analyzer) EndOfData(isOrig bool) {
	if a.finished || a.state == nil {
		return // nothing was delivered: no line or message is open
	}
	if !a.upgraded && (isOrig || a.replyState != expectHTTP09) {
		a.splitter(isOrig).eof()
	}
	const why = "message ends as connection contents are completely delivered"
	if isOrig {
		a.requestMade(false, why)
	} else {
		a.replyMade(false, why)
	}
	a.releaseDone()
}

// releaseDone lets the messages that are done go of their entities. It
// runs when a call from the stream returns, once no entity code is on
// the stack that could still change what the message keeps.
func (a *Analyzer) releaseDone() {
	a.requestMsg.releaseIfDone()
	a.replyMsg.releaseIfDone()
}

// Done implements analyzer.Analyzer.
func (a *Analyzer) Done() {
	if a.finished {
		return
	}
	var reqs, reps int
	var reqV, repV version
	if a.state != nil {
		const why = "message interrupted when connection done"
		a.requestMade(true, why)
		a.replyMade(true, why)
		reqs, reps, reqV, repV = a.numRequests, a.numReplies, a.requestVersion, a.replyVersion
	}
	a.finished = true
	if a.s.Handled("http_stats") {
		if r := a.s.NewRecord("http_stats_rec"); r != nil {
			r.Set("num_requests", value.Count(uint64(reqs)))
			r.Set("num_replies", value.Count(uint64(reps)))
			r.Set("request_version", value.Double(float64(reqV.major)+float64(reqV.minor)/10))
			r.Set("reply_version", value.Double(float64(repV.major)+float64(repV.minor)/10))
			a.s.Raise("http_stats", value.Value{P: r})
		}
	}
	if a.state != nil {
		a.requestMsg, a.replyMsg = nil, nil
		a.unanswered = nil
	}
	a.s.FileEnd(true)
}

// plainData is raw body bytes from a splitter.
func (a *Analyzer) plainData(isOrig bool, data []byte) {
	if isOrig {
		if a.requestMsg != nil {
			a.requestMsg.deliver(data, false)
		} else {
			a.weird("unexpected_client_HTTP_data", "")
		}
		return
	}
	if a.replyMsg != nil {
		a.replyMsg.deliver(data, false)
	} else {
		a.weird("unexpected_server_HTTP_data", "")
	}
}

// line is one line from a splitter.
func (a *Analyzer) line(isOrig bool, line []byte) {
	if a.upgraded {
		return
	}
	if isOrig {
		a.requestLineIn(line)
	} else {
		a.replyLineIn(line)
	}
}

func (a *Analyzer) requestLineIn(line []byte) {
	switch a.requestState {
	case expectLine:
		uri, unescaped, ok := a.parseRequestLine(line)
		if !ok {
			switch {
			case !a.requestExpected():
				a.httpEvent("crud_trailing_HTTP_request", string(line))
			case len(line) == 0:
				a.weird("empty_http_request", "")
			default:
				a.s.Violation("not a http request line", nil)
				a.requestState = expectNothingMore
			}
			return
		}
		a.numRequests++
		if !a.keepAlive && a.numRequests > 1 {
			a.weird("unexpected_multiple_HTTP_requests", "")
		}
		a.requestState = expectMessage
		a.requestOngoing = true
		a.unanswered = append(a.unanswered, a.requestMethod)
		a.httpRequest(uri, unescaped)
		a.requestMsg = a.initMessage(a.requestMsg, true, bodyMaybe, len(line))
		if a.requestVersion == (version{0, 9}) {
			if a.requestMethod != "GET" {
				a.weird("invalid_http_09_request_method", a.requestMethod)
			}
			if a.replyMsg != nil {
				a.weird("http_09_reply_before_request", "")
				a.replyMsg.done(false, "message ends normally")
				a.replyMsg = nil
			}
			a.replyState = expectHTTP09
		}
	case expectMessage:
		a.requestMsg.deliver(line, true)
	}
}

func (a *Analyzer) replyLineIn(line []byte) {
	switch a.replyState {
	case expectLine:
		if !a.parseReplyLine(line) {
			if len(line) != 0 {
				a.s.Violation("not a http reply line", nil)
				a.replyState = expectNothingMore
			}
			return
		}
		a.numReplies++
		if len(a.unanswered) > 0 {
			a.s.Confirm()
		}
		a.replyState = expectMessage
		a.replyOngoing = true
		a.httpReply()
		if a.connectRequest && a.replyCode != 200 {
			a.connectRequest = false
		}
		a.replyMsg = a.initMessage(a.replyMsg, false, a.expectReplyBody(), len(line))
	case expectMessage:
		a.replyMsg.deliver(line, true)
		if a.connectRequest && len(line) == 0 {
			// The tunnel is open: what follows is another protocol,
			// which this analyser does not look into.
			if r := a.resp.remaining; r > 0 {
				a.weird("protocol_data_with_HTTP_CONNECT_reply", strconv.Itoa(r))
			}
			a.upgraded = true
		}
	}
}

// http09Reply takes raw reply data after an HTTP/0.9 request.
func (a *Analyzer) http09Reply(data []byte) {
	if a.replyMsg == nil {
		a.setVersion(&a.replyVersion, version{0, 9})
		if len(a.unanswered) > 0 {
			a.s.Confirm()
			a.unanswered = a.unanswered[1:]
		}
		a.connectionClose = true
		a.replyOngoing = true
		a.httpReply()
		a.replyMsg = a.initMessage(a.replyMsg, false, a.expectReplyBody(), 0)
		a.replyMsg.deliver([]byte{}, true)
	}
	a.replyMsg.deliver(data, false)
}

func (a *Analyzer) initMessage(old *message, isOrig bool, expectBody int, headerLength int) *message {
	if old != nil && !old.finished {
		a.weird("HTTP_overlapping_messages", "")
	}
	return newMessage(a, isOrig, expectBody, headerLength)
}

func (a *Analyzer) requestExpected() bool { return a.numRequests == 0 || a.keepAlive }

// isPrefixFold reports whether s is a case-insensitive prefix of word
// (the comparison Zeek makes of methods against HEAD and CONNECT).
func isPrefixFold(s, word string) bool {
	return len(s) <= len(word) && strings.EqualFold(s, word[:len(s)])
}

func (a *Analyzer) expectReplyBody() int {
	if len(a.unanswered) > 0 && isPrefixFold(a.unanswered[0], "HEAD") {
		return bodyNotExpected
	}
	if (a.replyCode >= 100 && a.replyCode < 200) || a.replyCode == 204 || a.replyCode == 304 {
		return bodyNotExpected
	}
	return bodyExpected
}

func (a *Analyzer) requestMade(interrupted bool, why string) {
	if !a.requestOngoing {
		return
	}
	a.requestOngoing = false
	if a.requestMsg != nil {
		a.requestMsg.done(interrupted, why)
	}
	a.requestMethod = ""
	if interrupted {
		a.requestState = expectNothingMore
	} else {
		a.requestState = expectLine
	}
}

func (a *Analyzer) replyMade(interrupted bool, why string) {
	if !a.replyOngoing {
		return
	}
	a.replyOngoing = false
	if a.replyMsg != nil {
		a.replyMsg.done(interrupted, why)
	}
	if (a.replyCode < 100 || a.replyCode >= 200) && len(a.unanswered) > 0 {
		a.unanswered = a.unanswered[1:]
	}
	a.hasReason = false
	if a.replyCode == 101 && len(a.unanswered) == 1 && a.upgradeConnection && a.upgradeProtocol != "" {
		a.upgrade()
	}
	a.replyCode = 0
	a.upgradeConnection = false
	a.upgradeProtocol = ""
	if interrupted || a.upgraded {
		a.replyState = expectNothingMore
	} else {
		a.replyState = expectLine
	}
}

// upgrade follows a 101 Switching Protocols: the rest of the connection
// is another protocol, which this analyser leaves alone.
func (a *Analyzer) upgrade() {
	if r := a.resp.remaining; r > 0 {
		a.weird("protocol_data_with_HTTP_upgrade_reply", strconv.Itoa(r))
	}
	a.upgraded = true
	if a.s.Handled("http_connection_upgrade") {
		a.s.Raise("http_connection_upgrade", value.String(a.upgradeProtocol))
	}
}

// messageDone is called when a message has ended normally.
func (a *Analyzer) messageDone(isOrig bool) {
	if isOrig {
		a.requestMade(false, "message ends normally")
	} else {
		a.replyMade(false, "message ends normally")
	}
}

func (a *Analyzer) setVersion(v *version, nv version) {
	if *v == (version{}) {
		*v = nv
	} else if *v != nv {
		a.weird("HTTP_version_mismatch", "")
		*v = nv
	}
	if v.major > 1 || (v.major == 1 && v.minor > 0) {
		a.keepAlive = true
	}
}
