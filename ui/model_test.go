package ui

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// run feeds messages to the model the way Bubble Tea would, running every
// command it returns (spinner ticks aside) until nothing is left.
func run(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 && len(queue) < 1000 {
			next := queue[0]
			queue = queue[1:]
			nm, cmd := m.Update(next)
			m = nm.(Model)
			queue = append(queue, results(cmd)...)
		}
	}
	return m
}

func results(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, results(c)...)
		}
		return out
	case nil:
		return nil
	}
	if fmt.Sprintf("%T", msg) == "spinner.TickMsg" {
		return nil
	}
	return []tea.Msg{msg}
}

func sized(w, h int, opts Options) Model {
	return run(New(seedShared, opts), tea.WindowSizeMsg{Width: w, Height: h})
}

func typeKeys(m Model, keys ...string) Model {
	for _, k := range keys {
		m = run(m, press(k))
	}
	return m
}

func TestListNavigationAndOpening(t *testing.T) {
	m := sized(80, 24, plainOptions())
	m = typeKeys(m, "j", "j")
	if i, _ := m.list.selected(); seedShared.Corpus.Articles[i].ID[:3] != "002" {
		t.Fatalf("after j j the cursor is on %s, want the third article", seedShared.Corpus.Articles[i].ID)
	}
	m = typeKeys(m, "enter")
	if m.focus != paneReader || m.Article() == nil || m.Article().ID[:3] != "002" {
		t.Fatalf("enter did not open the selected article")
	}
	if !strings.Contains(ansi.Strip(view(m)), "NATO condemns China for cyber activities") {
		t.Errorf("narrow screen does not show the opened article")
	}
	m = typeKeys(m, "esc")
	if m.focus != paneList || !strings.Contains(ansi.Strip(view(m)), "Articles (5)") {
		t.Errorf("esc did not go back to the list on a narrow screen")
	}
	m = typeKeys(m, "G")
	if m.list.cursor != 4 {
		t.Errorf("G: cursor %d, want the last article", m.list.cursor)
	}
}

func TestFilterTypingAndClearing(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "/", "@", "z", "h", "a", "o")
	if m.list.hits.Len() != 2 || m.list.query != "@zhao" {
		t.Fatalf("@zhao: %d hits for %q, want 2", m.list.hits.Len(), m.list.query)
	}
	// A focused input swallows global keys: q and ? are letters here.
	m = typeKeys(m, " ", "q", "?")
	if m.list.input.Value() != "@zhao q?" || m.showHelp {
		t.Errorf("typing q and ? in the filter: input %q, help %v", m.list.input.Value(), m.showHelp)
	}
	m = typeKeys(m, "esc")
	if m.list.hits.Len() != 5 || m.list.input.Value() != "" {
		t.Errorf("esc: %d hits, input %q; want the filter cleared", m.list.hits.Len(), m.list.input.Value())
	}
	if !strings.Contains(ansi.Strip(view(m)), "Articles (5)") {
		t.Errorf("list header missing after clearing")
	}
}

func TestStaleSearchResultIsDropped(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "/", "s", "t", "o", "l", "t")
	gen := m.list.gen
	stale := searchDoneMsg{gen: gen - 1, query: "sto", hits: corpus.Ranked(m.c.shared.Corpus, []corpus.Hit{{Index: 4}})}
	m = run(m, stale)
	if m.list.query != "stolt" || m.list.hits.Len() != 3 {
		t.Errorf("a stale result replaced the current one: query %q, %d hits", m.list.query, m.list.hits.Len())
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := sized(120, 40, plainOptions()).Update(press(k))
		if cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.Quit()) {
			t.Errorf("%s does not quit", k)
		}
	}
}

