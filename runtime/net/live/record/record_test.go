package record

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	gnet "github.com/gobro/gobro/runtime/net"
)

// A UDP question and answer across the pair come out as a two-packet
// trace, A's datagram first, intact.
func TestCaptureUDPExchange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "udp.pcap")
	capture(t, path, func(p *Pair) error {
		var srv, cli *net.UDPConn
		if err := p.InB(func() (err error) {
			srv, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(IPB, 5300)))
			return err
		}); err != nil {
			return err
		}
		defer srv.Close()
		if err := p.InA(func() (err error) {
			cli, err = net.DialUDP("udp4", nil, net.UDPAddrFromAddrPort(netip.AddrPortFrom(IPB, 5300)))
			return err
		}); err != nil {
			return err
		}
		defer cli.Close()
		if _, err := cli.Write([]byte("question")); err != nil {
			return err
		}
		buf := make([]byte, 64)
		n, from, err := srv.ReadFromUDPAddrPort(buf)
		if err != nil {
			return err
		}
		if _, err := srv.WriteToUDPAddrPort([]byte("answer:"+string(buf[:n])), from); err != nil {
			return err
		}
		_, err = cli.Read(buf)
		return err
	})
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := gnet.NewSource(f, path)
	if err != nil {
		t.Fatal(err)
	}
	var payloads []string
	d := gnet.NewDecoder()
	var raw gnet.RawPacket
	for {
		if err := src.Next(&raw); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
		p := d.Decode(&raw)
		payloads = append(payloads, string(bytes.Clone(p.Payload)))
	}
	if len(payloads) != 2 || payloads[0] != "question" || payloads[1] != "answer:question" {
		t.Fatalf("captured payloads %q", payloads)
	}
}
