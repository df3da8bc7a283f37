package engine

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// File built-ins: open, open_for_append, close, write_file, set_buf,
// flush_all, enable_raw_output, get_file_name, active_file, rotate_file,
// rotate_file_by_name.
//
// A file value is a *value.File whose Write goes to an *os.File opened
// relative to the working directory; "print f, ..." writes through it
// (the compiler renders the line, raw or not). "-" and /dev/stdout write
// to the run's stdout, /dev/stderr to its stderr; those are never closed.
//
// Writes are unbuffered: each print or write_file is one write(2), so
// nothing is lost when the run ends without closing its files (exit(),
// a fatal error) and there is nothing for flush_all or set_buf to do.
// Zeek buffers (set_buf chooses full or line buffering) and flushes at
// exit; what ends up in the file is the same.

// openFile is the engine's side of one file value.
type openFile struct {
	val  *value.File
	f    *os.File  // nil for the standard streams and failed opens
	w    io.Writer // where writes go; nil once closed
	std  bool      // stdout or stderr: close refuses
	open bool
	// opened is when the file was opened: network time, or the wall
	// clock before there is one (rotate_file's open).
	opened float64
}

func (e *Engine) fileBuiltin(name string) builtins.Impl {
	switch name {
	case "open":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.openFile(ctx, a[0].Str(), false), nil
		}
	case "open_for_append":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			return e.openFile(ctx, a[0].Str(), true), nil
		}
	case "close":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			of := e.fileOf(a[0])
			if of == nil || !of.open {
				return value.Bool(true), nil // Zeek: closing a closed file succeeds
			}
			if of.std {
				return value.Bool(false), nil
			}
			of.f.Close()
			of.f, of.w, of.open = nil, nil, false
			of.val.Closed = true
			return value.Bool(true), nil
		}
	case "write_file":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			data := a[1].Str()
			// Zeek writes with fwrite(data, len, 1): zero bytes count as
			// a failed write. A file value made elsewhere is written
			// through its own Write.
			f, _ := a[0].P.(*value.File)
			if f == nil || f.Closed || f.Write == nil || data == "" {
				return value.Bool(false), nil
			}
			return value.Bool(f.Write([]byte(data)) == nil), nil
		}
	case "set_buf":
		// Writes are unbuffered (see above); the result is T as in Zeek.
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Box(value.Bool(true), types.BoolType), nil
		}
	case "flush_all":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			for _, of := range e.files {
				if of.f != nil {
					of.f.Sync()
				}
			}
			return value.Bool(true), nil
		}
	case "enable_raw_output":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			if f, ok := a[0].P.(*value.File); ok && f != nil {
				f.RawOutput = true
			}
			return value.None, nil
		}
	case "get_file_name":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			if f, ok := a[0].P.(*value.File); ok && f != nil {
				return value.String(f.Name), nil
			}
			return value.String(""), nil
		}
	case "active_file":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			of := e.fileOf(a[0])
			return value.Bool(of != nil && of.open), nil
		}
	case "rotate_file":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			of := e.fileOf(a[0])
			if of == nil || !of.open || of.std {
				return e.rotateInfo("", "", 0, 0), nil
			}
			moved, f := e.moveAside(ctx, of.val.Name)
			if f == nil {
				return e.rotateInfo("", "", 0, 0), nil
			}
			info := e.rotateInfo(of.val.Name, moved, of.opened, e.netTime)
			of.f.Close()
			of.f, of.w, of.opened = f, f, e.openTime()
			return info, nil
		}
	case "rotate_file_by_name":
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			name := a[0].Str()
			moved, f := e.moveAside(ctx, name)
			if f == nil {
				return e.rotateInfo("", "", 0, 0), nil
			}
			f.Close()
			return e.rotateInfo(name, moved, e.netTime, e.netTime), nil
		}
	}
	return nil
}

// moveAside rotates a file as Zeek does for rotate_file: the file is
// renamed NAME.PID.NETWORK_TIME.tmp and a new empty one takes its place.
// It returns the new name and the new file, open for writing; nil and an
// error report when either step fails.
func (e *Engine) moveAside(ctx builtins.Context, name string) (string, *os.File) {
	moved := fmt.Sprintf("%s.%d.%.6f.tmp", name, os.Getpid(), e.netTime)
	tmp := moved + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		ctx.Report("error", fmt.Sprintf("rotate_file: can't open %s: %s", tmp, errnoText(err)))
		return "", nil
	}
	if err := os.Rename(name, moved); err != nil {
		ctx.Report("error", fmt.Sprintf("rotate_file: can't move %s to %s: %s", name, moved, errnoText(err)))
		f.Close()
		os.Remove(tmp)
		return "", nil
	}
	if err := os.Rename(tmp, name); err != nil {
		ctx.Report("error", fmt.Sprintf("rotate_file: can't move %s to %s: %s", tmp, name, errnoText(err)))
		f.Close()
		return "", nil
	}
	return moved, f
}

// rotateInfo is a rotate_info record; the empty one reports a failure.
func (e *Engine) rotateInfo(old, moved string, open, close float64) value.Value {
	return e.makeRecord("rotate_info", map[string]value.Value{
		"old_name": value.String(old), "new_name": value.String(moved),
		"open": value.Time(open), "close": value.Time(close),
	})
}

// openTime is the opening time of a file opened now.
func (e *Engine) openTime() float64 {
	if e.netTime != 0 {
		return e.netTime
	}
	return wallClock()
}

// fileOf returns the engine's record of a file value (nil for a file
// value the engine did not make).
func (e *Engine) fileOf(v value.Value) *openFile {
	f, ok := v.P.(*value.File)
	if !ok || f == nil {
		return nil
	}
	for _, of := range e.files {
		if of.val == f {
			return of
		}
	}
	return nil
}

// openFile opens a file for writing (truncating it, or appending) as
// Zeek's open and open_for_append do. A file that cannot be opened is
// reported ("cannot open NAME: REASON") and still returned: writes to it
// fail and prints to it are dropped.
func (e *Engine) openFile(ctx builtins.Context, name string, appending bool) value.Value {
	of := &openFile{val: &value.File{Name: name}, opened: e.openTime()}
	switch {
	case name == "-" && !appending, name == "/dev/stdout":
		of.w, of.std, of.open = e.stdout, true, true
	case name == "/dev/stderr":
		of.w, of.std, of.open = e.stderr, true, true
	default:
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if appending {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		f, err := os.OpenFile(name, flags, 0o666)
		if err != nil {
			ctx.Report("error", "cannot open "+name+": "+errnoText(err))
			of.val.Closed = true
		} else {
			of.f, of.w, of.open = f, f, true
		}
	}
	if of.open {
		of.val.Write = func(p []byte) error {
			if !of.open {
				return os.ErrClosed
			}
			_, err := of.w.Write(p)
			return err
		}
	}
	// Forget closed files so a long run opening many files does not keep
	// them all.
	live := e.files[:0]
	for _, x := range e.files {
		if x.open {
			live = append(live, x)
		}
	}
	e.files = append(live, of)
	return value.Value{P: of.val}
}

// errnoText is strerror's text for an open error ("No such file or
// directory"), as Zeek's message has it.
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		s := errno.Error()
		if s != "" && s[0] >= 'a' && s[0] <= 'z' {
			s = string(s[0]-'a'+'A') + s[1:]
		}
		return s
	}
	return err.Error()
}
