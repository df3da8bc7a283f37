package input

import (
	"net/netip"
	"strings"
	"unsafe"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// convert turns the text of one field (or set element) into a value of
// type t, reporting problems as Zeek's ASCII formatter words them. It
// returns false when the text does not convert, which drops the line.
// name is the column's, for messages.
func (r *reader) convert(s, name string, t types.Type) (value.Value, bool) {
	o := &r.o
	if o.UnsetField != "" && s == o.UnsetField {
		return value.None, true
	}
	switch t.Kind() {
	case types.String:
		// The log writers (Zeek's and runtime/logging) write "" as the
		// empty field and escape a string that equals it, so the empty
		// field is unambiguous here (Zeek's reader keeps it as text).
		if o.EmptyField != "" && s == o.EmptyField {
			return value.String(""), true
		}
		return r.str(r.unescape(s, true)), true

	case types.Enum:
		// Enum names are looked up by Zeek's input manager, after the
		// reader converted the whole line.
		n := r.unescape(s, false)
		if et, ok := t.(*types.EnumType); ok {
			if c := et.Lookup(n); c != nil {
				return value.Enum(c.Value), true
			}
		}
		r.manager("Value '" + n + "' for stream '" + o.Name + "' is not a valid enum.")
		return value.Enum(0), true

	case types.Bool:
		switch strip(s) {
		case "T", "1":
			return value.Bool(true), true
		case "F", "0":
			return value.Bool(false), true
		}
		r.warn("Field: " + name + " Invalid value for boolean: " + s)
		return value.None, false

	case types.Int:
		v, res := strtoll(s)
		if !r.checkNumber(s, res, false) {
			return value.None, false
		}
		return value.Int(v), true

	case types.Count:
		v, res := strtoull(s)
		if !r.checkNumber(s, res, true) {
			return value.None, false
		}
		return value.Count(v), true

	case types.Double, types.Time, types.Interval:
		v, res := strtod(s)
		if !r.checkNumber(s, res, false) {
			return value.None, false
		}
		return value.Double(v), true

	case types.Port:
		return r.port(s)

	case types.Addr:
		return value.Addr(r.addr(strip(r.unescape(s, false)))), true

	case types.Subnet:
		return r.subnet(s)

	case types.Pattern:
		return r.pattern(s)

	case types.Set:
		tt := t.(*types.TableType)
		if len(tt.Index) != 1 || !atomic(tt.Index[0]) {
			break
		}
		tab := value.NewTable(tt)
		ok := r.elements(s, name, tt.Index[0], func(v value.Value) {
			if v.IsUnset() {
				r.missing()
				return
			}
			tab.Add1(v)
		})
		return value.Value{P: tab}, ok

	case types.Vector:
		vt := t.(*types.VectorType)
		if !atomic(vt.Elem) {
			break
		}
		vec := &value.Vector{Type: vt}
		ok := r.elements(s, name, vt.Elem, func(v value.Value) {
			vec.Elems = append(vec.Elems, v)
		})
		return value.Value{P: vec}, ok
	}
	r.warn("unsupported field format " + t.String() + " for " + name)
	return value.None, false
}

// elements converts the elements of a set or vector field, separated by
// the set separator, and passes each to add.
func (r *reader) elements(s, name string, et types.Type, add func(value.Value)) bool {
	o := &r.o
	if (o.EmptyField != "" && s == o.EmptyField) || (o.EmptyField == "" && s == "") {
		return true
	}
	for {
		i := strings.IndexByte(s, r.setSep)
		elem := s
		if i >= 0 {
			elem = s[:i]
		}
		v, ok := r.convert(elem, name, et)
		if !ok {
			// Zeek adds the element after a trailing separator (or the
			// single one of an empty field) separately, with its own
			// complaint.
			if i < 0 && elem == "" {
				r.warn("Error while trying to add empty set element")
			} else {
				r.warn("Error while reading set or vector")
			}
			return false
		}
		add(v)
		if i < 0 {
			return true
		}
		s = s[i+1:]
	}
}

// checkNumber reports what Zeek reports about a converted number: no
// number at all, ignored trailing text, a negative count, a value out of
// range. It returns false when the field does not convert.
func (r *reader) checkNumber(s string, res numResult, nonneg bool) bool {
	if res.end == 0 {
		if s == "" {
			r.warn("Got empty string for number field")
		} else {
			r.warn("String '" + s + "' contained no parseable number")
		}
		return false
	}
	if res.end < len(s) {
		r.warn("Number '" + s + "' contained non-numeric trailing characters. Ignored trailing characters '" +
			s[res.end:] + "'")
	}
	if nonneg {
		i := 0
		for i < res.end && isCSpace(s[i]) {
			i++
		}
		if s[i] == '-' {
			r.warn("Number '" + s + "' cannot be negative")
			return false
		}
	}
	if res.overflow {
		r.warn("Number '" + s + "' out of supported range.")
		return false
	}
	return true
}

// port converts "80", "80/tcp" (any case) or "80/unknown". An unknown
// protocol only warns; the port's protocol is then unknown.
func (r *reader) port(s string) (value.Value, bool) {
	st := strip(s)
	proto := value.ProtoUnknown
	num := s
	if k := strings.IndexByte(st, '/'); k >= 0 {
		if p := st[k+1:]; p != "" {
			switch {
			case strings.EqualFold(p, "tcp"):
				proto = value.ProtoTCP
			case strings.EqualFold(p, "udp"):
				proto = value.ProtoUDP
			case strings.EqualFold(p, "icmp"):
				proto = value.ProtoICMP
			case strings.EqualFold(p, "unknown"):
			default:
				r.warn("Port '" + s + "' contained unknown protocol '" + p + "'")
			}
		}
		if k > 0 {
			num = st[:k]
		}
	}
	n, res := strtoull(num)
	if !r.checkNumber(num, res, true) {
		return value.None, false
	}
	if n > 0xffff {
		r.warn("Number '" + num + "' out of supported range.")
		return value.None, false
	}
	return value.Port(uint32(n), proto), true
}

// proto converts the text of a &type_column: exactly "tcp", "udp",
// "icmp" or "unknown"; anything else warns and means unknown.
func (r *reader) proto(s string) int {
	switch s {
	case "tcp":
		return value.ProtoTCP
	case "udp":
		return value.ProtoUDP
	case "icmp":
		return value.ProtoICMP
	case "unknown":
		return value.ProtoUnknown
	}
	r.warn("Tried to parse invalid/unknown protocol: " + s)
	return value.ProtoUnknown
}

// addr converts an address as Zeek does: text without a colon is IPv4 in
// inet_aton's forms, other text IPv6, optionally in brackets. A bad
// address only warns, and reads as 0.0.0.0 (or ::) — Zeek keeps the line.
func (r *reader) addr(s string) netip.Addr {
	if strings.IndexByte(s, ':') < 0 {
		if a, ok := inetAton(s); ok {
			return a
		}
		r.warn("Bad address: " + s)
		return netip.IPv4Unspecified()
	}
	c := s
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		c = s[1 : len(s)-1]
	}
	// inet_pton knows no zones.
	if strings.IndexByte(c, '%') < 0 {
		if a, err := netip.ParseAddr(c); err == nil && a.Is6() {
			return a
		}
	}
	r.warn("Bad address: " + c)
	return netip.IPv6Unspecified()
}

