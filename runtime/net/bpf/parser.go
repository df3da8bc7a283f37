package bpf

import "fmt"

// dir is a direction qualifier.
type dir uint8

const (
	dirDefault dir = iota
	dirSrc
	dirDst
	dirOr  // "src or dst"
	dirAnd // "src and dst"
	dirOther
)

// qual is the qualifier triple in front of an id ("tcp dst port 80").
// It is remembered after each primitive because libpcap lets later ids
// without qualifiers reuse it: "host a or b" is "host a or host b".
type qual struct {
	proto     kw
	protoText string
	dir       dir
	dirText   string
	addr      kw
	addrText  string
	// invalid is libpcap's "qerr": the preceding term was not a
	// qualified primitive, so a bare id cannot follow.
	invalid bool
}

var qualInvalid = qual{invalid: true}

// compileError carries an *Error through the recursive descent; only
// Compile recovers it.
type compileError struct{ err *Error }

type compiler struct {
	expr  string
	toks  []token
	p     int
	link  link
	names names
	depth int // nesting of parentheses, brackets, not and unary minus
}

// maxDepth bounds nesting so that hostile expressions cannot make the
// recursive descent (and its lookahead) arbitrarily deep.
const maxDepth = 200

// enter is called on each nesting construct; the returned func undoes it.
func (c *compiler) enter() func() {
	c.depth++
	if c.depth > maxDepth {
		c.fail(c.peek().pos, "expression nested too deeply")
	}
	return func() { c.depth-- }
}

func (c *compiler) fail(pos int, format string, args ...any) {
	panic(compileError{&Error{Msg: fmt.Sprintf(format, args...), Offset: pos}})
}

// check turns an error from a helper into a positioned compile error.
func (c *compiler) check(pos int, err error) {
	if err != nil {
		c.fail(pos, "%s", err.Error())
	}
}

func (c *compiler) peek() token { return c.toks[c.p] }
func (c *compiler) peekAt(i int) token {
	if c.p+i < len(c.toks) {
		return c.toks[c.p+i]
	}
	return c.toks[len(c.toks)-1]
}
func (c *compiler) next() token {
	t := c.toks[c.p]
	if t.kind != tEOF {
		c.p++
	}
	return t
}

func (c *compiler) syntaxError() {
	c.fail(c.peek().pos, "syntax error")
}

func isOp(t token, ops ...string) bool {
	if t.kind != tOp {
		return false
	}
	for _, o := range ops {
		if t.text == o {
			return true
		}
	}
	return false
}

func isKW(t token, k kw) bool { return t.kind == tKW && t.kw == k }

func isAnd(t token) bool { return isKW(t, kwAnd) || isOp(t, "&&") }
func isOr(t token) bool  { return isKW(t, kwOr) || isOp(t, "||") }
func isNot(t token) bool { return isKW(t, kwNot) || isOp(t, "!") }

func (c *compiler) expectOp(op string) token {
	if !isOp(c.peek(), op) {
		c.syntaxError()
	}
	return c.next()
}

func (c *compiler) expectNum() token {
	if c.peek().kind != tNum {
		c.syntaxError()
	}
	return c.next()
}

// parse parses the whole expression.
func (c *compiler) parse() node {
	if c.peek().kind == tEOF {
		return nodeTrue
	}
	n, _ := c.parseExpr(qualInvalid)
	if c.peek().kind != tEOF {
		c.syntaxError()
	}
	return n
}

// parseExpr: term { (and|or) (term | id) }. "and" and "or" have the same
// precedence and group to the left, as pcap-filter(7) specifies.
func (c *compiler) parseExpr(q qual) (node, qual) {
	n, q := c.parseTerm(q)
	for {
		t := c.peek()
		conj := isAnd(t)
		if !conj && !isOr(t) {
			return n, q
		}
		c.next()
		var m node
		if c.startsBareID() {
			m = c.parseID(q)
		} else {
			m, q = c.parseTerm(q)
		}
		if conj {
			n = and(n, m)
		} else {
			n = or(n, m)
		}
	}
}

