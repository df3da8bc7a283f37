package engine

import (
	"cmp"
	"encoding/binary"
	"math"
	"net/netip"
	"slices"
	"strconv"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/input"
	"github.com/gobro/gobro/runtime/value"
)

// The input framework's built-ins (Input::__create_table_stream and
// friends). A stream's source (input.Source) is read when the stream is
// created, on the script thread, and the delivery is queued as a task in
// order with the events, as Zeek's input manager receives a reader
// thread's lines after zeek_init: the task fills the destination table
// (or raises the stream's event per line), then raises
// Input::end_of_data. Problems go to the reporter as warnings or errors,
// and to the stream's error_ev.
//
// A REREAD or STREAM stream then gets a poller (input_poll.go), which
// looks at the source on every heartbeat and on Input::force_update; what
// it finds is delivered the same way. Input::remove ends the polling;
// deliveries already queued still happen, as Zeek completes a read in
// progress before removing its stream.
//
// Table streams follow Zeek's input manager. A whole read (MANUAL,
// REREAD) is compared with the previous read, not with the table, which
// scripts may have changed: an index read again with the same values
// changes nothing; with other values it is EVENT_CHANGED, and ev gets the
// value it replaced; an index not read before is EVENT_NEW; the indexes
// of the previous read not read again are EVENT_REMOVED, at the end of
// the read, before end_of_data. pred is asked before each change and may
// veto it or change what goes into the table. A STREAM read puts each
// line: EVENT_CHANGED when the table has the index, EVENT_NEW otherwise;
// nothing is removed, and no end_of_data comes. Event streams raise ev
// with EVENT_NEW for every line read, every time.
//
// Left out: readers other than ASCII, analysis streams.

type inputStream struct {
	name, source string
	desc         *value.Record
	table        bool
	mode         input.Mode
	idx, val     *types.RecordType // val: nil for an event stream or a set
	idxCols      []input.Column    // the first columns of cols
	cols         []input.Column
	dst          *value.Table // table streams: the destination
	ev           *compile.Function
	pred         *value.Func

	// Table streams reading whole files: the entries the last complete
	// read made, and those the read in progress made, by their index
	// columns as read (rowKey).
	last, cur map[string]tracked
	seq       int

	src     *input.Source // MANUAL: read on the script thread
	polling bool          // a poller reads the source (input_poll.go)
	stop    chan struct{} // closed to end the poller
	kick    chan struct{} // Input::force_update for the poller
}

// tracked is a table entry a whole read made.
type tracked struct {
	key  []value.Value // its index in the table (pred may have changed it)
	vals string        // the value columns as read (rowKey)
	seq  int           // when it was made: removals come in that order
}

func (e *Engine) inputBuiltin(name string) builtins.Impl {
	switch name {
	case "Input::__create_table_stream":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.createStream(a[0].P.(*value.Record), true)), nil
		}
	case "Input::__create_event_stream":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.createStream(a[0].P.(*value.Record), false)), nil
		}
	case "Input::__remove_stream":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.removeStream(a[0].Str())), nil
		}
	case "Input::__row_location":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.String(e.rowLocation()), nil
		}
	case "Input::__force_update":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.forceUpdate(a[0].Str())), nil
		}
	}
	return nil
}

// createStream checks a table or event description, reads its source,
// queues the delivery and, for REREAD and STREAM, starts polling.
func (e *Engine) createStream(desc *value.Record, table bool) bool {
	st := e.newStream(desc, table)
	if st == nil {
		return false
	}
	src := input.NewSource(st.source, st.cols, e.inputOptions(desc, st.name), st.mode)
	e.input.streams[st.name] = st
	e.queueUpdate(st, src.Update())
	switch {
	case st.mode == input.Manual:
		st.src = src
	case src.Failed():
		src.Close()
	default:
		e.poll(st, src)
	}
	return true
}

