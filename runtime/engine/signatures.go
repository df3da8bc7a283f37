package engine

import (
	"fmt"
	"strings"

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
	return payloadPattern{p}, nil
}

// payloadPattern matches an anchored Zeek pattern against payload bytes.
type payloadPattern struct{ p *value.Pattern }

func (m payloadPattern) Match(b []byte) bool { return m.p.MatchAnywhereBytes(b) }
