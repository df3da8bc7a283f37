package http

import (
	"strings"

	"github.com/gobro/gobro/runtime/net/protocols/mime"
	"github.com/gobro/gobro/runtime/value"
)

// The script events, built only when handled.

func (a *Analyzer) raiseBool(event string, isOrig bool) {
	if a.s.Handled(event) {
		a.s.Raise(event, value.Bool(isOrig))
	}
}

func (a *Analyzer) httpEvent(category, detail string) {
	if a.s.Handled("http_event") {
		a.s.Raise("http_event", value.String(category), value.String(detail))
	}
}

// httpRequest confirms the protocol (any well-formed request line does)
// and raises http_request.
func (a *Analyzer) httpRequest(uri, unescaped string) {
	a.s.Confirm()
	if isPrefixFold(a.requestMethod, "CONNECT") {
		a.connectRequest = true
	}
	if a.s.Handled("http_request") {
		a.s.Raise("http_request", value.String(a.requestMethod), value.String(uri),
			value.String(unescaped), value.String(a.requestVersion.String()))
	}
}

func (a *Analyzer) httpReply() {
	if !a.s.Handled("http_reply") {
		return
	}
	reason := "<empty>"
	if a.hasReason {
		reason = a.replyReason
	}
	a.s.Raise("http_reply", value.String(a.replyVersion.String()), value.Count(uint64(a.replyCode)), value.String(reason))
}

// header notes the headers the analyser itself needs, then raises
// http_header.
func (a *Analyzer) header(isOrig bool, h *mime.Header) {
	if strings.EqualFold(h.Name, "connection") {
		switch {
		case isOrig && h.TokenIs("keep-alive"):
			a.keepAlive = true
		case !isOrig && h.TokenIs("close"):
			a.connectionClose = true
		case !isOrig && h.TokenIs("upgrade"):
			a.upgradeConnection = true
		}
	}
	if !isOrig && strings.EqualFold(h.Name, "upgrade") {
		tok, _, _ := h.Token()
		a.upgradeProtocol = tok
	}
	if a.s.Handled("http_header") {
		a.s.Raise("http_header", value.Bool(isOrig), value.String(h.Name), value.String(mime.ASCIIUpper(h.Name)), value.String(h.Value))
	}
}
