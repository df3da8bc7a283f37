package ssl_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/net/live/record"
)

const handshakesTrace = "../../../../testdata/pcap/tls-handshakes.pcap"

// TestRecordHandshakes records testdata/pcap/tls-handshakes.pcap (run
// with -record, as root): crypto/tls clients in A talk to a server in B
// on port 443 whose chain is a test CA (RSA) and its leaf (ECDSA P-256,
// for server.test and *.server.test), made afresh by the test:
//   - TLS 1.2 with SNI www.server.test and ALPN h2, http/1.1 (the server
//     picks h2), one request and answer;
//   - TLS 1.3 with SNI other.test (not in the certificate) and ALPN
//     http/1.1;
//   - TLS 1.2 by a client that does not trust the CA: it aborts the
//     handshake with a bad_certificate alert.
//
// Client ports are fixed (40001-40003), so a new recording differs from
// the committed one only in timing, keys and certificates.
func TestRecordHandshakes(t *testing.T) {
	record.Trace(t, handshakesTrace, func(p *record.Pair) error {
		chain, roots := testChain(t)
		srv := netip.AddrPortFrom(record.IPB, 443)
		l, err := p.ListenB(srv)
		if err != nil {
			return err
		}
		defer l.Close()
		go serveTLS(l, &tls.Config{Certificates: []tls.Certificate{chain}, NextProtos: []string{"h2", "http/1.1"}})

		clients := []*tls.Config{
			{ServerName: "www.server.test", RootCAs: roots, NextProtos: []string{"h2", "http/1.1"}, MaxVersion: tls.VersionTLS12},
			{ServerName: "other.test", InsecureSkipVerify: true, NextProtos: []string{"http/1.1"}, MinVersion: tls.VersionTLS13},
			{ServerName: "www.server.test", RootCAs: x509.NewCertPool(), MaxVersion: tls.VersionTLS12},
		}
		for i, cfg := range clients {
			err := p.InA(func() error { return talk(uint16(40001+i), srv, cfg) })
			if i < 2 && err != nil {
				return err
			}
			if i == 2 && err == nil {
				return errors.New("the untrusting client accepted the certificate")
			}
			time.Sleep(100 * time.Millisecond)
		}
		return nil
	})
}

// testChain makes a CA and a leaf it signs, and the pool trusting the CA.
func testChain(t *testing.T) (tls.Certificate, *x509.CertPool) {
	caKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().Truncate(time.Hour)
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(0x0c0ffee), Subject: pkix.Name{CommonName: "gobro test CA", Organization: []string{"gobro"}, Country: []string{"NL"}},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(365 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, MaxPathLen: 0, MaxPathLenZero: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{
		SerialNumber: new(big.Int).SetBytes([]byte{0xf0, 0x0d, 0xfa, 0xce, 0x01}),
		Subject:      pkix.Name{CommonName: "server.test", Organization: []string{"gobro, tests"}, OrganizationalUnit: []string{"TLS"}},
		NotBefore:    now.Add(-time.Hour), NotAfter: now.Add(90 * 24 * time.Hour),
		DNSNames: []string{"server.test", "*.server.test"}, IPAddresses: []net.IP{record.IPB.AsSlice()},
		EmailAddresses:        []string{"admin@server.test"},
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &leafKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AddCert(caCert)
	return tls.Certificate{Certificate: [][]byte{leafDER, caDER}, PrivateKey: leafKey}, roots
}

// serveTLS answers each connection's line with "pong".
func serveTLS(l net.Listener, cfg *tls.Config) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			s := tls.Server(c, cfg)
			s.SetDeadline(time.Now().Add(5 * time.Second))
			if s.Handshake() != nil {
				return
			}
			buf := make([]byte, 64)
			if _, err := s.Read(buf); err == nil {
				s.Write([]byte("pong\n"))
			}
			s.Close()
		}()
	}
}

// talk connects from port to srv, sends "ping" and reads the answer.
func talk(port uint16, srv netip.AddrPort, cfg *tls.Config) error {
	d := net.Dialer{LocalAddr: net.TCPAddrFromAddrPort(netip.AddrPortFrom(record.IPA, port)), Timeout: 5 * time.Second}
	c, err := tls.DialWithDialer(&d, "tcp4", srv.String(), cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte("ping\n")); err != nil {
		return err
	}
	_, err = io.ReadAll(c)
	return err
}
