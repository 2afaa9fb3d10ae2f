package corpus

import "testing"

func TestParseArticleParts(t *testing.T) {
	a := Parse("x", "x.txt", "Ministers clash over hacking (Opinion)\n\nWhy the quarrel matters\n\n3 March 2024\n\nOSLO\n\nFirst paragraph.\nSecond paragraph.\n\nSource link\n\nSign up for our newsletter.\n")
	want := Article{Title: "Ministers clash over hacking", Genre: "Opinion", Dek: "Why the quarrel matters", Date: "3 March 2024", Dateline: "OSLO"}
	if a.Title != want.Title || a.Genre != want.Genre || a.Dek != want.Dek || a.Date != want.Date || a.Dateline != want.Dateline {
		t.Errorf("got title %q genre %q dek %q date %q dateline %q", a.Title, a.Genre, a.Dek, a.Date, a.Dateline)
	}
	if len(a.Paragraphs) != 2 || a.Paragraphs[0] != "First paragraph." || a.Paragraphs[1] != "Second paragraph." {
		t.Errorf("paragraphs %q: want the two body lines, boilerplate dropped", a.Paragraphs)
	}
}

func TestLongSecondLineIsNotADek(t *testing.T) {
	a := Parse("x", "x.txt", "Title\nThe first paragraph is a full sentence that ends with a full stop.\nAnother.\n")
	if a.Dek != "" || len(a.Paragraphs) != 2 {
		t.Errorf("dek %q, paragraphs %q", a.Dek, a.Paragraphs)
	}
}

func TestDatelineOpeningAParagraph(t *testing.T) {
	a := Parse("x", "x.txt", "Title\n\nA standfirst sentence that ends here.\n\nBEIJING: China on Monday rejected the charges.\n")
	if a.Dateline != "BEIJING" {
		t.Errorf("dateline %q, want BEIJING", a.Dateline)
	}
}

// The seeds, read by hand: these are the parts a reader sees in the list.
func TestSeedArticleParts(t *testing.T) {
	c := LoadSeeds()
	if len(c.Articles) != 5 {
		t.Fatalf("%d seeds loaded, want 5 (skipped: %v)", len(c.Articles), c.Skipped)
	}
	opinion := c.Article("001_13f1f25d5283cfc5")
	if opinion.Title != "US, allies’ toothless rebuke of Cyber Enemy No. 1" || opinion.Genre != "Opinion" {
		t.Errorf("001: title %q genre %q", opinion.Title, opinion.Genre)
	}
	if last := opinion.Paragraphs[len(opinion.Paragraphs)-1]; last == "Source link" || len(last) > 8 && last[:8] == "Sign up " {
		t.Errorf("001 keeps site boilerplate: %q", last)
	}
	if d := c.Article("002_0902d05ed713a115"); d.Date != "1 August 2021" || d.Title != "NATO condemns China for cyber activities" {
		t.Errorf("002: date %q title %q", d.Date, d.Title)
	}
	berlin := c.Article("003_4b8d0205e0dd6bfd")
	if berlin.Dateline != "BERLIN" || berlin.Dek != "China determined to shape future of cyberspace in its image ‘with little transparency’ says Jens Stoltenberg" {
		t.Errorf("003: dateline %q dek %q", berlin.Dateline, berlin.Dek)
	}
}
