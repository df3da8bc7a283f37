package lexer

import (
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
)

// render lexes src and renders each token as Kind:text.
func render(t *testing.T, src string) (string, *diag.List) {
	t.Helper()
	d := &diag.List{}
	var parts []string
	for _, tok := range All("t.zeek", []byte(src), d) {
		if tok.EOF() {
			break
		}
		parts = append(parts, token.Kind(tok.Type).String()+":"+tok.Value)
	}
	return strings.Join(parts, " "), d
}

func TestTokens(t *testing.T) {
	tests := []struct{ src, want string }{
		{"42 0xff 1.5 .5 1e3 1.5e-3 2.", "Count:42 Count:0xff Double:1.5 Double:.5 Double:1e3 Double:1.5e-3 Double:2."},
		{"15sec 1 day 2hrs -1 min 0.5 secs 3usec 10msecs", "Interval:15sec Interval:1 day Interval:2hrs Punct:- Interval:1 min Interval:0.5 secs Interval:3usec Interval:10msecs"},
		{"80/tcp 53/udp 8/icmp 0/unknown", "Port:80/tcp Port:53/udp Port:8/icmp Port:0/unknown"},
		{"10.0.0.1 10.0.0.0/8 [::1] [2001:db8::]/32 [::ffff:1.2.3.4]", "Addr:10.0.0.1 Subnet:10.0.0.0/8 Addr:[::1] Subnet:[2001:db8::]/32 Addr:[::ffff:1.2.3.4]"},
		{`"a\"b" "x\ty"`, `String:"a\"b" String:"x\ty"`},
		{"x = /fo\\/o/i;", "Ident:x Punct:= Pattern:/fo\\/o/i Punct:;"},
		{"a / b", "Ident:a Punct:/ Ident:b"},
		{"f(x) / 2", "Ident:f Punct:( Ident:x Punct:) Punct:/ Count:2"},
		{"Intel::ADDR ::x GLOBAL::y", "Ident:Intel::ADDR Ident:::x Ident:GLOBAL::y"},
		{"x?$y r$f !in in", "Ident:x Punct:?$ Ident:y Ident:r Punct:$ Ident:f Keyword:!in Keyword:in"},
		{"a &default=5 &log b&c &&", "Ident:a Attr:&default Punct:= Count:5 Attr:&log Ident:b Punct:& Ident:c Punct:&&"},
		{"++ -- += -= == != <= >= || << >> ...", "Punct:++ Punct:-- Punct:+= Punct:-= Punct:== Punct:!= Punct:<= Punct:>= Punct:|| Punct:<< Punct:>> Punct:..."},
		{"v[1:2] t[a, b]", "Ident:v Punct:[ Count:1 Punct:: Count:2 Punct:] Ident:t Punct:[ Ident:a Punct:, Ident:b Punct:]"},
		{"local x = 1; # comment\nprint x;", "Keyword:local Ident:x Punct:= Count:1 Punct:; Keyword:print Ident:x Punct:;"},
		{"@load base/utils/site # why\n@load-sigs ./x", "Directive:@load base/utils/site Directive:@load-sigs ./x"},
		{"@FILENAME", `String:"t.zeek"`},
		{"5 minutes", "Count:5 Ident:minutes"},
		{"secure", "Ident:secure"},
		// Forms Zeek's scanner accepts that real scripts use.
		{"a ! in b !\tin c ! inx", "Ident:a Keyword:!in Ident:b Keyword:!in Ident:c Punct:! Ident:inx"},
		{"/a.b/s, /x/is, /y/si, /z/ss, /w/sx", "Pattern:/a.b/s Punct:, Pattern:/x/is Punct:, Pattern:/y/si Punct:, Pattern:/z/ Ident:ss Punct:, Pattern:/w/ Ident:sx"},
		{"[0xaaaa::bbbb] [0x1::]/16 [0x1:2:3]", "Addr:[0xaaaa::bbbb] Subnet:[0x1::]/16 Punct:[ Count:0x1 Punct:: Count:2 Punct:: Count:3 Punct:]"},
		{"10.0.0.0 / 8 [::1] /128 1.2.3.4 / x", "Subnet:10.0.0.0 / 8 Subnet:[::1] /128 Addr:1.2.3.4 Punct:/ Ident:x"},
		{"1.e3 2.E-1", "Double:1.e3 Double:2.E-1"},
	}
	for _, tc := range tests {
		got, d := render(t, tc.src)
		if got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
		if len(d.Items) > 0 {
			t.Errorf("%q: unexpected diagnostics: %v", tc.src, d.Items[0])
		}
	}
}

func TestLexErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"\"abc\nx", "error in t.zeek, line 1: unterminated string literal"},
		{"x = /abc\n", "error in t.zeek, line 1: unterminated pattern literal"},
		{"x = `", "error in t.zeek, line 1: unrecognized character - `"},
		{"print www.example.com;", `error in t.zeek, line 1: host name literals are not supported, use lookup_hostname("www.example.com") (www.example.com)`},
		{"\"a\x00b\"", "fatal error in t.zeek, line 1: strings cannot contain NUL bytes - use a \\x00 escape sequence instead"},
		{"@if ( T )\nprint 1;\n", "error in t.zeek, line 1: unterminated @if (missing @endif)"},
		{"@endif", "error in t.zeek, line 1: @endif without @if"},
		{"@else", "error in t.zeek, line 1: @else without @if"},
	}
	for _, tc := range tests {
		_, d := render(t, tc.src)
		if len(d.Items) == 0 {
			t.Errorf("%q: no error, want %s", tc.src, tc.want)
			continue
		}
		if got := d.Items[0].Header(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

type fixedHooks map[string]bool

func (h fixedHooks) Cond(kind string, _ token.Pos, toks []Token) bool {
	var parts []string
	for _, t := range toks {
		parts = append(parts, t.Value)
	}
	return h[kind+" "+strings.Join(parts, " ")]
}

func TestConditionals(t *testing.T) {
	src := `
@if ( A )
a1
@if ( B )
b1
@else
b2
@endif
@else
a2
@endif
@ifdef ( X )
x1
@endif
@ifndef ( Y )
y1
@else
y2
@endif
end`
	tests := []struct {
		hooks fixedHooks
		want  string
	}{
		{fixedHooks{"if A": true, "if B": true}, "a1 b1 y2 end"},
		{fixedHooks{"if A": true}, "a1 b2 y2 end"},
		{fixedHooks{"if B": true, "ifdef X": true, "ifndef Y": true}, "a2 x1 y1 end"},
	}
	for i, tc := range tests {
		l := New("t.zeek", []byte(src), nil, tc.hooks)
		var got []string
		for {
			tok, _ := l.Next()
			if tok.EOF() {
				break
			}
			got = append(got, tok.Value)
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("case %d: got %q want %q", i, s, tc.want)
		}
	}
}

func TestPositions(t *testing.T) {
	toks := All("t.zeek", []byte("a\n\tbb  c"), nil)
	want := [][2]int{{1, 1}, {2, 2}, {2, 6}}
	for i, w := range want {
		if toks[i].Pos.Line != w[0] || toks[i].Pos.Column != w[1] {
			t.Errorf("token %d at %d:%d, want %d:%d", i, toks[i].Pos.Line, toks[i].Pos.Column, w[0], w[1])
		}
	}
}

func BenchmarkLexer(b *testing.B) {
	src := []byte(strings.Repeat("event foo(c: connection) &priority=5 { local x = c$id$orig_h; if ( x in 10.0.0.0/8 ) print fmt(\"%s %d\", x, 42); }\n", 1000))
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		l := New("b.zeek", src, nil, nil)
		for {
			t, _ := l.Next()
			if t.EOF() {
				break
			}
		}
	}
}
