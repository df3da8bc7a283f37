package irc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/protocols/exchange"
	"github.com/gobro/gobro/runtime/value"
)

// ircSession is the input of BenchmarkAnalyzer and what it must raise.
type ircSession struct {
	exchange.Exchange
	lines int // each raises one event
}

func (s *ircSession) line(orig bool, format string, a ...any) {
	s.Send(orig, []byte(fmt.Sprintf(format, a...)+"\r\n"))
	s.lines++
}

var benchWords = strings.Fields("the a of to is it that in you and for on with this but not was have what " +
	"just like so do be can build test release bug patch merge branch commit runtime parser script log " +
	"packet trace zeek gobro anyone know why my linux kernel works fine here thanks lol ok yes no maybe")

// newIRCSession builds a client's connection to a busy channel:
// registration and the server's welcome, a JOIN answered with the
// topic and a long NAMES list, then the channel's traffic (mostly
// PRIVMSGs, with joins, parts, quits, nick changes, notices, mode
// changes, PINGs the client answers, WHO replies and the client's own
// messages) arriving in bursts, until about n lines went by.
func newIRCSession(n int) *ircSession {
	rng := rand.New(rand.NewPCG(3, 4))
	nicks := make([]string, 400)
	for i := range nicks {
		nicks[i] = fmt.Sprintf("%s%d", benchWords[rng.IntN(len(benchWords))], i)
	}
	nick := func() string { return nicks[rng.IntN(len(nicks))] }
	mask := func(n string) string { return fmt.Sprintf("%s!~%s@host-%d.example.net", n, n, len(n)*7919%65536) }
	text := func() string {
		w := make([]string, 3+rng.IntN(25))
		for i := range w {
			w[i] = benchWords[rng.IntN(len(benchWords))]
		}
		return strings.Join(w, " ")
	}
	const srv, me, ch = "irc.example.net", "alice", "#gobro"

	s := &ircSession{}
	s.line(true, "NICK %s", me)
	s.line(true, "USER %s 0 * :Alice Liddell", me)
	s.line(false, ":%s 001 %s :Welcome to the Example IRC Network %s", srv, me, mask(me))
	s.line(false, ":%s 002 %s :Your host is %s, running version solanum-1.0", srv, me, srv)
	s.line(false, ":%s 003 %s :This server was created Mon Jan 1 2024 at 00:00:00 UTC", srv, me)
	s.line(false, ":%s 004 %s %s solanum-1.0 DGIMQRSZaghilopsuwz CFILMPQRSTbcefgijklmnopqrstuvz bkloveqjfI", srv, me, srv)
	s.line(false, ":%s 005 %s CHANTYPES=# EXCEPTS INVEX CHANMODES=eIbq,k,flj,CFLMPQRSTcgimnprstuz :are supported by this server", srv, me)
	s.line(false, ":%s 251 %s :There are 120 users and 45000 invisible on 25 servers", srv, me)
	s.line(false, ":%s 254 %s 52000 :channels formed", srv, me)
	s.line(false, ":%s 255 %s :I have 4000 clients and 1 servers", srv, me)
	s.line(false, ":%s 266 %s 45120 60000 :Current global users 45120, max 60000", srv, me)
	s.line(true, "JOIN %s", ch)
	s.line(false, ":%s JOIN %s", mask(me), ch)
	s.line(false, ":%s 332 %s %s :Development of gobro | be nice | logs at https://example.org/logs", srv, me, ch)
	for i := 0; i < len(nicks); i += 25 {
		var names []string
		for j, n := range nicks[i : i+25] {
			switch j % 10 {
			case 0:
				n = "@" + n
			case 1:
				n = "+" + n
			}
			names = append(names, n)
		}
		s.line(false, ":%s 353 %s = %s :%s", srv, me, ch, strings.Join(names, " "))
	}
	s.line(false, ":%s 366 %s %s :End of /NAMES list.", srv, me, ch)
	for s.lines < n {
		for range 1 + rng.IntN(8) {
			switch r := rng.IntN(100); {
			case r < 75:
				s.line(false, ":%s PRIVMSG %s :%s", mask(nick()), ch, text())
			case r < 80:
				s.line(false, ":%s JOIN %s", mask(nick()), ch)
			case r < 85:
				s.line(false, ":%s PART %s :%s", mask(nick()), ch, text())
			case r < 88:
				s.line(false, ":%s QUIT :Quit: %s", mask(nick()), text())
			case r < 91:
				s.line(false, ":%s NICK :%s_", mask(nick()), nick())
			case r < 93:
				s.line(false, ":%s NOTICE %s :%s", mask(nick()), ch, text())
			case r < 95:
				s.line(false, ":%s MODE %s +v %s", mask(nick()), ch, nick())
			case r < 97:
				n := nick()
				s.line(false, ":%s 352 %s %s ~%s host.example.net %s %s H :0 %s", srv, me, ch, n, srv, n, text())
			default:
				s.line(false, "PING :%s", srv)
				s.line(true, "PONG :%s", srv)
			}
		}
		if rng.IntN(10) == 0 {
			s.line(true, "PRIVMSG %s :%s", ch, text())
		}
		s.Flush() // the server's burst ends
	}
	s.line(true, "QUIT :bye")
	s.Flush()
	return s
}

// countingHost handles every event and keeps only counts, enough to
// tell the benchmark parsed its input rather than rejected it.
type countingHost struct {
	exchange.Complaints
	events int
}

func (h *countingHost) Confirm()                                {}
func (h *countingHost) Handled(string) bool                     { return true }
func (h *countingHost) Raise(event string, args ...value.Value) { h.events++ }
func (h *countingHost) Type(name string) types.Type             { return fakeTypes[name] }
func (h *countingHost) NewRecord(name string) *value.Record     { return fakeRecord(name) }
func (h *countingHost) StartTLS() func(bool, []byte)            { return nil }
func (h *countingHost) Remove()                                 {}

// BenchmarkAnalyzer runs one client connection to a busy channel, about
// 20,000 lines, per iteration.
func BenchmarkAnalyzer(b *testing.B) {
	s := newIRCSession(20000)
	h := &countingHost{}
	b.SetBytes(int64(s.Total))
	b.ReportAllocs()
	for b.Loop() {
		s.Feed(New(h))
	}
	// Every line raises exactly one event when all are handled.
	if h.Bad != "" || h.events != s.lines*b.N {
		b.Fatalf("%s: %d events, want %d per run, %d runs", h.Bad, h.events, s.lines, b.N)
	}
	b.ReportMetric(float64(h.events)/b.Elapsed().Seconds(), "lines/s")
}
