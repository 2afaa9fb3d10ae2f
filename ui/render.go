package ui

import (
	"container/list"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// Quotations are found in Glamour's output by alignment, not by markers in
// its input: each paragraph is rendered on its own, and the letters of the
// rendered lines are matched in order with the letters of the paragraph,
// whose quotation spans are known. Glamour changes spacing and line breaks,
// never the letters, so each quotation maps to ranges of cells on the
// lines it wraps over, and the painter colours those ranges whatever
// escape sequences Glamour put around them.

// Bounds on rendering. Glamour takes seconds on some ordinary-looking
// input and cannot be stopped once started, so it only ever sees text it
// handles quickly; everything else takes the plain wrapped path.
const (
	maxGlamourBytes  = 48 << 10 // Markdown handed to Glamour per article
	maxGlamourParas  = 400      // paragraphs handed to Glamour per article (each render has a fixed cost)
	maxParagraphSize = 6 << 10  // a longer paragraph is wrapped plainly
	maxTokenRunes    = 60       // a longer run without spaces (CJK, a URL, base64) too
	maxCombining     = 48       // so does a paragraph heavy with combining marks
	maxRenderedBytes = 2 << 20  // text beyond this is not shown at all
	maxHeaderBytes   = 2 << 10  // a longer title and subtitle take the plain path
	documentMargin   = 2        // Glamour's dark and light styles indent by two
)

// renderBudget is the Glamour time an article may take: a render cannot be
// stopped once started, so the time is checked between blocks and the rest
// of the article takes the plain path once it is spent. (A variable for
// tests.)
var renderBudget = 1500 * time.Millisecond

// rendered is an article laid out for one width and style.
type rendered struct {
	lines     []string      // as Glamour or the plain path wrote them
	plain     []string      // the visible text of each line, for search and alignment
	spans     [][]quoteSpan // the quotation ranges on each line
	quoteLine []int         // the line each quotation starts on, or -1 when not shown
	truncated bool          // the article was longer than maxRenderedBytes
}

// quoteSpan is the part of a line's plain text that belongs to a quotation.
type quoteSpan struct{ start, end, quote int }

// renderKey names a layout. Glamour v2 writes the same bytes whatever the
// terminal (Bubble Tea fits the colours to each terminal when it draws), so
// the colour profile is not part of it.
type renderKey struct {
	id    string
	width int
	style string
}

// renderArticle lays an article out: a header (title, subtitle, details),
// then each paragraph, through Glamour or, for text Glamour would choke on,
// the plain wrapped path. It never fails: a Glamour error sends that block
// down the plain path.
func renderArticle(a *corpus.Article, width int, style string) *rendered {
	width = max(width, 20)
	r := &rendered{quoteLine: make([]int, len(a.Quotes))}
	for i := range r.quoteLine {
		r.quoteLine[i] = -1
	}
	var g *glamour.TermRenderer
	if style != "notty" {
		g, _ = glamour.NewTermRenderer(glamourStyle(style), glamour.WithWordWrap(width))
	}
	deadline := time.Now().Add(renderBudget)
	block := func(md, plainText string) []string {
		if g != nil && md != "" && time.Now().Before(deadline) {
			if out, err := g.Render(md); err == nil {
				out = strings.ReplaceAll(out, "\u00a0", " ") // see keepLastWordsTogether
				return trimBlank(strings.Split(out, "\n"))
			}
		}
		return strings.Split(wrapPlain(plainText, width), "\n")
	}
	header := ""
	if !chokesGlamour(a.Title) && !chokesGlamour(a.Dek) && len(a.Title)+len(a.Dek) <= maxHeaderBytes {
		header = headerMarkdown(a) // the header gets the body's guard
	}
	r.add(block(header, headerPlain(a)), nil, "", nil)
	quotes := quotesByParagraph(a)
	byteBudget, paraBudget := maxGlamourBytes, maxGlamourParas
	glamourBytes, shown := 0, 0
	for i, p := range a.Paragraphs {
		if shown += len(p); shown > maxRenderedBytes {
			r.truncated = true
			r.add(block("", "[The rest of this article is too long to show.]"), nil, "", nil)
			break
		}
		md := ""
		if glamourBytes < byteBudget && i < paraBudget && !chokesGlamour(p) {
			md = escapeMarkdown(keepLastWordsTogether(p))
			if isHeading(p, quotes[i]) && i < len(a.Paragraphs)-1 {
				md = "## " + md
			}
			glamourBytes += len(md)
		}
		r.add(block(md, p), a.Quotes, p, quotes[i])
	}
	return r
}

// add appends a block's lines, separated from the block before by a blank
// line, and aligns the paragraph's quotations with them.
func (r *rendered) add(lines []string, quotes []corpus.Quote, para string, idx []int) {
	if len(r.lines) > 0 {
		r.lines = append(r.lines, "")
		r.plain = append(r.plain, "")
		r.spans = append(r.spans, nil)
	}
	first := len(r.lines)
	for _, l := range lines {
		r.lines = append(r.lines, l)
		r.plain = append(r.plain, ansi.Strip(l))
		r.spans = append(r.spans, nil)
	}
	if len(idx) > 0 {
		r.align(first, para, quotes, idx)
	}
}

// align walks the letters of a paragraph and of its rendered lines
// together. A rendered letter that does not match the next letter of the
// paragraph (a heading mark, a hyphen Glamour added) is passed over, so a
// surprise costs a highlight, never a crash.
func (r *rendered) align(first int, para string, quotes []corpus.Quote, idx []int) {
	quoteAt := func(off int) int {
		for _, i := range idx {
			if q := quotes[i]; off >= q.Start && off < q.End {
				return i
			}
		}
		return -1
	}
	src := 0
	nextLetter := func() (rune, int) {
		for src < len(para) {
			c, size := utf8.DecodeRuneInString(para[src:])
			at := src
			src += size
			if !unicode.IsSpace(c) {
				return c, at
			}
		}
		return -1, -1
	}
	want, wantAt := nextLetter()
	for li := first; li < len(r.lines) && want >= 0; li++ {
		plain := r.plain[li]
		for off, c := range plain {
			if unicode.IsSpace(c) || c != want {
				continue
			}
			if q := quoteAt(wantAt); q >= 0 {
				r.mark(li, off, off+utf8.RuneLen(c), q)
			}
			want, wantAt = nextLetter()
			if want < 0 {
				break
			}
		}
	}
}

// mark adds a letter to a quotation's range on a line, joining it to the
// range before when only spaces lie between.
func (r *rendered) mark(line, start, end, q int) {
	if r.quoteLine[q] < 0 {
		r.quoteLine[q] = line
	}
	spans := r.spans[line]
	if n := len(spans); n > 0 && spans[n-1].quote == q && strings.TrimSpace(r.plain[line][spans[n-1].end:start]) == "" {
		spans[n-1].end = end
		return
	}
	r.spans[line] = append(spans, quoteSpan{start, end, q})
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func headerMarkdown(a *corpus.Article) string {
	var b strings.Builder
	if !a.TitleIsLead() { // else the first paragraph shows it
		b.WriteString("# " + escapeMarkdown(keepLastWordsTogether(a.Title)) + "\n\n")
	}
	if a.Dek != "" {
		b.WriteString("*" + escapeMarkdown(keepLastWordsTogether(a.Dek)) + "*\n\n")
	}
	b.WriteString(escapeMarkdown(metaLine(a)) + "\n\n---\n")
	return b.String()
}

func headerPlain(a *corpus.Article) string {
	var parts []string
	if !a.TitleIsLead() {
		parts = append(parts, strings.ToUpper(a.Title))
	}
	if a.Dek != "" {
		parts = append(parts, a.Dek)
	}
	return strings.Join(append(parts, metaLine(a)), "\n\n")
}

func glamourStyle(style string) glamour.TermRendererOption {
	switch style {
	case "dark", "light", "notty", "ascii", "dracula", "pink", "tokyo-night":
		return glamour.WithStandardStyle(style)
	}
	return glamour.WithStylePath(style)
}

func metaLine(a *corpus.Article) string {
	var parts []string
	for _, s := range []string{a.Date, a.Dateline, a.Genre} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, plural(a.Words, "word", "words"), plural(len(a.Quotes), "statement", "statements"))
	return strings.Join(parts, " · ")
}

func quotesByParagraph(a *corpus.Article) map[int][]int {
	m := map[int][]int{}
	for i, q := range a.Quotes {
		m[q.Paragraph] = append(m[q.Paragraph], i)
	}
	return m
}

// wrapPlain is the fast path: word wrap with hard breaks for long words,
// indented like Glamour's paragraphs. It is linear in the text.
func wrapPlain(text string, width int) string {
	inner := max(width-2*documentMargin, 10)
	wrapped := strings.ReplaceAll(ansi.Wrap(keepLastWordsTogether(text), inner, ""), "\u00a0", " ")
	pad := strings.Repeat(" ", documentMargin)
	return pad + strings.ReplaceAll(wrapped, "\n", "\n"+pad)
}

// chokesGlamour spots paragraphs Glamour renders slowly: very long ones,
// long runs without a space (a Chinese paragraph, a 100 KB token), and
// heavy stacks of combining marks.
func chokesGlamour(p string) bool {
	if len(p) > maxParagraphSize {
		return true
	}
	run, combining := 0, 0
	for _, r := range p {
		switch {
		case unicode.IsSpace(r):
			run = 0
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			combining++
		default:
			run++
		}
		if run > maxTokenRunes || combining > maxCombining {
			return true
		}
	}
	return false
}

// isHeading: a short line with no closing punctuation and no quotation,
// such as "Ties to Ukraine, support for Russia", is a section heading.
func isHeading(p string, quotes []int) bool {
	if len(quotes) > 0 || strings.Count(p, " ") > 7 || len(p) > 80 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	first, _ := utf8.DecodeRuneInString(p)
	return unicode.IsUpper(first) && !strings.ContainsRune(".?!:;,\"”’)", last)
}

// renderCacheBytes bounds the shared cache of laid-out articles, in bytes:
// a bound in entries let one client with a large article and many window
// sizes fill gigabytes.
const renderCacheBytes = 64 << 20

// Widths a client can make the server lay an article out for: the reading
// column is capped, and above 40 columns widths are rounded down to a
// multiple of 4, so a client dragging its window through every width
// causes a few dozen layouts per article, not hundreds.
const (
	maxRenderWidth = 160
	widthStep      = 4
	exactBelow     = 40
)

// renderWidth is the width an article is laid out at for a pane.
func renderWidth(pane int) int {
	w := min(max(pane, 20), maxRenderWidth)
	if w > exactBelow {
		w -= w % widthStep
	}
	return w
}

// maxRenders is how many renders run at once over all sessions: Glamour
// is CPU-bound and cannot be cancelled.
const maxRenders = 2

// renderCache holds laid-out articles for every session, up to a number
// of bytes. A render is computed once: a second request for the same key
// waits for the first.
type renderCache struct {
	mu       sync.Mutex
	entries  map[renderKey]*list.Element
	lru      *list.List
	bytes    int64 // size of the finished entries
	maxBytes int64
	slots    chan struct{}
}

type cacheEntry struct {
	key  renderKey
	done chan struct{}
	r    *rendered
	size int64
}

func newRenderCache(maxBytes int64) *renderCache {
	return &renderCache{entries: map[renderKey]*list.Element{}, lru: list.New(), maxBytes: maxBytes, slots: make(chan struct{}, maxRenders)}
}

// size estimates the memory a layout holds.
func (r *rendered) size() int64 {
	n := int64(len(r.quoteLine)*8 + 64)
	for i := range r.lines {
		n += int64(len(r.lines[i]) + len(r.plain[i]) + 2*16 + 24 + len(r.spans[i])*24)
	}
	return n
}

// peek returns a finished render without waiting.
func (c *renderCache) peek(k renderKey) (*rendered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[k]; ok {
		e := el.Value.(*cacheEntry)
		select {
		case <-e.done:
			c.lru.MoveToFront(el)
			return e.r, true
		default:
		}
	}
	return nil, false
}

// get returns the render for k, computing it if no one has.
func (c *renderCache) get(k renderKey, compute func() *rendered) *rendered {
	c.mu.Lock()
	if el, ok := c.entries[k]; ok {
		c.lru.MoveToFront(el)
		e := el.Value.(*cacheEntry)
		c.mu.Unlock()
		<-e.done
		return e.r
	}
	e := &cacheEntry{key: k, done: make(chan struct{})}
	el := c.lru.PushFront(e)
	c.entries[k] = el
	c.mu.Unlock()

	c.slots <- struct{}{}
	r := compute()
	<-c.slots
	e.r = r
	close(e.done)

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries[k] == el { // not evicted while it was computed
		e.size = r.size()
		c.bytes += e.size
	}
	// The oldest go first; the newest stays even when it alone is over.
	for c.bytes > c.maxBytes && c.lru.Len() > 1 {
		old := c.lru.Back()
		oe := old.Value.(*cacheEntry)
		c.lru.Remove(old)
		delete(c.entries, oe.key)
		c.bytes -= oe.size
	}
	return r
}
