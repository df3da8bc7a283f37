package analyzer

// pia is the detection buffer of one connection (Zeek's PIA analyzers):
// it keeps the first payload of the connection, matches the watched
// kinds' signatures against it, and replays it to analysers started by a
// match. It gives up once bufferSize bytes were seen (Zeek's
// dpd_match_only_beginning), so a connection costs at most one buffer.
type pia struct {
	watch []watched
	// matched[i][j] says which directions of watch[i].sigs[j]
	// have matched (bit 0: orig, bit 1: resp).
	matched [][]uint8
	started []bool // watch[i] was returned by add
	udp     bool   // datagrams: patterns match each datagram on its own
	limit   int
	total   int
	chunks  []chunk
	stream  [2][]byte // TCP: each direction's bytes so far
	dead    [2]bool   // a gap ended matching in that direction
}

// chunk is one buffered delivery: data, or a gap of n bytes.
type chunk struct {
	isOrig bool
	data   []byte
	gap    uint64
}

func newPIA(watch []watched, udp bool, limit int) *pia {
	p := &pia{watch: watch, udp: udp, limit: limit, started: make([]bool, len(watch))}
	p.matched = make([][]uint8, len(watch))
	for i, w := range watch {
		p.matched[i] = make([]uint8, len(w.sigs))
	}
	return p
}

func dirBit(isOrig bool) uint8 {
	if isOrig {
		return 1
	}
	return 2
}

func dirIndex(isOrig bool) int {
	if isOrig {
		return 0
	}
	return 1
}

// add buffers data and returns the kinds whose signatures match now.
func (p *pia) add(isOrig bool, data []byte) []*Spec {
	if len(data) == 0 {
		return nil
	}
	p.chunks = append(p.chunks, chunk{isOrig: isOrig, data: append([]byte(nil), data...)})
	p.total += len(data)
	d := dirIndex(isOrig)
	subject := data
	if !p.udp {
		if p.dead[d] {
			return nil
		}
		p.stream[d] = append(p.stream[d], data...)
		subject = p.stream[d]
	}
	var out []*Spec
	for i, w := range p.watch {
		if p.started[i] {
			continue
		}
		for j, sig := range w.sigs {
			p.matchSide(i, j, sig, isOrig, subject)
			if p.complete(i, j, sig) {
				p.started[i] = true
				out = append(out, w.spec)
				break
			}
		}
	}
	return out
}

func (p *pia) matchSide(i, j int, sig Signature, isOrig bool, subject []byte) {
	re := sig.Resp
	if isOrig {
		re = sig.Orig
	}
	bit := dirBit(isOrig)
	if re != nil && p.matched[i][j]&bit == 0 && re.Match(subject) {
		p.matched[i][j] |= bit
	}
}

// complete reports whether every pattern of the signature has matched.
func (p *pia) complete(i, j int, sig Signature) bool {
	var need uint8
	if sig.Orig != nil {
		need |= 1
	}
	if sig.Resp != nil {
		need |= 2
	}
	return need != 0 && p.matched[i][j]&need == need
}

// gap records a hole in a TCP direction: its patterns cannot match
// across it, and a replay must show it.
func (p *pia) gap(isOrig bool, n uint64) {
	p.chunks = append(p.chunks, chunk{isOrig: isOrig, gap: n})
	p.dead[dirIndex(isOrig)] = true
}

// replay passes everything buffered to a newly started analyser.
func (p *pia) replay(x *Context) {
	for _, c := range p.chunks {
		if x.removed {
			return
		}
		if c.data != nil {
			x.a.Deliver(c.isOrig, c.data)
		} else {
			x.a.Gap(c.isOrig, c.gap)
		}
	}
}

// full reports whether detection is over: the buffer limit was reached
// or every watched kind has started.
func (p *pia) full() bool {
	if p.total >= p.limit {
		return true
	}
	for _, s := range p.started {
		if !s {
			return false
		}
	}
	return true
}
