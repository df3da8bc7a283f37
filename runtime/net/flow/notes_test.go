package flow

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/pcapgen"
)

// noted runs a trace through a tracker recording every note kind and
// returns, by originator port, the notes (kind names, with their numbers
// where they have any) and the connections in removal order.
func noted(t *testing.T, trace []byte) (map[uint16][]string, []*Conn) {
	t.Helper()
	cfg := BareConfig()
	cfg.PartialCloseTimer = true
	for k := NoteKind(0); k < NumNoteKinds; k++ {
		cfg.Notes = cfg.Notes.With(k)
	}
	tr := NewTracker(cfg)
	src, err := gnet.NewSource(bytes.NewReader(trace), "trace")
	if err != nil {
		t.Fatal(err)
	}
	dec := gnet.NewDecoder()
	notes := map[uint16][]string{}
	var removed []*Conn
	var raw gnet.RawPacket
	for {
		if err := src.Next(&raw); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
		p := dec.Decode(&raw)
		removed = append(removed, tr.Expire(p.Timestamp)...)
		c, _ := tr.Process(p)
		if r := tr.Reused(); r != nil {
			removed = append(removed, r)
		}
		for _, n := range tr.Notes() {
			s := noteNames[n.Kind]
			switch n.Kind {
			case NoteGap, NotePacket:
				s += fmt.Sprintf("(%v,%d,%d)", n.IsOrig, n.A, n.B)
			case NoteEOF:
				s += fmt.Sprintf("(%v)", n.IsOrig)
			case NoteChecksums, NoteZeroWindows, NoteRetransmissions, NoteGaps:
				s += fmt.Sprintf("(%d)", n.A)
			}
			notes[c.ID.OrigP] = append(notes[c.ID.OrigP], s)
		}
	}
	return notes, append(removed, tr.Flush()...)
}

var noteNames = [NumNoteKinds]string{"flipped", "checksums", "zero_windows", "SYN", "first_ACK", "retransmissions",
	"established", "rejected", "reset", "partial", "gaps", "gap", "EOF", "packet", "finished", "half_finished"}

// TestNotesInZeekOrder checks the notes of events-tcp.pcap's connections
// (see pcapgen.EventsTCP) and why each ended.
func TestNotesInZeekOrder(t *testing.T) {
	notes, removed := noted(t, pcapgen.EventsTCPBytes())
	without := func(port uint16, drop string) string {
		var keep []string
		for _, n := range notes[port] {
			if !strings.HasPrefix(n, drop) {
				keep = append(keep, n)
			}
		}
		return strings.Join(keep, " ")
	}
	for port, want := range map[uint16]string{
		40001: "SYN SYN established first_ACK gap(true,5,4) EOF(true) EOF(false) finished",
		40002: "partial",
		40003: "SYN SYN established first_ACK EOF(true)",
		40007: "SYN",
		7000:  "SYN",                               // the SYN-ACK seen first, with its ports until the flip
		40004: "SYN flipped established first_ACK", // the client's SYN flips the roles
		40005: "SYN SYN established first_ACK EOF(true) EOF(false) finished SYN SYN established first_ACK",
		40006: "SYN SYN established first_ACK retransmissions(10) zero_windows(10) EOF(true) EOF(false) finished",
		40008: "EOF(false)",
		40009: "checksums(10)",
	} {
		if got := without(port, "packet"); got != want {
			t.Errorf("port %d: notes %q, want %q", port, got, want)
		}
	}
	// The ack revealing the gap comes first, then its tcp_packet, as in
	// Zeek.
	if got := strings.Join(notes[40001], " "); !strings.Contains(got, "packet(true,9,1) gap(true,5,4) packet(false,1,13)") {
		t.Errorf("the gap is not noted before the packet that reveals it: %s", got)
	}
	why := map[uint16][]EndReason{}
	for _, c := range removed {
		why[c.ID.OrigP] = append(why[c.ID.OrigP], c.EndReason)
	}
	for port, want := range map[uint16][]EndReason{
		40007: {EndAttempt}, 40001: {EndTimeout}, 40002: {EndTimeout}, 40003: {EndReset},
		40005: {EndReused, EndTimeout}, 40006: {EndTimeout}, 40008: {EndPartialClose}, 40009: {EndTimeout}, 40010: {EndFlushed},
	} {
		if !slices.Equal(why[port], want) {
			t.Errorf("port %d: ended %v, want %v", port, why[port], want)
		}
	}
	last := removed[len(removed)-1]
	if !last.Pending() {
		t.Errorf("the connection left open is not pending at the end")
	}
}

// TestGapsAreMissedBytes checks that a connection's missed bytes are the
// lengths of its content gap notes, on the event trace and Zeek's traces.
func TestGapsAreMissedBytes(t *testing.T) {
	traces := map[string][]byte{"events-tcp": pcapgen.EventsTCPBytes()}
	for _, d := range []string{os.Getenv("GOBRO_TRACES"), "/work/shared/traces"} {
		for _, tc := range traceCases {
			if b, err := os.ReadFile(filepath.Join(d, tc.trace)); d != "" && err == nil {
				traces[tc.trace] = b
			}
		}
	}
	for name, trace := range traces {
		cfg := DefaultConfig()
		cfg.Notes = cfg.Notes.With(NoteGap)
		tr := NewTracker(cfg)
		src, err := gnet.NewSource(bytes.NewReader(trace), name)
		if err != nil {
			t.Fatal(err)
		}
		dec := gnet.NewDecoder()
		gaps := map[*Conn]uint64{}
		var ended []*Conn
		var raw gnet.RawPacket
		for src.Next(&raw) == nil {
			p := dec.Decode(&raw)
			ended = append(ended, tr.Expire(p.Timestamp)...)
			c, _ := tr.Process(p)
			for _, n := range tr.Notes() {
				gaps[c] += n.B
			}
		}
		for _, c := range append(ended, tr.Flush()...) {
			if c.MissedBytes() != gaps[c] {
				t.Errorf("%s %v: missed bytes %d, gap notes %d", name, c.ID, c.MissedBytes(), gaps[c])
			}
		}
	}
}
