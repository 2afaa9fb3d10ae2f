package serve

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// wait is the generous deadline for what should happen at once: the
// suite must pass on a loaded 2-core machine under the race detector.
const wait = 15 * time.Second

func TestSessionShowsTheReaderAndAnswersKeys(t *testing.T) {
	addr, _, logs, _ := start(t, Config{}, hooks{})
	c := dialWithNewKey(t, addr)
	tm := openTerm(t, c, 120, 40)
	if !tm.waitFor(t, "NATO condemns China for cyber activities", 0, wait) {
		t.Fatalf("first frame lacks the article titles:\n%s", tm.text())
	}
	if !strings.Contains(tm.raw(), "\x1b[?1049h") {
		t.Errorf("the session did not switch to the alternate screen")
	}
	m := tm.mark()
	tm.send("j")
	tm.send("\r")
	if !tm.waitFor(t, "731 words", m, wait) {
		t.Fatalf("j then enter did not open the second article")
	}
	m = tm.mark()
	if err := tm.resize(80, 24); err != nil {
		t.Fatal(err)
	}
	// At 80 columns one pane shows at a time, framed to the new width.
	if !tm.waitFor(t, "╭"+strings.Repeat("─", 78)+"╮", m, wait) {
		t.Errorf("window change did not reflow the screen to 80 columns")
	}
	tm.send("q")
	select {
	case <-tm.ended:
	case <-time.After(wait):
		t.Fatal("q did not end the session")
	}
	if !strings.Contains(tm.raw(), "\x1b[?1049l") {
		t.Errorf("the terminal was not restored (alternate screen left on)")
	}
	if !strings.Contains(logs.String(), "SHA256:") {
		t.Errorf("the log does not name the key's fingerprint:\n%s", logs.String())
	}
}

// A client that never answers the colour query still gets its first
// frame, and its article.
func TestSilentTerminalGetsAFirstFrame(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c := dialWithNewKey(t, addr)
	tm, err := tryTermAnswering(c, 100, 30, false)
	if err != nil {
		t.Fatal(err)
	}
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatalf("no first frame for a terminal that does not answer queries")
	}
	if !tm.waitFor(t, "statements", 0, wait) {
		t.Fatalf("no article for a terminal that does not answer queries")
	}
}

