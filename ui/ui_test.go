package ui

import (
	"bytes"
	"io"
	"strconv"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"counterpoint/corpus"
)

// plainOptions draw without colour, so golden files hold only the layout
// and can be checked by eye; Glamour still lays the article out.
func plainOptions() Options {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return Options{Renderer: r, Style: "dark", Version: "test"}
}

func colourOptions() Options {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return Options{Renderer: r, Style: "dark", Version: "test"}
}

var seedShared = NewShared(corpus.LoadSeeds())

func press(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// screen drives the real program with teatest: it sends the keys one by
// one, waits until the screen shows want, quits, and returns the final
// model's view.
func screen(t *testing.T, w, h int, want string, keys ...string) string {
	t.Helper()
	tm := teatest.NewTestModel(t, New(seedShared, plainOptions()), teatest.WithInitialTermSize(w, h))
	for _, k := range keys {
		tm.Send(press(k))
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	// One more round trip, so that every message sent before is handled.
	tm.Send(tea.WindowSizeMsg{Width: w, Height: h})
	time.Sleep(50 * time.Millisecond)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
}

// The main screens at 120x40 and 80x24. The golden files were checked by
// eye: run with -update to write them again after a deliberate change.
func TestGoldenScreens(t *testing.T) {
	cases := []struct {
		name string
		want string
		keys []string
	}{
		{"list", "Articles (5)", nil},
		{"reader", "statements", []string{"j", "enter"}},
		{"debate", "Responses", []string{"j", "enter", "d"}},
		{"help", "? or esc closes this help", []string{"?"}},
		{"filter", "3 match", []string{"/", "s", "t", "o", "l", "t"}},
	}
	for _, size := range []struct{ w, h int }{{120, 40}, {80, 24}} {
		for _, c := range cases {
			t.Run(c.name+"_"+itoa(size.w)+"x"+itoa(size.h), func(t *testing.T) {
				view := screen(t, size.w, size.h, c.want, c.keys...)
				golden.RequireEqual(t, []byte(ansi.Strip(view)))
			})
		}
	}
	t.Run("too_small", func(t *testing.T) {
		golden.RequireEqual(t, []byte(ansi.Strip(screen(t, 30, 10, "too small"))))
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