// newStream makes a stream of a description, or reports why it cannot.
func (e *Engine) newStream(desc *value.Record, table bool) *inputStream {
	st := &inputStream{
		name: recField(desc, "name").Str(), source: recField(desc, "source").Str(),
		desc: desc, table: table, mode: e.inputMode(desc),
		ev: e.descEvent(desc, "ev"), last: map[string]tracked{}, cur: map[string]tracked{},
	}
	st.pred, _ = recField(desc, "pred").P.(*value.Func)
	st.dst, _ = unbox(recField(desc, "destination")).P.(*value.Table)
	if e.input.streams == nil {
		e.input.streams = map[string]*inputStream{}
	}
	if _, dup := e.input.streams[st.name]; dup {
		e.reporter("error", "error", "", "Stream "+st.name+" already exists")
		return nil
	}
	if table && st.dst == nil {
		e.reporter("error", "error", "", "Input stream "+st.name+": the destination must be a table or set")
		return nil
	}
	if !e.streamTypes(st) {
		return nil
	}
	st.idxCols = input.Columns(st.idx)
	st.cols = st.idxCols
	if st.val != nil {
		st.cols = append(slices.Clip(st.idxCols), input.Columns(st.val)...)
	}
	return st
}

// streamTypes sets the record types a stream reads, and checks them.
func (e *Engine) streamTypes(st *inputStream) bool {
	if st.table {
		st.idx, _ = unbox(recField(st.desc, "idx")).P.(*types.RecordType)
		st.val, _ = unbox(recField(st.desc, "val")).P.(*types.RecordType)
	} else {
		st.idx, _ = unbox(recField(st.desc, "fields")).P.(*types.RecordType)
	}
	if st.idx == nil {
		e.reporter("error", "error", "", "Input stream "+st.name+": the index (or fields) must be a record type")
		return false
	}
	for _, rt := range []*types.RecordType{st.idx, st.val} {
		if rt == nil {
			continue
		}
		if err := input.Validate(rt); err != nil {
			e.reporter("error", "error", "", err.Error())
			return false
		}
	}
	return true
}

// inputMode is a description's Input::Mode.
func (e *Engine) inputMode(desc *value.Record) input.Mode {
	switch recField(desc, "mode").N {
	case e.enumValue("Input::REREAD").N:
		return input.Reread
	case e.enumValue("Input::STREAM").N:
		return input.Stream
	}
	return input.Manual
}

// removeStream is Input::remove: the stream is forgotten and its polling
// ends.
func (e *Engine) removeStream(name string) bool {
	st, ok := e.input.streams[name]
	if !ok {
		return false
	}
	delete(e.input.streams, name)
	e.unpoll(st)
	return true
}

// forceUpdate is Input::force_update: a MANUAL stream reads its file again
// now; a polled one is looked at now rather than at the next heartbeat
// (a REREAD stream whose file did not change reads nothing, as in Zeek).
func (e *Engine) forceUpdate(name string) bool {
	st, ok := e.input.streams[name]
	if !ok {
		e.reporter("error", "error", "", "Stream "+name+" not found")
		return false
	}
	switch {
	case st.src != nil:
		e.queueUpdate(st, st.src.Update())
	case st.polling:
		select {
		case st.kick <- struct{}{}:
		default: // a look is asked for already
		}
	}
	return true
}

// inputOptions are the ASCII reader's options: InputAscii's globals,
// then the stream's config table.
func (e *Engine) inputOptions(desc *value.Record, name string) input.Options {
	o := input.DefaultOptions()
	o.Name = name
	str := func(g string, dst *string) {
		if v, ok := e.globalByName(g); ok {
			*dst = v.Str()
		}
	}
	str("InputAscii::separator", &o.Separator)
	str("InputAscii::set_separator", &o.SetSeparator)
	str("InputAscii::empty_field", &o.EmptyField)
	str("InputAscii::unset_field", &o.UnsetField)
	str("InputAscii::path_prefix", &o.PathPrefix)
	if v, ok := e.globalByName("InputAscii::fail_on_invalid_lines"); ok {
		o.FailOnInvalidLines = v.Bool()
	}
	if v, ok := e.globalByName("InputAscii::fail_on_file_problem"); ok {
		o.FailOnFileProblem = v.Bool()
	}
	if t, ok := recField(desc, "config").P.(*value.Table); ok {
		cfg := map[string]string{}
		for it := t.Iter(); it.Next(); {
			cfg[it.Key1().Str()] = it.Val().Str()
		}
		o.ApplyConfig(cfg)
	}
	return o
}

