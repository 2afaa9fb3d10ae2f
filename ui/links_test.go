package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

func TestBrowserCommand(t *testing.T) {
	const u = "https://example.org/a"
	env := func(v string) func(string) string { return func(string) string { return v } }
	cases := []struct {
		browser, goos string
		want          []string
	}{
		{"", "linux", []string{"xdg-open", u}},
		{"", "darwin", []string{"open", u}},
		{"firefox:chromium", "linux", []string{"firefox", u}},
		{"echo --", "linux", []string{"echo", "--", u}},
		{"lynx -dump %s", "linux", []string{"lynx", "-dump", u}},
	}
	for _, c := range cases {
		if got := browserCommand(u, env(c.browser), c.goos); !reflect.DeepEqual(got, c.want) {
			t.Errorf("BROWSER=%q on %s: %q, want %q", c.browser, c.goos, got, c.want)
		}
	}
}

// o runs $BROWSER with the article's address as one argument, and says so;
// over SSH, or for an address that is not http(s), it runs nothing.
func TestOpenLink(t *testing.T) {
	_, lib := threeStories(t)
	t.Setenv("BROWSER", "echo")
	m := libraryModel(t, lib, localOptions())
	m, msgs := keys(m, "o")
	if len(msgs) != 1 {
		t.Fatalf("o gave %d messages", len(msgs))
	}
	if s := ansi.Strip(view(m)); !strings.Contains(s, "opened http://127.0.0.1:") || !strings.Contains(s, "/ferries with echo") {
		t.Errorf("status after o:\n%s", s)
	}

	t.Setenv("BROWSER", "false")
	m, _ = keys(m, "o")
	if s := ansi.Strip(view(m)); !strings.Contains(s, "false: exit status 1") {
		t.Errorf("a failing browser is not reported:\n%s", s)
	}

	ssh := libraryModel(t, lib, plainOptions())
	if _, msgs := keys(ssh, "o"); len(msgs) != 0 {
		t.Errorf("o over SSH ran something: %v", msgs)
	}

	bad := &corpus.Article{ID: "x", URL: "javascript:alert(1)"}
	s := newLibSession(seedShared, localOptions())
	if cmd := s.openLink(bad, os.Getenv, "linux"); cmd != nil || !strings.Contains(s.note, "no web address") {
		t.Errorf("an unsafe URL would be opened: note %q", s.note)
	}
}

// y copies the quotation ] moved to, with its attribution, over OSC 52.
func TestCopyQuote(t *testing.T) {
	_, lib := threeStories(t)
	m := libraryModel(t, lib, localOptions())
	m, _ = keys(m, "enter", "y")
	if !strings.Contains(view(m), "no quotation selected") {
		t.Errorf("y before ] should say how to select one:\n%s", ansi.Strip(view(m)))
	}
	m, msgs := keys(m, "]", "y")
	var copied string
	for _, msg := range msgs {
		if strings.HasSuffix(reflect.TypeOf(msg).String(), "setClipboardMsg") {
			copied = reflect.ValueOf(msg).String()
		}
	}
	want := "“We will not let the ferry timetable fall apart again,” — Mara Lind, Harbour Post, 2 March 2026"
	if copied != want {
		t.Errorf("copied %q, want %q", copied, want)
	}
	if !strings.Contains(ansi.Strip(view(m)), "copied “We will not") {
		t.Errorf("status after y:\n%s", ansi.Strip(view(m)))
	}
}

// e in the debate view writes debate-<id>.md in the working directory,
// and only there, and only locally.
func TestExportDebate(t *testing.T) {
	_, lib := threeStories(t)
	dir := t.TempDir()
	t.Chdir(dir)
	m := libraryModel(t, lib, localOptions())
	id := m.c.shared.Corpus.Articles[m.list.hits.At(0).Index].ID
	m, _ = keys(m, "enter", "d", "e")
	path := filepath.Join(dir, "debate-"+id+".md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no export: %v\n%s", err, ansi.Strip(view(m)))
	}
	if !strings.Contains(string(b), "Ole Brandt") || !strings.Contains(string(b), "Mara Lind") {
		t.Errorf("export lacks the speakers:\n%s", b)
	}
	if !strings.Contains(ansi.Strip(view(m)), "wrote "+dir) {
		t.Errorf("the status bar does not show the path:\n%s", ansi.Strip(view(m)))
	}

	// D, then e: every listed article's debate in debate.md.
	all, _ := keys(libraryModel(t, lib, localOptions()), "D", "e")
	b, err = os.ReadFile(filepath.Join(dir, "debate.md"))
	if err != nil || strings.Count(string(b), "\n# ") != 2 || !strings.Contains(ansi.Strip(view(all)), "debate.md") {
		t.Errorf("D then e: %v\n%s", err, b)
	}

	os.Remove(path)
	ssh := libraryModel(t, lib, plainOptions())
	ssh, _ = keys(ssh, "enter", "d", "e")
	if _, err := os.Stat(path); err == nil {
		t.Error("e over SSH wrote a file on the server")
	}
	if !strings.Contains(ansi.Strip(view(ssh)), "on your own machine only") {
		t.Errorf("e over SSH does not say why:\n%s", ansi.Strip(view(ssh)))
	}
}

func TestExportName(t *testing.T) {
	for id, want := range map[string]string{
		"":              "debate.md",
		"water-board":   "debate-water-board.md",
		"../../etc/x":   "debate--.-..-etc-x.md",
		".hidden":       "debate--hidden.md",
		"a b/c\x1b[31m": "debate-a-b-c--31m.md",
	} {
		if got := exportName(id); got != want {
			t.Errorf("exportName(%q) = %q, want %q", id, got, want)
		}
	}
}

// The reader shows the source address under the article, as a link, and
// the title links to it too.
func TestReaderShowsTheSourceLink(t *testing.T) {
	_, lib := threeStories(t)
	m := libraryModel(t, lib, localOptions())
	m, _ = keys(m, "enter")
	v := view(m)
	if !strings.Contains(ansi.Strip(v), "↗ http://127.0.0.1:") {
		t.Errorf("no source address in the reader:\n%s", ansi.Strip(v))
	}
	if n := strings.Count(v, "\x1b]8;;http://127.0.0.1:"); n < 2 {
		t.Errorf("%d OSC 8 links, want the title and the address", n)
	}
}
