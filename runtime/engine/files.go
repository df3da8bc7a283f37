package engine

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"os"
	"sort"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/files"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/value"
)

// File analysis: analysers deliver the files their protocols carry
// (analyzer.Files); each file gets its id from the handle the scripts
// give in get_file_handle, an fa_file record, and the events of Zeek's
// file analysis (file_new, file_over_new_connection, file_sniff,
// file_gap, file_hash, file_timeout, file_state_remove). Content
// analysers (hashes, extraction, data events) are attached by the
// scripts with Files::add_analyzer and see the file's bytes in order.

type fileAnalysis struct {
	ids  *files.IDMaker
	byID map[string]*fileState
	// current is each analyser direction's file; a nil entry means the
	// scripts gave no handle, and that data is ignored until FileEnd.
	current map[fileKey]*fileState
	// handle is what set_file_handle set during get_file_handle.
	handle   string
	disabled map[string]bool // file analyser kinds switched off
}

type fileKey struct {
	aid    uint64
	isOrig bool
}

// fileState is one file being analysed.
type fileState struct {
	id  string
	rec *value.Record // fa_file
	// covered are the byte ranges seen, sorted and disjoint; pos is
	// where data without an offset goes; next is where the analysers'
	// in-order data continues.
	covered  [][2]uint64
	pos      uint64
	next     uint64
	total    uint64
	hasTotal bool
	bof      []byte
	sniffed  bool
	gapped   bool // in-order analysers missed bytes
	kinds    []*fileAnalyser
	conns    map[string]bool // uids of the connections that carried it
	last     float64         // network time of the last data
	timer    *timer
	done     bool
}

// fileAnalyser is a content analyser attached to a file.
type fileAnalyser struct {
	name string // EXTRACT, MD5, …
	// hashes
	h hash.Hash
	// EXTRACT
	out     *os.File
	limit   uint64
	written uint64
	// DATA_EVENT
	chunk, stream *compile.Function
}

func (e *Engine) fileMgr() *fileAnalysis {
	if e.fa == nil {
		salt := "Please change this value."
		if v, ok := e.global("digest_salt"); ok {
			salt = v.Str()
		}
		e.fa = &fileAnalysis{ids: files.NewIDMaker(salt), byID: map[string]*fileState{},
			current: map[fileKey]*fileState{}, disabled: map[string]bool{}}
	}
	return e.fa
}

func (h analyserHost) FileData(x *analyzer.Context, isOrig bool, off int64, data []byte) {
	e := h.e
	f := e.currentFile(x, isOrig)
	if f == nil || f.done || len(data) == 0 {
		return
	}
	e.fileData(f, off, data)
}

func (h analyserHost) FileGap(x *analyzer.Context, isOrig bool, n uint64) {
	e := h.e
	if f := e.fileMgr().current[fileKey{x.ID, isOrig}]; f != nil && !f.done && n > 0 {
		e.sniffFile(f) // a gap ends the BOF buffer
		e.raise1("file_gap", value.Value{P: f.rec}, value.Count(f.pos), value.Count(n))
		f.pos += n
		f.gapped = true
	}
}

func (h analyserHost) FileSize(x *analyzer.Context, isOrig bool, size uint64) {
	e := h.e
	f := e.currentFile(x, isOrig)
	if f == nil || f.done {
		return
	}
	f.total, f.hasTotal = size, true
	f.rec.Set("total_bytes", value.Count(size))
	if f.seen() >= size {
		e.finishFile(f)
	}
}

func (h analyserHost) FileEnd(x *analyzer.Context, isOrig bool) {
	fa := h.e.fileMgr()
	key := fileKey{x.ID, isOrig}
	f, ok := fa.current[key]
	if !ok {
		return
	}
	delete(fa.current, key)
	if f != nil && !f.done {
		h.e.finishFile(f)
	}
}

