package analyzer

// pia is the detection buffer of one connection (Zeek's PIA analyzers):
// it keeps the first payload of the connection, matches the watched
// kinds' signatures against it, and replays it to analysers started by a
// match. It gives up once bufferSize bytes were seen (Zeek's
// dpd_match_only_beginning), so a connection costs at most one buffer.
// It is made with the connection's first payload: a connection that
// carries none only points at the shared watchList.
type pia struct {
	watch *watchList
	// matched[w.first+j] says which directions of w.sigs[j] have matched
	// (bit 0: orig, bit 1: resp). A kind has started (add returned it)
	// once one of its signatures is complete.
	matched []uint8
	// chunks are the deliveries in arrival order; their bytes are in
	// data, each direction's one after the other, so a TCP direction's
	// bytes so far, which its patterns match, are data[d] itself.
	chunks []chunk
	data   [2][]byte
	udp    bool    // datagrams: patterns match each datagram on its own
	dead   [2]bool // a gap ended matching in that direction
	// begun has bit i set once kind i of the watch list has started:
	// every delivery asks, for every kind.
	begun uint64
	// screened[2k+d] is, for signature k's pattern of TCP direction d
	// when it is Screened, where the search for its bytes resumes; -1
	// once they came. It is made with a direction's second delivery:
	// before, the whole subject is new anyway.
	screened []int32
}

// chunk is one buffered delivery: n bytes of data, or a gap of n bytes.
type chunk struct {
	n      uint64
	isOrig bool
	gap    bool
}

func newPIA(watch *watchList, udp bool) *pia {
	return &pia{watch: watch, matched: make([]uint8, watch.sigs), udp: udp}
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
	d := dirIndex(isOrig)
	p.chunks = append(p.chunks, chunk{n: uint64(len(data)), isOrig: isOrig})
	p.data[d] = append(p.data[d], data...)
	subject := data
	if !p.udp {
		if p.dead[d] {
			return nil
		}
		subject = p.data[d]
	}
	var out []*Spec
	for i, w := range p.watch.kinds {
		if p.started(i, w) {
			continue
		}
		for j, sig := range w.sigs {
			k := w.first + j
			p.matchSide(k, sig, isOrig, subject, len(data))
			if p.complete(k, sig) {
				out = append(out, w.spec)
				if i < 64 {
					p.begun |= 1 << i
				}
				break
			}
		}
	}
	return out
}

// started reports whether add has returned kind i, w.
func (p *pia) started(i int, w watched) bool {
	if i < 64 {
		return p.begun&(1<<i) != 0
	}
	for j, sig := range w.sigs {
		if p.complete(w.first+j, sig) {
			return true
		}
	}
	return false
}

func (p *pia) matchSide(k int, sig Signature, isOrig bool, subject []byte, fresh int) {
	re := sig.Resp
	if isOrig {
		re = sig.Orig
	}
	bit := dirBit(isOrig)
	if re == nil || p.matched[k]&bit != 0 || !p.mayMatch(k, isOrig, re, subject, fresh) {
		return
	}
	if re.Match(subject) {
		p.matched[k] |= bit
	}
}

// mayMatch is false while a Screened pattern's bytes have not come in
// a TCP direction's subject (see Screened), of which the last fresh
// bytes are new.
func (p *pia) mayMatch(k int, isOrig bool, re Matcher, subject []byte, fresh int) bool {
	s, ok := re.(Screened)
	if !ok || p.udp {
		return true
	}
	if p.screened == nil {
		if fresh == len(subject) {
			return s.Screened(subject) // the direction's first delivery
		}
		p.screened = make([]int32, 2*p.watch.sigs) // search from the start
	}
	at := &p.screened[2*k+dirIndex(isOrig)]
	if *at < 0 {
		return true
	}
	from := max(0, int(*at)-(s.Span()-1))
	if !s.Screened(subject[from:]) {
		*at = int32(len(subject))
		return false
	}
	*at = -1
	return true
}

// complete reports whether every pattern of the signature has matched.
func (p *pia) complete(k int, sig Signature) bool {
	var need uint8
	if sig.Orig != nil {
		need |= 1
	}
	if sig.Resp != nil {
		need |= 2
	}
	return need != 0 && p.matched[k]&need == need
}

// gap records a hole in a TCP direction: its patterns cannot match
// across it, and a replay must show it.
func (p *pia) gap(isOrig bool, n uint64) {
	p.chunks = append(p.chunks, chunk{n: n, isOrig: isOrig, gap: true})
	p.dead[dirIndex(isOrig)] = true
}

// replay passes everything buffered to a newly started analyser.
func (p *pia) replay(x *Context) {
	var off [2]uint64
	for _, c := range p.chunks {
		if x.removed {
			return
		}
		if c.gap {
			x.a.Gap(c.isOrig, c.n)
			continue
		}
		d := dirIndex(c.isOrig)
		end := off[d] + c.n
		x.a.Deliver(c.isOrig, p.data[d][off[d]:end:end])
		off[d] = end
	}
}

// full reports whether detection is over: limit bytes were seen or
// every watched kind has started.
func (p *pia) full(limit int) bool {
	if len(p.data[0])+len(p.data[1]) >= limit {
		return true
	}
	for i, w := range p.watch.kinds {
		if !p.started(i, w) {
			return false
		}
	}
	return true
}
