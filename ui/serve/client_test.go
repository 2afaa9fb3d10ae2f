package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"counterpoint/corpus"
	"counterpoint/ui"
)

var testShared = ui.NewShared(corpus.LoadSeeds())

// logBuffer collects the server's log for assertions.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *logBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// start runs a server on 127.0.0.1:0 with test-friendly limits; the
// returned stop shuts it down as SIGTERM would.
func start(t testing.TB, cfg Config, h hooks) (addr string, srv *Server, logs *logBuffer, stop func()) {
	t.Helper()
	logs = &logBuffer{}
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = filepath.Join(t.TempDir(), "host_key")
	}
	if cfg.RatePerMinute == 0 {
		cfg.RatePerMinute, cfg.RateBurst = 100000, 1000
	}
	if cfg.MaxPerAddress == 0 {
		cfg.MaxPerAddress = 1000 // the tests all come from loopback
	}
	if cfg.GracePeriod == 0 {
		cfg.GracePeriod = 3 * time.Second
	}
	srv, err := New(testShared, cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv.hooks = h
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, l) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("shutdown: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return l.Addr().String(), srv, logs, stop
}

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dialWithNewKey connects as a client with a key of its own, closed when the
// test ends.
func dialWithNewKey(t testing.TB, addr string) *gossh.Client {
	t.Helper()
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func dial(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "reader", Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
	})
}

// vterm is a client terminal: it keeps everything the server sends, draws
// it on an emulated screen (Bubble Tea v2 sends only the cells that
// changed, so the screen, not the byte stream, says what a user sees), and
// answers the background-colour and device-attribute queries like a real
// terminal with a dark background.
type vterm struct {
	sess   *gossh.Session
	in     io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer
	screen *vt.Emulator
	chunks int // chunks received, so a wait looks again only when something came
	ended  chan struct{}
	bg     string // the background colour it reports, rgb:RRRR/GGGG/BBBB without the prefix
}

func openTerm(t testing.TB, c *gossh.Client, w, h int) *vterm {
	t.Helper()
	tm, err := tryTermAnswering(c, w, h, true)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func tryTerm(c *gossh.Client, w, h int) (*vterm, error) { return tryTermAnswering(c, w, h, true) }

// background is the colour the test terminals report.
var background = "1a1a/1a1a/1a1a"

// tryTermAnswering opens a PTY session; answer says whether the terminal
// answers the server's queries.
func tryTermAnswering(c *gossh.Client, w, h int, answer bool) (*vterm, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		sess.Close()
		return nil, err
	}
	in, _ := sess.StdinPipe()
	outPipe, _ := sess.StdoutPipe()
	tm := &vterm{sess: sess, in: in, ended: make(chan struct{}), bg: background, screen: vt.NewEmulator(min(w, 500), min(h, 200))} // the server clamps to 500x200
	go io.Copy(io.Discard, tm.screen)                                                                                              // the emulator's own answers are not sent
	go func() {
		defer close(tm.ended)
		// Ends the goroutine draining the emulator's answers (Close would
		// race with its Read).
		defer tm.screen.InputPipe().(io.Closer).Close()
		buf := make([]byte, 32<<10)
		for {
			n, err := outPipe.Read(buf)
			if n > 0 {
				chunk := buf[:n]
				if answer && bytes.Contains(chunk, []byte("\x1b]11;?")) {
					in.Write([]byte("\x1b]11;rgb:" + tm.bg + "\x07"))
				}
				if answer && bytes.Contains(chunk, []byte("\x1b[c")) {
					in.Write([]byte("\x1b[?62;22c"))
				}
				tm.mu.Lock()
				tm.out.Write(chunk)
				tm.screen.Write(chunk)
				tm.chunks++
				tm.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	if err := sess.Shell(); err != nil {
		sess.Close()
		return nil, err
	}
	return tm, nil
}

func (tm *vterm) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String())
}

func (tm *vterm) raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// shown is the text on the emulated screen.
func (tm *vterm) shown() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.screen.String()
}

// resize changes the client's window, as a terminal does when dragged.
func (tm *vterm) resize(w, h int) error {
	tm.mu.Lock()
	tm.screen.Resize(w, h)
	tm.mu.Unlock()
	return tm.sess.WindowChange(h, w)
}

// mark returns a position in the output, to wait for text after it.
func (tm *vterm) mark() int { tm.mu.Lock(); defer tm.mu.Unlock(); return tm.out.Len() }

// waitFor waits until the screen shows want, or the output after from
// contains it (text written outside the screen, such as a goodbye after
// the alternate screen is left).
func (tm *vterm) waitFor(t testing.TB, want string, from int, timeout time.Duration) bool {
	t.Helper()
	seen := -1
	return eventually(timeout, func() bool {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		if tm.chunks == seen {
			return false // nothing new: the screen and the stream are as last checked
		}
		seen = tm.chunks
		got := ansi.Strip(tm.out.String()[min(from, tm.out.Len()):])
		return strings.Contains(got, want) || strings.Contains(tm.screen.String(), want)
	})
}

// eventually checks cond until it holds or timeout passes.
func eventually(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond) // a polling interval, not a wait for "long enough"
	}
}

func (tm *vterm) send(s string) { tm.in.Write([]byte(s)) }
