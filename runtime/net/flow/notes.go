package flow

// A Note is something Zeek's session analyzers raise an event for while a
// packet is processed: the tracker records them, in Zeek's order, for the
// engine to turn into events. Only the kinds asked for in Config.Notes are
// recorded, so a run whose scripts handle none of them pays nothing.
type Note struct {
	Kind   NoteKind
	IsOrig bool
	// A and B are the kind's numbers: NoteGap's sequence number and
	// length, NotePacket's relative seq and ack, a threshold kind's
	// threshold.
	A, B uint64
}

// NoteKind says what a Note is about.
type NoteKind uint8

// Per-packet notes. The markers (NoteSYN, NotePacket) tell where in the
// order the engine builds an event from the packet itself.
const (
	NoteFlipped         NoteKind = iota // connection_flipped
	NoteChecksums                       // tcp_/udp_multiple_checksum_errors (A: threshold)
	NoteZeroWindows                     // tcp_multiple_zero_windows (A: threshold)
	NoteSYN                             // connection_SYN_packet, for the packet's SYN
	NoteFirstACK                        // connection_first_ACK
	NoteRetransmissions                 // tcp_multiple_retransmissions (A: threshold)
	NoteEstablished                     // connection_established
	NoteRejected                        // connection_rejected
	NoteReset                           // connection_reset
	NotePartial                         // partial_connection
	NoteGaps                            // tcp_multiple_gap (A: threshold)
	NoteGap                             // content_gap (A: seq, B: length)
	NoteEOF                             // connection_EOF
	NotePacket                          // tcp_packet / tcp_option(s) (A: seq, B: ack)
	NoteFinished                        // connection_finished
	NoteHalfFinished                    // connection_half_finished
	NumNoteKinds                        // the number of kinds
)

// NoteSet is a set of note kinds.
type NoteSet uint32

// With returns the set with k added.
func (s NoteSet) With(k NoteKind) NoteSet { return s | 1<<k }

// Has tells whether k is in the set.
func (s NoteSet) Has(k NoteKind) bool { return s&(1<<k) != 0 }

// EndReason is why the tracker removed a connection, which decides the
// event Zeek raises just before connection_state_remove.
type EndReason uint8

const (
	EndFlushed      EndReason = iota // end of the run, or a timer without an event
	EndTimeout                       // connection_timeout: inactivity, TCP expiry, close delay, DNS expiry
	EndAttempt                       // connection_attempt: an unanswered SYN
	EndReset                         // connection_reset: the reset timer after a FIN, then a RST
	EndPartialClose                  // connection_partial_close
	EndReused                        // connection_reused: a new SYN started a new connection
)

// note records a note for the connection's latest packet if it is wanted.
func (t *Tracker) note(k NoteKind, isOrig bool, a, b uint64) {
	if t.cfg.Notes.Has(k) {
		t.notes = append(t.notes, Note{Kind: k, IsOrig: isOrig, A: a, B: b})
	}
}

// Notes returns the notes of the latest Process call, in order (valid
// until the next call).
func (t *Tracker) Notes() []Note { return t.notes }

// DataNotes is the index in Notes of the first note that follows the
// delivery of the packet's TCP payload (Zeek's protocol analysers see the
// data there: before connection_EOF and connection_finished).
func (t *Tracker) DataNotes() int { return t.dataNotes }

// Reused returns the connection the latest Process call removed because
// its packet started a new connection on the same 5-tuple (nil if none).
// The caller reports its removal before the new connection's events, as
// Zeek does.
func (t *Tracker) Reused() *Conn { return t.reused }
