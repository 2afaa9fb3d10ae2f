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

// frameGate coalesces frames: Bubble Tea calls View after every message,
// so a client typing a megabyte made the server lay out a megabyte of
// frames. Within minFrame of the last frame, View returns that frame
// again, and a tick makes sure the newest state is drawn once the interval
// has passed.
//
// It also holds the first frame back until the model says it is ready
// (its size and the terminal's background are known) or holdUntil has
// passed: drawn before the background answer, the first frame was drawn
// again at once in the right colours, two full frames per session where
// one does.
type frameGate struct {
	minFrame  time.Duration
	holdUntil time.Time
	ready     func(tea.Model) bool

	mu       sync.Mutex
	released bool // the first frame was drawn: nothing is held any more
	// dirty: a message since the last frame may have changed it. A model
	// with a Quiet method says which messages cannot; the others can.
	dirty       bool
	last        time.Time
	view        tea.View
	drawn       bool
	tickPending bool
	computed    int // frames laid out, for tests
}

// frameTickMsg asks for a frame held back by the gate.
type frameTickMsg struct{}

// due reports whether the next View may be laid out now; when it may not,
// it returns a tick for when it may (or nil when one is on its way).
func (g *frameGate) due() tea.Cmd {
	g.mu.Lock()
	defer g.mu.Unlock()
	wait := g.minFrame - time.Since(g.last)
	if !g.drawn || !g.dirty || wait <= 0 || g.tickPending {
		return nil
	}
	g.tickPending = true
	return tea.Tick(wait, func(time.Time) tea.Msg { return frameTickMsg{} })
}

// firstFrameHold bounds the wait for the first frame: the background
// answer usually arrives within a round trip of the session's start.
const firstFrameHold = 150 * time.Millisecond

func (g *frameGate) render(inner tea.Model) tea.View {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.released {
		if g.ready != nil && !g.ready(inner) && time.Now().Before(g.holdUntil) {
			v := tea.NewView("")
			v.AltScreen = true
			return v
		}
		g.released = true
	}
	view := inner.View
	if g.drawn && (!g.dirty || time.Since(g.last) < g.minFrame) {
		return g.view
	}
	g.dirty = false
	g.view, g.last = view(), time.Now()
	g.drawn = g.view.Content != "" // an empty first view (no size yet) never holds the first frame back
	g.computed++
	return g.view
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

func isolate(m tea.Model, events *sessionEvents, quit func(), minFrame time.Duration) (isolated, *panicState) {
	st := &panicState{quit: quit}
	gate := &frameGate{minFrame: minFrame, holdUntil: time.Now().Add(firstFrameHold), ready: modelReady}
	return isolated{inner: m, state: st, events: events, frames: gate}, st
}

// modelReady asks a model that can tell whether its first frame is worth
// drawing; any other model is drawn at once.
func modelReady(m tea.Model) bool {
	r, ok := m.(interface{ Ready() bool })
	return !ok || r.Ready()
}

func (m isolated) Init() tea.Cmd {
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
		m.frames.mu.Lock()
		m.frames.tickPending = false
		m.frames.mu.Unlock()
		return m, nil // Bubble Tea draws after this message
	}
	defer func() {
		if r := recover(); r != nil {
			m.state.record(r)
			model, cmd = m, tea.Quit
		}
	}()
	if q, ok := m.inner.(interface{ Quiet(tea.Msg) bool }); !ok || !q.Quiet(msg) {
		m.frames.mu.Lock()
		m.frames.dirty = true
		m.frames.mu.Unlock()
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
