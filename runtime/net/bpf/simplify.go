package bpf

import "fmt"

// simplify factors common guards out of "or" chains before code is
// laid out. "port 1 or port 2" is, per alternative, "IPv4 and protocol
// and first fragment and ports, or IPv6 and ...". Grouping the IPv4
// alternatives and the IPv6 alternatives and testing each guard once
// keeps long port and host lists short, which matters for the kernel's
// 4096-instruction limit.
//
// Two rewrites are used, both exact, including which load fails first
// on a short packet:
//
//   - (G and A) or (G and B) becomes G and (A or B) for adjacent
//     alternatives: G is evaluated once instead of twice, and its second
//     evaluation could only repeat the first one's result.
//   - adjacent alternatives swap when their first tests compare the same
//     value with disjoint constants ("EtherType is IPv4" and "EtherType
//     is IPv6"): at most one of them gets past that test, which loads
//     the same bytes for both.
func simplify(n node) node {
	switch v := n.(type) {
	case orNode:
		alts := orList(n, nil)
		for i := range alts {
			alts[i] = simplify(alts[i])
		}
		return factorOr(flattenOr(alts))
	case andNode:
		parts := andList(n, nil)
		for i := range parts {
			parts[i] = simplify(parts[i])
		}
		return and(parts...)
	case notNode:
		return not(simplify(v.a))
	}
	return n
}

func orList(n node, out []node) []node {
	if o, ok := n.(orNode); ok {
		return orList(o.b, orList(o.a, out))
	}
	return append(out, n)
}

func andList(n node, out []node) []node {
	if a, ok := n.(andNode); ok {
		return andList(a.b, andList(a.a, out))
	}
	return append(out, n)
}

func flattenOr(alts []node) []node {
	var out []node
	for _, a := range alts {
		out = orList(a, out)
	}
	return out
}

// alt is an alternative split into its first conjunct and the rest.
type alt struct {
	n     node
	first node
	key   string // structural key of first
	set   valueSet
	rest  []node
}

func splitAlt(n node) alt {
	parts := andList(n, nil)
	return alt{n: n, first: parts[0], key: nodeKey(parts[0]), set: valueSetOf(parts[0]), rest: parts[1:]}
}

func factorOr(nodes []node) node {
	if len(nodes) < 2 {
		return or(nodes...)
	}
	// Move each alternative up behind the last one with the same first
	// conjunct, if it may pass everything in between.
	var alts []alt
	for _, n := range nodes {
		a := splitAlt(n)
		at := len(alts)
		for j := len(alts) - 1; j >= 0; j-- {
			if alts[j].key == a.key {
				at = j + 1
				break
			}
			if !a.set.disjoint(alts[j].set) {
				break
			}
		}
		alts = append(alts, alt{})
		copy(alts[at+1:], alts[at:])
		alts[at] = a
	}
	// Merge runs sharing a first conjunct (each with something after it).
	var out []node
	for i := 0; i < len(alts); {
		j := i + 1
		for j < len(alts) && alts[j].key == alts[i].key && len(alts[j].rest) > 0 && len(alts[i].rest) > 0 {
			j++
		}
		if j == i+1 {
			out = append(out, alts[i].n)
			i++
			continue
		}
		var rests []node
		for _, a := range alts[i:j] {
			rests = append(rests, and(a.rest...))
		}
		out = append(out, and(alts[i].first, factorOr(flattenOr(rests))))
		i = j
	}
	return or(out...)
}

// valueSet describes a test "value is one of consts"; stmts names the
// value. A zero valueSet is disjoint from nothing.
type valueSet struct {
	stmts  string
	consts []uint32
}

func valueSetOf(n node) valueSet {
	switch v := n.(type) {
	case *testNode:
		if v.op == jeq && !v.useX && pureValue(v.stmts) {
			return valueSet{fmt.Sprint(v.stmts), []uint32{v.k}}
		}
	case orNode:
		a, b := valueSetOf(v.a), valueSetOf(v.b)
		if a.stmts != "" && a.stmts == b.stmts {
			return valueSet{a.stmts, append(append([]uint32(nil), a.consts...), b.consts...)}
		}
	}
	return valueSet{}
}

func (s valueSet) disjoint(o valueSet) bool {
	if s.stmts == "" || s.stmts != o.stmts {
		return false
	}
	for _, a := range s.consts {
		for _, b := range o.consts {
			if a == b {
				return false
			}
		}
	}
	return true
}

// nodeKey is a structural description of n: equal keys mean the same
// code.
func nodeKey(n node) string {
	switch v := n.(type) {
	case constNode:
		return fmt.Sprint(bool(v))
	case andNode:
		return "and(" + nodeKey(v.a) + "," + nodeKey(v.b) + ")"
	case orNode:
		return "or(" + nodeKey(v.a) + "," + nodeKey(v.b) + ")"
	case notNode:
		return "not(" + nodeKey(v.a) + ")"
	case *testNode:
		return fmt.Sprintf("test(%v|%d|%d|%t)", v.stmts, v.op, v.k, v.useX)
	}
	return "?"
}
