package broker

import (
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func jsonText(d Data) string { return string(AppendJSON(nil, d)) }

// TestJSONRender checks every kind's output byte for byte.
func TestJSONRender(t *testing.T) {
	bigReal := "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"
	cases := []struct {
		d    Data
		want string // the "data" part
	}{
		{None{}, `{}`},
		{Bool(true), `true`},
		{Bool(false), `false`},
		{Count(0), `0`},
		{Count(math.MaxUint64), `18446744073709551615`},
		{Integer(-7), `-7`},
		{Integer(math.MinInt64), `-9223372036854775808`},
		{Real(1.5), `1.500000`},
		{Real(0.1), `0.100000`},
		{Real(-7.5), `-7.500000`},
		{Real(3), `3.000000`},
		{Real(1e300), bigReal},
		{Real(math.Copysign(0, -1)), `-0.000000`},
		{Real(1e-7), `0.000000`},
		{Real(-1e-10), `-0.000000`},
		{Real(5e-324), `0.000000`},
		{Real(0.0078125), `0.007812`}, // an exact tie rounds to even, as glibc does
		{Real(1234567.8901234), `1234567.890123`},
		{Real(math.NaN()), `nan`},
		{Real(math.Copysign(math.NaN(), -1)), `-nan`},
		{Real(math.Inf(1)), `inf`},
		{Real(math.Inf(-1)), `-inf`},
		{String(""), `""`},
		{String("a\\b\"c\bd\fe\nf\rg\th\vi/j"), `"a\\b\"c\bd\fe\nf\rg\th\vi/j"`},
		{String("\x00\x01\x1f\x7f\xff é"), "\"\x00\x01\x1f\x7f\xff é\""},
		{Enum("Broker::SQLITE"), `"Broker::SQLITE"`},
		{mustAddr("192.168.99.9"), `"192.168.99.9"`},
		{mustAddr("::ffff:192.168.99.9"), `"192.168.99.9"`},
		{mustAddr("2001:db8::"), `"2001:db8::"`},
		{mustAddr("::1"), `"::1"`},
		{mustAddr("::"), `"::"`},
		{mustAddr("::1.2.3.4"), `"::102:304"`},
		{mustAddr("::ffff:0:1.2.3.4"), `"::ffff:0:102:304"`},
		{mustAddr("1:0:0:2:0:0:0:3"), `"1:0:0:2::3"`},
		{mustAddr("1:0:0:2:0:0:3:4"), `"1::2:0:0:3:4"`},
		{mustAddr("2001:db8:0:1:1:1:1:1"), `"2001:db8:0:1:1:1:1:1"`},
		{mustSubnet("10.1.2.3/8"), `"10.0.0.0/8"`},
		{mustSubnet("0.0.0.0/0"), `"0.0.0.0/0"`},
		{mustSubnet("2001:db8::/32"), `"2001:db8::/32"`},
		{mustSubnet("::/0"), `"::/0"`},
		{Port{8080, ProtoTCP}, `"8080/tcp"`},
		{Port{53, ProtoUDP}, `"53/udp"`},
		{Port{8, ProtoICMP}, `"8/icmp"`},
		{Port{0, ProtoUnknown}, `"0/?"`},
		{Port{1, Protocol(7)}, `"1/?"`},
		{Timestamp(1649574000e9), `"2022-04-10T07:00:00.000"`},
		{Timestamp(1649574000999999999), `"2022-04-10T07:00:00.999"`},
		{Timestamp(1649574000001000000), `"2022-04-10T07:00:00.001"`},
		{Timestamp(0), `"1970-01-01T00:00:00.000"`},
		{Timestamp(-1), `"1969-12-31T23:59:59.999"`},
		{Timestamp(-1e6), `"1969-12-31T23:59:59.999"`},
		{Timestamp(-1e6 - 1), `"1969-12-31T23:59:59.998"`},
		{Timestamp(-1e9), `"1969-12-31T23:59:59.000"`},
		{Timestamp(math.MinInt64), `"1677-09-21T00:12:43.145"`},
		{Timestamp(math.MaxInt64), `"2262-04-11T23:47:16.854"`},
		{Timespan(1500e6), `"1500ms"`},
		{Timespan(2e9), `"2s"`},
		{Timespan(1), `"1ns"`},
		{Timespan(0), `"0s"`},
		{Timespan(90e9), `"90s"`},
		{Timespan(60e9), `"60s"`},
		{Timespan(3600e9), `"3600s"`},
		{Timespan(1e3), `"1us"`},
		{Timespan(1500), `"1500ns"`},
		{Timespan(-2e9), `"-2s"`},
		{Timespan(-1500e3), `"-1500us"`},
		{Timespan(math.MinInt64), `"-9223372036854775808ns"`},
		{NewSet(), `[]`},
		{NewSet(Count(3), String("a"), Count(1)),
			`[{"@data-type":"count","data":1},{"@data-type":"count","data":3},{"@data-type":"string","data":"a"}]`},
		{NewTable(), `[]`},
		{NewTable(TableEntry{String("b"), None{}}, TableEntry{String("a"), Bool(true)}),
			`[{"key":{"@data-type":"string","data":"a"},"value":{"@data-type":"boolean","data":true}},` +
				`{"key":{"@data-type":"string","data":"b"},"value":{"@data-type":"none","data":{}}}]`},
		{Vector{}, `[]`},
		{Vector(nil), `[]`},
		{Vector{Count(2), Vector{Integer(-1)}},
			`[{"@data-type":"count","data":2},{"@data-type":"vector","data":[{"@data-type":"integer","data":-1}]}]`},
	}
	for _, c := range cases {
		want := `{"@data-type":"` + jsonTypeNames[c.d.Kind()] + `","data":` + c.want + `}`
		if got := jsonText(c.d); got != want {
			t.Errorf("%s %s:\n got %s\nwant %s", c.d.Kind(), Render(c.d), got, want)
		}
	}
	if got := string(AppendJSON([]byte("x"), Count(1))); got != `x{"@data-type":"count","data":1}` {
		t.Errorf("AppendJSON does not append: %s", got)
	}
}

// The examples of WEBSOCKET.md §5.2 and §7, built as data.
var docExamples = []struct {
	topic string // "" for a bare value
	d     Data
	text  string
}{
	{"/foo/bar", Count(1), `{"type":"data-message","topic":"/foo/bar","@data-type":"count","data":1}`},
	{"", NewTable(TableEntry{String("first-name"), String("John")}),
		`{"@data-type":"table","data":[{"key":{"@data-type":"string","data":"first-name"},"value":{"@data-type":"string","data":"John"}}]}`},
	{"zeek.test", Event{Name: "hello", Args: []Data{Count(3)}}.Data(),
		`{"type":"data-message","topic":"zeek.test","@data-type":"vector","data":[{"@data-type":"count","data":1},{"@data-type":"count","data":1},{"@data-type":"vector","data":[{"@data-type":"string","data":"hello"},{"@data-type":"vector","data":[{"@data-type":"count","data":3}]},{"@data-type":"vector","data":[]}]}]}`},
}

func TestJSONDocExamples(t *testing.T) {
	for _, ex := range docExamples {
		var got string
		if ex.topic == "" {
			got = jsonText(ex.d)
		} else {
			got = string(AppendDataMessage(nil, ex.topic, ex.d))
		}
		if got != ex.text {
			t.Errorf("render:\n got %s\nwant %s", got, ex.text)
		}
		var back Data
		var err error
		if ex.topic == "" {
			back, err = ParseJSON([]byte(ex.text))
		} else {
			var topic string
			topic, back, err = ParseDataMessage([]byte(ex.text))
			if topic != ex.topic {
				t.Errorf("topic %q, want %q", topic, ex.topic)
			}
		}
		if err != nil || !Equal(back, ex.d) {
			t.Errorf("parse %s: %v, %v", ex.text, back, err)
		}
	}
	// The document itself, when it is beside the repository, shows the same text.
	doc, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "broker", "WEBSOCKET.md"))
	if err != nil {
		t.Skipf("WEBSOCKET.md not found beside the repository (%v)", err)
	}
	for _, ex := range docExamples {
		if !strings.Contains(string(doc), "\n"+ex.text+"\n") {
			t.Errorf("WEBSOCKET.md does not show %s", ex.text)
		}
	}
}

