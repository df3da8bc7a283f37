package engine

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
)

// python is Debian's python3 with python3-websockets, the independent
// client of these tests; they skip without it.
func python(t *testing.T) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import websockets").Run(); err != nil {
		t.Skip("python3-websockets is not installed (apt-get install python3-websockets)")
	}
	return py
}

// freePort is a loopback TCP port nobody listens on.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startWebSocketScript runs a script of testdata/websocket that serves
// the API on port, and returns a channel with the run's stdout and exit
// code once it ends.
func startWebSocketScript(t testing.TB, script string, port int, exec ...string) <-chan [2]string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "testdata", "websocket", script))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // the run's logs (reporter.log) go there
	res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(os.Getenv), Bare: true,
		Scripts: []string{path},
		Exec:    append([]string{"redef ws_port = " + strconv.Itoa(port) + "/tcp"}, exec...)})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Items[0].Header())
	}
	done := make(chan [2]string, 1)
	go func() {
		var stdout, stderr strings.Builder
		eng := New(res.Program, &stdout, &stderr)
		code := eng.Run()
		done <- [2]string{stdout.String() + stderr.String(), strconv.Itoa(code)}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err == nil {
			c.Close()
			return done
		}
		if time.Now().After(deadline) {
			t.Fatalf("the script does not listen on %d", port)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWebSocketRoundTrip: python3-websockets subscribes, receives the
// event gobro publishes (compared byte for byte), gets Zeek's errors for
// bad messages, and publishes an event a handler prints with its typed
// arguments.
func TestWebSocketRoundTrip(t *testing.T) {
	py := python(t)
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "websocket"))
	if err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	done := startWebSocketScript(t, "roundtrip.zeek", port)
	out, err := exec.Command(py, filepath.Join(dir, "client.py"), strconv.Itoa(port)).CombinedOutput()
	if err != nil {
		t.Fatalf("client: %v\n%s", err, out)
	}
	var run [2]string
	select {
	case run = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("gobro did not terminate")
	}
	if run[1] != "0" {
		t.Errorf("exit code %s", run[1])
	}
	checkGolden(t, filepath.Join(dir, "roundtrip.client.out"), string(out))
	checkGolden(t, filepath.Join(dir, "roundtrip.out"), run[0])
}