// startsBareID tells whether an id without qualifiers follows (after
// any "not" and "("), which then inherits the previous qualifiers. A
// number followed by an operator starts an arithmetic comparison
// instead.
func (c *compiler) startsBareID() bool {
	i := 0
	for isNot(c.peekAt(i)) || isOp(c.peekAt(i), "(") {
		i++
	}
	switch c.peekAt(i).kind {
	case tID, tHID, tHID6, tEID:
		return true
	case tNum:
		return !isOp(c.peekAt(i+1), "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>",
			"=", "==", "!=", "<", "<=", ">", ">=")
	}
	return false
}

func (c *compiler) parseTerm(q qual) (node, qual) {
	defer c.enter()()
	t := c.peek()
	if isNot(t) {
		c.next()
		n, q2 := c.parseTerm(q)
		return not(n), q2
	}
	if c.isRelation() {
		return c.parseRelation(), qualInvalid
	}
	if isOp(t, "(") {
		c.next()
		n, _ := c.parseExpr(q)
		c.expectOp(")")
		return n, q
	}
	return c.parseRterm()
}

// isRelation looks ahead for a comparison operator outside any
// parentheses before the term ends.
func (c *compiler) isRelation() bool {
	depth := 0
	for i := 0; ; i++ {
		t := c.peekAt(i)
		switch {
		case t.kind == tEOF:
			return false
		case isOp(t, "(", "["):
			depth++
		case isOp(t, ")", "]"):
			depth--
			if depth < 0 {
				return false
			}
		case depth == 0 && (isAnd(t) || isOr(t)):
			return false
		case depth == 0 && isOp(t, "=", "==", "!=", "<", "<=", ">", ">="):
			return true
		}
	}
}

func isProtoKW(k kw) bool { return k >= kwLink && k <= kwOtherProto }

// parseRterm parses a primitive that is not a comparison.
func (c *compiler) parseRterm() (node, qual) {
	t := c.peek()
	if t.kind != tKW {
		c.syntaxError()
	}
	switch t.kw {
	case kwLess, kwGreater:
		c.next()
		n := c.expectNum()
		if t.kw == kwLess {
			return not(&testNode{stmts: lenLoad(), op: jgt, k: n.num}), qualInvalid
		}
		return &testNode{stmts: lenLoad(), op: jge, k: n.num}, qualInvalid
	case kwVLAN, kwMPLS, kwPPPoES:
		c.next()
		num, has := c.optionalPnum()
		switch t.kw {
		case kwVLAN:
			return c.vlan(t, num, has), qualInvalid
		case kwMPLS:
			return c.mpls(t, num, has), qualInvalid
		}
		return c.pppoes(t, num, has), qualInvalid
	case kwPPPoED:
		c.next()
		n, err := c.link.proto(etherTypePPPoED)
		c.check(t.pos, err)
		return n, qualInvalid
	case kwInbound, kwOutbound:
		c.next()
		return c.direction(t), qualInvalid
	case kwBroadcast:
		c.next()
		return c.broadcast(t, qual{}), qualInvalid
	case kwMulticast:
		c.next()
		return c.multicast(t, qual{}), qualInvalid
	case kwUnsupported, kwOtherDir:
		c.fail(t.pos, "'%s' is not supported by this filter compiler", t.text)
	}

	var q qual
	if isProtoKW(t.kw) {
		c.next()
		q.proto, q.protoText = t.kw, t.text
		n := c.peek()
		switch {
		case isKW(n, kwBroadcast):
			c.next()
			return c.broadcast(n, q), qualInvalid
		case isKW(n, kwMulticast):
			c.next()
			return c.multicast(n, q), qualInvalid
		case isKW(n, kwProto), isKW(n, kwProtochain):
			c.next()
			q.addr, q.addrText = n.kw, n.text
			return c.parseID(q), q
		case n.kind == tKW && (n.kw == kwSrc || n.kw == kwDst || n.kw == kwOtherDir ||
			(n.kw >= kwHost && n.kw <= kwGateway)):
			// qualified primitive, below
		default:
			return c.protoAbbrev(t), qualInvalid
		}
	}
	c.parseDir(&q)
	if n := c.peek(); n.kind == tKW && n.kw >= kwHost && n.kw <= kwGateway {
		c.next()
		q.addr, q.addrText = n.kw, n.text
	} else if n.kind == tKW && (n.kw == kwProto || n.kw == kwProtochain) && q.dir == dirDefault {
		c.next()
		q.addr, q.addrText = n.kw, n.text
	} else if q.dir == dirDefault {
		c.syntaxError()
	}
	return c.parseID(q), q
}

