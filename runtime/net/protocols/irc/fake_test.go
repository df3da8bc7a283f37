package irc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// fake records what the analyser reports, one line each.
type fake struct {
	log       []string
	unhandled map[string]bool // events the "scripts" do not handle
	quiet     bool            // the fuzz target: keep nothing
	noSSL     bool            // StartTLS finds no SSL analyser
	removed   bool
}

func (f *fake) add(format string, a ...any) {
	if !f.quiet {
		f.log = append(f.log, fmt.Sprintf(format, a...))
	}
}
func (f *fake) Confirm()                             { f.add("confirm") }
func (f *fake) Violation(reason string, data []byte) { f.add("violation %s %q", reason, data) }
func (f *fake) Weird(source, name, addl string)      { f.add("weird %s %s", source, name) }
func (f *fake) Handled(event string) bool            { return !f.unhandled[event] }
func (f *fake) Remove()                              { f.add("remove"); f.removed = true }
func (f *fake) Type(name string) types.Type          { return fakeTypes[name] }
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
	if f.noSSL {
		return nil
	}
	return func(isOrig bool, data []byte) { f.add("SSL %v %q", isOrig, data) }
}

func (f *fake) Raise(event string, args ...value.Value) {
	var parts []string
	for _, a := range args {
		parts = append(parts, render(a))
	}
	f.add("%s(%s)", event, strings.Join(parts, ", "))
}

// render shows strings quoted, sets sorted in braces, records as
// [field, ...] and numbers plainly (the tests know which are bools).
func render(v value.Value) string {
	switch p := v.P.(type) {
	case string:
		return fmt.Sprintf("%q", p)
	case *value.Table:
		var rows []string
		for it := p.Iter(); it.Next(); {
			rows = append(rows, render(it.Key1()))
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

func record(name string, fields ...string) *types.RecordType {
	rt := types.NewRecord(name)
	for _, f := range fields {
		rt.AddField(&types.Field{Name: f, Type: types.StringType})
	}
	return rt
}

var fakeTypes = func() map[string]types.Type {
	join := record("irc_join_info", "nick", "channel", "password", "usermode")
	return map[string]types.Type{
		"irc_join_info": join,
		"irc_join_list": types.NewSet(join),
		"string_set":    types.NewSet(types.StringType),
	}
}()
