package flow

import (
	gnet "github.com/gobro/gobro/runtime/net"
)

const tooLargeSeqDelta = 1048576

func segLen(payload int, flags uint8) int {
	n := payload
	if flags&gnet.TCPSyn != 0 {
		n++
	}
	if flags&gnet.TCPFin != 0 {
		n++
	}
	if flags&gnet.TCPRst != 0 {
		n -= payload
	}
	return n
}

func (e *Endpoint) initStart(seq uint32) { e.startSeq, e.ackSeq = seq, seq }

// initEndpoint follows Zeek's init_endpoint.
func initEndpoint(e *Endpoint, flags uint8, first, last uint32) {
	syn := flags&gnet.TCPSyn != 0
	switch e.State {
	case TCPInactive:
		if syn {
			e.initStart(first)
		} else {
			e.initStart(first - 1)
			last = first
		}
		e.lastSeq = last
	case TCPSynSent, TCPSynAckSent:
		if syn && first != e.startSeq {
			e.initStart(first)
			e.lastSeq = last
		}
	case TCPEstablished, TCPPartial:
		if syn {
			e.initStart(first)
			e.lastSeq = last
		}
	case TCPReset:
		if syn && e.prevState == TCPInactive {
			e.initStart(first)
			e.lastSeq = last
		}
	}
}

// relSeq is get_relative_seq without wrap tracking.
func relSeq(e *Endpoint, cur uint32) (uint64, bool) {
	d := seqDelta(cur, e.startSeq)
	return uint64(int64(d)), d < 0
}

func updateHistory(flags uint8, e *Endpoint, rel uint64, length int) {
	syn, fin, rst := flags&gnet.TCPSyn != 0, flags&gnet.TCPFin != 0, flags&gnet.TCPRst != 0
	bits := 0
	for _, b := range []bool{syn, fin, rst} {
		if b {
			bits++
		}
	}
	switch {
	case bits > 1:
		if fin && rst {
			e.checkHistory(histFINRST, 'I')
		} else {
			e.checkHistory(histMulti, 'Q')
		}
	case bits == 1:
		if syn {
			code := byte('S')
			if flags&gnet.TCPAck != 0 {
				code = 'H'
			}
			if e.checkHistory(histSYN, code) && int32(rel) != e.histLastSYN {
				e.addHistory(code)
			}
			e.histLastSYN = int32(rel)
		}
		if fin {
			if e.checkHistory(histFIN, 'F') && rel+uint64(length) != e.histLastFIN {
				e.addHistory('F')
			}
			e.histLastFIN = rel + uint64(length)
		}
		if rst {
			if e.checkHistory(histRST, 'R') && int32(rel) != e.histLastRST {
				e.addHistory('R')
			}
			e.histLastRST = int32(rel)
		}
	default:
		if length > 0 {
			e.checkHistory(histData, 'D')
		} else if flags&gnet.TCPAck != 0 {
			e.checkHistory(histACK, 'A')
		}
	}
}

// zeroWindow is what of Zeek's UpdateWindow has an effect here: a zero
// window counts ('W') unless it comes with or after a RST or after the
// peer's FIN. Zeek scales the window first, but a 16-bit window scaled
// by at most 14 bits is zero only if it was, and nothing else reads the
// window: neither it nor the scale is kept.
func zeroWindow(e *Endpoint, window uint16, flags uint8) {
	if window == 0 && flags&gnet.TCPRst == 0 && e.peer().State != TCPClosed && e.State != TCPReset {
		e.scaledHistory(scaledZeroWindow, 'W', NoteZeroWindows)
	}
}

func updateLastSeq(e *Endpoint, last uint32, flags uint8, length int) int32 {
	d := seqDelta(last, e.lastSeq)
	switch {
	case flags&(gnet.TCPSyn|gnet.TCPRst) != 0 && (d > tooLargeSeqDelta || d < -tooLargeSeqDelta):
	case flags&gnet.TCPFin != 0 && e.lastSeq == e.startSeq+1:
		e.lastSeq = last
	case e.State == TCPReset:
	case d > 0:
		e.lastSeq = last
	case length > 0:
		e.scaledHistory(scaledRetransmit, 'T', NoteRetransmissions)
	}
	return d
}

