package dns

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// record is a new record of the named script type (nil when the scripts
// lack it), with room for every field: the parser fills them all.
func (p *parser) record(name string) *value.Record {
	rt, ok := p.types[name]
	if !ok {
		rt, _ = p.h.Type(name).(*types.RecordType)
		if p.types == nil {
			p.types = map[string]*types.RecordType{}
		}
		p.types[name] = rt
	}
	if rt == nil {
		return nil
	}
	return value.NewFullRecord(rt) // filled whole: room made once
}

// msgVal is the message header as a dns_msg record. Each event gets its
// own, as in Zeek, since handlers may change it.
func (p *parser) msgVal() value.Value {
	r := p.record("dns_msg")
	if r == nil {
		return value.None
	}
	h := &p.hdr
	msgLayout.SetAll(r, value.Count(h.id), value.Count(h.opcode), value.Count(h.rcode),
		value.Bool(h.qr), value.Bool(h.aa), value.Bool(h.tc), value.Bool(h.rd), value.Bool(h.ra),
		value.Count(h.z), value.Bool(h.ad), value.Bool(h.cd),
		value.Count(uint64(h.qd)), value.Count(uint64(h.an)), value.Count(uint64(h.ns)), value.Count(uint64(h.ar)),
		value.Bool(h.netbios))
	return value.Value{P: r}
}

var msgLayout = value.NewLayout("id", "opcode", "rcode", "QR", "AA", "TC", "RD", "RA", "Z", "AD", "CD",
	"num_queries", "num_answers", "num_auth", "num_addl", "is_netbios")

// answerVal is the current resource record's common fields as a
// dns_answer record.
func (p *parser) answerVal() value.Value {
	r := p.record("dns_answer")
	if r == nil {
		return value.None
	}
	answerLayout.SetAll(r, value.Count(uint64(p.sect)), value.String(p.rrName), value.Count(uint64(p.rrType)),
		value.Count(uint64(p.rrClass)), value.Interval(float64(p.rrTTL)))
	return value.Value{P: r}
}

var answerLayout = value.NewLayout("answer_type", "query", "qtype", "qclass", "TTL")

// stringVec is a string_vec of strs.
func (p *parser) stringVec(strs []value.Value) value.Value {
	vt, _ := p.h.Type("string_vec").(*types.VectorType)
	if vt == nil {
		vt = &types.VectorType{Elem: types.StringType}
	}
	return value.Value{P: &value.Vector{Type: vt, Elems: strs}}
}
