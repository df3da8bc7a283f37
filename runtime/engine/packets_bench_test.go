package engine_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

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
	sharedMu sync.Mutex
	shared   = map[string]*benchTrace{}
)

// generated is a synthetic bench trace, made by gen on first use.
func generated(gen func() (trace []byte, packets, frameBytes int)) func(*testing.B) *benchTrace {
	once := sync.OnceValue(func() *benchTrace {
		data, pkts, frames := gen()
		return &benchTrace{data: data, pkts: pkts, frames: frames}
	})
	return func(*testing.B) *benchTrace { return once() }
}

// synthConns × 10 packets ≥ 1 M packets: each connection a handshake, a
// request and a response (each acknowledged) and a FIN close.
const synthConns = 100_001

var (
	// synthetic is the connection-heavy trace: many short TCP
	// connections from distinct clients, 1 µs between packets, so the
	// whole trace spans about a second and every connection is still
	// tracked when the input ends (the close delay is 5 s).
	synthetic = generated(func() ([]byte, int, int) { return pcapgen.ShortConns(synthConns) })
	// mixed has a mix of connection sizes (pcapgen.MixedConns), ≥ 1 M
	// packets.
	mixed = generated(func() ([]byte, int, int) { return pcapgen.MixedConns(1_000_000) })
	// idle is 100,000 idle TCP connections to the HTTP port
	// (pcapgen.IdleConns), all still open at the end: the load the
	// memory target per idle connection is measured on.
	idle = generated(func() ([]byte, int, int) { return pcapgen.IdleConns(100_000) })
	// bulk is 2,000 HTTP transfers of 290 kB each (pcapgen.BulkConns),
	// 820,000 packets: the large-stream load.
	bulk = generated(func() ([]byte, int, int) { return pcapgen.BulkConns(2000) })
)

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

// benchTraces are the larger shared traces, then the synthetic ones.
func benchTraces() []benchCase {
	var cs []benchCase
	for _, f := range sharedTraces {
		f := f
		cs = append(cs, benchCase{strings.SplitN(f, ".", 2)[0], func(b *testing.B) *benchTrace { return traceFile(b, f) }})
	}
	return append(cs, benchCase{"synthetic-mixed", mixed}, benchCase{"synthetic-short", synthetic},
		benchCase{"synthetic-idle", idle}, benchCase{"synthetic-bulk", bulk})
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
				if err := readDecode(t, d, &raw); err != nil {
					b.Fatal(err)
				}
			}
			report(b, t)
		})
	}
}

// readDecode reads the in-memory trace and decodes every packet: the
// floor's work.
func readDecode(t *benchTrace, d *gnet.Decoder, raw *gnet.RawPacket) error {
	src, err := gnet.NewSource(bytes.NewReader(t.data), "bench")
	if err != nil {
		return err
	}
	for {
		if err := src.Next(raw); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		d.Decode(raw)
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

// floorRates caches each trace's read+decode rate (packets/s), the
// floor the engine benchmarks are measured against.
var (
	floorMu    sync.Mutex
	floorRates = map[*benchTrace]float64{}
)

// floorRate is the best of three read+decode passes over the trace, in
// packets/s: what BenchmarkReadDecode measures, so the engine can be
// reported as a share of it.
func floorRate(t *benchTrace) float64 {
	floorMu.Lock()
	defer floorMu.Unlock()
	if r, ok := floorRates[t]; ok {
		return r
	}
	best := 0.0
	d := gnet.NewDecoder()
	var raw gnet.RawPacket
	for pass := 0; pass < 3; pass++ {
		start := time.Now()
		if err := readDecode(t, d, &raw); err != nil {
			panic(err)
		}
		if r := float64(t.pkts) / time.Since(start).Seconds(); r > best {
			best = r
		}
	}
	floorRates[t] = best
	return best
}

// BenchmarkEngineConnLog is the whole engine writing conn.log (zeek -b
// -r trace base/protocols/conn), in a temp dir.
func BenchmarkEngineConnLog(b *testing.B) {
	benchEngine(b, &frontend.Config{Bare: true, Scripts: []string{"base/protocols/conn"}})
}

// BenchmarkEngineDefault is the engine with the default policy (zeek -r
// trace: base/init-default, every base protocol, files, notices), the
// load the targets name: a share of the read+decode floor and
// memory per connection.
func BenchmarkEngineDefault(b *testing.B) {
	benchEngine(b, &frontend.Config{})
}

// benchEngine runs the engine on every bench trace with the scripts of
// cfg, in a temp dir. Script loading is outside the timer. It reports
// packets/s, the share of the trace's read+decode floor (%floor), and
// B/conn: the live heap's growth from before the packets to the end of
// the input, per connection created. For the synthetic traces, where
// every connection is still tracked at the end, that is the memory per
// tracked connection (tracker, analysers, connection record, script
// state).
func benchEngine(b *testing.B, cfg *frontend.Config) {
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
				c := *cfg
				c.SearchPath = load.SearchPath(os.Getenv)
				res := frontend.Load(&c)
				if res.Diags.HasErrors() {
					b.Fatalf("loading the policy failed: %v", res.Diags)
				}
				var peak uint64
				in := &eofReader{r: bytes.NewReader(t.data)}
				if i == 0 {
					in.atEOF = func() {
						b.StopTimer()
						peak = heapAlloc()
						writeHeapProfile(b, tc.name)
						b.StartTimer()
					}
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
			sec := b.Elapsed().Seconds()
			b.StopTimer()
			b.ReportMetric(100*float64(t.pkts)*float64(b.N)/sec/floorRate(t), "%floor")
			b.ReportMetric(perConn, "B/conn")
		})
	}
}

// writeHeapProfile writes the live heap at the end of the input to
// $GOBRO_EOF_HEAPPROFILE-<trace> when that is set: what is held per
// connection, for pprof -sample_index=inuse_space.
func writeHeapProfile(b *testing.B, trace string) {
	prefix := os.Getenv("GOBRO_EOF_HEAPPROFILE")
	if prefix == "" {
		return
	}
	f, err := os.Create(prefix + "-" + trace)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}
