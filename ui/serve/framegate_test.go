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
func events() *sessionEvents { return &sessionEvents{stop: make(chan struct{})} }

// clock is the gate's time in these tests, moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time              { return c.t }
func (c *clock) at(origin time.Time, ms int) { c.t = origin.Add(time.Duration(ms) * time.Millisecond) }

// gated is a counted model behind a gate whose renderer flushes every
// 40 ms (25 frames a second) from origin, on a clock the test moves.
type gated struct {
	m      isolated
	clk    *clock
	origin time.Time
}

func newGated(c counted) *gated {
	m, _ := isolate(c, events(), func() {}, 25)
	origin := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clk := &clock{origin}
	m.frames.now = clk.now
	m.frames.start()
	m.frames.holdUntil = origin.Add(firstFrameHold)
	return &gated{m, clk, origin}
}

// send hands msg to the model at ms after the renderer started, as Bubble
// Tea does (Update, then View), and returns what View drew.
func (g *gated) send(ms int, msg tea.Msg) string {
	g.clk.at(g.origin, ms)
	next, _ := g.m.Update(msg)
	g.m = next.(isolated)
	return g.m.View().Content
}

// tick fires the gate's pending tick at ms after the start, and returns
// what View drew.
func (g *gated) tick(ms int) string {
	g.m.frames.mu.Lock()
	at := g.m.frames.tickAt
	g.m.frames.mu.Unlock()
	return g.send(ms, frameTickMsg{at})
}

// tickAt is when the gate's pending tick fires, in ms after the start; -1
// when none is pending.
func (g *gated) tickAt() int {
	g.m.frames.mu.Lock()
	defer g.m.frames.mu.Unlock()
	if g.m.frames.tickAt.IsZero() {
		return -1
	}
	return int(g.m.frames.tickAt.Sub(g.origin) / time.Millisecond)
}

// A session's first frame is laid out once the model is ready (its size
// and the terminal's background known), not before: drawn earlier, it was
// drawn again at once in the right colours.
func TestFirstFrameWaitsUntilTheModelIsReady(t *testing.T) {
	c, ready, views := newCounted()
	g := newGated(c)
	if v := g.send(1, changeMsg{"first"}); v != "" || *views != 0 {
		t.Fatalf("a frame was laid out before the model was ready: %q, %d layouts", v, *views)
	}
	*ready = true
	if v := g.send(2, changeMsg{"ready"}); v != "ready" || *views != 1 {
		t.Fatalf("got %q after %d layouts, want the ready frame laid out once, at once", v, *views)
	}
}

// A model that never becomes ready (a terminal that does not answer) is
// drawn once the hold is over.
func TestFirstFrameIsDrawnWhenTheHoldEnds(t *testing.T) {
	c, _, views := newCounted()
	g := newGated(c)
	// The hold's own tick.
	if v := g.send(int(firstFrameHold/time.Millisecond)+1, frameTickMsg{}); v != "first" || *views != 1 {
		t.Fatalf("got %q after %d layouts, want the frame drawn after the hold", v, *views)
	}
}

// A message that changes nothing on screen costs no layout; one that may
// does.
func TestQuietMessagesAreNotLaidOutAgain(t *testing.T) {
	c, ready, views := newCounted()
	*ready = true
	g := newGated(c)
	g.send(1, quietMsg{})
	for i := range 5 {
		g.send(100+i*40, quietMsg{})
	}
	if *views != 1 || g.tickAt() != -1 {
		t.Errorf("%d layouts (a tick pending at %d ms) for one frame and five quiet messages, want 1 and none", *views, g.tickAt())
	}
	g.send(300, changeMsg{"changed"})
	if v := g.tick(g.tickAt()); v != "changed" || *views != 2 {
		t.Errorf("got %q after %d layouts, want the change laid out", v, *views)
	}
}

// A key and the search result that follows it within the renderer's
// interval reach the screen together at its next flush, laid out once:
// the key's frame is not laid out at once and the result then held past
// that flush. The renderer flushes at 40, 80, 120… ms.
func TestAKeyAndItsResultAreDrawnAtTheNextFlush(t *testing.T) {
	c, ready, views := newCounted()
	*ready = true
	g := newGated(c)
	g.send(1, changeMsg{"list"}) // the first frame, for the flush at 40 ms
	if v := g.send(45, changeMsg{"filter: s"}); v != "list" {
		t.Fatalf("the key was laid out %q at once, early in the interval", v)
	}
	if v := g.send(60, changeMsg{"filter: s, 12 matches"}); v != "list" {
		t.Fatalf("the result was laid out %q at once, early in the interval", v)
	}
	at := g.tickAt()
	if at < 60 || at >= 80 {
		t.Fatalf("the held frame is laid out at %d ms, want before the flush at 80 ms", at)
	}
	if v := g.tick(at); v != "filter: s, 12 matches" || *views != 2 {
		t.Errorf("at %d ms: %q after %d layouts, want the result, laid out once with its key", at, v, *views)
	}
}

// A change late in the interval, when nothing was laid out for the coming
// flush yet, is laid out at once: it still makes that flush.
func TestALateChangeIsLaidOutAtOnce(t *testing.T) {
	c, ready, views := newCounted()
	*ready = true
	g := newGated(c)
	g.send(1, changeMsg{"list"})
	if v := g.send(75, changeMsg{"moved"}); v != "moved" || *views != 2 {
		t.Errorf("got %q after %d layouts, want the change laid out at once, 5 ms before the flush", v, *views)
	}
}

// A tick that comes after the flush it was meant for (a loaded machine)
// still lays the frame out: it is not held for the next flush, and the
// next, while the machine stays loaded.
func TestALateTickStillLaysOut(t *testing.T) {
	c, ready, _ := newCounted()
	*ready = true
	g := newGated(c)
	g.send(1, changeMsg{"list"})
	g.send(45, changeMsg{"moved"})
	if v := g.tick(g.tickAt() + 50); v != "moved" {
		t.Errorf("a tick 50 ms late drew %q, want the change", v)
	}
}

// A client that sends a message every millisecond gets a frame laid out
// for each flush of the renderer, no more, and the screen keeps up: each
// flush sends a frame laid out within the 10 ms before it, and the last
// message is drawn.
func TestAFloodIsLaidOutOncePerFlush(t *testing.T) {
	c, ready, views := newCounted()
	*ready = true
	g := newGated(c)
	lastLaid := 0
	step := func(ms int, msg tea.Msg) string {
		before := *views
		v := g.send(ms, msg)
		if *views > before {
			lastLaid = ms
		}
		return v
	}
	step(1, changeMsg{"0"})
	const floodMs = 1000
	for ms := 2; ms <= floodMs; ms++ {
		if ms%40 == 0 && ms > 40 && ms-lastLaid > 10 { // a flush
			t.Fatalf("the flush at %d ms sends the frame laid out at %d ms", ms, lastLaid)
		}
		if at := g.tickAt(); at >= 0 && at <= ms {
			step(at, frameTickMsg{g.m.frames.tickAt})
		}
		step(ms, changeMsg{string(rune('a' + ms%26))})
	}
	if flushes := floodMs / 40; *views > flushes+2 {
		t.Errorf("%d layouts for %d flushes", *views, flushes)
	}
	want := string(rune('a' + floodMs%26))
	if v := g.tick(g.tickAt()); v != want {
		t.Errorf("after the flood the screen shows %q, want the last message %q", v, want)
	}
}
