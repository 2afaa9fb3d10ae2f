package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// Emoji sequences whose width a terminal counts per code point (a
// skin-tone modifier, a family joined by ZWJ, a heart with a variation
// selector, a keycap, a lone regional indicator) leave every line of the
// frame exactly as wide as the screen, however it is counted: the right
// border stays in its column.
func TestEmojiSequencesKeepTheBorderInPlace(t *testing.T) {
	emoji := "Fans cheer 👍🏽 as the 👨‍👩‍👧 family waves 🇫🇷 and 🇫 flags ❤️ at kick-off 1️⃣ ☝🏽"
	a := corpus.Parse("emoji", "emoji.txt", emoji+"\n\n"+emoji+", the club said on Sunday.\n")
	a.Analyse()
	shared := NewShared(corpus.NewCorpus([]*corpus.Article{a}, nil))
	for _, w := range []int{80, 120} {
		m := run(New(shared, colourOptions()), tea.WindowSizeMsg{Width: w, Height: 30})
		m = typeKeys(m, "enter")
		lines := strings.Split(m.View().Content, "\n")
		if !strings.Contains(ansi.Strip(m.View().Content), "Fans cheer 👍") {
			t.Fatalf("the article is not shown:\n%s", ansi.Strip(m.View().Content))
		}
		for i, l := range lines[:len(lines)-1] { // the status bar is not boxed
			if wc, g := ansi.StringWidthWc(l), ansi.StringWidth(l); wc != w || g != w {
				t.Errorf("width %d, line %d is %d cells per code point and %d per cluster: %q", w, i, wc, g, ansi.Strip(l))
			}
		}
	}
}

func TestEvenWidthsLeavesOtherTextAlone(t *testing.T) {
	for _, s := range []string{"plain │ box ─ “quotes” · …", "中文 and é and e\u0301", "क्\u200dष and 👍", "\x1b[38;5;252mcoloured 👍\x1b[0m"} {
		if got := evenWidths(s); got != s {
			t.Errorf("evenWidths(%q) = %q, want it unchanged", s, got)
		}
	}
}
