package net

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// seedTrace is a small trace re-encoded in memory, with the offsets the
// truncation property needs.
type seedTrace struct {
	file    []byte
	gz      []byte // file, gzip'd
	hdrEnd  int    // bytes NewSource needs before it can succeed
	bounds  []int  // header, record (pcap) and block (pcapng) ends, ascending
	pktEnds []int  // end offset of each packet's record
}

// seedPackets are a few packets of some shared traces (various link
// types and formats), after a small synthetic trace that is always
// there (IPv4/UDP, one datagram in two fragments).
func seedPackets() [][]RawPacket {
	ts := time.Unix(1700000000, 123456000)
	syn := []RawPacket{
		{Timestamp: ts, LinkType: layers.LinkTypeRaw, Data: ip4Frag(1, udpDgram(40), 0, 48, false)},
		{Timestamp: ts.Add(time.Second), LinkType: layers.LinkTypeRaw, Data: ip4Frag(2, udpDgram(100), 0, 80, true)},
		{Timestamp: ts.Add(2 * time.Second), LinkType: layers.LinkTypeRaw, Data: ip4Frag(2, udpDgram(100), 80, 28, false)},
	}
	out := [][]RawPacket{syn}
	dir := findTraces()
	if dir == "" {
		return out
	}
	for _, name := range []string{"dns53.pcap", "q-in-q.pcap", "tunnels-vxlan.pcap", "ipv6-fragmented-dns.pcap",
		"pppoe.pcap", "contentline-telnet-long-line-no-eol.pcapng.gz", "trunc-mpls-6in6-broken.pcap.gz"} {
		s, err := Open(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		var pkts []RawPacket
		var rp RawPacket
		for len(pkts) < 6 && s.Next(&rp) == nil {
			c := rp
			c.Data = append([]byte(nil), rp.Data...)
			pkts = append(pkts, c)
		}
		s.Close()
		if len(pkts) > 0 {
			out = append(out, pkts)
		}
	}
	return out
}

// encodeTrace writes pkts as pcap (ng false) or pcapng and records
// where its records end.
func encodeTrace(tb testing.TB, pkts []RawPacket, ng bool) seedTrace {
	var buf bytes.Buffer
	var write func(gopacket.CaptureInfo, []byte) error
	var flush func() error
	if ng {
		w, err := pcapgo.NewNgWriter(&buf, pkts[0].LinkType)
		if err != nil {
			tb.Fatal(err)
		}
		write, flush = w.WritePacket, w.Flush
	} else {
		w := pcapgo.NewWriterNanos(&buf)
		if err := w.WriteFileHeader(262144, pkts[0].LinkType); err != nil {
			tb.Fatal(err)
		}
		write, flush = w.WritePacket, func() error { return nil }
	}
	for _, p := range pkts {
		ci := gopacket.CaptureInfo{Timestamp: p.Timestamp, CaptureLength: len(p.Data), Length: max(p.WireLen, len(p.Data))}
		if err := write(ci, p.Data); err != nil {
			tb.Fatal(err)
		}
	}
	if err := flush(); err != nil {
		tb.Fatal(err)
	}
	if ng {
		return pcapngBounds(tb, buf.Bytes())
	}
	st := seedTrace{file: buf.Bytes(), hdrEnd: 24, bounds: []int{24}}
	for off := 24; off < len(st.file); {
		off += 16 + int(binary.LittleEndian.Uint32(st.file[off+8:]))
		st.bounds = append(st.bounds, off)
		st.pktEnds = append(st.pktEnds, off)
	}
	return st
}

// pcapngBounds walks a (well-formed) pcapng file's blocks.
func pcapngBounds(tb testing.TB, b []byte) seedTrace {
	st := seedTrace{file: b}
	bo := binary.ByteOrder(binary.LittleEndian)
	if binary.LittleEndian.Uint32(b[8:]) != 0x1a2b3c4d {
		bo = binary.BigEndian
	}
	for off := 0; off < len(b); {
		typ, n := bo.Uint32(b[off:]), int(bo.Uint32(b[off+4:]))
		if n < 12 || off+n > len(b) {
			tb.Fatalf("bad pcapng block at %d", off)
		}
		off += n
		st.bounds = append(st.bounds, off)
		switch typ {
		case 1: // interface description: NewSource reads up to the first
			if st.hdrEnd == 0 {
				st.hdrEnd = off
			}
		case 2, 3, 6: // packet blocks
			st.pktEnds = append(st.pktEnds, off)
		}
	}
	return st
}

// gzipBytes compresses b with a flush at every record boundary, so that
// cutting the compressed stream can end the plain one right between two
// records (the case where the gzip error must not be lost).
func gzipBytes(b []byte, bounds []int) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	prev := 0
	for _, end := range bounds {
		w.Write(b[prev:end])
		w.Flush()
		prev = end
	}
	w.Write(b[prev:])
	w.Close()
	return buf.Bytes()
}

