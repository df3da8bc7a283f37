package dns

// framer splits one direction of a DNS-over-TCP stream into messages,
// each preceded by its length in two bytes (RFC 1035 4.2.2).
type framer struct {
	hdr  [2]byte
	nhdr int    // length bytes read of the current message
	buf  []byte // the message so far
	size int    // its announced length
	dead bool   // a gap: the framing is lost
}

// feed consumes stream bytes, passing every complete message to deliver.
func (f *framer) feed(data []byte, deliver func([]byte)) {
	for len(data) > 0 && !f.dead {
		if f.nhdr < 2 {
			f.hdr[f.nhdr] = data[0]
			f.nhdr++
			data = data[1:]
			if f.nhdr == 2 {
				f.size = int(f.hdr[0])<<8 | int(f.hdr[1])
				f.buf = f.buf[:0]
			}
			// Zeek waits for more data before delivering an empty
			// message whose length ended a segment.
			if len(data) == 0 {
				return
			}
			continue
		}
		n := min(f.size-len(f.buf), len(data))
		f.buf = append(f.buf, data[:n]...)
		data = data[n:]
		if len(f.buf) == f.size {
			f.nhdr = 0
			deliver(f.buf)
		}
	}
}

// flush passes an unfinished message, if any, and starts afresh.
func (f *framer) flush(deliver func([]byte)) {
	if f.dead || f.nhdr < 2 || len(f.buf) == 0 {
		return
	}
	msg := f.buf
	f.nhdr, f.buf = 0, nil
	deliver(msg)
}