// processTCP is TCPSessionAdapter::Process for one (checksum-valid)
// packet. The notes it records follow the order of Zeek's events.
func (t *Tracker) processTCP(c *Conn, isOrig bool, p *gnet.Packet, length int) {
	flags := p.TCPFlags
	base, ack := p.Seq, p.Ack
	e, peer := c.Resp, c.Orig
	if isOrig {
		e, peer = c.Orig, c.Resp
	}
	syn, fin, rst, ackf := flags&gnet.TCPSyn != 0, flags&gnet.TCPFin != 0, flags&gnet.TCPRst != 0, flags&gnet.TCPAck != 0

	// SetPartialStatus
	if isOrig {
		if c.firstSeen&1 == 0 {
			c.isPartial = !syn || ackf
		}
	} else if c.firstSeen&2 == 0 && !c.isPartial {
		c.isPartial = !syn
	}

	sl := segLen(length, flags)
	onePast := base + uint32(sl)
	initEndpoint(e, flags, base, onePast)
	rel, underflow := relSeq(e, base)

	updateHistory(flags, e, rel, length)
	zeroWindow(e, p.Window, flags)

	if !c.Orig.didClose || !c.Resp.didClose {
		c.last = p.Timestamp.UnixNano()
	}
	if syn {
		t.note(NoteSYN, isOrig, 0, 0)
	}
	if fin {
		e.sawFIN = true
		e.finSeq = rel + uint64(sl)
	}

	var relAck uint64
	if ackf {
		if isOrig && !c.seenFirstACK && (e.State == TCPEstablished || e.State == TCPSynSent) {
			c.seenFirstACK = true
			t.note(NoteFirstACK, true, 0, 0)
		}
		relAck = ackPeer(peer, ack, rst)
	}

	deltaLast := updateLastSeq(e, onePast, flags, length)

	doClose, genEvent := t.updateStateMachine(c, p, e, peer, base, ack, length, deltaLast, isOrig, flags)

	if ackf {
		// After the state machine, as Zeek does, so a gap revealed by
		// a FIN's or RST's ack is judged with the closing states.
		peer.ackReceived(relAck)
	}
	t.note(NotePacket, isOrig, rel, relAck)

	dataSeq := rel
	if syn {
		dataSeq++
	}
	// Zeek's reassembler only sees payloads captured in full.
	if length > 0 && len(p.Payload) >= length && !rst && !underflow {
		e.dataSent(dataSeq, uint64(length))
	}
	t.dataNotes = len(t.notes)
	e.checkEOF()

	if doClose {
		t.connectionClosed(c, e, peer, genEvent)
	}
}

// ackPeer handles the ack of a packet for the endpoint acknowledged and
// returns the ack's relative sequence number (0 below the peer's start).
func ackPeer(peer *Endpoint, ack uint32, rst bool) uint64 {
	if peer.State == TCPInactive {
		// init_peer: number the peer as if its SYN had been seen.
		peer.initStart(ack - 1)
		peer.lastSeq = ack - 1
		return 1
	}
	r, under := relSeq(peer, ack)
	if under {
		return 0
	}
	// A RST's ack is not trusted.
	if !rst {
		da := seqDelta(ack, peer.ackSeq)
		if !(ack == 0 && da > tooLargeSeqDelta) && da > 0 {
			peer.ackSeq = ack
		}
	}
	return r
}

// updateStateMachine is TCPSessionAdapter::UpdateStateMachine: the
// endpoint's new state, the state events, and whether the packet closes
// the endpoint (doClose) with a finished event due (genEvent).
func (t *Tracker) updateStateMachine(c *Conn, p *gnet.Packet, e, peer *Endpoint, base, ack uint32, length int, deltaLast int32, isOrig bool, flags uint8) (doClose, genEvent bool) {
	syn, fin, rst := flags&gnet.TCPSyn != 0, flags&gnet.TCPFin != 0, flags&gnet.TCPRst != 0
	switch e.State {
	case TCPInactive:
		return t.inactiveState(c, p, e, peer, base, length, isOrig, flags)
	case TCPSynSent, TCPSynAckSent:
		if fin {
			e.setState(TCPClosed)
			doClose, genEvent = true, true
		}
		if rst {
			e.setState(TCPReset)
			t.connectionReset(c)
			doClose = true
		}
	case TCPEstablished, TCPPartial:
		if syn && e.State == TCPPartial && peer.State == TCPInactive && flags&gnet.TCPAck == 0 {
			e.setState(TCPSynSent)
		}
		if fin && !rst {
			e.setState(TCPClosed)
			if peer.State == TCPReset && peer.prevState == TCPClosed {
				peer.setState(TCPClosed)
			}
			doClose, genEvent = true, true
		}
		if rst {
			e.setState(TCPReset)
			doClose = true
			if peer.State != TCPReset || peer.prevState != TCPEstablished {
				t.connectionReset(c)
			}
		}
	case TCPClosed:
		if rst && peer.State != TCPClosed {
			e.setState(TCPReset)
			if !e.didClose {
				doClose = true
			}
			t.addTimer(c, p.Timestamp.Add(t.cfg.TCPResetDelay), timerReset)
		}
	case TCPReset:
	}
	return doClose, genEvent
}