// parseDir parses src, dst, "src or dst", "src and dst" and friends.
func (c *compiler) parseDir(q *qual) {
	t := c.peek()
	switch {
	case isKW(t, kwOtherDir):
		c.next()
		q.dir, q.dirText = dirOther, t.text
		return
	case isKW(t, kwSrc), isKW(t, kwDst):
	default:
		return
	}
	c.next()
	q.dir, q.dirText = dirSrc, t.text
	if t.kw == kwDst {
		q.dir = dirDst
	}
	// "src or dst" / "dst and src": the conjunction belongs to the
	// qualifier only when the other direction follows it.
	n, m := c.peekAt(0), c.peekAt(1)
	other := kwDst
	if t.kw == kwDst {
		other = kwSrc
	}
	if (isAnd(n) || isOr(n)) && isKW(m, other) {
		c.next()
		c.next()
		q.dir = dirOr
		if isAnd(n) {
			q.dir = dirAnd
		}
		q.dirText = t.text + " " + n.text + " " + m.text
	}
}

// optionalPnum parses the optional number after vlan/mpls/pppoes,
// which may be parenthesised.
func (c *compiler) optionalPnum() (uint32, bool) {
	i := 0
	for isOp(c.peekAt(i), "(") {
		i++
	}
	if c.peekAt(i).kind != tNum {
		return 0, false
	}
	for j := 0; j < i; j++ {
		if !isOp(c.peekAt(i+1+j), ")") {
			return 0, false
		}
	}
	c.p += i
	v := c.next().num
	c.p += i
	return v, true
}

// parseID parses an id, possibly negated or a parenthesised list of
// ids joined by and/or, all under qualifier q.
func (c *compiler) parseID(q qual) node {
	defer c.enter()()
	t := c.peek()
	switch {
	case isNot(t):
		c.next()
		return not(c.parseID(q))
	case isOp(t, "("):
		c.next()
		n := c.parseID(q)
		for {
			s := c.peek()
			if isAnd(s) {
				c.next()
				n = and(n, c.parseID(q))
			} else if isOr(s) {
				c.next()
				n = or(n, c.parseID(q))
			} else {
				break
			}
		}
		c.expectOp(")")
		return n
	}
	if q.invalid {
		if t.kind == tNum || t.kind == tID || t.kind == tHID || t.kind == tHID6 || t.kind == tEID {
			c.fail(t.pos, "syntax error in filter expression")
		}
		c.syntaxError()
	}
	switch t.kind {
	case tNum:
		c.next()
		return c.ncode(t, "", t.num, q)
	case tHID:
		c.next()
		if isOp(c.peek(), "/") {
			c.next()
			n := c.expectNum()
			return c.mcode(t, "", n.num, q)
		}
		if isKW(c.peek(), kwMask) {
			c.next()
			m := c.peek()
			if m.kind != tHID {
				c.syntaxError()
			}
			c.next()
			return c.mcode(t, m.text, 0, q)
		}
		return c.ncode(t, t.text, 0, q)
	case tHID6:
		c.next()
		bits := uint32(128)
		if isOp(c.peek(), "/") {
			c.next()
			bits = c.expectNum().num
		}
		return c.mcode6(t, bits, q)
	case tEID:
		c.next()
		return c.ecode(t, q)
	case tID:
		c.next()
		return c.scode(t, q)
	}
	c.syntaxError()
	return nil
}
