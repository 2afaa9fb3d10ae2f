package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// rowHeight is the lines one article takes in the list: title, details,
// and a blank line.
const rowHeight = 3

// listPane is the article list with its live filter. Filtering runs in a
// tea.Cmd over a snapshot of the query; each run carries a generation
// number and only the newest result is shown. The result counts its hits
// at once and ranks them only as far as the list reads them (the rows
// shown, or up to the cursor), from the nearer end of the list, so landing
// it on the UI goroutine costs nothing however many articles match, and G
// on 100k hits costs a pass over them rather than ordering them all.
type listPane struct {
	c      *common
	input  textinput.Model
	hits   *corpus.Result
	cursor int
	offset int // first visible row
	width  int
	height int

	gen       int    // generation of the newest search sent
	query     string // query whose hits are shown
	searching bool   // a search is running
	keep      int    // corpus index the cursor stays on when the filter is cleared, or -1
}

// articles are the corpus indexes of the articles the list shows, in order.
func (l *listPane) articles() []int {
	all := l.hits.All()
	idx := make([]int, len(all))
	for i, h := range all {
		idx[i] = h.Index
	}
	return idx
}

// selectArticle puts the cursor on an article when the list shows it.
func (l *listPane) selectArticle(index int) {
	if i, ok := l.hits.Position(index); ok {
		l.cursor = i
		l.clampOffset()
	}
}

func newListPane(c *common) listPane {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "words, 'exact, !exclude, @speaker"
	in.CharLimit = 200
	in.SetStyles(c.styles.Input)
	l := listPane{c: c, input: in, keep: -1}
	go c.shared.Corpus.PrepareSearch() // before the first letter is typed
	l.hits = c.lib.arrange(c.shared.Corpus, c.shared.Corpus.Find("", nil), "")
	return l
}

func (l *listPane) setSize(w, h int) {
	l.width, l.height = w, h
	l.input.SetWidth(max(w-4, 10))
	l.clampOffset()
}

// filtering reports whether the filter input has the keyboard.
func (l *listPane) filtering() bool { return l.input.Focused() }

// selected returns the corpus index of the article under the cursor.
func (l *listPane) selected() (int, bool) {
	if l.cursor < 0 || l.cursor >= l.hits.Len() {
		return 0, false
	}
	return l.hits.At(l.cursor).Index, true
}

func (l *listPane) visibleRows() int { return max(1, (l.height-2)/rowHeight) }

func (l *listPane) clampOffset() {
	l.cursor = min(max(l.cursor, 0), max(l.hits.Len()-1, 0))
	rows := l.visibleRows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(0, min(l.offset, max(l.hits.Len()-rows, 0)))
}

func (l *listPane) move(delta int) {
	l.cursor += delta
	l.clampOffset()
}

// update handles keys for the list. Like every pane's, it returns the
// work to run and, for enter, the article to open, which the Model opens
// at once so that keys typed right after act on it.
func (l *listPane) update(msg tea.KeyPressMsg) (tea.Cmd, *openQuoteMsg) {
	k := l.c.keys
	if l.filtering() {
		switch msg.String() {
		case "esc":
			l.input.Blur()
			l.input.SetValue("")
			return l.search(), nil
		case "enter":
			l.input.Blur()
			return nil, l.open()
		case "up":
			l.move(-1)
			return nil, nil
		case "down":
			l.move(1)
			return nil, nil
		}
		return l.typed(msg), nil
	}
	switch {
	case key.Matches(msg, k.Search):
		return l.input.Focus(), nil
	case key.Matches(msg, k.Back) && l.input.Value() != "":
		l.input.SetValue("")
		return l.search(), nil
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.PageUp):
		l.move(-l.visibleRows())
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		l.move(l.visibleRows())
	case key.Matches(msg, k.Top):
		l.move(-l.hits.Len())
	case key.Matches(msg, k.Bottom):
		l.move(l.hits.Len())
	case key.Matches(msg, k.Open):
		return nil, l.open()
	}
	return nil, nil
}

