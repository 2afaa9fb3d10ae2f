package corpus

import (
	"strings"
	"testing"
)

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"Tom & Jerry":              "Tom & Jerry",
		"&amp; &#39;":              `\&amp; \&#39;`,
		"- not a list":             `\- not a list`,
		"1. not a list either":     `1\. not a list either`,
		"# not a heading":          `\# not a heading`,
		"a *b* _c_ `d` <e> f|g ~h": "a \\*b\\* \\_c\\_ \\`d\\` \\<e\\> f\\|g \\~h",
		"line\nbreak":              "line break",
		"in 2026. Then":            "in 2026. Then",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDebateMarkdown(t *testing.T) {
	a, err := FromWeb(WebArticle{
		ID: "x", URL: "https://news.example/a_(b)", Title: "Row over [link](javascript:x) | pipes",
		Outlet: "Example News", Text: "Russia accused Ukraine of shelling a border town.\n" +
			"\"Ukraine is shelling civilians in our border region,\" Russian Foreign Minister Ivan Petrov said on Monday, accusing Kyiv of aggression.\n" +
			"\"These accusations are lies meant to hide Russian shelling of civilians,\" Ukrainian Foreign Ministry spokeswoman Olena Kovalenko said, rejecting the claim.",
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := a.WriteDebateMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		`# Row over \[link\](javascript:x) \| pipes`,
		"Example News",
		"[source](https://news.example/a_%28b%29)",
		"| Accusation | Response |",
		"| “Ukraine is shelling civilians in our border region,” — Ivan Petrov (Russian Foreign Minister; Russia) | “These accusations are lies meant to hide Russian shelling of civilians,” — Olena Kovalenko",
		"**Sides:** Russia accuses; Ukraine answers.",
		"## Speakers",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}
