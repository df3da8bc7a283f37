package bpf

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/bpf"
)

// Jump targets that are not blocks: the two return instructions.
const (
	labAccept = -1
	labReject = -2
)

// block is one test of the laid-out program: statements, then a
// conditional jump to two labels.
type block struct {
	stmts  []bpf.Instruction
	op     jop
	k      uint32
	useX   bool
	jt, jf int
}

// emitter turns a node tree into blocks. Blocks are created callee
// first (a block's targets always exist before it), so laying them out
// in reverse creation order gives the forward-only jumps classic BPF
// requires.
type emitter struct {
	blocks []*block
	seen   map[string]int
}

// emit compiles n so that control reaches label t when n holds and f
// otherwise, and returns the label of n's first block.
func (e *emitter) emit(n node, t, f int) int {
	switch v := n.(type) {
	case constNode:
		if v {
			return t
		}
		return f
	case andNode:
		return e.emit(v.a, e.emit(v.b, t, f), f)
	case orNode:
		return e.emit(v.a, t, e.emit(v.b, t, f))
	case notNode:
		return e.emit(v.a, f, t)
	case *testNode:
		return e.add(&block{stmts: v.stmts, op: v.op, k: v.k, useX: v.useX, jt: t, jf: f})
	}
	panic(fmt.Sprintf("bpf: unknown node %T", n))
}

// add shares identical blocks: "port 80" tests the same ports for TCP,
// UDP and SCTP, and the copies would only make the program longer.
func (e *emitter) add(b *block) int {
	key := fmt.Sprintf("%v|%d|%d|%t|%d|%d", b.stmts, b.op, b.k, b.useX, b.jt, b.jf)
	if i, ok := e.seen[key]; ok {
		return i
	}
	if e.seen == nil {
		e.seen = map[string]int{}
	}
	e.blocks = append(e.blocks, b)
	e.seen[key] = len(e.blocks) - 1
	return len(e.blocks) - 1
}

// pureLoad reports whether in sets A from the packet or a constant
// without reading X, so that its value is the same wherever it runs.
func pureLoad(in bpf.Instruction) bool {
	switch v := in.(type) {
	case bpf.LoadAbsolute:
		return true
	case bpf.LoadConstant:
		return v.Dst == bpf.RegA
	case bpf.LoadExtension:
		return v.Num == bpf.ExtLen
	}
	return false
}

// valueKey returns the trailing statements of stmts that alone decide
// A (and X) afterwards: a plain load, or the "ldxb 4*([k]&0xf); ld
// [x+j]" pair of a transport-header load.
func valueKey(stmts []bpf.Instruction) []bpf.Instruction {
	n := len(stmts)
	if n >= 1 && pureLoad(stmts[n-1]) {
		return stmts[n-1:]
	}
	if n >= 2 {
		_, ind := stmts[n-1].(bpf.LoadIndirect)
		_, msh := stmts[n-2].(bpf.LoadMemShift)
		if ind && msh {
			return stmts[n-2:]
		}
	}
	return nil
}

func hasPrefix(s, prefix []bpf.Instruction) bool {
	return len(prefix) > 0 && len(s) >= len(prefix) && slices.Equal(s[:len(prefix)], prefix)
}

// evalFrom computes the A value b's statements produce when they start
// with key (whose value is a) followed only by ALU operations with
// constants.
func evalFrom(b *block, key []bpf.Instruction, a uint32) (uint32, bool) {
	if !hasPrefix(b.stmts, key) || b.useX {
		return 0, false
	}
	for _, s := range b.stmts[len(key):] {
		op, ok := s.(bpf.ALUOpConstant)
		if !ok {
			return 0, false
		}
		if a, ok = alu(op.Op, a, op.Val); !ok {
			return 0, false
		}
	}
	return a, true
}

