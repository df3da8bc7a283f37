// Package net holds everything gobro knows about packets: packet sources
// (pcap, pcapng, gzip-compressed traces, stdin) and decoding of link,
// network and transport headers into a compact Packet view.
//
// Only this package knows about packets; the engine sees Packet values.
package net

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// ErrUnknownFormat is returned by Open/NewSource when the input is neither
// pcap nor pcapng (after an optional gzip layer). Its text matches Zeek's.
var ErrUnknownFormat = errors.New("unknown file format")

// RawPacket is one captured frame as read from a Source. Data is only valid
// until the next call to Source.Next: its buffer is reused.
type RawPacket struct {
	Timestamp time.Time
	LinkType  layers.LinkType
	CapLen    int // bytes captured (len(Data))
	WireLen   int // bytes on the wire
	Data      []byte
}

// PacketSource is what the engine reads packets from: a trace (Source)
// or a live interface (package live).
type PacketSource interface {
	// Name is the file or interface name.
	Name() string
	// LinkType is the link layer of the packets (per packet in RawPacket
	// for pcapng).
	LinkType() layers.LinkType
	// Next reads the next packet into p; p.Data is valid until the next
	// call. It returns io.EOF at the end of a trace, and ErrTimeout when a
	// live source saw no packet for a while (the engine then advances its
	// timers on wall-clock time).
	Next(p *RawPacket) error
	// Live tells whether packets come from an interface.
	Live() bool
	Close() error
}

// ErrTimeout is returned by a live source's Next when no packet arrived
// within its read timeout.
var ErrTimeout = errors.New("no packet within the read timeout")

// Source reads packets from a pcap or pcapng trace, optionally gzip'd.
type Source struct {
	name   string
	file   *os.File // nil for stdin or caller-supplied readers
	gz     *gzip.Reader
	gzErr  *errRecorder // the gzip layer's first error, if gz is set
	pcap   *pcapgo.Reader
	ng     *pcapgo.NgReader
	link   layers.LinkType
	ngLink []layers.LinkType // pcapng link type per interface index
	count  int
	err    error // the error that ended reading: Next keeps returning it
}

// Open opens a trace file by name; "-" reads standard input. The format
// (pcap or pcapng) is detected by magic number and gzip compression is
// removed transparently. Error texts follow Zeek's
// ("unable to open NAME: ..." / "unknown file format").
func Open(name string) (*Source, error) {
	if name == "-" {
		return NewSource(os.Stdin, name)
	}
	f, err := os.Open(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("unable to open %s: %w", name, capitalizeErr{err})
	}
	s, err := NewSource(f, name)
	if err != nil {
		f.Close()
		return nil, err
	}
	s.file = f
	return s, nil
}

// capitalizeErr prints syscall errors the way strerror does
// ("No such file or directory" rather than "no such file or directory").
type capitalizeErr struct{ err error }

func (c capitalizeErr) Error() string {
	s := c.err.Error()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
func (c capitalizeErr) Unwrap() error { return c.err }

const readBufSize = 256 << 10

// NewSource reads a trace from r. name is used in messages only.
func NewSource(r io.Reader, name string) (*Source, error) {
	s := &Source{name: name}
	br := bufio.NewReaderSize(r, readBufSize)
	magic, err := br.Peek(4)
	if err != nil && len(magic) < 2 {
		return nil, ErrUnknownFormat
	}
	if magic[0] == 0x1f && magic[1] == 0x8b {
		gz, gzErr := gzip.NewReader(br)
		if gzErr != nil {
			return nil, fmt.Errorf("%w (gzip: %v)", ErrUnknownFormat, gzErr)
		}
		s.gz, s.gzErr = gz, &errRecorder{r: gz}
		br = bufio.NewReaderSize(s.gzErr, readBufSize)
		magic, err = br.Peek(4)
	}
	if err != nil || len(magic) < 4 {
		return nil, ErrUnknownFormat
	}
	switch {
	case isPcapMagic(magic):
		rd, err := pcapgo.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w (%v)", ErrUnknownFormat, err)
		}
		s.pcap = rd
		s.link = rd.LinkType()
	case magic[0] == 0x0a && magic[1] == 0x0d && magic[2] == 0x0d && magic[3] == 0x0a:
		rd, err := pcapgo.NewNgReader(br, pcapgo.NgReaderOptions{})
		if err != nil {
			return nil, fmt.Errorf("%w (%v)", ErrUnknownFormat, err)
		}
		s.ng = rd
		s.link = rd.LinkType()
	default:
		return nil, ErrUnknownFormat
	}
	return s, nil
}

