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
	c := dialWithNewKey(t, addr)
	tm := openTerm(t, c, 100, 30)
	if !tm.waitFor(t, "Articles (5)", 0, wait) {
		t.Fatal("no first frame")
	}
	tm.send("jj")
	if !tm.waitFor(t, "3/5", 0, wait) {
		t.Errorf("\"jj\" in one read did not move the cursor twice:\n%s", tm.shown())
	}
	tm.send("/stolt")
	if !tm.waitFor(t, `3 matches for "stolt"`, 0, wait) {
		t.Errorf("\"/stolt\" in one read did not filter for stolt:\n%s", tm.shown())
	}
}

// Defect 11, over SSH: m releases the mouse (the terminal can select text
// again) and takes it back.
func TestMouseToggleOverSSH(t *testing.T) {
	addr, _, _, _ := start(t, Config{}, hooks{})
	c := dialWithNewKey(t, addr)
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

// Defect 12: a 30 KB user name and TERM full of control characters are
// logged cut short, quoted once, with no raw control character.
func TestHugeUserNameIsLoggedShort(t *testing.T) {
	addr, _, logs, _ := start(t, Config{}, hooks{})
	name := strings.Repeat("a\x1b[2J\"", 10<<10)
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: name, Auth: []gossh.AuthMethod{gossh.PublicKeys(newKey(t))}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty(strings.Repeat("xterm\x07", 5<<10), 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	s.Shell()
	if !eventually(wait, func() bool { return strings.Contains(logs.String(), "session start") }) {
		t.Fatal("no session start logged")
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		if !strings.Contains(line, "session start") {
			continue
		}
		if len(line) > 600 || strings.ContainsAny(line, "\x1b\x07") || strings.Contains(line, `\\\"`) {
			t.Errorf("session start logged as %d bytes: %.300q", len(line), line)
		}
	}
}
