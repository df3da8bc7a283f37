// Package reassembly turns one direction of a TCP connection into an ordered
// byte stream for protocol analysers, with the observable behaviour of
// Zeek's TCP reassembler: in-order delivery, content gaps reported once the
// peer acknowledges data beyond a hole, first-arrived data wins on overlaps,
// and retransmissions that disagree with earlier data reported so the engine
// can raise rexmit_inconsistency.
//
// # Offsets
//
// A Stream works on 64-bit relative offsets: offset 0 is the first byte
// after the SYN (Init's isn). Sequence numbers handed to Segment, Ack and Fin
// are unwrapped against the next expected offset, so a stream may cross any
// number of 32-bit wrap-arounds as long as no single segment or ack lies more
// than 2 GiB away from the delivery point (beyond that TCP itself is
// ambiguous). Zeek numbers the first data byte 1, so the seq of its
// content_gap and tcp_contents events is a Stream offset plus one.
//
// # Rules (and how they map to Zeek)
//
//   - In-order data is handed to Sink.Data straight from the caller's slice
//     when nothing is buffered: no copy, no allocation.
//   - Out-of-order data is copied and held until the hole below it fills, the
//     peer acknowledges past the hole, the buffer limits are hit, or Close.
//   - Overlaps: bytes already delivered are dropped; bytes already buffered
//     are kept (first arrival wins, as Zeek's block list does: new data only
//     fills holes). When an overlapping copy differs from the stored one and
//     the sink implements InconsistencySink (or InconsistencyDataSink), the
//     overlap is reported, once per stored piece it touches, spanning the
//     whole overlap with that piece — the extent Zeek passes as t1/t2 to
//     rexmit_inconsistency.
//   - Zeek keeps delivered blocks until they are acknowledged and compares
//     retransmissions against them. A Stream keeps the last Config.History
//     delivered-but-unacknowledged bytes for that purpose (only when the sink
//     wants inconsistencies), so retransmissions of older unacknowledged data
//     are dropped without comparison. Data below the highest ack is dropped
//     without comparison, exactly as Zeek does, which also silences TCP
//     keep-alive probes (one garbage byte just below the next expected
//     sequence number). A one-byte segment right below the delivery point is
//     treated as a keep-alive even without acks (Zeek instead requires the
//     peer to have done something before it reports one-byte overlaps).
//     Zeek's tcp_max_initial_window (stop holding delivered data for
//     comparison once that much was sent without any ack) has no knob here:
//     the history is bounded by Config.History whether or not acks are seen.
//   - Gaps: when the peer acknowledges beyond the delivery point, the hole up
//     to the first buffered piece (or up to the ack) is reported with
//     Sink.Gap, buffered data is delivered, and so on up to the ack. Later
//     data inside a reported gap is dropped (Zeek: "that space is considered
//     analysed"). Acks at or beyond the FIN (see Fin) are clamped to the FIN
//     so its sequence number is not mistaken for a missing byte. An ack below
//     the ISN is ignored (Zeek raises TCP_ack_underflow_or_misorder there and
//     treats it as 0; the weird belongs to the connection tracker).
//   - Limits, each answered by reporting the hole below the first buffered
//     piece as a gap and delivering what follows (repeated until within the
//     limit), after telling an OverflowSink why:
//     MaxBuffered mirrors tcp_excessive_data_without_further_acks (default
//     10 MiB) and MaxAboveHoleWithoutAcks mirrors
//     tcp_max_above_hole_without_any_acks (default 16384, applied while the
//     peer has acknowledged no data at all). Zeek instead raises the weird
//     excessive_data_without_further_acks / above_hole_data_without_any_acks,
//     drops the buffer and stops delivering the stream for good; we keep the
//     stream usable for analysers that resynchronise after gaps. Zeek's
//     excessive-data limit also counts delivered-but-unacknowledged data; ours
//     counts only data held out of order. MaxSegments (no Zeek equivalent)
//     caps the number of held pieces so that tiny segments cannot turn the
//     byte limit into unbounded bookkeeping or quadratic insertion work.
//   - Data before the ISN (a retransmitted SYN's payload fed at the SYN's own
//     sequence number, keep-alives one byte below the ISN) is ignored. A SYN
//     with payload (TCP Fast Open) is handled by SYN, which sets the ISN to
//     seq+1 and delivers the payload from offset 0.
//   - Close reports the holes between buffered pieces as gaps and delivers
//     everything held (Zeek leaves such data undelivered at connection end; it
//     only feeds it to the signature matcher). Close does not invent a gap
//     between the last data and a FIN.
//
// Zeek ignores the very first ack-induced gap of a partial connection when it
// ends at relative sequence 2 or below (to paper over its faked ISN); a
// Stream reports it. Whether a gap becomes a content_gap event (Zeek only
// raises it for established or cleanly closing connections unless
// report_gaps_for_partial) is the engine's decision.
//
// # Memory
//
// Between calls a Stream holds at most MaxBuffered bytes of out-of-order data
// (including recycled buffers kept for reuse) in at most MaxSegments pieces,
// plus at most 2×History bytes of delivered history; during a call one more
// segment may be held before the limits are enforced.
//
// A Sink must not call back into its Stream; such calls are ignored.
//
// # Feeding it from the tracker
//
// Two Streams per connection (one per endpoint), made only when an
// analyser wants bytes and a segment needs them (analyzer.Set keeps what
// data-less packets told it until then, and replays it with Init and
// Fin), fed with the raw 32-bit sequence numbers of every checksum-valid
// TCP packet:
//
//  1. once an endpoint's initial sequence number is known, Init(isn+1)
//     (a SYN, or the first seen seq of a partial connection; the same
//     value again is a no-op); an endpoint first known from the peer's
//     ack gets Init(ack);
//  2. if ACK is set and RST is not (Zeek trusts no ack in a RST), the
//     peer stream's Ack(ack), before this packet's own payload;
//  3. the payload cut to the IP length (no Ethernet padding): SYN(seq,
//     payload) on a SYN, else Segment(seq, payload), unless RST is set;
//  4. on FIN, Fin(seq + payload length + 1 if SYN);
//  5. Close both when the connection is removed, then tell the analysers
//     the data ended (EOF after a packet is Zeek's earlier endpoint-EOF
//     point).
//
// runtime/net/analyzer does this. content_gap and missed_bytes are the
// tracker's (it follows Zeek's sequence bookkeeping without the bytes);
// a Stream's gaps only tell the analysers where bytes are missing.
package reassembly
