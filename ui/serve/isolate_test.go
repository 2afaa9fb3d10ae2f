package serve

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// counted is a model that counts its layouts and says when it is ready
// and which messages change nothing.
type counted struct {
	ready  *bool
	views  *int
	screen *string
}

type quietMsg struct{}
type changeMsg struct{ text string }

func (c counted) Init() tea.Cmd { return nil }
func (c counted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(changeMsg); ok {
		*c.screen = m.text
	}
	return c, nil
}
func (c counted) View() tea.View         { *c.views++; return tea.NewView(*c.screen) }
func (c counted) Ready() bool            { return *c.ready }
func (c counted) Quiet(msg tea.Msg) bool { _, ok := msg.(quietMsg); return ok }
func newCounted() (counted, *bool, *int) {
	r, v, s := false, 0, "first"
	return counted{&r, &v, &s}, &r, &v
}
func events() *sessionEvents                  { return &sessionEvents{stop: make(chan struct{})} }
func isolateCounted(c counted) isolated       { m, _ := isolate(c, events(), func() {}, 0); return m }
func update(m isolated, msg tea.Msg) isolated { next, _ := m.Update(msg); return next.(isolated) }

// A session's first frame is laid out once the model is ready (its size
// and the terminal's background known), not before: drawn earlier, it was
// drawn again at once in the right colours.
func TestFirstFrameWaitsUntilTheModelIsReady(t *testing.T) {
	c, ready, views := newCounted()
	m := isolateCounted(c)
	m = update(m, changeMsg{"first"})
	if v := m.View(); v.Content != "" || *views != 0 {
		t.Fatalf("a frame was laid out before the model was ready: %q, %d layouts", v.Content, *views)
	}
	*ready = true
	m = update(m, changeMsg{"ready"})
	if v := m.View(); v.Content != "ready" || *views != 1 {
		t.Fatalf("got %q after %d layouts, want the ready frame laid out once", v.Content, *views)
	}
}

// A model that never becomes ready (a terminal that does not answer) is
// drawn once the hold is over.
func TestFirstFrameIsDrawnWhenTheHoldEnds(t *testing.T) {
	c, _, views := newCounted()
	m := isolateCounted(c)
	m.frames.holdUntil = time.Now().Add(-time.Millisecond)
	if v := m.View(); v.Content != "first" || *views != 1 {
		t.Fatalf("got %q after %d layouts, want the frame drawn after the hold", v.Content, *views)
	}
}

// A message that changes nothing on screen costs no layout; one that may
// does.
func TestQuietMessagesAreNotLaidOutAgain(t *testing.T) {
	c, ready, views := newCounted()
	*ready = true
	m := isolateCounted(c)
	m.View()
	for range 5 {
		m = update(m, quietMsg{})
		m.View()
	}
	if *views != 1 {
		t.Errorf("%d layouts for one frame and five quiet messages, want 1", *views)
	}
	m = update(m, changeMsg{"changed"})
	if v := m.View(); v.Content != "changed" || *views != 2 {
		t.Errorf("got %q after %d layouts, want the change laid out", v.Content, *views)
	}
}
