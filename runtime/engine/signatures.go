package engine

import (
	"bytes"
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gobro/gobro/lang/signature"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/value"
)

// Protocol detection by content: the signatures of the files the scripts
// loaded (@load-sigs) become the analyser manager's signatures. A
// signature that enables an analyser matches its own direction; with
// requires-reverse-signature, the other signature must match the other
// direction too. Which direction is which comes from tcp-state
// (originator, responder) on either signature; without it both
// assignments are tried, as Zeek matches either way.

// addSignatures gives m the loaded signatures. Mistakes Zeek reports at
// startup (an unknown analyser or reverse signature, a pattern that does
// not compile) are reporter errors, and that signature is dropped.
func (e *Engine) addSignatures(m *analyzer.Manager) {
	byName := map[string]*signature.Signature{}
	for _, s := range e.chk.Signatures {
		byName[s.Name] = s
	}
	for _, s := range e.chk.Signatures {
		if s.Event != "" {
			e.reporter("warning", "", fmt.Sprintf("%s, line %d", s.Pos.File, s.Pos.Line),
				fmt.Sprintf("signature %s: event actions are not supported (no signature_match); it only enables analysers", s.Name))
		}
		for _, name := range s.Enable {
			if err := addSignature(m, s, byName, strings.ToUpper(name)); err != nil {
				e.reporter("error", "", fmt.Sprintf("%s, line %d", s.Pos.File, s.Pos.Line), err.Error())
			}
		}
	}
}

func addSignature(m *analyzer.Manager, s *signature.Signature, byName map[string]*signature.Signature, name string) error {
	if analyzer.Lookup(name) == nil {
		return fmt.Errorf("signature %s enables unknown analyzer %q", s.Name, strings.ToLower(name))
	}
	own, err := matcher(s)
	if err != nil {
		return err
	}
	var rev *signature.Signature
	var other analyzer.Matcher
	if s.RequiresReverse != "" {
		if rev = byName[s.RequiresReverse]; rev == nil {
			return fmt.Errorf("signature %s requires unknown signature %s", s.Name, s.RequiresReverse)
		}
		if other, err = matcher(rev); err != nil {
			return err
		}
	}
	if own == nil && other == nil {
		return fmt.Errorf("signature %s enables %s but matches no payload", s.Name, strings.ToLower(name))
	}
	tr := transports(s)
	if rev != nil && tr == 0 {
		tr = transports(rev)
	}
	ownOrig, ownResp := sides(s)
	if rev != nil {
		revOrig, revResp := sides(rev)
		// Each side of the pair is the other's reverse.
		ownOrig, ownResp = ownOrig && revResp, ownResp && revOrig
	}
	if ownOrig {
		m.AddSignature(name, analyzer.Signature{Orig: own, Resp: other, Transports: tr})
	}
	if ownResp {
		m.AddSignature(name, analyzer.Signature{Orig: other, Resp: own, Transports: tr})
	}
	return nil
}

// sides says in which directions a signature may match, by its tcp-state.
func sides(s *signature.Signature) (orig, resp bool) {
	if len(s.TCPState) == 0 {
		return true, true
	}
	for _, st := range s.TCPState {
		switch st {
		case "originator":
			orig = true
		case "responder":
			resp = true
		default: // established: either direction
			orig, resp = true, true
		}
	}
	return orig, resp
}

func transports(s *signature.Signature) analyzer.Transport {
	var tr analyzer.Transport
	for _, p := range s.IPProto {
		if p == "tcp" {
			tr |= analyzer.TCP
		} else {
			tr |= analyzer.UDP
		}
	}
	return tr
}

// matcher compiles a signature's payload pattern (nil when it has none).
// Zeek anchors payload patterns at the start of the payload (hence the
// /.*root/ of its documentation), so the pattern matches a prefix.
func matcher(s *signature.Signature) (analyzer.Matcher, error) {
	if s.Payload == "" {
		return nil, nil
	}
	p, err := value.NewPattern("^("+strings.TrimPrefix(s.Payload, "^")+")", false, false)
	if err == nil {
		err = p.Compile()
	}
	if err != nil {
		return nil, fmt.Errorf("signature %s: bad payload pattern: %v", s.Name, err)
	}
	lits := requiredLiterals(p.GoSyntax())
	m := &payloadPattern{p: p, lits: lits, strong: weakest(lits) >= 2, span: 1}
	for _, lit := range lits {
		m.span = max(m.span, len(lit))
		m.starts[lit[0]] = true
		m.starts[upperASCII(lit[0])] = true
	}
	return m, nil
}

// payloadPattern matches an anchored Zeek pattern against payload bytes.
// Every connection's first bytes are tried against every signature, most
// of which fail: lits, literals one of which any match contains (lower
// case), rejects those without running the regexp.
type payloadPattern struct {
	p    *value.Pattern
	lits [][]byte
	// strong says no member of lits is a single byte. Only then does
	// Match check them first: a space or a colon is in most payloads.
	// The detection buffer uses weak ones too, looking for them in new
	// bytes only (analyzer.Screened). span is the longest member's
	// length, starts their first bytes in both cases.
	strong bool
	span   int
	starts [256]bool
}

func (m *payloadPattern) Match(b []byte) bool {
	if m.strong && !containsAnyFold(b, m.lits) {
		return false
	}
	return m.p.MatchAnywhereBytes(b)
}