func alu(op bpf.ALUOp, a, k uint32) (uint32, bool) {
	switch op {
	case bpf.ALUOpAdd:
		return a + k, true
	case bpf.ALUOpSub:
		return a - k, true
	case bpf.ALUOpMul:
		return a * k, true
	case bpf.ALUOpDiv:
		if k == 0 {
			return 0, false
		}
		return a / k, true
	case bpf.ALUOpMod:
		if k == 0 {
			return 0, false
		}
		return a % k, true
	case bpf.ALUOpOr:
		return a | k, true
	case bpf.ALUOpAnd:
		return a & k, true
	case bpf.ALUOpXor:
		return a ^ k, true
	case bpf.ALUOpShiftLeft:
		if k >= 32 {
			return 0, true
		}
		return a << k, true
	case bpf.ALUOpShiftRight:
		if k >= 32 {
			return 0, true
		}
		return a >> k, true
	}
	return 0, false
}

func jump(op jop, a, k uint32) bool {
	switch op {
	case jeq:
		return a == k
	case jgt:
		return a > k
	case jge:
		return a >= k
	default:
		return a&k != 0
	}
}

// pureValue reports whether stmts compute A from packet bytes,
// constants and the packet length alone (no scratch memory, no X other
// than a header-length load feeding an indirect load). Such a value is
// the same wherever in the program it is computed, because the packet
// never changes.
func pureValue(stmts []bpf.Instruction) bool {
	if len(stmts) == 0 {
		return false
	}
	msh := false
	for i, s := range stmts {
		switch v := s.(type) {
		case bpf.LoadAbsolute, bpf.LoadConstant:
			if c, ok := v.(bpf.LoadConstant); ok && c.Dst != bpf.RegA {
				return false
			}
		case bpf.LoadExtension:
			if v.Num != bpf.ExtLen {
				return false
			}
		case bpf.LoadMemShift:
			if i+1 >= len(stmts) {
				return false
			}
			if _, ok := stmts[i+1].(bpf.LoadIndirect); !ok {
				return false
			}
			msh = true
			continue
		case bpf.LoadIndirect:
			if !msh {
				return false
			}
		case bpf.ALUOpConstant:
			if i == 0 {
				return false
			}
		default:
			return false
		}
		msh = false
	}
	return true
}

// A value is identified by the text of the statements computing it.
// facts maps each value to what is known about it on a path: its exact
// value, or up to maxTests outcomes of other tests. The bound keeps
// threading linear on filters with hundreds of alternatives.
type facts map[string]*valueFacts

type valueFacts struct {
	exact    bool
	val      uint32
	outcomes []outcome
}

type outcome struct {
	op     jop
	k      uint32
	result bool
}

const maxTests = 8

// with returns fs plus the outcome of a test on the value named key.
func (fs facts) with(key string, o outcome) facts {
	out := make(facts, len(fs)+1)
	for k, v := range fs {
		out[k] = v
	}
	old := fs[key]
	nv := &valueFacts{}
	if old != nil {
		*nv = *old
		nv.outcomes = slices.Clone(old.outcomes)
	}
	switch {
	case o.op == jeq && o.result:
		nv.exact, nv.val, nv.outcomes = true, o.k, nil
	case nv.exact:
		return fs // nothing new
	case len(nv.outcomes) < maxTests:
		nv.outcomes = append(nv.outcomes, o)
	}
	out[key] = nv
	return out
}

// intersect keeps what holds on both paths.
func (fs facts) intersect(other facts) facts {
	out := facts{}
	for k, a := range fs {
		b, ok := other[k]
		if !ok {
			continue
		}
		nv := &valueFacts{}
		switch {
		case a.exact && b.exact && a.val == b.val:
			nv.exact, nv.val = true, a.val
		default:
			for _, o := range a.outcomes {
				if b.decides(o.op, o.k) == (decision{o.result, true}) {
					nv.outcomes = append(nv.outcomes, o)
				}
			}
			for _, o := range b.outcomes {
				if a.exact && jump(o.op, a.val, o.k) == o.result && len(nv.outcomes) < maxTests {
					nv.outcomes = append(nv.outcomes, o)
				}
			}
		}
		if nv.exact || len(nv.outcomes) > 0 {
			out[k] = nv
		}
	}
	return out
}

