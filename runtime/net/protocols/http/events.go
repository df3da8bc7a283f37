package http

import (
	"strings"

	"github.com/gobro/gobro/lang/types"
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
func (a *Analyzer) httpRequest() {
	a.s.Confirm()
	if isPrefixFold(a.requestMethod, "CONNECT") {
		a.connectRequest = true
	}
	if a.s.Handled("http_request") {
		a.s.Raise("http_request", value.String(a.requestMethod), value.String(a.requestURI),
			value.String(a.unescapedURI), value.String(a.requestVersion.String()))
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
func (a *Analyzer) header(isOrig bool, h *header) {
	if strings.EqualFold(h.name, "connection") {
		switch {
		case isOrig && h.tokenIs("keep-alive"):
			a.keepAlive = true
		case !isOrig && h.tokenIs("close"):
			a.connectionClose = true
		case !isOrig && h.tokenIs("upgrade"):
			a.upgradeConnection = true
		}
	}
	if !isOrig && strings.EqualFold(h.name, "upgrade") {
		tok, _, _ := h.token()
		a.upgradeProtocol = tok
	}
	if a.s.Handled("http_header") {
		a.s.Raise("http_header", value.Bool(isOrig), value.String(h.name), value.String(asciiUpper(h.name)), value.String(h.value))
	}
}

// headerTable is a mime_header_list of the headers, indexed from 1.
func (a *Analyzer) headerTable(hs []header) *value.Table {
	tt, _ := a.s.Type("mime_header_list").(*types.TableType)
	if tt == nil {
		return nil
	}
	t := value.NewTable(tt)
	for i, h := range hs {
		r := a.s.NewRecord("mime_header_rec")
		if r == nil {
			return nil
		}
		r.Set("original_name", value.String(h.name))
		r.Set("name", value.String(asciiUpper(h.name)))
		r.Set("value", value.String(h.value))
		t.Put1(value.Count(uint64(i+1)), value.Value{P: r})
	}
	return t
}
