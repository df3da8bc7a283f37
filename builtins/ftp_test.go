package builtins

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// ftpCtx adds init-bare's ftp_port to the test context.
type ftpCtx struct{ fakeCtx }

var ftpPortType = func() *types.RecordType {
	rt := types.NewRecord("ftp_port")
	rt.AddField(&types.Field{Name: "h", Type: types.AddrType})
	rt.AddField(&types.Field{Name: "p", Type: types.PortType})
	rt.AddField(&types.Field{Name: "valid", Type: types.BoolType})
	return rt
}()

func (c *ftpCtx) Type(name string) types.Type {
	if name == "ftp_port" {
		return ftpPortType
	}
	return c.fakeCtx.Type(name)
}

// ftpPortString prints an ftp_port as "h p valid".
func ftpPortString(v value.Value) string {
	r := v.P.(*value.Record)
	return fmt.Sprintf("%s %d %v", r.Get("h").Addr(), r.Get("p").PortNum(), r.Get("valid").Bool())
}

func TestParseFTPPort(t *testing.T) {
	for _, tc := range []struct{ fn, in, want string }{
		{"parse_ftp_port", "10,0,0,1,4,31", "10.0.0.1 1055 true"},
		{"parse_ftp_port", " 10, 0,+0,1,4,31 trailing", "10.0.0.1 1055 true"},
		{"parse_ftp_port", "10,0,0,1,4,256", "0.0.0.0 0 false"},
		{"parse_ftp_port", "10,0,0,1,4", "0.0.0.0 0 false"},
		{"parse_ftp_port", "1,2,3,4,5,6", "1.2.3.4 1286 true"},
		{"parse_ftp_port", "0,0,0,0,0", "0.0.0.0 0 false"}, // shorter than 11
		{"parse_ftp_port", "10 ,0,0,1,4,31", "0.0.0.0 0 false"},
		{"parse_ftp_port", "10,0,0,1,4,31\x00x", "10.0.0.1 1055 true"},
		{"parse_eftp_port", "|1|10.0.0.1|1055|", "10.0.0.1 1055 true"},
		{"parse_eftp_port", " |2|2001:db8::1|49189|", "2001:db8::1 49189 true"},
		{"parse_eftp_port", "!2!::1!99999!", "::1 0 false"},
		{"parse_eftp_port", "|2|not-an-addr|21|", ":: 21 false"},
		{"parse_eftp_port", "|x|10.0.0.1|21|", ":: 10 false"},      // the protocol's field eats one byte
		{"parse_eftp_port", "|1x10.0.0.1|21|", "10.0.0.1 21 true"}, // a good address overrides
		{"parse_eftp_port", "|||21|", ":: 21 true"},
		{"parse_eftp_port", "|1|10.0.0.1", "10.0.0.1 0 true"},
		{"parse_eftp_port", "", ":: 0 false"},
		{"parse_ftp_pasv", "Entering Passive Mode (192,168,1,2,156,64).", "192.168.1.2 40000 true"},
		{"parse_ftp_pasv", "Entering Passive Mode 192,168,1,2,156,64", "192.168.1.2 40000 true"},
		{"parse_ftp_pasv", "PORT 192,168,1,2,156,64", "192.168.1.2 40000 true"},
		{"parse_ftp_pasv", "PORT", "0.0.0.0 0 false"},
		{"parse_ftp_pasv", "", "0.0.0.0 0 false"},
		{"parse_ftp_pasv", "nothing here", "0.0.0.0 0 false"},
		{"parse_ftp_epsv", "Entering Extended Passive Mode (|||57086|)", ":: 57086 true"},
		{"parse_ftp_epsv", "Entering Extended Passive Mode", ":: 0 false"},
		{"parse_ftp_epsv", "x (|||70000|)", ":: 0 false"},
	} {
		got, err := call(t, &ftpCtx{}, tc.fn, S(tc.in))
		if err != nil {
			t.Errorf("%s(%q): %v", tc.fn, tc.in, err)
			continue
		}
		if s := ftpPortString(got); s != tc.want {
			t.Errorf("%s(%q) = %s, want %s", tc.fn, tc.in, s, tc.want)
		}
	}
}

func TestFmtFTPPort(t *testing.T) {
	ctx := &ftpCtx{}
	got, _ := call(t, ctx, "fmt_ftp_port", value.Addr(netip.MustParseAddr("10.0.0.1")), value.Port(1055, value.ProtoTCP))
	if got.Str() != "10,0,0,1,4,31" {
		t.Errorf("fmt_ftp_port = %q", got.Str())
	}
	got, _ = call(t, ctx, "fmt_ftp_port", value.Addr(netip.MustParseAddr("::1")), value.Port(21, value.ProtoTCP))
	if got.Str() != "" || len(ctx.reports) != 1 {
		t.Errorf("fmt_ftp_port(::1) = %q, reports %q", got.Str(), ctx.reports)
	}
}
