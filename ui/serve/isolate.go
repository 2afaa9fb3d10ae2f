package serve

import (
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
)

// isolated wraps a session's model so that a panic in Update, View or a
// command ends that session the orderly way: the panic is recorded, the
// session is asked to quit, and Bubble Tea restores the terminal as on any
// quit. (Bubble Tea's own panic catching kills the program instead and
// prints to the server's stderr.)
//
// It also carries the session's events into the program: window changes
// and the request to stop arrive through a command that waits for them, so
// the server never calls into a program (Send and Quit block until the
// program runs, and deadlock with a program stuck in a write).
type isolated struct {
	inner  tea.Model
	state  *panicState
	events *sessionEvents
	frames *frameGate
}

// sessionEvents are what the server tells a running program.
type sessionEvents struct {
	stop     <-chan struct{}
	windows  <-chan ssh.Window
	clamp    func(ssh.Window) ssh.Window
	onResize func(ssh.Window) // test hook
}

// windowMsg is a window change from the client, before it becomes a
// tea.WindowSizeMsg (which Bubble Tea's renderer must see as well).
type windowMsg struct{ w ssh.Window }

// next waits for the session's next event.
func (e *sessionEvents) next() tea.Msg {
	select {
	case <-e.stop:
		return tea.QuitMsg{}
	case w, ok := <-e.windows:
		if !ok {
			<-e.stop
			return tea.QuitMsg{}
		}
		if e.onResize != nil {
			e.onResize(w)
		}
		return windowMsg{e.clamp(w)}
	}
}

type panicState struct {
	mu    sync.Mutex
	value any
	stack string
	quit  func()
}

func (p *panicState) record(v any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.value == nil {
		p.value, p.stack = v, string(debug.Stack())
	}
	if p.quit != nil {
		p.quit()
	}
}

// caught returns the first panic recorded, if any.
func (p *panicState) caught() (any, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.value, p.stack
}

// isolate wraps a session's model; fps is the rate its program's renderer
// was given (tea.WithFPS), which the frame gate keeps step with.
func isolate(m tea.Model, events *sessionEvents, quit func(), fps int) (isolated, *panicState) {
	st := &panicState{quit: quit}
	return isolated{inner: m, state: st, events: events, frames: newFrameGate(fps)}, st
}

func (m isolated) Init() tea.Cmd {
	// Bubble Tea starts its renderer's ticker just before it calls Init:
	// the renderer flushes every interval from now on.
	m.frames.start()
	// The tick draws the held first frame when the hold ends without the
	// model having become ready.
	release := tea.Tick(time.Until(m.frames.holdUntil), func(time.Time) tea.Msg { return frameTickMsg{} })
	return tea.Batch(m.wrap(m.inner.Init()), m.wrap(m.events.next), release)
}

func (m isolated) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	if v, _ := m.state.caught(); v != nil {
		return m, tea.Quit
	}
	switch msg := msg.(type) {
	case windowMsg:
		size := tea.WindowSizeMsg{Width: msg.w.Width, Height: msg.w.Height}
		return m, tea.Batch(func() tea.Msg { return size }, m.wrap(m.events.next))
	case frameTickMsg:
		m.frames.ticked(msg)
		return m, nil // Bubble Tea draws after this message
	}
	defer func() {
		if r := recover(); r != nil {
			m.state.record(r)
			model, cmd = m, tea.Quit
		}
	}()
	if q, ok := m.inner.(interface{ Quiet(tea.Msg) bool }); !ok || !q.Quiet(msg) {
		m.frames.changed()
	}
	inner, c := m.inner.Update(msg)
	next := m
	next.inner = inner
	return next, tea.Batch(m.wrap(c), m.frames.due())
}

func (m isolated) View() (view tea.View) {
	defer func() {
		if r := recover(); r != nil {
			m.state.record(r) // asks the session to quit: View cannot return a command
			view = tea.NewView("")
			view.AltScreen = true
		}
	}()
	return m.frames.render(m.inner)
}

// wrap makes a command report a panic instead of raising it, batches
// included.
func (m isolated) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				m.state.record(r)
				msg = tea.QuitMsg{}
			}
		}()
		msg = cmd()
		switch batch := msg.(type) {
		case tea.BatchMsg:
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = m.wrap(c)
			}
			return wrapped
		}
		return msg
	}
}