type decision struct{ result, known bool }

// decides evaluates "value op k" from what is known about the value.
func (v *valueFacts) decides(op jop, k uint32) decision {
	if v.exact {
		return decision{jump(op, v.val, k), true}
	}
	for _, o := range v.outcomes {
		if o.op == op && o.k == k {
			return decision{o.result, true}
		}
	}
	return decision{}
}

// blockInfo caches, per block, the keys of its pure statement prefixes.
type blockInfo struct {
	pure     bool
	key      string   // of all statements
	prefixes []string // prefixes[n]: key of stmts[:n], "" when not pure
}

func describe(b *block) blockInfo {
	var bi blockInfo
	if b.useX || !pureValue(b.stmts) {
		return bi
	}
	bi.pure = true
	bi.prefixes = make([]string, len(b.stmts)+1)
	for n := 1; n <= len(b.stmts); n++ {
		if pureValue(b.stmts[:n]) {
			bi.prefixes[n] = fmt.Sprint(b.stmts[:n])
		}
	}
	bi.key = bi.prefixes[len(b.stmts)]
	return bi
}

// known decides b's test from fs, if they determine it: either the
// same value was tested before, or a prefix of b's statements has a
// known exact value and the rest are constant operations.
func known(b *block, bi blockInfo, fs facts) decision {
	if !bi.pure {
		return decision{}
	}
	if v := fs[bi.key]; v != nil {
		if d := v.decides(b.op, b.k); d.known {
			return d
		}
	}
	for n := len(b.stmts) - 1; n >= 1; n-- {
		if v := fs[bi.prefixes[n]]; bi.prefixes[n] != "" && v != nil && v.exact {
			if a, ok := evalFrom(b, b.stmts[:n], v.val); ok {
				return decision{jump(b.op, a, b.k), true}
			}
		}
	}
	return decision{}
}

// thread redirects jumps whose outcome at the target is already decided
// by tests on the way there: after "ldh [12]; jeq #0x800" succeeded, a
// later "jeq #0x806" on the same field cannot, so "host" (IP, ARP and
// RARP alternatives) does not test the EtherType again. Packet bytes
// never change, so what a test learned holds on every later block of
// the path. Skipping a block only skips loads that already succeeded
// on that path, so bounds behaviour is unchanged.
func (e *emitter) thread(root int) {
	info := make([]blockInfo, len(e.blocks))
	for i, b := range e.blocks {
		info[i] = describe(b)
	}
	for round := 0; round < 8; round++ {
		order := e.layout(root)
		// Facts holding on entry to each block: those holding on every
		// incoming edge. Layout order visits predecessors first.
		in := map[int]facts{}
		changed := false
		for _, i := range order {
			b := e.blocks[i]
			fs := in[i]
			if fs == nil { // the root, or a block no longer reachable
				fs = facts{}
			}
			for edge := 0; edge < 2; edge++ {
				taken := edge == 0
				target := &b.jf
				if taken {
					target = &b.jt
				}
				out := fs
				if info[i].pure {
					out = fs.with(info[i].key, outcome{b.op, b.k, taken})
				}
				// Follow the edge past blocks the facts decide.
				for steps := 0; *target >= 0 && steps < len(e.blocks); steps++ {
					d := known(e.blocks[*target], info[*target], out)
					if !d.known {
						break
					}
					t := e.blocks[*target]
					*target, changed = t.jf, true
					if d.result {
						*target = t.jt
					}
				}
				if *target < 0 {
					continue
				}
				if cur, seen := in[*target]; !seen {
					in[*target] = out
				} else {
					in[*target] = cur.intersect(out)
				}
			}
		}
		if !changed {
			return
		}
	}
}

