package serve

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"

	"counterpoint/ui"
)

// resizePoll is how often a session checks its window size in case the
// library's own resize goroutine took the window-change event first (both
// read the same channel).
const resizePoll = 250 * time.Millisecond

// handle runs one reader session. Everything in it is guarded: a panic
// ends this session only, its terminal restored, logged once.
func (s *Server) handle(sess ssh.Session) {
	start := time.Now()
	ctx := sess.Context()
	handshakeDone(ctx)
	who := identity(ctx)
	pty, winch, hasPTY := sess.Pty()
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
	if !s.track(sess) {
		fmt.Fprint(sess, "counterpoint: the server is shutting down.\r\n")
		sess.Exit(1)
		reason.set("shutting down")
		return
	}
	defer s.untrack(sess)

	out := &watchedWriter{w: pty.Slave}
	renderer := s.renderer(pty)
	model := ui.New(s.shared, ui.Options{Renderer: renderer, Mouse: true, Version: s.cfg.Version, Style: s.cfg.Style})
	prog := tea.NewProgram(model,
		tea.WithInput(pty.Slave), tea.WithOutput(out),
		tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler(), // signals belong to the server, and ctrl+z must not stop it
		tea.WithContext(ctx),
	)
	s.setProgram(sess, prog)

	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.guard("resize", attrs, func() { s.forwardResizes(sctx, sess, winch, prog, pty.Window) })
	go s.guard("watchdog", attrs, func() { s.watchOutput(sctx, sess, out, prog, reason) })

	_, err := prog.Run()
	prog.Kill() // restores the terminal if Run ended early
	switch {
	case s.closing.Load():
		reason.set("server shutdown")
		fmt.Fprint(pty.Slave, "\r\ncounterpoint: the server is shutting down. Goodbye.\r\n")
	case err != nil && reason.get() == "client left":
		reason.set("error: " + err.Error())
	}
	sess.Exit(0)
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
	env := []string{"TERM=" + pty.Term}
	r := lipgloss.NewRenderer(pty.Slave, termenv.WithEnvironment(termEnv(env)), termenv.WithColorCache(true))
	if pty.Term == "" || pty.Term == "dumb" {
		r.SetColorProfile(termenv.Ascii)
	}
	dark, _ := queryDarkBackground(pty.Slave, s.cfg.ColourQueryTimeout)
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
func (s *Server) forwardResizes(ctx context.Context, sess ssh.Session, winch <-chan ssh.Window, prog *tea.Program, first ssh.Window) {
	tick := time.NewTicker(resizePoll)
	defer tick.Stop()
	var last ssh.Window
	send := func(w ssh.Window) {
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
		case w, ok := <-winch:
			if !ok {
				return
			}
			send(w)
		case <-tick.C:
			if p, _, ok := sess.Pty(); ok {
				send(p.Window)
			}
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
				prog.Kill()
				sess.Close()
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
