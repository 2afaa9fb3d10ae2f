package serve

import (
	"runtime/debug"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// isolated wraps a session's model so that a panic in Update, View or a
// command ends that session the orderly way: the panic is recorded, the
// program is asked to quit, and Bubble Tea restores the terminal as on any
// quit. (Bubble Tea's own panic catching kills the program instead, which
// skips waiting for its input reader, prints to the server's stdout, and
// races with the PTY being closed.)
type isolated struct {
	inner tea.Model
	state *panicState
}

type panicState struct {
	mu    sync.Mutex
	value any
	stack string
	send  func(tea.Msg)
}

// panicMsg reports a panic caught in a command or in View.
type panicMsg struct{}

func (p *panicState) record(v any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.value == nil {
		p.value, p.stack = v, string(debug.Stack())
	}
}

// caught returns the first panic recorded, if any.
func (p *panicState) caught() (any, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.value, p.stack
}

func isolate(m tea.Model) (isolated, *panicState) {
	st := &panicState{}
	return isolated{inner: m, state: st}, st
}

func (m isolated) Init() tea.Cmd { return m.wrap(m.inner.Init()) }

func (m isolated) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(panicMsg); ok {
		return m, tea.Quit
	}
	if v, _ := m.state.caught(); v != nil {
		return m, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			m.state.record(r)
			model, cmd = m, tea.Quit
		}
	}()
	inner, c := m.inner.Update(msg)
	return isolated{inner: inner, state: m.state}, m.wrap(c)
}

func (m isolated) View() (view string) {
	defer func() {
		if r := recover(); r != nil {
			m.state.record(r)
			view = ""
			if send := m.state.sender(); send != nil {
				go send(panicMsg{}) // View cannot return a command
			}
		}
	}()
	return m.inner.View()
}

func (p *panicState) sender() func(tea.Msg) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.send
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
				msg = panicMsg{}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = m.wrap(c)
			}
			return wrapped
		}
		return msg
	}
}
