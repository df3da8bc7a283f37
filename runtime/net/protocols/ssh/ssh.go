package ssh

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "SSH", Transports: analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		return newConn(ctx)
	}})
}

// host is what the parser needs of its analyzer.Context; tests and the
// fuzz target give it a fake.
type host interface {
	analyzer.Basics
	Weird(name, addl string)
	Type(name string) types.Type
}

// Protocol versions, as the identification strings announce them.
const (
	verUnknown = iota
	ver1       // SSH-1.x
	ver199     // SSH-1.99: speaks both
	ver2       // SSH-2.x
)

// Stages of one direction.
const (
	stVersion = iota
	stPackets
	stEncrypted
	stDead // violation: ignore the rest
)

// maxLine bounds an identification or pre-banner line, and maxPacket a
// key exchange packet (RFC 4253 requires 35000; OpenSSH accepts 256 KiB):
// more means this is not SSH, or not worth buffering.
const (
	maxLine   = 4096
	maxPacket = 256 * 1024
)

// side is one direction's parsing state.
type side struct {
	stage int
	buf   []byte // an incomplete line or packet
}

// conn is the analyser of one connection.
type conn struct {
	h    host
	side [2]side // by direction: 0 originator, 1 responder

	clientVer, serverVer int
	version              int // the protocol both settled on: ver1, ver2 or verUnknown

	gap bool // a content gap: stop

	kex  kexState
	auth authState
}

func newConn(h host) *conn { return &conn{h: h} }

func dirIndex(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

// Deliver takes the next in-order bytes of one direction. An SSH-2
// segment received once the direction is encrypted counts as one
// encrypted packet, as does the encrypted tail of the segment that
// carried NEWKEYS.
func (c *conn) Deliver(isOrig bool, data []byte) {
	if c.gap {
		return
	}
	s := &c.side[dirIndex(isOrig)]
	switch s.stage {
	case stDead:
		return
	case stEncrypted:
		c.encrypted(isOrig, len(data))
		return
	}
	rest := c.parse(isOrig, s, data)
	if s.stage == stEncrypted && rest > 0 {
		c.encrypted(isOrig, rest)
	}
}

// parse consumes data in the version and key exchange stages and returns
// how many trailing bytes arrived after the direction became encrypted.
func (c *conn) parse(isOrig bool, s *side, data []byte) int {
	for len(data) > 0 {
		switch s.stage {
		case stVersion:
			data = c.versionBytes(isOrig, s, data)
		case stPackets:
			data = c.packetBytes(isOrig, s, data)
		case stEncrypted:
			return len(data)
		default:
			return 0
		}
	}
	return 0
}

// dead stops one direction after a violation.
func (c *conn) dead(s *side, reason string, data []byte) {
	if len(data) > 64 {
		data = data[:64]
	}
	c.h.Violation(reason, data)
	s.stage = stDead
	s.buf = nil
}

// Gap ends the analysis: SSH framing cannot resume after lost bytes.
func (c *conn) Gap(isOrig bool, n uint64) { c.gap = true }

// EndOfData drops what an unfinished line or packet left buffered.
func (c *conn) EndOfData(isOrig bool) { c.side[dirIndex(isOrig)].buf = nil }

// Done is the end of the connection.
func (c *conn) Done() {}