func TestSpeakerColoursDifferAndStayStable(t *testing.T) {
	c := seedShared.Corpus
	for _, a := range c.Articles {
		seen := map[int]string{}
		for _, s := range a.Speakers {
			slot := seedShared.Slot(s.Name)
			if other, ok := seen[slot]; ok && len(a.Speakers) <= paletteSize {
				t.Errorf("%s: %s and %s share colour %d", a.ID[:3], s.Name, other, slot)
			}
			seen[slot] = s.Name
		}
	}
	again := NewShared(corpus.LoadSeeds())
	for name, slot := range seedShared.slots {
		if again.Slot(name) != slot {
			t.Errorf("%s: colour %d, then %d on another load", name, slot, again.Slot(name))
		}
	}
	// The same speaker is drawn in the same colour in the list and the legend.
	m := sized(120, 40, colourOptions())
	sgr := m.c.styles.Speaker(seedShared.Slot("Jens Stoltenberg")).Render("Jens Stoltenberg")
	m = typeKeys(m, "j", "j", "j") // 003: Stoltenberg only
	if strings.Count(view(m), sgr) < 2 {
		t.Errorf("Stoltenberg's colour is not the same in the list and the legend")
	}
}

func TestQuotesAreColouredOnEveryWrappedLine(t *testing.T) {
	a := seedShared.Corpus.Article("001_13f1f25d5283cfc5")
	r := renderArticle(a, 60, "dark")
	q := 0 // Blinken's long quotation
	first := r.quoteLine[q]
	lines := 0
	for i := first; i < len(r.lines) && len(r.spans[i]) > 0 && r.spans[i][0].quote == q; i++ {
		lines++
	}
	if lines < 3 {
		t.Fatalf("Blinken's quotation covers %d lines at width 60, want it wrapped over several", lines)
	}
	m := sized(120, 40, colourOptions())
	colour := m.c.styles.quoteOn[seedShared.Slot("Antony Blinken")]
	pt := painter{quoteStyle: func(int) string { return colour }}
	for i := first; i < first+lines; i++ {
		if !strings.Contains(pt.paint(r.lines[i], r.spans[i], nil), colour) {
			t.Errorf("line %d of the quotation is not in Blinken's colour", i-first+1)
		}
	}
	// The words inside the colour are the quotation's own.
	painted := pt.paint(r.lines[first], r.spans[first], nil)
	inside := painted[strings.Index(painted, colour)+len(colour):]
	if !strings.HasPrefix(ansi.Strip(inside), "The United States") {
		t.Errorf("colour starts at %q", ansi.Strip(inside)[:20])
	}
}

func TestNoColorStillMarksQuotes(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "j", "j", "j", "enter")
	if !strings.Contains(view(m), "\x1b[1mWe have seen") {
		t.Errorf("without colour, quotations should be bold and underlined")
	}
}

func TestArticleTextIsNotMarkdown(t *testing.T) {
	a := corpus.Parse("md", "md.txt", "Title\n\n# Not a heading\n> Not a quote\n- Not a list\n1. Not numbered\n**not bold** and `not code` and <b>not html</b> &amp; ~~not struck~~\n[not](a link) www.example.org\n")
	a.Analyse()
	r := renderArticle(a, 100, "dark")
	text := strings.Join(r.plain, "\n")
	for _, want := range []string{"# Not a heading", "> Not a quote", "- Not a list", "1. Not numbered", "**not bold**", "`not code`", "<b>not html</b>", "&amp;", "~~not struck~~", "[not](a link)", "www.example.org"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not shown as written", want)
		}
	}
}

// sgrOnly matches the only escape sequences the reader may send: SGR.
var anyEscape = regexp.MustCompile("\x1b[^\x1b]{0,3}")
var sgr = regexp.MustCompile(`^\x1b\[[0-9;]*m`)

