package ui

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// debateRow is one row of the side-by-side view: an accusation and the
// response it drew, either of which may be missing, or a group heading.
type debateRow struct {
	heading    string
	article    int // corpus index
	accusation *corpus.Quote
	response   *corpus.Quote
	accIndex   int // quotation indexes in the article, -1 when missing
	respIndex  int
}

// debateView puts accusations next to responses, for one article (d) or
// for every article in the list (D), grouped by who accuses whom.
type debateView struct {
	c        *common
	corpus   bool // over the corpus rather than one article
	rows     []debateRow
	row, col int // cursor: row index, 0 accusations, 1 responses
	top      int // first row drawn
	width    int
	height   int
	note     string // shown when there is nothing to pair
	title    string
	shown    string            // what the rows are of: "a<index>" or the corpus articles
	saved    map[string][3]int // row, column and first row of each view left, to reopen it there
}

// remember keeps the cursor of the view shown, so that reopening it finds
// the selection where it was left.
func (d *debateView) remember() {
	if d.shown == "" {
		return
	}
	if d.saved == nil {
		d.saved = map[string][3]int{}
	}
	d.saved[d.shown] = [3]int{d.row, d.col, d.top}
}

// articlesKey names a set of articles in a few bytes, however many there are.
func articlesKey(articles []int) string {
	h := fnv.New64a()
	var b [8]byte
	for _, i := range articles {
		binary.LittleEndian.PutUint64(b[:], uint64(i))
		h.Write(b[:])
	}
	return fmt.Sprintf("c%d:%x", len(articles), h.Sum64())
}

// restore puts the cursor back where it was when this view was last left.
func (d *debateView) restore(shown string) {
	d.shown = shown
	if p, ok := d.saved[shown]; ok && p[0] < len(d.rows) {
		d.row, d.col, d.top = p[0], p[1], p[2]
		return
	}
	d.skipHeading(1)
}

// setSize fits the view to its pane and keeps the cursor's row on screen.
func (d *debateView) setSize(w, h int) {
	d.width, d.height = w, h
	if d.row < len(d.rows) {
		d.follow()
	}
}

// quoteIndex finds a quotation's index in its article.
func quoteIndex(a *corpus.Article, q *corpus.Quote) int {
	for i := range a.Quotes {
		if &a.Quotes[i] == q {
			return i
		}
	}
	return -1
}

func (d *debateView) showArticle(index int) {
	c := d.c.shared.Corpus
	a := c.Articles[index]
	d.corpus, d.rows, d.row, d.col, d.top = false, nil, 0, 0, 0
	d.title = a.Title
	for _, p := range a.Debate {
		d.rows = append(d.rows, debateRow{article: index, accusation: p.Accusation, response: p.Response,
			accIndex: quoteIndex(a, p.Accusation), respIndex: quoteIndex(a, p.Response)})
	}
	d.note = ""
	hasResponse := false
	for _, p := range a.Debate {
		hasResponse = hasResponse || p.Response != nil
	}
	switch {
	case len(a.Debate) == 0:
		d.note = "This article has no accusations or responses."
	case !hasResponse:
		d.note = noResponseNote(c, index)
	}
	d.restore(fmt.Sprintf("a%d", index))
}

// noResponseNote says plainly that the accused did not answer here, and
// names other articles where that party does.
func noResponseNote(c *corpus.Corpus, index int) string {
	a := c.Articles[index]
	if a.Accused == "" {
		return "No response in this article."
	}
	var elsewhere []string
	for i, other := range c.Articles {
		if i == index {
			continue
		}
		for _, q := range other.Quotes {
			if q.Role == corpus.Response && q.Party == a.Accused {
				elsewhere = append(elsewhere, other.Title)
				break
			}
		}
		if len(elsewhere) == 5 {
			break
		}
	}
	if len(elsewhere) == 0 {
		return fmt.Sprintf("No response from %s in this article, nor in any other loaded article.", a.Accused)
	}
	return fmt.Sprintf("No response from %s in this article. %s answers in: %s.", a.Accused, a.Accused, strings.Join(elsewhere, "; "))
}

