package serve

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// stallingClient opens a PTY session and never reads what the server
// sends, while it keeps resizing its window and pressing j: the server's
// writes to it block once the SSH window is full.
type stallingClient struct {
	raw  net.Conn
	stop chan struct{}
	done sync.WaitGroup
}

func startStalling(t *testing.T, addr string) *stallingClient {
	t.Helper()
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	conn, chans, reqs, err := gossh.NewClientConn(raw, addr, &gossh.ClientConfig{
		User: "stall", Auth: []gossh.AuthMethod{gossh.PublicKeys(newKey(t))}, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		t.Fatal(err)
	}
	c := gossh.NewClient(conn, chans, reqs)
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 200, 500, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StdoutPipe(); err != nil { // held, never read
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	sc := &stallingClient{raw: raw, stop: make(chan struct{})}
	sc.done.Add(1)
	go func() {
		defer sc.done.Done()
		tick := time.NewTicker(25 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-sc.stop:
				return
			case <-tick.C:
			}
			// Sizes that differ a lot: each is a new full frame.
			if i%2 == 0 {
				s.WindowChange(200, 500)
			} else {
				s.WindowChange(24, 80)
			}
			if i == 0 {
				in.Write([]byte("\r")) // an article: full screens of text
			} else {
				in.Write([]byte("j"))
			}
		}
	}()
	return sc
}

func (sc *stallingClient) halt() { close(sc.stop); sc.done.Wait() }

// windowed models the SSH flow-control window of a client that stopped
// reading: after limit bytes, writes block until the server closes the
// channel, as x/crypto/ssh's do (the client's real window is 2 MB, which
// v2's small frames take half a minute to fill).
type windowed struct {
	w       io.Writer
	closed  <-chan struct{}
	blocked chan<- struct{} // told once, when the window is full
	mu      sync.Mutex
	left    int
}

func (w *windowed) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.left -= len(p)
	full, first := w.left < 0, w.left+len(p) >= 0
	w.mu.Unlock()
	if full {
		if first {
			w.blocked <- struct{}{}
		}
		<-w.closed
		return 0, io.EOF
	}
	return w.w.Write(p)
}

// Defect 1: clients that stop reading, then vanish or stay connected
// without reading, must not keep their session slots, and shutdown must
// still end within its grace period.
func TestStalledAndVanishedClientsFreeTheirSlots(t *testing.T) {
	blocked := make(chan struct{}, 3)
	addr, srv, logs, stop := start(t, Config{MaxSessions: 3, WriteStall: time.Second, GracePeriod: 2 * time.Second}, hooks{
		wrapOutput: func(sess ssh.Session, w io.Writer, closed <-chan struct{}) io.Writer {
			if sess.User() != "stall" {
				return w
			}
			return &windowed{w: w, closed: closed, blocked: blocked, left: 8 << 10}
		},
	})
	var clients []*stallingClient
	for range 3 {
		clients = append(clients, startStalling(t, addr))
	}
	// Let them fill their windows: the server's writes to them block.
	for i := range 3 {
		select {
		case <-blocked:
		case <-time.After(4 * wait):
			t.Fatalf("only %d of the clients filled their window", i)
		}
	}
	for _, c := range clients {
		c.halt()
	}
	clients[0].raw.Close() // vanishes
	clients[1].raw.Close() // vanishes
	defer clients[2].raw.Close()
	// The third stays connected without reading: the watchdog ends it.
	if !eventually(20*time.Second, func() bool { return srv.Stats().Sessions == 0 }) {
		t.Fatalf("%d sessions still held after their clients stalled or vanished:\n%s", srv.Stats().Sessions, logs.String())
	}
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tm := openTerm(t, c, 80, 24)
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatalf("a new client got no session after the stalled ones")
	}
	began := time.Now()
	stop()
	if d := time.Since(began); d > 2*time.Second+2*time.Second {
		t.Errorf("shutdown took %v with a 2 s grace period", d)
	}
}

// Defect 2: SIGTERM while a session is starting (its program not yet
// running) ends that session at once, with its terminal restored and a
// goodbye, instead of costing the whole grace period.
func TestShutdownWhileASessionStarts(t *testing.T) {
	arrived, gate := make(chan struct{}, 1), make(chan struct{})
	addr, srv, _, stop := start(t, Config{GracePeriod: 10 * time.Second}, hooks{
		beforeRun: func() { arrived <- struct{}{}; <-gate },
	})
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tm := openTerm(t, c, 80, 24)
	select {
	case <-arrived:
	case <-time.After(wait):
		t.Fatal("the session never reached its program")
	}
	began := time.Now()
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	if !eventually(wait, srv.closing.Load) {
		t.Fatal("shutdown did not begin")
	}
	close(gate)
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("shutdown did not end within the grace period")
	}
	if d := time.Since(began); d > 5*time.Second {
		t.Errorf("shutdown took %v for one starting session", d)
	}
	<-tm.ended
	if !strings.Contains(tm.raw(), "\x1b[?1049l") || !strings.Contains(tm.text(), "shutting down") {
		t.Errorf("the starting session was not restored and told: %q", tm.raw())
	}
}

// Defect 6: one address holds at most MaxPerAddress connections, and a
// connection whose session channel never starts a shell is closed at the
// handshake deadline instead of being held by keepalives.
func TestOneAddressCannotHoldEverySlot(t *testing.T) {
	addr, _, _, _ := start(t, Config{MaxPerAddress: 2, HandshakeTimeout: time.Second}, hooks{})
	held := holdConnections(t, addr, 2)
	if c, err := dial(addr, gossh.PublicKeys(newKey(t))); err == nil {
		c.Close()
		t.Errorf("a third connection from one address got in with a cap of 2")
	}
	// Both held connections open a session channel and never start a shell.
	closed := make(chan struct{}, 2)
	for _, c := range held {
		if _, err := c.NewSession(); err != nil {
			t.Fatal(err)
		}
		go func() { c.Wait(); closed <- struct{}{} }()
	}
	for range 2 {
		select {
		case <-closed:
		case <-time.After(4 * wait):
			t.Fatal("a session channel that never started was held past the deadline")
		}
	}
	if !eventually(wait, func() bool {
		c, err := dial(addr, gossh.PublicKeys(newKey(t)))
		if err == nil {
			c.Close()
		}
		return err == nil
	}) {
		t.Errorf("the address's slots were not given back")
	}
}