func TestOnlySGRReachesTheTerminal(t *testing.T) {
	evil := "Evil \x1b]52;c;aGk=\x07 title\n\n“Run \x1b[2J this \x9b31m,” said Eve Black.\n\x1bPq\x1b\\ \u202e text\n"
	text := corpus.Sanitize(evil)
	a := corpus.Parse("evil", "evil.txt", text)
	a.Analyse()
	shared := NewShared(corpus.NewCorpus([]*corpus.Article{a}, nil))
	m := run(New(shared, colourOptions()), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = typeKeys(m, "enter")
	screen := view(m)
	for i := 0; i < len(screen); i++ {
		if screen[i] == 0x1b && !sgr.MatchString(screen[i:]) {
			t.Fatalf("non-SGR escape sequence in the view: %q", screen[i:min(len(screen), i+12)])
		}
	}
	if strings.ContainsRune(screen, '\u202e') {
		t.Errorf("bidi override reached the view")
	}
	_ = anyEscape
}

func TestDebateEnterJumpsToTheQuote(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "j", "enter", "d")
	if m.focus != paneDebate || !strings.Contains(ansi.Strip(view(m)), "Accusations") {
		t.Fatalf("d did not open the debate view")
	}
	m = typeKeys(m, "l", "enter") // the response column: Zhao Lijian
	a := m.Article()
	if m.focus != paneReader || a.Quotes[m.reader.quote].Speaker != "Zhao Lijian" {
		t.Fatalf("enter on Zhao's cell: focus %d, quote %d", m.focus, m.reader.quote)
	}
	if !strings.Contains(ansi.Strip(view(m)), "has gathered its allies") {
		t.Errorf("the reader does not show the quotation")
	}
}

func TestCorpusDebateNamesArticlesAndNoResponseNote(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "D")
	screen := ansi.Strip(view(m))
	if !strings.Contains(screen, "accuses China") || !strings.Contains(screen, "in: ") {
		t.Errorf("corpus debate lacks the party grouping or article names")
	}
	m = typeKeys(sized(120, 40, plainOptions()), "j", "j", "j", "enter", "d") // 003: Stoltenberg, no answer
	if !strings.Contains(ansi.Strip(view(m)), "No response") {
		t.Errorf("an article without responses should say so")
	}
}

func TestFocusSpeakerAndQuoteJumps(t *testing.T) {
	m := sized(120, 40, colourOptions())
	m = typeKeys(m, "tab", "s")
	if m.reader.focus != "United States" { // the lead paragraph's speaker comes first
		t.Fatalf("s focused %q", m.reader.focus)
	}
	m = typeKeys(m, "]", "]")
	if q := m.Article().Quotes[m.reader.quote]; q.Speaker != "United States" {
		t.Errorf("] with a focused speaker went to %s's quotation", q.Speaker)
	}
	if m.reader.quoteStyle(2) != m.c.styles.quoteDim {
		t.Errorf("other speakers should be dimmed")
	}
}

func TestSearchInsideTheArticle(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "tab", "/", "c", "h", "i", "n", "a", "enter")
	if len(m.reader.matches) < 5 {
		t.Fatalf("%d matches for china", len(m.reader.matches))
	}
	m = typeKeys(m, "n", "n")
	if m.reader.current != 2 || !strings.Contains(ansi.Strip(view(m)), fmt.Sprintf("3/%d", len(m.reader.matches))) {
		t.Errorf("n n: current %d, footer lacks the 3/N counter", m.reader.current)
	}
}

func TestResizeReflows(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = typeKeys(m, "enter")
	for _, w := range []int{80, 150, 100} {
		m = run(m, tea.WindowSizeMsg{Width: w, Height: 30})
		for i, l := range strings.Split(view(m), "\n") {
			if ansi.StringWidth(l) > w {
				t.Fatalf("width %d: line %d is %d wide", w, i, ansi.StringWidth(l))
			}
		}
		if m.reader.r == nil || m.reader.key.width != m.reader.renderWidth() {
			t.Errorf("width %d: reader not re-rendered for its width", w)
		}
	}
}