// queueUpdate queues the delivery of what a read found, in order with the
// events.
func (e *Engine) queueUpdate(st *inputStream, u input.Update) {
	if !u.Empty() {
		e.queue.push(workEvent(func() { e.deliver(st, u) }))
	}
}

// deliverChunk is how many rows deliver takes at a time: the events of a
// chunk run before the next chunk's are made, so a feed of millions of
// lines never has millions of events (and their records) waiting.
const deliverChunk = 4096

// deliver applies what a read found: problems and rows in file order, as
// the reader met them, a chunk at a time; after a whole read, the
// removals and Input::end_of_data.
func (e *Engine) deliver(st *inputStream, u input.Update) { e.deliverFrom(st, u, 0, 0) }

// deliverFrom delivers the rows from row on (and the problems from pi
// on), queueing itself for the rest after a chunk.
func (e *Engine) deliverFrom(st *inputStream, u input.Update, row, pi int) {
	problemsUpTo := func(line int) {
		for ; pi < len(u.Problems) && u.Problems[pi].Line <= line; pi++ {
			e.inputProblem(st.desc, u.Problems[pi])
		}
	}
	for n := 0; row < len(u.Rows); row++ {
		if n++; n > deliverChunk {
			e.queue.push(workEvent(func() { e.deliverFrom(st, u, row, pi) }))
			return
		}
		r := u.Rows[row]
		u.Rows[row] = input.Row{} // delivered: its values may go
		problemsUpTo(r.Line)
		switch {
		case !st.table:
			e.inputEventRow(st, r)
		case st.mode == input.Stream:
			e.putRow(st, r)
		default:
			e.sendRow(st, r)
		}
	}
	problemsUpTo(math.MaxInt)
	if !u.Complete {
		return
	}
	if st.table {
		e.endRead(st)
	}
	e.raise1("Input::end_of_data", value.String(st.name), value.String(st.source))
}

// inputProblem reports one reader problem and raises error_ev.
func (e *Engine) inputProblem(desc *value.Record, p input.Problem) {
	level, kind := "warning", "warning"
	if p.Error || p.Fatal {
		level, kind = "error", "error"
	}
	e.reporter(level, kind, "", p.Msg)
	if fn := e.descEvent(desc, "error_ev"); fn != nil {
		lv := "Reporter::WARNING"
		if level == "error" {
			lv = "Reporter::ERROR"
		}
		e.queue.push(newEvent(fn, []value.Value{value.Value{P: desc}, value.String(p.Text), e.enumValue(lv)}))
	}
}

// sendRow applies one row of a whole read to the table (see the comment
// at the top).
func (e *Engine) sendRow(st *inputStream, r input.Row) {
	n := len(st.idxCols)
	ik, vals := rowKey(r.Values[:n]), rowKey(r.Values[n:])
	prev, seen := st.last[ik]
	if seen {
		delete(st.last, ik)
		if prev.vals == vals {
			st.cur[ik] = prev
			return
		}
	}
	tpe := "Input::EVENT_NEW"
	if seen {
		tpe = "Input::EVENT_CHANGED"
	}
	left, v := st.left(r), e.stored(st, r)
	if !e.allow(st, tpe, left, v) {
		if seen {
			st.cur[ik] = prev
		}
		return
	}
	key := left.Values()
	old, had := st.dst.Get(key)
	e.prog.Put(st.dst, key, v)
	st.seq++
	st.cur[ik] = tracked{key: key, vals: vals, seq: st.seq}
	e.entryEvent(st, r, left, seen && had, old, v)
}