// merge makes blocks that threading left identical (same statements,
// test and targets, as the ARP and RARP address checks of "host" end up)
// share one copy, and bypasses blocks whose test cannot matter because
// both outcomes go to the same place ("ip or not ip" accepts everything,
// as with libpcap). It returns the new root, possibly a return label.
func (e *emitter) merge(root int) int {
	canon := make([]int, len(e.blocks))
	seen := map[string]int{}
	remap := func(l int) int {
		if l < 0 {
			return l
		}
		return canon[l]
	}
	// Creation order puts targets before the blocks jumping to them.
	for i, b := range e.blocks {
		b.jt, b.jf = remap(b.jt), remap(b.jf)
		if b.jt == b.jf {
			canon[i] = b.jt
			continue
		}
		key := fmt.Sprintf("%v|%d|%d|%t|%d|%d", b.stmts, b.op, b.k, b.useX, b.jt, b.jf)
		if j, ok := seen[key]; ok {
			canon[i] = j
			continue
		}
		seen[key] = i
		canon[i] = i
	}
	return remap(root)
}

// layout returns the reachable blocks from root in emission order.
func (e *emitter) layout(root int) []int {
	reach := make([]bool, len(e.blocks))
	var mark func(int)
	mark = func(i int) {
		if i < 0 || reach[i] {
			return
		}
		reach[i] = true
		mark(e.blocks[i].jt)
		mark(e.blocks[i].jf)
	}
	mark(root)
	var order []int
	for i := len(e.blocks) - 1; i >= 0; i-- {
		if reach[i] {
			order = append(order, i)
		}
	}
	return order
}

// dropReloads removes a block's leading load when every predecessor
// leaves that same value in A, which the tree form produces for each
// test on a field already loaded ("jeq 0x800 ... jeq 0x86dd"), and a
// leading IPv4 header-length load when X already holds it.
func (e *emitter) dropReloads(order []int, root int) {
	preds := map[int][]int{}
	for _, i := range order {
		b := e.blocks[i]
		preds[b.jt] = append(preds[b.jt], i)
		if b.jf != b.jt {
			preds[b.jf] = append(preds[b.jf], i)
		}
	}
	aout := map[int][]bpf.Instruction{}
	xout := map[int]bpf.Instruction{}
	for _, i := range order {
		b := e.blocks[i]
		var ain []bpf.Instruction
		var xin bpf.Instruction
		if i != root {
			for n, p := range preds[i] {
				if n == 0 {
					ain, xin = aout[p], xout[p]
					continue
				}
				if !slices.Equal(aout[p], ain) {
					ain = nil
				}
				if xout[p] != xin {
					xin = nil
				}
			}
		}
		if hasPrefix(b.stmts, ain) {
			b.stmts = slices.Clone(b.stmts[len(ain):])
		} else if len(b.stmts) > 0 && xin != nil && b.stmts[0] == xin {
			b.stmts = slices.Clone(b.stmts[1:])
		}
		if len(b.stmts) == 0 {
			aout[i] = ain
		} else {
			aout[i] = valueKey(b.stmts)
		}
		xout[i] = xin
		for _, s := range b.stmts {
			switch v := s.(type) {
			case bpf.LoadMemShift:
				xout[i] = v
			case bpf.TAX:
				xout[i] = nil
			case bpf.LoadConstant:
				if v.Dst == bpf.RegX {
					xout[i] = nil
				}
			case bpf.LoadScratch:
				if v.Dst == bpf.RegX {
					xout[i] = nil
				}
			}
		}
	}
}

var errRejectsAll = errors.New("expression rejects all packets")

