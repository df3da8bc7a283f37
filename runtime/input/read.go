package input

import (
	"bufio"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/gobro/gobro/runtime/value"
)

// Read parses the whole file of a stream and returns one Row per valid
// data line and a Problem per message, in file order.
//
// path is the stream's $source; Options.PathPrefix is put before it when
// it is relative. The first line that is either "#fields<sep>..." or not
// a comment is the header (as in Zeek, a file without a #fields line takes
// its first data line as the header). Every column must be in the header
// unless it is &optional, when it reads as unset; columns of the file
// that no Column asks for are ignored.
//
// A line is dropped, with warnings, when it has too few fields, when a
// value does not convert, when a column that is not &optional is unset,
// or when an enum name is unknown. With FailOnInvalidLines a line with
// too few fields stops the reading (Zeek fails only on those, not on
// values that do not convert); the rows read before it are returned, and
// Zeek has already applied them. With FailOnFileProblem a file that
// cannot be opened or lacks a column is a fatal error rather than a
// warning.
//
// Where we differ from Zeek's reader on purpose:
//   - A string column holding the empty field ("(empty)") reads as the
//     empty string, and "\\" reads as one backslash; Zeek keeps both
//     texts as they are, though its writer produces them for "" and "\".
//     With these two, what runtime/logging writes reads back unchanged.
//   - A "#fields" line after the header is skipped as a comment (Zeek
//     would read it as data).
//   - A port number above 65535 and a subnet width beyond the address
//     family's are conversion errors ("Number '...' out of supported
//     range.", "Invalid value for subnet: ...").
//   - A pattern that does not compile is reported as "Could not compile
//     pattern '/.../': <reason>" and the line dropped.
//   - An unset element in a set drops the line as a missing non-optional
//     value; in a vector it is a hole.
func Read(path string, cols []Column, o Options) ([]Row, []Problem) {
	r := &reader{o: o, source: path, cols: cols}
	r.setup()
	f, err := os.Open(r.fname)
	if err != nil {
		r.fileProblem("Init: cannot open " + r.fname)
		return nil, r.probs
	}
	defer f.Close()
	r.readFile(f)
	return r.rows, r.probs
}

// reader is the state of one Read.
type reader struct {
	o      Options
	source string // the stream's $source, named in the message prefix
	fname  string // the file opened: source with the path prefix
	prefix string // "<source>/Input::READER_ASCII: "
	sep    byte
	setSep byte
	cols   []Column
	pos    []int // per column: its field index in a line, -1 when absent
	pos2   []int // per column: the index of its &type_column field, or -1

	in     *bufio.Reader
	long   []byte // a line longer than in's buffer
	size   int64  // the file's size, if known
	done   int64  // bytes read so far
	lineNo int
	// partial leaves a last line without its newline for a later read
	// (Stream mode, where a writer may be in the middle of it).
	partial bool
	line    string   // the current line, a view into in's buffer
	fields  []string // its fields, views too

	// pending is the input manager's complaint about the current line
	// (unknown enum, unset non-optional value). Zeek's manager sees a line
	// only once the reader converted all of it, and stops at its first
	// complaint, so only the first one is kept and it is reported only
	// when the whole line converted.
	pending string

	rows  []Row
	probs []Problem
	slab  []value.Value // rows' values are carved from it
	arena []byte        // bytes of the strings kept from the file
}

const (
	slabSize   = 4096     // values per slab
	arenaChunk = 64 << 10 // bytes per arena chunk
)

// setup checks the options and works out the file's name.
func (r *reader) setup() {
	r.prefix = Prefix(r.source)
	// Zeek uses the first byte of each separator and complains about
	// longer (or empty) ones; an empty one is a NUL byte, as there.
	r.sep, r.setSep = firstByte(r.o.Separator), firstByte(r.o.SetSeparator)
	if len(r.o.Separator) != 1 {
		r.errorMsg("separator length has to be 1. Separator will be truncated.")
	}
	if len(r.o.SetSeparator) != 1 {
		r.errorMsg("set_separator length has to be 1. Separator will be truncated.")
	}

	r.fname = r.source
	if r.o.PathPrefix != "" && !strings.HasPrefix(r.source, "/") {
		p := strings.TrimRight(r.o.PathPrefix, "/")
		if p == "" {
			p = "/"
		}
		r.fname = p + "/" + r.source
	}
}