// seedTraces encodes every seed packet list as pcap and as pcapng.
func seedTraces(tb testing.TB) []seedTrace {
	var out []seedTrace
	for _, pkts := range seedPackets() {
		for _, ng := range []bool{false, true} {
			st := encodeTrace(tb, pkts, ng)
			st.gz = gzipBytes(st.file, st.bounds)
			out = append(out, st)
		}
	}
	return out
}

// readAll reads a trace with NewSource and Next, decoding every packet
// (fragments and tunnels included) along the way. It returns copies of
// the packets, the error that ended reading and NewSource's error.
func readAll(t testing.TB, data []byte) (pkts []RawPacket, end, open error) {
	s, err := NewSource(bytes.NewReader(data), "fuzz")
	if err != nil {
		if !errors.Is(err, ErrUnknownFormat) {
			t.Fatalf("NewSource error %v does not wrap ErrUnknownFormat", err)
		}
		return nil, nil, err
	}
	defer s.Close()
	d := NewDecoder()
	d.Frag = NewReassembler()
	var rp RawPacket
	total := 0
	for {
		if err := s.Next(&rp); err != nil {
			if err2 := s.Next(&rp); err2 == nil {
				t.Fatalf("Next succeeded after %v", err)
			}
			return pkts, err, nil
		}
		if rp.CapLen != len(rp.Data) {
			t.Fatalf("packet %d: CapLen %d, %d bytes", len(pkts), rp.CapLen, len(rp.Data))
		}
		d.DecodeChain(&rp, func(*Packet) {})
		c := rp
		c.Data = append([]byte(nil), rp.Data...)
		pkts = append(pkts, c)
		// Every record takes at least 12 bytes of the file, but gzip
		// can expand a small input a thousandfold: bound the work.
		if total += len(rp.Data) + 12; total > 64<<20 {
			return pkts, nil, nil
		}
	}
}

// FuzzSource reads arbitrary bytes as a trace file (pcap, pcapng, either
// gzip'd): NewSource fails with ErrUnknownFormat or Next returns packets
// until an error; nothing panics and reading ends. Every packet is
// decoded too, so damage anywhere in a file reaches the decoders.
func FuzzSource(f *testing.F) {
	for _, st := range seedTraces(f) {
		f.Add(st.file)
		f.Add(st.gz)
	}
	f.Add([]byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0})
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		readAll(t, data)
	})
}

