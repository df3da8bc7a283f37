package flow

import (
	"bytes"
	"runtime"
	"testing"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/pcapgen"
)

// BenchmarkTracker measures the connection tracker alone on 100,000 short
// TCP connections (10 packets each), all still tracked at the end: its
// packet rate (decoding included) and the memory it holds per tracked
// connection (Conn with its endpoints, table entry, timers, history).
// The engine's script records come on top (BenchmarkEngineConnLog in
// runtime/engine).
func BenchmarkTracker(b *testing.B) {
	const conns = 100_000
	data, packets, _ := pcapgen.ShortConns(conns)
	var perConn float64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		src, err := gnet.NewSource(bytes.NewReader(data), "bench")
		if err != nil {
			b.Fatal(err)
		}
		dec := gnet.NewDecoder()
		tr := NewTracker(DefaultConfig())
		before := heapInUse()
		b.StartTimer()
		var raw gnet.RawPacket
		for src.Next(&raw) == nil {
			tr.Process(dec.Decode(&raw))
		}
		b.StopTimer()
		if tr.Len() != conns {
			b.Fatalf("%d connections tracked, want %d", tr.Len(), conns)
		}
		perConn = float64(heapInUse()-before) / conns
		runtime.KeepAlive(tr)
		b.StartTimer()
	}
	b.ReportMetric(float64(packets)*float64(b.N)/b.Elapsed().Seconds(), "pkts/s")
	b.ReportMetric(perConn, "B/conn")
}

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