// currentFile is the direction's file, opened on first use: the scripts
// name it in get_file_handle; data under a known id joins that file.
func (e *Engine) currentFile(x *analyzer.Context, isOrig bool) *fileState {
	fa := e.fileMgr()
	key := fileKey{x.ID, isOrig}
	if f, ok := fa.current[key]; ok {
		return f
	}
	tag, ok := e.tagValue(x.Spec.Name)
	fn := e.handlerFn("get_file_handle")
	if !ok || fn == nil {
		fa.current[key] = nil
		return nil
	}
	conn := e.connRecord(x.Conn)
	// As in Zeek, the events already queued run first: the handle may
	// depend on what they record (HTTP's MIME depth).
	fa.handle = ""
	e.raiseNow("get_file_handle", tag, value.Value{P: conn}, value.Bool(isOrig))
	if fa.handle == "" {
		fa.current[key] = nil
		return nil
	}
	id := fa.ids.ID(fa.handle)
	f := fa.byID[id]
	if f == nil {
		f = e.newFile(id, x.Spec.Name, isOrig)
		if f == nil {
			fa.current[key] = nil
			return nil
		}
	}
	fa.current[key] = f
	uid := conn.Get("uid").Str()
	if !f.conns[uid] {
		f.conns[uid] = true
		if t, ok := f.rec.Get("conns").P.(*value.Table); ok {
			t.Put1(conn.Get("id"), value.Value{P: conn})
		}
		e.raiseNow("file_over_new_connection", value.Value{P: f.rec}, value.Value{P: conn}, value.Bool(isOrig))
	}
	return f
}

// newFile makes the fa_file record and raises file_new.
func (e *Engine) newFile(id, source string, isOrig bool) *fileState {
	rt, _ := e.typeOf("fa_file").(*types.RecordType)
	if rt == nil {
		return nil
	}
	rec := newRecord(rt)
	rec.Set("id", value.String(id))
	rec.Set("source", value.String(source))
	rec.Set("is_orig", value.Bool(isOrig))
	rec.Set("last_active", value.Time(e.netTime))
	if f := rt.Field("conns"); f != nil {
		if tt, ok := f.Type.(*types.TableType); ok {
			rec.Set("conns", value.Value{P: value.NewTable(tt)})
		}
	}
	for _, name := range []string{"seen_bytes", "missing_bytes", "overflow_bytes"} {
		rec.Set(name, value.Count(0))
	}
	if v, ok := e.global("default_file_timeout_interval"); ok {
		rec.Set("timeout_interval", v)
	}
	if v, ok := e.global("default_file_bof_buffer_size"); ok {
		rec.Set("bof_buffer_size", v)
	}
	f := &fileState{id: id, rec: rec, conns: map[string]bool{}, last: e.netTime}
	e.fileMgr().byID[id] = f
	e.raiseNow("file_new", value.Value{P: rec})
	e.armFileTimer(f)
	return f
}

// fileData takes bytes of a file at off (negative: in order). Until the
// file's MIME type is sniffed, in-order bytes from the start only fill
// the BOF buffer; then the content analysers get the buffer and
// everything after it, so those the scripts attach at file_new or
// file_sniff see the whole file, as in Zeek.
func (e *Engine) fileData(f *fileState, off int64, data []byte) {
	start := f.pos
	if off >= 0 {
		start = uint64(off)
	}
	f.pos = start + uint64(len(data))
	f.last = e.netTime
	L := e.fileLayout(f.rec.Type)
	f.rec.SetField(L.lastActive, value.Time(e.netTime))
	f.cover(start, start+uint64(len(data)))
	f.rec.SetField(L.seenBytes, value.Count(f.seen()))

	if !f.sniffed {
		bofSize := f.rec.Field(L.bofBufferSize).Count()
		if start == uint64(len(f.bof)) {
			n := min(uint64(len(data)), bofSize-uint64(len(f.bof)))
			f.bof = append(f.bof, data[:n]...)
			data, start = data[n:], start+n
		}
		if uint64(len(f.bof)) < bofSize && len(data) == 0 {
			e.checkComplete(f)
			return
		}
		e.sniffFile(f)
	}
	if len(data) > 0 {
		e.deliverFile(f, start, data)
	}
	e.checkComplete(f)
}

// fileLayout is where fileData writes in fa_file records, found once:
// it runs for every chunk of every file, and a lookup by name there was
// a measurable share of bulk transfers. -1 where the scripts lack one.
type fileLayout struct {
	rt                                   *types.RecordType
	lastActive, seenBytes, bofBufferSize int
}

func (e *Engine) fileLayout(rt *types.RecordType) *fileLayout {
	if L := e.fileLay; L != nil && L.rt == rt {
		return L
	}
	e.fileLay = &fileLayout{rt: rt, lastActive: offset(rt, "last_active"),
		seenBytes: offset(rt, "seen_bytes"), bofBufferSize: offset(rt, "bof_buffer_size")}
	return e.fileLay
}

// checkComplete ends a file once all of its announced size was seen.
func (e *Engine) checkComplete(f *fileState) {
	if f.hasTotal && f.seen() >= f.total {
		e.finishFile(f)
	}
}

