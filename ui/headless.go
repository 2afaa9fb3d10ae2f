package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"counterpoint/corpus"
)

// WriteArticle prints one article rendered as in the reading pane, like
// `glow FILE`: in colour for a terminal, plain text otherwise (the
// renderer's profile decides). Quotations are painted in their speakers'
// colours; in plain text they keep their quotation marks.
func WriteArticle(w io.Writer, shared *Shared, a *corpus.Article, width int, r *lipgloss.Renderer, style string) error {
	c := newCommon(shared, Options{Renderer: r, Style: style})
	ren := renderArticle(a, width, c.style, c.profile)
	rp := readerPane{c: c, article: a}
	pt := painter{quoteStyle: rp.quoteStyle}
	var b strings.Builder
	for i, line := range ren.lines {
		if c.style == "notty" && c.styles.noColor {
			b.WriteString(strings.TrimRight(ren.plain[i], " "))
		} else {
			b.WriteString(pt.paint(line, ren.spans[i], nil))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteSearch prints the list's ranking for a query, one article a line.
func WriteSearch(w io.Writer, c *corpus.Corpus, hits []corpus.Hit) error {
	for _, h := range hits {
		a := c.Articles[h.Index]
		if _, err := fmt.Fprintf(w, "%-28s %5d  %s\n", a.ID, h.Score, a.Title); err != nil {
			return err
		}
	}
	return nil
}
