package diag

import (
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/token"
)

func TestHeader(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: token.Pos{File: "./a.zeek", Line: 3, Col: 1}, Msg: "syntax error, at or near \"}\""},
			`error in ./a.zeek, line 3: syntax error, at or near "}"`},
		{Diagnostic{Severity: Warning, Pos: token.Pos{File: "./a.zeek", Line: 2, Col: 1}, End: token.Pos{File: "./a.zeek", Line: 4}, Msg: "expression value ignored", Expr: "2 + 2"},
			`warning in ./a.zeek, lines 2-4: expression value ignored (2 + 2)`},
		{Diagnostic{Pos: token.Pos{File: "F", Line: 44}, Other: "port", Msg: "type mismatch", Expr: "1003 and port"},
			`error in F, line 44 and port: type mismatch (1003 and port)`},
		{Diagnostic{Severity: Fatal, Msg: "errors occurred while initializing"},
			`fatal error: errors occurred while initializing`},
	}
	for _, tc := range tests {
		if got := tc.d.Header(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

func TestPrintCaret(t *testing.T) {
	src := []byte("event e()\n\t{\n\tlocal x = }\n")
	d := &Diagnostic{Pos: token.Pos{File: "./t.zeek", Line: 3, Col: 12}, Msg: `syntax error, at or near "}"`}
	var b strings.Builder
	d.Print(&b, func(string) []byte { return src })
	want := "error in ./t.zeek, line 3: syntax error, at or near \"}\"\n" +
		"  --> ./t.zeek:3:12\n" +
		"   | \tlocal x = }\n" +
		"   | \t          ^\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestListCounts(t *testing.T) {
	var l List
	l.Warnf(token.Pos{File: "f", Line: 1}, "w")
	if l.HasErrors() {
		t.Fatal("a warning is not an error")
	}
	l.Errorf(token.Pos{File: "f", Line: 2}, "e %d", 1)
	if e, w := l.Count(); e != 1 || w != 1 || !l.HasErrors() {
		t.Fatalf("count %d %d", e, w)
	}
}
