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
			if e.checkHistory(histSYN, code) && rel != e.histLastSYN {
				e.addHistory(code)
			}
			e.histLastSYN = rel
		}
		if fin {
			if e.checkHistory(histFIN, 'F') && rel+uint64(length) != e.histLastFIN {
				e.addHistory('F')
			}
			e.histLastFIN = rel + uint64(length)
		}
		if rst {
			if e.checkHistory(histRST, 'R') && rel != e.histLastRST {
				e.addHistory('R')
			}
			e.histLastRST = rel
		}
	default:
		if length > 0 {
			e.checkHistory(histData, 'D')
		} else if flags&gnet.TCPAck != 0 {
			e.checkHistory(histACK, 'A')
		}
	}
}

func updateWindow(e *Endpoint, window uint32, base, ack uint32, flags uint8) {
	window <<= e.windowScale
	if window == 0 && flags&gnet.TCPRst == 0 && e.peer.State != TCPClosed && e.State != TCPReset {
		e.scaledHistory(&e.zeroWin, 'W')
	}
	if flags&(gnet.TCPSyn|gnet.TCPFin|gnet.TCPRst) == 0 && e.State != TCPClosed && e.State != TCPReset {
		if seqDelta(base, e.windowSeq) >= 0 && seqDelta(ack, e.windowAckSeq) >= 0 {
			e.window, e.windowAckSeq, e.windowSeq = window, ack, base
		}
	}
}

// windowScaleOpt returns the window scale option of a SYN, or -1.
func windowScaleOpt(opts []byte) int {
	for i := 0; i < len(opts); {
		switch opts[i] {
		case 0:
			return -1
		case 1:
			i++
			continue
		}
		if i+1 >= len(opts) {
			return -1
		}
		l := int(opts[i+1])
		if l == 0 || i+l > len(opts) {
			return -1
		}
		if opts[i] == 3 && l >= 3 {
			return int(opts[i+2])
		}
		i += l
	}
	return -1
}

func initWindow(e, peer *Endpoint, flags uint8, scale int, base, ack uint32) {
	if scale < 0 {
		e.windowScale = 0
		if flags&gnet.TCPAck != 0 {
			peer.windowScale = 0
		}
		return
	}
	if scale > 14 {
		scale = 14
	}
	e.windowScale = uint32(scale)
	e.windowSeq, e.windowAckSeq = base, ack
	peer.windowSeq, peer.windowAckSeq = ack, base
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
		e.scaledHistory(&e.rxmit, 'T')
	}
	return d
}

// processTCP is TCPSessionAdapter::Process for one (checksum-valid) packet.
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
	updateWindow(e, uint32(p.Window), base, ack, flags)

	if !c.Orig.didClose || !c.Resp.didClose {
		c.Last = p.Timestamp
	}
	if syn {
		initWindow(e, peer, flags, windowScaleOpt(p.TCPOptions), base, ack)
	}
	if fin {
		e.finCnt++
		e.finSeq = rel + uint64(sl)
	}
	if rst {
		e.rstCnt++
	}

	var relAck uint64
	if ackf {
		if isOrig && !c.seenFirstACK && (e.State == TCPEstablished || e.State == TCPSynSent) {
			c.seenFirstACK = true
		}
		if peer.State == TCPInactive {
			relAck = 1
			// init_peer
			peer.initStart(ack - 1)
			peer.lastSeq = ack - 1
		} else {
			r, under := relSeq(peer, ack)
			if under {
				relAck = 0
			} else {
				relAck = r
				if !rst {
					da := seqDelta(ack, peer.ackSeq)
					if !(ack == 0 && da > tooLargeSeqDelta) && da > 0 {
						peer.ackSeq = ack
					}
				}
			}
		}
	}

	deltaLast := updateLastSeq(e, onePast, flags, length)

	doClose, genEvent := t.updateStateMachine(c, p, e, peer, base, ack, length, deltaLast, isOrig, flags)
	_ = genEvent

	if ackf && relAck > 0 {
		peer.ackReceived(relAck)
	}

	dataSeq := rel
	if syn {
		dataSeq++
	}
	if length > 0 && !rst && !underflow {
		e.dataSent(dataSeq, uint64(length))
	}

	if doClose {
		t.connectionClosed(c, e, peer)
	}
}