// FuzzTruncatedTrace damages a valid trace: it is cut at a fuzzed offset
// (of the file, or of its gzip'd form) and garbage is appended. Every
// packet whose record lies before the damage must come out exactly as
// from the intact trace. A plain cut must then end with an error:
// io.EOF only when the cut falls between records, a clear error
// otherwise.
func FuzzTruncatedTrace(f *testing.F) {
	traces := seedTraces(f)
	for i, st := range traces {
		for _, mode := range []uint8{0, 1} {
			f.Add(uint8(i)<<1|mode, uint32(st.pktEnds[0]-3), []byte{})
			f.Add(uint8(i)<<1|mode, uint32(st.pktEnds[0]), []byte{})
		}
		f.Add(uint8(i)<<1, uint32(st.pktEnds[0]+8), []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 1})
	}
	full := make([][]RawPacket, len(traces))
	for i, st := range traces {
		pkts, end, _ := readAll(f, st.file)
		if end != io.EOF || len(pkts) != len(st.pktEnds) {
			f.Fatalf("intact trace %d: %d packets, %v", i, len(pkts), end)
		}
		full[i] = pkts
	}
	f.Fuzz(func(t *testing.T, sel uint8, cut uint32, garbage []byte) {
		garbage = garbage[:min(len(garbage), 512)] // enough to look like records
		i := int(sel>>1) % len(traces)
		st := traces[i]
		src := st.file
		if sel&1 != 0 {
			src = st.gz
		}
		n := int(cut % uint32(len(src)+1))
		damaged := append(src[:n:n], garbage...)
		plain := damaged // what the trace reader sees after gzip
		if sel&1 != 0 {
			zr, err := gzip.NewReader(bytes.NewReader(damaged))
			if err != nil {
				plain = nil
			} else {
				plain, _ = io.ReadAll(zr)
			}
		}
		intact := commonPrefix(plain, st.file)
		want := 0
		for want < len(st.pktEnds) && st.pktEnds[want] <= intact {
			want++
		}
		pkts, end, open := readAll(t, damaged)
		if open != nil {
			if want > 0 || (len(garbage) == 0 && intact >= st.hdrEnd && plain != nil) {
				t.Fatalf("NewSource failed (%v) with %d whole packets", open, want)
			}
			return
		}
		if len(pkts) < want {
			t.Fatalf("got %d packets, want at least the %d before the damage (ended by %v)", len(pkts), want, end)
		}
		for k := 0; k < want; k++ {
			if !samePacket(pkts[k], full[i][k]) {
				t.Fatalf("packet %d differs from the intact trace", k)
			}
		}
		if len(garbage) == 0 {
			checkCutEnd(t, st, sel&1 != 0 && n < len(src), intact, len(pkts), want, end)
		}
	})
}

// checkCutEnd checks how a trace cut at a byte offset (intact bytes
// survive; gzipCut when the compressed stream itself was cut) ends.
func checkCutEnd(t *testing.T, st seedTrace, gzipCut bool, intact, got, want int, end error) {
	if got != want {
		t.Fatalf("got %d packets from a cut trace, want %d", got, want)
	}
	atBound := intact == len(st.file)
	for _, b := range st.bounds {
		atBound = atBound || b == intact
	}
	switch {
	case end == nil:
		t.Fatalf("no error at the end of a cut trace")
	case end == io.EOF && (gzipCut || !atBound):
		t.Fatalf("cut at %d of %d (gzip cut %v): io.EOF hides the damage", intact, len(st.file), gzipCut)
	case end != io.EOF && !gzipCut && atBound:
		t.Fatalf("cut between records at %d: %v, want io.EOF", intact, end)
	}
}

func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func samePacket(a, b RawPacket) bool {
	return a.Timestamp.Equal(b.Timestamp) && a.LinkType == b.LinkType && a.CapLen == b.CapLen &&
		a.WireLen == b.WireLen && bytes.Equal(a.Data, b.Data)
}

// TestTraceDamage pins the reading bugs FuzzTruncatedTrace found, on the
// synthetic trace (no shared traces needed).
func TestTraceDamage(t *testing.T) {
	pkts := seedPackets()[0]
	pc, ng := encodeTrace(t, pkts, false), encodeTrace(t, pkts, true)

	// A pcap cut right after a record header: pcapgo says io.EOF.
	got, end, _ := readAll(t, pc.file[:pc.pktEnds[0]+16])
	if len(got) != 1 || end != io.ErrUnexpectedEOF {
		t.Errorf("cut after a record header: %d packets, %v", len(got), end)
	}

	// A gzip'd pcapng whose compressed stream stops right after a
	// block: the gzip error must not turn into io.EOF.
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(ng.file[:ng.pktEnds[0]])
	w.Flush()
	got, end, _ = readAll(t, buf.Bytes())
	if len(got) != 1 || end == nil || end == io.EOF {
		t.Errorf("gzip'd pcapng cut between blocks: %d packets, %v", len(got), end)
	}

	// A bogus capture length: reading stops there for good, even if
	// the bytes after it happen to look like a record.
	bad := append([]byte(nil), pc.file[:24]...)
	bad = binary.LittleEndian.AppendUint32(bad, 1)
	bad = binary.LittleEndian.AppendUint32(bad, 0)
	bad = binary.LittleEndian.AppendUint32(bad, 1<<30)
	bad = binary.LittleEndian.AppendUint32(bad, 1<<30)
	bad = append(bad, pc.file[24:]...)
	got, end, _ = readAll(t, bad)
	if len(got) != 0 || end == nil || end == io.EOF {
		t.Errorf("bogus length: %d packets, %v", len(got), end)
	}
}
