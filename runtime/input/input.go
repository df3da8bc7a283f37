// Package input is the ASCII reader of Zeek's input framework
// (Input::add_table, Input::add_event with Input::READER_ASCII): it reads
// a file in Zeek's tab-separated log format into rows of typed values,
// which the engine turns into table entries and events.
//
// The reader follows Zeek's: a "#fields" line names the columns, other
// lines starting with "#" and empty lines are skipped, a trailing CR is
// dropped, data lines are split on the first byte of the separator and
// each requested column is found by name. Problems are reported with
// Zeek's wording (see Problem); the few places where we differ on purpose
// are listed on Read.
package input

import (
	"fmt"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// ReaderName is the reader's name in the prefix of its messages
// ("<source>/Input::READER_ASCII: ...").
const ReaderName = "Input::READER_ASCII"

// Prefix is the prefix of the reader thread's messages for a stream with
// the given $source, for the messages the engine adds in its name
// ("Init failed", "terminating thread").
func Prefix(source string) string { return source + "/" + ReaderName + ": " }

// Options of one stream's ASCII reader: the InputAscii:: constants,
// overridden by the stream's config table (ApplyConfig).
type Options struct {
	Separator, SetSeparator, EmptyField, UnsetField string
	FailOnInvalidLines, FailOnFileProblem           bool
	// PathPrefix is prepended (with a '/') to a relative source.
	PathPrefix string
	// Name is the stream's name. Zeek's input manager names the stream
	// in its own messages ("Value 'x' for stream 'NAME' is not a valid
	// enum.").
	Name string
	// LocateAll makes the input manager's complaints about a line (an
	// unknown enum name, a missing value) name the file and the line, as
	// the reader's own do. Zeek words them without, so this is off
	// unless a stream's config asks for it ("locate_all"), as the intel
	// framework's feeds do: an analyst fixing a feed needs the line.
	LocateAll bool
}

// DefaultOptions are the defaults of InputAscii:: (those of the logging
// framework's ASCII writer, so Zeek's logs read back as they are).
func DefaultOptions() Options {
	return Options{Separator: "\t", SetSeparator: ",", EmptyField: "(empty)", UnsetField: "-"}
}

// ApplyConfig applies a stream's $config table. Zeek's ASCII reader takes
// separator, set_separator, empty_field, unset_field, and the two fail_on_*
// flags, which are true when the value starts with "T"; locate_all is
// ours (Options.LocateAll), and Zeek's reader ignores it. path_prefix is
// not a per-stream option in Zeek (only InputAscii::path_prefix is read),
// so it is ignored here too; so are unknown keys.
func (o *Options) ApplyConfig(config map[string]string) {
	for k, v := range config {
		switch k {
		case "separator":
			o.Separator = v
		case "set_separator":
			o.SetSeparator = v
		case "empty_field":
			o.EmptyField = v
		case "unset_field":
			o.UnsetField = v
		case "fail_on_invalid_lines":
			o.FailOnInvalidLines = strings.HasPrefix(v, "T")
		case "fail_on_file_problem":
			o.FailOnFileProblem = strings.HasPrefix(v, "T")
		case "locate_all":
			o.LocateAll = strings.HasPrefix(v, "T")
		}
	}
}

// Column is one column a stream reads: a leaf field of its idx/val (or
// fields) record type. A field of record type is replaced by its own
// fields, named with a dot as Zeek does (a field id: conn_id is read from
// the columns id.orig_h, id.orig_p, ...).
type Column struct {
	Name     string
	Type     types.Type
	Optional bool
	// Default is a field with a &default: its column may be missing
	// from the file (the field takes its default: intel files without
	// a meta.whitelist column load), though a "-" in it is an unset
	// value like any other.
	Default bool
	// Path holds the field offsets from the stream's record to the field.
	Path []int
	// TypeColumn is the &type_column of a port field: the name of the
	// column holding the port's protocol ("tcp", "udp", "icmp",
	// "unknown"). The file must have that column too.
	TypeColumn string
}

// Columns lists the columns of records of type rt, in field order.
func Columns(rt *types.RecordType) []Column {
	var out []Column
	var walk func(rt *types.RecordType, prefix string, path []int)
	walk = func(rt *types.RecordType, prefix string, path []int) {
		for _, f := range rt.Fields {
			p := append(append([]int(nil), path...), f.Offset)
			if sub, ok := f.Type.(*types.RecordType); ok {
				walk(sub, prefix+f.Name+".", p)
				continue
			}
			out = append(out, Column{
				Name: prefix + f.Name, Type: f.Type, Optional: f.Optional, Default: f.Default != nil,
				Path: p, TypeColumn: typeColumn(f),
			})
		}
	}
	walk(rt, "", nil)
	return out
}

// typeColumn returns the string of a port field's &type_column="name".
func typeColumn(f *types.Field) string {
	if f.Type.Kind() != types.Port {
		return ""
	}
	for _, a := range f.Attrs {
		if a.Name != "type_column" {
			continue
		}
		// The checker accepts any expression; a string literal is what
		// Zeek's scripts write, and all this reader can evaluate.
		if lit, ok := a.Value.(*ast.BasicLit); ok && lit.Kind == ast.LitString {
			return lit.Value
		}
	}
	return ""
}

// Validate reports what Zeek refuses when a stream is created with record
// type rt: an &optional field of record type, and fields of types the
// framework cannot read (Zeek's reporter wording).
func Validate(rt *types.RecordType) error {
	var check func(rt *types.RecordType, prefix string) error
	check = func(rt *types.RecordType, prefix string) error {
		for _, f := range rt.Fields {
			if sub, ok := f.Type.(*types.RecordType); ok {
				if f.Optional {
					return fmt.Errorf("The input framework does not support optional record fields: %q", f.Name)
				}
				if err := check(sub, prefix+f.Name+"."); err != nil {
					return err
				}
				continue
			}
			if !readable(f.Type) {
				return fmt.Errorf("Incompatible type %q in type definition for field %q in ReaderFrontend",
					f.Type.Kind().String(), prefix+f.Name)
			}
		}
		return nil
	}
	return check(rt, "")
}

// readable reports whether the reader converts values of type t: the
// atomic types, and sets (of one index type) and vectors of them.
func readable(t types.Type) bool {
	switch t := t.(type) {
	case *types.TableType:
		return t.IsSet() && len(t.Index) == 1 && atomic(t.Index[0])
	case *types.VectorType:
		return atomic(t.Elem)
	}
	return atomic(t)
}

func atomic(t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Count, types.Int, types.Double, types.String, types.Addr,
		types.Subnet, types.Port, types.Time, types.Interval, types.Pattern, types.Enum:
		return true
	}
	return false
}

