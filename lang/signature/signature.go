// Package signature parses Zeek's signature files (.sig, loaded with
// @load-sigs), the part of the signature language dynamic protocol
// detection uses:
//
//	signature dpd_ssh_server {
//	  ip-proto == tcp
//	  payload /^[sS][sS][hH]-[12]\./
//	  requires-reverse-signature dpd_ssh_client
//	  tcp-state responder
//	  enable "ssh"
//	}
//
// Conditions: ip-proto == tcp|udp (a comma list), payload /PATTERN/,
// tcp-state originator|responder|established (a comma list),
// requires-reverse-signature NAME, and the actions enable "ANALYZER" and
// event "MESSAGE" (parsed; the engine does not raise signature_match
// yet and says so). Anything else of Zeek's language (header tests, src-ip, event,
// requires-signature …) is an error with its position: a signature we
// would silently ignore could start an analyser where Zeek would not.
package signature

import (
	"fmt"
	"strings"

	"github.com/gobro/gobro/lang/token"
)

// Signature is one parsed signature.
type Signature struct {
	Name string
	Pos  token.Pos
	// IPProto lists the transports ("tcp", "udp"); empty means any.
	IPProto []string
	// Payload is the pattern source between the slashes ("" when none).
	Payload    string
	PayloadPos token.Pos
	// TCPState lists the states ("originator", "responder",
	// "established"); empty means any.
	TCPState []string
	// RequiresReverse names the signature that must match the other
	// direction ("" when none).
	RequiresReverse string
	// Enable lists the analysers a match starts (lower-case names).
	Enable []string
	// Event is the message of an event action ("" when none).
	Event string
}

// Error is a syntax error at a position.
type Error struct {
	Pos token.Pos
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Parse parses a signature file; file names it in positions.
func Parse(file string, src []byte) ([]*Signature, error) {
	p := &parser{lx: lexer{file: file, src: string(src), line: 1, col: 1}}
	p.next()
	var out []*Signature
	seen := map[string]bool{}
	for p.tok.kind != tEOF {
		s, err := p.signature()
		if err != nil {
			return nil, err
		}
		if seen[s.Name] {
			return nil, &Error{s.Pos, fmt.Sprintf("signature %s defined twice", s.Name)}
		}
		seen[s.Name] = true
		out = append(out, s)
	}
	return out, nil
}

type parser struct {
	lx  lexer
	tok token_
	err error
}

func (p *parser) next() {
	if p.err == nil {
		p.tok, p.err = p.lx.next()
	}
}

func (p *parser) fail(pos token.Pos, format string, args ...any) error {
	if p.err != nil {
		return p.err
	}
	return &Error{pos, fmt.Sprintf(format, args...)}
}

func (p *parser) expect(k kind, what string) (token_, error) {
	t := p.tok
	if p.err != nil {
		return t, p.err
	}
	if t.kind != k {
		return t, p.fail(t.pos, "expected %s, found %s", what, t)
	}
	p.next()
	return t, nil
}

func (p *parser) signature() (*Signature, error) {
	kw, err := p.expect(tWord, "'signature'")
	if err != nil {
		return nil, err
	}
	if kw.text != "signature" {
		return nil, p.fail(kw.pos, "expected 'signature', found %s", kw)
	}
	name, err := p.expect(tWord, "a signature name")
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tLBrace, "'{'"); err != nil {
		return nil, err
	}
	s := &Signature{Name: name.text, Pos: kw.pos}
	for p.tok.kind != tRBrace {
		if err := p.condition(s); err != nil {
			return nil, err
		}
	}
	p.next()
	return s, p.err
}

// condition parses one condition or action into s.
func (p *parser) condition(s *Signature) error {
	kw, err := p.expect(tWord, "a condition or '}'")
	if err != nil {
		return err
	}
	switch kw.text {
	case "ip-proto":
		if _, err := p.expect(tEq, "'=='"); err != nil {
			return err
		}
		return p.words(&s.IPProto, "tcp", "udp")
	case "payload":
		t, err := p.expect(tPattern, "a /pattern/")
		if err != nil {
			return err
		}
		s.Payload, s.PayloadPos = t.text, t.pos
	case "tcp-state":
		return p.words(&s.TCPState, "originator", "responder", "established")
	case "requires-reverse-signature":
		t, err := p.expect(tWord, "a signature name")
		if err != nil {
			return err
		}
		s.RequiresReverse = t.text
	case "enable":
		t, err := p.expect(tString, "an analyser name in quotes")
		if err != nil {
			return err
		}
		s.Enable = append(s.Enable, strings.ToLower(t.text))
	case "event":
		t, err := p.expect(tString, "a message in quotes")
		if err != nil {
			return err
		}
		s.Event = t.text
	default:
		return p.fail(kw.pos, "unsupported signature condition %q (gobro supports ip-proto, payload, tcp-state, requires-reverse-signature, enable and event)", kw.text)
	}
	return nil
}

// words parses a comma list of the allowed words into *into.
func (p *parser) words(into *[]string, allowed ...string) error {
	for {
		t, err := p.expect(tWord, strings.Join(allowed, ", "))
		if err != nil {
			return err
		}
		ok := false
		for _, a := range allowed {
			ok = ok || t.text == a
		}
		if !ok {
			return p.fail(t.pos, "unsupported value %q (expected %s)", t.text, strings.Join(allowed, ", "))
		}
		*into = append(*into, t.text)
		if p.tok.kind != tComma {
			return nil
		}
		p.next()
	}
}
