package serve

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
	"golang.org/x/sys/unix"

	"counterpoint/ui"
)

// handle runs one reader session. Everything in it is guarded: a panic
// ends this session only, its terminal restored, logged once.
func (s *Server) handle(sess ssh.Session) {
	start := time.Now()
	ctx := sess.Context()
	handshakeDone(ctx)
	who := identity(ctx)
	pty, _, hasPTY := sess.Pty()
	attrs := []any{"addr", sess.RemoteAddr().String(), "key", who, "user", strconv.Quote(sess.User()), "term", strconv.Quote(pty.Term)}
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
	defer sessionStarted(ctx)() // the PTY stays open until this handler ends
	if !s.track(sess) {
		fmt.Fprint(sess, "counterpoint: the server is shutting down.\r\n")
		sess.Exit(1)
		reason.set("shutting down")
		return
	}
	defer s.untrack(sess)

	out := &watchedWriter{w: pty.Slave}
	renderer := s.renderer(pty)
	var model tea.Model = ui.New(s.shared, ui.Options{Renderer: renderer, Mouse: true, Version: s.cfg.Version, Style: s.cfg.Style})
	if s.hooks.wrapModel != nil {
		model = s.hooks.wrapModel(model)
	}
	safe, panicked := isolate(model)
	prog := tea.NewProgram(safe,
		tea.WithInput(pty.Slave), tea.WithOutput(out),
		tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler(), // signals belong to the server, and ctrl+z must not stop it
		// No tea.WithContext: a cancelled context kills the program, and a
		// killed program's input reader can stay blocked in epoll_wait for
		// ever (the reader is closed before it sees its cancel signal). The
		// program is always asked to quit instead; see endWith below.
	)
	panicked.mu.Lock()
	panicked.send = prog.Send
	panicked.mu.Unlock()
	s.setProgram(sess, prog)
	runningProgram(ctx, prog.Quit)

	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.guard("resize", attrs, func() { s.forwardResizes(sctx, windowChanges(ctx), prog, pty.Window) })
	go s.guard("end", attrs, func() { endWith(sctx, ctx, prog) })
	go s.guard("watchdog", attrs, func() { s.watchOutput(sctx, sess, out, prog, reason) })

	_, err := prog.Run()
	if v, stack := panicked.caught(); v != nil {
		reason.set("panic")
		s.log.Error("session panic", append(attrs, "panic", fmt.Sprint(v), "stack", stack)...)
	}
	switch {
	case s.closing.Load():
		reason.set("server shutdown")
		fmt.Fprint(pty.Slave, "\r\ncounterpoint: the server is shutting down. Goodbye.\r\n")
	case err != nil && reason.get() == "client left":
		reason.set("error: " + err.Error())
	}
	drain(pty.Master, ctx)
	sess.Exit(0)
}

// endWith asks the program to quit when the connection ends.
func endWith(session, conn context.Context, prog *tea.Program) {
	select {
	case <-session.Done():
	case <-conn.Done():
		prog.Quit()
	}
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

// renderer builds the session's own lipgloss renderer: colour profile from
// the client's TERM, background from the client's answer (time-boxed).
// Every style of the session comes from it.
func (s *Server) renderer(pty ssh.Pty) *lipgloss.Renderer {
	// The query comes first: termenv may put the file in blocking mode,
	// after which the query could not be time-boxed. No colour cache
	// either: it makes termenv ask the terminal itself, waiting seconds.
	dark, _ := queryDarkBackground(pty.Slave, s.cfg.ColourQueryTimeout)
	env := []string{"TERM=" + pty.Term}
	r := lipgloss.NewRenderer(pty.Slave, termenv.WithEnvironment(termEnv(env)))
	if pty.Term == "" || pty.Term == "dumb" {
		r.SetColorProfile(termenv.Ascii)
	}
	r.SetHasDarkBackground(dark)
	return r
}

type termEnv []string

func (e termEnv) Environ() []string { return e }
func (e termEnv) Getenv(k string) string {
	for _, v := range e {
		if len(v) > len(k) && v[:len(k)] == k && v[len(k)] == '=' {
			return v[len(k)+1:]
		}
	}
	return ""
}

// forwardResizes sends the program its first window size, then each new
// one, clamped. (The program reads no size itself: its output is not the
// PTY file but the watchdog's writer.) Send blocks until the program runs,
// which is why this happens here and not before Run.
func (s *Server) forwardResizes(ctx context.Context, windows <-chan ssh.Window, prog *tea.Program, first ssh.Window) {
	var last ssh.Window
	send := func(w ssh.Window) {
		if s.hooks.onResize != nil {
			s.hooks.onResize(w)
		}
		w = s.limits.clampWindow(w)
		if w.Width != last.Width || w.Height != last.Height {
			last = w
			prog.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}
	send(first)
	for {
		select {
		case <-ctx.Done():
			return
		case w := <-windows:
			send(w)
		}
	}
}

// watchedWriter records when a write started and whether it is still
// blocked, so the watchdog can tell a client that stopped reading.
type watchedWriter struct {
	w       io.Writer
	since   atomic.Int64 // unix nanoseconds a write started, 0 when none is running
	written atomic.Int64
}

func (w *watchedWriter) Write(p []byte) (int, error) {
	w.since.Store(time.Now().UnixNano())
	n, err := w.w.Write(p)
	w.since.Store(0)
	w.written.Add(int64(n))
	return n, err
}

// watchOutput ends a session whose client stops reading: the program's
// writes then block for ever once the SSH window and the PTY buffer fill.
func (s *Server) watchOutput(ctx context.Context, sess ssh.Session, out *watchedWriter, prog *tea.Program, reason *endReason) {
	tick := time.NewTicker(s.cfg.WriteStall / 4)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if since := out.since.Load(); since != 0 && time.Since(time.Unix(0, since)) > s.cfg.WriteStall {
				reason.set("client stopped reading")
				// Closing the session closes the PTY, which fails the
				// blocked write; then the program can quit.
				sess.Close()
				prog.Quit()
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

// maxDrain bounds the wait for the last output to leave the PTY.
const maxDrain = 500 * time.Millisecond

// drain waits until the library's copier has read everything the program
// wrote from the PTY master, so that the frame restoring the terminal and
// the goodbye reach the client: the library copies the PTY to the channel
// in a goroutine of its own and closes the channel as soon as the handler
// returns, whatever is still queued.
func drain(master *os.File, conn context.Context) {
	rc, err := master.SyscallConn() // not Fd: that would make the file blocking
	if err != nil {
		return
	}
	deadline := time.Now().Add(maxDrain)
	for time.Now().Before(deadline) && conn.Err() == nil {
		n := 0
		rc.Control(func(fd uintptr) { n, err = unix.IoctlGetInt(int(fd), unix.TIOCINQ) })
		if err != nil || n == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	// The copier has read the last bytes; give it time to write them to
	// the channel (under load, 20 ms was sometimes too little).
	time.Sleep(copierSettle)
}

// copierSettle is the pause between the PTY's last byte being read by the
// library's copier and the session's channel being closed.
const copierSettle = 100 * time.Millisecond
