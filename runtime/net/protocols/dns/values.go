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
	r.Set("id", value.Count(h.id))
	r.Set("opcode", value.Count(h.opcode))
	r.Set("rcode", value.Count(h.rcode))
	r.Set("QR", value.Bool(h.qr))
	r.Set("AA", value.Bool(h.aa))
	r.Set("TC", value.Bool(h.tc))
	r.Set("RD", value.Bool(h.rd))
	r.Set("RA", value.Bool(h.ra))
	r.Set("Z", value.Count(h.z))
	r.Set("AD", value.Bool(h.ad))
	r.Set("CD", value.Bool(h.cd))
	r.Set("num_queries", value.Count(uint64(h.qd)))
	r.Set("num_answers", value.Count(uint64(h.an)))
	r.Set("num_auth", value.Count(uint64(h.ns)))
	r.Set("num_addl", value.Count(uint64(h.ar)))
	r.Set("is_netbios", value.Bool(h.netbios))
	return value.Value{P: r}
}

// answerVal is the current resource record's common fields as a
// dns_answer record.
func (p *parser) answerVal() value.Value {
	r := p.record("dns_answer")
	if r == nil {
		return value.None
	}
	r.Set("answer_type", value.Count(uint64(p.sect)))
	r.Set("query", value.String(p.rrName))
	r.Set("qtype", value.Count(uint64(p.rrType)))
	r.Set("qclass", value.Count(uint64(p.rrClass)))
	r.Set("TTL", value.Interval(float64(p.rrTTL)))
	return value.Value{P: r}
}

// stringVec is a string_vec of strs.
func (p *parser) stringVec(strs []value.Value) value.Value {
	vt, _ := p.h.Type("string_vec").(*types.VectorType)
	if vt == nil {
		vt = &types.VectorType{Elem: types.StringType}
	}
	return value.Value{P: &value.Vector{Type: vt, Elems: strs}}
}
