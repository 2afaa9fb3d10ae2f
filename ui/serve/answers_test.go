package serve

import (
	"strings"
	"testing"
	"time"
)

// Defect 3: a terminal's answers, however late, are never typed into the
// reader. The answer to the background query arrives after the reader has
// stopped waiting for it and drawn its article; it contains "/" (which
// opens the filter) and letters. It changes the palette, and q still
// quits.
func TestLateTerminalAnswersAreNotKeys(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c := dialWithNewKey(t, addr)
	tm, err := tryTermAnswering(c, 120, 40, false)
	if err != nil {
		t.Fatal(err)
	}
	// The article shows once the reader gave up waiting for the answer.
	if !tm.waitFor(t, "statements", 0, wait) {
		t.Fatal("no article without an answer")
	}
	m := tm.mark()
	tm.send("\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c\x1b[?2026;2$y")
	const lightText = "38;5;234m" // Glamour's light-style body text
	if !eventually(wait, func() bool { return strings.Contains(tm.raw()[m:], lightText) }) {
		t.Errorf("the late answer did not switch the article to the light palette")
	}
	if strings.Contains(tm.shown(), "/ words") || strings.Contains(tm.shown(), "filter:") {
		t.Errorf("the answer was typed into the filter:\n%s", tm.shown())
	}
	tm.send("q")
	select {
	case <-tm.ended:
	case <-time.After(wait):
		t.Fatalf("q did not quit after a late answer:\n%s", tm.shown())
	}
}

// Defect 7: typing is bounded work. A client types 16 KB of keys into the
// filter in one go: the session lays out at most a frame per 1/FPS
// second, not one per key, and still answers. (Each key is still a
// message to handle: under the race detector on a loaded machine that is
// about a millisecond each, hence 16 KB and a generous deadline.)
func TestTypingFloodIsCoalesced(t *testing.T) {
	var gate *frameGate
	found := make(chan struct{})
	addr, _, _, _ := start(t, Config{FPS: 30}, hooks{onIsolate: func(m isolated) { gate = m.frames; close(found) }})
	c := dialWithNewKey(t, addr)
	tm := openTerm(t, c, 120, 40)
	<-found
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatal("no first frame")
	}
	began := time.Now()
	// Enter leaves the filter after the flood, and ? then opens help: help
	// on screen means every key before it was handled.
	tm.send("/" + strings.Repeat("x", 16<<10) + "\r?")
	if !tm.waitFor(t, "q or esc closes this help", tm.mark(), 4*wait) {
		t.Fatalf("the session did not come back from the flood:\n%s", tm.shown())
	}
	elapsed := time.Since(began)
	gate.mu.Lock()
	frames := gate.computed
	gate.mu.Unlock()
	if limit := int(elapsed.Seconds()*30) + 40; frames > limit {
		t.Errorf("%d frames laid out in %v for 16 KB of keys, want at most %d", frames, elapsed, limit)
	}
	tm.send("?q") // close help, quit
	select {
	case <-tm.ended:
	case <-time.After(wait):
		t.Fatalf("q did not quit after the flood:\n%s", tm.shown())
	}
}

// The server asks for the background colour as the session starts, once:
// the reader's own request is not sent again.
func TestBackgroundIsAskedOnce(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	tm := openTerm(t, dialWithNewKey(t, addr), 120, 40)
	if !tm.waitFor(t, "statements", 0, wait) {
		t.Fatalf("no article:\n%s", tm.shown())
	}
	if n := strings.Count(tm.raw(), "\x1b]11;?"); n != 1 {
		t.Errorf("the background colour was asked %d times, want once", n)
	}
}
