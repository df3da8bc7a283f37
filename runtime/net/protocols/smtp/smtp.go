package smtp

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/protocols/contentline"
	"github.com/gobro/gobro/runtime/value"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "SMTP", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		a := New(ctxHost{ctx})
		if v, ok := ctx.Global("SMTP::bdat_max_line_length"); ok && v.Count() > 0 && v.Count() < 1<<30 {
			a.bdat.maxLine = int(v.Count())
		}
		return a
	}})
}

// Host is what the analyser needs of its connection, the scripts and
// file analysis: an *analyzer.Context in a run (ctxHost), a fake in
// tests.
type Host interface {
	analyzer.Basics
	// Weird reports a conn weird seen by source ("SMTP", or
	// "CONTENTLINE" for the line splitting).
	Weird(source, name, addl string)
	Type(name string) types.Type
	NewRecord(typeName string) *value.Record
	FileData(isOrig bool, data []byte)
	FileEnd(isOrig bool)
	// StartTLS starts an SSL analyser on the rest of the connection and
	// returns what passes it bytes (nil when none could start).
	StartTLS() func(isOrig bool, data []byte)
}

type ctxHost struct{ *analyzer.Context }

func (h ctxHost) Weird(source, name, addl string) { h.Context.WeirdFrom(source, name, addl) }

// Analyzer is the SMTP analyser of one connection.
type Analyzer struct {
	h     Host
	lines contentline.Lines
	session
}

// New returns the analyser of one connection reporting to h.
func New(h Host) *Analyzer {
	a := &Analyzer{h: h}
	a.lines = contentline.Lines{NUL: true, Weird: func(name string) { h.Weird("CONTENTLINE", name, "") }}
	a.session.init()
	return a
}

func dir(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

// Deliver takes the next bytes of a direction. After the reply that
// starts TLS, the bytes that follow it in the same delivery go to SSL,
// which gets all later deliveries itself.
func (a *Analyzer) Deliver(isOrig bool, data []byte) {
	if a.state == stInTLS {
		return
	}
	a.offset[dir(isOrig)] += uint64(len(data))
	sender := isOrig == a.origIsSender
	for len(data) > 0 {
		if sender && a.bdat.left > 0 {
			data = a.chunk(data)
			continue
		}
		data = a.lines.Feed(isOrig, data, func(line []byte) bool {
			a.line(isOrig, line)
			return a.state != stInTLS && !(sender && a.bdat.left > 0)
		})
		if a.state == stInTLS {
			if a.ssl != nil && len(data) > 0 {
				a.ssl(isOrig, data)
			}
			return
		}
	}
}

// Gap: lost bytes break the session's state (see gap).
func (a *Analyzer) Gap(isOrig bool, n uint64) {
	if a.state != stInTLS {
		a.gap(isOrig, n)
	}
}

// EndOfData: a partial last line is dropped, as in Zeek.
func (a *Analyzer) EndOfData(isOrig bool) {}

// Done ends a mail still under way.
func (a *Analyzer) Done() {
	if a.mail != nil {
		a.endData()
	}
}

func (a *Analyzer) weird(name string) { a.h.Weird("SMTP", name, "") }

// raise raises event when it is handled (for events whose arguments
// cost next to nothing to build).
func (a *Analyzer) raise(event string, args ...value.Value) {
	if a.h.Handled(event) {
		a.h.Raise(event, args...)
	}
}
