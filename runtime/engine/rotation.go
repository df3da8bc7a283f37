package engine

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/logging"
	"github.com/gobro/gobro/runtime/value"
)

// Log rotation, as Zeek's logging framework does it.
//
// A log file whose filter has a rotation interval (its interv, which
// defaults to Log::default_rotation_interval) gets a timer on network
// time, due at the next multiple of the interval counted from
// log_rotate_base_time on the local day (calc_next_rotate). When it fires
// the file is closed (#close), renamed as Log::rotation_format_func says
// and handed to the filter's postprocessor, or to the default one, which
// runs Log::default_rotation_postprocessor_cmd; the next write reopens it
// with a fresh header. Naming and postprocessing are left to the scripts
// (base/frameworks/logging), so that redefining them changes everything.
//
// The timer is one of the engine's: while a trace is read it fires at the
// first packet past it, so a period ends at that packet's time. At
// shutdown the pending timers fire one last time: files rotate with
// terminating set, and no timer is set again.

// scheduleRotation sets the timer of a file's next rotation, if its
// filter rotates. Reading a trace, network time is 0 until the first
// packet: the timer is then due at time 1, that is at the first packet,
// and only starts the first period.
func (e *Engine) scheduleRotation(f *logFile) {
	if f.interv <= 0 || e.terminating {
		return
	}
	if e.netTime == 0 {
		e.addRecurring(1, func() { e.rotationDue(f, false) })
		return
	}
	if f.opened == 0 {
		f.opened = e.netTime
	}
	e.addRecurring(e.untilRotation(f.interv), func() { e.rotationDue(f, true) })
}

// rotationDue is a file's rotation timer: it rotates the file, unless it
// only starts the first period, and begins the next period.
func (e *Engine) rotationDue(f *logFile, rotate bool) {
	if rotate && !e.rotateLog(f) {
		return
	}
	f.opened = e.netTime
	e.scheduleRotation(f)
}

// rotateLog rotates a file as Zeek's ASCII writer does: the name is asked
// for every period, but only a file written to since the last rotation is
// closed, renamed and postprocessed. It is false when the postprocessor
// returns F: as in Zeek that shuts the writer down, and a later write to
// the path starts a new one.
func (e *Engine) rotateLog(f *logFile) bool {
	pp, _ := f.postprocessor.P.(*value.Func)
	if pp == nil {
		pp, _ = e.logGlobal("Log::__default_rotation_postprocessor").P.(*value.Func)
	}
	dir, base := e.rotationPath(f, pp)
	if f.w == nil {
		return true
	}
	if err := f.w.Close(); err != nil {
		e.writerError(f, err.Error())
	}
	f.w = nil
	from := logging.FileName(f.dir, f.path, e.Getenv)
	to := logging.FileName(dir, base, e.Getenv)
	if err := os.Rename(from, to); err != nil {
		e.writerError(f, fmt.Sprintf("failed to rename %s to %s: %s", from, to, errnoText(err)))
		return true
	}
	info := e.makeRecord("Log::RotationInfo", map[string]value.Value{
		"writer": f.writer, "fname": value.String(to), "path": value.String(f.path),
		"open": value.Time(f.opened), "close": value.Time(e.netTime), "terminating": value.Bool(e.terminating),
	})
	ok := false
	if pp != nil {
		e.guard(func() { ok = compile.Call(pp, []value.Value{info}, nil).Bool() })
	}
	if !ok {
		e.writerError(f, fmt.Sprintf("error rotating %s to %s", from, to))
		delete(e.logFiles().byPath, f.path)
	}
	return ok
}

