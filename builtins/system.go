package builtins

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"

	"github.com/gobro/gobro/runtime/value"
)

// File-system and shell built-ins. Paths are relative to the working
// directory of the process, as in Zeek.
//
// Failures of mkdir/rmdir/unlink/rename are Zeek's builtin errors
// ("cannot create directory 'D': File exists"): the call yields F and the
// handler goes on. The reason is the C library's strerror text.

func init() {
	register(map[string]Impl{
		"mkdir":         bifMkdir,
		"rmdir":         bifRmdir,
		"unlink":        bifUnlink,
		"rename":        bifRename,
		"file_size":     bifFileSize,
		"compress_path": bifCompressPath,
		"system":        bifSystem,
		"system_env":    bifSystemEnv,
		"piped_exec":    bifPipedExec,
	})
}

// strerror is the C library's message for the error under err: Go's
// errno texts are glibc's with a lowercase first letter.
func strerror(err error) string {
	var errno syscall.Errno
	msg := err.Error()
	if errors.As(err, &errno) {
		msg = errno.Error()
	}
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return msg
}

// mkdir is T when the directory was made or already exists as a
// directory.
func bifMkdir(_ Context, args []value.Value) (value.Value, error) {
	d := args[0].Str()
	err := os.Mkdir(d, 0o777)
	if err == nil {
		return value.Bool(true), nil
	}
	if errors.Is(err, os.ErrExist) {
		if st, serr := os.Stat(d); serr == nil && st.IsDir() {
			return value.Bool(true), nil
		}
	}
	return value.Bool(false), bifError("cannot create directory '%s': %s", d, strerror(err))
}

func bifRmdir(_ Context, args []value.Value) (value.Value, error) {
	d := args[0].Str()
	if err := syscall.Rmdir(d); err != nil {
		return value.Bool(false), bifError("cannot remove directory '%s': %s", d, strerror(err))
	}
	return value.Bool(true), nil
}

func bifUnlink(_ Context, args []value.Value) (value.Value, error) {
	f := args[0].Str()
	if err := syscall.Unlink(f); err != nil {
		return value.Bool(false), bifError("cannot unlink file '%s': %s", f, strerror(err))
	}
	return value.Bool(true), nil
}

func bifRename(_ Context, args []value.Value) (value.Value, error) {
	src, dst := args[0].Str(), args[1].Str()
	if err := syscall.Rename(src, dst); err != nil {
		return value.Bool(false), bifError("cannot rename file '%s' to '%s': %s", src, dst, strerror(err))
	}
	return value.Bool(true), nil
}

// file_size is the size in bytes, or -1.0 when the file cannot be
// stat'ed.
func bifFileSize(_ Context, args []value.Value) (value.Value, error) {
	st, err := os.Stat(args[0].Str())
	if err != nil {
		return value.Double(-1), nil
	}
	return value.Double(float64(st.Size())), nil
}

func bifCompressPath(_ Context, args []value.Value) (value.Value, error) {
	return value.String(compressPath(args[0].Str())), nil
}

// compressPath is Zeek's normalize_path: empty and "." components go
// (a leading "." stays, as in "./zeek"), "dir/.." pairs collapse, ".."
// that cannot collapse stays (after "/", "~", or other ".."), and a
// trailing "/" goes. Checked against Zeek's bifs/compress_path test.
func compressPath(p string) string {
	abs := strings.HasPrefix(p, "/")
	var out []string
	for i, c := range strings.Split(p, "/") {
		switch {
		case c == "":
		case c == ".":
			if i == 0 {
				out = append(out, c)
			}
		case c == "..":
			n := len(out)
			switch {
			case n == 0:
				out = append(out, c)
			case out[n-1] == ".":
				out[n-1] = ".."
			case out[n-1] == ".." || (n == 1 && strings.HasPrefix(out[0], "~") && !abs):
				out = append(out, c)
			default:
				out = out[:n-1]
			}
		default:
			out = append(out, c)
		}
	}
	s := strings.Join(out, "/")
	if abs {
		s = "/" + s
	}
	return s
}

// shell runs cmd with /bin/sh -c, its stdout going to our stderr (Zeek's
// system() has the command's output go to stderr), and returns the exit
// status (-1 when the shell could not run or was killed by a signal).
//
// Zeek runs the command in the background (system("CMD &")) and returns
// the status of that shell, nearly always 0; gobro waits for the command
// so its effects are visible to the script afterwards, and returns its
// exit code.
func shell(cmd string, env []string) int64 {
	c := exec.Command("/bin/sh", "-c", cmd)
	c.Stdout = os.Stderr
	c.Stderr = os.Stderr
	if env != nil {
		c.Env = append(os.Environ(), env...)
	}
	err := c.Run()
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() >= 0 {
		return int64(ee.ExitCode())
	}
	return -1
}

func bifSystem(_ Context, args []value.Value) (value.Value, error) {
	return value.Int(shell(args[0].Str(), nil)), nil
}

// system_env runs the command with each entry of env exported as
// ZEEK_ARG_<NAME> (the name uppercased), as Zeek does; BRO_ARG_<NAME> is
// set too for Bro-era scripts.
func bifSystemEnv(_ Context, args []value.Value) (value.Value, error) {
	env := []string{}
	if t := argTable(args[1]); t != nil {
		for it := t.Iter(); it.Next(); {
			k := strings.ToUpper(it.Key1().Str())
			v := it.Val().Str()
			env = append(env, "ZEEK_ARG_"+k+"="+v, "BRO_ARG_"+k+"="+v)
		}
	}
	return value.Int(shell(args[0].Str(), env)), nil
}

// piped_exec runs program with to_write on its standard input; F when
// the program cannot be started or not all of the input was written.
// Like popen/pclose in Zeek, it waits for the program to finish; the
// program's exit status does not matter.
func bifPipedExec(ctx Context, args []value.Value) (value.Value, error) {
	prog := args[0].Str()
	c := exec.Command("/bin/sh", "-c", prog)
	c.Stdout = os.Stdout
	c.Stderr = os.Stderr
	in, err := c.StdinPipe()
	if err == nil {
		err = c.Start()
	}
	if err != nil {
		ctx.Report("error", "Failed to popen "+prog)
		return value.Bool(false), nil
	}
	_, werr := io.WriteString(in, args[1].Str())
	in.Close()
	c.Wait()
	if werr != nil {
		ctx.Report("error", "Failed to write all given data to "+prog)
		return value.Bool(false), nil
	}
	return value.Bool(true), nil
}
