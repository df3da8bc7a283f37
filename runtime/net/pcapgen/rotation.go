package pcapgen

import (
	"fmt"
	"net/netip"
	"time"
)

// RotationStart is the first packet time of the rotation trace
// (2024-01-01 00:00:10 UTC).
var RotationStart = time.Unix(1704067210, 0).UTC()

// Rotation describes testdata/pcap/rotation.pcap, the trace of the log
// rotation tests: it has to span several minutes, so it is one lone UDP
// datagram every 30 seconds for four and a half minutes (ten in all),
// each from a source port of its own.
func Rotation() []Conversation {
	var convs []Conversation
	for i := 0; i < 10; i++ {
		if i > 0 {
			convs = append(convs, Pause(30*time.Second-DefaultGap))
		}
		convs = append(convs, UDP{
			Orig:     netip.AddrPortFrom(netip.MustParseAddr("10.0.0.2"), uint16(40000+i)),
			Resp:     netip.MustParseAddrPort("192.0.2.53:5353"),
			Messages: []Message{Req(fmt.Sprintf("tick %d", i))},
		})
	}
	return convs
}

// RotationBytes is the rotation trace as written.
func RotationBytes() []byte { return traceBytes(RotationStart, Rotation()) }
