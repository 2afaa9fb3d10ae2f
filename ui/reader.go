package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// maxLegendLines bounds the speaker legend above the article.
const maxLegendLines = 3

// The article's left margin holds a bar beside the current quotation and
// each quotation's speaker tag where it starts; the text beside it is kept
// to a comfortable measure on wide terminals, as glow does.
const (
	gutterWidth = 1 + tagWidth
	maxMeasure  = 100
)

// readerPane shows one article rendered by Glamour, with quotations in
// their speakers' colours, a legend, quotation jumps, a focused speaker
// and search inside the article. The rendered lines are kept unpainted;
// colours, dimming and search matches are painted on the visible lines
// when the pane is drawn.
type readerPane struct {
	c       *common
	article *corpus.Article
	index   int // in the corpus
	vp      viewport.Model
	spin    spinner.Model
	r       *rendered
	key     renderKey // what r is, or is being, rendered for
	loading bool
	width   int
	height  int

	quote     int    // the quotation ] and [ last moved to, -1 before any
	focus     string // the focused speaker, "" for none
	input     textinput.Model
	query     string
	matches   []lineMatch
	current   int     // index in matches
	anchor    float64 // scroll position to restore after a re-render
	wantQuote int     // quotation to show once the render lands, or -1

	tags   map[string]string // each speaker's tag in this article
	starts map[int][]int     // the quotations that start on each rendered line

	legend    *[]string // cached legend lines, shared by the pane's copies
	legendFor *legendKey
}

// renderWidth is the width the article is laid out for: the pane less the
// margin, at most maxMeasure, and quantised like every layout width (see
// the package's renderWidth) so that resizing causes few layouts.
func (r *readerPane) renderWidth() int {
	return renderWidth(min(r.width-gutterWidth, maxMeasure))
}

type lineMatch struct{ line, start, end int }

// legendKey is what the legend depends on; the legend is built once for
// it, not on every frame.
type legendKey struct {
	article *corpus.Article
	focus   string
	width   int
	styles  *Styles
}

func newReaderPane(c *common) readerPane {
	in := textinput.New()
	in.Prompt = "find: "
	in.CharLimit = 200
	in.SetStyles(c.styles.Input)
	sp := spinner.New(spinner.WithSpinner(spinner.Dot))
	vp := viewport.New()
	vp.KeyMap = viewport.KeyMap{} // keys are handled here, from the one keymap
	return readerPane{c: c, vp: vp, spin: sp, input: in, quote: -1, wantQuote: -1, legend: new([]string), legendFor: new(legendKey)}
}

func (r *readerPane) searching() bool { return r.input.Focused() }

// bodyHeight is the height left for the article under the legend and
// above the footer.
func (r *readerPane) bodyHeight() int {
	return max(1, r.height-len(r.legendLines())-1)
}

func (r *readerPane) setSize(w, h int) tea.Cmd {
	r.width, r.height = w, h
	r.vp.SetWidth(w)
	r.vp.SetHeight(r.bodyHeight())
	r.input.SetWidth(max(w-10, 10))
	return r.ensureRender()
}

// open shows an article, at a quotation when quote >= 0.
func (r *readerPane) open(index int, a *corpus.Article, quote int) tea.Cmd {
	if r.article != a {
		r.article, r.index = a, index
		r.tags = speakerTags(a)
		r.r, r.quote, r.focus, r.query, r.matches = nil, -1, "", "", nil
		r.anchor = 0
		r.vp.SetYOffset(0)
	}
	r.wantQuote = quote
	cmd := r.ensureRender()
	r.vp.SetHeight(r.bodyHeight())
	r.showWanted()
	return cmd
}