// open asks for the selected article to be opened.
func (l *listPane) open() *openQuoteMsg {
	i, ok := l.selected()
	if !ok {
		return nil
	}
	return &openQuoteMsg{article: i, quote: -1}
}

// ShortHelp and FullHelp make the list a help.KeyMap: its own keys.
func (l *listPane) ShortHelp() []key.Binding {
	k := l.c.keys
	return []key.Binding{k.Search, k.Open, k.NextPane, k.CorpusDebate}
}

func (l *listPane) FullHelp() [][]key.Binding {
	k := l.c.keys
	return [][]key.Binding{{k.Open, k.Back, k.NextPane, k.PrevPane, k.Search}}
}

// status is the list's piece of the status bar: the cursor's position,
// how many articles the filter keeps, and the filter.
func (l *listPane) status() []string {
	total := len(l.c.shared.Corpus.Articles)
	n := l.hits.Len()
	var parts []string
	if n > 0 {
		parts = append(parts, fmt.Sprintf("%d/%d", l.cursor+1, n))
	} else {
		parts = append(parts, "no match")
	}
	if n != total {
		parts = append(parts, fmt.Sprintf("of %d", total))
	}
	if l.query != "" {
		parts = append(parts, "filter: "+l.query)
	}
	return parts
}

// paste types pasted text into the filter.
func (l *listPane) paste(msg tea.PasteMsg) tea.Cmd { return l.typed(msg) }

// typed hands a key or a paste to the filter input, and searches again
// when the query changed.
func (l *listPane) typed(msg tea.Msg) tea.Cmd {
	before := l.input.Value()
	var c tea.Cmd
	l.input, c = l.input.Update(msg)
	if l.input.Value() != before {
		return tea.Batch(c, l.search())
	}
	return c
}

// search starts a filter run for the current input. When the new query
// narrows the one shown, only its hits are searched again: the search
// reads them off the shown result in its own goroutine.
func (l *listPane) search() tea.Cmd {
	l.gen++
	gen, query := l.gen, l.input.Value()
	var within *corpus.Result
	if corpus.Narrows(l.query, query) {
		within = l.hits
	}
	c := l.c.shared.Corpus
	order := l.c.lib.sorter(query)
	l.searching = true
	// Leaving a filter keeps the cursor on the article it was on.
	l.keep = -1
	if i, ok := l.selected(); ok && query == "" {
		l.keep = i
	}
	return func() tea.Msg {
		hits := c.Find(query, within)
		if order != nil {
			hits = order(c, hits)
		}
		return searchDoneMsg{gen: gen, query: query, hits: hits}
	}
}

// applySearch shows a search result unless a newer one was asked for.
func (l *listPane) applySearch(msg searchDoneMsg) {
	if msg.gen != l.gen {
		return
	}
	l.searching = false
	l.query = msg.query
	l.hits = l.c.lib.filter(l.c.shared.Corpus, msg.hits) // ordered by the search
	l.cursor, l.offset = l.c.lib.cursorAfterArrange(l.c.shared.Corpus, l.hits), 0
	l.clampOffset()
	if l.keep >= 0 {
		l.selectArticle(l.keep)
		l.keep = -1
	}
}

// clickRow selects the row at line y of the pane; it reports whether a row
// was hit.
func (l *listPane) clickRow(y int) bool {
	row := (y - 2) / rowHeight
	if y < 2 || l.offset+row >= l.hits.Len() {
		return false
	}
	l.cursor = l.offset + row
	return true
}