// TestParseJSON reads every kind, in the forms §5.1 accepts, and compares
// the canonical rendering of the result.
func TestParseJSON(t *testing.T) {
	v := func(typ, data string) string { return `{"@data-type":"` + typ + `","data":` + data + `}` }
	cases := []struct{ in, want string }{
		{v("none", "{}"), v("none", "{}")},
		{v("none", "42"), v("none", "{}")},
		{v("none", "null"), v("none", "{}")},
		{v("none", `{"x":[1,"y"]}`), v("none", "{}")},
		{v("boolean", "true"), v("boolean", "true")},
		{v("boolean", "false"), v("boolean", "false")},
		{v("count", "0"), v("count", "0")},
		{v("count", "-0"), v("count", "0")},
		{v("count", "18446744073709551615"), v("count", "18446744073709551615")},
		{v("integer", "-9223372036854775808"), v("integer", "-9223372036854775808")},
		{v("integer", "9223372036854775807"), v("integer", "9223372036854775807")},
		{v("integer", "42"), v("integer", "42")},
		{v("real", "3.0"), v("real", "3.000000")},
		{v("real", "3e0"), v("real", "3.000000")},
		{v("real", "1E+2"), v("real", "100.000000")},
		{v("real", "-0.0"), v("real", "-0.000000")},
		{v("real", "0.1"), v("real", "0.100000")},
		{v("real", "1e-400"), v("real", "0.000000")},
		{v("real", "2.5e-7"), v("real", "0.000000")},
		{v("real", "1.7976931348623157e308"), v("real", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000")},
		{v("string", `"plain"`), v("string", `"plain"`)},
		{v("string", `"\"\\\/\b\f\n\r\t\v"`), v("string", `"\"\\/\b\f\n\r\t\v"`)},
		{v("string", `"\u00e9\u0000\ud83d\ude00\u001F"`), v("string", "\"é\x00😀\x1f\"")},
		{v("string", "\"raw\x01\x7f\xff\xfe\""), v("string", "\"raw\x01\x7f\xff\xfe\"")},
		{v("enum-value", `"Site::LOCAL"`), v("enum-value", `"Site::LOCAL"`)},
		{v("address", `"1.2.3.4"`), v("address", `"1.2.3.4"`)},
		{v("address", `"::ffff:1.2.3.4"`), v("address", `"1.2.3.4"`)},
		{v("address", `"2001:DB8:0:0::1"`), v("address", `"2001:db8::1"`)},
		{v("subnet", `"10.1.2.3/8"`), v("subnet", `"10.0.0.0/8"`)},
		{v("subnet", `"::ffff:10.0.0.0/104"`), v("subnet", `"10.0.0.0/8"`)},
		{v("subnet", `"2001:db8::1/32"`), v("subnet", `"2001:db8::/32"`)},
		{v("port", `"8080/tcp"`), v("port", `"8080/tcp"`)},
		{v("port", `"53/udp"`), v("port", `"53/udp"`)},
		{v("port", `"8/icmp"`), v("port", `"8/icmp"`)},
		{v("port", `"0/?"`), v("port", `"0/?"`)},
		{v("port", `"132/sctp"`), v("port", `"132/?"`)},
		{v("port", `"7/"`), v("port", `"7/?"`)},
		{v("port", `"80"`), v("port", `"80/tcp"`)},
		{v("port", `"65535/udp"`), v("port", `"65535/udp"`)},
		{v("timespan", `"1500ms"`), v("timespan", `"1500ms"`)},
		{v("timespan", `"2000ms"`), v("timespan", `"2s"`)},
		{v("timespan", `"2min"`), v("timespan", `"120s"`)},
		{v("timespan", `"1h"`), v("timespan", `"3600s"`)},
		{v("timespan", `"-5us"`), v("timespan", `"-5us"`)},
		{v("timespan", `"0ns"`), v("timespan", `"0s"`)},
		{v("timespan", `"9223372036854775807ns"`), v("timespan", `"9223372036854775807ns"`)},
		{v("timespan", `"2562047h"`), v("timespan", `"9223369200s"`)},
		{v("timestamp", `"2022-04-10T07:00:00"`), v("timestamp", `"2022-04-10T07:00:00.000"`)},
		{v("timestamp", `"2022-04-10T07:00:00.000"`), v("timestamp", `"2022-04-10T07:00:00.000"`)},
		{v("timestamp", `"2022-04-10T07:00:00.5"`), v("timestamp", `"2022-04-10T07:00:00.500"`)},
		{v("timestamp", `"2022-04-10T07:00:00.123456789Z"`), v("timestamp", `"2022-04-10T07:00:00.123"`)},
		{v("timestamp", `"2022-04-10T09:00:00+02:00"`), v("timestamp", `"2022-04-10T07:00:00.000"`)},
		{v("timestamp", `"2022-04-10T05:30:00.25-0130"`), v("timestamp", `"2022-04-10T07:00:00.250"`)},
		{v("timestamp", `"2024-02-29T23:59:59.999+00:00"`), v("timestamp", `"2024-02-29T23:59:59.999"`)},
		{v("timestamp", `"1969-12-31T23:59:59.9999999"`), v("timestamp", `"1969-12-31T23:59:59.999"`)},
		{v("timestamp", `"2262-04-11T23:47:16.854775807"`), v("timestamp", `"2262-04-11T23:47:16.854"`)},
		{v("timestamp", `"1677-09-21T00:12:43.145224192"`), v("timestamp", `"1677-09-21T00:12:43.145"`)},
		// Keys in any order, unknown keys ignored, whitespace anywhere.
		{` { "data" : 1 , "x" : [true] , "@data-type" : "count" } `, v("count", "1")},
		// Sets and tables in any order, stored in Broker order.
		{v("set", `[`+v("count", "3")+`,`+v("string", `"a"`)+`,`+v("count", "1")+`]`),
			v("set", `[`+v("count", "1")+`,`+v("count", "3")+`,`+v("string", `"a"`)+`]`)},
		{v("table", `[{"value":`+v("count", "2")+`,"key":`+v("string", `"b"`)+`},{"key":`+v("string", `"a"`)+`,"value":`+v("count", "1")+`}]`),
			v("table", `[{"key":`+v("string", `"a"`)+`,"value":`+v("count", "1")+`},{"key":`+v("string", `"b"`)+`,"value":`+v("count", "2")+`}]`)},
		// Duplicates: a set keeps one element, a table the last value.
		{v("set", `[`+v("count", "1")+`,`+v("count", "1")+`]`), v("set", `[`+v("count", "1")+`]`)},
		{v("set", `[`+v("real", "-0.0")+`,`+v("real", "0.0")+`]`), v("set", `[`+v("real", "-0.000000")+`]`)},
		{v("table", `[{"key":`+v("count", "1")+`,"value":`+v("string", `"first"`)+`},{"key":`+v("count", "0")+`,"value":`+v("none", "{}")+`},{"key":`+v("count", "1")+`,"value":`+v("string", `"last"`)+`}]`),
			v("table", `[{"key":`+v("count", "0")+`,"value":`+v("none", "{}")+`},{"key":`+v("count", "1")+`,"value":`+v("string", `"last"`)+`}]`)},
		{v("vector", `[`+v("vector", `[]`)+`,`+v("set", `[]`)+`,`+v("table", `[]`)+`]`),
			v("vector", `[`+v("vector", `[]`)+`,`+v("set", `[]`)+`,`+v("table", `[]`)+`]`)},
	}
	for _, c := range cases {
		d, err := ParseJSON([]byte(c.in))
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := jsonText(d); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	// Precision that the text shows is kept in the data.
	for in, want := range map[string]Data{
		v("timestamp", `"1970-01-01T00:00:00.000000001"`): Timestamp(1),
		v("timestamp", `"1969-12-31T23:59:59.999999999"`): Timestamp(-1),
		v("real", "1e-300"):                       Real(1e-300),
		v("real", "0.1"):                          Real(0.1),
		v("timespan", `"-9223372036854775808ns"`): Timespan(math.MinInt64),
	} {
		if d, err := ParseJSON([]byte(in)); err != nil || d != want {
			t.Errorf("%s: %v %v, want %v", in, d, err, want)
		}
	}
}

// TestParseJSONErrors checks each rejection rule and its message.
func TestParseJSONErrors(t *testing.T) {
	v := func(typ, data string) string { return `{"@data-type":"` + typ + `","data":` + data + `}` }
	cases := []struct{ in, want string }{
		// Not JSON.
		{``, `offset 0: unexpected end of input, want a JSON value`},
		{`nope`, `offset 0: unexpected 'n', want a JSON value`},
		{"\xef\xbb\xbf{}", `offset 0: unexpected byte 0xef, want a JSON value`},
		{`{`, `offset 1: unexpected end of input, want a quoted key`},
		{`{"data"}`, `offset 7: unexpected '}', want ':'`},
		{`{"data":1,}`, `offset 10: unexpected '}', want a quoted key`},
		{`{'data':1}`, `offset 1: unexpected '\'', want a quoted key`},
		{v("vector", "[1,]"), `offset 33: unexpected ']', want a JSON value`},
		{v("vector", "[1 2]"), `offset 33: unexpected '2', want ',' or ']'`},
		{v("count", "1") + ` x`, `offset 32: unexpected 'x' after the JSON value`},
		{v("count", "1") + v("count", "1"), `offset 31: unexpected '{' after the JSON value`},
		{`"@data-type"`, `offset 0: value is a JSON string, not an object`},
		{`[]`, `offset 0: value is a JSON array, not an object`},
		{v("string", `"abc`), `offset 30: string without closing quote`},
		{v("string", `"a\xb"`), `offset 32: unknown escape \x in string`},
		{v("string", `"\u12"`), `offset 31: malformed \u escape, want 4 hex digits`},
		{v("string", `"\ud800"`), `offset 31: \u escape of a lone UTF-16 surrogate`},
		{v("string", `"\ud800\u0041"`), `offset 31: \u escape of a lone UTF-16 surrogate`},
		{v("string", `"\udc00"`), `offset 31: \u escape of a lone UTF-16 surrogate`},
		{v("real", "01.5"), `offset 28: malformed number "01"`},
		{v("real", "1."), `offset 28: malformed number "1.}"`},
		{v("real", ".5"), `offset 28: unexpected '.', want a JSON value`},
		{v("real", "+1.5"), `offset 28: unexpected '+', want a JSON value`},
		{v("real", "1e"), `offset 28: malformed number "1e}"`},
		{v("real", "-"), `offset 28: malformed number "-}"`},
		{v("real", "nan"), `offset 28: unexpected 'n', want a JSON value`},
		{v("real", "inf"), `offset 28: unexpected 'i', want a JSON value`},
		{v("real", "Infinity"), `offset 28: unexpected 'I', want a JSON value`},
		// Value objects.
		{`{"data":1}`, `offset 0: value has no "@data-type"`},
		{`{"@data-type":"count"}`, `offset 0: count value has no "data"`},
		{`{"@data-type":1,"data":1}`, `offset 14: "@data-type" is a JSON number, not a string`},
		{v("bool", "true"), `offset 14: unknown @data-type "bool"`},
		{v("enum", `"x"`), `offset 14: unknown @data-type "enum"`},
		{v("list", `[]`), `offset 14: unknown @data-type "list"`},
		{`{"@data-type":"count","data":1,"data":2}`, `offset 38: key "data" given twice`},
		{`{"@data-type":"count","@data-type":"count","data":1}`, `offset 35: key "@data-type" given twice`},
		// Wrong JSON type for the data.
		{v("boolean", `"true"`), `offset 31: boolean: data is a JSON string, not a boolean`},
		{v("count", `"1"`), `offset 29: count: data is a JSON string, not a number`},
		{v("string", `1`), `offset 30: string: data is a JSON number, not a string`},
		{v("vector", `{}`), `offset 30: vector: data is a JSON object, not an array`},
		{v("timestamp", `1649574000`), `offset 33: timestamp: data is a JSON number, not a string`},
		{v("timespan", `null`), `offset 32: timespan: data is a JSON null, not a string`},
		// Numbers of the wrong form or size.
		{v("count", "1.0"), `offset 29: count: 1.0 is not an integer`},
		{v("count", "1e2"), `offset 29: count: 1e2 is not an integer`},
		{v("count", "-1"), `offset 29: count: -1 is negative`},
		{v("count", "18446744073709551616"), `offset 29: count: 18446744073709551616 is out of range`},
		{v("count", "123456789012345678901234567890123456789012345"), `offset 29: count: 1234567890123456789012345678901234567890... is out of range`},
		{v("integer", "1.0"), `offset 31: integer: 1.0 is not an integer`},
		{v("integer", "9223372036854775808"), `offset 31: integer: 9223372036854775808 is out of range`},
		{v("integer", "-9223372036854775809"), `offset 31: integer: -9223372036854775809 is out of range`},
		{v("real", "3"), `offset 28: real: 3 has no fraction or exponent`},
		{v("real", "-3"), `offset 28: real: -3 has no fraction or exponent`},
		{v("real", "1e400"), `offset 28: real: 1e400 is out of range`},
		{v("real", "-1.8e308"), `offset 28: real: -1.8e308 is out of range`},
		// Strings of the wrong form.
		{v("address", `"1.2.3"`), `offset 31: address: "1.2.3" is not an IPv4 or IPv6 address`},
		{v("address", `"010.0.0.1"`), `offset 31: address: "010.0.0.1" is not an IPv4 or IPv6 address`},
		{v("address", `"fe80::1%eth0"`), `offset 31: address: "fe80::1%eth0" is not an IPv4 or IPv6 address`},
		{v("address", `"10.0.0.1/8"`), `offset 31: address: "10.0.0.1/8" is not an IPv4 or IPv6 address`},
		{v("subnet", `"10.0.0.0"`), `offset 30: subnet: "10.0.0.0" is not a subnet (network/length)`},
		{v("subnet", `"10.0.0.0/33"`), `offset 30: subnet: "10.0.0.0/33" is not a subnet (network/length)`},
		{v("subnet", `"::/129"`), `offset 30: subnet: "::/129" is not a subnet (network/length)`},
		{v("subnet", `"::ffff:10.0.0.0/95"`), `offset 30: subnet: "::ffff:10.0.0.0/95" is not a subnet (network/length)`},
		{v("port", `"65536/tcp"`), `offset 28: port: "65536/tcp" is not a port (number/protocol, number 0 to 65535)`},
		{v("port", `""`), `offset 28: port: "" is not a port (number/protocol, number 0 to 65535)`},
		{v("port", `"/tcp"`), `offset 28: port: "/tcp" is not a port (number/protocol, number 0 to 65535)`},
		{v("port", `"-1/tcp"`), `offset 28: port: "-1/tcp" is not a port (number/protocol, number 0 to 65535)`},
		{v("port", `"+80"`), `offset 28: port: "+80" is not a port (number/protocol, number 0 to 65535)`},
		{v("port", `"80 /tcp"`), `offset 28: port: "80 /tcp" is not a port (number/protocol, number 0 to 65535)`},
		{v("timespan", `"1.5s"`), `offset 32: timespan: "1.5s" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"1d"`), `offset 32: timespan: "1d" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"1"`), `offset 32: timespan: "1" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"s"`), `offset 32: timespan: "s" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"-s"`), `offset 32: timespan: "-s" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"+1s"`), `offset 32: timespan: "+1s" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"1 s"`), `offset 32: timespan: "1 s" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"1S"`), `offset 32: timespan: "1S" is not an integer with a unit of ns, us, ms, s, min or h`},
		{v("timespan", `"9223372037s"`), `offset 32: timespan: "9223372037s" is out of range`},
		{v("timespan", `"2562048h"`), `offset 32: timespan: "2562048h" is out of range`},
		{v("timespan", `"9223372036854775808ns"`), `offset 32: timespan: "9223372036854775808ns" is out of range`},
		{v("timestamp", `"2022-04-10 07:00:00"`), `offset 33: timestamp: "2022-04-10 07:00:00" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00"`), `offset 33: timestamp: "2022-04-10T07:00" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"22-04-10T07:00:00"`), `offset 33: timestamp: "22-04-10T07:00:00" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00."`), `offset 33: timestamp: "2022-04-10T07:00:00." is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00.1234567890"`), `offset 33: timestamp: "2022-04-10T07:00:00.1234567890" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00z"`), `offset 33: timestamp: "2022-04-10T07:00:00z" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00+2"`), `offset 33: timestamp: "2022-04-10T07:00:00+2" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00+02:0"`), `offset 33: timestamp: "2022-04-10T07:00:00+02:0" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00+24:00"`), `offset 33: timestamp: "2022-04-10T07:00:00+24:00" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-10T07:00:00Z "`), `offset 33: timestamp: "2022-04-10T07:00:00Z " is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2022-04-1xT07:00:00"`), `offset 33: timestamp: "2022-04-1xT07:00:00" is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])`},
		{v("timestamp", `"2023-02-29T00:00:00"`), `offset 33: timestamp: "2023-02-29T00:00:00" is not a valid date and time`},
		{v("timestamp", `"2022-13-01T00:00:00"`), `offset 33: timestamp: "2022-13-01T00:00:00" is not a valid date and time`},
		{v("timestamp", `"2022-04-00T00:00:00"`), `offset 33: timestamp: "2022-04-00T00:00:00" is not a valid date and time`},
		{v("timestamp", `"2022-04-10T24:00:00"`), `offset 33: timestamp: "2022-04-10T24:00:00" is not a valid date and time`},
		{v("timestamp", `"2022-04-10T23:60:00"`), `offset 33: timestamp: "2022-04-10T23:60:00" is not a valid date and time`},
		{v("timestamp", `"2016-12-31T23:59:60Z"`), `offset 33: timestamp: "2016-12-31T23:59:60Z" is not a valid date and time`},
		{v("timestamp", `"2262-04-11T23:47:16.854775808"`), `offset 33: timestamp: "2262-04-11T23:47:16.854775808" is out of range (1677-09-21 to 2262-04-11)`},
		{v("timestamp", `"1677-09-21T00:12:43.145224191"`), `offset 33: timestamp: "1677-09-21T00:12:43.145224191" is out of range (1677-09-21 to 2262-04-11)`},
		{v("timestamp", `"0000-01-01T00:00:00"`), `offset 33: timestamp: "0000-01-01T00:00:00" is out of range (1677-09-21 to 2262-04-11)`},
		// Containers.
		{v("vector", `[1]`), `offset 31: value is a JSON number, not an object`},
		{v("set", `[{}]`), `offset 28: value has no "@data-type"`},
		{v("table", `[[]]`), `offset 30: table entry is a JSON array, not an object`},
		{v("table", `[{"key":`+v("count", "1")+`}]`), `offset 30: table entry has no "value"`},
		{v("table", `[{"value":`+v("count", "1")+`}]`), `offset 30: table entry has no "key"`},
		{v("table", `[{"key":1,"value":2}]`), `offset 37: value is a JSON number, not an object`},
		{v("table", `[{"key":`+v("count", "1")+`,"key":`+v("count", "1")+`,"value":`+v("count", "1")+`}]`), `offset 75: key "key" given twice`},
		{v("vector", `[`+v("count", "x")+`]`), `offset 60: unexpected 'x', want a JSON value`},
		{v("vector", `[`+v("count", "1.5")+`]`), `offset 60: count: 1.5 is not an integer`},
	}
	for _, c := range cases {
		d, err := ParseJSON([]byte(c.in))
		if err == nil {
			t.Errorf("%s: parsed as %s, want error %q", c.in, jsonText(d), c.want)
			continue
		}
		if got := err.Error(); got != "broker json: "+c.want {
			t.Errorf("%s:\n got %s\nwant broker json: %s", c.in, got, c.want)
		}
	}
}

