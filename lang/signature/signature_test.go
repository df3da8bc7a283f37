package signature

import (
	"fmt"
	"testing"
)

const dpd = `# two halves of one protocol
signature dpd_x_client {
  ip-proto == tcp
  payload /^HELO [a-z]+\/x/
  tcp-state originator
}

signature dpd_x_server {
  ip-proto == tcp, udp   # either
  payload /^250 /
  requires-reverse-signature dpd_x_client
  tcp-state responder
  enable "X"
  event "x server"
}
`

func TestParse(t *testing.T) {
	sigs, err := Parse("dpd.sig", []byte(dpd))
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, s := range sigs {
		got += fmt.Sprintf("%s@%d:%d proto=%v payload=%q@%d:%d state=%v rev=%q enable=%v event=%q\n",
			s.Name, s.Pos.Line, s.Pos.Col, s.IPProto, s.Payload, s.PayloadPos.Line, s.PayloadPos.Col, s.TCPState, s.RequiresReverse, s.Enable, s.Event)
	}
	want := `dpd_x_client@2:1 proto=[tcp] payload="^HELO [a-z]+\\/x"@4:11 state=[originator] rev="" enable=[] event=""
dpd_x_server@8:1 proto=[tcp udp] payload="^250 "@10:11 state=[responder] rev="dpd_x_client" enable=[x] event="x server"
`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"signature a {\n  dst-port == 80\n}", `f.sig:2:3: unsupported signature condition "dst-port" (gobro supports ip-proto, payload, tcp-state, requires-reverse-signature, enable and event)`},
		{"signature a {\n  ip-proto == icmp\n}", `f.sig:2:15: unsupported value "icmp" (expected tcp, udp)`},
		{"signature a {\n  payload /abc\n}", `f.sig:2:11: unterminated pattern`},
		{"signature a {\n  enable x\n}", `f.sig:2:10: expected an analyser name in quotes, found 'x'`},
		{"signature a {\n  payload /a/\n", `f.sig:3:1: expected a condition or '}', found end of file`},
		{"sig a {}", `f.sig:1:1: expected 'signature', found 'sig'`},
		{"signature a {}\nsignature a {}", `f.sig:2:1: signature a defined twice`},
		{"signature a { enable \"x }", `f.sig:1:22: unterminated string`},
		{"signature a { ! }", `f.sig:1:15: unexpected character '!'`},
	} {
		_, err := Parse("f.sig", []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}
