package bpf

import "golang.org/x/net/bpf"

// The code generator works on a small boolean tree before laying out
// BPF blocks. Leaves are tests: straight-line statements that leave a
// value in A (and possibly X), followed by one conditional jump. Keeping
// the tree until the end lets and/or/not be compiled by passing jump
// targets down instead of patching jump lists.

type node interface{ isNode() }

type (
	constNode bool
	andNode   struct{ a, b node }
	orNode    struct{ a, b node }
	notNode   struct{ a node }
	// testNode runs stmts, then jumps on "A op k" (or "A op X" when useX).
	testNode struct {
		stmts []bpf.Instruction
		op    jop
		k     uint32
		useX  bool
	}
)

func (constNode) isNode() {}
func (andNode) isNode()   {}
func (orNode) isNode()    {}
func (notNode) isNode()   {}
func (*testNode) isNode() {}

// jop is one of the four conditional jumps classic BPF has; negated
// forms are expressed with notNode.
type jop uint8

const (
	jeq jop = iota
	jgt
	jge
	jset
)

const (
	nodeTrue  = constNode(true)
	nodeFalse = constNode(false)
)

// and folds constants so that tests which can never succeed on a link
// type (arp on raw IP, say) disappear instead of costing instructions.
func and(ns ...node) node {
	var r node
	for _, n := range ns {
		if n == nil {
			continue
		}
		if c, ok := n.(constNode); ok {
			if !c {
				return nodeFalse
			}
			continue
		}
		if r == nil {
			r = n
		} else {
			r = andNode{r, n}
		}
	}
	if r == nil {
		return nodeTrue
	}
	return r
}

func or(ns ...node) node {
	var r node
	for _, n := range ns {
		if n == nil {
			continue
		}
		if c, ok := n.(constNode); ok {
			if c {
				return nodeTrue
			}
			continue
		}
		if r == nil {
			r = n
		} else {
			r = orNode{r, n}
		}
	}
	if r == nil {
		return nodeFalse
	}
	return r
}

func not(n node) node {
	switch v := n.(type) {
	case constNode:
		return !v
	case notNode:
		return v.a
	}
	return notNode{n}
}

// cmp loads size bytes at the absolute offset off and compares.
func cmp(off uint32, size int, op jop, k uint32) node {
	return &testNode{stmts: []bpf.Instruction{bpf.LoadAbsolute{Off: off, Size: size}}, op: op, k: k}
}

// mcmp loads, masks and tests for equality; a full mask needs no "and".
func mcmp(off uint32, size int, mask, k uint32) node {
	full := uint32(0xffffffff)
	switch size {
	case 1:
		full = 0xff
	case 2:
		full = 0xffff
	}
	if mask&full == full {
		return cmp(off, size, jeq, k)
	}
	if k&^mask != 0 {
		return nodeFalse
	}
	if mask == 0 {
		return nodeTrue
	}
	return &testNode{stmts: []bpf.Instruction{
		bpf.LoadAbsolute{Off: off, Size: size},
		bpf.ALUOpConstant{Op: bpf.ALUOpAnd, Val: mask},
	}, op: jeq, k: k}
}