func (l *listPane) view(focused bool) string {
	s := l.c.styles
	var b strings.Builder
	switch {
	case l.filtering() || l.input.Value() != "":
		b.WriteString(ansi.Truncate(l.input.View(), l.width, "…"))
	default:
		b.WriteString(s.Title.Render(fmt.Sprintf("Articles (%d)", len(l.c.shared.Corpus.Articles))))
	}
	b.WriteString("\n")
	// While a search runs, the last result's count stays: a frame saying
	// "searching…" on every key would flicker (and cost bytes over SSH).
	if l.query != "" {
		b.WriteString(s.Meta.Render(fmt.Sprintf("%s for %q", plural(l.hits.Len(), "match", "matches"), l.query)))
	}
	b.WriteString("\n")
	if l.hits.Len() == 0 {
		b.WriteString(s.Meta.Render("No article matches. esc clears the filter."))
	}
	for k, h := range l.hits.Window(l.offset, l.visibleRows()) {
		b.WriteString(l.row(h, l.offset+k == l.cursor, focused))
	}
	return b.String()
}

// row renders one article: its title with the matched letters marked, then
// date, source, genre, statement count and main speakers in their colours.
func (l *listPane) row(h corpus.Hit, selected, focused bool) string {
	s := l.c.styles
	a := l.c.shared.Corpus.Articles[h.Index]
	titleStyle := s.Title
	marker := "  "
	if selected {
		titleStyle = s.Selected
		marker = s.Selected.Render("▌ ")
		if !focused {
			marker = s.Meta.Render("▌ ")
		}
	}
	w := max(l.width-2, 8)
	marks, mw := l.c.lib.rowMarks(s, a.ID)
	title := marks + highlight(ansi.Truncate(a.Title, w-mw, "…"), h.Title, titleStyle, s.Match.Inherit(titleStyle))
	meta := l.c.lib.rowSource(a)
	for _, p := range []string{a.Date, a.Dateline, a.Genre} {
		if p != "" {
			meta = append(meta, p)
		}
	}
	meta = append(meta, plural(len(a.Quotes), "statement", "statements"))
	line2 := s.Meta.Render(strings.Join(meta, " · "))
	for i, sp := range l.c.shared.main[h.Index] {
		sep := " · "
		if i > 0 {
			sep = ", "
		}
		line2 += s.Meta.Render(sep) + s.Speaker(l.c.shared.Slot(sp)).Render(sp)
	}
	return marker + title + "\n  " + ansi.Truncate(line2, w, "…") + "\n\n"
}

// mainSpeakers are the article's most quoted speakers.
func mainSpeakers(a *corpus.Article, n int) []string {
	sp := append([]corpus.Speaker(nil), a.Speakers...)
	for i := 1; i < len(sp); i++ { // stable insertion sort by quotes, descending
		for j := i; j > 0 && sp[j].Quotes > sp[j-1].Quotes; j-- {
			sp[j], sp[j-1] = sp[j-1], sp[j]
		}
	}
	var out []string
	for _, s := range sp[:min(n, len(sp))] {
		out = append(out, s.Name)
	}
	return out
}

// highlight styles the runes of s that start at the given byte offsets
// (sahilm/fuzzy reports bytes, so accented titles light the right
// letters). Offsets past a truncation are ignored.
func highlight(s string, offsets []int, base, match interface{ Render(...string) string }) string {
	if len(offsets) == 0 {
		return base.Render(s)
	}
	set := make(map[int]bool, len(offsets))
	for _, o := range offsets {
		set[o] = true
	}
	var b, run strings.Builder
	inMatch := false
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if inMatch {
			b.WriteString(match.Render(run.String()))
		} else {
			b.WriteString(base.Render(run.String()))
		}
		run.Reset()
	}
	for i, r := range s {
		if set[i] != inMatch {
			flush()
			inMatch = set[i]
		}
		run.WriteRune(r)
	}
	flush()
	return b.String()
}

// plural says how many, with the right form of the noun: "1 match", "3 matches".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// restyle gives the filter box the session's styles.
func (l *listPane) restyle(in textinput.Styles) { l.input.SetStyles(in) }
