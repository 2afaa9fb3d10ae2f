package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// linkedMsg reports an action on a link, a copy or an export.
type linkedMsg struct {
	note string
	err  error
}

func (linkedMsg) libraryMsg() {}

// browserCommand is the program that opens a URL: $BROWSER when set (its
// first entry, as in "firefox:chromium"; "%s" stands for the URL, else
// the URL is its last argument), else xdg-open, or open on macOS.
func browserCommand(url string, getenv func(string) string, goos string) []string {
	if b := strings.TrimSpace(strings.Split(getenv("BROWSER"), ":")[0]); b != "" {
		args := strings.Fields(b)
		found := false
		for i, a := range args {
			if strings.Contains(a, "%s") {
				args[i] = strings.ReplaceAll(a, "%s", url)
				found = true
			}
		}
		if !found {
			args = append(args, url)
		}
		return args
	}
	if goos == "darwin" {
		return []string{"open", url}
	}
	return []string{"xdg-open", url}
}

// openLink opens the article's source in the browser: only on the user's
// own machine (over SSH it would open on the server), and only an http or
// https URL, passed as one argument, never through a shell.
func (s *libSession) openLink(a *corpus.Article, getenv func(string) string, goos string) tea.Cmd {
	if a == nil {
		return nil
	}
	if !s.local {
		s.setNote("o works on your own machine only; the link is at the foot of the article", false)
		return nil
	}
	url := corpus.SafeURL(a.URL)
	if url == "" {
		s.setNote("this article has no web address", false)
		return nil
	}
	argv := browserCommand(url, getenv, goos)
	return func() tea.Msg {
		cmd := exec.Command(argv[0], argv[1:]...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out // never onto the reader's screen
		if err := cmd.Run(); err != nil {
			msg := strings.TrimSpace(out.String())
			if len(msg) > 200 {
				msg = msg[:200]
			}
			return linkedMsg{err: fmt.Errorf("%s: %v %s", argv[0], err, msg)}
		}
		return linkedMsg{note: "opened " + url + " with " + argv[0]}
	}
}

// copyQuote puts a quotation with its attribution on the clipboard of the
// user's terminal (OSC 52, which works over SSH too).
func (s *libSession) copyQuote(a *corpus.Article, q int) tea.Cmd {
	if a == nil || q < 0 || q >= len(a.Quotes) {
		s.setNote("no quotation selected: ] and [ move to one", false)
		return nil
	}
	text := a.Citation(&a.Quotes[q])
	s.setNote("copied "+ansi.Truncate(text, 60, "…")+" (if your terminal allows OSC 52)", false)
	return tea.SetClipboard(text)
}

// exportName is the file a debate is written to: debate-<article ID>.md,
// or debate.md for every article in the list, in the working directory.
// The ID is reduced to letters, digits, '.', '-' and '_', so it can never
// name another folder.
func exportName(id string) string {
	if id == "" {
		return "debate.md"
	}
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.' && b.Len() > 0:
			b.WriteRune(r)
		default:
			b.WriteRune('-')
		}
	}
	return "debate-" + b.String() + ".md"
}

// exportDebate writes the debate shown as Markdown to a file in the
// working directory, only when the user asks (e) and only locally: over
// SSH the server's disk is not the user's.
func (s *libSession) exportDebate(c *corpus.Corpus, articles []*corpus.Article, id string) tea.Cmd {
	if !s.local {
		s.setNote("e writes a file on your own machine only: run counterpoint debate --markdown there", false)
		return nil
	}
	if len(articles) == 0 {
		s.setNote("no debate to export", false)
		return nil
	}
	name := exportName(id)
	return func() tea.Msg {
		var b bytes.Buffer
		var err error
		if len(articles) == 1 && id != "" {
			err = articles[0].WriteDebateMarkdown(&b)
		} else {
			err = corpus.NewCorpus(articles, nil).WriteDebateMarkdown(&b)
		}
		if err == nil {
			err = writeFileAtomic(name, b.Bytes())
		}
		if err != nil {
			return linkedMsg{err: fmt.Errorf("export: %w", err)}
		}
		abs, _ := filepath.Abs(name)
		return linkedMsg{note: "wrote " + abs}
	}
}

// writeFileAtomic writes through a temporary file, so a failed export
// never leaves half a file where an earlier one was.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// hyperlink makes text an OSC 8 link to url where the terminal supports
// it (others show the text alone). Only a safe URL is linked.
func hyperlink(text, url string) string {
	url = corpus.SafeURL(url)
	if url == "" {
		return text
	}
	return ansi.SetHyperlink(url) + text + ansi.ResetHyperlink()
}

// linkLine is the article's source for the foot of the reader: its
// address, cut to fit, as a hyperlink.
func linkLine(a *corpus.Article, width int) string {
	if a == nil || width < 8 {
		return ""
	}
	url := corpus.SafeURL(a.URL)
	if url == "" {
		return ""
	}
	return hyperlink(ansi.Truncate("↗ "+url, width, "…"), url)
}

// titleLine is the rendered line that shows the article's title (among
// the first few), to be made a hyperlink; -1 when there is none.
func titleLine(plain []string, a *corpus.Article) int {
	if a == nil || corpus.SafeURL(a.URL) == "" || a.Title == "" {
		return -1
	}
	head := a.Title
	if len(head) > 20 {
		head = head[:20]
	}
	for i, l := range plain[:min(len(plain), 6)] {
		if t := strings.TrimSpace(l); len(t) >= 4 && (strings.Contains(t, head) || strings.Contains(strings.ToUpper(a.Title), t)) {
			return i
		}
	}
	return -1
}