func TestRenderCacheComputesOnce(t *testing.T) {
	c := newRenderCache(1 << 20)
	var calls atomic.Int32
	k := renderKey{id: "a", width: 80}
	done := make(chan bool)
	for range 5 {
		go func() {
			c.get(k, func() *rendered { calls.Add(1); return &rendered{} })
			done <- true
		}()
	}
	for range 5 {
		<-done
	}
	if calls.Load() != 1 {
		t.Errorf("computed %d times", calls.Load())
	}
}

// Text Glamour takes seconds or minutes on goes down the plain path.
func TestPathologicalParagraphsTakeThePlainPath(t *testing.T) {
	cases := map[string]string{
		"a long Chinese paragraph": strings.Repeat("网络安全问题需要各方共同应对", 400),
		"a 100 KB token":           strings.Repeat("x", 100<<10),
		"thousands of combining":   "e" + strings.Repeat("\u0301", 3000),
	}
	for name, p := range cases {
		if !chokesGlamour(p) {
			t.Errorf("%s would be given to Glamour", name)
		}
		a := corpus.Parse("p", "p.txt", "Title\n\n"+p+"\n")
		r := renderArticle(a, 80, "dark")
		for _, l := range r.lines {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("%s: a line of %d cells", name, ansi.StringWidth(l))
				break
			}
		}
	}
	if chokesGlamour("An ordinary paragraph of news, with “a quotation” in it.") {
		t.Errorf("an ordinary paragraph was kept from Glamour")
	}
}

func TestMouse(t *testing.T) {
	m := sized(120, 40, plainOptions())
	m = run(m, tea.MouseClickMsg{X: 10, Y: 7, Button: tea.MouseLeft})
	if m.Article() == nil || m.Article().ID[:3] != "001" {
		t.Fatalf("click on the second row opened %v", m.Article())
	}
	before := m.reader.vp.YOffset()
	m = run(m, tea.MouseWheelMsg{X: 80, Y: 10, Button: tea.MouseWheelDown})
	if m.reader.vp.YOffset() <= before {
		t.Errorf("wheel over the reader did not scroll it")
	}
}

// Over many rows, the cursor's row stays on screen and the view draws only
// what fits.
func TestCorpusDebateScrollsWithTheCursor(t *testing.T) {
	shared := synthShared(300)
	m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 120, Height: 40})
	m = typeKeys(m, "D", "G")
	if m.debate.row != len(m.debate.rows)-1 {
		t.Fatalf("G: row %d of %d", m.debate.row, len(m.debate.rows))
	}
	last := m.debate.rows[m.debate.row]
	want := last.accusation
	if want == nil {
		want = last.response
	}
	screen := ansi.Strip(view(m))
	if !strings.Contains(screen, "“"+want.Text[:20]) {
		t.Errorf("the last row is not on screen after G")
	}
	if n := len(strings.Split(view(m), "\n")); n != 40 {
		t.Errorf("view is %d lines, want 40", n)
	}
}

// Defect 5: the cache is bounded in bytes, oldest first, and a client
// dragging its window through every width causes few layouts.
func TestRenderCacheIsBoundedInBytes(t *testing.T) {
	a := seedShared.Corpus.Article("001_13f1f25d5283cfc5")
	one := renderArticle(a, 80, "dark").size()
	c := newRenderCache(3 * one)
	for w := 80; w < 80+20*widthStep; w += widthStep {
		c.get(renderKey{id: a.ID, width: w, style: "dark"}, func() *rendered { return renderArticle(a, w, "dark") })
	}
	if c.bytes > 3*one+one/2 || c.lru.Len() > 4 {
		t.Errorf("cache holds %d bytes in %d entries, bound %d", c.bytes, c.lru.Len(), 3*one)
	}
	if _, ok := c.peek(renderKey{id: a.ID, width: 80, style: "dark"}); ok {
		t.Errorf("the oldest layout was kept")
	}
	widths := map[int]bool{}
	for w := 10; w < 600; w++ {
		widths[renderWidth(w)] = true
		if rw := renderWidth(w); rw > max(w, 20) {
			t.Fatalf("a %d-column pane gets a %d-column layout", w, rw)
		}
	}
	if len(widths) > 60 {
		t.Errorf("%d distinct layout widths for panes of 10 to 600 columns", len(widths))
	}
}

