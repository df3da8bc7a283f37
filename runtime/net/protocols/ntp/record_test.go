package ntp_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/net/live/record"
)

const exchangeTrace = "../../../../testdata/pcap/ntp-exchange.pcap"

// TestRecordExchange records testdata/pcap/ntp-exchange.pcap (run with
// -record, as root): a client in A asks a server in B for the time
// three times, from fixed ports, and the server answers as a stratum 2
// server synchronised to 192.0.2.254, as a stratum 1 server with a GPS
// clock, and with a RATE kiss-o'-death; then an ntpq-style control
// query (mode 6, read variables) gets its response.
func TestRecordExchange(t *testing.T) {
	record.Trace(t, exchangeTrace, func(p *record.Pair) error {
		var srv *net.UDPConn
		addr := netip.AddrPortFrom(record.IPB, 123)
		if err := p.InB(func() (err error) {
			srv, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(addr))
			return err
		}); err != nil {
			return err
		}
		defer srv.Close()
		go serve(srv)
		for i, req := range [][]byte{timeRequest(), timeRequest(), timeRequest(), readVariables(1)} {
			if err := p.InA(func() error { return ask(uint16(40123+i), addr, req) }); err != nil {
				return err
			}
		}
		return nil
	})
}

// ask sends one request from the port and waits for the answer.
func ask(port uint16, srv netip.AddrPort, req []byte) error {
	c, err := net.DialUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(record.IPA, port)), net.UDPAddrFromAddrPort(srv))
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.Write(req); err != nil {
		return err
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err = c.Read(make([]byte, 1500))
	return err
}

// ntpTime is t as an NTP timestamp.
func ntpTime(t time.Time) uint64 {
	sec := uint64(t.Unix() + 2208988800)
	frac := uint64(t.Nanosecond()) << 32 / 1e9
	return sec<<32 | frac
}

// header is a time message: leap 0, version 4, the mode, then the
// fields in wire order.
func header(mode, stratum byte, poll, precision int8, delay, disp uint32, refID [4]byte, ref, org, rec, xmt uint64) []byte {
	b := []byte{4<<3 | mode, stratum, byte(poll), byte(precision)}
	b = binary.BigEndian.AppendUint32(b, delay)
	b = binary.BigEndian.AppendUint32(b, disp)
	b = append(b, refID[:]...)
	for _, ts := range []uint64{ref, org, rec, xmt} {
		b = binary.BigEndian.AppendUint64(b, ts)
	}
	return b
}

// timeRequest is an SNTP client's request: only the transmit time set.
func timeRequest() []byte {
	return header(3, 0, 6, -20, 0, 0, [4]byte{}, 0, 0, 0, ntpTime(time.Now()))
}

// readVariables is ntpq's "rv": a version 2 control message, opcode 2,
// for the system (association 0).
func readVariables(seq uint16) []byte {
	b := []byte{2<<3 | 6, 2}
	for _, v := range []uint16{seq, 0, 0, 0, 0} {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	return b
}

// serve answers until the socket closes: the n-th time request with the
// n-th kind of reply, control requests with a variable list.
func serve(c *net.UDPConn) {
	buf := make([]byte, 1500)
	n := 0
	for {
		size, from, err := c.ReadFromUDPAddrPort(buf)
		if err != nil {
			return
		}
		req := buf[:size]
		reply, err := answer(req, n)
		if err != nil {
			continue
		}
		if req[0]&7 == 3 {
			n++
		}
		c.WriteToUDPAddrPort(reply, from)
	}
}

func answer(req []byte, n int) ([]byte, error) {
	if len(req) < 12 {
		return nil, errors.New("short")
	}
	switch req[0] & 7 {
	case 3:
		if len(req) < 48 {
			return nil, errors.New("short")
		}
		org := binary.BigEndian.Uint64(req[40:])
		now := ntpTime(time.Now())
		set := ntpTime(time.Now().Add(-17 * time.Minute))
		switch n {
		case 0:
			return header(4, 2, 6, -23, 0x00000a3d, 0x00001a2b, [4]byte{192, 0, 2, 254}, set, org, now, now), nil
		case 1:
			return header(4, 1, 4, -25, 0, 0x00000010, [4]byte{'G', 'P', 'S', 0}, set, org, now, now), nil
		default:
			return header(4, 0, 6, -20, 0, 0, [4]byte{'R', 'A', 'T', 'E'}, 0, org, 0, 0), nil
		}
	case 6:
		data := `version="gobro test ntpd", stratum=2, refid=192.0.2.254`
		b := []byte{req[0], 0x80 | req[1]&0x1f}
		for _, v := range []uint16{binary.BigEndian.Uint16(req[2:]), 0x0618, 0, 0, uint16(len(data))} {
			b = binary.BigEndian.AppendUint16(b, v)
		}
		b = append(b, data...)
		for len(b)%4 != 0 {
			b = append(b, 0) // responses are padded to 32 bits
		}
		return b, nil
	}
	return nil, fmt.Errorf("mode %d", req[0]&7)
}
