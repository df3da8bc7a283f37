package engine_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/runtime/engine"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// writeIntelFeed writes n mixed indicators as an intel file: 40 %
// addresses, 10 % networks, 35 % domains, 15 % URLs, from 8 sources with
// 20 descriptions (a feed's metadata repeats; its indicators do not).
func writeIntelFeed(tb testing.TB, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc")
	rng := rand.New(rand.NewSource(7))
	for i := range n {
		var ind, typ string
		switch r := rng.Intn(100); {
		case r < 40:
			ind, typ = fmt.Sprintf("%d.%d.%d.%d", rng.Intn(224), rng.Intn(256), rng.Intn(256), rng.Intn(256)), "ADDR"
		case r < 50:
			ind, typ = fmt.Sprintf("%d.%d.%d.0/24", rng.Intn(224), rng.Intn(256), rng.Intn(256)), "SUBNET"
		case r < 85:
			ind, typ = fmt.Sprintf("h%d.bad%d.example", i, rng.Intn(1000)), "DOMAIN"
		default:
			ind, typ = fmt.Sprintf("www.site%d.example/path/%d", i, rng.Intn(1000)), "URL"
		}
		fmt.Fprintf(w, "%s\tIntel::%s\tfeed%d\tcategory %d\n", ind, typ, rng.Intn(8), rng.Intn(20))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

// BenchmarkIntelLoad1M reads 1 M indicators from a file through the input
// framework and base/frameworks/intel (Intel::read_files, read_entry,
// Intel::insert), as a deployment loads its feeds. B/indicator is the
// live heap the loaded engine holds over an empty one, per indicator;
// peak-RSS-MB is the test process's high-water mark.
func BenchmarkIntelLoad1M(b *testing.B) {
	const n = 1_000_000
	dir := b.TempDir()
	b.Chdir(dir)
	writeIntelFeed(b, filepath.Join(dir, "feed.dat"), n)
	os.WriteFile("load.zeek", []byte(`@load base/frameworks/intel
redef Intel::read_files += { "feed.dat" };
event Input::end_of_data(name: string, source: string) { print Intel::__size(); terminate(); }
`), 0o644)
	var perInd float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		res := frontend.Load(&frontend.Config{SearchPath: append([]string{"."}, load.SearchPath(os.Getenv)...), Bare: true, Scripts: []string{"./load.zeek"}})
		if res.Diags.HasErrors() {
			var sb strings.Builder
			res.Diags.Print(&sb, res.Sources())
			b.Fatal(sb.String())
		}
		var stdout, stderr strings.Builder
		eng := engine.New(res.Program, &stdout, &stderr)
		base := heapAlloc()
		b.StartTimer()
		eng.Run()
		b.StopTimer()
		if i == 0 {
			perInd = (float64(heapAlloc()) - float64(base)) / n
			if p := os.Getenv("INTEL_HEAP_PROFILE"); p != "" {
				// What the loaded engine holds, for go tool pprof.
				if f, err := os.Create(p); err == nil {
					pprof.WriteHeapProfile(f)
					f.Close()
				}
			}
			if got := strings.TrimSpace(stdout.String()); got == "" || stderr.Len() > 0 {
				b.Fatalf("stdout %q stderr %q", got, stderr.String())
			} else {
				b.Logf("%s indicators loaded", got)
			}
		}
		runtime.KeepAlive(eng)
		b.StartTimer()
	}
	b.ReportMetric(perInd, "B/indicator")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// peakRSSMB is the process's peak resident set (VmHWM), in MB.
func peakRSSMB() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			var kb float64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkIntelSeenMixed is the packet throughput of the engine with
// base/protocols/conn and policy/frameworks/intel/seen on the mixed
// synthetic trace, with no indicators loaded and with 1 M (read from a
// feed in zeek_init, before the first packet): what a loaded store costs
// the lookups every connection and name makes. The timer runs from the
// engine's first read of a packet after the header to the end of Run, so
// the feed's loading is left out.
func BenchmarkIntelSeenMixed(b *testing.B) {
	for _, indicators := range []int{0, 1_000_000} {
		name := "none"
		if indicators > 0 {
			name = "1M"
		}
		b.Run(name, func(b *testing.B) {
			t := mixed(b)
			b.Setenv("TZ", "UTC")
			dir := b.TempDir()
			b.Chdir(dir)
			script := "@load base/protocols/conn\n@load base/frameworks/intel\n@load policy/frameworks/intel/seen\n"
			if indicators > 0 {
				writeIntelFeed(b, filepath.Join(dir, "feed.dat"), indicators)
				script += "redef Intel::read_files += { \"feed.dat\" };\n" +
					"event Input::end_of_data(name: string, source: string) { print Intel::__size(); }\n"
			}
			os.WriteFile("seen.zeek", []byte(script), 0o644)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				res := frontend.Load(&frontend.Config{SearchPath: append([]string{"."}, load.SearchPath(os.Getenv)...), Bare: true, Scripts: []string{"./seen.zeek"}})
				if res.Diags.HasErrors() {
					var sb strings.Builder
					res.Diags.Print(&sb, res.Sources())
					b.Fatal(sb.String())
				}
				in := &firstRead{r: bytes.NewReader(t.data)}
				src, err := gnet.NewSource(in, "bench")
				if err != nil {
					b.Fatal(err)
				}
				in.onFirst = b.StartTimer
				var stdout, stderr strings.Builder
				eng := engine.New(res.Program, &stdout, &stderr)
				eng.SetPacketInput(engine.PacketInput{Source: src, UIDs: uid.NewDeterministic()})
				if code := eng.Run(); code != 0 {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				if i == 0 {
					if st := eng.PacketStats(); st.Packets != t.pkts {
						b.Fatalf("engine read %d packets, trace has %d", st.Packets, t.pkts)
					}
					if stderr.Len() > 0 {
						b.Fatalf("stderr: %s", stderr.String())
					}
					b.Logf("%s: %q indicators, %d packets", name, strings.TrimSpace(stdout.String()), t.pkts)
				}
				b.StopTimer()
			}
			b.StartTimer()
			report(b, t)
		})
	}
}

// firstRead calls onFirst at the first Read once it is set: the packet
// source has read the trace's header by then, and the engine asks for
// packets only after zeek_init and what it queued have run.
type firstRead struct {
	r       io.Reader
	onFirst func()
}

func (f *firstRead) Read(p []byte) (int, error) {
	if f.onFirst != nil {
		f.onFirst()
		f.onFirst = nil
	}
	return f.r.Read(p)
}