// Defect 4: every string that reaches Glamour is guarded like the body (a
// 100 KB subtitle of brackets took minutes), and an article's Glamour time
// is bounded: the rest takes the plain path.
func TestGlamourTimeIsBounded(t *testing.T) {
	a := corpus.Parse("x", "x.txt", "Title\n\nA short paragraph.\n")
	a.Analyse()
	a.Title = strings.Repeat("[ ", 10<<10)
	a.Dek = strings.Repeat("[", 100<<10)
	began := time.Now()
	r := renderArticle(a, 80, "dark")
	if d := time.Since(began); d > 5*time.Second {
		t.Errorf("a header of brackets took %v", d)
	}
	if !strings.Contains(strings.Join(r.plain, "\n"), "A short paragraph.") {
		t.Errorf("the body is missing after a pathological header")
	}

	// Once the budget is spent, the rest of the article is wrapped plainly
	// (no Glamour escapes), and none of it is lost.
	defer func(b time.Duration) { renderBudget = b }(renderBudget)
	renderBudget = 0
	seed := seedShared.Corpus.Article("001_13f1f25d5283cfc5")
	r = renderArticle(seed, 80, "dark")
	for i, l := range r.lines {
		if strings.Contains(l, "\x1b[") {
			t.Fatalf("line %d went through Glamour after the budget was spent: %q", i, l)
		}
	}
	if last := seed.Paragraphs[len(seed.Paragraphs)-1]; !strings.Contains(strings.Join(r.plain, " "), lastWord(last)) {
		t.Errorf("the end of the article is missing from the plain path")
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// Defect 11: m turns mouse capture off (so the terminal can select text)
// and on again, help says so, and with capture off the mouse does nothing.
func TestMouseCaptureToggles(t *testing.T) {
	m := sized(120, 40, plainOptions())
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatalf("the mouse is not captured at start")
	}
	m = typeKeys(m, "m")
	if m.View().MouseMode != tea.MouseModeNone {
		t.Errorf("m did not release the mouse")
	}
	m = run(m, tea.MouseClickMsg{X: 10, Y: 7, Button: tea.MouseLeft})
	if m.Article() != nil && m.focus == paneReader {
		t.Errorf("a click acted with mouse capture off")
	}
	if !strings.Contains(ansi.Strip(view(typeKeys(m, "?"))), "mouse capture on/off") {
		t.Errorf("help does not name the mouse key")
	}
	m = typeKeys(m, "m")
	if m.View().MouseMode != tea.MouseModeCellMotion {
		t.Errorf("m did not capture the mouse again")
	}
	if typeKeys(sized(120, 40, Options{NoMouse: true}), "?").View().MouseMode != tea.MouseModeNone {
		t.Errorf("--no-mouse starts with capture on")
	}
}

// Defect 12: the reader names each skipped file (in help), not only how
// many there were, and a hostile file name reaches the screen sanitised.
func TestSkippedFilesAreNamed(t *testing.T) {
	skipped := []corpus.Skipped{{Path: "news/broken.txt", Reason: "not UTF-8"}, {Path: "news/evil\x1b[2J.md", Reason: "too large"}}
	shared := NewShared(corpus.NewCorpus(seedShared.Corpus.Articles, skipped))
	m := run(New(shared, plainOptions()), tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(view(m), "2 skipped") {
		t.Errorf("the status bar does not count the skipped files")
	}
	help := view(typeKeys(m, "?"))
	for _, want := range []string{"news/broken.txt: not UTF-8", "news/evil"} {
		if !strings.Contains(ansi.Strip(help), want) {
			t.Errorf("help does not name %q", want)
		}
	}
	if strings.Contains(help, "\x1b[2J") {
		t.Errorf("a file name's escape sequence reached the screen")
	}
}
