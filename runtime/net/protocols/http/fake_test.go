package http

import (
	"fmt"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// recorder is a Sink that writes down what the analyser reports, one
// line each, so tests compare transcripts.
type recorder struct {
	log       []string
	unhandled map[string]bool
	partial   bool
	quiet     bool // count only (fuzzing)
	n         int
}

func (r *recorder) add(format string, a ...any) {
	if r.quiet {
		r.n++
		return
	}
	r.log = append(r.log, fmt.Sprintf(format, a...))
}

func (r *recorder) Confirm()                             { r.add("confirm") }
func (r *recorder) Violation(reason string, data []byte) { r.add("violation %s", reason) }
func (r *recorder) Weird(source, name, addl string)      { r.add("weird %s %s %q", source, name, addl) }
func (r *recorder) Handled(event string) bool            { return !r.unhandled[event] }
func (r *recorder) Now() float64                         { return 1 }
func (r *recorder) Partial() bool                        { return r.partial }
func (r *recorder) Type(name string) types.Type          { return fakeTypes[name] }
func (r *recorder) NewRecord(name string) *value.Record {
	rt, _ := fakeTypes[name].(*types.RecordType)
	if rt == nil {
		return nil
	}
	return value.NewRecord(rt)
}

func (r *recorder) FileData(isOrig bool, data []byte) { r.add("file %s %q", side(isOrig), data) }
func (r *recorder) FileDataAt(isOrig bool, off uint64, data []byte) {
	r.add("file %s @%d %q", side(isOrig), off, data)
}
func (r *recorder) FileGap(isOrig bool, n uint64)     { r.add("file-gap %s %d", side(isOrig), n) }
func (r *recorder) FileSize(isOrig bool, size uint64) { r.add("file-size %s %d", side(isOrig), size) }
func (r *recorder) FileEnd(isOrig bool)               { r.add("file-end %s", side(isOrig)) }

func (r *recorder) Raise(event string, args ...value.Value) {
	if r.quiet {
		r.n++
		return
	}
	parts := []string{event}
	for i, a := range args {
		if i == 0 && strings.HasPrefix(event, "http_") && event != "http_request" && event != "http_reply" &&
			event != "http_event" && event != "http_stats" && event != "http_connection_upgrade" {
			parts = append(parts, side(a.Bool()))
			continue
		}
		parts = append(parts, render(a))
	}
	r.log = append(r.log, strings.Join(parts, " "))
}

func side(isOrig bool) string {
	if isOrig {
		return "orig"
	}
	return "resp"
}

// render prints the few kinds of values the analyser raises.
func render(v value.Value) string {
	switch p := v.P.(type) {
	case string:
		return fmt.Sprintf("%q", p)
	case *value.Record:
		var fs []string
		for _, f := range p.Type.Fields {
			x := p.Get(f.Name)
			switch f.Type {
			case types.StringType:
				fs = append(fs, fmt.Sprintf("%s=%q", f.Name, x.Str()))
			case types.BoolType:
				fs = append(fs, fmt.Sprintf("%s=%v", f.Name, x.Bool()))
			case types.CountType:
				fs = append(fs, fmt.Sprintf("%s=%d", f.Name, x.Count()))
			}
		}
		return "[" + strings.Join(fs, " ") + "]"
	case *value.Table:
		var rows []string
		for i := uint64(1); ; i++ {
			row, ok := p.Get1(value.Count(i))
			if !ok {
				break
			}
			rows = append(rows, render(row))
		}
		return "{" + strings.Join(rows, ",") + "}"
	case nil:
		return fmt.Sprint(v.N)
	}
	return fmt.Sprint(v)
}

func record(name string, fields ...any) *types.RecordType {
	rt := types.NewRecord(name)
	for i := 0; i < len(fields); i += 2 {
		rt.AddField(&types.Field{Name: fields[i].(string), Type: fields[i+1].(types.Type)})
	}
	return rt
}

var fakeTypes = func() map[string]types.Type {
	hdr := record("mime_header_rec", "original_name", types.StringType, "name", types.StringType, "value", types.StringType)
	return map[string]types.Type{
		"http_message_stat": record("http_message_stat", "start", types.TimeType, "interrupted", types.BoolType,
			"finish_msg", types.StringType, "body_length", types.CountType, "content_gap_length", types.CountType,
			"header_length", types.CountType),
		"http_stats_rec":   record("http_stats_rec", "num_requests", types.CountType, "num_replies", types.CountType),
		"mime_header_rec":  hdr,
		"mime_header_list": types.NewTable(hdr, types.CountType),
	}
}()