// assemble lays out the program. Conditional jumps reach at most 255
// instructions; a longer one goes through an unconditional "ja" placed
// right after it.
func (e *emitter) assemble(root int, accept uint32) ([]bpf.Instruction, error) {
	for range 2 {
		if root < 0 {
			break
		}
		e.thread(root)
		root = e.merge(root)
	}
	if root == labReject {
		return nil, errRejectsAll
	}
	if root == labAccept {
		return []bpf.Instruction{bpf.RetConstant{Val: accept}}, nil
	}
	order := e.layout(root)
	e.dropReloads(order, root)

	useAccept, useReject := false, false
	for _, i := range order {
		for _, t := range []int{e.blocks[i].jt, e.blocks[i].jf} {
			useAccept = useAccept || t == labAccept
			useReject = useReject || t == labReject
		}
	}
	if !useAccept {
		return nil, errRejectsAll
	}

	farT := make([]bool, len(e.blocks))
	farF := make([]bool, len(e.blocks))
	pos := make(map[int]int, len(order)+2)
	size := func(i int) int {
		n := len(e.blocks[i].stmts) + 1
		if farT[i] {
			n++
		}
		if farF[i] {
			n++
		}
		return n
	}
	for {
		p := 0
		for _, i := range order {
			pos[i] = p
			p += size(i)
		}
		pos[labAccept] = p
		if useAccept {
			p++
		}
		pos[labReject] = p
		changed := false
		for _, i := range order {
			b := e.blocks[i]
			j := pos[i] + len(b.stmts) // the conditional jump
			if !farT[i] && pos[b.jt]-(j+1) > 255 {
				farT[i], changed = true, true
			}
			if !farF[i] && pos[b.jf]-(j+1) > 255 {
				farF[i], changed = true, true
			}
		}
		if !changed {
			break
		}
	}

	var prog []bpf.Instruction
	for _, i := range order {
		b := e.blocks[i]
		prog = append(prog, b.stmts...)
		j := len(prog) // index of the conditional jump
		tOff, fOff := pos[b.jt]-(j+1), pos[b.jf]-(j+1)
		if farT[i] {
			tOff = 0
		}
		if farF[i] {
			fOff = 0
			if farT[i] {
				fOff = 1
			}
		}
		prog = append(prog, condJump(b, uint8(tOff), uint8(fOff)))
		if farT[i] {
			prog = append(prog, bpf.Jump{Skip: uint32(pos[b.jt] - (len(prog) + 1))})
		}
		if farF[i] {
			prog = append(prog, bpf.Jump{Skip: uint32(pos[b.jf] - (len(prog) + 1))})
		}
	}
	prog = append(prog, bpf.RetConstant{Val: accept})
	if useReject {
		prog = append(prog, bpf.RetConstant{Val: 0})
	}
	return prog, nil
}

func condJump(b *block, t, f uint8) bpf.Instruction {
	cond := [...]bpf.JumpTest{jeq: bpf.JumpEqual, jgt: bpf.JumpGreaterThan, jge: bpf.JumpGreaterOrEqual, jset: bpf.JumpBitsSet}[b.op]
	if b.useX {
		return bpf.JumpIfX{Cond: cond, SkipTrue: t, SkipFalse: f}
	}
	return bpf.JumpIf{Cond: cond, Val: b.k, SkipTrue: t, SkipFalse: f}
}

// disasm renders a program in the style of "tcpdump -d".
func disasm(prog []bpf.RawInstruction) string {
	var sb strings.Builder
	for i, r := range prog {
		fmt.Fprintf(&sb, "(%03d) %s\n", i, rawString(i, r))
	}
	return sb.String()
}

func rawString(pc int, r bpf.RawInstruction) string {
	if r.Op&0x07 == 0x05 && r.Op != 0x05 { // conditional jumps: absolute targets read better
		name := map[uint16]string{0x10: "jeq", 0x20: "jgt", 0x30: "jge", 0x40: "jset"}[r.Op&0xf0]
		arg := fmt.Sprintf("#%#x", r.K)
		if r.Op&0x08 != 0 {
			arg = "x"
		}
		return fmt.Sprintf("%-8s %-16s jt %d\tjf %d", name, arg, pc+1+int(r.Jt), pc+1+int(r.Jf))
	}
	return fmt.Sprint(r.Disassemble())
}