// putRow puts one line of a STREAM read into the table. pred cannot
// change the index here: Zeek computes it before asking.
func (e *Engine) putRow(st *inputStream, r input.Row) {
	left, v := st.left(r), e.stored(st, r)
	key := left.Values()
	old, had := st.dst.Get(key)
	changed := had && st.val != nil
	tpe := "Input::EVENT_NEW"
	if changed {
		tpe = "Input::EVENT_CHANGED"
	}
	if !e.allow(st, tpe, left, v) {
		return
	}
	e.prog.Put(st.dst, key, v)
	e.entryEvent(st, r, left, changed, old, v)
}

// endRead ends a whole read of a table stream: the entries of the
// previous read that this one did not make again are removed, in the
// order they were made, unless pred objects.
func (e *Engine) endRead(st *inputStream) {
	gone := make([]string, 0, len(st.last))
	for k := range st.last {
		gone = append(gone, k)
	}
	slices.SortFunc(gone, func(a, b string) int { return cmp.Compare(st.last[a].seq, st.last[b].seq) })
	for _, k := range gone {
		t := st.last[k]
		v, ok := st.dst.Get(t.key)
		if !ok {
			continue // a script removed it already
		}
		left := value.RecordOf(st.idx, t.key)
		if !e.allow(st, "Input::EVENT_REMOVED", left, v) {
			st.cur[k] = t
			continue
		}
		if st.ev != nil {
			e.tableEvent(st, "Input::EVENT_REMOVED", left, v)
		}
		e.prog.Delete(st.dst, t.key)
	}
	st.last, st.cur = st.cur, map[string]tracked{}
}

// left is the index record of a row: pred's and ev's "left".
func (st *inputStream) left(r input.Row) *value.Record {
	n := len(st.idxCols)
	return input.Build(st.idx, st.idxCols, input.Row{Line: r.Line, Values: r.Values[:n]})
}

// stored is what a row puts into the table: its value record, or the
// record's only field without want_record, or nothing for a set.
func (e *Engine) stored(st *inputStream, r input.Row) value.Value {
	if st.val == nil {
		return value.Value{}
	}
	n := len(st.idxCols)
	rec := input.Build(st.val, st.cols[n:], input.Row{Line: r.Line, Values: r.Values[n:]})
	e.fillDefaults(rec)
	if !recField(st.desc, "want_record").Bool() && len(st.val.Fields) == 1 {
		return rec.Field(0)
	}
	return value.Value{P: rec}
}

// allow asks the stream's pred whether to make a change (yes without
// one). pred gets what goes into the table, and may change it.
func (e *Engine) allow(st *inputStream, tpe string, left *value.Record, right value.Value) bool {
	if st.pred == nil {
		return true
	}
	var yield types.Type = types.AnyType
	if st.dst.Type.Yield != nil {
		yield = st.dst.Type.Yield
	}
	args := []value.Value{e.enumValue(tpe), predArg(st.pred, 1, value.Value{P: left}, st.idx), predArg(st.pred, 2, right, yield)}
	return compile.Call(st.pred, args, nil).Bool()
}

// predArg is v (of type t) as pred's parameter i: boxed where pred takes
// an any, as TableDescription declares it, as it is where pred names the
// type it expects.
func predArg(pred *value.Func, i int, v value.Value, t types.Type) value.Value {
	if pred.Type != nil && i < len(pred.Type.Params) && pred.Type.Params[i].Type.Kind() != types.Any {
		return v
	}
	return value.Box(v, t)
}

// entryEvent raises ev for an entry put into the table: EVENT_CHANGED
// with the value it replaced, or EVENT_NEW with the new one.
func (e *Engine) entryEvent(st *inputStream, r input.Row, left *value.Record, changed bool, old, v value.Value) {
	if st.ev == nil {
		return
	}
	if st.pred != nil {
		left = st.left(r) // Zeek's event gets an index record pred has not seen
	}
	if changed {
		e.tableEvent(st, "Input::EVENT_CHANGED", left, old)
		return
	}
	e.tableEvent(st, "Input::EVENT_NEW", left, v)
}

// tableEvent raises a table stream's ev: (desc, tpe, left) for a set,
// (desc, tpe, left, right) for a table.
func (e *Engine) tableEvent(st *inputStream, tpe string, left *value.Record, right value.Value) {
	args := []value.Value{{P: st.desc}, e.enumValue(tpe), {P: left}}
	if st.val != nil {
		args = append(args, right)
	}
	e.queue.push(newEvent(st.ev, args))
}

