package input

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// writeIntel writes an intel file of n indicators as Zeek's intel
// framework reads them: indicator, indicator_type, meta.source, meta.desc.
func writeIntel(tb testing.TB, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\n")
	for i := range n {
		switch i % 3 {
		case 0:
			fmt.Fprintf(w, "10.%d.%d.%d\tIntel::ADDR\tfeed-%d\tscanner seen on %d ports\n", i>>16&255, i>>8&255, i&255, i%7, i%1000)
		case 1:
			fmt.Fprintf(w, "host%d.bad-domain.example\tIntel::DOMAIN\tfeed-%d\tphishing\\x09kit\n", i, i%7)
		default:
			fmt.Fprintf(w, "http://host%d.example/path/%d\tIntel::URL\tfeed-%d\t-\n", i, i, i%7)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReadIntel reads a 1M-line intel file and reports lines/s and
// allocations per line; BenchmarkReadIntel/build also builds each row's
// Intel::Item record, as an event stream would.
func BenchmarkReadIntel(b *testing.B) {
	const n = 1_000_000
	path := filepath.Join(b.TempDir(), "intel.dat")
	writeIntel(b, path, n)
	rt := intelItem()
	cols := Columns(rt)
	o := DefaultOptions()
	for _, build := range []bool{false, true} {
		name := "read"
		if build {
			name = "build"
		}
		b.Run(name, func(b *testing.B) {
			var ms0, ms1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms0)
			b.ResetTimer()
			for range b.N {
				rows, probs := Read(path, cols, o)
				if len(rows) != n || len(probs) != 0 {
					b.Fatalf("%d rows, %d problems", len(rows), len(probs))
				}
				if build {
					for _, r := range rows {
						Build(rt, cols, r)
					}
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&ms1)
			lines := float64(n) * float64(b.N)
			b.ReportMetric(lines/b.Elapsed().Seconds(), "lines/s")
			b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/lines, "allocs/line")
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/lines, "B/line")
		})
	}
}
