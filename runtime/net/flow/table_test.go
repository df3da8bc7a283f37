package flow

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// TestConnTableKeys checks the table against a map by key, the way
// Zeek's ConnKey matches: either direction, an IPv4 address and its
// IPv4-mapped form alike, zones ignored; through growth and removals.
func TestConnTableKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	addr := func() netip.Addr {
		switch n := r.IntN(40); {
		case n < 30:
			return netip.AddrFrom4([4]byte{10, 0, byte(r.IntN(4)), byte(r.IntN(8))})
		case n < 35:
			return netip.AddrFrom16(netip.AddrFrom4([4]byte{10, 0, byte(r.IntN(4)), byte(r.IntN(8))}).As16())
		default:
			a := netip.AddrFrom16([16]byte{0xfe, 0x80, 15: byte(r.IntN(8))})
			if r.IntN(2) == 0 {
				a = a.WithZone("eth0")
			}
			return a
		}
	}
	tb := newConnTable()
	model := map[key]*Conn{}
	for i := range 200000 {
		id := ConnID{OrigH: addr(), RespH: addr(), OrigP: uint16(r.IntN(6)), RespP: uint16(r.IntN(6)), Proto: uint8(6 + 11*r.IntN(2))}
		k := id.key()
		h := tb.hash(id.OrigH, id.OrigP, id.RespH, id.RespP, id.Proto)
		got, want := tb.get(id.OrigH, id.OrigP, id.RespH, id.RespP, id.Proto, h), model[k]
		if got != want {
			t.Fatalf("step %d: %+v gives %p, want %p", i, id, got, want)
		}
		switch {
		case got == nil:
			c := &Conn{ID: id}
			tb.add(c, h)
			model[k] = c
		case r.IntN(3) == 0:
			tb.remove(got)
			delete(model, k)
		}
		if tb.n != len(model) {
			t.Fatalf("step %d: %d connections, want %d", i, tb.n, len(model))
		}
	}
	if n := len(tb.appendAll(nil)); n != len(model) {
		t.Errorf("appendAll gives %d connections, want %d", n, len(model))
	}
}
