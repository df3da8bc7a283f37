package net

import (
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkReadDecodeEcho reads (gunzips) and decodes echo-connections.pcap.gz,
// the largest trace: 82,582 packets, 6.8 MB uncompressed.
func BenchmarkReadDecodeEcho(b *testing.B) {
	dir := findTraces()
	if dir == "" {
		b.Skip("shared/traces not found")
	}
	path := filepath.Join(dir, "echo-connections.pcap.gz")
	d := NewDecoder()
	var rp RawPacket
	var pkts, bytes int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		for {
			if err := s.Next(&rp); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
			d.Decode(&rp)
			pkts++
			bytes += rp.CapLen + 16 // record header + data, as in the file
		}
		s.Close()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(pkts)/sec, "pkts/s")
	b.ReportMetric(float64(bytes)/sec/1e6, "MB/s")
}
