package mime

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Records makes the script values of headers: the analysers' hosts.
type Records interface {
	Type(name string) types.Type
	NewRecord(typeName string) *value.Record
}

// HeaderRecord is h as a mime_header_rec, or nil if the scripts lack
// the type.
func HeaderRecord(rs Records, h *Header) *value.Record {
	r := rs.NewRecord("mime_header_rec")
	if r != nil {
		r.Set("original_name", value.String(h.Name))
		r.Set("name", value.String(ASCIIUpper(h.Name)))
		r.Set("value", value.String(h.Value))
	}
	return r
}

// HeaderTable is hs as a mime_header_list, indexed from 1, or nil if
// the scripts lack its types.
func HeaderTable(rs Records, hs []Header) *value.Table {
	tt, _ := rs.Type("mime_header_list").(*types.TableType)
	if tt == nil {
		return nil
	}
	t := value.NewTable(tt)
	for i := range hs {
		r := HeaderRecord(rs, &hs[i])
		if r == nil {
			return nil
		}
		t.Put1(value.Count(uint64(i+1)), value.Value{P: r})
	}
	return t
}
