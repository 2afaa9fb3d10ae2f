package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// A filter that keeps hundreds of articles shows the count of all of them,
// and the end of the list holds the worst of them, as a full ranking would
// order it, though the list ranks only what it shows.
func TestListCountsAndReachesTheLastOfManyHits(t *testing.T) {
	shared := synthShared(400)
	m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 100, Height: 30}, press("/"))
	m = typeKeys(m, "s", "o")
	want := shared.Corpus.Search("so", nil)
	if len(want) < 200 || len(want) == 400 {
		t.Fatalf("the query keeps %d articles; the test needs hundreds, not all", len(want))
	}
	screen := ansi.Strip(m.View().Content)
	if !strings.Contains(screen, fmt.Sprintf("1/%d · of 400", len(want))) || !strings.Contains(screen, fmt.Sprintf("%d matches", len(want))) {
		t.Fatalf("the counter does not say 1 of %d:\n%s", len(want), screen)
	}
	m.list.input.Blur() // leave the filter box, keep the filter
	m = run(m, press("G"))
	if i, _ := m.list.selected(); i != want[len(want)-1].Index {
		t.Errorf("the last row is article %d, want %d, the worst ranked", i, want[len(want)-1].Index)
	}
	screen = ansi.Strip(m.View().Content)
	if last := shared.Corpus.Articles[want[len(want)-1].Index].Title[:25]; !strings.Contains(screen, last) || !strings.Contains(screen, fmt.Sprintf("%d/%d", len(want), len(want))) {
		t.Errorf("the bottom of the list does not show %q at %d/%d:\n%s", last, len(want), len(want), screen)
	}
}

// A filter that keeps nothing says so in the status bar, beside the size of
// the whole corpus, instead of a position in an empty list.
func TestStatusSaysNoMatch(t *testing.T) {
	shared := synthShared(40)
	m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 100, Height: 30}, press("/"))
	m = typeKeys(m, "q", "x", "z", "q")
	if n := len(shared.Corpus.Search("qxzq", nil)); n != 0 {
		t.Fatalf("the query keeps %d articles; the test needs none", n)
	}
	screen := ansi.Strip(m.View().Content)
	if !strings.Contains(screen, "no match · of 40") || strings.Contains(screen, "0/40") {
		t.Errorf("the status bar does not say there is no match:\n%s", screen)
	}
}
