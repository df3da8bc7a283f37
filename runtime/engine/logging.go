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
// the stream's event and reaches the file of each filter's path. The files
// of a run live in its locals and are closed (#close) when the run ends
// (closeLocals); rotation.go rotates those whose filter has an interval.

type logFilesKey struct{}

// logFiles are the log files of a run, by path.
type logFiles struct {
	byPath map[string]*logFile
}

// logFile is the output of one path. Like a Zeek writer it is made by the
// first write to the path, which fixes its columns, options and rotation
// settings; its file is open from a write to the next rotation (w is nil
// in between) and reopened, with a fresh header, by the next write.
type logFile struct {
	path   string
	dir    string
	cols   []logging.Column
	opts   logging.Options
	stream uint64 // the Log::ID of the stream that made it
	w      logging.Writer
	// failed is set when the file could not be created: nothing more is
	// written to the path.
	failed bool
	// unbuffered is set by Log::set_buf(id, F): every write is flushed.
	unbuffered bool
	// vals is the record being written, reused from write to write.
	vals []value.Value

	// From the filter: its Log::Writer, rotation interval (seconds, 0
	// for none) and postprocessor (unset: the default one).
	writer        value.Value
	interv        float64
	postprocessor value.Value
	// opened is the network time the current rotation period began.
	opened float64
}

// open creates the file and writes its header.
func (f *logFile) open(getenv func(string) string) error {
	w, err := logging.Create(f.dir, f.path, getenv, f.cols, f.opts)
	if err != nil {
		f.failed = true
		return err
	}
	f.w = w
	return nil
}

// write writes one record, opening the file if a rotation closed it.
func (f *logFile) write(rec value.Value, getenv func(string) string) error {
	if f.failed {
		return nil
	}
	if f.w == nil {
		if err := f.open(getenv); err != nil {
			return err
		}
	}
	f.vals = logging.Extract(f.vals, rec, f.cols)
	if err := f.w.Write(f.vals); err != nil {
		return err
	}
	if f.unbuffered {
		return f.w.Flush()
	}
	return nil
}

// Close closes every open file, in path order.
func (l *logFiles) Close() error {
	var first error
	for _, f := range l.sorted() {
		if f.w == nil {
			continue
		}
		if err := f.w.Close(); err != nil && first == nil {
			first = err
		}
		f.w = nil
	}
	return first
}

// sorted lists the files in path order.
func (l *logFiles) sorted() []*logFile {
	fs := make([]*logFile, 0, len(l.byPath))
	for _, f := range l.byPath {
		fs = append(fs, f)
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].path < fs[j].path })
	return fs
}

func (e *Engine) logFiles() *logFiles {
	return e.Context().Local(logFilesKey{}, func() any {
		return &logFiles{byPath: map[string]*logFile{}}
	}).(*logFiles)
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
	switch name {
	case "Log::__write":
		return e.logWrite
	case "Log::__set_buf":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			if _, ok := builtins.LogStream(ctx, a[0]); !ok {
				return value.Bool(false), nil
			}
			// As in Zeek, the stream's files open now change; files
			// it opens later are buffered.
			for _, f := range e.streamFiles(a[0]) {
				f.unbuffered = !a[1].Bool()
				if f.unbuffered {
					f.w.Flush()
				}
			}
			return value.Bool(true), nil
		}
	case "Log::__flush":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			info, ok := builtins.LogStream(ctx, a[0])
			if ok && info.Enabled {
				for _, f := range e.streamFiles(a[0]) {
					f.w.Flush()
				}
			}
			return value.Bool(ok), nil
		}
	case "calc_next_rotate":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Interval(e.untilRotation(a[0].Double())), nil
		}
	}
	return nil
}

// streamFiles are the open files of the stream with the given Log::ID.
func (e *Engine) streamFiles(id value.Value) []*logFile {
	var fs []*logFile
	for _, f := range e.logFiles().sorted() {
		if f.stream == id.N && f.w != nil {
			fs = append(fs, f)
		}
	}
	return fs
}

// field reads a record field by name (None when absent or unset), out of
// its any box.
func field(rec value.Value, name string) value.Value {
	r, ok := rec.P.(*value.Record)
	if !ok || r == nil {
		return value.None
	}
	return unbox(r.Get(name))
}

// logGlobal reads a global (None when it is not declared or unset).
func (e *Engine) logGlobal(name string) value.Value {
	s := e.chk.Lookup(name)
	if s == nil || s.Slot < 0 || s.Slot >= len(e.prog.Globals) {
		return value.None
	}
	return e.prog.Globals[s.Slot]
}

// defaultLogDir is where logs go when neither the writer nor the filter
// names a directory: Log::default_logdir, else the embedder's LogDir
// (else the working directory).
func (e *Engine) defaultLogDir() string {
	if d := e.globalString("Log::default_logdir", ""); d != "" {
		return d
	}
	return e.LogDir
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
	out := value.EmptyRecord(dst, value.AllFields)
	for i, sf := range r.Type.Fields {
		df := dst.Field(sf.Name)
		if df == nil {
			return value.None, false
		}
		out.SetField(df.Offset, r.Field(i))
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
	if fn := e.function("Log::log_stream_policy"); fn != nil && !e.RunHook(fn, []value.Value{boxed, id}) {
		return value.Bool(true), nil
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
		f, err := e.logFile(id, path, cols, flt)
		if err == nil {
			err = f.write(rec, e.Getenv)
		}
		if err != nil {
			return value.Bool(false), err
		}
	}
	return value.Bool(true), nil
}

// logFile returns the file of a path, making it (and writing its header)
// on first use with the filter's columns and rotation settings.
func (e *Engine) logFile(id value.Value, path string, cols *types.RecordType, flt value.Value) (*logFile, error) {
	lf := e.logFiles()
	if f, ok := lf.byPath[path]; ok {
		return f, nil
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
	dir := e.globalString("LogAscii::logdir", "")
	if dir == "" {
		dir = e.defaultLogDir()
	}
	f := &logFile{
		path: path, dir: dir, cols: logging.Columns(cols, sep, keep), opts: e.logOptions(), stream: id.N,
		writer: field(flt, "writer"), postprocessor: field(flt, "postprocessor"),
	}
	if iv := field(flt, "interv"); !iv.IsUnset() {
		f.interv = iv.Double()
	}
	lf.byPath[path] = f
	if err := f.open(e.Getenv); err != nil {
		return f, err
	}
	e.scheduleRotation(f)
	return f, nil
}
