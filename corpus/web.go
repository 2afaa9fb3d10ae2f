package corpus

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// WebArticle is an article read from a feed or a web page, as plain text,
// before sanitising and analysis. Every field is untrusted.
type WebArticle struct {
	ID        string
	URL       string
	Title     string
	Dek       string
	Byline    string
	Outlet    string
	Published time.Time
	Text      string // the body, one paragraph per line; no HTML
}

// ErrNoText is returned by FromWeb for an article with no title or no body
// left after sanitising.
var ErrNoText = errors.New("no text left after removing control characters")

// FromWeb builds an analysed Article from a web article. The text goes
// through the same Sanitize, body parsing and analysis as a file; the
// fields a file cannot carry (byline, outlet, URL, publication time) are
// sanitised to one line each. A panic in the analysis is returned as an
// error, as a file's would be reported and skipped.
func FromWeb(w WebArticle) (a *Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("internal error while analysing: %v", r)
		}
	}()
	a = &Article{
		ID:     SanitizeLine(w.ID),
		Path:   SafeURL(w.URL),
		Title:  strings.TrimSpace(SanitizeLine(w.Title)),
		Dek:    strings.TrimSpace(SanitizeLine(w.Dek)),
		URL:    SafeURL(w.URL),
		Byline: strings.TrimSpace(SanitizeLine(w.Byline)),
		Outlet: strings.TrimSpace(SanitizeLine(w.Outlet)),
	}
	if !w.Published.IsZero() {
		a.Published = w.Published.UTC()
	}
	lines := nonEmptyLines(Sanitize(w.Text))
	if a.Title == "" && len(lines) > 0 {
		a.Title, lines = lines[0], lines[1:]
	}
	// A dek that merely repeats the opening of the body (feeds often give
	// the first paragraph as the summary) is dropped.
	if a.Dek != "" && len(lines) > 0 && strings.HasPrefix(lines[0], strings.TrimSuffix(a.Dek, "…")) {
		a.Dek = ""
	}
	if a.Title == "" || len(lines) == 0 {
		return nil, ErrNoText
	}
	a.parseBody(lines)
	if a.Date == "" && !a.Published.IsZero() {
		a.Date = a.Published.Format("2 January 2006")
	}
	a.Analyse()
	return a, nil
}

// SafeURL returns u if it is an absolute http or https URL with no control
// characters, and "" otherwise: only such links are shown or opened.
func SafeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || SanitizeLine(u) != u || strings.ContainsAny(u, " \u00a0") {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// Citation is a statement with its attribution, for copying:
// “…” — Name, Outlet, Date. Parts the article lacks are left out; the
// text is sanitised like everything else, so it is safe to put in an
// OSC 52 sequence (which must still be base64-encoded by the caller).
func (a *Article) Citation(q *Quote) string {
	parts := []string{}
	for _, s := range []string{q.Speaker, a.Outlet, a.Date} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	out := "“" + strings.TrimSpace(q.Text) + "”"
	if len(parts) > 0 {
		out += " — " + strings.Join(parts, ", ")
	}
	return SanitizeLine(out)
}