// deliverFile passes bytes at start to the content analysers: every
// chunk to chunk events, bytes in order to the rest.
func (e *Engine) deliverFile(f *fileState, start uint64, data []byte) {
	for _, a := range f.kinds {
		if a.chunk != nil {
			e.Queue(a.chunk, []value.Value{{P: f.rec}, value.String(string(data)), value.Count(start)})
		}
	}
	switch {
	case start > f.next:
		f.gapped = true
	case start < f.next:
		return // seen before (an overlapping range)
	}
	for _, a := range f.kinds {
		e.feedAnalyser(f, a, data)
	}
	f.next = start + uint64(len(data))
}

// feedAnalyser gives a content analyser the next in-order bytes.
func (e *Engine) feedAnalyser(f *fileState, a *fileAnalyser, data []byte) {
	switch {
	case a.h != nil:
		if !f.gapped {
			a.h.Write(data)
		}
	case a.out != nil:
		if a.limit > 0 && a.written+uint64(len(data)) > a.limit {
			data = data[:a.limit-a.written]
		}
		n, _ := a.out.Write(data)
		a.written += uint64(n)
	case a.stream != nil:
		e.Queue(a.stream, []value.Value{{P: f.rec}, value.String(string(data))})
	}
}

// sniffFile raises file_sniff with the MIME type of the BOF buffer.
func (e *Engine) sniffFile(f *fileState) {
	if f.sniffed {
		return
	}
	f.sniffed = true
	f.rec.Set("bof_buffer", value.String(string(f.bof)))
	mt, _ := e.typeOf("fa_metadata").(*types.RecordType)
	if mt == nil {
		e.deliverFile(f, 0, f.bof)
		return
	}
	meta := newRecord(mt)
	if m := files.Sniff(f.bof); m != "" {
		meta.Set("mime_type", value.String(m))
	}
	meta.Set("inferred", value.Bool(true))
	e.raiseNow("file_sniff", value.Value{P: f.rec}, value.Value{P: meta})
	if len(f.bof) > 0 {
		e.deliverFile(f, 0, f.bof)
	}
}

// raiseNow raises an event and drains the queue at once: Zeek does so for
// the file events whose handlers must act before the file's next bytes
// (attaching analysers at file_new or file_sniff, say).
func (e *Engine) raiseNow(name string, args ...value.Value) {
	e.raise1(name, args...)
	e.drain()
}

// finishFile ends a file: its hashes, then file_state_remove.
func (e *Engine) finishFile(f *fileState) {
	if f.done {
		return
	}
	e.sniffFile(f)
	f.done = true
	if f.timer != nil {
		f.timer.cancelled = true
	}
	var missing uint64
	if n := len(f.covered); n > 0 {
		missing = f.covered[n-1][1] - f.seen()
	}
	f.rec.Set("missing_bytes", value.Count(missing))
	for _, a := range f.kinds {
		e.closeAnalyser(f, a, true)
	}
	e.raise1("file_state_remove", value.Value{P: f.rec})
	fa := e.fileMgr()
	delete(fa.byID, f.id)
	for k, cur := range fa.current {
		if cur == f {
			delete(fa.current, k)
		}
	}
}

func (e *Engine) closeAnalyser(f *fileState, a *fileAnalyser, report bool) {
	switch {
	case a.h != nil:
		if report && !f.gapped {
			e.raise1("file_hash", value.Value{P: f.rec}, value.String(map[string]string{"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256"}[a.name]), value.String(hex.EncodeToString(a.h.Sum(nil))))
		}
		a.h = nil
	case a.out != nil:
		a.out.Close()
		a.out = nil
	}
}

// armFileTimer times a file out after timeout_interval without data.
func (e *Engine) armFileTimer(f *fileState) {
	after := f.rec.Get("timeout_interval").Double()
	if after <= 0 {
		return
	}
	f.timer = e.addTimer(f.last+after-e.netTime, func() {
		if f.done || e.terminating {
			return
		}
		if e.netTime < f.last+f.rec.Get("timeout_interval").Double() {
			e.armFileTimer(f) // data came in the meantime
			return
		}
		e.timeOutFile(f)
	})
	e.pending-- // a file timer does not keep a run waiting
}

func (e *Engine) timeOutFile(f *fileState) {
	e.raiseNow("file_timeout", value.Value{P: f.rec})
	e.finishFile(f)
}

