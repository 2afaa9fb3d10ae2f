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

// mdEscape backslash-escapes what Markdown would read as markup, and joins
// lines, so text stays text inside a heading, a list or a table cell:
// emphasis, code, links, HTML, table bars and entities anywhere, and the
// marks that open a heading, a list or a quote at the start of the text.
func mdEscape(s string) string {
	s = SanitizeLine(s)
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>|~", r),
			r == '&' && i+1 < len(s) && (s[i+1] == '#' || isASCIILetter(s[i+1])),
			i == 0 && strings.ContainsRune("#+-=>", r),
			(r == '.' || r == ')') && i > 0 && allDigits(s[:i]):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
