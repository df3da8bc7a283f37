package input

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gobro/gobro/lang/types"
)

// A source over DIR/x.dat with columns ip (addr) and n (count).
type sourceFixture struct {
	t    *testing.T
	dir  string
	path string
	src  *Source
}

func newSourceFixture(t *testing.T, mode Mode, o Options) *sourceFixture {
	dir := t.TempDir()
	o.PathPrefix = dir
	cols := Columns(record("R", fld{name: "ip", t: types.AddrType}, fld{name: "n", t: types.CountType}))
	src := NewSource("x.dat", cols, o, mode)
	t.Cleanup(src.Close)
	return &sourceFixture{t: t, dir: dir, path: filepath.Join(dir, "x.dat"), src: src}
}

func (f *sourceFixture) write(content string) {
	f.t.Helper()
	if err := os.WriteFile(f.path, []byte(content), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *sourceFixture) append(content string) {
	f.t.Helper()
	w, err := os.OpenFile(f.path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		f.t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.WriteString(content); err != nil {
		f.t.Fatal(err)
	}
}

// replace puts content at the path by an atomic rename, as tools that
// update intelligence files do.
func (f *sourceFixture) replace(content string) {
	f.t.Helper()
	tmp := f.path + ".new"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		f.t.Fatal(err)
	}
	if err := os.Rename(tmp, f.path); err != nil {
		f.t.Fatal(err)
	}
}

// expect makes an Update and checks it: the rows as "line:ip=n", the
// problems' messages (DIR for the directory) and whether it is complete.
func (f *sourceFixture) expect(complete bool, rows []string, probs ...string) {
	f.t.Helper()
	u := f.src.Update()
	var got []string
	for _, r := range u.Rows {
		got = append(got, fmt.Sprintf("%d:%s=%d", r.Line, r.Values[0].Addr(), r.Values[1].Count()))
	}
	if !reflect.DeepEqual(got, rows) || u.Complete != complete {
		f.t.Errorf("rows %q complete %v, want %q %v", got, u.Complete, rows, complete)
	}
	checkMsgs(f.t, u.Problems, f.dir, probs...)
}

const hdr = "#fields\tip\tn\n"

func TestSourceManual(t *testing.T) {
	o := DefaultOptions()
	o.Separator = "\t\t" // reported once, when the stream starts
	f := newSourceFixture(t, Manual, o)
	f.write(hdr + "10.0.0.1\t1\n")
	f.expect(true, []string{"2:10.0.0.1=1"},
		"x.dat/Input::READER_ASCII: separator length has to be 1. Separator will be truncated.")
	f.write(hdr + "10.0.0.1\t1\n10.0.0.2\t2\n")
	f.expect(true, []string{"2:10.0.0.1=1", "3:10.0.0.2=2"})
	f.expect(true, []string{"2:10.0.0.1=1", "3:10.0.0.2=2"}) // Manual reads whenever asked
}

func TestSourceReread(t *testing.T) {
	f := newSourceFixture(t, Reread, DefaultOptions())
	f.write(hdr + "10.0.0.1\t1\n10.0.0.2\t2\n")
	f.expect(true, []string{"2:10.0.0.1=1", "3:10.0.0.2=2"})
	f.expect(false, nil) // unchanged: nothing

	f.append("10.0.0.3\t3\n")
	f.expect(true, []string{"2:10.0.0.1=1", "3:10.0.0.2=2", "4:10.0.0.3=3"})

	// Same size, and quite possibly the same modification time: the
	// rename puts another file at the path, and that is a change.
	f.replace(hdr + "10.0.0.1\t7\n10.0.0.2\t8\n10.0.0.3\t9\n")
	f.expect(true, []string{"2:10.0.0.1=7", "3:10.0.0.2=8", "4:10.0.0.3=9"})
	f.expect(false, nil)
}

// TestSourceRereadVanishes: a file that disappears is reported once, as
// Zeek words it, and read again when it is back.
func TestSourceRereadVanishes(t *testing.T) {
	f := newSourceFixture(t, Reread, DefaultOptions())
	f.write(hdr + "10.0.0.1\t1\n")
	f.expect(true, []string{"2:10.0.0.1=1"})
	if err := os.Rename(f.path, f.path+".away"); err != nil {
		t.Fatal(err)
	}
	f.expect(false, nil, "x.dat/Input::READER_ASCII: DIR/x.dat: Could not get stat for DIR/x.dat")
	f.expect(false, nil) // suppressed while the file is missing
	f.write(hdr + "10.0.0.2\t2\n")
	f.expect(true, []string{"2:10.0.0.2=2"})
	os.Remove(f.path)
	f.expect(false, nil, "x.dat/Input::READER_ASCII: DIR/x.dat: Could not get stat for DIR/x.dat")
}

func TestSourceMissingInitially(t *testing.T) {
	for _, mode := range []Mode{Reread, Stream} {
		f := newSourceFixture(t, mode, DefaultOptions())
		f.expect(false, nil, "x.dat/Input::READER_ASCII: Init: cannot open DIR/x.dat")
		f.expect(false, nil)
		f.write(hdr)
		f.append("10.0.0.1\t1\n")
		f.expect(mode == Reread, []string{"2:10.0.0.1=1"})
	}
}

// TestSourceHeaderProblem: Zeek's reader suppresses the warning that
// follows the first one about a file.
func TestSourceHeaderProblem(t *testing.T) {
	f := newSourceFixture(t, Reread, DefaultOptions())
	f.write("#fields\tip\n10.0.0.1\n")
	f.expect(false, nil,
		"x.dat/Input::READER_ASCII: Did not find requested field n in input data file DIR/x.dat.")
	f.write(hdr + "10.0.0.1\t1\n")
	f.expect(true, []string{"2:10.0.0.1=1"})
}

func TestSourceFailOnFileProblem(t *testing.T) {
	o := DefaultOptions()
	o.FailOnFileProblem = true
	f := newSourceFixture(t, Reread, o)
	f.expect(false, nil, "x.dat/Input::READER_ASCII: Init: cannot open DIR/x.dat")
	if !f.src.Failed() {
		t.Error("not failed")
	}
	f.write(hdr + "10.0.0.1\t1\n")
	f.expect(false, nil)
}

func TestSourceStream(t *testing.T) {
	f := newSourceFixture(t, Stream, DefaultOptions())
	f.write(hdr + "10.0.0.1\t1\n10.0.0.2\t2\n")
	f.expect(false, []string{"2:10.0.0.1=1", "3:10.0.0.2=2"})
	f.expect(false, nil)

	f.append("10.0.0.3\t3\n10.0.0.4\t")
	f.expect(false, []string{"4:10.0.0.3=3"}) // the last line is not finished
	f.append("4\n")
	f.expect(false, []string{"5:10.0.0.4=4"})

	// Truncated and written anew: read from the start; the header is
	// known, its line is skipped.
	f.write(hdr + "10.0.0.9\t9\n")
	f.expect(false, []string{"2:10.0.0.9=9"})
}

// TestSourceStreamFollowsFile: like Zeek's reader, a stream keeps reading
// the file it opened after a rename; once that file has nothing new, a
// file now at the path is followed instead.
func TestSourceStreamFollowsFile(t *testing.T) {
	f := newSourceFixture(t, Stream, DefaultOptions())
	f.write(hdr + "10.0.0.1\t1\n")
	f.expect(false, []string{"2:10.0.0.1=1"})
	away := f.path + ".1"
	if err := os.Rename(f.path, away); err != nil {
		t.Fatal(err)
	}
	w, err := os.OpenFile(away, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("10.0.0.2\t2\n")
	w.Close()
	f.write(hdr + "10.0.0.5\t5\n")
	f.expect(false, []string{"3:10.0.0.2=2"})
	f.expect(false, []string{"2:10.0.0.5=5"})
	f.expect(false, nil)
}
