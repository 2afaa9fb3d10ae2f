package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

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
	ren := renderArticle(a, min(width-gutterWidth, maxMeasure), c.style)
	rp := readerPane{c: c, article: a, quote: -1, tags: speakerTags(a), r: ren, starts: quoteStarts(ren)}
	pt := painter{quoteStyle: rp.quoteStyle}
	var b strings.Builder
	for i, line := range ren.lines {
		// The margin carries each quotation's speaker tag, so who said
		// what survives a pipe.
		if c.style == "notty" && c.look.noColor() {
			b.WriteString(strings.TrimRight(ansi.Strip(rp.gutter(i))+ren.plain[i], " "))
		} else {
			b.WriteString(rp.gutter(i) + pt.paint(line, ren.spans[i], nil))
		}
		b.WriteByte('\n')
	}
	// The legend ties each tag to its speaker.
	if len(a.Speakers) > 0 {
		b.WriteString("\n")
		for _, sp := range a.Speakers {
			b.WriteString(fmt.Sprintf("  %-3s%s\n", rp.tags[sp.Name], sp.Name))
		}
		for _, q := range a.Quotes {
			if q.Speaker == "" {
				b.WriteString("  ?  unattributed\n")
				break
			}
		}
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
