package engine_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
	"github.com/gobro/gobro/runtime/engine"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/pcapgen"
	"github.com/gobro/gobro/runtime/net/uid"
)

// benchTrace is a trace held in memory (uncompressed pcap) with its
// packet count and frame bytes.
type benchTrace struct {
	data         []byte
	pkts, frames int
}

var (
	synthOnce  sync.Once
	synthTrace benchTrace
	mixedOnce  sync.Once
	mixedTrace benchTrace
	sharedMu   sync.Mutex
	shared     = map[string]*benchTrace{}
)

// synthConns × 10 packets ≥ 1 M packets: each connection a handshake, a
// request and a response (each acknowledged) and a FIN close.
const synthConns = 100_001

// synthetic generates the connection-heavy synthetic trace once: many
// short TCP connections from distinct clients, 1 µs between packets, so
// the whole trace spans about a second and every connection is still
// tracked when the input ends (the close delay is 5 s).
func synthetic(b *testing.B) *benchTrace {
	synthOnce.Do(func() {
		data, pkts, frames := pcapgen.ShortConns(synthConns)
		synthTrace = benchTrace{data: data, pkts: pkts, frames: frames}
	})
	return &synthTrace
}

// mixed generates the synthetic trace with a mix of connection sizes
// (pcapgen.MixedConns), ≥ 1 M packets.
func mixed(b *testing.B) *benchTrace {
	mixedOnce.Do(func() {
		data, pkts, frames := pcapgen.MixedConns(1_000_000)
		mixedTrace = benchTrace{data: data, pkts: pkts, frames: frames}
	})
	return &mixedTrace
}

// sharedTraces are the larger traces of ../shared/traces the benchmarks
// run on, by name.
var sharedTraces = []string{"echo-connections.pcap.gz", "http-no_crlf.pcap", "ssh-ssh.pcap"}

// traceFile loads one of ../shared/traces into memory (uncompressed), or
// skips when the traces are absent.
func traceFile(b *testing.B, name string) *benchTrace {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if t, ok := shared[name]; ok {
		return t
	}
	for _, d := range []string{os.Getenv("GOBRO_TRACES"), "../../../shared/traces", "/work/shared/traces"} {
		if d == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(d, name))
		if err != nil {
			continue
		}
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				b.Fatal(err)
			}
		}
		t := &benchTrace{data: data}
		t.pkts, t.frames = count(data)
		shared[name] = t
		return t
	}
	b.Skipf("%s not found (set GOBRO_TRACES)", name)
	return nil
}

// benchCase is one trace both benchmarks run on, by sub-benchmark name.
type benchCase struct {
	name  string
	trace func(*testing.B) *benchTrace
}

// benchTraces are the larger shared traces, then the two synthetic ones.
func benchTraces() []benchCase {
	var cs []benchCase
	for _, f := range sharedTraces {
		f := f
		cs = append(cs, benchCase{strings.SplitN(f, ".", 2)[0], func(b *testing.B) *benchTrace { return traceFile(b, f) }})
	}
	return append(cs, benchCase{"synthetic-mixed", mixed}, benchCase{"synthetic-short", synthetic})
}

// count reads a trace's packets and frame bytes.
func count(data []byte) (pkts, frames int) {
	src, err := gnet.NewSource(bytes.NewReader(data), "bench")
	if err != nil {
		panic(err)
	}
	var raw gnet.RawPacket
	for src.Next(&raw) == nil {
		pkts++
		frames += raw.CapLen
	}
	return
}

func report(b *testing.B, t *benchTrace) {
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(t.pkts)*float64(b.N)/sec, "pkts/s")
	b.ReportMetric(float64(t.frames)*8*float64(b.N)/sec/1e6, "Mbit/s")
}

// BenchmarkReadDecode is the floor: reading the in-memory pcap and
// decoding every packet, no tracking and no scripts.
func BenchmarkReadDecode(b *testing.B) {
	for _, tc := range benchTraces() {
		b.Run(tc.name, func(b *testing.B) {
			t := tc.trace(b)
			d := gnet.NewDecoder()
			var raw gnet.RawPacket
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				src, err := gnet.NewSource(bytes.NewReader(t.data), "bench")
				if err != nil {
					b.Fatal(err)
				}
				for {
					if err := src.Next(&raw); err != nil {
						if !errors.Is(err, io.EOF) {
							b.Fatal(err)
						}
						break
					}
					d.Decode(&raw)
				}
			}
			report(b, t)
		})
	}
}

// eofReader calls atEOF once, when the source first reads past the end
// of the trace: by then (but for a read buffer's worth) every packet has
// been processed and no connection has been flushed yet.
type eofReader struct {
	r     io.Reader
	atEOF func()
}

func (e *eofReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF && e.atEOF != nil {
		e.atEOF()
		e.atEOF = nil
	}
	return n, err
}

func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkEngineConnLog is the whole engine writing conn.log (zeek -b
// -r trace base/protocols/conn), in a temp dir. Script loading is outside
// the timer. B/conn is the live heap's growth from before the packets to
// the end of the input, per connection created: for the synthetic trace,
// where every connection is still tracked at the end, the memory per
// tracked connection (tracker, connection record, conn log state).
func BenchmarkEngineConnLog(b *testing.B) {
	for _, tc := range benchTraces() {
		b.Run(tc.name, func(b *testing.B) {
			t := tc.trace(b)
			b.Setenv("TZ", "UTC")
			b.Chdir(b.TempDir())
			var perConn float64
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(os.Getenv), Bare: true, Scripts: []string{"base/protocols/conn"}})
				if res.Diags.HasErrors() {
					b.Fatal("loading base/protocols/conn failed")
				}
				var peak uint64
				in := &eofReader{r: bytes.NewReader(t.data)}
				if i == 0 {
					in.atEOF = func() { b.StopTimer(); peak = heapAlloc(); b.StartTimer() }
				}
				src, err := gnet.NewSource(in, "bench")
				if err != nil {
					b.Fatal(err)
				}
				var stdout, stderr strings.Builder
				eng := engine.New(res.Program, &stdout, &stderr)
				eng.SetPacketInput(engine.PacketInput{Source: src, UIDs: uid.NewDeterministic()})
				base := heapAlloc()
				b.StartTimer()
				if code := eng.Run(); code != 0 {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				if i == 0 {
					st := eng.PacketStats()
					if st.Packets != t.pkts {
						b.Fatalf("engine read %d packets, trace has %d", st.Packets, t.pkts)
					}
					perConn = (float64(peak) - float64(base)) / float64(st.Connections)
					b.Logf("%s: %d packets, %d connections, %.1f MB frames", tc.name, st.Packets, st.Connections, float64(t.frames)/1e6)
				}
			}
			report(b, t)
			b.ReportMetric(perConn, "B/conn")
		})
	}
}
