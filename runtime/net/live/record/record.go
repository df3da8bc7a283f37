// Package record makes our own test traces from real traffic: a test
// runs clients and servers across a fresh veth pair (two network
// namespaces it creates and deletes), the packets crossing the link are
// captured with gobro's own live capture, and the trace is written as a
// pcap file to be committed under testdata/pcap with its golden logs
// (NAME.LOG.log, checked by runtime/engine's TestRecordedTraces).
//
// Traces are regenerated only on request, with the test flag -record
// (go test ./runtime/net/protocols/dns -run Record -record): real traffic
// differs from run to run (ports, timestamps, TLS randomness), so the
// golden logs are made from the committed trace, not from a new one.
package record

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"flag"
	"math/big"
	"net"
	"net/netip"
	"testing"
	"time"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/bpf"
	"github.com/gobro/gobro/runtime/net/live"
	"github.com/gobro/gobro/runtime/net/live/netnstest"
)

// Enabled is the -record test flag: write traces anew.
var Enabled = flag.Bool("record", false, "record test traces anew from real traffic (root; writes testdata)")

// Addresses of the two ends: A (usually the client) and B (the server).
var (
	IPA = netnstest.IPA
	IPB = netnstest.IPB
)

// Pair is where the traffic runs: two namespaces joined by a veth link.
// Sockets must be made inside In (A or B); they can be used from any
// goroutine afterwards.
type Pair struct{ v *netnstest.Veth }

// InA runs f with the calling thread in namespace A (192.0.2.1).
func (p *Pair) InA(f func() error) error { return netnstest.In(p.v.A, 10*time.Second, f) }

// InB runs f with the calling thread in namespace B (192.0.2.2).
func (p *Pair) InB(f func() error) error { return netnstest.In(p.v.B, 10*time.Second, f) }

// ListenB listens on TCP addr in namespace B (the server's side).
func (p *Pair) ListenB(addr netip.AddrPort) (l net.Listener, err error) {
	err = p.InB(func() (err error) {
		l, err = net.Listen("tcp4", addr.String())
		return err
	})
	return l, err
}

// ListenA listens on TCP addr in namespace A (an FTP client's data port).
func (p *Pair) ListenA(addr netip.AddrPort) (l net.Listener, err error) {
	err = p.InA(func() (err error) {
		l, err = net.Listen("tcp4", addr.String())
		return err
	})
	return l, err
}

// DialA connects from A's TCP port local (0: any) to addr. The
// connection has a 10-second deadline, so a stalled exchange fails the
// recording rather than hanging it; a caller may set another.
func (p *Pair) DialA(local int, addr netip.AddrPort) (c net.Conn, err error) {
	err = p.InA(func() (err error) {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: IPA.AsSlice(), Port: local}}
		c, err = d.Dial("tcp4", addr.String())
		return err
	})
	if err == nil {
		c.SetDeadline(time.Now().Add(10 * time.Second))
	}
	return c, err
}

// SelfSigned is a server certificate for name with a fixed serial and
// validity (2026-2036), so that a new recording differs from the
// committed one only in keys and TLS randomness.
func SelfSigned(name string, serial int64) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      pkix.Name{CommonName: name, Organization: []string{"gobro"}},
		DNSNames:     []string{name},
		NotBefore:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2036, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}

// Trace records, on A's end of a fresh pair, the IP packets of the
// traffic run makes, and writes them as a pcap file to path. It skips the
// test unless -record is given, and fails it when run fails or nothing
// was captured. Only IPv4 is kept (the pair's addresses), so ARP and the
// kernel's IPv6 chatter stay out and the trace holds only the test's own
// conversations.
func Trace(t *testing.T, path string, run func(p *Pair) error) {
	t.Helper()
	if !*Enabled {
		t.Skip("traces are recorded only with -record")
	}
	capture(t, path, run)
}

func capture(t *testing.T, path string, run func(p *Pair) error) {
	t.Helper()
	netnstest.RequireRoot(t)
	v := netnstest.NewVeth(t)
	filter, err := bpf.Compile("ip", 1 /* Ethernet */, 0)
	if err != nil {
		t.Fatal(err)
	}
	var c *live.Capture
	if err := netnstest.In(v.A, 10*time.Second, func() (err error) {
		c, err = live.Open("va", live.Options{Timeout: 100 * time.Millisecond, BufferSize: 8 << 20, Filter: filter.Instructions()})
		return err
	}); err != nil {
		t.Fatalf("capture on va: %v", err)
	}
	defer c.Close()

	type result struct {
		pkts []gnet.RawPacket
		err  error
	}
	stop := make(chan struct{})
	got := make(chan result, 1)
	go func() {
		var r result
		var p gnet.RawPacket
		stopping := false
		for {
			err := c.Next(&p)
			if errors.Is(err, gnet.ErrTimeout) {
				if stopping {
					break // quiet for one read timeout after run ended
				}
				select {
				case <-stop:
					stopping = true
				default:
				}
				continue
			}
			if err != nil {
				r.err = err
				break
			}
			q := p
			q.Data = bytes.Clone(p.Data)
			r.pkts = append(r.pkts, q)
			select {
			case <-stop:
				stopping = true
			default:
			}
		}
		got <- r
	}()

	runErr := run(&Pair{v})
	time.Sleep(300 * time.Millisecond) // the last packets' way through the ring
	close(stop)
	var r result
	select {
	case r = <-got:
	case <-time.After(30 * time.Second):
		t.Fatal("capture did not go quiet within 30s")
	}
	if runErr != nil {
		t.Fatalf("traffic: %v", runErr)
	}
	if r.err != nil {
		t.Fatalf("capture: %v", r.err)
	}
	if len(r.pkts) == 0 {
		t.Fatal("nothing captured")
	}
	d, err := gnet.CreateDumper(path, c.LinkType())
	if err != nil {
		t.Fatal(err)
	}
	for i := range r.pkts {
		if err := d.Write(&r.pkts[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d packets", path, len(r.pkts))
}