func isPcapMagic(m []byte) bool {
	switch uint32(m[0])<<24 | uint32(m[1])<<16 | uint32(m[2])<<8 | uint32(m[3]) {
	case 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1:
		return true
	}
	return false
}

// Name is the name the source was opened with.
func (s *Source) Name() string { return s.name }

// LinkType is the link type of the trace (for pcapng, of its first interface).
// Live is false: a trace.
func (s *Source) Live() bool { return false }

func (s *Source) LinkType() layers.LinkType { return s.link }

// Count is the number of packets returned so far.
func (s *Source) Count() int { return s.count }

// Next reads the next packet into p, reusing buffers: p.Data stays valid
// only until the following call. It returns io.EOF at the end of the trace.
// A trace that ends partway through a record returns io.ErrUnexpectedEOF.
// Once Next has failed it keeps returning the same error: after a bogus
// record length pcapgo would go on reading packet bytes as headers.
func (s *Source) Next(p *RawPacket) error {
	if s.err != nil {
		p.Data = nil
		return s.err
	}
	var (
		data []byte
		err  error
	)
	if s.pcap != nil {
		d, c, e := s.pcap.ZeroCopyReadPacketData()
		data, err = d, e
		if err == io.EOF && c.CaptureLength > 0 {
			// pcapgo reports a record cut right after its header
			// as a clean end of file.
			err = io.ErrUnexpectedEOF
		}
		if err == nil {
			p.Timestamp = c.Timestamp
			p.CapLen, p.WireLen = c.CaptureLength, c.Length
			p.LinkType = s.link
		}
	} else {
		d, c, e := s.ng.ZeroCopyReadPacketData()
		data, err = d, e
		if err == nil {
			p.Timestamp = c.Timestamp
			p.CapLen, p.WireLen = c.CaptureLength, c.Length
			p.LinkType = s.ngLinkType(c.InterfaceIndex)
		}
	}
	if err != nil {
		p.Data = nil
		if err == io.EOF && s.gzErr != nil && s.gzErr.err != nil {
			// pcapgo's pcapng reader takes any read error at a
			// block boundary for the end of the file: a gzip'd
			// pcapng cut between two blocks must not end cleanly.
			err = s.gzErr.err
		}
		s.err = err
		return err
	}
	p.Data = data
	s.count++
	return nil
}

// errRecorder is a reader that remembers the first error other than io.EOF
// of the reader it wraps.
type errRecorder struct {
	r   io.Reader
	err error
}

func (f *errRecorder) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err != nil && err != io.EOF && f.err == nil {
		f.err = err
	}
	return n, err
}

func (s *Source) ngLinkType(i int) layers.LinkType {
	if i >= 0 && i < len(s.ngLink) {
		return s.ngLink[i]
	}
	n := s.ng.NInterfaces()
	for len(s.ngLink) < n {
		ifc, err := s.ng.Interface(len(s.ngLink))
		if err != nil {
			break
		}
		s.ngLink = append(s.ngLink, ifc.LinkType)
	}
	if i >= 0 && i < len(s.ngLink) {
		return s.ngLink[i]
	}
	return s.link
}

// Close releases the underlying file (not stdin or a caller's reader).
func (s *Source) Close() error {
	var err error
	if s.gz != nil {
		err = s.gz.Close()
	}
	if s.file != nil {
		if e := s.file.Close(); err == nil {
			err = e
		}
	}
	return err
}