func (t *Tracker) updateStateMachine(c *Conn, p *gnet.Packet, e, peer *Endpoint, base, ack uint32, length int, deltaLast int32, isOrig bool, flags uint8) (doClose, genEvent bool) {
	syn, fin, rst, ackf := flags&gnet.TCPSyn != 0, flags&gnet.TCPFin != 0, flags&gnet.TCPRst != 0, flags&gnet.TCPAck != 0
	switch e.State {
	case TCPInactive:
		if syn {
			if isOrig {
				if ackf {
					e.setState(TCPSynAckSent)
				} else {
					e.setState(TCPSynSent)
				}
				t.addTimer(c, p.Timestamp.Add(t.cfg.TCPAttemptDelay), timerAttempt, true)
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
		}
		if e.State == TCPInactive {
			switch {
			case !isOrig && length == 0 && c.Orig.State == TCPSynSent:
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
			}
		}
	case TCPSynSent, TCPSynAckSent:
		if fin {
			e.setState(TCPClosed)
			doClose, genEvent = true, true
		}
		if rst {
			e.setState(TCPReset)
			doClose = true
		}
	case TCPEstablished, TCPPartial:
		if syn && e.State == TCPPartial && peer.State == TCPInactive && !ackf {
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
		}
	case TCPClosed:
		if rst && e.peer.State != TCPClosed {
			e.setState(TCPReset)
			if !e.didClose {
				doClose = true
			}
		}
	case TCPReset:
	}
	return doClose, genEvent
}

// connectionClosed is TCPSessionAdapter::ConnectionClosed (no deferral:
// the tracker has no pending reassembly data).
func (t *Tracker) connectionClosed(c *Conn, e, peer *Endpoint) {
	if e.didClose {
		return
	}
	e.didClose = true
	complete := e.State == TCPReset || peer.didClose || peer.State == TCPInactive
	if complete {
		c.anaGen++ // CancelTimers
		c.closing = true
		t.addTimer(c, c.Last.Add(t.cfg.TCPCloseDelay), timerCloseDelete, false)
	} else if e.prevState != TCPInactive {
		t.addTimer(c, c.Last.Add(t.cfg.TCPSessionTimer), timerTCPExpire, false)
	}
}

// dataSent records payload [seq, seq+n) (relative; first data byte is 1)
// for gap detection.
func (e *Endpoint) dataSent(seq, n uint64) {
	if !e.haveData {
		e.haveData = true
		if e.edge == 0 && seq > 1 {
			// Data before the first seen segment is only a gap once acked.
			e.edge = 0
		}
	}
	end := seq + n // one past
	if seq <= e.edge+1 {
		if end-1 > e.edge {
			e.edge = end - 1
		}
	} else {
		e.pending = append(e.pending, [2]uint64{seq, end})
	}
	e.mergePending()
}

func (e *Endpoint) mergePending() {
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(e.pending); i++ {
			r := e.pending[i]
			if r[0] <= e.edge+1 {
				if r[1]-1 > e.edge {
					e.edge = r[1] - 1
				}
				e.pending = append(e.pending[:i], e.pending[i+1:]...)
				changed = true
				i--
			}
		}
	}
}

// ackReceived: the peer acknowledged everything below relAck. Bytes
// acknowledged but never seen are a content gap (missed bytes).
func (e *Endpoint) ackReceived(relAck uint64) {
	if !e.haveData || relAck > 1<<62 {
		return
	}
	if e.finCnt > 0 && relAck >= e.finSeq {
		relAck = e.finSeq - 1
	}
	upTo := relAck - 1 // last acked byte
	for upTo > e.edge {
		// hole from edge+1 up to the next pending block (or upTo)
		next := upTo + 1
		for _, r := range e.pending {
			if r[0] < next {
				next = r[0]
			}
		}
		gap := next - (e.edge + 1)
		if gap > 0 {
			e.conn.MissedBytes += gap
			if e.State != TCPClosed && e.State != TCPReset && e.peer.State != TCPClosed && e.peer.State != TCPReset {
				e.scaledHistory(&e.gaps, 'G')
			}
		}
		e.edge = next - 1
		e.mergePending()
		if next > upTo {
			break
		}
	}
}
