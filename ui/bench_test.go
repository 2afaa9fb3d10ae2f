package ui

import (
	"fmt"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"counterpoint/corpus"
	"counterpoint/corpus/synth"
)

func synthShared(n int) *Shared {
	articles := make([]*corpus.Article, n)
	for i := range articles {
		articles[i] = corpus.Parse(strconv.Itoa(i), "synth", synth.Article(i))
		articles[i].Analyse()
	}
	return NewShared(corpus.NewCorpus(articles, nil))
}

// keystroke sends one key to the filter, runs the search it starts, lands
// the result and draws the frame: what a user waits for after a key.
func keystroke(m Model, k tea.KeyPressMsg) Model {
	nm, cmd := m.Update(k)
	m = nm.(Model)
	for _, msg := range results(cmd) {
		nm, _ = m.Update(msg)
		m = nm.(Model)
	}
	_ = m.View()
	return m
}

// BenchmarkKeystroke is keystroke-to-frame latency in the list filter
// (targets: 16 ms at 10k articles, 100 ms at 100k). "narrowing" types one
// more letter of a name; "fresh" types a letter that starts a new term,
// which the previous hits cannot answer alone.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		if testing.Short() && n > 10_000 {
			continue
		}
		shared := synthShared(n)
		base := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 120, Height: 40})
		base = run(base, press("/"))
		for _, r := range "sorense" {
			base = keystroke(base, press(string(r)))
		}
		b.Run(fmt.Sprintf("narrowing/articles=%d", n), func(b *testing.B) {
			for b.Loop() {
				keystroke(base, press("n"))
			}
		})
		b.Run(fmt.Sprintf("fresh/articles=%d", n), func(b *testing.B) {
			m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 120, Height: 40}, press("/"))
			for b.Loop() {
				keystroke(m, press("q"))
			}
		})
	}
}

// BenchmarkRender is the first render of an article (target: under 200 ms
// for any article at any width).
func BenchmarkRender(b *testing.B) {
	seeds := corpus.LoadSeeds()
	long := corpus.Parse("long", "long", synth.Article(7))
	long.Analyse()
	cases := map[string]*corpus.Article{
		"seed-001":        seeds.Article("001_13f1f25d5283cfc5"),
		"synthetic-900w":  long,
		"chinese-no-gaps": parsed("题" + string(make([]rune, 0)) + repeatRune('网', 40000)),
		"100KB-token":     parsed(repeatRune('x', 100<<10)),
		"combining-marks": parsed("e" + repeatRune('\u0301', 20000)),
		"20k-headings":    parsed(repeatLine("# heading", 20000)),
	}
	for name, a := range cases {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				renderArticle(a, 100, "dark")
			}
		})
	}
}

func parsed(text string) *corpus.Article {
	a := corpus.Parse("x", "x", "Title\n\n"+text+"\n")
	a.Analyse()
	return a
}

func repeatRune(r rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = r
	}
	return string(rs)
}

func repeatLine(l string, n int) string {
	b := make([]byte, 0, n*(len(l)+1))
	for range n {
		b = append(b, l...)
		b = append(b, '\n')
	}
	return string(b)
}
