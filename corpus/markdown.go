package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteDebateMarkdown writes the article's debate as Markdown: the title
// with its outlet, date and source link, the sides, a table with each
// accusation beside the response it drew, and the speakers with their
// parties. Article text is escaped, so nothing in it becomes a link, an
// image, HTML or table structure.
func (a *Article) WriteDebateMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n", mdEscape(a.Title))
	if a.Dek != "" {
		fmt.Fprintf(b, "%s\n\n", mdEscape(a.Dek))
	}
	var meta []string
	for _, s := range []string{a.Outlet, a.Byline, a.Date} {
		if s != "" {
			meta = append(meta, mdEscape(s))
		}
	}
	if u := SafeURL(a.URL); u != "" {
		meta = append(meta, "[source]("+mdURL(u)+")")
	}
	if len(meta) > 0 {
		fmt.Fprintf(b, "%s\n\n", strings.Join(meta, " · "))
	}
	if a.Accuser != "" || a.Accused != "" {
		fmt.Fprintf(b, "**Sides:** %s accuses; %s answers.\n\n", mdEscape(orNone(a.Accuser)), mdEscape(orNone(a.Accused)))
	}
	if len(a.Debate) == 0 {
		fmt.Fprint(b, "No accusations or responses found.\n\n")
	} else {
		fmt.Fprint(b, "| Accusation | Response |\n| --- | --- |\n")
		for _, p := range a.Debate {
			fmt.Fprintf(b, "| %s | %s |\n", mdStatement(p.Accusation), mdStatement(p.Response))
		}
		fmt.Fprintln(b)
	}
	if len(a.Speakers) > 0 {
		fmt.Fprint(b, "## Speakers\n\n")
		for _, s := range a.Speakers {
			line := "**" + mdEscape(s.Name) + "**"
			if s.RoleTitle != "" {
				line += ", " + mdEscape(s.RoleTitle)
			}
			if s.Party != "" && s.Party != s.Name {
				line += " — " + mdEscape(s.Party)
			}
			fmt.Fprintf(b, "- %s (%d %s)\n", line, s.Quotes, plural(s.Quotes, "statement", "statements"))
		}
		fmt.Fprintln(b)
	}
	return b.Flush()
}

// WriteDebateMarkdown writes every article's debate, one after another.
func (c *Corpus) WriteDebateMarkdown(w io.Writer) error {
	for i, a := range c.Articles {
		if i > 0 {
			if _, err := io.WriteString(w, "---\n\n"); err != nil {
				return err
			}
		}
		if err := a.WriteDebateMarkdown(w); err != nil {
			return err
		}
	}
	return nil
}

// mdStatement is one table cell: the quotation and who said it.
func mdStatement(q *Quote) string {
	if q == nil {
		return "—"
	}
	return "“" + mdEscape(q.Text) + "” — " + mdEscape(who(q))
}

// mdEscape backslash-escapes the punctuation Markdown gives a meaning to
// (CommonMark lets any ASCII punctuation be escaped) and joins lines, so
// text stays text inside a table cell.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range SanitizeLine(s) {
		if strings.ContainsRune("\\`*_{}[]<>()#+-!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdURL escapes the characters that would end a Markdown link target.
func mdURL(u string) string {
	return strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20").Replace(u)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