// A dark and a light terminal connected at once each get their palette:
// the article text is drawn in Glamour's dark-style grey for one and its
// light-style grey for the other.
func TestEachClientGetsItsOwnPalette(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	open := func(bg string) *vterm {
		c, err := dial(addr, gossh.PublicKeys(newKey(t)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		background = bg
		tm := openTerm(t, c, 120, 40)
		if !tm.waitFor(t, "statements", 0, wait) {
			t.Fatal("no article in the first frame")
		}
		return tm
	}
	dark := open("0000/0000/0000")
	light := open("ffff/ffff/ffff")
	background = "1a1a/1a1a/1a1a"
	const darkText, lightText = "38;5;252m", "38;5;234m" // Glamour's body text colours
	// The list comes first; the article is laid out in the background.
	for _, tm := range []*vterm{dark, light} {
		if !eventually(wait, func() bool { return strings.Contains(tm.raw(), darkText) || strings.Contains(tm.raw(), lightText) }) {
			t.Fatalf("no article text drawn:\n%s", tm.shown())
		}
	}
	if !strings.Contains(dark.raw(), darkText) || strings.Contains(dark.raw(), lightText) {
		t.Errorf("the dark terminal did not get the dark palette")
	}
	if !strings.Contains(light.raw(), lightText) || strings.Contains(light.raw(), darkText) {
		t.Errorf("the light terminal did not get the light palette")
	}
}

func TestIdleConnectionIsClosed(t *testing.T) {
	addr, _, _, _ := start(t, Config{IdleTimeout: time.Second}, hooks{})
	c := dialWithNewKey(t, addr)
	tm := openTerm(t, c, 80, 24)
	tm.waitFor(t, "Articles", 0, wait)
	select {
	case <-tm.ended:
	case <-time.After(5 * time.Second):
		t.Errorf("an idle session was still open after 5 s with a 1 s idle timeout")
	}
}

// holdConnections opens n connections, closed when the test ends.
func holdConnections(t *testing.T, addr string, n int) []*gossh.Client {
	t.Helper()
	var held []*gossh.Client
	for range n {
		c, err := dial(addr, gossh.PublicKeys(newKey(t)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		held = append(held, c)
	}
	return held
}

func TestConnectionCap(t *testing.T) {
	addr, _, _, _ := start(t, Config{MaxConnections: 2}, hooks{})
	held := holdConnections(t, addr, 2)
	if c, err := dial(addr, gossh.PublicKeys(newKey(t))); err == nil {
		c.Close()
		t.Errorf("a third connection got in with a cap of 2")
	}
	held[0].Close()
	// The server frees the slot when it sees the close: dial until it
	// does, within a generous deadline.
	var err error
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var c *gossh.Client
		if c, err = dial(addr, gossh.PublicKeys(newKey(t))); err == nil {
			c.Close()
			return
		}
	}
	t.Errorf("a slot freed by a closed connection was not given back: %v", err)
}

func TestHugeWindowIsClamped(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c := dialWithNewKey(t, addr)
	tm := openTerm(t, c, 20000, 10000)
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatal("no first frame")
	}
	// The status bar is the frame's last line: the whole frame is in.
	if !tm.waitFor(t, "q quit", 0, wait) {
		t.Fatalf("the frame never finished:\n%s", tm.shown())
	}
	if n := len(tm.raw()); n > 2<<20 {
		t.Errorf("a 20000x10000 window made a %d-byte frame", n)
	}
	// The frame is as wide as the clamp: its top border is 500 cells.
	for _, line := range strings.Split(tm.text(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "╭") {
			if n := len([]rune(strings.TrimSpace(line))); n != 500 {
				t.Errorf("top border is %d cells, want the clamp of 500", n)
			}
			break
		}
	}
}

// writeAuthorized writes an authorized_keys file for the given keys.
func writeAuthorized(t *testing.T, keys ...gossh.Signer) string {
	path := filepath.Join(t.TempDir(), "authorized_keys")
	var b strings.Builder
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAuthorizedKeysOnly(t *testing.T) {
	listed, unlisted := newKey(t), newKey(t)
	addr, srv, logs, _ := start(t, Config{AuthorizedKeysPath: writeAuthorized(t, listed)}, hooks{})

	c, err := dial(addr, gossh.PublicKeys(listed))
	if err != nil {
		t.Fatalf("the listed key was refused: %v", err)
	}
	tm := openTerm(t, c, 100, 30)
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatal("no first frame for the listed key")
	}
	c.Close()

	refused := map[string][]gossh.AuthMethod{
		"an unlisted key": {gossh.PublicKeys(unlisted)},
		"the listed key offered with a signature it cannot make, then an unlisted key": {
			gossh.PublicKeysCallback(func() ([]gossh.Signer, error) {
				return []gossh.Signer{offered{listed.PublicKey(), newKey(t)}, unlisted}, nil
			}),
		},
		"a password":           {gossh.Password("secret")},
		"keyboard-interactive": {gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
	}
	for name, auth := range refused {
		if c, err := dial(addr, auth...); err == nil {
			c.Close()
			t.Errorf("%s got in", name)
		}
	}
	deadline := time.Now().Add(wait)
	for srv.Stats().Sessions != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := srv.Stats().Sessions; n != 0 {
		t.Errorf("%d sessions open after refused logins", n)
	}
	if strings.Count(logs.String(), "session start") != 1 {
		t.Errorf("a refused client reached a session:\n%s", logs.String())
	}
}

// offered claims a public key it has no private key for: the server
// accepts the offer of the key, then rejects the signature (made with
// another key), and the client goes on to its next key.
type offered struct {
	key   gossh.PublicKey
	other gossh.Signer
}

func (o offered) PublicKey() gossh.PublicKey { return o.key }
func (o offered) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	return o.other.Sign(r, data)
}

// The identity is the key that signed, never one merely offered: each
// key's callback result carries its own fingerprint, in permissions of its
// own, so nothing an earlier offer wrote can be read as the identity.
func TestOfferedKeyNeverBecomesTheIdentity(t *testing.T) {
	offeredKey, signing := newKey(t), newKey(t)
	acc := access{} // open access: every key's offer is accepted
	p1, err1 := acc.publicKey(nil, offeredKey.PublicKey())
	p2, err2 := acc.publicKey(nil, signing.PublicKey())
	if err1 != nil || err2 != nil || p1 == p2 {
		t.Fatalf("callbacks share permissions or fail: %v %v", err1, err2)
	}
	if p2.Extensions[fingerprintExt] != gossh.FingerprintSHA256(signing.PublicKey()) || p1.Extensions[fingerprintExt] == p2.Extensions[fingerprintExt] {
		t.Errorf("fingerprints: offered %q, signing %q", p1.Extensions[fingerprintExt], p2.Extensions[fingerprintExt])
	}
	// Over a real connection, the logged key is the one that signed.
	addr, _, logs, _ := start(t, Config{}, hooks{})
	c, err := dial(addr, gossh.PublicKeys(signing))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	openTerm(t, c, 100, 30).waitFor(t, "Articles (5)", 0, wait)
	if !strings.Contains(logs.String(), "key="+gossh.FingerprintSHA256(signing.PublicKey())) {
		t.Errorf("logged identity is not the signing key:\n%s", logs.String())
	}
}

func TestEverythingButTheReaderIsRefused(t *testing.T) {
	addr, _, _, _ := start(t, Config{MaxSessionsPerConn: 8}, hooks{})
	c := dialWithNewKey(t, addr)

	s, _ := c.NewSession()
	if out, err := s.CombinedOutput("cat /etc/passwd"); err == nil || strings.Contains(string(out), "root:") {
		t.Errorf("exec was run: %q, %v", out, err)
	}

	s, _ = c.NewSession()
	var out strings.Builder
	s.Stdout, s.Stderr = &out, &out
	err := s.Shell() // without a PTY
	if err == nil {
		err = s.Wait()
	}
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || !strings.Contains(out.String(), "needs an interactive terminal") || strings.Count(strings.TrimSpace(out.String()), "\n") > 0 {
		t.Errorf("shell without PTY: %q, %v; want one line and a failure", out.String(), err)
	}

	s, _ = c.NewSession()
	if err := s.RequestSubsystem("sftp"); err == nil {
		t.Errorf("sftp subsystem granted")
	}
	s.Close()

	s, _ = c.NewSession()
	if err := agent.RequestAgentForwarding(s); err == nil {
		t.Errorf("agent forwarding granted")
	}
	s.Close()

	if conn, err := c.Dial("tcp", "127.0.0.1:22"); err == nil {
		conn.Close()
		t.Errorf("direct-tcpip granted")
	}
	if l, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Errorf("tcpip-forward granted")
	}
}

func TestSessionCaps(t *testing.T) {
	addr, srv, _, _ := start(t, Config{MaxSessions: 2, MaxSessionsPerConn: 2}, hooks{})
	c1, _ := dial(addr, gossh.PublicKeys(newKey(t)))
	defer c1.Close()
	openTerm(t, c1, 80, 24)
	second, err := c1.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := second.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err == nil {
		t.Errorf("a second PTY on one connection was granted")
	}
	if _, err := c1.NewSession(); err == nil {
		t.Errorf("a third session channel on one connection was accepted")
	}
	c2, _ := dial(addr, gossh.PublicKeys(newKey(t)))
	defer c2.Close()
	openTerm(t, c2, 80, 24)
	c3, _ := dial(addr, gossh.PublicKeys(newKey(t)))
	defer c3.Close()
	if _, err := tryTerm(c3, 80, 24); err == nil {
		t.Errorf("a PTY over the server's cap was granted")
	}
	if got := srv.Stats().Sessions; got != 2 {
		t.Errorf("%d PTY sessions held, want the cap of 2", got)
	}
}

// panicky wraps a session's model: ctrl+p panics in Update, ctrl+o
// returns a command that panics.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "ctrl+p":
			panic("injected panic in Update")
		case "ctrl+o":
			return p, func() tea.Msg { panic("injected panic in a command") }
		}
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m}, cmd
}