// TestJSONNesting: MaxJSONDepth levels are read, one more is refused
// before it is recursed into, in Broker values and in JSON that none
// ignores alike.
func TestJSONNesting(t *testing.T) {
	// A vector in a vector takes two levels: its object and its array.
	nested := func(n int) string {
		return strings.Repeat(`{"@data-type":"vector","data":[`, n) + `{"@data-type":"count","data":1}` + strings.Repeat(`]}`, n)
	}
	maxVectors := (MaxJSONDepth - 1) / 2 // the innermost count's object is a level too
	if _, err := ParseJSON([]byte(nested(maxVectors))); err != nil {
		t.Errorf("%d nested vectors: %v", maxVectors, err)
	}
	deep := nested(maxVectors + 1)
	want := "broker json: offset 1984: JSON nested deeper than 128 levels"
	if _, err := ParseJSON([]byte(deep)); err == nil || err.Error() != want {
		t.Errorf("%d nested vectors: %v, want %s", maxVectors+1, err, want)
	}
	inNone := `{"@data-type":"none","data":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`
	want = "broker json: offset 155: JSON nested deeper than 128 levels"
	if _, err := ParseJSON([]byte(inNone)); err == nil || err.Error() != want {
		t.Errorf("deep JSON under none: %v, want %s", err, want)
	}
	okNone := `{"@data-type":"none","data":` + strings.Repeat("[", MaxJSONDepth-1) + strings.Repeat("]", MaxJSONDepth-1) + `}`
	if _, err := ParseJSON([]byte(okNone)); err != nil {
		t.Errorf("%d levels: %v", MaxJSONDepth, err)
	}
}

