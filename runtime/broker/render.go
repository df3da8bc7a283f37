package broker

import (
	"strconv"

	"github.com/gobro/gobro/runtime/value"
)

// Render shows d in Zeek notation on one line, as a Zeek user would write
// or read the value it came from (FORMAT.md §4): T/F, 42, -3, 1.5,
// strings unquoted with non-printable bytes escaped as Zeek prints them,
// 10.0.0.1, 10.0.0.0/8, 80/tcp, time as epoch seconds, intervals as Zeek
// prints them (1.0 hr), enum names, sets {1, 2}, tables {[a] = 1, [b] = 2}
// (a vector key is written as the index list [10.0.0.1, 80/tcp]),
// vectors and records [1, two]. Broker data carries no record field names,
// so records show as vectors; None (an unset field) is <uninitialized>,
// Zeek's rendering of an unset field.
func Render(d Data) string { return string(AppendRender(nil, d)) }

// AppendRender appends Render(d) to b.
func AppendRender(b []byte, d Data) []byte {
	switch x := d.(type) {
	case None:
		return append(b, "<uninitialized>"...)
	case Bool:
		if x {
			return append(b, 'T')
		}
		return append(b, 'F')
	case Count:
		return strconv.AppendUint(b, uint64(x), 10)
	case Integer:
		return strconv.AppendInt(b, int64(x), 10)
	case Real:
		return append(b, value.FormatDouble(float64(x))...)
	case String:
		return append(b, value.EscapeBytes(string(x))...)
	case Enum:
		return append(b, x...)
	case Address:
		return value.AppendAddr(b, x.Addr())
	case Subnet:
		b = value.AppendAddr(b, x.Network.Addr())
		b = append(b, '/')
		return strconv.AppendInt(b, int64(x.Len()), 10)
	case Port:
		b = strconv.AppendUint(b, uint64(x.Number), 10)
		b = append(b, '/')
		return append(b, x.Protocol.String()...)
	case Timestamp:
		return append(b, value.FormatDouble(x.Seconds())...)
	case Timespan:
		return append(b, value.FormatInterval(x.Seconds())...)
	case *Set:
		b = append(b, '{')
		for i, e := range x.elems {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = AppendRender(b, e)
		}
		return append(b, '}')
	case *Table:
		b = append(b, '{')
		for i, e := range x.entries {
			if i > 0 {
				b = append(b, ", "...)
			}
			if _, isVec := e.Key.(Vector); isVec {
				b = AppendRender(b, e.Key)
			} else {
				b = append(b, '[')
				b = AppendRender(b, e.Key)
				b = append(b, ']')
			}
			b = append(b, " = "...)
			b = AppendRender(b, e.Value)
		}
		return append(b, '}')
	case Vector:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = AppendRender(b, e)
		}
		return append(b, ']')
	}
	return append(b, "<?>"...)
}

func (d None) String() string      { return Render(d) }
func (d Bool) String() string      { return Render(d) }
func (d Count) String() string     { return Render(d) }
func (d Integer) String() string   { return Render(d) }
func (d Real) String() string      { return Render(d) }
func (d String) String() string    { return Render(d) }
func (d Enum) String() string      { return Render(d) }
func (d Address) String() string   { return Render(d) }
func (d Subnet) String() string    { return Render(d) }
func (d Port) String() string      { return Render(d) }
func (d Timestamp) String() string { return Render(d) }
func (d Timespan) String() string  { return Render(d) }
func (d *Set) String() string      { return Render(d) }
func (d *Table) String() string    { return Render(d) }
func (d Vector) String() string    { return Render(d) }
