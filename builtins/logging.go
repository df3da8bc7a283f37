package builtins

import (
	"errors"

	"github.com/gobro/gobro/runtime/value"
)

// The logging built-ins behind the Log:: script API keep the run's streams
// and their filters. Writers (conn.log and friends) arrive with the logging
// runtime; until then a write to an enabled stream is an error that says
// so, while everything the frameworks do at startup works.

type logStream struct {
	stream  value.Value
	enabled bool
	filters []string // names, in the order they were added
	bufered bool
}

type logState struct {
	streams map[uint64]*logStream
}

type logKey struct{}

func logs(ctx Context) *logState {
	return ctx.Local(logKey{}, func() any { return &logState{streams: map[uint64]*logStream{}} }).(*logState)
}

func (s *logState) get(id value.Value) *logStream { return s.streams[id.N] }

// fieldStr reads a string field of a record by name ("" when unset).
func fieldStr(v value.Value, name string) string {
	r, ok := v.P.(*value.Record)
	if !ok {
		return ""
	}
	for i, f := range r.Type.Fields {
		if f.Name == name && i < len(r.Fields) {
			return r.Fields[i].Str()
		}
	}
	return ""
}

var errNoWriters = errors.New("log writers are not implemented yet")

func init() {
	register(map[string]Impl{
		"Log::__create_stream": func(ctx Context, a []value.Value) (value.Value, error) {
			logs(ctx).streams[a[0].N] = &logStream{stream: a[1], enabled: true}
			return value.Bool(true), nil
		},
		"Log::__remove_stream": func(ctx Context, a []value.Value) (value.Value, error) {
			s := logs(ctx)
			_, ok := s.streams[a[0].N]
			delete(s.streams, a[0].N)
			return value.Bool(ok), nil
		},
		"Log::__enable_stream":  setEnabled(true),
		"Log::__disable_stream": setEnabled(false),
		"Log::__add_filter": func(ctx Context, a []value.Value) (value.Value, error) {
			st := logs(ctx).get(a[0])
			if st == nil {
				return value.Bool(false), nil
			}
			name := fieldStr(a[1], "name")
			for _, n := range st.filters {
				if n == name {
					return value.Bool(true), nil
				}
			}
			st.filters = append(st.filters, name)
			return value.Bool(true), nil
		},
		"Log::__remove_filter": func(ctx Context, a []value.Value) (value.Value, error) {
			st := logs(ctx).get(a[0])
			if st == nil {
				return value.Bool(false), nil
			}
			for i, n := range st.filters {
				if n == a[1].Str() {
					st.filters = append(st.filters[:i], st.filters[i+1:]...)
					return value.Bool(true), nil
				}
			}
			return value.Bool(false), nil
		},
		"Log::__get_filter_names": func(ctx Context, a []value.Value) (value.Value, error) {
			var names []string
			if st := logs(ctx).get(a[0]); st != nil {
				names = st.filters
			}
			return StringSet(ctx, names), nil
		},
		"Log::__set_buf": func(ctx Context, a []value.Value) (value.Value, error) {
			st := logs(ctx).get(a[0])
			if st != nil {
				st.bufered = a[1].Bool()
			}
			return value.Bool(st != nil), nil
		},
		"Log::__flush": func(ctx Context, a []value.Value) (value.Value, error) {
			return value.Bool(logs(ctx).get(a[0]) != nil), nil
		},
		"Log::__write": func(ctx Context, a []value.Value) (value.Value, error) {
			st := logs(ctx).get(a[0])
			if st == nil || !st.enabled {
				return value.Bool(false), nil
			}
			return value.Bool(false), errNoWriters
		},
	})
}

func setEnabled(on bool) Impl {
	return func(ctx Context, a []value.Value) (value.Value, error) {
		st := logs(ctx).get(a[0])
		if st != nil {
			st.enabled = on
		}
		return value.Bool(st != nil), nil
	}
}
