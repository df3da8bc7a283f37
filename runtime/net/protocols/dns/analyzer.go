package dns

import (
	"net/netip"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

func init() {
	analyzer.Register(&analyzer.Spec{Name: "DNS", Transports: analyzer.UDP | analyzer.TCP, New: func(ctx *analyzer.Context) analyzer.Analyzer {
		h := ctxHost{ctx}
		return newConn(h, readConfig(ctx), ctx.Conn.ID.Proto == flow.ProtoTCP)
	}})
}

// host is what the parser needs of its connection and the scripts; the
// analyser's Context in a run, a fake in tests and the fuzz target.
type host interface {
	analyzer.Basics
	Weird(name, addl string)
	// LimitWeird is a weird for a limit reached: it also marks the
	// connection's history with 'X' (Reporter::limit_reached_weird).
	LimitWeird(name, addl string)
	Type(name string) types.Type
	// RespAddr and RespPort are the responder's, as the roles stand now.
	RespAddr() netip.Addr
	RespPort() uint16
	// FlipRoles swaps originator and responder.
	FlipRoles()
}

// ctxHost is the host of a real connection.
type ctxHost struct{ *analyzer.Context }

func (h ctxHost) LimitWeird(name, addl string) {
	h.Conn.AddLimitHistory()
	h.Weird(name, addl)
}

func (h ctxHost) RespAddr() netip.Addr { return h.Conn.ID.RespH }
func (h ctxHost) RespPort() uint16     { return h.Conn.ID.RespP }

func (h ctxHost) FlipRoles() {
	h.Conn.FlipRoles()
	if h.Handled("connection_flipped") {
		h.Raise("connection_flipped")
	}
}

// config is the scripts' DNS settings, read when a connection starts
// (they are constants once the scripts are loaded).
type config struct {
	maxQueries  uint64 // dns_max_queries (0: no limit)
	maxDepth    int    // dns_max_compression_chain_depth
	skipAllAuth bool   // dns_skip_all_auth
	skipAllAddl bool   // dns_skip_all_addl
	// skipAuth and skipAddl are dns_skip_auth and dns_skip_addl: servers
	// whose authority / additional sections are skipped.
	skipAuth, skipAddl *value.Table
}

// defaultConfig is Zeek's defaults, for scripts that lack a setting.
func defaultConfig() config {
	return config{maxQueries: 25, maxDepth: 20, skipAllAuth: true, skipAllAddl: true}
}

func readConfig(ctx *analyzer.Context) config {
	c := defaultConfig()
	if v, ok := ctx.Global("dns_max_queries"); ok {
		c.maxQueries = v.Count()
	}
	if v, ok := ctx.Global("dns_max_compression_chain_depth"); ok {
		c.maxDepth = int(min(v.Count(), 1<<16))
	}
	if v, ok := ctx.Global("dns_skip_all_auth"); ok {
		c.skipAllAuth = v.Bool()
	}
	if v, ok := ctx.Global("dns_skip_all_addl"); ok {
		c.skipAllAddl = v.Bool()
	}
	if v, ok := ctx.Global("dns_skip_auth"); ok {
		c.skipAuth, _ = v.P.(*value.Table)
	}
	if v, ok := ctx.Global("dns_skip_addl"); ok {
		c.skipAddl, _ = v.P.(*value.Table)
	}
	return c
}

// skips reports whether a dns_skip_* set names the server.
func skips(t *value.Table, server netip.Addr) bool {
	return t != nil && t.Len() > 0 && t.Has1(value.Addr(server))
}

// conn is the analyser of one connection: the message parser, and over
// TCP each direction's framing.
type conn struct {
	p      *parser
	tcp    bool
	frames [2]framer // TCP: by direction, 0 originator
}

func newConn(h host, cfg config, tcp bool) *conn {
	return &conn{p: newParser(h, cfg, tcp), tcp: tcp}
}

func dirIndex(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

func queryFlag(isOrig bool) int {
	if isOrig {
		return 1
	}
	return 0
}

// Deliver parses a UDP datagram as one message, or feeds TCP bytes to
// their direction's framing.
func (c *conn) Deliver(isOrig bool, data []byte) {
	if !c.tcp {
		c.p.parse(data, queryFlag(isOrig))
		return
	}
	flipped := c.p.flipped
	c.frames[dirIndex(isOrig)].feed(data, func(msg []byte) { c.p.parse(msg, queryFlag(isOrig)) })
	if c.p.flipped != flipped {
		// The roles flipped: each direction's framing goes with its
		// endpoint.
		c.frames[0], c.frames[1] = c.frames[1], c.frames[0]
	}
}

// Gap loses a TCP direction's framing: its later bytes are ignored.
func (c *conn) Gap(isOrig bool, n uint64) {
	if c.tcp {
		c.frames[dirIndex(isOrig)].dead = true
	}
}

// EndOfData: when a TCP direction closes, Zeek parses what both
// directions hold of unfinished messages, not knowing whether they are
// queries or replies.
func (c *conn) EndOfData(isOrig bool) {
	if !c.tcp {
		return
	}
	for i := range c.frames {
		c.frames[i].flush(func(msg []byte) { c.p.parse(msg, queryUnknown) })
	}
}

func (c *conn) Done() {}
