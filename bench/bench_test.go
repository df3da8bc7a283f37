package bench

import (
	"io"
	"strings"
	"testing"
)

// checksum normalises a program's output: Zeek separates printed values with
// ", ", Starlark with " " and Lua with tabs.
func checksum(out string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(out, ",", " ")), " ")
}

// TestChecksums runs every program once on every engine and checks that all
// three print the same checksum, twice in a row (a loaded program is run
// again by the benchmarks, so a second run must start from a clean state).
func TestChecksums(t *testing.T) {
	for _, row := range Rows {
		t.Run(row.Name, func(t *testing.T) {
			var want string
			for _, eng := range Engines {
				r, err := Load(eng, row.Name)
				if err != nil {
					t.Fatalf("%s: %v", eng, err)
				}
				for run := 1; run <= 2; run++ {
					var out strings.Builder
					if err := r.Run(&out); err != nil {
						t.Fatalf("%s run %d: %v", eng, run, err)
					}
					got := checksum(out.String())
					if got == "" {
						t.Fatalf("%s run %d printed nothing", eng, run)
					}
					if want == "" {
						want = got
						t.Logf("checksum %s", want)
					} else if got != want {
						t.Errorf("%s run %d: checksum %q, want %q (gobro's)", eng, run, got, want)
					}
				}
				r.Close()
			}
		})
	}
}

func bench(b *testing.B, name string) {
	for _, eng := range Engines {
		b.Run(eng, func(b *testing.B) {
			r, err := Load(eng, name)
			if err != nil {
				b.Fatal(err)
			}
			defer r.Close()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := r.Run(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFib(b *testing.B)     { bench(b, "fib") }
func BenchmarkLoop(b *testing.B)    { bench(b, "loop") }
func BenchmarkStrings(b *testing.B) { bench(b, "strings") }
func BenchmarkTable(b *testing.B)   { bench(b, "table") }
func BenchmarkRecord(b *testing.B)  { bench(b, "record") }
func BenchmarkEvents(b *testing.B)  { bench(b, "events") }