func (m *payloadPattern) Screened(b []byte) bool {
	if m.lits == nil {
		return true
	}
	if len(b) > 64 {
		return containsAnyFold(b, m.lits)
	}
	// A few new bytes, as most deliveries screened bring: a look at
	// each beats a search per member.
	for i, c := range b {
		if !m.starts[c] {
			continue
		}
		for _, lit := range m.lits {
			if hasPrefixFold(b[i:], lit) {
				return true
			}
		}
	}
	return false
}

func (m *payloadPattern) Span() int { return m.span }

// hasPrefixFold reports whether b starts with lit (lower case),
// ignoring ASCII case.
func hasPrefixFold(b, lit []byte) bool {
	if len(b) < len(lit) {
		return false
	}
	for j, c := range lit {
		if lowerASCII(b[j]) != c {
			return false
		}
	}
	return true
}

// containsAnyFold reports whether b contains one of lits (lower case),
// ignoring ASCII case.
func containsAnyFold(b []byte, lits [][]byte) bool {
	return slices.ContainsFunc(lits, func(lit []byte) bool { return containsFold(b, lit) })
}

// requiredLiterals are ASCII strings (lower case) one of which every
// match of the Go regexp re contains, ignoring case; nil when there is
// no such set. Only what a match cannot avoid counts: the parts of a
// concatenation, the body of a + or of a repeat of at least one, and
// each branch of an alternation (which makes a set); optional parts and
// classes wider than one letter in both cases end a literal.
func requiredLiterals(re string) [][]byte {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return nil
	}
	return required(t.Simplify())
}

// weakest is the length of a set's shortest member (0 for no set): a
// set rejects no better than that.
func weakest(set [][]byte) int {
	if len(set) == 0 {
		return 0
	}
	n := len(set[0])
	for _, b := range set[1:] {
		n = min(n, len(b))
	}
	return n
}

// required returns the most selective set of literals one of which
// every match of t contains.
func required(t *syntax.Regexp) [][]byte {
	switch t.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return required(t.Sub[0])
		}
	case syntax.OpAlternate:
		var set [][]byte
		for _, sub := range t.Sub {
			alt := required(sub)
			if alt == nil {
				return nil // this branch needs nothing
			}
			set = append(set, alt...)
		}
		return set
	case syntax.OpConcat:
		var best [][]byte
		var run []byte
		keep := func(set [][]byte) {
			if weakest(set) > weakest(best) {
				best = set
			}
		}
		for _, sub := range t.Sub {
			if lit, ok := literalOf(sub); ok {
				run = append(run, lit...)
				continue
			}
			if run != nil {
				keep([][]byte{run})
			}
			run = nil
			keep(required(sub))
		}
		if run != nil {
			keep([][]byte{run})
		}
		return best
	case syntax.OpLiteral:
		// Its longest ASCII run, when it has other characters.
		var best, run []byte
		for _, r := range t.Rune {
			if r >= utf8.RuneSelf {
				run = nil
				continue
			}
			run = append(run, lowerASCII(byte(r)))
			if len(run) > len(best) {
				best = run
			}
		}
		if best != nil {
			return [][]byte{best}
		}
	default:
		if lit, ok := literalOf(t); ok {
			return [][]byte{lit}
		}
	}
	return nil
}

// literalOf is t as a lower-case ASCII literal when t matches exactly
// that text ignoring case: a literal, a capture of one, or a class of
// one character in one or both cases.
func literalOf(t *syntax.Regexp) ([]byte, bool) {
	switch t.Op {
	case syntax.OpCapture:
		return literalOf(t.Sub[0])
	case syntax.OpLiteral:
		var b []byte
		for _, r := range t.Rune {
			if r >= utf8.RuneSelf {
				return nil, false
			}
			b = append(b, lowerASCII(byte(r)))
		}
		return b, true
	case syntax.OpCharClass:
		// Ranges come in [lo, hi] pairs: [Uu] is "UUuu".
		rs := t.Rune
		if len(rs) == 2 && rs[0] == rs[1] && rs[0] < utf8.RuneSelf {
			return []byte{lowerASCII(byte(rs[0]))}, true
		}
		if len(rs) == 4 && rs[0] == rs[1] && rs[2] == rs[3] && rs[2] < utf8.RuneSelf &&
			lowerASCII(byte(rs[0])) == lowerASCII(byte(rs[2])) {
			return []byte{lowerASCII(byte(rs[0]))}, true
		}
	}
	return nil, false
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsFold reports whether b contains lit (lower case) ignoring
// ASCII case. Candidates are found with IndexByte, for the first byte in
// each case, so a payload without them is passed over at memory speed.
func containsFold(b, lit []byte) bool {
	lo, up := lit[0], upperASCII(lit[0])
	nextLo, nextUp := -1, -1 // next candidate of each case at or after i, -1: search
	for i := 0; i+len(lit) <= len(b); {
		if nextLo < i {
			if nextLo = bytes.IndexByte(b[i:], lo); nextLo >= 0 {
				nextLo += i
			} else {
				nextLo = len(b)
			}
		}
		if nextUp < i {
			if nextUp = bytes.IndexByte(b[i:], up); nextUp >= 0 {
				nextUp += i
			} else {
				nextUp = len(b)
			}
		}
		i = min(nextLo, nextUp)
		if i+len(lit) > len(b) {
			return false
		}
		j := 1
		for j < len(lit) && lowerASCII(b[i+j]) == lit[j] {
			j++
		}
		if j == len(lit) {
			return true
		}
		i++
	}
	return false
}
