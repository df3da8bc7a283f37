package flow

// The sequence-space side of Zeek's TCP reassembler, kept per endpoint
// without the bytes: what was delivered in order, what waits above a
// hole, and what the peer acknowledged. It decides content gaps (with
// missed_bytes, the 'G' history letter and tcp_multiple_gap) and when an
// endpoint's data is complete (connection_EOF). Zeek reassembles every
// TCP connection by default (dpd_reassemble_first_packets), so so does
// this. Sequence numbers here are relative, the first data byte being 1.

// initStream starts an endpoint's bookkeeping at the first data byte.
func (e *Endpoint) initStream() { e.next, e.trim = 1, 1 }

// dataSent is TCP_Reassembler::DataSent for payload [seq, seq+n).
func (e *Endpoint) dataSent(seq, n uint64) {
	if e.skip {
		return
	}
	// Data the peer already acknowledged is done with.
	if ack := e.relAcked(); seq < ack {
		if seq+n <= ack {
			return
		}
		n -= ack - seq
		seq = ack
	}
	if seq+n <= e.trim {
		return
	}
	if seq < e.trim {
		n -= e.trim - seq
		seq = e.trim
	}
	if seq <= e.next {
		if seq+n > e.next {
			e.next = seq + n
			e.unacked = true
			e.deliverHeld()
		}
	} else {
		e.hold(seq, seq+n)
	}
	e.checkLimits()
}

// relAcked is the endpoint's highest acknowledged sequence number,
// relative.
func (e *Endpoint) relAcked() uint64 { return uint64(int64(seqDelta(e.ackSeq, e.startSeq))) }

// held returns the [start, end) ranges the endpoint holds above a hole,
// in order.
func (e *Endpoint) held() [][2]uint64 {
	if r := e.conn.rare; r != nil {
		return r.held[e.slot]
	}
	return nil
}

func (e *Endpoint) setHeld(h [][2]uint64) {
	if h == nil && e.conn.rare == nil {
		return
	}
	e.conn.rareState().held[e.slot] = h
}

// hold keeps [start, end) above a hole, merged with what is held.
func (e *Endpoint) hold(start, end uint64) {
	held := e.held()
	i := 0
	for i < len(held) && held[i][1] < start {
		i++
	}
	j := i
	for j < len(held) && held[j][0] <= end {
		start = min(start, held[j][0])
		end = max(end, held[j][1])
		j++
	}
	e.setHeld(append(held[:i], append([][2]uint64{{start, end}}, held[j:]...)...))
}

// deliverHeld delivers the held ranges the delivery point reached.
func (e *Endpoint) deliverHeld() {
	held := e.held()
	if held == nil {
		return
	}
	for len(held) > 0 && held[0][0] <= e.next {
		e.next = max(e.next, held[0][1])
		held = held[1:]
	}
	if len(held) == 0 {
		held = nil
	}
	e.setHeld(held)
}

// checkLimits applies Zeek's reassembler limits: too much data above a
// hole before any ack, or too much buffered altogether, and it stops
// following the endpoint (no gaps are reported for it from then on).
func (e *Endpoint) checkLimits() {
	cfg := &e.conn.t.cfg
	if e.noDataAcked() && cfg.TCPMaxInitialWindow > 0 && e.Size() > uint64(cfg.TCPMaxInitialWindow) {
		// Delivered data nobody acks is not held for long (Zeek trims
		// it to the delivery point).
		e.trim = max(e.trim, e.next)
		e.unacked = false
	}
	var above, buffered uint64
	held := e.held()
	if n := len(held); n > 0 {
		above = held[n-1][1] - e.next
	}
	for _, r := range held {
		buffered += r[1] - r[0]
	}
	if e.unacked && e.next > e.trim {
		buffered += e.next - e.trim
	}
	if e.noDataAcked() && cfg.TCPMaxAboveHole > 0 && above > uint64(cfg.TCPMaxAboveHole) ||
		cfg.TCPExcessiveData > 0 && buffered > uint64(cfg.TCPExcessiveData) {
		e.skip = true
		e.setHeld(nil)
		e.unacked = false
	}
}

// ackReceived is TCP_Reassembler::AckReceived: the peer acknowledged
// everything below relAck. Bytes acknowledged but never seen are a
// content gap.
func (e *Endpoint) ackReceived(relAck uint64) {
	if e.sawFIN && relAck >= e.finSeq {
		relAck = e.finSeq - 1
	}
	if relAck <= e.trim {
		return
	}
	if relAck > e.next {
		e.undelivered(relAck)
	}
	e.trim = relAck
	if e.next <= e.trim {
		e.unacked = false
	}
	held := e.held()
	for len(held) > 0 && held[0][1] <= e.trim {
		held = held[1:]
	}
	e.setHeld(held)
	e.checkEOF()
}

// undelivered is TCP_Reassembler::Undelivered: everything below upTo
// not seen is a gap, the held data in between is delivered.
func (e *Endpoint) undelivered(upTo uint64) {
	if upTo <= 2 && e.conn.isPartial {
		// Zeek faked a partial connection's start; an ack of (one past)
		// its first byte says nothing about missing data. Zeek leaves
		// the delivery point where it is.
		return
	}
	if !e.skip {
		for held := e.held(); len(held) > 0 && held[0][0] < upTo; held = e.held() {
			e.gap(e.next, held[0][0]-e.next)
			e.next = held[0][0]
			e.deliverHeld()
		}
		if upTo > e.next {
			e.gap(e.next, upTo-e.next)
		}
	}
	e.next = max(e.next, upTo)
}

// gap is TCP_Reassembler::Gap: the 'G' letter for connections cleanly
// established or closing, the content_gap (and missed bytes) also for
// others when report_gaps_for_partial is set.
func (e *Endpoint) gap(seq, n uint64) {
	clean := e.clean() && e.peer().clean()
	if clean {
		e.scaledHistory(scaledGap, 'G', NoteGaps)
	}
	if clean || e.conn.t.cfg.ReportGapsForPartial {
		e.conn.rareState().missedBytes += n
		e.conn.t.note(NoteGap, e.isOrig, seq, n)
	}
}

// clean is Zeek's is_clean: established, or closed after being so.
func (e *Endpoint) clean() bool {
	return e.State == TCPEstablished || e.State == TCPClosed && e.prevState == TCPEstablished
}

// checkEOF is TCP_Reassembler::CheckEOF: once the endpoint closed (or
// reset) and all its data up to there was delivered, connection_EOF.
func (e *Endpoint) checkEOF() {
	if e.eof || !e.sawFIN && e.State != TCPClosed && e.State != TCPReset || e.dataPending() {
		return
	}
	e.eof = true
	e.conn.t.note(NoteEOF, e.isOrig, 0, 0)
}

// dataPending is TCP_Reassembler::DataPending: data still to deliver up
// to the endpoint's last sequence number, or (unless reset) the peer's
// data still unacknowledged.
func (e *Endpoint) dataPending() bool {
	if e.skip {
		return false
	}
	last := int64(seqDelta(e.lastSeq, e.startSeq))
	next := int64(e.next)
	if last < next {
		return false
	}
	if next != last-1 && next != last {
		return true
	}
	return e.State != TCPReset && e.peer().hasData()
}

// hasData is Zeek's HasUndeliveredData: data kept in the reassembler,
// delivered but unacknowledged or held above a hole.
func (e *Endpoint) hasData() bool { return !e.skip && (e.unacked || len(e.held()) > 0) }