func TestParseDataMessage(t *testing.T) {
	topic, d, err := ParseDataMessage([]byte(` {"data":-3,"topic":"a/b","@data-type":"integer","type":"data-message"} `))
	if err != nil || topic != "a/b" || d != Integer(-3) {
		t.Errorf("got %q %v %v", topic, d, err)
	}
	// Zeek ignores "type"; a message without one is read.
	if topic, d, err = ParseDataMessage([]byte(`{"topic":"","@data-type":"count","data":1}`)); err != nil || topic != "" || d != Count(1) {
		t.Errorf("no type: %q %v %v", topic, d, err)
	}
	const (
		failed  = "failed to decode JSON object"
		noTopic = "no topic in top-level JSON object"
	)
	cases := []struct{ in, context, detail string }{
		{`not json`, failed, `broker json: offset 0: unexpected 'n', want a JSON value`},
		{`["x"]`, failed, `broker json: offset 0: message is a JSON array, not an object`},
		{`{"type":"error","topic":"t","@data-type":"count","data":1}`, failed, `broker json: offset 8: message type is not "data-message"`},
		{`{"type":1,"topic":"t","@data-type":"count","data":1}`, failed, `broker json: offset 8: message type is not "data-message"`},
		{`{"type":"data-message","type":"data-message","topic":"t","@data-type":"count","data":1}`, failed, `broker json: offset 30: key "type" given twice`},
		{`{"type":"data-message","topic":"t","@data-type":"count","data":1.5}`, failed, `broker json: offset 63: count: 1.5 is not an integer`},
		{`{"type":"data-message","topic":"t"}`, failed, `broker json: offset 0: value has no "@data-type"`},
		// A bad value is reported before a missing topic, as Zeek does.
		{`{"type":"data-message","@data-type":"count","data":-1}`, failed, `broker json: offset 51: count: -1 is negative`},
		{`{"type":"data-message","@data-type":"count","data":1}`, noTopic, `broker json: no "topic" key`},
		{`{"type":"data-message","topic":null,"@data-type":"count","data":1}`, noTopic, `broker json: offset 31: "topic" is a JSON null, not a string`},
		{`{"type":"data-message","topic":["a"],"@data-type":"count","data":1}`, noTopic, `broker json: offset 31: "topic" is a JSON array, not a string`},
		{`{"topic":"a","topic":"b","@data-type":"count","data":1}`, failed, `broker json: offset 21: key "topic" given twice`},
	}
	for _, c := range cases {
		_, _, err := ParseDataMessage([]byte(c.in))
		var je *JSONError
		if !errors.As(err, &je) {
			t.Errorf("%s: error %v is not a *JSONError", c.in, err)
			continue
		}
		if je.Code != "deserialization_failed" || je.Context != c.context || je.Err == nil || je.Err.Error() != c.detail {
			t.Errorf("%s:\n got %q %q %v\nwant %q %q", c.in, je.Code, je.Context, je.Err, c.context, c.detail)
		}
		if want := "deserialization_failed: " + c.context + ": " + c.detail; err.Error() != want {
			t.Errorf("Error() = %q, want %q", err.Error(), want)
		}
		if errors.Unwrap(err) != je.Err {
			t.Errorf("%s: Unwrap does not give the detail", c.in)
		}
	}
	if got := (&JSONError{Code: "c", Context: "x"}).Error(); got != "c: x" {
		t.Errorf("Error without detail: %q", got)
	}
}

