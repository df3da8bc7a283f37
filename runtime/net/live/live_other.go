//go:build !linux

package live

import (
	"github.com/gopacket/gopacket/layers"
	"golang.org/x/net/bpf"

	gnet "github.com/gobro/gobro/runtime/net"
)

// Capture is a live capture; on this system Open always fails.
type Capture struct{ name string }

// Open fails with ErrUnsupported: live capture is implemented for Linux
// (AF_PACKET) only.
func Open(iface string, o Options) (*Capture, error) {
	return nil, &Error{Iface: iface, Kind: ErrUnsupported}
}

func (c *Capture) Name() string                 { return c.name }
func (c *Capture) LinkType() layers.LinkType    { return layers.LinkTypeEthernet }
func (c *Capture) Live() bool                   { return true }
func (c *Capture) Snaplen() int                 { return DefaultSnaplen }
func (c *Capture) Next(p *gnet.RawPacket) error { return &Error{Iface: c.name, Kind: ErrUnsupported} }
func (c *Capture) SetFilter(prog []bpf.RawInstruction) error {
	return &Error{Iface: c.name, Kind: ErrUnsupported}
}
func (c *Capture) Stats() (received, dropped uint64, err error) {
	return 0, 0, &Error{Iface: c.name, Kind: ErrUnsupported}
}
func (c *Capture) Close() error { return nil }
