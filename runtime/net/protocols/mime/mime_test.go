package mime

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// part is a Part that writes down what its entity reports, one line
// each, in a log its children share.
type part struct {
	name string
	log  *[]string
	e    *Entity
	kids int
}

func (p *part) logf(format string, a ...any) {
	*p.log = append(*p.log, p.name+" "+fmt.Sprintf(format, a...))
}

func (p *part) Deliver(line []byte, crlf bool) { p.e.Deliver(line, crlf) }
func (p *part) EndOfData()                     { p.e.EndOfData() }
func (p *part) AllHeaders()                    { p.logf("headers done") }
func (p *part) Data(b []byte)                  { p.logf("data %q", b) }
func (p *part) Event(category, detail string)  { p.logf("%s: %s", category, detail) }
func (p *part) EndEntity()                     { p.logf("end") }
func (p *part) Header(h *Header) {
	p.logf("header %q=%q (%d)", h.Name, h.Value, h.Lines)
}

func (p *part) BeginChild() Part {
	p.kids++
	c := &part{name: fmt.Sprintf("%s.%d", p.name, p.kids), log: p.log}
	c.e = NewEntity(c, p.e)
	c.e.ChunkSize, c.e.Quirks = p.e.ChunkSize, p.e.Quirks
	c.logf("begin")
	return c
}

// read feeds an entity the lines of text (each with a line end) and
// ends it; set adjusts the top entity first.
func read(text string, set func(*Entity)) string {
	var log []string
	top := &part{name: "1", log: &log}
	top.e = NewEntity(top, nil)
	if set != nil {
		set(top.e)
	}
	for _, l := range strings.Split(text, "\n") {
		top.Deliver([]byte(l), true)
	}
	top.EndOfData()
	return strings.Join(log, "\n")
}

