package serve

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"

	"counterpoint/ui"
)

// control is how the server ends a session without ever calling into its
// program: closing stop makes a command inside the program return
// tea.Quit, so nothing blocks on a program that is not running yet, or is
// stuck. done is closed when the session's handler has finished.
type control struct {
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}

	mu     sync.Mutex
	prog   *tea.Program // set once the program exists
	output io.Closer    // the session's channel: closing it fails a blocked write
}

func newControl() *control {
	return &control{stop: make(chan struct{}), done: make(chan struct{})}
}

// quit asks the session to end; it never blocks and may be called any
// number of times, from anywhere, holding any lock.
func (c *control) quit() { c.stopOnce.Do(func() { close(c.stop) }) }

// kill is the last resort after a deadline: the session's output is
// closed, so a write blocked on a client that stopped reading fails, then
// the program is killed. It runs in its own goroutine.
func (c *control) kill() {
	c.quit()
	c.mu.Lock()
	prog, out := c.prog, c.output
	c.mu.Unlock()
	if out != nil {
		out.Close()
	}
	if prog != nil {
		go prog.Kill()
	}
}

// wait waits for the session's handler to finish, at most d.
func (c *control) wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-c.done:
		return true
	case <-t.C:
		return false
	}
}

// handle runs one reader session. Everything in it is guarded: a panic
// ends this session only, its terminal restored, logged once.
func (s *Server) handle(sess ssh.Session) {
	start := time.Now()
	ctx := sess.Context()
	handshakeDone(ctx)
	who := identity(ctx)
	pty, _, hasPTY := sess.Pty()
	attrs := []any{"addr", sess.RemoteAddr().String(), "key", who, "user", logValue(sess.User()), "term", logValue(pty.Term)}
	s.log.Info("session start", attrs...)
	reason := &endReason{s: "client left"}
	defer func() {
		if r := recover(); r != nil {
			reason.set("panic")
			s.log.Error("session panic", append(attrs, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))...)
		}
		s.log.Info("session end", append(attrs, "duration", time.Since(start).Round(time.Millisecond).String(), "reason", reason.get())...)
	}()

	if !hasPTY || sess.EmulatedPty() || pty.Slave == nil {
		fmt.Fprint(sess.Stderr(), "counterpoint needs an interactive terminal: connect with ssh -t.\r\n")
		sess.Exit(1)
		reason.set("no terminal")
		return
	}
	ctl := sessionControl(ctx)
	defer close(ctl.done)
	defer ctl.quit() // ends the program's listening command
	if !s.track(sess, ctl) {
		fmt.Fprint(sess, "counterpoint: the server is shutting down.\r\n")
		sess.Exit(1)
		reason.set("shutting down")
		return
	}
	defer s.untrack(sess)

	// The program reads the PTY (the kernel's line discipline, raw mode)
	// but writes straight to the session's channel: what it wrote has left
	// by the time it returns, with no PTY buffer to drain and no copier to
	// wait for, and a write blocked on a client that stopped reading fails
	// as soon as the channel is closed.
	closed := make(chan struct{})
	var channel io.Writer = sess
	if s.hooks.wrapOutput != nil {
		channel = s.hooks.wrapOutput(sess, sess, closed)
	}
	out := &watchedWriter{w: channel}
	ctl.mu.Lock()
	ctl.output = &closeOnce{c: sess, closed: closed}
	ctl.mu.Unlock()

	if err := makeRaw(pty.Slave); err != nil {
		reason.set("error: " + err.Error())
		return
	}
	env := []string{"TERM=" + pty.Term}
	profile := colorprofile.Env(env)
	var model tea.Model = ui.New(s.shared, ui.Options{Profile: profile, Version: s.cfg.Version, Style: s.cfg.Style, AwaitBackground: true, Reader: readerOf(who)})
	if s.hooks.wrapModel != nil {
		model = s.hooks.wrapModel(model)
	}
	events := &sessionEvents{stop: ctl.stop, windows: windowChanges(ctx), clamp: s.limits.clampWindow, onResize: s.hooks.onResize}
	safe, panicked := isolate(model, events, ctl.quit, s.cfg.FPS)
	if s.hooks.onIsolate != nil {
		s.hooks.onIsolate(safe)
	}
	win := s.limits.clampWindow(pty.Window)
	input := newSessionInput(pty.Slave, pty.Term) // input.go: why the session reads its terminal itself
	defer input.stop()
	prog := tea.NewProgram(safe,
		tea.WithInput(input.silent()), tea.WithOutput(out),
		tea.WithEnvironment(env), tea.WithColorProfile(profile),
		tea.WithWindowSize(win.Width, win.Height),
		tea.WithoutSignalHandler(), // signals belong to the server, and ctrl+z must not stop it
		tea.WithFilter(sessionFilter),
		tea.WithFPS(s.cfg.FPS),
	)
	ctl.mu.Lock()
	ctl.prog = prog
	ctl.mu.Unlock()
	if err := input.start(prog.Send, func(err error) { reason.set("error: " + err.Error()); ctl.quit() }); err != nil {
		reason.set("error: " + err.Error())
		return
	}
	// The background colour is asked now, before the program starts and
	// its first frame is due (Bubble Tea would ask with that frame): the
	// answer usually comes back in time for the first frame to be drawn
	// once, in the right colours (the frame gate holds it back briefly).
	if _, err := io.WriteString(out, ansi.RequestBackgroundColor); err != nil {
		reason.set("error: " + err.Error())
		return
	}

	go s.guard("end", attrs, func() {
		select { // the connection ends: the session ends with it
		case <-ctx.Done():
			ctl.quit()
		case <-ctl.done:
		}
	})
	go s.guard("watchdog", attrs, func() { s.watchOutput(ctl, out, reason) })

	if s.hooks.beforeRun != nil {
		s.hooks.beforeRun()
	}
	_, err := prog.Run()
	if v, stack := panicked.caught(); v != nil {
		reason.set("panic")
		s.log.Error("session panic", append(attrs, "panic", fmt.Sprint(v), "stack", stack)...)
	}
	switch {
	case s.closing.Load():
		reason.set("server shutdown")
		fmt.Fprint(out, "\ncounterpoint: the server is shutting down. Goodbye.\n")
	case err != nil && reason.get() == "client left":
		reason.set("error: " + err.Error())
	}
	sess.Exit(0)
}

