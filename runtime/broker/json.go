package broker

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is Broker's JSON v1 format, the text form of data, events and
// messages on Zeek's WebSocket API (../shared/broker/WEBSOCKET.md §5–§7).
// Output is byte for byte what Broker writes. Input follows §5.1's
// "accepted" column to the letter and is RFC 8259 JSON otherwise, so a
// malformed message gets an error, never a guess. Where Broker's own
// reader is looser (NaN literals, numbers like +1 or .5, port text with
// trailing junk) or stricter (it refuses duplicate set elements and table
// keys), this reader keeps to the rules of ParseJSON.

// jsonTypeNames are the @data-type names, indexed by Kind.
var jsonTypeNames = [KindVector + 1]string{"none", "boolean", "count", "integer", "real", "string",
	"address", "subnet", "port", "timestamp", "timespan", "enum-value", "set", "table", "vector"}

// AppendJSON appends d as a JSON v1 value object {"@data-type":T,"data":D}.
func AppendJSON(b []byte, d Data) []byte {
	b = append(b, '{')
	b = appendJSONFields(b, d)
	return append(b, '}')
}

// AppendDataMessage appends the data message that carries d on topic:
// {"type":"data-message","topic":T,"@data-type":..,"data":..}, the value's
// two keys embedded at the top level.
func AppendDataMessage(b []byte, topic string, d Data) []byte {
	b = append(b, `{"type":"data-message","topic":`...)
	b = appendJSONString(b, topic)
	b = append(b, ',')
	b = appendJSONFields(b, d)
	return append(b, '}')
}

