package serve

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Defect 3: a terminal's answers, however late, are never typed into the
// reader. The answer to the background query arrives after the reader has
// stopped waiting for it and drawn its article; it contains "/" (which
// opens the filter) and letters. It changes the palette, and q still
// quits.
func TestLateTerminalAnswersAreNotKeys(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
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