// closeOnce closes the session's channel once and says so.
type closeOnce struct {
	once   sync.Once
	c      io.Closer
	closed chan struct{}
}

func (c *closeOnce) Close() error {
	c.once.Do(func() { c.c.Close(); close(c.closed) })
	return nil
}

// ptyReader hides the PTY's file from Bubble Tea. Given an *os.File, its
// input reader calls Fd() while the SSH library closes the PTY after the
// handler returns (a data race, bubbletea#1599, and Fd() makes the file
// blocking); given a plain reader, it reads through Go's poller, and the
// read fails cleanly when the PTY is closed. Raw mode is set here instead.
type ptyReader struct{ f *os.File }

func (r ptyReader) Read(p []byte) (int, error) { return r.f.Read(p) }

// makeRaw puts the PTY in raw mode, through SyscallConn (never Fd).
func makeRaw(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var rawErr error
	if err := rc.Control(func(fd uintptr) { _, rawErr = term.MakeRaw(int(fd)) }); err != nil {
		return err
	}
	return rawErr
}

// backgroundRequest is the message tea.RequestBackgroundColor makes.
var backgroundRequest = tea.RequestBackgroundColor()

// sessionFilter turns ctrl+z into nothing: a session cannot suspend the
// server. It also drops the model's own request for the background
// colour: the server asked as the session started (see handle).
func sessionFilter(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.SuspendMsg); ok || msg == backgroundRequest {
		return nil
	}
	return msg
}

// logValue cuts a client-chosen string to a length a person can read; the
// log handler quotes it (once) when it holds spaces or control characters.
func logValue(s string) string {
	const maxLogged = 64
	if len(s) > maxLogged {
		cut := maxLogged
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return s[:cut] + fmt.Sprintf("…(%d bytes)", len(s))
	}
	return s
}

// guard runs a session goroutine with the same panic isolation as the
// handler: the panic is logged and ends only that goroutine's session.
func (s *Server) guard(what string, attrs []any, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("session goroutine panic", append(attrs, "goroutine", what, "panic", fmt.Sprint(r))...)
		}
	}()
	fn()
}

// watchedWriter records when a write started and whether it is still
// blocked, so the watchdog can tell a client that stopped reading.
type watchedWriter struct {
	w       io.Writer
	since   atomic.Int64 // unix nanoseconds a write started, 0 when none is running
	written atomic.Int64
}

// Write sends p with each line feed turned into CR LF, as a terminal's
// output processing (ONLCR) would: Bubble Tea, reading a plain reader
// rather than a TTY, assumes that mapping and moves to the next line with
// a bare line feed.
func (w *watchedWriter) Write(p []byte) (int, error) {
	out := p
	if bytes.IndexByte(p, '\n') >= 0 {
		out = bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))
	}
	w.since.Store(time.Now().UnixNano())
	n, err := w.w.Write(out)
	w.since.Store(0)
	w.written.Add(int64(n))
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// watchOutput ends a session whose client stops reading: the program's
// writes block once the SSH window fills. Closing the channel fails the
// blocked write; the program is asked to quit, and killed if it has not
// ended after a grace.
func (s *Server) watchOutput(ctl *control, out *watchedWriter, reason *endReason) {
	tick := time.NewTicker(s.cfg.WriteStall / 4)
	defer tick.Stop()
	for {
		select {
		case <-ctl.done:
			return
		case <-tick.C:
			if since := out.since.Load(); since != 0 && time.Since(time.Unix(0, since)) > s.cfg.WriteStall {
				reason.set("client stopped reading")
				ctl.kill()
				return
			}
		}
	}
}

// endReason is why a session ended, set from the session's goroutines.
type endReason struct {
	mu sync.Mutex
	s  string
}

func (r *endReason) set(s string) { r.mu.Lock(); r.s = s; r.mu.Unlock() }
func (r *endReason) get() string  { r.mu.Lock(); defer r.mu.Unlock(); return r.s }
