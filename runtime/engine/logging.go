package engine

import (
	"fmt"
	"sort"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/logging"
	"github.com/gobro/gobro/runtime/value"
)

// Log::__write: the stream's record goes through the policy hooks, raises
// the stream's event and reaches the writer of each filter's path. The
// writers of a run live in its locals and are closed (#close) when the
// run ends (closeLocals).

type logWritersKey struct{}

// logWriters are the open writers of a run, by path.
type logWriters struct {
	byPath map[string]logging.Writer
	failed map[string]bool
}

// Close closes every writer, in path order.
func (l *logWriters) Close() error {
	paths := make([]string, 0, len(l.byPath))
	for p := range l.byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var first error
	for _, p := range paths {
		if err := l.byPath[p].Close(); err != nil && first == nil {
			first = err
		}
	}
	l.byPath = map[string]logging.Writer{}
	return first
}

// closer is per-run state to release when the run ends.
type closer interface{ Close() error }

// closeLocals closes the per-run state that needs it (the log writers),
// at the end of Run.
func (e *Engine) closeLocals() {
	keys := make([]any, 0, len(e.locals))
	for k, v := range e.locals {
		if _, ok := v.(closer); ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprintf("%T", keys[i]) < fmt.Sprintf("%T", keys[j]) })
	for _, k := range keys {
		if err := e.locals[k].(closer).Close(); err != nil {
			fmt.Fprintf(e.stderr, "error: %v\n", err)
		}
	}
}

func (e *Engine) logBuiltin(name string) builtins.Impl {
	if name != "Log::__write" {
		return nil
	}
	return e.logWrite
}

// field reads a record field by name (None when absent or unset), out of
// its any box.
func field(rec value.Value, name string) value.Value {
	r, ok := rec.P.(*value.Record)
	if !ok || r == nil {
		return value.None
	}
	f := r.Type.Field(name)
	if f == nil || f.Offset >= len(r.Fields) {
		return value.None
	}
	return unbox(r.Fields[f.Offset])
}

// logGlobal reads a global (None when it is not declared or unset).
func (e *Engine) logGlobal(name string) value.Value {
	s := e.chk.Lookup(name)
	if s == nil || s.Slot < 0 || s.Slot >= len(e.prog.Globals) {
		return value.None
	}
	return e.prog.Globals[s.Slot]
}

func (e *Engine) globalString(name, def string) string {
	v := e.logGlobal(name)
	if s, ok := v.P.(string); ok {
		return s
	}
	return def
}

// logOptions are the LogAscii:: settings as the script left them.
func (e *Engine) logOptions() logging.Options {
	o := logging.DefaultOptions()
	o.Separator = e.globalString("LogAscii::separator", o.Separator)
	o.SetSeparator = e.globalString("LogAscii::set_separator", o.SetSeparator)
	o.EmptyField = e.globalString("LogAscii::empty_field", o.EmptyField)
	o.UnsetField = e.globalString("LogAscii::unset_field", o.UnsetField)
	o.MetaPrefix = e.globalString("LogAscii::meta_prefix", o.MetaPrefix)
	o.IncludeMeta = e.globalBool("LogAscii::include_meta", true)
	o.EnableUTF8 = e.globalBool("LogAscii::enable_utf_8", true)
	o.UseJSON = e.globalBool("LogAscii::use_json", false)
	o.JSONIncludeUnsetFields = e.globalBool("LogAscii::json_include_unset_fields", false)
	if s := e.chk.Lookup("LogAscii::json_timestamps"); s != nil {
		if et, ok := s.Type.(*types.EnumType); ok {
			if v := e.logGlobal("LogAscii::json_timestamps"); !v.IsUnset() {
				o.JSONTimestamps = et.NameOf(v.Int())
			}
		}
	}
	return o
}

// columnsType is the record type of a stream's columns ($columns=Info).
func columnsType(stream value.Value) *types.RecordType {
	switch t := field(stream, "columns").P.(type) {
	case *types.RecordType:
		return t
	case *value.Record:
		return t.Type
	}
	return nil
}

