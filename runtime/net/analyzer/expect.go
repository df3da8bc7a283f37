package analyzer

import (
	"net/netip"
	"time"

	"github.com/gobro/gobro/runtime/net/flow"
)

// Expected connections (Zeek's scheduled analysers): a protocol that
// announces a connection of its own, as FTP does for its data channel,
// asks that the connection, when it comes, get a given analyser. As in
// Zeek, such a connection gets its expected analysers instead of those
// of its port (signatures still watch it), and an expectation is not
// used up by the first connection that matches: it lasts until its
// deadline, so a second connection of the same endpoints within it is
// analysed alike.

type expectKey struct {
	orig, resp netip.Addr // orig is the zero Addr for any originator
	port       uint16
	tr         Transport
}

type expectation struct {
	spec  *Spec
	until time.Time
}

// Expect makes new connections from orig to resp:respPort over tr start
// the analyser named, from now until timeout has passed (network time).
// An unspecified orig (:: or 0.0.0.0, or the zero Addr) stands for any
// originator. It is false for an unknown analyser or one that does not
// run on tr.
func (m *Manager) Expect(orig, resp netip.Addr, respPort uint16, tr Transport, name string, now time.Time, timeout time.Duration) bool {
	s := Lookup(name)
	if s == nil || s.Transports&tr == 0 {
		return false
	}
	m.expireExpected(now)
	if m.expected == nil {
		m.expected = map[expectKey][]expectation{}
	}
	k := expectKey{anyOrig(orig), resp.Unmap(), respPort, tr}
	m.expected[k] = append(m.expected[k], expectation{s, now.Add(timeout)})
	return true
}

func anyOrig(a netip.Addr) netip.Addr {
	if !a.IsValid() || a.IsUnspecified() {
		return netip.Addr{}
	}
	return a.Unmap()
}

// expireExpected drops the expectations whose deadline has passed. It
// runs whenever one is added, so the table holds about as many as are
// live (a handful per FTP session); a sweep is cheap at that size.
func (m *Manager) expireExpected(now time.Time) {
	for k, list := range m.expected {
		live := list[:0]
		for _, x := range list {
			if x.until.After(now) {
				live = append(live, x)
			}
		}
		if len(live) == 0 {
			delete(m.expected, k)
		} else {
			m.expected[k] = live
		}
	}
}

// expectedFor returns the analysers expected for a new connection, each
// kind once and enabled ones only, in the order they were expected.
func (m *Manager) expectedFor(c *flow.Conn, tr Transport) []*Spec {
	if len(m.expected) == 0 {
		return nil
	}
	start := c.Start()
	var out []*Spec
	add := func(k expectKey) {
		for _, x := range m.expected[k] {
			if !x.until.After(start) || !m.Enabled(x.spec) {
				continue
			}
			dup := false
			for _, s := range out {
				dup = dup || s == x.spec
			}
			if !dup {
				out = append(out, x.spec)
			}
		}
	}
	k := expectKey{c.ID.OrigH.Unmap(), c.ID.RespH.Unmap(), c.ID.RespP, tr}
	add(k)
	k.orig = netip.Addr{}
	add(k)
	return out
}

// Expected returns the running analysers the connection got because it
// was expected (the engine raises scheduled_analyzer_applied for each).
func (s *Set) Expected() []*Context {
	var out []*Context
	for _, x := range s.running {
		if x.expected {
			out = append(out, x)
		}
	}
	return out
}