// ensureRender gets the layout for the current article and width: from
// the shared cache at once when it is there, else from a render run in a
// tea.Cmd while a spinner turns. Nothing renders before the pane has a
// size.
func (r *readerPane) ensureRender() tea.Cmd {
	if r.article == nil || r.width <= 0 || !r.c.settled {
		return nil
	}
	k := renderKey{id: r.article.ID, width: r.renderWidth(), style: r.c.style}
	if r.key == k && (r.r != nil || r.loading) {
		return nil // laid out, or being laid out, for this already
	}
	if r.r != nil {
		r.anchor = r.vp.ScrollPercent()
	}
	r.key = k
	if done, ok := r.c.shared.cache.peek(k); ok {
		r.setRendered(done)
		return nil
	}
	r.loading = true
	a, cache := r.article, r.c.shared.cache
	render := func() tea.Msg {
		return renderDoneMsg{key: k, r: cache.get(k, func() *rendered { return renderArticle(a, k.width, k.style) })}
	}
	return tea.Batch(render, r.spin.Tick)
}

// applyRender takes a finished render if it is still wanted.
func (r *readerPane) applyRender(msg renderDoneMsg) {
	if msg.key != r.key {
		return
	}
	r.setRendered(msg.r)
}

func (r *readerPane) setRendered(done *rendered) {
	r.r, r.loading = done, false
	r.starts = quoteStarts(done)
	r.vp.SetContentLines(done.lines)
	r.vp.SetHeight(r.bodyHeight())
	r.vp.SetYOffset(int(r.anchor * float64(max(len(done.lines)-r.vp.Height(), 0))))
	r.findMatches()
	r.showWanted()
}

// showWanted scrolls to the quotation asked for once it is laid out.
func (r *readerPane) showWanted() {
	if r.r == nil || r.wantQuote < 0 || r.wantQuote >= len(r.r.quoteLine) {
		return
	}
	r.quote = r.wantQuote
	if line := r.r.quoteLine[r.wantQuote]; line >= 0 {
		r.vp.SetYOffset(max(line-2, 0))
	}
	r.wantQuote = -1
}

// update handles the reader's keys. It has the shape of every pane's
// update; the reader never asks for an article to be opened.
func (r *readerPane) update(msg tea.KeyPressMsg) (tea.Cmd, *openQuoteMsg) {
	k := r.c.keys
	if r.searching() {
		switch msg.String() {
		case "esc":
			r.input.Blur()
			r.input.SetValue("")
			r.query = ""
			r.findMatches()
			return nil, nil
		case "enter":
			r.input.Blur()
			return nil, nil
		}
		return r.typed(msg), nil
	}
	switch {
	case key.Matches(msg, k.Up):
		r.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		r.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		r.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		r.vp.PageDown()
	case key.Matches(msg, k.HalfUp):
		r.vp.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		r.vp.HalfPageDown()
	case key.Matches(msg, k.Top):
		r.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		r.vp.GotoBottom()
	case key.Matches(msg, k.NextQuote):
		r.stepQuote(1)
	case key.Matches(msg, k.PrevQuote):
		r.stepQuote(-1)
	case key.Matches(msg, k.FocusSpeaker):
		r.cycleFocus()
	case key.Matches(msg, k.Search):
		r.input.SetValue(r.query)
		return r.input.Focus(), nil
	case key.Matches(msg, k.NextMatch):
		r.jumpToMatch(r.current + 1)
	case key.Matches(msg, k.PrevMatch):
		r.jumpToMatch(r.current - 1)
	case key.Matches(msg, k.Back) && r.query != "":
		r.query = ""
		r.findMatches()
	}
	return nil, nil
}

// tick turns the spinner while a render runs.
func (r *readerPane) tick(msg spinner.TickMsg) tea.Cmd {
	if !r.loading {
		return nil
	}
	var cmd tea.Cmd
	r.spin, cmd = r.spin.Update(msg)
	return cmd
}

// wheel scrolls three lines per notch of the mouse wheel, up or down.
func (r *readerPane) wheel(delta int) {
	switch {
	case delta == 0: // a sideways wheel
		return
	case delta < 0:
		r.vp.ScrollUp(3)
	default:
		r.vp.ScrollDown(3)
	}
}

// paste types pasted text into the search.
func (r *readerPane) paste(msg tea.PasteMsg) tea.Cmd { return r.typed(msg) }