// rotationPath asks Log::rotation_format_func where a file goes: a
// directory (Log::default_logdir when it names none), made if need be,
// and a base name, to which the writer adds the log suffix. Should the
// function fail, the file stays in the current directory as
// PATH-YY-MM-DD_HH.MM.SS.
func (e *Engine) rotationPath(f *logFile, pp *value.Func) (dir, base string) {
	ri := e.makeRecord("Log::RotationFmtInfo", map[string]value.Value{
		"writer": f.writer, "path": value.String(f.path), "open": value.Time(f.opened),
		"close": value.Time(e.netTime), "terminating": value.Bool(e.terminating),
	})
	if pp != nil {
		setField(ri.P.(*value.Record), "postprocessor", value.Value{P: pp})
	}
	var res value.Value
	if fn, ok := e.logGlobal("Log::rotation_format_func").P.(*value.Func); ok {
		e.guard(func() { res = compile.Call(fn, []value.Value{ri}, nil) })
	}
	rp, ok := res.P.(*value.Record)
	if !ok || rp == nil {
		base = f.path + "-" + time.Unix(int64(f.opened), 0).Format("06-01-02_15.04.05")
		e.reporter("error", "error", "", fmt.Sprintf("Failed to call Log::rotation_format_func for path %s continuing with rotation to: ./%s", f.path, base))
		return "", base
	}
	dir = e.globalString("Log::default_rotation_dir", "") // the field's &default
	if d := recField(rp, "dir"); !d.IsUnset() {
		dir = d.Str()
	}
	if dir == "" {
		dir = e.defaultLogDir()
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			e.reporter("error", "error", "", fmt.Sprintf("Failed to create dir '%s' returned by Log::rotation_format_func for path %s: %s", dir, f.path, errnoText(err)))
			dir = ""
		}
	}
	return dir, recField(rp, "file_basename").Str()
}

// makeRecord makes a record of a script-declared type from its fields.
func (e *Engine) makeRecord(typ string, fields map[string]value.Value) value.Value {
	rt, _ := e.typeOf(typ).(*types.RecordType)
	if rt == nil {
		rt = types.NewRecord(typ)
	}
	r := newRecord(rt)
	for name, v := range fields {
		setField(r, name, v)
	}
	return value.Value{P: r}
}

// writerError reports a writer's error as Zeek does, prefixed with the
// writer's name (PATH/Log::WRITER_ASCII).
func (e *Engine) writerError(f *logFile, msg string) {
	name := "Log::WRITER_ASCII"
	if et, ok := e.typeOf("Log::Writer").(*types.EnumType); ok && !f.writer.IsUnset() {
		name = et.NameOf(f.writer.Int())
	}
	e.reporter("error", "error", "", f.path+"/"+name+": "+msg)
}

// untilRotation is calc_next_rotate: the time from now (network time) to
// the next rotation with the given interval. With a base time the
// rotations are at base + k*interval after local midnight of the current
// day; without one at the multiples of the interval since the epoch.
func (e *Engine) untilRotation(interval float64) float64 {
	if interval == 0 {
		e.reporter("error", "error", "", "calc_next_rotate(): interval is zero, falling back to 24hrs")
		interval = 86400
	}
	now := e.netTime
	base, ok := e.rotationBase()
	if !ok {
		return math.Floor(now/interval)*interval + interval - now
	}
	t := time.Unix(int64(now), 0)
	start := float64(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local).Unix()) + base
	if d := start + math.Ceil((now-start)/interval)*interval - now; d > 0 {
		return d
	}
	return interval
}

// rotationBase is log_rotate_base_time ("HH:MM", "0:00" by default) in
// seconds after midnight; not ok when it is empty or does not parse (an
// error).
func (e *Engine) rotationBase() (float64, bool) {
	s := e.globalString("log_rotate_base_time", "")
	if s == "" {
		return 0, false
	}
	hs, ms, _ := strings.Cut(strings.TrimSpace(s), ":")
	h, herr := strconv.Atoi(hs)
	m, merr := strconv.Atoi(ms)
	if herr != nil || merr != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		e.reporter("error", "error", "", "calc_next_rotate(): can't parse rotation base time")
		return 0, false
	}
	return float64(h*3600 + m*60), true
}