func TestPanicEndsOnlyItsSession(t *testing.T) {
	resizePanic := ssh.Window{Width: 77, Height: 23}
	addr, srv, logs, _ := start(t, Config{MaxSessionsPerConn: 4}, hooks{
		wrapModel: func(m tea.Model) tea.Model { return panicky{m} },
		onResize: func(w ssh.Window) {
			if w == resizePanic {
				panic("injected panic in the resize goroutine")
			}
		},
	})
	var terms []*vterm
	for range 23 {
		c, err := dial(addr, gossh.PublicKeys(newKey(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := openTerm(t, c, 100, 30)
		if !tm.waitFor(t, "Articles (5)", 0, wait) {
			t.Fatal("no first frame")
		}
		terms = append(terms, tm)
	}
	terms[0].send("\x10") // ctrl+p
	terms[1].send("\x0f") // ctrl+o
	terms[2].resize(resizePanic.Width, resizePanic.Height)
	for i, tm := range terms[:2] {
		select {
		case <-tm.ended:
		case <-time.After(wait):
			t.Fatalf("session %d survived its panic", i)
		}
	}
	for i, tm := range terms[3:] {
		m := tm.mark()
		tm.send("j")
		if !tm.waitFor(t, "2/5", m, wait) {
			t.Errorf("session %d stopped answering keys after another session's panic", i+3)
		}
	}
	if got := srv.Stats().Sessions; got < 20 {
		t.Errorf("%d sessions left, want the 20 untouched ones and the resize one", got)
	}
	for _, want := range []string{"injected panic in Update", "injected panic in a command", "injected panic in the resize goroutine"} {
		if n := strings.Count(logs.String(), want); n != 1 {
			t.Errorf("%q logged %d times, want once", want, n)
		}
	}
}

func goroutinesSettle(t *testing.T, want int) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	n := runtime.NumGoroutine()
	for time.Now().Before(deadline) && n > want {
		time.Sleep(100 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

func openPTYs(t *testing.T) int {
	entries, _ := os.ReadDir("/proc/self/fd")
	n := 0
	for _, e := range entries {
		if target, err := os.Readlink("/proc/self/fd/" + e.Name()); err == nil && (strings.HasPrefix(target, "/dev/pts/") || target == "/dev/ptmx") {
			n++
		}
	}
	return n
}

func TestAbruptDisconnectsLeakNothing(t *testing.T) {
	addr, srv, _, _ := start(t, Config{}, hooks{})
	baseG, basePTY := runtime.NumGoroutine(), openPTYs(t)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 20)
	for range 200 {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			raw, err := net.Dial("tcp", addr)
			if err != nil {
				t.Error(err)
				return
			}
			conn, chans, reqs, err := gossh.NewClientConn(raw, addr, &gossh.ClientConfig{
				User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(newKey(t))}, HostKeyCallback: gossh.InsecureIgnoreHostKey(),
			})
			if err != nil {
				t.Error(err)
				return
			}
			c := gossh.NewClient(conn, chans, reqs)
			if tm, err := tryTerm(c, 80, 24); err == nil {
				tm.waitFor(t, "Articles", 0, wait)
			}
			raw.Close() // abrupt: no channel close, no disconnect message
		}()
	}
	wg.Wait()
	if g := goroutinesSettle(t, baseG+5); g > baseG+5 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before, %d after 200 abrupt disconnects:\n%s", baseG, g, buf[:runtime.Stack(buf, true)])
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && (openPTYs(t) > basePTY || srv.Stats().Sessions > 0) {
		time.Sleep(100 * time.Millisecond)
	}
	if p := openPTYs(t); p > basePTY || srv.Stats().Sessions != 0 {
		t.Errorf("PTYs: %d open before, %d after; %d sessions counted", basePTY, p, srv.Stats().Sessions)
	}
}

func TestShutdownRestoresEveryTerminal(t *testing.T) {
	addr, _, _, stop := start(t, Config{GracePeriod: 3 * time.Second}, hooks{})
	var terms []*vterm
	for range 50 {
		c, err := dial(addr, gossh.PublicKeys(newKey(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := openTerm(t, c, 80, 24)
		if !tm.waitFor(t, "Articles", 0, wait) {
			t.Fatal("no first frame")
		}
		terms = append(terms, tm)
	}
	began := time.Now()
	stop()
	if d := time.Since(began); d > 3*time.Second+2*time.Second { // grace, plus time to close 50 connections under the race detector
		t.Errorf("shutdown took %v, over the grace period", d)
	}
	for i, tm := range terms {
		<-tm.ended
		raw := tm.raw()
		if !strings.Contains(raw, "\x1b[?1049l") || !strings.Contains(tm.text(), "shutting down") {
			t.Errorf("session %d: terminal not restored or not told; output ends %q", i, raw[max(0, len(raw)-300):])
		}
	}
	if _, err := dial(addr, gossh.PublicKeys(newKey(t))); err == nil {
		t.Errorf("the server still accepts after shutdown")
	}
}

func TestHandshakeDeadline(t *testing.T) {
	addr, _, _, _ := start(t, Config{HandshakeTimeout: 1500 * time.Millisecond}, hooks{})
	var silent []net.Conn
	for range 5 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		silent = append(silent, c)
	}
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatalf("a normal client could not get in next to silent ones: %v", err)
	}
	defer c.Close()
	tm := openTerm(t, c, 80, 24)
	for i, s := range silent {
		s.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 512)
		var err error
		for err == nil {
			_, err = s.Read(buf) // the server's version line, then the close
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("silent connection %d was still open after 5 s", i)
		}
	}
	m := tm.mark()
	tm.send("j")
	if !tm.waitFor(t, "2/5", m, wait) {
		t.Errorf("the authenticated client lost its session at the handshake deadline")
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	addr, _, _, _ := start(t, Config{RatePerMinute: 1, RateBurst: 3}, hooks{})
	ok := 0
	for range 6 {
		if c, err := dial(addr, gossh.PublicKeys(newKey(t))); err == nil {
			ok++
			c.Close()
		}
	}
	if ok != 3 {
		t.Errorf("%d connections got in, want the burst of 3", ok)
	}
}

func TestHostKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "key")
	first, err := loadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("new host key has mode %04o", info.Mode().Perm())
	}
	again, err := loadHostKey(path)
	if err != nil || string(again.PublicKey().Marshal()) != string(first.PublicKey().Marshal()) {
		t.Errorf("the host key was not reused: %v", err)
	}
	os.Chmod(path, 0o644)
	if _, err := loadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a world-readable host key was accepted: %v", err)
	}
}
