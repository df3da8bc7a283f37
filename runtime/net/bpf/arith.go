package bpf

import "golang.org/x/net/bpf"

// scratchSlots is the size of classic BPF's scratch memory, which holds
// the left operands of nested binary operations.
const scratchSlots = 16

type aKind uint8

const (
	aConst aKind = iota
	aLen
	aLoad
	aNeg
	aBin
)

// aexpr is an arithmetic expression. guard holds the protocol checks
// that must pass before its loads make sense ("tcp[13]" needs an IPv4
// first fragment carrying TCP).
type aexpr struct {
	kind  aKind
	val   uint32
	op    bpf.ALUOp
	l, r  *aexpr
	guard node

	// loads
	base      uint32
	size      int
	idx       *aexpr
	transport bool   // base is the IPv4 header; add its length (X) first
	nl        uint32 // IPv4 header offset for transport loads
}

var binOps = []map[string]bpf.ALUOp{
	{"|": bpf.ALUOpOr},
	{"&": bpf.ALUOpAnd},
	{"<<": bpf.ALUOpShiftLeft, ">>": bpf.ALUOpShiftRight},
	{"+": bpf.ALUOpAdd, "-": bpf.ALUOpSub},
	{"*": bpf.ALUOpMul, "/": bpf.ALUOpDiv, "%": bpf.ALUOpMod},
}

// parseRelation: arth relop arth.
func (c *compiler) parseRelation() node {
	l := c.parseArith(0)
	t := c.peek()
	if !isOp(t, "=", "==", "!=", "<", "<=", ">", ">=") {
		c.syntaxError()
	}
	c.next()
	r := c.parseArith(0)
	return c.relation(t, l, r)
}

// parseArith parses binary operators by precedence, loosest first:
// | & (<< >>) (+ -) (* / %). "^" is special: libpcap's grammar gives it
// no precedence, so yacc always shifts it and it takes everything to
// its right ("1 ^ 2 | 1" is 1 ^ (2 | 1)). parsePrimary reproduces that.
func (c *compiler) parseArith(level int) *aexpr {
	if level == len(binOps) {
		return c.parseUnary()
	}
	l := c.parseArith(level + 1)
	for {
		t := c.peek()
		op, ok := binOps[level][t.text]
		if t.kind != tOp || !ok {
			return l
		}
		c.next()
		l = c.binary(t, op, l, c.parseArith(level+1))
	}
}

func (c *compiler) parseUnary() *aexpr {
	defer c.enter()()
	if t := c.peek(); isOp(t, "-") {
		c.next()
		e := c.parseUnary()
		if e.kind == aConst {
			return &aexpr{kind: aConst, val: -e.val}
		}
		return &aexpr{kind: aNeg, l: e, guard: e.guard}
	}
	return c.parsePrimary()
}

func (c *compiler) parsePrimary() *aexpr {
	e := c.parseAtom()
	if t := c.peek(); isOp(t, "^") {
		c.next()
		e = c.binary(t, bpf.ALUOpXor, e, c.parseArith(0))
	}
	return e
}

func (c *compiler) parseAtom() *aexpr {
	t := c.peek()
	switch {
	case t.kind == tNum:
		c.next()
		return &aexpr{kind: aConst, val: t.num}
	case isKW(t, kwLen):
		c.next()
		return &aexpr{kind: aLen}
	case isOp(t, "("):
		c.next()
		e := c.parseArith(0)
		c.expectOp(")")
		return e
	case t.kind == tKW && isProtoKW(t.kw) && isOp(c.peekAt(1), "["):
		c.next()
		c.next()
		idx := c.parseArith(0)
		size := 1
		if isOp(c.peek(), ":") {
			c.next()
			n := c.expectNum()
			if n.num != 1 && n.num != 2 && n.num != 4 {
				c.fail(n.pos, "data size must be 1, 2, or 4")
			}
			size = int(n.num)
		}
		c.expectOp("]")
		return c.load(t, idx, size)
	}
	c.syntaxError()
	return nil
}

// binary builds l op r, folding constants. Like libpcap it keeps only
// the left operand's protocol checks: "ip[2:2] - tcp[12] > 0" loads
// from non-TCP packets too, and filters written against tcpdump expect
// that.
func (c *compiler) binary(t token, op bpf.ALUOp, l, r *aexpr) *aexpr {
	if r.kind == aConst {
		switch {
		case op == bpf.ALUOpDiv && r.val == 0:
			c.fail(t.pos, "division by zero")
		case op == bpf.ALUOpMod && r.val == 0:
			c.fail(t.pos, "modulus by zero")
		case (op == bpf.ALUOpShiftLeft || op == bpf.ALUOpShiftRight) && r.val > 31:
			c.fail(t.pos, "shift by more than 31 bits")
		}
		if l.kind == aConst {
			v, _ := alu(op, l.val, r.val)
			return &aexpr{kind: aConst, val: v}
		}
	}
	return &aexpr{kind: aBin, op: op, l: l, r: r, guard: l.guard}
}