// showCorpus builds the view over the given articles, grouped by which
// party accuses which.
func (d *debateView) showCorpus(articles []int) {
	c := d.c.shared.Corpus
	d.corpus, d.rows, d.row, d.col, d.top, d.note = true, nil, 0, 0, 0, ""
	d.title = "Debate across " + plural(len(articles), "article", "articles")
	groups := map[string][]debateRow{}
	var names []string
	for _, i := range articles {
		a := c.Articles[i]
		for _, p := range a.Debate {
			name := groupName(a, p)
			if _, ok := groups[name]; !ok {
				names = append(names, name)
			}
			groups[name] = append(groups[name], debateRow{article: i, accusation: p.Accusation, response: p.Response,
				accIndex: quoteIndex(a, p.Accusation), respIndex: quoteIndex(a, p.Response)})
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return len(groups[names[i]]) > len(groups[names[j]]) })
	for _, n := range names {
		d.rows = append(d.rows, debateRow{heading: fmt.Sprintf("%s (%d)", n, len(groups[n]))})
		d.rows = append(d.rows, groups[n]...)
	}
	if len(d.rows) == 0 {
		d.note = "No accusations or responses in these articles."
	}
	d.restore(articlesKey(articles))
}

func groupName(a *corpus.Article, p corpus.Pair) string {
	accuser, accused := a.Accuser, a.Accused
	if p.Accusation != nil && p.Accusation.Party != "" {
		accuser = p.Accusation.Party
	}
	if p.Response != nil && p.Response.Party != "" {
		accused = p.Response.Party
	}
	switch {
	case accuser != "" && accused != "":
		return accuser + " accuses " + accused
	case accuser != "":
		return accuser + " accuses"
	case accused != "":
		return accused + " answers"
	}
	return "Unattributed"
}

func (d *debateView) skipHeading(dir int) {
	for d.row >= 0 && d.row < len(d.rows) && d.rows[d.row].heading != "" {
		d.row += dir
	}
	d.row = min(max(d.row, 0), max(len(d.rows)-1, 0))
}

// update moves the cursor; for enter it returns the quotation to open.
func (d *debateView) update(msg tea.KeyPressMsg) (tea.Cmd, *openQuoteMsg) {
	defer d.remember()
	defer d.follow()
	k := d.c.keys
	switch {
	case key.Matches(msg, k.Up):
		d.moveRow(-1)
	case key.Matches(msg, k.Down):
		d.moveRow(1)
	case key.Matches(msg, k.PageUp):
		d.moveRow(-5)
	case key.Matches(msg, k.PageDown):
		d.moveRow(5)
	case key.Matches(msg, k.Top):
		d.row = 0
		d.skipHeading(1)
	case key.Matches(msg, k.Bottom):
		d.row = len(d.rows) - 1
		d.skipHeading(-1)
	case key.Matches(msg, k.Left):
		d.col = 0
	case key.Matches(msg, k.Right):
		d.col = 1
	case key.Matches(msg, k.Open):
		if d.row < len(d.rows) {
			r := d.rows[d.row]
			q := r.accIndex
			if d.col == 1 || q < 0 {
				q = r.respIndex
			}
			if q < 0 {
				q = r.accIndex
			}
			return nil, &openQuoteMsg{article: r.article, quote: q}
		}
	}
	return nil, nil
}

func (d *debateView) moveRow(delta int) {
	if len(d.rows) == 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	d.row = min(max(d.row+delta, 0), len(d.rows)-1)
	d.skipHeading(dir)
	if d.rows[d.row].heading != "" {
		d.skipHeading(-dir)
	}
}

// headerLines is how many lines the view draws above the rows.
func (d *debateView) headerLines() int {
	n := 2
	if d.note != "" {
		n += len(wrapTo(d.note, d.width))
	}
	return n
}

// follow moves the first row drawn just enough to keep the cursor's row
// on screen; it runs when the cursor moves, not on every frame.
func (d *debateView) follow() {
	colW := max((d.width-3)/2, 10)
	rightW := max(d.width-3-colW, 10)
	room := max(d.height-d.headerLines(), 1)
	if d.row < d.top {
		d.top = d.row
		return
	}
	// Walk up from the cursor's row: the rows that fit below the first
	// one drawn stay; at most a screenful of rows is measured.
	used := 0
	for i := d.row; i >= d.top; i-- {
		used += len(d.renderRow(d.rows[i], false, colW, rightW))
		if used > room {
			d.top = min(i+1, d.row)
			return
		}
	}
}