// terminateFiles times out the files still open at the end of the run,
// after the connections' own ends (which close most files), as Zeek's
// file manager does when it terminates.
func (e *Engine) terminateFiles() {
	if e.fa == nil {
		return
	}
	var open []*fileState
	for _, f := range e.fa.byID {
		if !f.done {
			open = append(open, f)
		}
	}
	sort.Slice(open, func(i, j int) bool { return open[i].id < open[j].id })
	for _, f := range open {
		e.timeOutFile(f)
	}
	e.drain()
}

// cover records [from, to) as seen.
func (f *fileState) cover(from, to uint64) {
	out := make([][2]uint64, 0, len(f.covered)+1)
	placed := false
	for _, r := range f.covered {
		switch {
		case r[1] < from:
			out = append(out, r)
		case to < r[0]:
			if !placed {
				out = append(out, [2]uint64{from, to})
				placed = true
			}
			out = append(out, r)
		default:
			from, to = min(from, r[0]), max(to, r[1])
		}
	}
	if !placed {
		out = append(out, [2]uint64{from, to})
	}
	f.covered = out
}

// seen is the number of distinct bytes seen.
func (f *fileState) seen() uint64 {
	var n uint64
	for _, r := range f.covered {
		n += r[1] - r[0]
	}
	return n
}

// filesBuiltin implements set_file_handle and the Files::__ built-ins.
func (e *Engine) filesBuiltin(name string) builtins.Impl {
	switch name {
	case "set_file_handle":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.fileMgr().handle = a[0].Str()
			return value.None, nil
		}
	case "Files::__add_analyzer", "Files::__remove_analyzer":
		add := name == "Files::__add_analyzer"
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			f := e.fileMgr().byID[a[0].Str()]
			kind := e.tagName(a[1])
			if f == nil || f.done {
				return value.Bool(false), nil
			}
			if add {
				return value.Bool(e.addFileAnalyser(f, kind, unbox(a[2]))), nil
			}
			for i, x := range f.kinds {
				if x.name == kind {
					e.closeAnalyser(f, x, false)
					f.kinds = append(f.kinds[:i], f.kinds[i+1:]...)
					return value.Bool(true), nil
				}
			}
			return value.Bool(false), nil
		}
	case "Files::__stop":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			f := e.fileMgr().byID[a[0].Str()]
			if f == nil || f.done {
				return value.Bool(false), nil
			}
			e.finishFile(f)
			return value.Bool(true), nil
		}
	case "Files::__set_timeout_interval":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			f := e.fileMgr().byID[a[0].Str()]
			if f == nil || f.done {
				return value.Bool(false), nil
			}
			f.rec.Set("timeout_interval", a[1])
			return value.Bool(true), nil
		}
	case "Files::__file_exists":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			_, ok := e.fileMgr().byID[a[0].Str()]
			return value.Bool(ok), nil
		}
	case "Files::__lookup_file":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			if f := e.fileMgr().byID[a[0].Str()]; f != nil {
				return value.Value{P: f.rec}, nil
			}
			return value.None, nil
		}
	case "Files::__analyzer_name":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.String(e.tagName(a[0])), nil
		}
	case "Files::__analyzer_enabled":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(!e.fileMgr().disabled[e.tagName(a[0])]), nil
		}
	case "Files::__enable_analyzer", "Files::__disable_analyzer":
		off := name == "Files::__disable_analyzer"
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.fileMgr().disabled[e.tagName(a[0])] = off
			return value.Bool(true), nil
		}
	case "identify_data":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.String(files.Sniff([]byte(a[0].Str()))), nil
		}
	}
	return nil
}

// addFileAnalyser attaches a content analyser (once per kind); args is
// the Files::AnalyzerArgs record.
func (e *Engine) addFileAnalyser(f *fileState, kind string, args value.Value) bool {
	if e.fileMgr().disabled[kind] {
		return false
	}
	for _, x := range f.kinds {
		if x.name == kind {
			return false
		}
	}
	a := &fileAnalyser{name: kind}
	switch kind {
	case "MD5":
		a.h = md5.New()
	case "SHA1":
		a.h = sha1.New()
	case "SHA256":
		a.h = sha256.New()
	case "EXTRACT":
		path := field(args, "extract_filename").Str()
		if path == "" {
			return false
		}
		out, err := os.Create(path)
		if err != nil {
			e.reporter("error", "", "", "cannot open file for extraction: "+path)
			return false
		}
		a.out = out
		if v := field(args, "extract_limit"); !v.IsUnset() {
			a.limit = v.Count()
		}
	case "DATA_EVENT":
		a.chunk, a.stream = hookFn(field(args, "chunk_event")), hookFn(field(args, "stream_event"))
	default:
		return false
	}
	f.kinds = append(f.kinds, a)
	return true
}
