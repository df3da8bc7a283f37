// Package logging is the writer side of Zeek's logging framework: the
// columns of a stream (the &log fields of its record type, nested records
// flattened), and the ASCII writer that turns records into Zeek's
// tab-separated (or JSON) log files byte for byte (rendering.md §3).
package logging

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Column is one log column: a &log field, possibly nested in &log record
// fields, with its flattened name ("id.orig_h").
type Column struct {
	Name string
	Type types.Type
	// Path holds the field offsets from the stream's record to the value.
	Path []int
}

// Columns lists the columns of records of type rt: its &log fields in
// field order (those added by redef record included), a record-typed field
// replaced by its own &log fields, names joined with sep. keep, when not
// nil, decides on each flattened name (the filter's include/exclude).
func Columns(rt *types.RecordType, sep string, keep func(name string) bool) []Column {
	var out []Column
	var walk func(rt *types.RecordType, prefix string, path []int)
	walk = func(rt *types.RecordType, prefix string, path []int) {
		for _, f := range rt.Fields {
			if !f.Log {
				continue
			}
			name := prefix + f.Name
			p := append(append([]int(nil), path...), f.Offset)
			if sub, ok := f.Type.(*types.RecordType); ok {
				walk(sub, name+sep, p)
				continue
			}
			if keep != nil && !keep(name) {
				continue
			}
			out = append(out, Column{Name: name, Type: f.Type, Path: p})
		}
	}
	walk(rt, "", nil)
	return out
}

// Extract returns the values of the columns in rec (None where a field,
// or an enclosing optional record, is unset), in dst's array when it is
// large enough: a log file reuses one buffer for all its records, since
// writers do not keep the values.
func Extract(dst []value.Value, rec value.Value, cols []Column) []value.Value {
	out := dst[:0]
	if cap(out) < len(cols) {
		out = make([]value.Value, len(cols))
	}
	out = out[:len(cols)]
	for i, c := range cols {
		v := rec
		for _, off := range c.Path {
			r, ok := v.P.(*value.Record)
			if !ok || r == nil {
				v = value.None
				break
			}
			v = r.Field(off)
		}
		if a, ok := v.P.(*value.Any); ok {
			v = a.Value
		}
		out[i] = v
	}
	return out
}

// Writer receives the records of one log path.
type Writer interface {
	// Write writes one record: the values of the writer's columns, in
	// order (value.None for unset). vals is only valid during the call.
	Write(vals []value.Value) error
	// Flush hands what is buffered to the output (Log::flush, and every
	// write of a stream set unbuffered with Log::set_buf).
	Flush() error
	// Close writes the footer, if any, and closes the output.
	Close() error
}

// Options are the LogAscii:: settings of a run.
type Options struct {
	Separator    string // "\t"
	SetSeparator string // ","
	EmptyField   string // "(empty)"
	UnsetField   string // "-"
	MetaPrefix   string // "#"
	IncludeMeta  bool
	EnableUTF8   bool
	UseJSON      bool
	// JSONTimestamps is the name of the JSON::TimestampFormat constant
	// ("JSON::TS_EPOCH", "JSON::TS_MILLIS", "JSON::TS_MILLIS_UNSIGNED",
	// "JSON::TS_ISO8601").
	JSONTimestamps         string
	JSONIncludeUnsetFields bool
	// Now is the wall clock for #open and #close (time.Now if nil).
	Now func() time.Time
}

// DefaultOptions are Zeek's defaults.
func DefaultOptions() Options {
	return Options{
		Separator: "\t", SetSeparator: ",", EmptyField: "(empty)", UnsetField: "-",
		MetaPrefix: "#", IncludeMeta: true, EnableUTF8: true, JSONTimestamps: "JSON::TS_EPOCH",
	}
}

func (o *Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// stamp is the #open/#close format: local time.
func stamp(t time.Time) string { return t.Local().Format("2006-01-02-15-04-05") }

// New returns the writer for path over out: JSON lines with use_json,
// Zeek's TSV otherwise (the header is written at once).
func New(out io.WriteCloser, path string, cols []Column, opts Options) (Writer, error) {
	if opts.UseJSON {
		return &jsonWriter{out: out, cols: cols, opts: opts}, nil
	}
	w := &asciiWriter{out: out, path: path, cols: cols, opts: opts}
	if err := w.header(); err != nil {
		out.Close()
		return nil, err
	}
	return w, nil
}

// FileName is the file a path's records go to: <dir>/<path>.<suffix>,
// the suffix from ZEEK_LOG_SUFFIX (or BRO_LOG_SUFFIX), "log" by default.
func FileName(dir, path string, getenv func(string) string) string {
	suffix := "log"
	if getenv != nil {
		if s := getenv("ZEEK_LOG_SUFFIX"); s != "" {
			suffix = s
		} else if s := getenv("BRO_LOG_SUFFIX"); s != "" {
			suffix = s
		}
	}
	name := path + "." + suffix
	if dir != "" {
		name = filepath.Join(dir, name)
	}
	return name
}

// Create opens (truncating) the file of a path and returns its writer.
func Create(dir, path string, getenv func(string) string, cols []Column, opts Options) (Writer, error) {
	f, err := os.Create(FileName(dir, path, getenv))
	if err != nil {
		return nil, err
	}
	return New(f, path, cols, opts)
}
