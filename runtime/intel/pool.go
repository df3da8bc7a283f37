package intel

import (
	"encoding/binary"
	"net/netip"
	"strings"

	"github.com/gobro/gobro/runtime/value"
)

// pool shares identical metadata records: a feed gives thousands of
// indicators the same source, description and URL, and one record for
// all of them is most of the memory the store saves. Only records of
// scalar fields are shared (a record holding a table or record could be
// changed through one indicator and show up in another).
type pool struct {
	m    map[string]*pooled
	buf  []byte
	buf2 []byte // a second key while the first is in use
}

type pooled struct {
	rec  *value.Record
	refs int
}

// intern returns the shared record equal to r (r itself if it is the
// first such record, or cannot be shared) and counts the reference.
func (p *pool) intern(r *value.Record) *value.Record {
	k, ok := p.key(r)
	if !ok {
		return r
	}
	if e := p.m[string(k)]; e != nil { // no allocation for the lookup
		// A script may have changed the shared record since: share only
		// if it still has the content it was pooled under.
		p.buf, p.buf2 = p.buf2, p.buf
		k2, ok := p.key(e.rec)
		if ok && string(k2) == string(k) {
			e.refs++
			return e.rec
		}
	}
	// The record stays for as long as indicators refer to it: give it
	// copies of its strings (equal, so no script can tell), so that it
	// does not keep the input reader's arena of a whole file alive.
	r.Each(func(i int, f value.Value) bool {
		if s, ok := f.P.(string); ok {
			r.SetField(i, value.String(strings.Clone(s)))
		}
		return true
	})
	p.m[string(k)] = &pooled{rec: r, refs: 1}
	return r
}

// release drops one reference to a stored record.
func (p *pool) release(r *value.Record) {
	k, ok := p.key(r)
	if !ok {
		return
	}
	if e := p.m[string(k)]; e != nil && e.rec == r {
		if e.refs--; e.refs == 0 {
			delete(p.m, string(k))
		}
	}
}

// key encodes a record's scalar fields (ok is false if it has others).
// The result aliases p.buf.
func (p *pool) key(r *value.Record) ([]byte, bool) {
	b := p.buf[:0]
	b = binary.AppendUvarint(b, uint64(r.NumFields()))
	for i := range r.NumFields() {
		f := r.Field(i)
		switch v := f.P.(type) {
		case nil:
			b = append(b, 'n')
			b = binary.LittleEndian.AppendUint64(b, f.N)
		case string:
			b = append(b, 's')
			b = binary.AppendUvarint(b, uint64(len(v)))
			b = append(b, v...)
		case netip.Addr:
			b = append(b, 'a')
			b = append(b, v.AsSlice()...)
			b = append(b, byte(v.BitLen()))
		case netip.Prefix:
			b = append(b, 'p')
			b = append(b, v.Addr().AsSlice()...)
			b = append(b, byte(v.Bits()), byte(v.Addr().BitLen()))
		default:
			if f.IsUnset() {
				b = append(b, 'u')
				continue
			}
			p.buf = b
			return nil, false
		}
	}
	p.buf = b
	return b, true
}