// typed hands a key or a paste to the search input and searches again
// when the query changed.
func (r *readerPane) typed(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	if r.input.Value() != r.query {
		r.query = r.input.Value()
		r.findMatches()
		r.jumpToMatch(0)
	}
	return cmd
}

// stepQuote moves to the next or previous quotation (of the focused
// speaker, when one is focused) and scrolls it into view. It starts from
// the current quotation while that is on screen, else from the screen:
// ] goes to the first quotation from the top line down, [ to the last one
// above it.
func (r *readerPane) stepQuote(dir int) {
	if r.r == nil || r.article == nil {
		return
	}
	top, h := r.vp.YOffset(), r.vp.Height()
	onScreen := func(q int) bool { l := r.r.quoteLine[q]; return l >= top && l < top+h }
	n := len(r.article.Quotes)
	from := r.quote
	if from >= 0 && !onScreen(from) {
		from = -1
	}
	wanted := func(q int) bool {
		return r.r.quoteLine[q] >= 0 && (r.focus == "" || r.article.Quotes[q].Speaker == r.focus)
	}
	target := -1
	switch {
	case from >= 0:
		for q := from + dir; q >= 0 && q < n && target < 0; q += dir {
			if wanted(q) {
				target = q
			}
		}
	case dir > 0:
		for q := 0; q < n && target < 0; q++ {
			if wanted(q) && r.r.quoteLine[q] >= top {
				target = q
			}
		}
	default:
		for q := n - 1; q >= 0 && target < 0; q-- {
			if wanted(q) && r.r.quoteLine[q] < top {
				target = q
			}
		}
	}
	if target < 0 {
		return
	}
	r.quote = target
	r.vp.SetYOffset(max(r.r.quoteLine[target]-2, 0))
}

// cycleFocus focuses each speaker of the article in turn, then none.
func (r *readerPane) cycleFocus() {
	if r.article == nil || len(r.article.Speakers) == 0 {
		return
	}
	sp := r.article.Speakers
	next := 0
	for i, s := range sp {
		if s.Name == r.focus {
			next = i + 1
		}
	}
	if next >= len(sp) {
		r.focus = ""
		return
	}
	r.focus = sp[next].Name
}

// findMatches searches the plain text of the rendered lines, smart-case.
func (r *readerPane) findMatches() {
	r.matches, r.current = nil, 0
	if r.r == nil || r.query == "" {
		return
	}
	q := r.query
	fold := strings.ToLower(q) == q
	for i, line := range r.r.plain {
		hay := line
		if fold {
			hay = strings.ToLower(line)
		}
		for off := 0; ; {
			j := strings.Index(hay[off:], q)
			if j < 0 || len(hay) != len(line) {
				break
			}
			r.matches = append(r.matches, lineMatch{i, off + j, off + j + len(q)})
			off += j + len(q)
		}
	}
}

func (r *readerPane) jumpToMatch(i int) {
	if len(r.matches) == 0 {
		return
	}
	r.current = (i%len(r.matches) + len(r.matches)) % len(r.matches)
	line := r.matches[r.current].line
	if top := r.vp.YOffset(); line < top || line >= top+r.vp.Height() {
		r.vp.SetYOffset(max(line-r.vp.Height()/3, 0))
	}
}

// legendLines lists the article's speakers: tag and name in their colour,
// party and number of statements, wrapped to the pane; "?" stands for
// quotations nobody is named for. When that does not fit in
// maxLegendLines, details are dropped before any speaker is, so that every
// colour and tag on screen is explained.
func (r *readerPane) legendLines() []string {
	if r.article == nil || len(r.article.Quotes) == 0 {
		return nil
	}
	if r.legend == nil { // a pane not made by newReaderPane keeps no cache
		return r.buildLegend()
	}
	k := legendKey{r.article, r.focus, r.width, r.c.styles}
	if *r.legendFor == k {
		return *r.legend
	}
	lines := r.buildLegend()
	*r.legend, *r.legendFor = lines, k
	return lines
}

