package flow

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

func tracesDir(t *testing.T) string {
	t.Helper()
	for _, d := range []string{os.Getenv("GOBRO_TRACES"), "../../../../shared/traces", "/work/shared/traces"} {
		if d == "" {
			continue
		}
		if st, err := os.Stat(filepath.Join(d, "expected")); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("Zeek reference traces not found (set GOBRO_TRACES or provide /work/shared/traces)")
	return ""
}

type baselineRow map[string]string

func readConnLog(t *testing.T, path string) []baselineRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var fields []string
	var rows []baselineRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#fields\t") {
			fields = strings.Split(line, "\t")[1:]
			continue
		}
		if strings.HasPrefix(line, "#") || fields == nil {
			continue
		}
		vals := strings.Split(line, "\t")
		r := baselineRow{}
		for i, f := range fields {
			if i < len(vals) {
				r[f] = vals[i]
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// runTrace feeds a trace through a tracker and returns the connections in
// the order Zeek would log them (removal order, then the end-of-run flush).
func runTrace(t *testing.T, path string, cfg Config) []*Conn {
	t.Helper()
	src, err := gnet.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dec := gnet.NewDecoder()
	tr := NewTracker(cfg)
	var out []*Conn
	var rp gnet.RawPacket
	for {
		if err := src.Next(&rp); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			t.Fatalf("%s: %v", path, err)
		}
		p := dec.Decode(&rp)
		out = append(out, tr.Expire(p.Timestamp)...)
		if c, isNew := tr.Process(p); isNew {
			c.UID() // as base/protocols/conn's new_connection handler does
		}
	}
	return append(out, tr.Flush()...)
}

func rowKey(h1, p1, h2, p2, proto string) string {
	return strings.Join([]string{h1, p1, h2, p2, proto}, " ")
}

func connKey(c *Conn) string {
	return rowKey(c.ID.OrigH.String(), strconv.Itoa(int(c.ID.OrigP)), c.ID.RespH.String(), strconv.Itoa(int(c.ID.RespP)), c.ID.Transport())
}

var compared = []string{"conn_state", "history", "orig_pkts", "resp_pkts", "orig_ip_bytes", "resp_ip_bytes", "orig_bytes", "resp_bytes", "missed_bytes", "duration", "uid", "order"}

func connValue(c *Conn, field string, order int) string {
	dur := c.Duration()
	switch field {
	case "conn_state":
		return c.ConnState()
	case "history":
		if c.History() == "" {
			return "-"
		}
		return c.History()
	case "orig_pkts":
		return strconv.FormatUint(c.Orig.NumPkts, 10)
	case "resp_pkts":
		return strconv.FormatUint(c.Resp.NumPkts, 10)
	case "orig_ip_bytes":
		return strconv.FormatUint(c.Orig.NumBytesIP, 10)
	case "resp_ip_bytes":
		return strconv.FormatUint(c.Resp.NumBytesIP, 10)
	case "orig_bytes", "resp_bytes", "duration":
		if dur <= 0 {
			return "-"
		}
		switch field {
		case "orig_bytes":
			return strconv.FormatUint(c.Orig.Size(), 10)
		case "resp_bytes":
			return strconv.FormatUint(c.Resp.Size(), 10)
		}
		return fmt.Sprintf("%.6f", dur.Seconds())
	case "missed_bytes":
		return strconv.FormatUint(c.MissedBytes(), 10)
	case "uid":
		return c.UID()
	case "order":
		return strconv.Itoa(order)
	}
	return "?"
}

type traceCase struct {
	trace, log string
	cfg        func() Config
	strict     []string // fields that must match fully
}

func bare(protos ...string) func() Config {
	return func() Config {
		c := BareConfig()
		c.LikelyServerPorts = PortsFor(protos...)
		for _, p := range protos {
			if p == "dns" {
				c.DNSPorts = DNSPortSet()
			}
		}
		return c
	}
}

func bareC(protos ...string) func() Config {
	return func() Config { c := bare(protos...)(); c.IgnoreChecksums = true; return c }
}

var allStrict = []string{"conn_state", "history", "orig_pkts", "resp_pkts", "orig_ip_bytes", "resp_ip_bytes", "orig_bytes", "resp_bytes", "missed_bytes", "duration", "uid", "order"}

var traceCases = []traceCase{
	{"tcp-missing-syn.pcap", "conn.log", bareC("http"), allStrict},
	{"tcp-missing-syn.pcap", "history-flip.conn.log", bareC("http"), allStrict},
	{"q-in-q.pcap", "conn.log", bare(), allStrict},
	{"ftp-ipv6.pcap", "conn.log", bare("ftp"), allStrict},
	{"pppoe.pcap", "conn.log", DefaultConfig, nil},
	{"wikipedia.pcap", "conn.log", DefaultConfig, nil},
	{"ssh-ssh.pcap", "conn.log", DefaultConfig, nil},
	{"ssh-server-pre-banner-data.pcap", "conn.log", DefaultConfig, nil},
	{"http-get.pcap", "conn.log", bare("http"), nil},
	{"http-concurrent-range-requests.pcap", "conn.log", bare("http"), nil},
	{"http-no_crlf.pcap", "conn.log", bare("http"), nil},
	{"http-http-single-conn-22.pcap", "conn.log", DefaultConfig, nil},
	{"globus-url-copy.pcap", "conn.log", DefaultConfig, nil},
	{"tls-irc-starttls.pcap", "conn.log", bareC("irc", "ssl"), nil},
	{"mixed-vlan-mpls.pcap", "conn.log", bareC("http"), nil},
	{"tunnels-Teredo.pcap", "conn.log", bare("http", "dns", "tunnels"), nil},
	{"tunnels-vxlan.pcap", "conn.log", bare("tunnels"), nil},
}

func TestBaselines(t *testing.T) {
	dir := tracesDir(t)
	seed, err := uid.ReadSeedFile(filepath.Join(dir, "random.seed"))
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-52s %5s %5s", "trace/log", "rows", "unm")
	for _, f := range compared {
		fmt.Fprintf(&table, " %9.9s", f)
	}
	table.WriteString("\n")
	for _, tc := range traceCases {
		tc := tc
		exp := readConnLog(t, filepath.Join(dir, "expected", tc.trace, tc.log))
		cfg := tc.cfg()
		cfg.UIDs = uid.NewFromSeed(seed)
		got := runTrace(t, filepath.Join(dir, tc.trace), cfg)

		queues := map[string][]int{}
		for i, c := range got {
			k := connKey(c)
			queues[k] = append(queues[k], i)
		}
		match := map[string]int{}
		diff := map[string]int{}
		unmatched := 0
		var details []string
		for i, r := range exp {
			k := rowKey(r["id.orig_h"], r["id.orig_p"], r["id.resp_h"], r["id.resp_p"], r["proto"])
			q := queues[k]
			if len(q) == 0 {
				unmatched++
				details = append(details, "  no connection for "+k)
				continue
			}
			gi := q[0]
			queues[k] = q[1:]
			c := got[gi]
			for _, f := range compared {
				want := r[f]
				if f == "order" {
					want = strconv.Itoa(i)
				}
				have := connValue(c, f, gi)
				if have == want {
					match[f]++
				} else {
					diff[f]++
					details = append(details, fmt.Sprintf("  %s %s: got %q want %q", k, f, have, want))
				}
			}
		}
		extra := 0
		for _, q := range queues {
			extra += len(q)
		}
		name := tc.trace + "/" + tc.log
		fmt.Fprintf(&table, "%-52s %5d %5d", name, len(exp), unmatched)
		for _, f := range compared {
			fmt.Fprintf(&table, " %4d/%-4d", match[f], diff[f])
		}
		fmt.Fprintf(&table, " extra=%d\n", extra)
		for _, d := range details {
			t.Logf("%s:%s", name, d)
		}
		if tc.strict != nil {
			if unmatched > 0 || extra > 0 {
				t.Errorf("%s: %d baseline rows unmatched, %d extra connections", name, unmatched, extra)
			}
			for _, f := range tc.strict {
				if diff[f] > 0 {
					t.Errorf("%s: field %s differs in %d rows", name, f, diff[f])
				}
			}
		}
	}
	t.Log("per field: matching/differing rows\n" + table.String())
}

// TestConnSize keeps a connection in Go's 384-byte allocation class: a
// field more would put every connection in the next one, 416 bytes.
func TestConnSize(t *testing.T) {
	if n := unsafe.Sizeof(Conn{}); n > 384 {
		t.Errorf("Conn is %d bytes, over the 384-byte size class", n)
	}
}
