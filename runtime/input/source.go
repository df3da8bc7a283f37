package input

import (
	"io"
	"os"
)

// Mode is how a stream reads its source over time (Input::Mode).
type Mode int

const (
	// Manual reads the whole file on every Update: when the stream is
	// created and on Input::force_update.
	Manual Mode = iota
	// Reread reads the whole file again when it changed since the last
	// read: another file at the path (an atomic rename onto it counts),
	// another size or another modification time.
	Reread
	// Stream reads the lines appended since the last Update.
	Stream
)

// Update is what one look at a source found, rows and problems each in
// file order.
type Update struct {
	Rows     []Row
	Problems []Problem
	// Complete is set when the whole file was read (Manual, Reread): Zeek's
	// input manager then drops the table entries the file no longer has
	// and raises Input::end_of_data. Stream updates are never complete.
	Complete bool
}

// Empty reports whether there is nothing to deliver.
func (u Update) Empty() bool {
	return len(u.Rows) == 0 && len(u.Problems) == 0 && !u.Complete
}

// Source is one stream's file, read over time as Zeek's ASCII reader
// reads it on each heartbeat. A Source is not safe for concurrent use.
//
// A file that cannot be read is reported once — "Init: cannot open F",
// or "F: Could not get stat for F" when a Reread source had read it — and
// then tried again quietly on every Update until it reads, as Zeek
// suppresses its reader's warnings until the file opens again. With
// FailOnFileProblem (or a fatal invalid line) the source stops: later
// Updates find nothing.
//
// In Stream mode the source keeps reading the file it opened, as Zeek's
// reader does, even once it is renamed or removed. Where Zeek's reader
// leaves things to chance we act like tail -F: a file that shrank is read
// again from its start (with the header already read, so lines starting
// with '#' are skipped); a followed file that has nothing new while the
// path names another file is dropped for that one, read from its start;
// and a last line without its newline waits for it, where Zeek would take
// the part written so far as a line.
type Source struct {
	path  string
	cols  []Column
	o     Options
	mode  Mode
	began bool        // an Update was made: option problems are not repeated
	seen  os.FileInfo // Reread: the file last read
	quiet bool        // a file problem was reported: no more until the file reads
	dead  bool        // a fatal problem stopped the source

	// Stream: the file followed, the reader that read its header (it keeps
	// the columns' positions and the line count), and the bytes of the
	// file consumed.
	f   *os.File
	r   *reader
	off int64
}

// NewSource returns the source of a stream reading path (its $source)
// with the given columns and options. Nothing is read before Update.
func NewSource(path string, cols []Column, o Options, mode Mode) *Source {
	return &Source{path: path, cols: cols, o: o, mode: mode}
}

// Update looks at the source and returns what is new (see Mode).
func (s *Source) Update() Update {
	if s.dead {
		return Update{}
	}
	var u Update
	switch s.mode {
	case Reread:
		u = s.reread()
	case Stream:
		u = s.follow()
	default:
		u = s.readAll()
	}
	s.screen(&u)
	return u
}

// Failed reports whether a fatal problem stopped the source.
func (s *Source) Failed() bool { return s.dead }

// Close releases the file a Stream source follows.
func (s *Source) Close() {
	if s.f != nil {
		s.f.Close()
		s.f, s.r = nil, nil
	}
}

// newReader starts a read. The problems of the options are reported with
// the first read only, as Zeek reports them when the stream starts.
func (s *Source) newReader() *reader {
	r := &reader{o: s.o, source: s.path, cols: s.cols}
	r.setup()
	if s.began {
		r.probs = nil
	}
	s.began = true
	return r
}

func (s *Source) readAll() Update {
	r := s.newReader()
	f, err := os.Open(r.fname)
	if err != nil {
		r.fileProblem("Init: cannot open " + r.fname)
		return r.update(false)
	}
	defer f.Close()
	r.readFile(f)
	return r.update(true)
}

func (s *Source) reread() Update {
	r := s.newReader()
	f, err := os.Open(r.fname)
	if err != nil {
		if s.seen == nil {
			r.fileProblem("Init: cannot open " + r.fname)
		} else {
			r.fileProblem(r.fname + ": Could not get stat for " + r.fname)
		}
		return r.update(false)
	}
	defer f.Close()
	st, _ := f.Stat()
	if sameVersion(s.seen, st) {
		return Update{}
	}
	s.seen = st
	r.readFile(f)
	return r.update(true)
}

// sameVersion reports whether two looks at a path found the same file,
// unchanged.
func sameVersion(a, b os.FileInfo) bool {
	return a != nil && b != nil && os.SameFile(a, b) &&
		a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

func (s *Source) follow() Update {
	if s.f == nil {
		return s.start()
	}
	st, err := s.f.Stat()
	if err != nil {
		return Update{}
	}
	if st.Size() < s.off {
		// Truncated: the file is being written anew.
		s.off, s.r.lineNo = 0, 0
	}
	var u Update
	if st.Size() > s.off {
		u = s.more(st.Size())
	}
	if u.Empty() && s.replaced(st) {
		s.Close()
		return s.start()
	}
	return u
}

// start opens the file at the path and reads its header and lines.
func (s *Source) start() Update {
	r := s.newReader()
	r.partial = true
	f, err := os.Open(r.fname)
	if err != nil {
		r.fileProblem("Init: cannot open " + r.fname)
		return r.update(false)
	}
	if st, err := f.Stat(); err == nil {
		r.size = st.Size()
	}
	r.in = newBufReader(f)
	if !r.begin() {
		// Perhaps written only in part yet: the next look starts over.
		f.Close()
		return r.update(false)
	}
	s.f, s.r, s.off = f, r, 0
	return s.lines()
}

// more reads the complete lines after the ones consumed.
func (s *Source) more(size int64) Update {
	if _, err := s.f.Seek(s.off, io.SeekStart); err != nil {
		return Update{}
	}
	s.r.in.Reset(s.f)
	s.r.size = size - s.off
	return s.lines()
}

// lines reads data lines from where s.r stands and hands them out; the
// next read fills fresh slices and arenas, so that what was handed out is
// never written again (the engine uses it on another goroutine).
func (s *Source) lines() Update {
	r := s.r
	r.body()
	s.off += r.done
	u := r.update(false)
	r.rows, r.probs, r.slab, r.arena, r.done = nil, nil, nil, nil, 0
	return u
}

// replaced reports whether the path names another file than the one
// followed (st).
func (s *Source) replaced(st os.FileInfo) bool {
	now, err := os.Stat(s.r.fname)
	return err == nil && !os.SameFile(now, st)
}

// screen applies the rules of Zeek's reader to the problems of an update:
// a fatal one stops the source; after a warning about the whole file, the
// next ones are suppressed until an update reads the file.
func (s *Source) screen(u *Update) {
	kept := u.Problems[:0]
	fileOK := true
	for _, p := range u.Problems {
		switch {
		case p.Fatal:
			s.dead = true
		case p.File:
			fileOK = false
			if s.quiet {
				continue
			}
			s.quiet = true
		}
		kept = append(kept, p)
	}
	u.Problems = kept
	if fileOK {
		s.quiet = false
	}
}

// update is what the reader read. full: it read a whole file, which is
// complete unless a problem stopped it.
func (r *reader) update(full bool) Update {
	u := Update{Rows: r.rows, Problems: r.probs, Complete: full}
	for _, p := range r.probs {
		if p.File || p.Fatal {
			u.Complete = false
		}
	}
	return u
}
