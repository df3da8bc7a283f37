package builtins

import (
	"errors"

	"github.com/gobro/gobro/runtime/value"
)

// The logging built-ins behind the Log:: script API keep the run's streams
// and their filters. Log::__write, __set_buf and __flush need the engine
// (events, hooks, option values, the run's files): the engine implements
// them (runtime/engine/logging.go) on top of LogStream; the __write here
// only reports that.

type logStream struct {
	stream  value.Value
	enabled bool
	filters []logFilter // in the order they were added
	// recs are the filters' records, what every Log::write hands out:
	// made anew on each change, so a write that adds or removes a
	// filter from a policy hook does not disturb its own walk.
	recs []value.Value
}

// changed remakes recs after the filters changed.
func (st *logStream) changed() {
	recs := make([]value.Value, len(st.filters))
	for i, f := range st.filters {
		recs[i] = f.rec
	}
	st.recs = recs
}

type logFilter struct {
	name string
	rec  value.Value // the Log::Filter record
}

// LogStreamInfo is what Log::__write needs of a stream.
type LogStreamInfo struct {
	Stream  value.Value // the Log::Stream record
	Enabled bool
	Filters []value.Value // the Log::Filter records, in the order added (shared: read only)
}

// LogStream returns the stream with the given Log::ID, if it exists.
func LogStream(ctx Context, id value.Value) (LogStreamInfo, bool) {
	st := logs(ctx).get(id)
	if st == nil {
		return LogStreamInfo{}, false
	}
	return LogStreamInfo{Stream: st.stream, Enabled: st.enabled, Filters: st.recs}, true
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
	return r.Get(name).Str()
}

var errNoWriters = errors.New("log writers need the engine")

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
			for i, f := range st.filters {
				if f.name == name {
					st.filters[i].rec = a[1] // a filter of the same name is replaced
					st.changed()
					return value.Bool(true), nil
				}
			}
			st.filters = append(st.filters, logFilter{name, a[1]})
			st.changed()
			return value.Bool(true), nil
		},
		"Log::__remove_filter": func(ctx Context, a []value.Value) (value.Value, error) {
			st := logs(ctx).get(a[0])
			if st == nil {
				return value.Bool(false), nil
			}
			for i, f := range st.filters {
				if f.name == a[1].Str() {
					st.filters = append(st.filters[:i], st.filters[i+1:]...)
					st.changed()
					return value.Bool(true), nil
				}
			}
			return value.Bool(false), nil
		},
		"Log::__get_filter_names": func(ctx Context, a []value.Value) (value.Value, error) {
			var names []string
			if st := logs(ctx).get(a[0]); st != nil {
				for _, f := range st.filters {
					names = append(names, f.name)
				}
			}
			return StringSet(ctx, names), nil
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