func (d *debateView) view() string {
	s := d.c.styles
	colW := max((d.width-3)/2, 10)
	rightW := max(d.width-3-colW, 10)
	var out []string
	out = append(out, s.Title.Render(ansi.Truncate(d.title, d.width, "…")))
	// One space first: the cells below keep their first column for the selection bar.
	header := pad(" "+s.Header.Render("Accusations"), colW) + " │ " + pad(" "+s.Header.Render("Responses"), rightW)
	out = append(out, header)
	if d.note != "" {
		out = append(out, wrapTo(s.Meta.Render(d.note), d.width)...)
	}
	// Only the rows on screen are rendered: over a large corpus the view
	// holds thousands of rows, and View runs on every frame.
	room := max(d.height-len(out), 1)
	var lines []string
	for i := d.top; i < len(d.rows) && len(lines) < room; i++ {
		lines = append(lines, d.renderRow(d.rows[i], i == d.row, colW, rightW)...)
	}
	out = append(out, lines[:min(len(lines), room)]...)
	for len(out) < d.height {
		out = append(out, "")
	}
	return strings.Join(out[:d.height], "\n")
}

// renderRow draws one row as two columns padded to the same height, so
// that the columns never drift.
func (d *debateView) renderRow(r debateRow, selected bool, colW, rightW int) []string {
	s := d.c.styles
	if r.heading != "" {
		return []string{"", " " + s.Selected.Render(r.heading)} // past the bar column
	}
	left := d.cell(r, r.accusation, "(no accusation in this article)", selected && d.col == 0, colW)
	right := d.cell(r, r.response, "(no response in this article)", selected && d.col == 1, rightW)
	n := max(len(left), len(right))
	var out []string
	for i := range n {
		l, rt := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			rt = right[i]
		}
		out = append(out, pad(l, colW)+" │ "+pad(rt, rightW))
	}
	return append(out, strings.Repeat("─", colW)+"─┼─"+strings.Repeat("─", rightW))
}

// cell shows speaker (in colour), title and party, then the quotation;
// over the corpus it also names the article.
func (d *debateView) cell(r debateRow, q *corpus.Quote, empty string, selected bool, w int) []string {
	s := d.c.styles
	var lines []string
	w-- // the first column holds the selection bar
	if q == nil {
		lines = []string{s.Meta.Render(empty)}
	} else {
		who := s.Speaker(d.c.shared.Slot(q.Speaker)).Render(orDash(q.Speaker))
		var detail []string
		if q.RoleTitle != "" {
			detail = append(detail, q.RoleTitle)
		}
		if q.Party != "" && q.Party != q.Speaker {
			detail = append(detail, q.Party)
		}
		lines = append(lines, wrapTo(who, w)...)
		if len(detail) > 0 {
			lines = append(lines, wrapTo(s.Meta.Render(strings.Join(detail, " · ")), w)...)
		}
		a := d.c.shared.Corpus.Articles[r.article]
		lines = append(lines, wrapTo(a.Framing(q)+"“"+q.Text+"”", w)...)
		if d.corpus {
			lines = append(lines, s.Meta.Render(ansi.Truncate("in: "+d.c.shared.Corpus.Articles[r.article].Title, w, "…")))
		}
	}
	// The selected cell has a bar down its left side, visible without
	// colour, and a background tint where there is colour.
	for i, l := range lines {
		if selected {
			lines[i] = s.Selected.Render("▌") + s.CellSelected.Render(pad(l, w))
		} else {
			lines[i] = " " + l
		}
	}
	return lines
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// wrapTo word-wraps a styled string to w cells.
func wrapTo(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(w, 4), ""), "\n")
}

// pad pads or cuts a styled line to exactly w cells.
func pad(s string, w int) string {
	if sw := ansi.StringWidth(s); sw > w {
		return ansi.Truncate(s, w, "…")
	} else if sw < w {
		return s + strings.Repeat(" ", w-sw)
	}
	return s
}

// ShortHelp and FullHelp make the debate view a help.KeyMap: its own keys.
func (d *debateView) ShortHelp() []key.Binding {
	k := d.c.keys
	return []key.Binding{k.Up, k.Left, k.Open, k.Back}
}

func (d *debateView) FullHelp() [][]key.Binding {
	k := d.c.keys
	return [][]key.Binding{{k.CorpusDebate, k.Left, k.Right}}
}

// showsCorpus reports whether the view is over every listed article (D)
// rather than one article (d).
func (d *debateView) showsCorpus() bool { return d.corpus }