// inputEventRow raises an event stream's ev for one line: (desc, tpe,
// record) or, without want_record, (desc, tpe, field...).
func (e *Engine) inputEventRow(st *inputStream, r input.Row) {
	if st.ev == nil {
		return
	}
	rec := input.Build(st.idx, st.cols, r)
	e.fillDefaults(rec)
	args := []value.Value{{P: st.desc}, e.enumValue("Input::EVENT_NEW")}
	if recField(st.desc, "want_record").Bool() {
		args = append(args, value.Value{P: rec})
	} else {
		args = append(args, rec.Values()...)
	}
	ev := newEvent(st.ev, args)
	if ev.x == nil {
		ev.x = &eventExtra{}
	}
	ev.x.row, ev.x.rowLine = st, r.Line
	e.queue.push(ev)
}

// rowLocation is Input::__row_location: "FILE, line N" while an event
// stream's ev runs for the row read from line N of FILE (the stream's
// source), "" otherwise. Zeek's events carry no line; scripts that check
// what they read (the intel framework) use it to say where a bad value
// came from.
func (e *Engine) rowLocation() string {
	if e.input.row == nil {
		return ""
	}
	return e.input.row.source + ", line " + strconv.Itoa(e.input.rowLine)
}

// rowKey encodes values as read, so that two reads of the same values
// give the same key: Zeek's input manager hashes them the same way to
// compare a read with the previous one.
func rowKey(vals []value.Value) string {
	var b []byte
	for _, v := range vals {
		b = appendRowKey(b, v)
	}
	return string(b)
}

func appendRowKey(b []byte, v value.Value) []byte {
	switch p := v.P.(type) {
	case nil: // the scalars
		return binary.LittleEndian.AppendUint64(append(b, 'n'), v.N)
	case string:
		return append(binary.AppendUvarint(append(b, 's'), uint64(len(p))), p...)
	case netip.Addr:
		a := p.As16()
		return append(append(b, 'a', byte(p.BitLen())), a[:]...)
	case netip.Prefix:
		a := p.Addr().As16()
		return append(append(b, 'p', byte(p.Addr().BitLen()), byte(p.Bits())), a[:]...)
	case *value.Pattern:
		return appendRowKey(append(b, 'r'), value.String(p.Text()))
	case *value.Table:
		b = binary.AppendUvarint(append(b, 't'), uint64(p.Len()))
		for it := p.Iter(); it.Next(); {
			b = appendRowKey(b, it.Key1())
		}
		return b
	case *value.Vector:
		b = binary.AppendUvarint(append(b, 'v'), uint64(len(p.Elems)))
		for _, x := range p.Elems {
			b = appendRowKey(b, x)
		}
		return b
	}
	return append(b, 'u') // unset
}

// descEvent is the event a description names in field f (nil if none).
func (e *Engine) descEvent(desc *value.Record, f string) *compile.Function {
	fv, ok := unbox(recField(desc, f)).P.(*value.Func)
	if !ok {
		return nil
	}
	fn, _ := fv.Impl.(*compile.Function)
	return fn
}

// enumValue is the value of a fully qualified enum constant.
func (e *Engine) enumValue(name string) value.Value {
	if s := e.chk.Lookup(name); s != nil && s.Enum != nil {
		return value.Enum(s.Enum.Value)
	}
	return value.Enum(0)
}

// fillDefaults gives unset fields with a &default their value
// (what reading left unset; input.Build cannot evaluate defaults).
func (e *Engine) fillDefaults(r *value.Record) {
	for i, f := range r.Type.Fields {
		fv := r.Field(i)
		if sub, ok := fv.P.(*value.Record); ok {
			e.fillDefaults(sub) // nested columns (meta.whitelist)
			continue
		}
		if fv.IsUnset() && f.Default != nil {
			if v, ok := e.prog.FieldDefault(f); ok {
				r.SetField(i, v)
			}
		}
	}
}
