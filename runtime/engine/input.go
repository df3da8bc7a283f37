package engine

import (
	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/input"
	"github.com/gobro/gobro/runtime/value"
)

// The input framework's built-ins (Input::__create_table_stream and
// friends). A stream reads its whole source when created (MANUAL mode)
// and queues one delivery task: like Zeek's input manager receiving the
// reader thread's lines, the task fills the destination table (or
// raises the stream's event per line) after the events already queued,
// then raises Input::end_of_data. Problems go to the reporter as
// warnings or errors, and to the stream's error_ev.
//
// Left out: REREAD and STREAM modes (the source is read once), readers
// other than ASCII, analysis streams.

type inputStream struct {
	name, source string
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
			if _, ok := e.inputs[a[0].Str()]; !ok {
				return value.Bool(false), nil
			}
			delete(e.inputs, a[0].Str())
			return value.Bool(true), nil
		}
	case "Input::__force_update":
		// A MANUAL stream has read everything there is.
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			_, ok := e.inputs[a[0].Str()]
			return value.Bool(ok), nil
		}
	}
	return nil
}

// createStream checks a table or event description, reads its source
// and queues the delivery.
func (e *Engine) createStream(desc *value.Record, table bool) bool {
	name, source := recField(desc, "name").Str(), recField(desc, "source").Str()
	if e.inputs == nil {
		e.inputs = map[string]*inputStream{}
	}
	if _, dup := e.inputs[name]; dup {
		e.reporter("error", "error", "", "Stream "+name+" already exists")
		return false
	}
	var idx, val *types.RecordType
	if table {
		idx, _ = unbox(recField(desc, "idx")).P.(*types.RecordType)
		val, _ = unbox(recField(desc, "val")).P.(*types.RecordType)
	} else {
		idx, _ = unbox(recField(desc, "fields")).P.(*types.RecordType)
	}
	if idx == nil {
		e.reporter("error", "error", "", "Input stream "+name+": the index (or fields) must be a record type")
		return false
	}
	for _, rt := range []*types.RecordType{idx, val} {
		if rt == nil {
			continue
		}
		if err := input.Validate(rt); err != nil {
			e.reporter("error", "error", "", err.Error())
			return false
		}
	}
	opts := e.inputOptions(desc, name)
	idxCols := input.Columns(idx)
	cols := idxCols
	if val != nil {
		cols = append(append([]input.Column(nil), idxCols...), input.Columns(val)...)
	}
	rows, probs := input.Read(source, cols, opts)
	st := &inputStream{name: name, source: source}
	e.inputs[name] = st
	e.queue.push(event{run: func() {
		if e.inputs[name] != st {
			return // removed before its data arrived
		}
		// Problems and rows in file order, as the reader met them.
		fileProblem := false
		pi := 0
		problemsUpTo := func(line int) {
			for ; pi < len(probs) && probs[pi].Line <= line; pi++ {
				e.inputProblem(desc, probs[pi])
				fileProblem = fileProblem || probs[pi].File || probs[pi].Fatal
			}
		}
		for _, r := range rows {
			problemsUpTo(r.Line)
			if table {
				e.inputTableRow(desc, idx, val, idxCols, cols, r)
			} else {
				e.inputEventRow(desc, idx, cols, r)
			}
		}
		problemsUpTo(int(^uint(0) >> 1))
		if !fileProblem {
			e.raise1("Input::end_of_data", value.String(name), value.String(source))
		}
	}})
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

// inputTableRow puts one row into the destination table, after the
// stream's pred agrees, and raises its ev with EVENT_NEW or
// EVENT_CHANGED.
func (e *Engine) inputTableRow(desc *value.Record, idx, val *types.RecordType, idxCols, cols []input.Column, r input.Row) {
	dst, ok := unbox(recField(desc, "destination")).P.(*value.Table)
	if !ok {
		return
	}
	key := input.Build(idx, idxCols, input.Row{Line: r.Line, Values: r.Values[:len(idxCols)]})
	keyVals := key.Fields
	var v value.Value
	var valRec *value.Record
	if val != nil {
		valRec = input.Build(val, cols[len(idxCols):], input.Row{Line: r.Line, Values: r.Values[len(idxCols):]})
		e.fillDefaults(valRec)
		v = value.Value{P: valRec}
		if !recField(desc, "want_record").Bool() && len(val.Fields) == 1 {
			v = valRec.Fields[0]
		}
	}
	old, had := dst.Get(keyVals)
	tpe := "Input::EVENT_NEW"
	if had {
		if value.Equal(old, v, dst.Type.Yield) {
			return // unchanged: Zeek sends nothing
		}
		tpe = "Input::EVENT_CHANGED"
	}
	right := v
	if valRec != nil {
		right = value.Value{P: valRec}
	}
	if pred, ok := recField(desc, "pred").P.(*value.Func); ok {
		ok := compile.Call(pred, []value.Value{e.enumValue(tpe), value.Box(value.Value{P: key}, idx), value.Box(right, anyTypeOf(val))}, nil)
		if !ok.Bool() {
			return
		}
	}
	e.prog.Put(dst, keyVals, v)
	if fn := e.descEvent(desc, "ev"); fn != nil {
		args := []value.Value{value.Value{P: desc}, e.enumValue(tpe), value.Value{P: key}}
		if val != nil {
			args = append(args, right)
		}
		e.queue.push(newEvent(fn, args))
	}
}

// inputEventRow raises the stream's event for one line: (desc, tpe,
// record) or, without want_record, (desc, tpe, field...).
func (e *Engine) inputEventRow(desc *value.Record, fields *types.RecordType, cols []input.Column, r input.Row) {
	fn := e.descEvent(desc, "ev")
	if fn == nil {
		return
	}
	rec := input.Build(fields, cols, r)
	e.fillDefaults(rec)
	args := []value.Value{value.Value{P: desc}, e.enumValue("Input::EVENT_NEW")}
	if recField(desc, "want_record").Bool() {
		args = append(args, value.Value{P: rec})
	} else {
		args = append(args, rec.Fields...)
	}
	e.queue.push(newEvent(fn, args))
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
		if i < len(r.Fields) && r.Fields[i].IsUnset() && f.Default != nil {
			if v, ok := e.prog.FieldDefault(f); ok {
				r.Fields[i] = v
			}
		}
	}
}

func anyTypeOf(rt *types.RecordType) types.Type {
	if rt == nil {
		return types.AnyType
	}
	return rt
}
