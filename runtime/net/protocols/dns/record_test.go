package dns_test

import (
	"encoding/binary"
	"io"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/gobro/gobro/runtime/net/live/record"
)

const exchangeTrace = "../../../../testdata/pcap/dns-exchange.pcap"

// The zone the test server answers for.
var (
	webA   = [4]byte{192, 0, 2, 80}
	hostV6 = netip.MustParseAddr("2001:db8::80").As16()
)

// TestRecordExchange records testdata/pcap/dns-exchange.pcap (run with
// -record, as root): a client in A asks a server in B, over UDP, for a
// name behind a chain of two CNAMEs, an AAAA record, an MX record, a TXT
// record of two strings and a name that does not exist, and once more
// over TCP. Client ports are fixed so a new recording differs from the
// committed one only in its timing.
func TestRecordExchange(t *testing.T) {
	record.Trace(t, exchangeTrace, func(p *record.Pair) error {
		var udp *net.UDPConn
		var tcp *net.TCPListener
		srv := netip.AddrPortFrom(record.IPB, 53)
		if err := p.InB(func() (err error) {
			if udp, err = net.ListenUDP("udp4", net.UDPAddrFromAddrPort(srv)); err != nil {
				return err
			}
			tcp, err = net.ListenTCP("tcp4", net.TCPAddrFromAddrPort(srv))
			return err
		}); err != nil {
			return err
		}
		defer udp.Close()
		defer tcp.Close()
		go serveUDP(udp)
		go serveTCP(tcp)

		queries := []struct {
			name  string
			qtype dnsmessage.Type
		}{
			{"www.test.", dnsmessage.TypeA},
			{"host.test.", dnsmessage.TypeAAAA},
			{"test.", dnsmessage.TypeMX},
			{"test.", dnsmessage.TypeTXT},
			{"nx.test.", dnsmessage.TypeA},
		}
		for i, q := range queries {
			if err := p.InA(func() error {
				return askUDP(uint16(40001+i), srv, uint16(0x1000+i), q.name, q.qtype)
			}); err != nil {
				return err
			}
		}
		return p.InA(func() error { return askTCP(srv, 0x2000, "www.test.", dnsmessage.TypeA) })
	})
}

func query(id uint16, name string, qtype dnsmessage.Type) []byte {
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: id, RecursionDesired: true})
	b.StartQuestions()
	b.Question(dnsmessage.Question{Name: dnsmessage.MustNewName(name), Type: qtype, Class: dnsmessage.ClassINET})
	msg, _ := b.Finish()
	return msg
}

func askUDP(port uint16, srv netip.AddrPort, id uint16, name string, qtype dnsmessage.Type) error {
	c, err := net.DialUDP("udp4", net.UDPAddrFromAddrPort(netip.AddrPortFrom(record.IPA, port)), net.UDPAddrFromAddrPort(srv))
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.Write(query(id, name, qtype)); err != nil {
		return err
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err = c.Read(make([]byte, 1500))
	return err
}

func askTCP(srv netip.AddrPort, id uint16, name string, qtype dnsmessage.Type) error {
	c, err := net.DialTCP("tcp4", nil, net.TCPAddrFromAddrPort(srv))
	if err != nil {
		return err
	}
	defer c.Close()
	q := query(id, name, qtype)
	if _, err := c.Write(binary.BigEndian.AppendUint16(nil, uint16(len(q)))); err != nil {
		return err
	}
	if _, err := c.Write(q); err != nil {
		return err
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	var n [2]byte
	if _, err := io.ReadFull(c, n[:]); err != nil {
		return err
	}
	_, err = io.ReadFull(c, make([]byte, binary.BigEndian.Uint16(n[:])))
	return err
}

func serveUDP(c *net.UDPConn) {
	buf := make([]byte, 1500)
	for {
		n, from, err := c.ReadFromUDPAddrPort(buf)
		if err != nil {
			return
		}
		if r := answer(buf[:n]); r != nil {
			c.WriteToUDPAddrPort(r, from)
		}
	}
}

func serveTCP(l *net.TCPListener) {
	for {
		c, err := l.AcceptTCP()
		if err != nil {
			return
		}
		var n [2]byte
		if _, err := io.ReadFull(c, n[:]); err == nil {
			q := make([]byte, binary.BigEndian.Uint16(n[:]))
			if _, err := io.ReadFull(c, q); err == nil {
				if r := answer(q); r != nil {
					c.Write(append(binary.BigEndian.AppendUint16(nil, uint16(len(r))), r...))
				}
			}
		}
		c.Close()
	}
}

// answer is the test zone's reply to a query (nil for garbage).
func answer(q []byte) []byte {
	var p dnsmessage.Parser
	h, err := p.Start(q)
	if err != nil {
		return nil
	}
	qs, err := p.AllQuestions()
	if err != nil || len(qs) != 1 {
		return nil
	}
	question := qs[0]
	rh := dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired}
	name := func(s string) dnsmessage.Name { return dnsmessage.MustNewName(s) }
	hdr := func(n string, typ dnsmessage.Type) dnsmessage.ResourceHeader {
		return dnsmessage.ResourceHeader{Name: name(n), Type: typ, Class: dnsmessage.ClassINET, TTL: 300}
	}
	qname := strings.ToLower(question.Name.String())
	if qname == "nx.test." {
		rh.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, rh)
	b.EnableCompression()
	b.StartQuestions()
	b.Question(question)
	b.StartAnswers()
	switch {
	case qname == "www.test." && question.Type == dnsmessage.TypeA:
		b.CNAMEResource(hdr("www.test.", dnsmessage.TypeCNAME), dnsmessage.CNAMEResource{CNAME: name("web.test.")})
		b.CNAMEResource(hdr("web.test.", dnsmessage.TypeCNAME), dnsmessage.CNAMEResource{CNAME: name("host.test.")})
		b.AResource(hdr("host.test.", dnsmessage.TypeA), dnsmessage.AResource{A: webA})
	case qname == "host.test." && question.Type == dnsmessage.TypeAAAA:
		b.AAAAResource(hdr("host.test.", dnsmessage.TypeAAAA), dnsmessage.AAAAResource{AAAA: hostV6})
	case qname == "test." && question.Type == dnsmessage.TypeMX:
		b.MXResource(hdr("test.", dnsmessage.TypeMX), dnsmessage.MXResource{Pref: 10, MX: name("mail.test.")})
	case qname == "test." && question.Type == dnsmessage.TypeTXT:
		b.TXTResource(hdr("test.", dnsmessage.TypeTXT), dnsmessage.TXTResource{TXT: []string{"v=spf1 -all", "second string"}})
	case qname == "nx.test.":
		b.StartAuthorities()
		b.SOAResource(hdr("test.", dnsmessage.TypeSOA), dnsmessage.SOAResource{NS: name("ns.test."), MBox: name("admin.test."),
			Serial: 1, Refresh: 3600, Retry: 600, Expire: 86400, MinTTL: 60})
	}
	r, _ := b.Finish()
	return r
}
