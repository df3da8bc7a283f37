package ntp

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/value"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "NTP", Transports: analyzer.UDP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return newConn(ctxHost{ctx})
	}})
}

// host is what the analyser needs of its connection and the scripts: the
// analyzer.Context in a run, a fake in tests and the fuzz target.
type host interface {
	analyzer.Basics
	Type(name string) types.Type
	// FlipRoles swaps originator and responder.
	FlipRoles()
}

// ctxHost is the host of a real connection.
type ctxHost struct{ *analyzer.Context }

func (h ctxHost) FlipRoles() {
	h.Conn.FlipRoles()
	if h.Handled("connection_flipped") {
		h.Raise("connection_flipped")
	}
}

// conn is the analyser of one connection.
type conn struct {
	h host
	// flipped is, per direction as the datagram was delivered (0
	// originator), whether a message from it has flipped the roles:
	// Zeek keeps the flag in each direction's parser.
	flipped [2]bool
	types   map[string]*types.RecordType
}

func newConn(h host) *conn { return &conn{h: h} }

// Deliver parses one datagram as one message.
func (c *conn) Deliver(isOrig bool, data []byte) {
	m, err := parse(data)
	if err != nil {
		c.h.Violation("Binpac exception: "+err.Error(), nil)
		return
	}
	c.h.Confirm()
	// A server's reply sent by the originator, or a client's request
	// sent by the responder: the roles were guessed the wrong way round.
	d := dir(isOrig)
	if !c.flipped[d] && (m.mode == modeServer && isOrig || m.mode == modeClient && !isOrig) {
		c.h.FlipRoles()
		c.flipped[d] = true
	}
	// is_orig stays the direction the datagram came from, before any
	// flip, as in Zeek.
	if c.h.Handled("ntp_message") {
		c.h.Raise("ntp_message", value.Bool(isOrig), c.messageVal(m))
	}
}

func dir(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

func (c *conn) Gap(bool, uint64) {}
func (c *conn) EndOfData(bool)   {}
func (c *conn) Done()            {}
