package serve

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// frameGate decides when a session's frame is laid out. Bubble Tea calls
// View after every message, so a client typing a megabyte made the server
// lay out a megabyte of frames; yet its renderer writes only the newest
// frame, once per interval (tea.WithFPS), on a ticker it starts just
// before Init. The gate keeps step with that ticker: at most one frame is
// laid out per flush, late in the interval before it (margin ahead), so
// that what arrives within the interval is drawn at its end. A key and the
// search result that follows it a few milliseconds later reach the screen
// together at the next flush; a gate that laid out the key at once and
// then held the result for an interval of its own made it wait for the
// flush after, up to two intervals.
//
// It also holds the first frame back until the model says it is ready
// (its size and the terminal's background are known) or holdUntil has
// passed: drawn before the background answer, the first frame was drawn
// again at once in the right colours, two full frames per session where
// one does.
type frameGate struct {
	interval  time.Duration // the renderer's: it writes the newest frame once per interval
	margin    time.Duration // how long before its flush a frame is laid out
	now       func() time.Time
	holdUntil time.Time
	ready     func(tea.Model) bool

	mu sync.Mutex
	// origin is when the renderer's ticker started: it flushes at
	// origin + k·interval, flush k.
	origin   time.Time
	released bool // the first frame was drawn: nothing is held any more
	// dirty: a message since the last frame may have changed it. A model
	// with a Quiet method says which messages cannot; the others can.
	dirty  bool
	drawn  bool
	view   tea.View
	laidIn int64 // the flush the last frame was laid out for
	// tickAt is when the pending tick asks for the held frame; zero when
	// none is on its way.
	tickAt   time.Time
	computed int // frames laid out, for tests
}

// frameTickMsg asks for a frame held back by the gate: the one due at
// at, or (zero) the first frame once its hold is over.
type frameTickMsg struct{ at time.Time }

// firstFrameHold bounds the wait for the first frame: the background
// answer usually arrives within a round trip of the session's start.
const firstFrameHold = 150 * time.Millisecond

// maxFPS is Bubble Tea's own ceiling on tea.WithFPS.
const maxFPS = 120

func newFrameGate(fps int) *frameGate {
	fps = min(max(fps, 1), maxFPS)
	interval := time.Second / time.Duration(fps)
	now := time.Now()
	return &frameGate{
		interval: interval,
		// Laying out a 120×40 frame takes a millisecond or two; the
		// margin leaves room for a loaded machine.
		margin:    interval / 4,
		now:       time.Now,
		holdUntil: now.Add(firstFrameHold),
		ready:     modelReady,
		origin:    now,
	}
}

// modelReady asks a model that can tell whether its first frame is worth
// drawing; any other model is drawn at once.
func modelReady(m tea.Model) bool {
	r, ok := m.(interface{ Ready() bool })
	return !ok || r.Ready()
}

// start sets the renderer's clock: Bubble Tea calls Init right after it
// started its ticker.
func (g *frameGate) start() {
	g.mu.Lock()
	g.origin = g.now()
	g.mu.Unlock()
}

// changed records a message that may change the frame.
func (g *frameGate) changed() {
	g.mu.Lock()
	g.dirty = true
	g.mu.Unlock()
}

// flushFrom is the first flush at or after t.
func (g *frameGate) flushFrom(t time.Time) int64 {
	d := t.Sub(g.origin)
	if d <= 0 {
		return 0
	}
	return int64((d + g.interval - 1) / g.interval)
}

// nextLayout is when the next frame may be laid out, and the flush it is
// for: margin ahead of the first flush that has no frame laid out for it.
func (g *frameGate) nextLayout(now time.Time) (time.Time, int64) {
	k := max(g.flushFrom(now), g.laidIn+1)
	return g.origin.Add(time.Duration(k)*g.interval - g.margin), k
}

// due is called after every Update, before Bubble Tea's View: when the
// frame has changed and may not be laid out yet, it returns a tick for
// when it may (or nil when one is on its way). View lays out whenever no
// tick is, so the two never disagree about a deadline just passed.
func (g *frameGate) due() tea.Cmd {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.drawn || !g.dirty || !g.tickAt.IsZero() {
		return nil
	}
	now := g.now()
	at, _ := g.nextLayout(now)
	if !at.After(now) {
		return nil
	}
	g.tickAt = at
	return tea.Tick(at.Sub(now), func(time.Time) tea.Msg { return frameTickMsg{at} })
}

// ticked is the gate's tick arriving: the View that follows lays out the
// held frame, even when the tick came too late for the flush it was meant
// for (holding it for the next would starve a loaded session of frames).
func (g *frameGate) ticked(msg frameTickMsg) {
	g.mu.Lock()
	if g.tickAt.Equal(msg.at) {
		g.tickAt = time.Time{}
	}
	g.mu.Unlock()
}

func (g *frameGate) render(inner tea.Model) tea.View {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if !g.released {
		if g.ready != nil && !g.ready(inner) && now.Before(g.holdUntil) {
			v := tea.NewView("")
			v.AltScreen = true
			return v
		}
		g.released = true
	}
	if g.drawn && (!g.dirty || !g.tickAt.IsZero()) {
		return g.view
	}
	_, k := g.nextLayout(now)
	if !g.drawn {
		k = g.flushFrom(now) // a first frame is drawn at the first flush
	}
	g.dirty = false
	g.view, g.laidIn = inner.View(), k
	g.drawn = g.view.Content != "" // an empty first view (no size yet) never holds the first frame back
	g.computed++
	return g.view
}