// inactiveState is TCPSessionAdapter::UpdateInactiveState.
func (t *Tracker) inactiveState(c *Conn, p *gnet.Packet, e, peer *Endpoint, base uint32, length int, isOrig bool, flags uint8) (doClose, genEvent bool) {
	syn, fin, rst, ackf := flags&gnet.TCPSyn != 0, flags&gnet.TCPFin != 0, flags&gnet.TCPRst != 0, flags&gnet.TCPAck != 0
	if syn {
		if isOrig {
			if ackf {
				e.setState(TCPSynAckSent)
			} else {
				e.setState(TCPSynSent)
			}
			t.addTimer(c, p.Timestamp.Add(t.cfg.TCPAttemptDelay), timerAttempt)
		} else {
			if !ackf && peer.State == TCPSynAckSent && base == e.startSeq {
				// SYN/SYN-ACK reversal.
				c.isPartial = false
				c.flipRoles()
				peer.setState(TCPEstablished)
				c.firstSeen |= 1
			}
			if peer.State == TCPSynSent {
				peer.setState(TCPEstablished)
			}
			e.setState(TCPEstablished)
			if peer.State != TCPPartial {
				t.note(NoteEstablished, true, 0, 0)
			}
		}
	}
	if fin {
		e.setState(TCPClosed)
		doClose, genEvent = true, true
	}
	if rst {
		e.setState(TCPReset)
		isReject := false
		if isOrig {
			isReject = peer.State == TCPEstablished
		} else {
			isReject = peer.State == TCPSynSent || peer.State == TCPSynAckSent
		}
		doClose = true
		genEvent = !isReject
		if isReject {
			t.note(NoteRejected, true, 0, 0)
		}
	}
	if e.State == TCPInactive {
		switch {
		case !isOrig && length == 0 && c.Orig.State == TCPSynSent:
			// An ack of the SYN before the SYN-ACK: not yet partial.
		case ackf && peer.State == TCPEstablished:
			e.setState(TCPEstablished)
			c.isPartial = false
			if isOrig {
				c.firstSeen |= 1
			} else {
				c.firstSeen |= 2
			}
		default:
			e.setState(TCPPartial)
			if peer.State == TCPPartial {
				t.note(NotePartial, true, 0, 0)
			}
		}
	}
	return doClose, genEvent
}

// connectionReset is TCPSessionAdapter::ConnectionReset.
func (t *Tracker) connectionReset(c *Conn) {
	t.note(NoteReset, true, 0, 0)
	c.quiet = true
}

// connectionClosed is TCPSessionAdapter::ConnectionClosed (no deferral:
// the tracker holds no data to deliver first).
func (t *Tracker) connectionClosed(c *Conn, e, peer *Endpoint, genEvent bool) {
	if e.didClose {
		return
	}
	e.didClose = true
	complete := e.State == TCPReset || peer.didClose || peer.State == TCPInactive
	switch {
	case complete:
		if genEvent && (e.prevState != TCPInactive || peer.State != TCPInactive) {
			if peer.State == TCPInactive {
				t.note(NoteHalfFinished, true, 0, 0)
			} else {
				t.note(NoteFinished, true, 0, 0)
			}
			c.quiet = true
		}
		c.anaGen++ // CancelTimers
		t.addTimer(c, c.Last().Add(t.cfg.TCPCloseDelay), timerCloseDelete)
	case e.prevState != TCPInactive:
		t.addTimer(c, c.Last().Add(t.cfg.TCPSessionTimer), timerTCPExpire)
	case t.cfg.PartialCloseTimer:
		// Zeek arms this timer only when connection_partial_close is
		// handled.
		t.addTimer(c, c.Last().Add(t.cfg.TCPPartialCloseDelay), timerPartialClose)
	}
}