// coerceRecord converts a record to the columns type by field name, as
// Zeek's CoerceTo does for a record of another type.
func coerceRecord(v value.Value, dst *types.RecordType) (value.Value, bool) {
	r, ok := v.P.(*value.Record)
	if !ok || r == nil {
		return value.None, false
	}
	if r.Type == dst {
		return v, true
	}
	out := &value.Record{Type: dst, Fields: make([]value.Value, len(dst.Fields))}
	for i := range out.Fields {
		out.Fields[i] = value.None
	}
	for i, sf := range r.Type.Fields {
		df := dst.Field(sf.Name)
		if df == nil {
			return value.None, false
		}
		if i < len(r.Fields) {
			out.Fields[df.Offset] = r.Fields[i]
		}
	}
	return value.Value{P: out}, true
}

// hookFn is the compiled hook or event behind a function value.
func hookFn(v value.Value) *compile.Function {
	if f, ok := unbox(v).P.(*value.Func); ok && f != nil {
		fn, _ := f.Impl.(*compile.Function)
		return fn
	}
	return nil
}

func (e *Engine) logWrite(ctx builtins.Context, a []value.Value) (value.Value, error) {
	id := a[0]
	info, ok := builtins.LogStream(ctx, id)
	if !ok {
		return value.Bool(false), nil
	}
	if !info.Enabled {
		return value.Bool(true), nil
	}
	cols := columnsType(info.Stream)
	if cols == nil {
		return value.Bool(false), fmt.Errorf("log stream has no columns record type")
	}
	rec, ok := coerceRecord(unbox(a[1]), cols)
	if !ok {
		return value.Bool(false), fmt.Errorf("incompatible log record type")
	}
	boxed := value.Box(rec, cols)

	// The stream's event, with the record.
	if fn := hookFn(field(info.Stream, "ev")); fn != nil {
		e.Queue(fn, []value.Value{rec})
	}
	// The global and the stream's policy hooks; a break vetoes the write.
	if s := e.chk.Lookup("Log::log_stream_policy"); s != nil && s.Func != nil {
		if fn := e.prog.Funcs[s.Func]; fn != nil && !e.RunHook(fn, []value.Value{boxed, id}) {
			return value.Bool(true), nil
		}
	}
	if fn := hookFn(field(info.Stream, "policy")); fn != nil && !e.RunHook(fn, []value.Value{boxed, id}) {
		return value.Bool(true), nil
	}

	for _, flt := range info.Filters {
		if fn := hookFn(field(flt, "policy")); fn != nil && !e.RunHook(fn, []value.Value{boxed, id, flt}) {
			continue
		}
		path := field(flt, "path").Str()
		if pf, ok := unbox(field(flt, "path_func")).P.(*value.Func); ok && pf != nil {
			path = compile.Call(pf, []value.Value{id, value.String(path), boxed}, nil).Str()
		}
		if path == "" {
			continue
		}
		w, err := e.logWriter(path, cols, flt)
		if err != nil {
			return value.Bool(false), err
		}
		if w == nil {
			continue
		}
		if err := w.Write(logging.Extract(rec, w.cols)); err != nil {
			return value.Bool(false), err
		}
	}
	return value.Bool(true), nil
}

// openWriter is a path's writer with the columns it was opened with.
type openWriter struct {
	logging.Writer
	cols []logging.Column
}

// logWriter returns the writer of a path, opening it (and writing its
// header) on first use with the filter's columns.
func (e *Engine) logWriter(path string, cols *types.RecordType, flt value.Value) (*openWriter, error) {
	lw := e.Context().Local(logWritersKey{}, func() any {
		return &logWriters{byPath: map[string]logging.Writer{}, failed: map[string]bool{}}
	}).(*logWriters)
	if w, ok := lw.byPath[path]; ok {
		return w.(*openWriter), nil
	}
	if lw.failed[path] {
		return nil, nil
	}
	sep := field(flt, "scope_sep").Str()
	if sep == "" {
		sep = "."
	}
	include, _ := field(flt, "include").P.(*value.Table)
	exclude, _ := field(flt, "exclude").P.(*value.Table)
	keep := func(name string) bool {
		if include != nil && !include.Has1(value.String(name)) {
			return false
		}
		return exclude == nil || !exclude.Has1(value.String(name))
	}
	columns := logging.Columns(cols, sep, keep)
	dir := e.globalString("LogAscii::logdir", "")
	if dir == "" {
		dir = e.globalString("Log::default_logdir", "")
	}
	w, err := logging.Create(dir, path, e.Getenv, columns, e.logOptions())
	if err != nil {
		lw.failed[path] = true
		return nil, err
	}
	ow := &openWriter{Writer: w, cols: columns}
	lw.byPath[path] = ow
	return ow, nil
}
