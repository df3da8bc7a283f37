package irc

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/protocols/contentline"
	"github.com/gobro/gobro/runtime/value"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "IRC", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return New(ctxHost{ctx})
	}})
}

// Host is what the analyser needs of its connection and the scripts: an
// *analyzer.Context in a run (see ctxHost), a fake in tests.
type Host interface {
	analyzer.Basics
	// Weird reports a conn weird seen by source ("IRC", or
	// "CONTENTLINE" for the line splitting).
	Weird(source, name, addl string)
	Type(name string) types.Type
	NewRecord(typeName string) *value.Record
	// StartTLS starts an SSL analyser on the rest of the connection and
	// returns what passes it bytes (nil when none could start).
	StartTLS() func(isOrig bool, data []byte)
	// Remove detaches the analyser.
	Remove()
}

type ctxHost struct{ *analyzer.Context }

func (h ctxHost) Weird(source, name, addl string) { h.Context.WeirdFrom(source, name, addl) }

// maxInvalid is how many overlong command words Zeek tolerates before it
// calls the connection a violation.
const maxInvalid = 20

// Analyzer is the IRC analyser of one connection.
type Analyzer struct {
	h     Host
	lines contentline.Lines
	// invalid counts overlong command words.
	invalid int
	// tls: STARTTLS succeeded; the analyser is gone.
	tls bool
}

// New returns the analyser of one connection reporting to h.
func New(h Host) *Analyzer {
	a := &Analyzer{h: h}
	a.lines = contentline.Lines{MaxLine: maxLine, Weird: func(name string) { h.Weird("CONTENTLINE", name, "") }}
	return a
}

// Deliver takes the next bytes of a direction. After a STARTTLS reply
// the bytes that follow it in the same delivery belong to TLS and are
// passed on.
func (a *Analyzer) Deliver(isOrig bool, data []byte) {
	if a.tls {
		return
	}
	var ssl func(bool, []byte)
	rest := a.lines.Feed(isOrig, data, func(line []byte) bool {
		ssl = a.line(isOrig, line)
		return !a.tls
	})
	if a.tls {
		if ssl != nil {
			ssl(isOrig, rest)
		}
		a.h.Remove()
	}
}

// Gap: the bytes are lost; a line under way goes on, as in Zeek.
func (a *Analyzer) Gap(isOrig bool, n uint64) {}

// EndOfData ends a direction: a partial last line is a line.
func (a *Analyzer) EndOfData(isOrig bool) {
	if a.tls {
		return
	}
	a.lines.Flush(isOrig, func(line []byte) bool {
		a.line(isOrig, line)
		return !a.tls
	})
	if a.tls {
		a.h.Remove() // a STARTTLS reply as the very last bytes

	}
}

func (a *Analyzer) Done() {}

func (a *Analyzer) weird(name string) { a.h.Weird("IRC", name, "") }

// line handles one line. It returns the SSL analyser's input when the
// line was the reply that starts TLS.
func (a *Analyzer) line(isOrig bool, line []byte) (ssl func(bool, []byte)) {
	m, bad := parseLine(line)
	if isOrig && (bad == nil || bad.prefixDone) {
		a.h.Confirm()
	}
	if bad != nil {
		a.weird(bad.weird)
		if bad.violation != "" {
			a.h.Violation(bad.violation, line)
		}
		return nil
	}
	if m.command == "STARTTLS" {
		return nil // the reply decides
	}
	if m.code > 0 {
		if m.code == 670 {
			return a.startTLS()
		}
		a.reply(isOrig, m)
		return nil
	}
	if len(m.command) > 20 {
		a.weird("irc_invalid_command")
		if a.invalid++; a.invalid > maxInvalid {
			a.weird("irc_too_many_invalid")
			a.h.Violation("too many long lines", line)
		}
		return nil
	}
	a.command(isOrig, m)
	return nil
}

// startTLS: the server agreed to STARTTLS (reply 670).
func (a *Analyzer) startTLS() func(bool, []byte) {
	a.tls = true
	ssl := a.h.StartTLS()
	a.raise("irc_starttls")
	return ssl
}

// raise raises event when it is handled (for events whose arguments
// cost next to nothing to build).
func (a *Analyzer) raise(event string, args ...value.Value) {
	if a.h.Handled(event) {
		a.h.Raise(event, args...)
	}
}

func str(s string) value.Value { return value.String(cstr(s)) }
