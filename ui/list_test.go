package ui

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

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

// After G at the bottom of a long list, typing goes on from the new
// query's best hit, and the result of a query typed before it, landing
// late, does not bring the old rows back.
func TestTypingAfterTheBottomShowsTheNewQuery(t *testing.T) {
	shared := synthShared(400)
	m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 100, Height: 30}, press("/"))
	m = typeKeys(m, "s", "o")
	m.list.input.Blur()
	m = run(m, press("G"))
	so := shared.Corpus.Search("so", nil)
	if i, _ := m.list.selected(); i != so[len(so)-1].Index {
		t.Fatalf("G put the cursor on article %d, want the last hit %d", i, so[len(so)-1].Index)
	}
	m = run(m, press("/"))
	// "r" is typed; its search has not landed when "e" is typed.
	nm, late := m.Update(press("r"))
	m = nm.(Model)
	m = typeKeys(m, "e")
	for _, msg := range results(late) {
		nm, _ = m.Update(msg)
		m = nm.(Model)
	}
	sore := shared.Corpus.Search("sore", nil)
	if len(sore) == 0 || len(sore) == len(so) {
		t.Fatalf("the test needs a query that keeps some of the hits of \"so\", not %d of %d", len(sore), len(so))
	}
	screen := ansi.Strip(m.View().Content)
	if i, _ := m.list.selected(); i != sore[0].Index || !strings.Contains(screen, fmt.Sprintf("1/%d", len(sore))) {
		t.Errorf("after typing, the cursor is on article %d, want %d at 1/%d:\n%s", i, sore[0].Index, len(sore), screen)
	}
	if title := shared.Corpus.Articles[sore[0].Index].Title[:25]; !strings.Contains(screen, title) || !strings.Contains(screen, `matches for "sore"`) {
		t.Errorf("the screen does not show the best hit of \"sore\", %q:\n%s", title, screen)
	}
}

// BenchmarkBottomKey is key → frame for G on a filter that keeps every
// article, beside j's (a frame that ranks nothing) and what ranking the
// whole list once costs, which G did before the bottom was ranked from
// the end. COUNTERPOINT_BOTTOM_N sets
// the corpus size (10000 by default).
func BenchmarkBottomKey(b *testing.B) {
	n := 10_000
	if s := os.Getenv("COUNTERPOINT_BOTTOM_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	shared := synthShared(n)
	m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 120, Height: 40}, press("/"))
	m = keystroke(m, press("s"))
	m.list.input.Blur()
	if m.list.hits.Len() < n*9/10 {
		b.Fatalf("the filter keeps %d of %d articles; the benchmark needs nearly all", m.list.hits.Len(), n)
	}
	var bottom, all, down []time.Duration
	for b.Loop() {
		start := time.Now()
		keystroke(m, press("j")) // the frame of a key that ranks nothing, for scale
		down = append(down, time.Since(start))
		m.list.hits = shared.Corpus.Find("s", nil)
		start = time.Now()
		keystroke(m, press("G")) // m is a value: each G starts from the top of a fresh result
		bottom = append(bottom, time.Since(start))
		r := shared.Corpus.Find("s", nil)
		start = time.Now()
		r.All()
		all = append(all, time.Since(start))
		m.list.hits = shared.Corpus.Find("s", nil)
	}
	slices.Sort(bottom)
	slices.Sort(all)
	slices.Sort(down)
	b.ReportMetric(float64(down[len(down)/2])/1e6, "ms/j")
	b.ReportMetric(float64(bottom[len(bottom)/2])/1e6, "ms/G")
	b.ReportMetric(float64(all[len(all)/2])/1e6, "ms/rank-all")
}