// load is proto[idx:size].
func (c *compiler) load(t token, idx *aexpr, size int) *aexpr {
	nl := c.link.nl()
	e := &aexpr{kind: aLoad, size: size, idx: idx, base: nl}
	switch t.kw {
	case kwLink:
		e.base = 0
		e.guard = idx.guard
	case kwIP:
		e.guard = and(idx.guard, c.link.ip())
	case kwIP6:
		e.guard = and(idx.guard, c.link.ip6())
	case kwARP, kwRARP:
		e.guard = and(idx.guard, c.protoAbbrev(t))
	case kwICMP6:
		e.base = nl + 40
		e.guard = and(c.link.ip6(), idx.guard, cmp(nl+6, 1, jeq, ipprotoICMPv6))
	case kwTCP, kwUDP, kwSCTP, kwICMP, kwIGMP, kwIGRP, kwPIM, kwVRRP, kwCARP:
		e.transport, e.nl = true, nl
		e.guard = and(c.link.ip(), idx.guard, cmp(nl+9, 1, jeq, ipNumbers[t.kw].num), c.firstFragment())
	default:
		c.fail(t.pos, "unsupported index operation")
	}
	return e
}

// gen emits statements leaving e's value in A; scratch slots from reg
// up are free to use.
func (c *compiler) gen(t token, e *aexpr, reg int) []bpf.Instruction {
	switch e.kind {
	case aConst:
		return []bpf.Instruction{bpf.LoadConstant{Dst: bpf.RegA, Val: e.val}}
	case aLen:
		return lenLoad()
	case aNeg:
		return append(c.gen(t, e.l, reg), bpf.NegateA{})
	case aLoad:
		if e.idx.kind == aConst {
			off := e.base + e.idx.val
			if e.transport {
				return []bpf.Instruction{bpf.LoadMemShift{Off: e.nl}, bpf.LoadIndirect{Off: off, Size: e.size}}
			}
			return []bpf.Instruction{bpf.LoadAbsolute{Off: off, Size: e.size}}
		}
		s := c.gen(t, e.idx, reg)
		if e.transport {
			s = append(s, bpf.LoadMemShift{Off: e.nl}, bpf.ALUOpX{Op: bpf.ALUOpAdd})
		}
		return append(s, bpf.TAX{}, bpf.LoadIndirect{Off: e.base, Size: e.size})
	}
	// aBin
	s := c.gen(t, e.l, reg)
	if e.r.kind == aConst {
		return append(s, bpf.ALUOpConstant{Op: e.op, Val: e.r.val})
	}
	return append(c.spill(t, s, e.r, reg), bpf.ALUOpX{Op: e.op})
}

// spill saves A (computed by s), evaluates r, and ends with r in X and
// the saved value back in A.
func (c *compiler) spill(t token, s []bpf.Instruction, r *aexpr, reg int) []bpf.Instruction {
	if reg >= scratchSlots {
		c.fail(t.pos, "too many registers needed to evaluate expression")
	}
	s = append(s, bpf.StoreScratch{Src: bpf.RegA, N: reg})
	s = append(s, c.gen(t, r, reg+1)...)
	return append(s, bpf.TAX{}, bpf.LoadScratch{Dst: bpf.RegA, N: reg})
}

// relation compiles l op r. The protocol checks of both sides come
// first, then the comparison; "!=", "<" and "<=" negate only the
// comparison, so "tcp[0] != 5" still requires TCP.
func (c *compiler) relation(t token, l, r *aexpr) node {
	var op jop
	neg := false
	switch t.text {
	case "=", "==":
		op = jeq
	case "!=":
		op, neg = jeq, true
	case ">":
		op = jgt
	case ">=":
		op = jge
	case "<":
		op, neg = jge, true
	case "<=":
		op, neg = jgt, true
	}
	var test node
	if l.kind == aConst && r.kind == aConst {
		test = constNode(jump(op, l.val, r.val))
	} else {
		tn := &testNode{op: op}
		s := c.gen(t, l, 0)
		if r.kind == aConst {
			tn.k = r.val
			// "x & m = 0" is one jset.
			if op == jeq && r.val == 0 && len(s) > 1 {
				if a, ok := s[len(s)-1].(bpf.ALUOpConstant); ok && a.Op == bpf.ALUOpAnd {
					s = s[:len(s)-1]
					tn.op, tn.k = jset, a.Val
					neg = !neg
				}
			}
		} else {
			s = c.spill(t, s, r, 0)
			tn.useX = true
		}
		tn.stmts = s
		test = tn
	}
	if neg {
		test = not(test)
	}
	return and(l.guard, r.guard, test)
}
