package ui

import (
	"strings"
	"testing"

	"counterpoint/corpus"
)

// An article with no headline (its first line is the lead paragraph) is read
// with the lead once, not as a heading and again as the first paragraph.
func TestLeadWithoutHeadlineIsShownOnce(t *testing.T) {
	a := corpus.Parse("lead", "lead.txt", "Harbour workers walked out on Monday morning at all three terminals after the port authority called their long-standing claim for a cost-of-living rise “reckless and unaffordable,” a spokesperson for the dockers' union said.\n\n"+
		"The authority said the strike was unlawful.\n")
	a.Analyse()
	if !a.TitleIsLead() {
		t.Fatal("the first line is a whole lead paragraph and should be read as one")
	}
	for _, style := range []string{"dark", "notty"} {
		r := renderArticle(a, 80, style)
		text := strings.Join(r.plain, " ")
		if n := strings.Count(text, "Harbour workers walked out"); n != 1 {
			t.Errorf("%s: the lead is shown %d times, want once", style, n)
		}
		if !strings.Contains(text, "The authority said the strike was unlawful") {
			t.Errorf("%s: the second paragraph is missing", style)
		}
	}
	// An article with a headline keeps it above the body.
	b := corpus.Parse("head", "head.txt", "Port strike goes ahead\n\nHarbour workers walked out on Monday.\n")
	b.Analyse()
	if b.TitleIsLead() {
		t.Fatal("a short headline is not a lead paragraph")
	}
	if text := strings.Join(renderArticle(b, 80, "dark").plain, " "); !strings.Contains(text, "Port strike goes ahead") {
		t.Error("the headline is missing from the reader")
	}
}

// The header counts in words a reader would write: "1 statement", not
// "1 statements".
func TestHeaderCountsAgree(t *testing.T) {
	a := corpus.Parse("one", "one.txt", "Harbour row\n\n“We will not move,” the harbour master said.\n")
	a.Analyse()
	if got := metaLine(a); !strings.Contains(got, "1 statement") || strings.Contains(got, "1 statements") {
		t.Errorf("metaLine = %q, want it to say 1 statement", got)
	}
}