func TestAppendDataMessage(t *testing.T) {
	got := string(AppendDataMessage(nil, "a\"b\n", NewSet(String("x"))))
	want := `{"type":"data-message","topic":"a\"b\n","@data-type":"set","data":[{"@data-type":"string","data":"x"}]}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	topic, d, err := ParseDataMessage([]byte(got))
	if err != nil || topic != "a\"b\n" || !Equal(d, NewSet(String("x"))) {
		t.Errorf("read back: %q %v %v", topic, d, err)
	}
}

func TestEvent(t *testing.T) {
	// Zeek 8's shape: the metadata vector always there, here with a
	// network timestamp and an application key.
	ev := Event{Name: "event_1", Args: []Data{Integer(42), String("test")},
		Metadata: []EventMetadata{{MetadataNetworkTimestamp, Timestamp(1649574000e9)}, {200, String("app")}}}
	text := string(AppendDataMessage(nil, "/foo/bar", ev.Data()))
	want := `{"type":"data-message","topic":"/foo/bar","@data-type":"vector","data":[{"@data-type":"count","data":1},{"@data-type":"count","data":1},{"@data-type":"vector","data":[` +
		`{"@data-type":"string","data":"event_1"},` +
		`{"@data-type":"vector","data":[{"@data-type":"integer","data":42},{"@data-type":"string","data":"test"}]},` +
		`{"@data-type":"vector","data":[{"@data-type":"vector","data":[{"@data-type":"count","data":1},{"@data-type":"timestamp","data":"2022-04-10T07:00:00.000"}]},` +
		`{"@data-type":"vector","data":[{"@data-type":"count","data":200},{"@data-type":"string","data":"app"}]}]}]}]}`
	if text != want {
		t.Errorf("event:\n got %s\nwant %s", text, want)
	}
	_, d, err := ParseDataMessage([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseEvent(d)
	if err != nil || back.Name != "event_1" || !Equal(Vector(back.Args), Vector(ev.Args)) || len(back.Metadata) != 2 ||
		back.Metadata[1].Key != 200 || back.Metadata[1].Value != String("app") {
		t.Errorf("ParseEvent: %+v %v", back, err)
	}
	if ts, ok := back.NetworkTimestamp(); !ok || ts != Timestamp(1649574000e9) {
		t.Errorf("NetworkTimestamp: %v %v", ts, ok)
	}
	if _, ok := (Event{Name: "x"}).NetworkTimestamp(); ok {
		t.Error("NetworkTimestamp without metadata")
	}

	// A client's event without the metadata element (§7), as Zeek before
	// 6 and python clients send it.
	client := `{"type":"data-message","topic":"/foo/bar","@data-type":"vector","data":[{"@data-type":"count","data":1},{"@data-type":"count","data":1},{"@data-type":"vector","data":[` +
		`{"@data-type":"string","data":"event_1"},{"@data-type":"vector","data":[{"@data-type":"integer","data":42},{"@data-type":"string","data":"test"}]}]}]}`
	_, d, err = ParseDataMessage([]byte(client))
	if err != nil {
		t.Fatal(err)
	}
	back, err = ParseEvent(d)
	if err != nil || back.Name != "event_1" || len(back.Args) != 2 || back.Metadata != nil {
		t.Errorf("event without metadata: %+v %v", back, err)
	}
	// Written back, it gains the empty metadata vector Zeek 8 writes.
	if got := Render(back.Data()); got != "[1, 1, [event_1, [42, test], []]]" {
		t.Errorf("Data: %s", got)
	}
	if got := Render(Event{Name: "e"}.Data()); got != "[1, 1, [e, [], []]]" {
		t.Errorf("empty event: %s", got)
	}

	ok := func(fields ...Data) Data { return Vector{Count(1), Count(1), Vector(fields)} }
	bad := []struct {
		d    Data
		want string
	}{
		{Count(1), "not a Zeek event: a count, not a vector"},
		{Vector{Count(1), Count(1)}, "not a Zeek event: vector of 2 elements, want 3"},
		{Vector{Count(2), Count(1), Vector{String("e"), Vector{}}}, "not a Zeek event: format version is count 2, want count 1"},
		{Vector{Integer(1), Count(1), Vector{String("e"), Vector{}}}, "not a Zeek event: format version is integer 1, want count 1"},
		{Vector{Count(1), Count(2), Vector{String("e"), Vector{}}}, "not a Zeek event: message type is count 2, want count 1 (event)"},
		{Vector{Count(1), Count(1), String("e")}, "not a Zeek event: content is a string, not a vector"},
		{ok(String("e")), "not a Zeek event: content has 1 elements, want name and arguments"},
		{ok(Enum("e"), Vector{}), "not a Zeek event: name is an enum, not a string"},
		{ok(String("e"), NewSet()), "not a Zeek event: arguments are a set, not a vector"},
		{ok(String("e"), Vector{}, None{}), "not a Zeek event: metadata is a none, not a vector"},
		{ok(String("e"), Vector{}, Vector{Count(1)}), "not a Zeek event: metadata entry 0 is not a [key, value] vector"},
		{ok(String("e"), Vector{}, Vector{Vector{Count(300), None{}, None{}}}), "not a Zeek event: metadata entry 0 is not a [key, value] vector"},
		{ok(String("e"), Vector{}, Vector{Vector{Count(300), None{}}, Vector{Integer(1), None{}}}), "not a Zeek event: metadata key 1 is an integer, not a count"},
		{ok(String("e"), Vector{}, Vector{Vector{Count(1), Real(1.5)}}), "not a Zeek event: network timestamp metadata is a real, not a timestamp"},
	}
	for _, c := range bad {
		if _, err := ParseEvent(c.d); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", Render(c.d), err, c.want)
		}
	}
	// Elements after the ones Broker knows are ignored, as Broker ignores them.
	extra := Vector{Count(1), Count(1), Vector{String("e"), Vector{}, Vector{}, String("later")}, String("more")}
	if ev, err := ParseEvent(extra); err != nil || ev.Name != "e" {
		t.Errorf("extra elements: %+v %v", ev, err)
	}
}

// randomData makes a value that JSON carries without loss: reals with at
// most six decimals, timestamps in whole milliseconds, ports with known
// protocols. Everything else is drawn from its whole range.
func randomData(r *rand.Rand, depth int) Data {
	k := Kind(r.IntN(int(KindVector) + 1))
	if depth >= 4 && k >= KindSet {
		k = Kind(r.IntN(int(KindSet)))
	}
	switch k {
	case KindNone:
		return None{}
	case KindBool:
		return Bool(r.IntN(2) == 1)
	case KindCount:
		return Count(r.Uint64() >> r.IntN(64))
	case KindInteger:
		return Integer(int64(r.Uint64()) >> r.IntN(64))
	case KindReal:
		switch r.IntN(4) {
		case 0:
			return Real(float64(r.Int64N(1<<41)-1<<40) / 1e6)
		case 1:
			return Real(math.Ldexp(float64(r.Int64N(1<<53)), r.IntN(971)) * float64(1-2*r.IntN(2)))
		case 2:
			return Real(math.Copysign(0, -1))
		}
		return Real(float64(r.IntN(2001)-1000) / 8)
	case KindString, KindEnum:
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		if k == KindEnum {
			return Enum(b)
		}
		return String(b)
	case KindAddress, KindSubnet:
		var a Address
		for i := range a {
			a[i] = byte(r.UintN(256))
		}
		rawLen := uint8(r.IntN(129))
		if r.IntN(2) == 0 {
			copy(a[:12], v4Prefix[:])
			rawLen = uint8(96 + r.IntN(33))
		}
		if k == KindAddress {
			return a
		}
		return MakeSubnet(a, rawLen)
	case KindPort:
		return Port{Number: uint16(r.UintN(65536)), Protocol: Protocol(r.IntN(4))}
	case KindTimestamp:
		return Timestamp(int64(r.Uint64()) / 1e6 * 1e6)
	case KindTimespan:
		n := int64(r.Uint64()) >> r.IntN(64)
		if r.IntN(2) == 0 {
			n = n / 1e9 * 1e9 // seconds
		}
		return Timespan(n)
	}
	elems := make([]Data, r.IntN(5))
	for i := range elems {
		elems[i] = randomData(r, depth+1)
	}
	switch k {
	case KindSet:
		return NewSet(elems...)
	case KindTable:
		entries := make([]TableEntry, len(elems))
		for i := range entries {
			entries[i] = TableEntry{elems[i], randomData(r, depth+1)}
		}
		return NewTable(entries...)
	}
	return Vector(elems)
}

// TestJSONRoundTrip: Data → JSON → Data is the identity on what JSON
// carries exactly, as a value and as a data message.
func TestJSONRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		d := randomData(r, 0)
		text := AppendJSON(nil, d)
		back, err := ParseJSON(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if !Equal(d, back) {
			t.Fatalf("%s reads back as %s", text, AppendJSON(nil, back))
		}
		if again := AppendJSON(nil, back); string(again) != string(text) {
			t.Fatalf("%s re-renders as %s", text, again)
		}
		topic := string(text[:len(text)%7])
		msg := AppendDataMessage(nil, topic, d)
		gotTopic, back, err := ParseDataMessage(msg)
		if err != nil || gotTopic != topic || !Equal(d, back) {
			t.Fatalf("%s: %q %v", msg, gotTopic, err)
		}
	}
}

func BenchmarkAppendJSON(b *testing.B) {
	d := Event{Name: "conn", Args: []Data{Vector{mustAddr("10.0.0.1"), Port{80, ProtoTCP}, String("GET /index.html"),
		Real(0.25), Timestamp(1649574000e9), NewSet(Count(1), Count(2))}}}.Data()
	var buf []byte
	for b.Loop() {
		buf = AppendDataMessage(buf[:0], "zeek/events", d)
	}
	b.SetBytes(int64(len(buf)))
}

func BenchmarkParseDataMessage(b *testing.B) {
	d := Event{Name: "conn", Args: []Data{Vector{mustAddr("10.0.0.1"), Port{80, ProtoTCP}, String("GET /index.html"),
		Real(0.25), Timestamp(1649574000e9), NewSet(Count(1), Count(2))}}}.Data()
	text := AppendDataMessage(nil, "zeek/events", d)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, _, err := ParseDataMessage(text); err != nil {
			b.Fatal(err)
		}
	}
}
