package ui

import (
	"bytes"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"counterpoint/corpus"
)

// plainOptions draw without colour, so golden files hold only the layout
// and can be checked by eye; Glamour still lays the article out.
func plainOptions() Options {
	return Options{Profile: colorprofile.ASCII, Style: "dark", Version: "test"}
}

func colourOptions() Options {
	return Options{Profile: colorprofile.ANSI256, Style: "dark", Version: "test"}
}

var seedShared = NewShared(corpus.LoadSeeds())

// press is the key message a terminal sends for a key.
func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case " ":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "ctrl+d", "ctrl+u":
		return tea.KeyPressMsg{Code: rune(s[5]), Mod: tea.ModCtrl}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return tea.KeyPressMsg{Code: r, Text: s}
}

// view is the screen's text, as Bubble Tea would draw it.
func view(m Model) string { return m.View().Content }

// screen drives the real program with teatest: it sends the keys one by
// one, waits until the screen shows want, quits, and returns the final
// model's view.
func screen(t *testing.T, w, h int, want string, keys ...string) string {
	return screenWith(t, plainOptions(), w, h, want, keys...)
}

func screenWith(t *testing.T, opts Options, w, h int, want string, keys ...string) string {
	t.Helper()
	tm := teatest.NewTestModel(t, New(seedShared, opts), teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(opts.Profile)))
	for _, k := range keys {
		tm.Send(press(k))
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	// Quit travels the program's message queue behind every key sent, so
	// the final model has handled them all.
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return view(landRender(tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)))
}

// landRender finishes a render the program quit before receiving (the
// wait above can be met by the list while the article still renders), so
// that golden files never catch a spinner.
func landRender(m Model) Model {
	if m.c != nil && m.list.searching { // likewise a filter run
		q := m.list.input.Value()
		m = run(m, searchDoneMsg{gen: m.list.gen, query: q, hits: m.c.shared.Corpus.Find(q, nil)})
	}
	if m.c == nil || !m.reader.loading || m.reader.article == nil {
		return m
	}
	k, a := m.reader.key, m.reader.article
	r := m.c.shared.cache.get(k, func() *rendered { return renderArticle(a, k.width, k.style) })
	return run(m, renderDoneMsg{key: k, r: r})
}

// The main screens at four sizes, without colour; at 120x40 also in 256
// colours (stored with escapes spelt out), so that a change of colour or
// mark shows in review. The golden files were checked by eye: run with
// -update to write them again after a deliberate change.
func TestGoldenScreens(t *testing.T) {
	cases := []struct {
		name string
		want string
		keys []string
	}{
		{"list", "Articles (5)", nil},
		{"reader", "words · ", []string{"j", "enter"}},
		{"debate", "Responses", []string{"j", "enter", "d"}},
		{"help", "counterpoint test", []string{"?"}},
		{"filter", "3 matches", []string{"/", "s", "t", "o", "l", "t"}},
		{"quote", "▌", []string{"j", "enter", "]", "]"}},
	}
	for _, size := range []struct{ w, h int }{{120, 40}, {100, 30}, {80, 24}, {60, 24}} {
		for _, c := range cases {
			t.Run(c.name+"_"+itoa(size.w)+"x"+itoa(size.h), func(t *testing.T) {
				view := screen(t, size.w, size.h, c.want, c.keys...)
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
			if size.w == 120 {
				t.Run(c.name+"_"+itoa(size.w)+"x"+itoa(size.h)+"_colour", func(t *testing.T) {
					golden.RequireEqual(t, []byte(screenWith(t, colourOptions(), size.w, size.h, c.want, c.keys...)))
				})
			}
		}
	}
	t.Run("too_small", func(t *testing.T) {
		golden.RequireEqual(t, []byte(ansi.Strip(screen(t, 30, 10, "too small"))))
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
