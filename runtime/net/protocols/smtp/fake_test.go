package smtp

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// fake records what the analyser reports, one line each.
type fake struct {
	log       []string
	quiet     bool // the fuzz target: keep nothing
	confirmed bool // Confirm is reported once, as analyzer.Context does
}

func (f *fake) add(format string, a ...any) {
	if !f.quiet {
		f.log = append(f.log, fmt.Sprintf(format, a...))
	}
}
func (f *fake) Confirm() {
	if !f.confirmed {
		f.confirmed = true
		f.add("confirm")
	}
}
func (f *fake) Violation(reason string, data []byte) { f.add("violation %s %q", reason, data) }
func (f *fake) Weird(source, name, addl string)      { f.add("weird %s %s", source, name) }
func (f *fake) Handled(event string) bool            { return true }
func (f *fake) Type(name string) types.Type          { return fakeTypes[name] }
func (f *fake) FileData(isOrig bool, data []byte)    { f.add("file %v %q", isOrig, data) }
func (f *fake) FileEnd(isOrig bool)                  { f.add("file end %v", isOrig) }
func (f *fake) NewRecord(name string) *value.Record  { return fakeRecord(name) }

// fakeRecord is a new record of the named fake type, nil if none.
func fakeRecord(name string) *value.Record {
	rt, _ := fakeTypes[name].(*types.RecordType)
	if rt == nil {
		return nil
	}
	return value.NewRecord(rt)
}

func (f *fake) StartTLS() func(bool, []byte) {
	f.add("start SSL")
	return func(isOrig bool, data []byte) { f.add("SSL %v %q", isOrig, data) }
}

func (f *fake) Raise(event string, args ...value.Value) {
	var parts []string
	for _, a := range args {
		parts = append(parts, render(a))
	}
	f.add("%s(%s)", event, strings.Join(parts, ", "))
}

// render shows strings quoted, tables by index, records as [field ...]
// and numbers plainly.
func render(v value.Value) string {
	switch p := v.P.(type) {
	case string:
		return strconv.QuoteToASCII(p)
	case *value.Table:
		var rows []string
		for it := p.Iter(); it.Next(); {
			rows = append(rows, render(it.Key1())+"="+render(it.Val()))
		}
		sort.Strings(rows)
		return "{" + strings.Join(rows, " ") + "}"
	case *value.Record:
		var fs []string
		for _, x := range p.Values() {
			fs = append(fs, render(x))
		}
		return "[" + strings.Join(fs, " ") + "]"
	case nil:
		return fmt.Sprint(v.N)
	}
	return fmt.Sprint(v.P)
}

var fakeTypes = func() map[string]types.Type {
	hdr := types.NewRecord("mime_header_rec")
	for _, f := range []string{"original_name", "name", "value"} {
		hdr.AddField(&types.Field{Name: f, Type: types.StringType})
	}
	return map[string]types.Type{
		"mime_header_rec":  hdr,
		"mime_header_list": types.NewTable(hdr, types.CountType),
	}
}()
