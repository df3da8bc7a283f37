package store

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/gobro/gobro/runtime/broker"
)

// parseSpec reads the value descriptions of the fixture listings
// (fixtures/brokerbin.py's describe): none, T, count 1, int -3, real 0.5,
// string "x", interval 5 ns, time 5 ns since epoch, addr 10.0.0.1,
// port 80/tcp, enum X, vector[...], set{...}, table{k -> v, ...}.
func parseSpec(s string) (broker.Data, error) {
	p := &specParser{s: s}
	d, err := p.value()
	if err == nil && p.s != "" {
		err = fmt.Errorf("trailing %q", p.s)
	}
	return d, err
}

type specParser struct{ s string }

func (p *specParser) eat(prefix string) bool {
	if strings.HasPrefix(p.s, prefix) {
		p.s = p.s[len(prefix):]
		return true
	}
	return false
}

// word takes the text up to the next separator of a list.
func (p *specParser) word() string {
	i := strings.IndexAny(p.s, ",]}")
	if j := strings.Index(p.s, " -> "); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		i = len(p.s)
	}
	w := p.s[:i]
	p.s = p.s[i:]
	return w
}

func (p *specParser) list(end string) ([]broker.Data, error) {
	var out []broker.Data
	for !p.eat(end) {
		if len(out) > 0 && !p.eat(", ") {
			return nil, fmt.Errorf("expected , at %q", p.s)
		}
		d, err := p.value()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
		if p.eat(" -> ") {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
	}
	return out, nil
}

func (p *specParser) value() (broker.Data, error) {
	switch {
	case p.eat("none"):
		return broker.None{}, nil
	case p.eat("T"):
		return broker.Bool(true), nil
	case p.eat("F"):
		return broker.Bool(false), nil
	case p.eat("vector["):
		l, err := p.list("]")
		return broker.Vector(l), err
	case p.eat("set{"):
		l, err := p.list("}")
		return broker.NewSet(l...), err
	case p.eat("table{"):
		l, err := p.list("}")
		var es []broker.TableEntry
		for i := 0; i+1 < len(l); i += 2 {
			es = append(es, broker.TableEntry{Key: l[i], Value: l[i+1]})
		}
		return broker.NewTable(es...), err
	case p.eat(`string "`):
		i := strings.Index(p.s, `"`)
		if i < 0 {
			return nil, fmt.Errorf("unterminated string")
		}
		str := p.s[:i]
		p.s = p.s[i+1:]
		return broker.String(str), nil
	}
	kind, _, _ := strings.Cut(p.s, " ")
	p.s = strings.TrimPrefix(p.s, kind+" ")
	w := p.word()
	var err error
	var d broker.Data
	switch kind {
	case "count":
		var n uint64
		n, err = strconv.ParseUint(w, 10, 64)
		d = broker.Count(n)
	case "int":
		var n int64
		n, err = strconv.ParseInt(w, 10, 64)
		d = broker.Integer(n)
	case "real":
		var f float64
		f, err = strconv.ParseFloat(w, 64)
		d = broker.Real(f)
	case "interval":
		var n int64
		n, err = strconv.ParseInt(strings.TrimSuffix(w, " ns"), 10, 64)
		d = broker.Timespan(n)
	case "time":
		var n int64
		n, err = strconv.ParseInt(strings.TrimSuffix(w, " ns since epoch"), 10, 64)
		d = broker.Timestamp(n)
	case "addr":
		var a netip.Addr
		a, err = netip.ParseAddr(w)
		d = broker.AddressFrom(a)
	case "subnet":
		var pfx netip.Prefix
		pfx, err = netip.ParsePrefix(w)
		d = broker.SubnetFrom(pfx)
	case "enum":
		d = broker.Enum(w)
	case "port":
		num, proto, _ := strings.Cut(w, "/")
		var n uint64
		n, err = strconv.ParseUint(num, 10, 16)
		pr := map[string]broker.Protocol{"tcp": broker.ProtoTCP, "udp": broker.ProtoUDP, "icmp": broker.ProtoICMP}[proto]
		d = broker.Port{Number: uint16(n), Protocol: pr}
	default:
		return nil, fmt.Errorf("unknown description %q", kind)
	}
	return d, err
}