// buildLegend lays the legend out; legendLines keeps it.
func (r *readerPane) buildLegend() []string {
	lines, shown := r.layLegend(r.legendItems(true))
	if items := r.legendItems(false); shown < len(items) {
		lines, shown = r.layLegend(items)
		if rest := len(items) - shown; rest > 0 {
			// Say that the legend goes on; s still cycles through everyone.
			more := r.c.styles.Meta.Render(fmt.Sprintf("+%d more", rest))
			last := lines[len(lines)-1]
			if ansi.StringWidth(last)+ansi.StringWidth(more) > r.width {
				lines = append(lines[:len(lines)-1], more)
			} else {
				lines[len(lines)-1] = last + more
			}
		}
	}
	return lines
}

// legendItems are the legend's entries, with party and count when full.
func (r *readerPane) legendItems(full bool) []string {
	s := r.c.styles
	var items []string
	for _, sp := range r.article.Speakers {
		slot := r.c.shared.Slot(sp.Name)
		name := s.Speaker(slot).Render(sp.Name)
		if r.focus != "" && sp.Name != r.focus {
			name = s.Dim.Render(sp.Name)
		}
		if r.focus == sp.Name {
			name = s.Speaker(slot).Underline(true).Render(sp.Name)
		}
		item := s.Speaker(slot).Render(r.tags[sp.Name]) + " " + name
		if full {
			detail := fmt.Sprintf(" %d", sp.Quotes)
			if sp.Party != "" && sp.Party != sp.Name {
				detail = fmt.Sprintf(" (%s) %d", sp.Party, sp.Quotes)
			}
			item += s.Meta.Render(detail)
		}
		items = append(items, item)
	}
	for _, q := range r.article.Quotes {
		if q.Speaker == "" {
			items = append(items, s.Meta.Render("? unattributed"))
			break
		}
	}
	return items
}

