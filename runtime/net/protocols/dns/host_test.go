package dns

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// fakeHost records what the parser reports, one line each, with event
// arguments printed as Zeek prints them.
type fakeHost struct {
	log       []string
	resp      netip.Addr
	respPort  uint16
	unhandled map[string]bool
	brief     bool // print dns_msg records as "msg"
	quiet     bool // count events only (the fuzz target)
	events    int
}

func newFake(resp string, port uint16) *fakeHost {
	return &fakeHost{resp: netip.MustParseAddr(resp), respPort: port}
}

func (h *fakeHost) add(format string, a ...any) { h.log = append(h.log, fmt.Sprintf(format, a...)) }

func (h *fakeHost) Confirm()                             { h.add("confirm") }
func (h *fakeHost) Violation(reason string, data []byte) { h.add("violation %s", reason) }
func (h *fakeHost) Weird(name, addl string) {
	if !h.quiet {
		h.add("weird %s %q", name, addl)
	}
}

func (h *fakeHost) LimitWeird(name, addl string) {
	if !h.quiet {
		h.add("limit-weird %s %q", name, addl)
	}
}
func (h *fakeHost) Handled(event string) bool   { return !h.unhandled[event] }
func (h *fakeHost) RespAddr() netip.Addr        { return h.resp }
func (h *fakeHost) RespPort() uint16            { return h.respPort }
func (h *fakeHost) FlipRoles()                  { h.add("flip") }
func (h *fakeHost) Type(name string) types.Type { return fakeTypes[name] }

func (h *fakeHost) Raise(event string, args ...value.Value) {
	if h.quiet {
		h.events++
		return
	}
	var parts []string
	for _, a := range args {
		if r, ok := a.P.(*value.Record); ok && h.brief && r.Type.Name == "dns_msg" {
			parts = append(parts, "msg")
			continue
		}
		parts = append(parts, render(a))
	}
	h.add("%s(%s)", event, strings.Join(parts, ", "))
}

// render prints a value without its static type: records and vectors
// carry theirs; scalars are told apart by the Go type behind them.
func render(v value.Value) string {
	switch p := v.P.(type) {
	case *value.Record:
		return value.Render(v, p.Type, value.ModePrint)
	case *value.Vector:
		return value.Render(v, p.Type, value.ModePrint)
	case string:
		return fmt.Sprintf("%q", p)
	case netip.Addr:
		return p.String()
	}
	return fmt.Sprint(v.N)
}

func rec(name string, fields ...any) *types.RecordType {
	rt := types.NewRecord(name)
	for i := 0; i < len(fields); i += 2 {
		rt.AddField(&types.Field{Name: fields[i].(string), Type: fields[i+1].(types.Type), Optional: true})
	}
	return rt
}

var (
	C, S, B, I, T, A = types.CountType, types.StringType, types.BoolType, types.IntervalType, types.TimeType, types.AddrType
)

// fakeTypes are the script records the parser fills, as init-bare and
// the DNS scripts declare them.
var fakeTypes = map[string]types.Type{
	"dns_msg": rec("dns_msg", "id", C, "opcode", C, "rcode", C, "QR", B, "AA", B, "TC", B, "RD", B, "RA", B,
		"Z", C, "AD", B, "CD", B, "num_queries", C, "num_answers", C, "num_auth", C, "num_addl", C, "is_netbios", B),
	"dns_answer": rec("dns_answer", "answer_type", C, "query", S, "qtype", C, "qclass", C, "TTL", I),
	"dns_soa":    rec("dns_soa", "mname", S, "rname", S, "serial", C, "refresh", I, "retry", I, "expire", I, "minimum", I),
	"dns_edns_additional": rec("dns_edns_additional", "query", S, "qtype", C, "t", C, "payload_size", C,
		"extended_rcode", C, "version", C, "z_field", C, "TTL", I, "is_query", C),
	"dns_edns_ecs":           rec("dns_edns_ecs", "family", S, "source_prefix_len", C, "scope_prefix_len", C, "address", A),
	"dns_edns_cookie":        rec("dns_edns_cookie", "client_cookie", S, "server_cookie", S),
	"dns_edns_tcp_keepalive": rec("dns_edns_tcp_keepalive", "keepalive_timeout_omitted", B, "keepalive_timeout", C),
	"dns_tsig_additional": rec("dns_tsig_additional", "query", S, "qtype", C, "alg_name", S, "sig", S,
		"time_signed", T, "fudge", T, "orig_id", C, "rr_error", C, "is_query", C),
	"dns_tkey": rec("dns_tkey", "query", S, "qtype", C, "alg_name", S, "inception", T, "expiration", T,
		"mode", C, "rr_error", C, "key_data", S, "is_query", C),
	"string_vec": &types.VectorType{Name: "string_vec", Elem: types.StringType},
}