func check(t *testing.T, got, want string) {
	t.Helper()
	want = strings.TrimSpace(strings.ReplaceAll(want, "\n\t\t", "\n"))
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Folded lines join their header as sent; a folded line with no header
// before it starts one, with an event.
func TestHeaderFolding(t *testing.T) {
	check(t, read(" Lead: x\n\tmore\nSubject: a\n b\n\tc\nno colon here\nTo:\t<d@e>\n\nbody", nil), `
		1 illegal format: first header line starts with linear whitespace
		1 header "Lead"="x\tmore" (2)
		1 header "Subject"="a b\tc" (3)
		1 header "To"="<d@e>" (1)
		1 headers done
		1 data "body\r\n"
		1 end`)
}

// The quirks read a NUL line as a header and a blank first line as the
// start of one.
func TestQuirks(t *testing.T) {
	text := " \n Foo: bar\n\x00: x\n\nbody"
	check(t, read(text, nil), `
		1 illegal format: first header line starts with linear whitespace
		1 illegal format: first header line starts with linear whitespace
		1 header "Foo"="bar" (1)
		1 headers done
		1 data "\r\n"
		1 data "body\r\n"
		1 end`)
	check(t, read(text, func(e *Entity) { e.Quirks = &Quirks{NULHeader: true, BlankHeader: true} }), `
		1 illegal format: first header line starts with linear whitespace
		1 header "Foo"="bar" (2)
		1 headers done
		1 data "body\r\n"
		1 end`)
}

func TestParseHeader(t *testing.T) {
	for _, c := range []struct{ line, name, value string }{
		{"Name: value", "Name", "value"},
		{"Name :\t \vvalue ", "Name", "value "},
		{"(comment) Name (c): v", "Name", "v"},
		{"\x01Name: v", "Name", "v"},
		{"Name:", "Name", ""},
		{"Two words: v", "", ""},
		{": v", "", ""},
		{"no colon", "", ""},
	} {
		h, ok := ParseHeader(c.line)
		if ok != (c.name != "") || h.Name != c.name || h.Value != c.value {
			t.Errorf("ParseHeader(%q) = %q, %q, %v; want %q, %q", c.line, h.Name, h.Value, ok, c.name, c.value)
		}
	}
}

// Content-Type's parameters: quoted values keep their specials and lose
// their escapes; a boundary token may hold every special but the quote.
func TestParameters(t *testing.T) {
	for _, c := range []struct {
		value, boundary string
		events          string
	}{
		{`multipart/mixed; boundary=abc`, "abc", ""},
		{`multipart/mixed;boundary="a;b \"c\""`, `a;b "c"`, ""},
		{`multipart/mixed; charset="x;boundary=no"; boundary=----=_Part/1?`, "----=_Part/1?", ""},
		{`Multipart/Mixed (c); BOUNDARY = (c) "q"`, "q", ""},
		{`multipart/mixed; boundary="b";`, "b", "attribute name not found in parameter specification"},
		{`multipart/mixed; boundary=b;c d`, "b;c", ""},
		{`multipart/mixed; a; boundary=b`, "b", "= not found in parameter specification"},
		// An unclosed quote ends the parameters.
		{`multipart/mixed; a="x; boundary=b`, "", "value not found in parameter specification|boundary delimiter is not specified for a multipart entity -- content is treated as type application/octet-stream"},
		{`multipart/mixed; boundary="b`, "", "Could not parse multipart boundary|boundary delimiter is not specified for a multipart entity -- content is treated as type application/octet-stream"},
		{`text/plain; boundary=b`, "", ""},
		{`text`, "", "media type/subtype not found in content type"},
	} {
		var log []string
		p := &part{name: "1", log: &log}
		p.e = NewEntity(p, nil)
		p.e.noteHeader(&Header{Name: "Content-Type", Value: c.value})
		var events []string
		for _, l := range log {
			events = append(events, strings.TrimPrefix(l, "1 illegal format: "))
		}
		if p.e.Boundary != c.boundary || strings.Join(events, "|") != c.events {
			t.Errorf("%s: boundary %q, events %q; want %q, %q", c.value, p.e.Boundary, events, c.boundary, c.events)
		}
	}
}

func TestMediaType(t *testing.T) {
	var log []string
	p := &part{name: "1", log: &log}
	p.e = NewEntity(p, nil)
	if p.e.Type != "TEXT" || p.e.Subtype != "PLAIN" || p.e.Kind != Leaf {
		t.Errorf("default %s/%s %v", p.e.Type, p.e.Subtype, p.e.Kind)
	}
	p.e.noteHeader(&Header{Name: "content-type", Value: "message/rfc822"})
	if p.e.Type != "MESSAGE" || p.e.Subtype != "RFC822" || p.e.Kind != Message {
		t.Errorf("got %s/%s %v", p.e.Type, p.e.Subtype, p.e.Kind)
	}
	p.e.noteHeader(&Header{Name: "Content-Transfer-Encoding", Value: " (c) Base64"})
	if p.e.Encoding != Base64 {
		t.Errorf("encoding %v", p.e.Encoding)
	}
}

// Base64 groups run across lines; bytes outside the alphabet are
// skipped, padding ends the body, and a partial last group is decoded.
func TestBase64(t *testing.T) {
	check(t, read("Content-Transfer-Encoding: base64\n\naG\nVs bG8s\n*IH\ndvcmx\nk\nZA=\nIGlnbm9yZWQ=", nil), `
		1 header "Content-Transfer-Encoding"="base64" (1)
		1 headers done
		1 data "hello,"
		1 data " wo"
		1 data "rld"
		1 data "d"
		1 end`)
	check(t, read("Content-Transfer-Encoding: base64\n\naGk\n", nil), `
		1 header "Content-Transfer-Encoding"="base64" (1)
		1 headers done
		1 data "hi"
		1 end`)
}

// A soft line break joins lines; escapes decode, bad ones and control
// characters stay with an event; trailing blanks go.
func TestQuotedPrintable(t *testing.T) {
	check(t, read("Content-Transfer-Encoding: quoted-printable\n\na=3Db=\nc=c3=A9  \nbad=4g=\n=\x01x\t", nil), `
		1 header "Content-Transfer-Encoding"="quoted-printable" (1)
		1 headers done
		1 data "a=b"
		1 data "cé\r\n"
		1 illegal encoding: = is not followed by two hexadecimal digits in quoted-printable encoding
		1 data "bad=4g"
		1 illegal encoding: = is not followed by two hexadecimal digits in quoted-printable encoding
		1 illegal encoding: control characters in quoted-printable encoding: 1
		1 data "=\x01x\r\n"
		1 end`)
}

// A multipart body holds parts (one a multipart, one a message); the
// line end before a boundary belongs to it, text outside the boundaries
// is dropped, and a missing closing boundary is an event.
func TestNestedMultipart(t *testing.T) {
	text := strings.Join([]string{
		`Content-Type: multipart/mixed; boundary="outer"`,
		``,
		`preamble`,
		`--outer`,
		``,
		`one`,
		`two`,
		`--outer`,
		`Content-Type: multipart/alternative; boundary=inner`,
		``,
		`--inner`,
		`Content-Transfer-Encoding: base64`,
		``,
		`aGk=`,
		`--inner--`,
		`--outer`,
		`Content-Type: message/rfc822`,
		``,
		`Subject: s`,
		``,
		`mail`,
		`--outer--`,
		`epilogue`,
	}, "\n")
	check(t, read(text, nil), `
		1 header "Content-Type"="multipart/mixed; boundary=\"outer\"" (1)
		1 headers done
		1.1 begin
		1.1 headers done
		1.1 data "one"
		1.1 data "\r\ntwo"
		1.1 end
		1.2 begin
		1.2 header "Content-Type"="multipart/alternative; boundary=inner" (1)
		1.2 headers done
		1.2.1 begin
		1.2.1 header "Content-Transfer-Encoding"="base64" (1)
		1.2.1 headers done
		1.2.1 data "hi"
		1.2.1 end
		1.2 end
		1.3 begin
		1.3 header "Content-Type"="message/rfc822" (1)
		1.3 headers done
		1.3.1 begin
		1.3.1 header "Subject"="s" (1)
		1.3.1 headers done
		1.3.1 data "mail\r\n"
		1.3.1 end
		1.3 end
		1 end`)
	check(t, read("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx", nil), `
		1 header "Content-Type"="multipart/mixed; boundary=b" (1)
		1 headers done
		1.1 begin
		1.1 headers done
		1.1 data "x"
		1 illegal format: multipart closing boundary delimiter missing
		1.1 end
		1 end`)
}

// An entity that ends in its headers takes them as they are.
func TestBodyMissing(t *testing.T) {
	var log []string
	p := &part{name: "1", log: &log}
	p.e = NewEntity(p, nil)
	p.Deliver([]byte("A: b"), true)
	p.EndOfData()
	p.Deliver([]byte("late"), true)
	check(t, strings.Join(log, "\n"), `
		1 header "A"="b" (1)
		1 headers done
		1 illegal format: entity body missing
		1 end`)
}

// ChunkSize cuts a line's data; without it a line's data goes out
// whole.
func TestChunkSize(t *testing.T) {
	check(t, read("\n0123456789", func(e *Entity) { e.ChunkSize = 4 }), `
		1 headers done
		1 data "0123"
		1 data "4567"
		1 data "89\r\n"
		1 end`)
}

func TestASCIIUpper(t *testing.T) {
	for in, want := range map[string]string{"": "", "abc-Z": "ABC-Z", "ÿa\xff": "ÿA\xff", "UP": "UP"} {
		if got := ASCIIUpper(in); got != want {
			t.Errorf("ASCIIUpper(%q) = %q; want %q", in, got, want)
		}
	}
}

// records makes the header record and table types, as the scripts
// declare them.
type records struct{ rec *types.RecordType }

func (r records) Type(name string) types.Type {
	if name == "mime_header_list" && r.rec != nil {
		return types.NewTable(r.rec, types.CountType)
	}
	return nil
}

func (r records) NewRecord(name string) *value.Record {
	if name != "mime_header_rec" || r.rec == nil {
		return nil
	}
	return value.NewRecord(r.rec)
}

func TestHeaderTable(t *testing.T) {
	rec := types.NewRecord("mime_header_rec")
	for _, f := range []string{"original_name", "name", "value"} {
		rec.AddField(&types.Field{Name: f, Type: types.StringType})
	}
	hs := []Header{{Name: "Content-type", Value: "text/plain"}, {Name: "x-é", Value: ""}}
	tab := HeaderTable(records{rec}, hs)
	var rows []string
	for i := uint64(1); i <= 3; i++ {
		if v, ok := tab.Get1(value.Count(i)); ok {
			r := v.P.(*value.Record)
			rows = append(rows, fmt.Sprintf("%d %q %q %q", i, r.Get("original_name").Str(), r.Get("name").Str(), r.Get("value").Str()))
		}
	}
	check(t, strings.Join(rows, "\n"), `
		1 "Content-type" "CONTENT-TYPE" "text/plain"
		2 "x-é" "X-é" ""`)
	if HeaderTable(records{}, hs) != nil {
		t.Error("a table without the record type")
	}
}

func TestTokenIs(t *testing.T) {
	h := Header{Value: " (why) Keep-Alive, Upgrade"}
	if !h.TokenIs("keep-alive") || h.TokenIs("upgrade") || (&Header{}).TokenIs("") {
		t.Errorf("TokenIs on %q", h.Value)
	}
}