// subnet converts "addr/width".
func (r *reader) subnet(s string) (value.Value, bool) {
	u := strip(r.unescape(s, false))
	k := strings.IndexByte(u, '/')
	if k < 0 {
		r.warn("Invalid value for subnet: " + s)
		return value.None, false
	}
	ws := u[k+1:]
	w, res := strtoll(ws)
	if !r.checkNumber(ws, res, false) {
		return value.None, false
	}
	a := r.addr(u[:k])
	limit := int64(128)
	if a.Is4() {
		limit = 32
	}
	if w < 0 || w > limit {
		r.warn("Invalid value for subnet: " + s)
		return value.None, false
	}
	bits := int(w)
	if a.Is4In6() && bits >= 96 {
		// ::ffff:a.b.c.d/n is the IPv4 subnet, as for addresses.
		a, bits = a.Unmap(), bits-96
	}
	return value.Subnet(netip.PrefixFrom(a, bits)), true
}

// pattern converts "/re/" with optional flags i and s ("/re/is").
func (r *reader) pattern(s string) (value.Value, bool) {
	u := r.unescape(s, false)
	src, ci, sl, ok := splitPattern(u)
	if !ok {
		r.warn("String '" + u + "' contained no parseable pattern.")
		return value.None, false
	}
	// The input manager compiles the pattern once the line converted.
	p, err := value.NewPattern(strings.Clone(src), ci, sl)
	if err == nil {
		err = p.Compile()
	}
	if err != nil {
		r.manager("Could not compile pattern '" + u + "': " + err.Error())
		return value.None, true
	}
	return value.Value{P: p}, true
}

// splitPattern takes "/re/flags" apart; flags are i and s, each at most
// once.
func splitPattern(u string) (src string, ci, sl, ok bool) {
	if len(u) < 2 || u[0] != '/' {
		return "", false, false, false
	}
	k := strings.LastIndexByte(u, '/')
	if k == 0 {
		return "", false, false, false
	}
	for _, f := range []byte(u[k+1:]) {
		switch {
		case f == 'i' && !ci:
			ci = true
		case f == 's' && !sl:
			sl = true
		default:
			return "", false, false, false
		}
	}
	return u[1:k], ci, sl, true
}

// unescape decodes \xHH (either case) and, unlike Zeek, \\ (see Read); a
// backslash before anything else stays. With keep the result is copied
// to the arena (strings that end up in values); otherwise it may be a
// view of the line or of scratch arena space.
func (r *reader) unescape(s string, keep bool) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		if keep {
			return r.keep(s)
		}
		return s
	}
	if len(s) > arenaChunk/8 || cap(r.arena)-len(r.arena) < len(s) {
		if len(s) > arenaChunk/8 {
			// Too big for the arena: give it its own buffer.
			b := decode(make([]byte, 0, len(s)), s, i)
			return unsafe.String(unsafe.SliceData(b), len(b))
		}
		r.arena = make([]byte, 0, arenaChunk)
	}
	start := len(r.arena)
	r.arena = decode(r.arena, s, i)
	out := r.arena[start:]
	if !keep {
		// Scratch: give the space back; the caller uses the result only
		// until the next conversion.
		r.arena = r.arena[:start]
	}
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out))
}

// decode appends s with its escapes decoded to b; i is the first
// backslash. The result is never longer than s.
func decode(b []byte, s string, i int) []byte {
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c == '\\' && i+3 < len(s) && s[i+1] == 'x' && isHex(s[i+2]) && isHex(s[i+3]) {
			b = append(b, unhex(s[i+2])<<4|unhex(s[i+3]))
			i += 4
			continue
		}
		if c == '\\' && i+1 < len(s) && s[i+1] == '\\' {
			b = append(b, '\\')
			i += 2
			continue
		}
		b = append(b, c)
		i++
	}
	return b
}

func unhex(c byte) byte {
	if isDigit(c) {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}
