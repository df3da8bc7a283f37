package pcapgen_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/pcapgen"
)

var update = flag.Bool("update", false, "rewrite the bundled traces in testdata/pcap")

// TestBundledReproducible regenerates the bundled traces and checks they
// are byte-identical to the committed files (go test -update rewrites
// them).
func TestBundledReproducible(t *testing.T) {
	for name, gen := range map[string]func() []byte{
		"sample.pcap":      pcapgen.SampleBytes,
		"rotation.pcap":    pcapgen.RotationBytes,
		"events-tcp.pcap":  pcapgen.EventsTCPBytes,
		"events-udp.pcap":  pcapgen.EventsUDPBytes,
		"events-icmp.pcap": pcapgen.EventsICMPBytes,
		"intel-days.pcap":  pcapgen.IntelDaysBytes,
		"smtp-mail.pcap":   pcapgen.SMTPMailBytes,
	} {
		path := filepath.Join("..", "..", "..", "testdata", "pcap", name)
		got := gen()
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s is not what pcapgen generates (%d vs %d bytes); run go test ./runtime/net/pcapgen -update", path, len(want), len(got))
		}
		if again := gen(); !bytes.Equal(got, again) {
			t.Fatalf("%s: two generations differ", name)
		}
	}
}

// decodeAll reads a trace back with gobro's own decoder.
func decodeAll(t *testing.T, data []byte) []gnet.Packet {
	t.Helper()
	src, err := gnet.NewSource(bytes.NewReader(data), "gen")
	if err != nil {
		t.Fatal(err)
	}
	d := gnet.NewDecoder()
	var raw gnet.RawPacket
	var out []gnet.Packet
	for {
		if err := src.Next(&raw); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			return out
		}
		out = append(out, *d.Decode(&raw))
	}
}

func TestRotationSpansMinutes(t *testing.T) {
	src, err := gnet.NewSource(bytes.NewReader(pcapgen.RotationBytes()), "gen")
	if err != nil {
		t.Fatal(err)
	}
	var raw gnet.RawPacket
	var times []time.Time
	for src.Next(&raw) == nil {
		times = append(times, raw.Timestamp)
	}
	if len(times) != 10 || !times[0].Equal(pcapgen.RotationStart) || times[9].Sub(times[0]) != 270*time.Second {
		t.Fatalf("packet times %v", times)
	}
}

func TestSampleDecodes(t *testing.T) {
	pkts := decodeAll(t, pcapgen.SampleBytes())
	// TCP: 3 handshake + 4×(data+ack) + 3 close; reject: 2; UDP 4; ICMP 2; UDP 1.
	if want := 3 + 8 + 3 + 2 + 4 + 2 + 1; len(pkts) != want {
		t.Fatalf("%d packets, want %d", len(pkts), want)
	}
	for i, p := range pkts {
		if p.IPVersion != 4 || !p.HasTransport {
			t.Errorf("packet %d: not a decoded IPv4 transport packet: %+v", i, p)
		}
	}
}

func TestIPv6AndTiming(t *testing.T) {
	var b bytes.Buffer
	start := time.Unix(1000, 0)
	err := pcapgen.Write(&b, start,
		pcapgen.TCP{Orig: netip.MustParseAddrPort("[2001:db8::1]:1234"), Resp: netip.MustParseAddrPort("[2001:db8::2]:22"),
			Messages: []pcapgen.Message{pcapgen.Req("x")}, End: pcapgen.ResetOrig, Gap: time.Millisecond},
		pcapgen.ICMPEcho{Orig: netip.MustParseAddr("2001:db8::1"), Resp: netip.MustParseAddr("2001:db8::2"), ID: 1, Seq: 2, Data: []byte("p")})
	if err != nil {
		t.Fatal(err)
	}
	pkts := decodeAll(t, b.Bytes())
	if len(pkts) != 3+2+1+2 {
		t.Fatalf("%d packets", len(pkts))
	}
	for i, p := range pkts {
		if p.IPVersion != 6 || !p.HasTransport {
			t.Errorf("packet %d: not a decoded IPv6 transport packet: %+v", i, p)
		}
	}
	if err := pcapgen.Write(&b, start, pcapgen.UDP{Orig: netip.MustParseAddrPort("10.0.0.1:1"), Resp: netip.MustParseAddrPort("[::1]:2"), Messages: []pcapgen.Message{pcapgen.Req("x")}}); err == nil {
		t.Error("mixed address families: no error")
	}
}