// layLegend wraps items into at most maxLegendLines lines; it returns the
// lines and how many items they hold.
func (r *readerPane) layLegend(items []string) ([]string, int) {
	var lines []string
	line, width, shown := "", 0, 0
	for _, item := range items {
		w := ansi.StringWidth(item) + 2
		if width > 0 && width+w > r.width {
			lines = append(lines, line)
			line, width = "", 0
			if len(lines) == maxLegendLines {
				return lines, shown
			}
		}
		line += item + "  "
		width += w
		shown++
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, shown
}

func (r *readerPane) view() string {
	s := r.c.styles
	if r.article == nil {
		return s.Meta.Render("Select an article and press enter.")
	}
	var b strings.Builder
	for _, l := range r.legendLines() {
		b.WriteString(ansi.Truncate(l, r.width, "…") + "\n")
	}
	body := r.vp.Height()
	top := r.vp.YOffset()
	switch {
	case r.r == nil:
		b.WriteString(r.spin.View() + s.Meta.Render(" rendering…"))
		b.WriteString(strings.Repeat("\n", body))
	default:
		pt := painter{quoteStyle: r.quoteStyle}
		linked := titleLine(r.r.plain, r.article) // the title links to the source
		for i := top; i < top+body; i++ {
			if i < len(r.r.lines) {
				line := pt.paint(r.r.lines[i], r.r.spans[i], r.matchesOn(i))
				if i == linked {
					line = hyperlink(ansi.Truncate(line, r.width-gutterWidth, ""), r.article.URL)
				}
				line = r.gutter(i) + line
				b.WriteString(ansi.Truncate(line, r.width, ""))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString(r.footer())
	return b.String()
}

// quoteStyle is the SGR for a quotation: its speaker's colour, dimmed when
// another speaker is focused.
func (r *readerPane) quoteStyle(q int) string {
	s := r.c.styles
	if q < 0 || q >= len(r.article.Quotes) {
		return ""
	}
	qt := r.article.Quotes[q]
	if r.focus != "" && qt.Speaker != r.focus {
		return s.quoteDim
	}
	slot := r.c.shared.Slot(qt.Speaker)
	if slot < 0 {
		return s.quoteDim
	}
	return s.quoteOn[slot]
}

// quoteStarts maps each rendered line to the quotations that start on it.
func quoteStarts(done *rendered) map[int][]int {
	starts := map[int][]int{}
	for q, line := range done.quoteLine {
		if line >= 0 {
			starts[line] = append(starts[line], q)
		}
	}
	return starts
}

// gutter is the margin of a rendered line: ▌ beside the current
// quotation, and the tag of the speaker whose quotation starts there (with
// a + when another speaker's starts there too), in the speaker's colour.
func (r *readerPane) gutter(line int) string {
	s := r.c.styles
	bar := " "
	if r.quote >= 0 && r.r != nil {
		for _, sp := range r.r.spans[line] {
			if sp.quote == r.quote {
				bar = s.Selected.Render("▌")
				break
			}
		}
	}
	qs := r.starts[line]
	if len(qs) == 0 {
		return bar + strings.Repeat(" ", tagWidth)
	}
	who := r.article.Quotes[qs[0]].Speaker
	tag := r.tags[who]
	if tag == "" {
		tag = "?"
	}
	st := s.Speaker(r.c.shared.Slot(who))
	if r.focus != "" && who != r.focus {
		st = s.Dim
	}
	more := " "
	for _, q := range qs[1:] {
		if r.article.Quotes[q].Speaker != who {
			more = "+"
		}
	}
	return bar + pad(st.Render(tag)+more, tagWidth)
}

func (r *readerPane) matchesOn(line int) []markRange {
	var out []markRange
	for i, m := range r.matches {
		if m.line == line {
			out = append(out, markRange{m.start, m.end, i == r.current})
		}
	}
	return out
}

func (r *readerPane) footer() string {
	s := r.c.styles
	if r.searching() {
		return r.input.View()
	}
	var parts []string
	if r.r != nil {
		parts = append(parts, fmt.Sprintf("%3.0f%%", r.vp.ScrollPercent()*100))
	}
	if r.query != "" {
		if len(r.matches) == 0 {
			parts = append(parts, fmt.Sprintf("no match for %q", r.query))
		} else {
			parts = append(parts, fmt.Sprintf("%q %d/%d", r.query, r.current+1, len(r.matches)))
		}
	}
	if r.focus != "" {
		parts = append(parts, "focus: "+r.focus)
	}
	if r.loading && r.r != nil {
		parts = append(parts, r.spin.View()+"re-rendering")
	}
	foot := s.Meta.Render(strings.Join(parts, " · "))
	if link := linkLine(r.article, r.width-ansi.StringWidth(foot)-3); link != "" {
		foot += s.Meta.Render(" · ") + link // the source address
	}
	return foot
}

// ShortHelp and FullHelp make the reader a help.KeyMap: its own keys.
func (r *readerPane) ShortHelp() []key.Binding {
	k := r.c.keys
	return []key.Binding{k.NextQuote, k.FocusSpeaker, k.Search, k.Debate, k.Back}
}

func (r *readerPane) FullHelp() [][]key.Binding {
	k := r.c.keys
	return [][]key.Binding{{k.NextMatch, k.NextQuote, k.FocusSpeaker, k.Debate}}
}

// What the Model and the library keys may ask of the reader, instead of
// reaching into its fields.

// shown is the article the reader shows, nil before the first.
func (r *readerPane) shown() *corpus.Article { return r.article }

// shownIndex is the shown article's index in the corpus.
func (r *readerPane) shownIndex() int { return r.index }

// hasQuery reports whether an in-article search is set.
func (r *readerPane) hasQuery() bool { return r.query != "" }

// markedQuote is the quotation ] and [ last moved to, -1 before any.
func (r *readerPane) markedQuote() int { return r.quote }

// scrollPercent is how far down the article the reader is.
func (r *readerPane) scrollPercent() float64 { return r.vp.ScrollPercent() }

// restyle gives the search box the session's styles.
func (r *readerPane) restyle(in textinput.Styles) { r.input.SetStyles(in) }
