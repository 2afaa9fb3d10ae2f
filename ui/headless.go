package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"counterpoint/corpus"
)

// WriteArticle prints one article rendered as in the reading pane, like
// `glow FILE`: in colour for a terminal, plain text otherwise (opts.Profile
// decides; colours are fitted to it). Quotations are painted in their
// speakers' colours; in plain text they keep their quotation marks.
func WriteArticle(w io.Writer, shared *Shared, a *corpus.Article, width int, opts Options) error {
	c := newCommon(shared, opts)
	if opts.Profile <= colorprofile.ASCII && opts.Profile != colorprofile.Unknown {
		c.setLook(look{dark: !opts.Light, profile: colorprofile.ASCII})
	}
	ren := renderArticle(a, width, c.style)
	rp := readerPane{c: c, article: a}
	pt := painter{quoteStyle: rp.quoteStyle}
	var b strings.Builder
	for i, line := range ren.lines {
		if c.style == "notty" && c.look.noColor() {
			b.WriteString(strings.TrimRight(ren.plain[i], " "))
		} else {
			b.WriteString(pt.paint(line, ren.spans[i], nil))
		}
		b.WriteByte('\n')
	}
	// Glamour writes its own colours in full; the writer fits them to the
	// terminal, or removes every escape for a pipe.
	out := &colorprofile.Writer{Forward: w, Profile: opts.Profile}
	if opts.Profile == colorprofile.Unknown {
		out.Profile = colorprofile.ANSI256
	}
	_, err := io.WriteString(out, b.String())
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