// readFile reads the whole of an opened file.
func (r *reader) readFile(f *os.File) {
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		r.size = st.Size()
	}
	r.read(f)
}

// read reads the file's content from in.
func (r *reader) read(in io.Reader) {
	r.in = newBufReader(in)
	if r.begin() {
		r.body()
	}
}

func newBufReader(in io.Reader) *bufio.Reader { return bufio.NewReaderSize(in, 64<<10) }

// begin reads the header.
func (r *reader) begin() bool {
	if !r.header() {
		r.fileProblem("Init: cannot open " + r.fname + "; problem reading file header")
		return false
	}
	return true
}

// body reads the data lines up to the end of in, or up to a line that
// stops the reading.
func (r *reader) body() {
	for r.nextLine(false) {
		if !r.dataLine() {
			return
		}
	}
}

func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// header reads the header line and finds each column's field.
func (r *reader) header() bool {
	if !r.nextLine(true) {
		r.fileProblem("Could not read input data file " + r.fname + "; first line could not be read")
		return false
	}
	names := split(nil, r.line, r.sep)
	find := func(name string) int {
		for i, n := range names {
			if n == name {
				return i
			}
		}
		return -1
	}
	r.pos = make([]int, len(r.cols))
	r.pos2 = make([]int, len(r.cols))
	for i, c := range r.cols {
		r.pos[i], r.pos2[i] = find(c.Name), -1
		if r.pos[i] < 0 {
			if c.Optional || c.Default {
				continue
			}
			r.fileProblem("Did not find requested field " + c.Name + " in input data file " + r.fname + ".")
			return false
		}
		if c.TypeColumn != "" {
			if r.pos2[i] = find(c.TypeColumn); r.pos2[i] < 0 {
				r.fileProblem("Could not find requested port type field " + c.TypeColumn +
					" in input data file " + r.fname + ".")
				return false
			}
		}
	}
	return true
}

// nextLine reads up to the next line to process and leaves it in r.line:
// empty lines and comments are skipped, a CR before the newline is
// dropped. A "#fields" line is returned (without "#fields<sep>") only when
// reading the header.
func (r *reader) nextLine(header bool) bool {
	for {
		b, ok := r.readLine()
		if !ok {
			return false
		}
		r.lineNo++
		// As in Zeek, a line is empty before its CR is removed: "\r\n"
		// gives an empty data line.
		if len(b) == 0 {
			continue
		}
		if b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
		}
		// The view is only used until the next read; what is kept from it
		// is copied (reader.keep).
		r.line = unsafe.String(unsafe.SliceData(b), len(b))
		if len(b) == 0 || b[0] != '#' {
			return true
		}
		if len(b) > 8 && r.line[:7] == "#fields" && b[7] == r.sep {
			if header {
				r.line = r.line[8:]
				return true
			}
		}
	}
}

// readLine returns the next line without its newline; false at the end
// of the file (or on a read error, which ends the file for Zeek as well),
// and, with partial, at a last line that has no newline yet.
func (r *reader) readLine() ([]byte, bool) {
	b, err := r.in.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.long = append(r.long[:0], b...)
		for errors.Is(err, bufio.ErrBufferFull) {
			b, err = r.in.ReadSlice('\n')
			r.long = append(r.long, b...)
		}
		b = r.long
	}
	if err != nil && (err != io.EOF || len(b) == 0 || r.partial) {
		return nil, false
	}
	r.done += int64(len(b))
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	return b, true
}