// appendJSONFields writes a value object without its braces. Addresses
// are written as Broker's CAF library writes them, which is RFC 5952 as Go
// writes it: an IPv4(-mapped) address dotted, every other IPv6 address in
// hex groups (also ::a.b.c.d, which inet_ntop and Zeek's own printing
// would write dotted).
func appendJSONFields(b []byte, d Data) []byte {
	b = append(b, `"@data-type":"`...)
	b = append(b, jsonTypeNames[d.Kind()]...)
	b = append(b, `","data":`...)
	switch x := d.(type) {
	case None:
		return append(b, "{}"...)
	case Bool:
		return strconv.AppendBool(b, bool(x))
	case Count:
		return strconv.AppendUint(b, uint64(x), 10)
	case Integer:
		return strconv.AppendInt(b, int64(x), 10)
	case Real:
		return appendCDouble(b, float64(x))
	case String:
		return appendJSONString(b, string(x))
	case Enum:
		return appendJSONString(b, string(x))
	case Address:
		b = append(b, '"')
		b = x.Addr().AppendTo(b)
		return append(b, '"')
	case Subnet:
		b = append(b, '"')
		b = x.Network.Addr().AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(x.Len()), 10)
		return append(b, '"')
	case Port:
		b = append(b, '"')
		b = strconv.AppendUint(b, uint64(x.Number), 10)
		b = append(b, '/')
		if x.Protocol == ProtoUnknown || x.Protocol > ProtoICMP {
			b = append(b, '?')
		} else {
			b = append(b, x.Protocol.String()...)
		}
		return append(b, '"')
	case Timestamp:
		return appendJSONTimestamp(b, x)
	case Timespan:
		return appendJSONTimespan(b, x)
	case *Set:
		return appendJSONList(b, x.elems)
	case Vector:
		return appendJSONList(b, x)
	case *Table:
		b = append(b, '[')
		for i, e := range x.entries {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"key":`...)
			b = AppendJSON(b, e.Key)
			b = append(b, `,"value":`...)
			b = AppendJSON(b, e.Value)
			b = append(b, '}')
		}
		return append(b, ']')
	}
	panic(fmt.Sprintf("broker: JSON of foreign Data type %T", d))
}

func appendJSONList(b []byte, elems []Data) []byte {
	b = append(b, '[')
	for i, e := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendJSON(b, e)
	}
	return append(b, ']')
}

// appendCDouble writes x as C's printf("%f") does: six decimals, every
// integer digit however large, and glibc's nan/-nan/inf/-inf for the
// values JSON cannot express (Broker writes them anyway).
func appendCDouble(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		if math.Signbit(x) {
			return append(b, "-nan"...)
		}
		return append(b, "nan"...)
	case math.IsInf(x, 1):
		return append(b, "inf"...)
	case math.IsInf(x, -1):
		return append(b, "-inf"...)
	}
	return strconv.AppendFloat(b, x, 'f', 6, 64)
}

// appendJSONString quotes s the way Broker does: it escapes only the
// backslash, the quote and the seven C escapes \b \f \n \r \t \v (the last
// is not JSON) and copies every other byte, control bytes and invalid
// UTF-8 included.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		var esc byte
		switch s[i] {
		case '\\', '"':
			esc = s[i]
		case '\b':
			esc = 'b'
		case '\f':
			esc = 'f'
		case '\n':
			esc = 'n'
		case '\r':
			esc = 'r'
		case '\t':
			esc = 't'
		case '\v':
			esc = 'v'
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, '\\', esc)
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONTimestamp writes UTC "YYYY-MM-DDThh:mm:ss.mmm". Broker cuts
// the nanoseconds to whole milliseconds; before 1970 we cut toward the
// earlier time (floor), so every output names the millisecond the instant
// falls in and -1ns is 1969-12-31T23:59:59.999. (Broker itself truncates
// the seconds toward zero there and prints a negative millisecond
// remainder as .000; no Zeek clock reads before 1970.)
func appendJSONTimestamp(b []byte, t Timestamp) []byte {
	ms := floorDiv(int64(t), 1e6)
	sec := floorDiv(ms, 1000)
	b = append(b, '"')
	b = time.Unix(sec, 0).UTC().AppendFormat(b, "2006-01-02T15:04:05")
	b = append(b, '.')
	frac := ms - sec*1000
	b = append(b, byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
	return append(b, '"')
}

func floorDiv(a, n int64) int64 {
	q := a / n
	if a%n < 0 {
		q--
	}
	return q
}

// appendJSONTimespan writes the count in the coarsest of ns, us, ms and s
// that holds it exactly; Broker never writes min or h, and zero is "0s".
func appendJSONTimespan(b []byte, t Timespan) []byte {
	n := int64(t)
	if n == 0 {
		return append(b, `"0s"`...)
	}
	unit := "ns"
	for _, coarser := range [...]string{"us", "ms", "s"} {
		if n%1000 != 0 {
			break
		}
		n /= 1000
		unit = coarser
	}
	b = append(b, '"')
	b = strconv.AppendInt(b, n, 10)
	b = append(b, unit...)
	return append(b, '"')
}

// MaxJSONDepth bounds how deeply arrays and objects may nest in JSON
// input: the limit of the CAF parser Zeek uses, so everything Zeek reads
// is read here, while a hostile client cannot make the parser recurse
// without end. A Broker container takes two levels (a table three).
const MaxJSONDepth = 128

// ParseJSON parses one JSON v1 value object into Broker data. Sets and
// tables may list their elements in any order; they are stored in
// Broker's order. Of equal set elements one is kept; of equal table keys
// the last value wins, as inserting them in turn would. Errors say what
// is wrong and at which byte offset.
func ParseJSON(text []byte) (Data, error) {
	n, err := parseJSONText(text)
	if err != nil {
		return nil, err
	}
	return dataFromJSON(&n)
}

// ParseDataMessage parses a client's data message. The value's
// @data-type and data sit beside "type" (which, when given, must be
// "data-message"; Zeek ignores it, so it may be left out) and "topic".
func ParseDataMessage(text []byte) (topic string, d Data, err error) {
	n, err := parseJSONText(text)
	if err != nil {
		return "", nil, malformed(err)
	}
	if n.kind != jsonObject {
		return "", nil, malformed(jsonErr(n.off, "message is a JSON %s, not an object", n.kind))
	}
	typ, err := n.field("type")
	if err != nil {
		return "", nil, malformed(err)
	}
	if typ != nil && (typ.kind != jsonString || typ.text != "data-message") {
		return "", nil, malformed(jsonErr(typ.off, `message type is not "data-message"`))
	}
	if d, err = dataFromJSON(&n); err != nil {
		return "", nil, malformed(err)
	}
	// Zeek looks for the topic only once the value has decoded.
	t, err := n.field("topic")
	switch {
	case err != nil:
		return "", nil, malformed(err)
	case t == nil:
		return "", nil, &JSONError{Code: "deserialization_failed", Context: "no topic in top-level JSON object",
			Err: errors.New(`broker json: no "topic" key`)}
	case t.kind != jsonString:
		return "", nil, &JSONError{Code: "deserialization_failed", Context: "no topic in top-level JSON object",
			Err: jsonErr(t.off, `"topic" is a JSON %s, not a string`, t.kind)}
	}
	return t.text, d, nil
}

// JSONError is a problem with a client's JSON, worded as Zeek 8 words it
// in the error message it sends back ({"type":"error","code":Code,
// "context":Context}). Err holds the detailed reason for logs.
type JSONError struct {
	Code    string // Broker's error code name, e.g. "deserialization_failed"
	Context string // Zeek 8's text, e.g. "failed to decode JSON object"
	Err     error
}

func (e *JSONError) Error() string {
	if e.Err == nil {
		return e.Code + ": " + e.Context
	}
	return e.Code + ": " + e.Context + ": " + e.Err.Error()
}

func (e *JSONError) Unwrap() error { return e.Err }

// malformed is Zeek 8's one answer to anything that does not decode.
func malformed(err error) *JSONError {
	return &JSONError{Code: "deserialization_failed", Context: "failed to decode JSON object", Err: err}
}

func jsonErr(off int, format string, args ...any) error {
	return fmt.Errorf("broker json: offset %d: %s", off, fmt.Sprintf(format, args...))
}

// dataFromJSON converts a value object.
func dataFromJSON(n *jsonNode) (Data, error) {
	if n.kind != jsonObject {
		return nil, jsonErr(n.off, "value is a JSON %s, not an object", n.kind)
	}
	typ, err := n.field("@data-type")
	if err != nil {
		return nil, err
	}
	if typ == nil {
		return nil, jsonErr(n.off, `value has no "@data-type"`)
	}
	if typ.kind != jsonString {
		return nil, jsonErr(typ.off, `"@data-type" is a JSON %s, not a string`, typ.kind)
	}
	kind := Kind(slices.Index(jsonTypeNames[:], typ.text))
	if kind > KindVector { // not found: Kind(-1) wraps around
		return nil, jsonErr(typ.off, "unknown @data-type %s", quoteShort(typ.text))
	}
	v, err := n.field("data")
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, jsonErr(n.off, `%s value has no "data"`, typ.text)
	}
	d, msg := scalarFromJSON(kind, v)
	switch {
	case msg != "":
		return nil, jsonErr(v.off, "%s: %s", typ.text, msg)
	case d != nil:
		return d, nil
	}
	return containerFromJSON(kind, v)
}

// scalarFromJSON converts the data of every kind but the containers (for
// which it returns nil and no message); msg says what is wrong.
func scalarFromJSON(kind Kind, v *jsonNode) (d Data, msg string) {
	want := jsonString
	switch kind {
	case KindNone:
		return None{}, "" // Zeek looks at the type only
	case KindBool:
		want = jsonBool
	case KindCount, KindInteger, KindReal:
		want = jsonNumber
	case KindSet, KindTable, KindVector:
		want = jsonArray
	}
	if v.kind != want {
		return nil, fmt.Sprintf("data is a JSON %s, not %s", v.kind, article(want.String()))
	}
	switch kind {
	case KindBool:
		return Bool(v.text == "true"), ""
	case KindCount:
		return parseCount(v.text)
	case KindInteger:
		return parseInteger(v.text)
	case KindReal:
		return parseReal(v.text)
	case KindString:
		return String(v.text), ""
	case KindEnum:
		return Enum(v.text), ""
	case KindAddress:
		a, err := netip.ParseAddr(v.text)
		if err != nil || a.Zone() != "" {
			return nil, quoteShort(v.text) + " is not an IPv4 or IPv6 address"
		}
		return AddressFrom(a), ""
	case KindSubnet:
		return parseSubnet(v.text)
	case KindPort:
		return parsePort(v.text)
	case KindTimestamp:
		return parseTimestamp(v.text)
	case KindTimespan:
		return parseTimespan(v.text)
	}
	return nil, ""
}

func containerFromJSON(kind Kind, v *jsonNode) (Data, error) {
	if kind != KindTable {
		elems := make([]Data, len(v.elems))
		for i := range v.elems {
			var err error
			if elems[i], err = dataFromJSON(&v.elems[i]); err != nil {
				return nil, err
			}
		}
		if kind == KindVector {
			return Vector(elems), nil
		}
		return NewSet(elems...), nil
	}
	entries := make([]TableEntry, len(v.elems))
	for i := range v.elems {
		e := &v.elems[i]
		if e.kind != jsonObject {
			return nil, jsonErr(e.off, "table entry is a JSON %s, not an object", e.kind)
		}
		for _, part := range [...]struct {
			name string
			dst  *Data
		}{{"key", &entries[i].Key}, {"value", &entries[i].Value}} {
			n, err := e.field(part.name)
			if err != nil {
				return nil, err
			}
			if n == nil {
				return nil, jsonErr(e.off, "table entry has no %q", part.name)
			}
			if *part.dst, err = dataFromJSON(n); err != nil {
				return nil, err
			}
		}
	}
	// Sort stably and keep, of each run of equal keys, the first key with
	// the last value: what inserting the entries one by one leaves.
	slices.SortStableFunc(entries, func(a, b TableEntry) int { return Compare(a.Key, b.Key) })
	out := entries[:0]
	for _, e := range entries {
		if len(out) > 0 && Equal(out[len(out)-1].Key, e.Key) {
			out[len(out)-1].Value = e.Value
			continue
		}
		out = append(out, e)
	}
	return &Table{entries: out}, nil
}

// parseCount takes a JSON integer from 0 to 2^64-1 (-0 is 0).
func parseCount(s string) (Data, string) {
	if isFloatText(s) {
		return nil, clip(s) + " is not an integer"
	}
	if s == "-0" {
		return Count(0), ""
	}
	if s[0] == '-' {
		return nil, clip(s) + " is negative"
	}
	u, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return nil, clip(s) + " is out of range"
	}
	return Count(u), ""
}

// parseInteger takes a JSON integer within int64.
func parseInteger(s string) (Data, string) {
	if isFloatText(s) {
		return nil, clip(s) + " is not an integer"
	}
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, clip(s) + " is out of range"
	}
	return Integer(i), ""
}

// parseReal takes a JSON number with a fraction or an exponent; a plain
// integer is another type to Broker. Numbers beyond the double range are
// refused; those below it become zero.
func parseReal(s string) (Data, string) {
	if !isFloatText(s) {
		return nil, clip(s) + " has no fraction or exponent"
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, clip(s) + " is out of range"
	}
	return Real(f), ""
}

func isFloatText(s string) bool { return strings.ContainsAny(s, ".eE") }

// parseSubnet takes "network/length"; host bits are cleared as Broker
// does. An IPv4-mapped IPv6 network needs a length of at least 96 to be
// an IPv4 subnet.
func parseSubnet(s string) (Data, string) {
	p, err := netip.ParsePrefix(s)
	if err != nil || p.Addr().Is4In6() && p.Bits() < 96 {
		return nil, quoteShort(s) + " is not a subnet (network/length)"
	}
	return SubnetFrom(p), ""
}

// parsePort takes "<n>/<protocol>": tcp, udp and icmp are known, any other
// text (Broker writes "?") is the unknown protocol; a bare number is TCP.
func parsePort(s string) (Data, string) {
	num, proto, slash := strings.Cut(s, "/")
	n, err := strconv.ParseUint(num, 10, 16)
	if err != nil {
		return nil, quoteShort(s) + " is not a port (number/protocol, number 0 to 65535)"
	}
	p := Port{Number: uint16(n), Protocol: ProtoTCP}
	if slash {
		switch proto {
		case "tcp":
		case "udp":
			p.Protocol = ProtoUDP
		case "icmp":
			p.Protocol = ProtoICMP
		default:
			p.Protocol = ProtoUnknown
		}
	}
	return p, ""
}

var timespanUnits = [...]struct {
	name string
	ns   int64
}{{"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}, {"min", 60e9}, {"h", 3600e9}}

// parseTimespan takes an integer count and a unit: ns, us, ms, s, min or
// h. The result must fit in 64-bit nanoseconds.
func parseTimespan(s string) (Data, string) {
	digits := strings.TrimLeft(strings.TrimPrefix(s, "-"), "0123456789")
	num := s[:len(s)-len(digits)]
	bad := quoteShort(s) + " is not an integer with a unit of ns, us, ms, s, min or h"
	if num == "" || num == "-" {
		return nil, bad
	}
	for _, u := range timespanUnits {
		if digits != u.name {
			continue
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n > math.MaxInt64/u.ns || n < math.MinInt64/u.ns {
			return nil, quoteShort(s) + " is out of range"
		}
		return Timespan(n * u.ns), ""
	}
	return nil, bad
}

// Timestamps are int64 nanoseconds: 1677-09-21 to 2262-04-11.
var minTime, maxTime = time.Unix(0, math.MinInt64), time.Unix(0, math.MaxInt64)

// parseTimestamp takes ISO 8601 "YYYY-MM-DDThh:mm:ss" with an optional
// fraction of 1 to 9 digits and an optional zone: Z, ±hh:mm or ±hhmm;
// without a zone the time is UTC.
func parseTimestamp(s string) (Data, string) {
	bad := quoteShort(s) + " is not a timestamp (YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm])"
	// Fixed-width fields, then the optional parts.
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return nil, bad
	}
	var f [6]int
	for i, at := range [...]int{0, 5, 8, 11, 14, 17} {
		width := 2
		if i == 0 {
			width = 4
		}
		var ok bool
		if f[i], ok = digitsValue(s[at : at+width]); !ok {
			return nil, bad
		}
	}
	year, month, day, hour, minute, sec := f[0], f[1], f[2], f[3], f[4], f[5]
	rest := s[19:]
	nsec := 0
	if strings.HasPrefix(rest, ".") {
		frac := rest[1:]
		frac = frac[:len(frac)-len(strings.TrimLeft(frac, "0123456789"))]
		if len(frac) < 1 || len(frac) > 9 {
			return nil, bad
		}
		nsec, _ = digitsValue(frac + strings.Repeat("0", 9-len(frac)))
		rest = rest[1+len(frac):]
	}
	offset := 0
	switch {
	case rest == "" || rest == "Z":
	case rest[0] == '+' || rest[0] == '-':
		zone := rest[1:]
		if len(zone) == 5 && zone[2] == ':' {
			zone = zone[:2] + zone[3:]
		}
		hh, ok1 := digitsValue(zone[:min(2, len(zone))])
		mm, ok2 := digitsValue(zone[min(2, len(zone)):])
		if len(zone) != 4 || !ok1 || !ok2 || hh > 23 || mm > 59 {
			return nil, bad
		}
		if offset = hh*3600 + mm*60; rest[0] == '-' {
			offset = -offset
		}
	default:
		return nil, bad
	}
	if month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 ||
		day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return nil, quoteShort(s) + " is not a valid date and time"
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC).Add(-time.Duration(offset) * time.Second)
	if t.Before(minTime) || t.After(maxTime) {
		return nil, quoteShort(s) + " is out of range (1677-09-21 to 2262-04-11)"
	}
	return Timestamp(t.UnixNano()), ""
}

// digitsValue reads a non-empty run of ASCII digits.
func digitsValue(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// article puts "a" or "an" before a type name.
func article(name string) string {
	if strings.ContainsRune("aeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// clipLen is how much of a client's text an error message shows.
const clipLen = 40

// quoteShort quotes client text for an error message, cut to clipLen.
func quoteShort(s string) string {
	if len(s) > clipLen {
		return strconv.Quote(s[:clipLen]) + "..."
	}
	return strconv.Quote(s)
}

// clip cuts the text of a JSON number (plain ASCII) to clipLen.
func clip(s string) string {
	if len(s) > clipLen {
		return s[:clipLen] + "..."
	}
	return s
}

// Event is a Zeek event as Broker carries it (WEBSOCKET.md §7).
type Event struct {
	Name     string
	Args     []Data
	Metadata []EventMetadata // key 1 is the network timestamp
}

// EventMetadata is one (key, value) pair of an event's metadata. Keys 1
// to 199 are Zeek's; 200 and above are free for applications.
type EventMetadata struct {
	Key   uint64
	Value Data
}

// MetadataNetworkTimestamp is the metadata key of the network time at
// which the event was raised; its value is a Timestamp.
const MetadataNetworkTimestamp = 1

// Data is the event as Broker data: [count 1 (format version), count 1
// (message type event), [name, [args...], [[key, value]...]]]. The
// metadata vector is always written, empty when there is none, as Zeek 8
// does.
func (ev Event) Data() Data {
	meta := make(Vector, len(ev.Metadata))
	for i, m := range ev.Metadata {
		meta[i] = Vector{Count(m.Key), m.Value}
	}
	args := Vector(ev.Args)
	if args == nil {
		args = Vector{}
	}
	return Vector{Count(1), Count(1), Vector{String(ev.Name), args, meta}}
}

// NetworkTimestamp is the event's network timestamp metadata, if any.
func (ev Event) NetworkTimestamp() (Timestamp, bool) {
	for _, m := range ev.Metadata {
		if m.Key == MetadataNetworkTimestamp {
			ts, ok := m.Value.(Timestamp)
			return ts, ok
		}
	}
	return 0, false
}

// ParseEvent reads an event from Broker data, checking what Broker checks
// before it calls data an event: format version 1, message type 1, a
// string name, an argument vector, and, when present (events before Zeek
// 6 have none), a metadata vector of [count, value] pairs whose network
// timestamp is a timestamp. Elements after those are ignored, as Broker
// ignores them.
func ParseEvent(d Data) (Event, error) {
	fail := func(format string, args ...any) (Event, error) {
		return Event{}, fmt.Errorf("not a Zeek event: "+format, args...)
	}
	outer, ok := d.(Vector)
	if !ok {
		return fail("%s, not a vector", article(d.Kind().String()))
	}
	if len(outer) < 3 {
		return fail("vector of %d elements, want 3", len(outer))
	}
	if outer[0] != Count(1) {
		return fail("format version is %s %s, want count 1", outer[0].Kind(), Render(outer[0]))
	}
	if outer[1] != Count(1) {
		return fail("message type is %s %s, want count 1 (event)", outer[1].Kind(), Render(outer[1]))
	}
	fields, ok := outer[2].(Vector)
	if !ok {
		return fail("content is %s, not a vector", article(outer[2].Kind().String()))
	}
	if len(fields) < 2 {
		return fail("content has %d elements, want name and arguments", len(fields))
	}
	name, ok := fields[0].(String)
	if !ok {
		return fail("name is %s, not a string", article(fields[0].Kind().String()))
	}
	args, ok := fields[1].(Vector)
	if !ok {
		return fail("arguments are %s, not a vector", article(fields[1].Kind().String()))
	}
	ev := Event{Name: string(name), Args: args}
	if len(fields) < 3 {
		return ev, nil
	}
	meta, ok := fields[2].(Vector)
	if !ok {
		return fail("metadata is %s, not a vector", article(fields[2].Kind().String()))
	}
	ev.Metadata = make([]EventMetadata, len(meta))
	for i, m := range meta {
		pair, ok := m.(Vector)
		if !ok || len(pair) != 2 {
			return fail("metadata entry %d is not a [key, value] vector", i)
		}
		key, ok := pair[0].(Count)
		if !ok {
			return fail("metadata key %d is %s, not a count", i, article(pair[0].Kind().String()))
		}
		if _, isTime := pair[1].(Timestamp); key == MetadataNetworkTimestamp && !isTime {
			return fail("network timestamp metadata is %s, not a timestamp", article(pair[1].Kind().String()))
		}
		ev.Metadata[i] = EventMetadata{Key: uint64(key), Value: pair[1]}
	}
	return ev, nil
}

// The JSON reader: a strict RFC 8259 scanner into a small tree, with
// Broker's two liberties in strings, which its own writer needs to read
// back: the escape \v, and raw control bytes. Bytes are taken as they
// come (invalid UTF-8 stays), since Broker strings are bytes.

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

func (k jsonKind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// jsonNode is one parsed JSON value.
type jsonNode struct {
	kind    jsonKind
	off     int    // where the value starts in the text
	text    string // a string's contents, a number's text, "true"/"false"
	elems   []jsonNode
	members []jsonMember
}

type jsonMember struct {
	key string
	val jsonNode
}

// field finds the member called key, or nil. A key given twice is an
// error: JSON leaves its meaning open.
func (n *jsonNode) field(key string) (*jsonNode, error) {
	var found *jsonNode
	for i := range n.members {
		if n.members[i].key != key {
			continue
		}
		if found != nil {
			return nil, jsonErr(n.members[i].val.off, "key %q given twice", key)
		}
		found = &n.members[i].val
	}
	return found, nil
}

// jsonNames are the keys and names every message repeats, which the
// scanner returns without allocating a copy.
var jsonNames = func() map[string]string {
	m := map[string]string{}
	for _, name := range append(jsonTypeNames[:], "@data-type", "data", "key", "value", "type", "topic", "data-message") {
		m[name] = name
	}
	return m
}()

type jsonScanner struct {
	in  []byte
	pos int
}

func parseJSONText(text []byte) (jsonNode, error) {
	s := jsonScanner{in: text}
	s.space()
	n, err := s.value(0)
	if err != nil {
		return jsonNode{}, err
	}
	if s.space(); s.pos < len(s.in) {
		return jsonNode{}, jsonErr(s.pos, "unexpected %s after the JSON value", s.what())
	}
	return n, nil
}

func (s *jsonScanner) space() {
	for s.pos < len(s.in) {
		switch s.in[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// what names the byte at pos for an error message.
func (s *jsonScanner) what() string {
	if s.pos >= len(s.in) {
		return "end of input"
	}
	if c := s.in[s.pos]; c >= utf8.RuneSelf {
		return fmt.Sprintf("byte 0x%02x", c)
	}
	return strconv.QuoteRune(rune(s.in[s.pos]))
}

func (s *jsonScanner) value(depth int) (jsonNode, error) {
	n := jsonNode{off: s.pos}
	if s.pos >= len(s.in) {
		return n, jsonErr(s.pos, "unexpected end of input, want a JSON value")
	}
	switch c := s.in[s.pos]; {
	case c == '{' || c == '[':
		if depth >= MaxJSONDepth {
			return n, jsonErr(s.pos, "JSON nested deeper than %d levels", MaxJSONDepth)
		}
		s.pos++
		if c == '{' {
			n.kind = jsonObject
			return n, s.object(&n, depth+1)
		}
		n.kind = jsonArray
		return n, s.array(&n, depth+1)
	case c == '"':
		n.kind = jsonString
		var err error
		n.text, err = s.str()
		return n, err
	case c == '-' || c >= '0' && c <= '9':
		n.kind = jsonNumber
		var err error
		n.text, err = s.number()
		return n, err
	}
	for _, lit := range [...]struct {
		text string
		kind jsonKind
	}{{"true", jsonBool}, {"false", jsonBool}, {"null", jsonNull}} {
		if strings.HasPrefix(string(s.in[s.pos:min(len(s.in), s.pos+5)]), lit.text) {
			s.pos += len(lit.text)
			n.kind, n.text = lit.kind, lit.text
			return n, nil
		}
	}
	return n, jsonErr(s.pos, "unexpected %s, want a JSON value", s.what())
}

func (s *jsonScanner) array(n *jsonNode, depth int) error {
	if s.space(); s.pos < len(s.in) && s.in[s.pos] == ']' {
		s.pos++
		return nil
	}
	for {
		s.space()
		e, err := s.value(depth)
		if err != nil {
			return err
		}
		n.elems = append(n.elems, e)
		if done, err := s.next(']'); done || err != nil {
			return err
		}
	}
}

func (s *jsonScanner) object(n *jsonNode, depth int) error {
	if s.space(); s.pos < len(s.in) && s.in[s.pos] == '}' {
		s.pos++
		return nil
	}
	n.members = make([]jsonMember, 0, 2) // a value object's two keys
	for {
		if s.space(); s.pos >= len(s.in) || s.in[s.pos] != '"' {
			return jsonErr(s.pos, "unexpected %s, want a quoted key", s.what())
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		if s.space(); s.pos >= len(s.in) || s.in[s.pos] != ':' {
			return jsonErr(s.pos, "unexpected %s, want ':'", s.what())
		}
		s.pos++
		s.space()
		v, err := s.value(depth)
		if err != nil {
			return err
		}
		n.members = append(n.members, jsonMember{key, v})
		if done, err := s.next('}'); done || err != nil {
			return err
		}
	}
}

// next consumes the ',' between elements or the closing bracket and
// reports whether it was the latter.
func (s *jsonScanner) next(closing byte) (bool, error) {
	s.space()
	if s.pos < len(s.in) {
		switch s.in[s.pos] {
		case ',':
			s.pos++
			return false, nil
		case closing:
			s.pos++
			return true, nil
		}
	}
	return false, jsonErr(s.pos, "unexpected %s, want ',' or '%c'", s.what(), closing)
}

// number scans RFC 8259's number grammar and returns its text; the
// conversion depends on the @data-type.
func (s *jsonScanner) number() (string, error) {
	start := s.pos
	digits := func() int {
		n := 0
		for s.pos < len(s.in) && s.in[s.pos] >= '0' && s.in[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	bad := func() (string, error) {
		return "", jsonErr(start, "malformed number %s", quoteShort(string(s.in[start:min(len(s.in), s.pos+1)])))
	}
	if s.in[s.pos] == '-' {
		s.pos++
	}
	intStart := s.pos
	if n := digits(); n == 0 || n > 1 && s.in[intStart] == '0' {
		s.pos = min(s.pos, intStart+1) // point at the first wrong digit
		return bad()
	}
	if s.pos < len(s.in) && s.in[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			return bad()
		}
	}
	if s.pos < len(s.in) && (s.in[s.pos] == 'e' || s.in[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.in) && (s.in[s.pos] == '+' || s.in[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return bad()
		}
	}
	return string(s.in[start:s.pos]), nil
}

// str scans a string at the opening quote and returns its bytes.
func (s *jsonScanner) str() (string, error) {
	start := s.pos
	s.pos++
	// Fast path: nothing to unescape.
	for i := s.pos; i < len(s.in); i++ {
		if s.in[i] == '"' {
			s.pos = i + 1
			raw := s.in[start+1 : i]
			if known, ok := jsonNames[string(raw)]; ok {
				return known, nil
			}
			return string(raw), nil
		}
		if s.in[i] == '\\' {
			break
		}
	}
	var b []byte
	for s.pos < len(s.in) {
		c := s.in[s.pos]
		s.pos++
		switch c {
		case '"':
			return string(b), nil
		case '\\':
		default:
			b = append(b, c)
			continue
		}
		if s.pos >= len(s.in) {
			break
		}
		esc := s.in[s.pos]
		s.pos++
		switch esc {
		case '"', '\\', '/':
			b = append(b, esc)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, '\v')
		case 'u':
			r, err := s.unicodeEscape()
			if err != nil {
				return "", err
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", jsonErr(s.pos-2, "unknown escape \\%c in string", esc)
		}
	}
	return "", jsonErr(start, "string without closing quote")
}

// unicodeEscape reads the XXXX of \uXXXX (after the u) and, for a high
// surrogate, the \uXXXX of the low one that must follow.
func (s *jsonScanner) unicodeEscape() (rune, error) {
	at := s.pos - 2
	hex4 := func() (rune, bool) {
		if len(s.in)-s.pos < 4 {
			return 0, false
		}
		v, err := strconv.ParseUint(string(s.in[s.pos:s.pos+4]), 16, 16)
		if err != nil {
			return 0, false
		}
		s.pos += 4
		return rune(v), true
	}
	r, ok := hex4()
	if !ok {
		return 0, jsonErr(at, `malformed \u escape, want 4 hex digits`)
	}
	if !utf16.IsSurrogate(r) {
		return r, nil
	}
	if r < 0xdc00 && len(s.in)-s.pos >= 2 && s.in[s.pos] == '\\' && s.in[s.pos+1] == 'u' {
		s.pos += 2
		if lo, ok := hex4(); ok {
			if pair := utf16.DecodeRune(r, lo); pair != utf8.RuneError {
				return pair, nil
			}
		}
	}
	return 0, jsonErr(at, `\u escape of a lone UTF-16 surrogate`)
}
