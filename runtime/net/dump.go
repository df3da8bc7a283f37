package net

import (
	"bufio"
	"os"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// Dumper writes packets to a pcap file: Zeek's -w, which records the
// packets gobro reads (after the capture filter), as read.
type Dumper struct {
	f    *os.File
	buf  *bufio.Writer
	w    *pcapgo.Writer
	link layers.LinkType
}

// dumpSnaplen is the snaplen written in the file header: large enough for
// any frame gobro keeps.
const dumpSnaplen = 65535

// CreateDumper creates (truncates) a pcap file for packets of the given
// link type.
func CreateDumper(path string, link layers.LinkType) (*Dumper, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	w := pcapgo.NewWriter(buf) // microseconds, as libpcap writes for Zeek
	if err := w.WriteFileHeader(dumpSnaplen, link); err != nil {
		f.Close()
		return nil, err
	}
	return &Dumper{f: f, buf: buf, w: w, link: link}, nil
}

// Write appends one packet with its timestamp and lengths.
func (d *Dumper) Write(p *RawPacket) error {
	ci := gopacket.CaptureInfo{Timestamp: p.Timestamp, CaptureLength: len(p.Data), Length: p.WireLen}
	if ci.Length < ci.CaptureLength {
		ci.Length = ci.CaptureLength
	}
	return d.w.WritePacket(ci, p.Data)
}

// Close flushes and closes the file.
func (d *Dumper) Close() error {
	err := d.buf.Flush()
	if cerr := d.f.Close(); err == nil {
		err = cerr
	}
	return err
}
