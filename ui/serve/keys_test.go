package serve

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// Keys typed quickly (or over a slow link) arrive in one read; each must
// still count, and once "/" opens the filter the rest are typed into it.
func TestKeysArrivingTogetherEachCount(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tm := openTerm(t, c, 100, 30)
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatal("no first frame")
	}
	tm.send("jj")
	if !tm.waitFor(t, "3/5", 0, wait) {
		t.Errorf("\"jj\" in one read did not move the cursor twice:\n%s", tm.shown())
	}
	tm.send("/stolt")
	if !tm.waitFor(t, `3 match "stolt"`, 0, wait) {
		t.Errorf("\"/stolt\" in one read did not filter for stolt:\n%s", tm.shown())
	}
}

// Defect 11, over SSH: m releases the mouse (the terminal can select text
// again) and takes it back.
func TestMouseToggleOverSSH(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tm := openTerm(t, c, 100, 30)
	if !tm.waitFor(t, "Articles (5)", 0, wait) || !strings.Contains(tm.raw(), "\x1b[?1002h") {
		t.Fatal("no first frame with mouse capture")
	}
	m := tm.mark()
	tm.send("m")
	if !eventually(wait, func() bool { return strings.Contains(tm.raw()[m:], "\x1b[?1002l") }) {
		t.Errorf("m did not release the mouse")
	}
	m = tm.mark()
	tm.send("m")
	if !eventually(wait, func() bool { return strings.Contains(tm.raw()[m:], "\x1b[?1002h") }) {
		t.Errorf("a second m did not capture the mouse again")
	}
}
