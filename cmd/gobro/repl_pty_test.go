package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The REPL at a terminal: these tests start the gobro binary on a
// pseudo-terminal and type real keystrokes (line editing, Tab, arrows,
// Ctrl-C, Ctrl-D), reading back what a user would see.

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// gobroBinary builds the command once per test run.
func gobroBinary(t testing.TB) string {
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gobro-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "gobro")
		if out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput(); err != nil {
			buildErr = err
			builtBin = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("building gobro: %v\n%s", buildErr, builtBin)
	}
	return builtBin
}

// terminal is a gobro repl process on a pseudo-terminal.
type terminal struct {
	t    testing.TB
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  []byte
	seen int // what expect has consumed
	done chan error
}

// startREPL runs "gobro repl args..." in dir on a new terminal.
func startREPL(t testing.TB, dir string, args ...string) *terminal {
	cmd := exec.Command(gobroBinary(t), append([]string{"repl"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "TERM=xterm",
		"GOBRO_HISTORY="+filepath.Join(dir, "history"), "GOBRO_CACHE="+filepath.Join(dir, "cache"))
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out = append(term.out, buf[:n]...)
			term.mu.Unlock()
			if err != nil {
				break
			}
		}
	}()
	go func() { term.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
	return term
}

// send types keys.
func (term *terminal) send(keys string) {
	term.t.Helper()
	if _, err := term.pty.Write([]byte(keys)); err != nil {
		term.t.Fatal(err)
	}
}

// escapes are the terminal control sequences readline writes.
var escapes = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// screen is the output so far as text: escapes and carriage returns
// removed.
func screen(b []byte) string {
	return strings.ReplaceAll(escapes.ReplaceAllString(string(b), ""), "\r", "")
}

// expect waits until want appears in the output after what earlier
// expectations consumed, and consumes up to its end.
func (term *terminal) expect(want string) {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		term.mu.Lock()
		text := screen(term.out[term.seen:])
		if i := strings.Index(text, want); i >= 0 {
			// Consume the raw bytes up to the match: find the shortest
			// raw prefix whose screen text holds it.
			for n := 1; n <= len(term.out)-term.seen; n++ {
				if strings.Contains(screen(term.out[term.seen:term.seen+n]), want) {
					term.seen += n
					break
				}
			}
			term.mu.Unlock()
			return
		}
		term.mu.Unlock()
		if time.Now().After(deadline) {
			term.t.Fatalf("waiting for %q; the terminal shows:\n%s", want, text)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// exited waits for the process to end and returns its error.
func (term *terminal) exited() error {
	term.t.Helper()
	select {
	case err := <-term.done:
		return err
	case <-time.After(20 * time.Second):
		term.t.Fatal("gobro repl did not exit")
		return nil
	}
}

const promptText = "gobro> "

func TestREPLTerminal(t *testing.T) {
	dir := t.TempDir()
	term := startREPL(t, dir, "-b")
	term.expect(promptText)

	// An expression prints its value and type.
	term.send("global x = 5;\r")
	term.expect(promptText)
	term.send("x + 1\r")
	term.expect("6 (count)")

	// Multi-line input continues while a body is open.
	term.send("function twice(a: count): count\r")
	term.expect("...> ")
	term.send("{\r")
	term.expect("...> ")
	term.send("return a * 2;\r")
	term.expect("...> ")
	term.send("}\r")
	term.expect(promptText)
	term.send("twice(21)\r")
	term.expect("42 (count)")

	// An error, then a correct line.
	term.send("nosuch + 1\r")
	term.expect("unknown identifier nosuch")
	term.send("x\r")
	term.expect("5 (count)")

	// Completion of an identifier, of a record field after $, and of a
	// meta command.
	term.send("global unique_var_name = 3;\r")
	term.expect(promptText)
	term.send("unique_va\t\r")
	term.expect("3 (count)")
	term.send("type Pair: record { alpha: count; beta: string; };\r")
	term.expect(promptText)
	term.send("global pr: Pair = [$alpha=17, $beta=\"b\"];\r")
	term.expect(promptText)
	term.send("pr$al\t\r")
	term.expect("17 (count)")
	term.send("event my_event() { }\r")
	term.expect(promptText)
	term.send(".ev\t my_*\r")
	term.expect("my_event: event() (1 handler)")

	// History: the up arrow brings back the last line.
	term.send("twice(50)\r")
	term.expect("100 (count)")
	term.send("\x1b[A\r")
	term.expect("100 (count)")

	// Ctrl-C drops the input being typed.
	term.send("twice(\r")
	term.expect("...> ")
	term.send("\x03")
	term.expect(promptText)
	term.send("x\r")
	term.expect("5 (count)")

	// Timers run on the wall clock while the prompt waits.
	term.send("event tick() { print \"tick\"; }\r")
	term.expect(promptText)
	term.send("schedule 200msec { tick() };\r")
	term.expect("tick")

	// Ctrl-D ends the session; the history was kept.
	term.send("\x04")
	if err := term.exited(); err != nil {
		t.Fatalf("exit: %v", err)
	}
	hist, err := os.ReadFile(filepath.Join(dir, "history"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(hist, []byte("twice(50)\n")) || !bytes.Contains(hist, []byte("x + 1\n")) {
		t.Errorf("history file:\n%s", hist)
	}
}

// TestREPLTerminalStores redoes the seed's sqlite3 session in the REPL:
// after a run over a trace has written the known-hosts store, the store
// is opened, dumped and queried from script; then a store real Broker
// wrote (the keys fixture) is opened beside it.
func TestREPLTerminalStores(t *testing.T) {
	testdata := testdataDir(t)
	gobroBinary(t) // built from this directory, before leaving it
	dir := t.TempDir()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	trace := filepath.Join(testdata, "pcap", "sample.pcap")
	site := filepath.Join(testdata, "stores", "known-hosts-site.bro")
	if code := run([]string{"-r", trace, site}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("gobro -r: %d\n%s", code, stderr.String())
	}
	fixture, err := os.ReadFile(filepath.Join(testdata, "repl", "keys.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("keys.sqlite", fixture, 0o644)

	term := startREPL(t, dir, "-b")
	term.expect(promptText)
	term.send(".open bro/known/hosts.sqlite\r")
	term.expect("opened bro/known/hosts.sqlite as store hosts (read-only, 2 keys)\n")
	term.expect(promptText)
	term.send(".dump hosts\r")
	term.expect(".dump hosts\n")
	term.expect("hosts: 2 keys\n" +
		"[10.0.0.2] = T (expires 1704153600.02)\n" +
		"[192.0.2.80] = T (expires 1704153600.02)\n" + promptText)
	term.send("when ( local r = Broker::keys(hosts) ) { print |r$result as addr_set|, 192.0.2.80 in (r$result as addr_set); } timeout 1sec { print \"timeout\"; }\r")
	term.expect("2, T\n")
	term.send(".open keys.sqlite\r")
	term.expect("opened keys.sqlite as store keys (read-only, 23 keys)\n")
	term.send(".stores\r")
	term.expect("hosts (2 keys)\nkeys (23 keys)\n")
	term.send(".get keys 10.0.0.0/8\r")
	term.expect("subnet 10.0.0.0/8\n")
	// A long listing is paged at a terminal: 20 lines, then a question.
	term.send(".dump keys\r")
	term.expect("keys: 23 keys\n")
	term.expect("[Site::LOCAL] = enum Site::LOCAL\n-- more, q to stop -- ")
	term.send("q\r")
	term.expect(promptText)
	term.send(".quit\r")
	if err := term.exited(); err != nil {
		t.Fatalf("exit: %v", err)
	}
}

// testdataDir is the repository's testdata directory.
func testdataDir(t testing.TB) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// BenchmarkREPLStartup is the time from starting "gobro repl" with the
// default policy loaded to its first prompt on a terminal, with the
// parse cache warm (target: under 150 ms).
func BenchmarkREPLStartup(b *testing.B) {
	gobroBinary(b)
	dir := b.TempDir()
	session := func() time.Duration {
		start := time.Now()
		term := startREPL(b, dir)
		term.expect(promptText)
		took := time.Since(start)
		term.send("\x04")
		if err := term.exited(); err != nil {
			b.Fatal(err)
		}
		return took
	}
	session() // warm the parse cache
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		total += session()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-prompt")
}