// Row is one data line of the file: its values, one per Column.
type Row struct {
	// Line is the line's number in the file, counting from 1 and counting
	// every line (headers, comments and empty lines included), as Zeek's
	// messages do.
	Line int
	// Values holds one value per column; value.None for the unset field
	// and for an &optional column the file lacks.
	Values []value.Value
}

// Build makes the record value of type rt from a row read with cols
// (Columns(rt), or the part of a longer column list that belongs to rt,
// with the matching part of the row's values). Nested records are built
// from their flattened columns. Fields without a value stay unset: the
// engine applies a field's &default, as Zeek's record constructor does.
func Build(rt *types.RecordType, cols []Column, r Row) *value.Record {
	rec := newRecord(rt)
	for i, c := range cols {
		if i >= len(r.Values) || len(c.Path) == 0 {
			break
		}
		cur := rec
		for _, off := range c.Path[:len(c.Path)-1] {
			sub, _ := cur.Field(off).P.(*value.Record)
			if sub == nil {
				st, ok := cur.Type.Fields[off].Type.(*types.RecordType)
				if !ok {
					cur = nil
					break
				}
				sub = newRecord(st)
				cur.SetField(off, value.Value{P: sub})
			}
			cur = sub
		}
		if cur != nil {
			cur.SetField(c.Path[len(c.Path)-1], r.Values[i])
		}
	}
	return rec
}

func newRecord(rt *types.RecordType) *value.Record {
	return value.EmptyRecord(rt, value.AllFields)
}

// Problem is one message the reading produced.
//
// Msg is worded as Zeek's reporter prints it after "warning: " or
// "error: ". The reader's own messages carry the reader thread's prefix,
// "<source>/Input::READER_ASCII: ", and those about a line also the
// file's name and line number:
//
//	../input.log/Input::READER_ASCII: ../input.log, line 7: Bad address: 342.2.3.4
//
// Messages Zeek's input manager produces (an unknown enum name, an unset
// value for a field that is not &optional) have no prefix:
//
//	Value 'IdoNot::Exist' for stream 'enum' is not a valid enum.
//
// After a Fatal problem Zeek's framework adds "Init failed" and
// "terminating thread" errors with the same prefix; those belong to the
// engine. Read reports every problem; Source drops the file warnings Zeek
// suppresses.
type Problem struct {
	Line  int    // the line of the file; 0 for a problem of the file as a whole
	Msg   string // the reporter's text
	Fatal bool   // the stream stops (fail_on_invalid_lines, fail_on_file_problem)
	// Error: reported as an error rather than a warning (all Fatal
	// problems, and separators longer than one byte).
	Error bool
	// File: the file could not be read at all (missing, unreadable, bad
	// header). Zeek raises no Input::end_of_data then.
	File bool
	// Text is the message without prefix or location, as an $error_ev
	// handler receives it.
	Text string
}