// split appends the fields of s, split on sep, to dst. Empty fields are
// kept, a trailing one too.
func split(dst []string, s string, sep byte) []string {
	for {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// dataLine converts the current line into a row. It returns false when
// the reading must stop.
func (r *reader) dataLine() bool {
	r.fields = split(r.fields[:0], r.line, r.sep)
	last := len(r.fields) - 1
	if len(r.slab) < len(r.cols) {
		r.slab = make([]value.Value, max(slabSize, len(r.cols)))
	}
	vals := r.slab[:len(r.cols):len(r.cols)]
	r.pending = ""
	for i := range r.cols {
		c := &r.cols[i]
		p, p2 := r.pos[i], r.pos2[i]
		if p < 0 {
			vals[i] = value.None
			continue
		}
		if p > last || p2 > last {
			msg := "Not enough fields in line '" + r.line + "' of " + r.fname + ". Found " +
				strconv.Itoa(last) + " fields, want positions " + strconv.Itoa(p) +
				" and " + strconv.Itoa(p2)
			r.lineProblem(msg, r.o.FailOnInvalidLines)
			return !r.o.FailOnInvalidLines
		}
		v, ok := r.convert(r.fields[p], c.Name, c.Type)
		if !ok {
			r.warn("Could not convert line '" + r.line + "' of " + r.fname + " to Val. Ignoring line.")
			return true
		}
		if p2 >= 0 {
			// Zeek parses the protocol column even for an unset port.
			proto := r.proto(r.fields[p2])
			if !v.IsUnset() {
				v = value.Port(v.PortNum(), proto)
			}
		}
		if v.IsUnset() && !c.Optional {
			r.missing()
		}
		vals[i] = v
	}
	if r.pending != "" {
		msg := r.pending
		if r.o.LocateAll {
			msg = r.prefix + r.fname + ", line " + strconv.Itoa(r.lineNo) + ": " + msg
		}
		r.probs = append(r.probs, Problem{Line: r.lineNo, Msg: msg, Text: r.pending})
		return true
	}
	r.slab = r.slab[len(r.cols):]
	if len(r.rows) == cap(r.rows) {
		r.growRows()
	}
	r.rows = append(r.rows, Row{Line: r.lineNo, Values: vals})
	return true
}

// growRows makes room for the rows still to come, estimated from the
// bytes per row so far, so that a large file's rows are not copied over
// and over as the slice doubles.
func (r *reader) growRows() {
	n := len(r.rows)
	if r.size <= 0 || n < 256 || r.done <= 0 {
		return // append doubles
	}
	want := int(float64(n)*float64(r.size)/float64(r.done)*1.05) + 256
	if want > 2*n {
		r.rows = slices.Grow(r.rows, want-n)
	}
}

// manager notes a complaint of Zeek's input manager about the line.
func (r *reader) manager(msg string) {
	if r.pending == "" {
		r.pending = msg
	}
}

// missing notes an unset value where the type requires one.
func (r *reader) missing() {
	const msg = "Skipping input with missing non-optional value"
	if r.o.LocateAll {
		r.manager(msg) // located with the others
		return
	}
	r.manager(r.source + ":" + strconv.Itoa(r.lineNo) + ": " + msg)
}

// warn reports a warning about the current line.
func (r *reader) warn(text string) { r.lineProblem(text, false) }

func (r *reader) lineProblem(text string, fatal bool) {
	r.probs = append(r.probs, Problem{
		Line:  r.lineNo,
		Msg:   r.prefix + r.fname + ", line " + strconv.Itoa(r.lineNo) + ": " + text,
		Fatal: fatal, Error: fatal, Text: text,
	})
}

// fileProblem reports that the file cannot be read: a warning, or a
// fatal error with FailOnFileProblem.
func (r *reader) fileProblem(text string) {
	f := r.o.FailOnFileProblem
	r.probs = append(r.probs, Problem{Msg: r.prefix + text, Fatal: f, Error: f, File: true, Text: text})
}

// errorMsg reports a non-fatal error about the stream's options.
func (r *reader) errorMsg(text string) {
	r.probs = append(r.probs, Problem{Msg: r.prefix + text, Error: true, Text: text})
}

// keep copies s into the arena, so that it outlives the line's buffer.
// Strings of a file share a few large allocations instead of one each;
// an arena chunk lives as long as any string in it.
func (r *reader) keep(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > arenaChunk/8 {
		return strings.Clone(s)
	}
	if cap(r.arena)-len(r.arena) < len(s) {
		r.arena = make([]byte, 0, arenaChunk)
	}
	start := len(r.arena)
	r.arena = append(r.arena, s...)
	// The bytes handed out are never written again: the arena only grows
	// past them, and a full chunk is replaced, not reused.
	return unsafe.String(&r.arena[start], len(s))
}

// str returns value.String(s). (Boxing a string header costs one small
// allocation; building interface words by hand would save it but ties
// the reader to the runtime's private layout, which we do not do.)
func (r *reader) str(s string) value.Value { return value.String(s) }
