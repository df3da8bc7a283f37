package pcapgen

import (
	"net/netip"
	"time"
)

// IntelDaysStart is the first packet time of the intel expiry trace.
var IntelDaysStart = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)

// IntelDays describes testdata/pcap/intel-days.pcap, for the intel
// expiry tests (testdata/run/intel-policy-*expire*.zeek): on four days,
// 25 hours apart, 10.0.0.2 looks up example.com (DNS A, as in the sample
// trace), fetches http://example.com/ from 192.0.2.80, and 192.0.2.80
// connects back to 10.0.0.2 port 22.
func IntelDays() []Conversation {
	client := netip.MustParseAddr("10.0.0.2")
	server := netip.MustParseAddr("192.0.2.80")
	var convs []Conversation
	for day := range 4 {
		convs = append(convs,
			UDP{Orig: netip.AddrPortFrom(client, uint16(53001+day)), Resp: netip.MustParseAddrPort("192.0.2.53:53"),
				Messages: []Message{{Data: dnsQuery}, {FromResp: true, Data: dnsReply}}},
			Pause(time.Second),
			TCP{Orig: netip.AddrPortFrom(client, uint16(49152+day)), Resp: netip.AddrPortFrom(server, 80), Messages: []Message{
				Req("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"),
				Resp("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
			}, End: Close},
			Pause(time.Second),
			// The same two hosts the other way round.
			TCP{Orig: netip.AddrPortFrom(server, uint16(40000+day)), Resp: netip.AddrPortFrom(client, 22), End: Close},
			Pause(25*time.Hour),
		)
	}
	return convs
}

// IntelDaysBytes is the intel expiry trace as written.
func IntelDaysBytes() []byte { return traceBytes(IntelDaysStart, IntelDays()) }
