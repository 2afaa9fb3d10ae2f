package corpus

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"counterpoint/corpus/synth"
)

func TestFromWebAnalysesLikeAFile(t *testing.T) {
	body := "The ministry of Freedonia accused Sylvania of moving troops to the border.\n" +
		"\"Sylvania is preparing an invasion,\" Foreign Minister Ana Lopes said on Monday.\n" +
		"\"These claims are baseless lies,\" said Sylvanian spokesman Piotr Nowak, denying any troop movement."
	a, err := FromWeb(WebArticle{
		ID: "border-row", URL: "https://news.example/border", Title: "Border \x1b[31mrow\x1b[0m grows",
		Dek: "Two neighbours trade words", Byline: "By Kim Lee\n", Outlet: "Example News",
		Published: time.Date(2026, 3, 4, 10, 0, 0, 0, time.FixedZone("x", 3600)), Text: body,
	})
	if err != nil {
		t.Fatal(err)
	}
	file := Parse("border-row", "x", "Border row grows\nTwo neighbours trade words\n"+body)
	file.Analyse()
	if a.Title != "Border [31mrow[0m grows" || a.Byline != "By Kim Lee" || a.Outlet != "Example News" {
		t.Errorf("fields not sanitised to one line: %q %q %q", a.Title, a.Byline, a.Outlet)
	}
	if a.Date != "4 March 2026" || a.URL != "https://news.example/border" {
		t.Errorf("date %q, url %q", a.Date, a.URL)
	}
	if !reflect.DeepEqual(a.Paragraphs, file.Paragraphs) || !reflect.DeepEqual(a.Speakers, file.Speakers) || len(a.Debate) != len(file.Debate) {
		t.Errorf("web article analysed differently from the same text as a file:\n%+v\n%+v", a.Speakers, file.Speakers)
	}
	if len(a.Quotes) != 2 || a.Quotes[0].Speaker != "Ana Lopes" {
		t.Errorf("quotes: %+v", a.Quotes)
	}
}

func TestFromWebRejectsEmptyAndUnsafeLinks(t *testing.T) {
	if _, err := FromWeb(WebArticle{Title: "Only a title", Text: "\x1b\x07"}); err != ErrNoText {
		t.Errorf("an article with no body: %v, want ErrNoText", err)
	}
	a, err := FromWeb(WebArticle{Title: "T", URL: "javascript:alert(1)", Text: "Some body text."})
	if err != nil || a.URL != "" {
		t.Errorf("a javascript: link was kept: %q %v", a.URL, err)
	}
	for _, u := range []string{"file:///etc/passwd", "https://x.example/a\x1b]8;;", "http:///nohost", "https://ok.example/a b"} {
		if SafeURL(u) != "" {
			t.Errorf("SafeURL(%q) accepted", u)
		}
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	var articles []*Article
	articles = append(articles, LoadSeeds().Articles...)
	for i := range 50 {
		a := Parse("s", "s", synth.Article(i))
		a.Analyse()
		articles = append(articles, a)
	}
	for _, a := range articles {
		b, err := ArticleFromSnapshot(a.AppendSnapshot(nil))
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		b.ID, b.Path = a.ID, a.Path
		want := *a
		want.Quotes = exportedQuotes(a.Quotes)
		want.Debate = nil
		got := *b
		got.Debate = nil
		if !reflect.DeepEqual(&want, &got) {
			t.Fatalf("%s: snapshot does not give the article back", a.ID)
		}
		for i, p := range a.Debate {
			if a.quoteRef(p.Accusation) != b.quoteRef(b.Debate[i].Accusation) || a.quoteRef(p.Response) != b.quoteRef(b.Debate[i].Response) {
				t.Fatalf("%s: debate row %d pairs other statements", a.ID, i)
			}
		}
	}
	// Search over restored articles finds what it finds over analysed ones.
	restored := make([]*Article, len(articles))
	for i, a := range articles {
		restored[i], _ = ArticleFromSnapshot(a.AppendSnapshot(nil))
	}
	for _, q := range []string{"nato", "@stoltenberg", "'cold war", "zz"} {
		if x, y := NewCorpus(articles, nil).Search(q, nil), NewCorpus(restored, nil).Search(q, nil); !reflect.DeepEqual(x, y) {
			t.Errorf("search %q: %d hits on analysed articles, %d on restored ones", q, len(x), len(y))
		}
	}
}

func exportedQuotes(qs []Quote) []Quote {
	out := make([]Quote, len(qs))
	for i, q := range qs {
		out[i] = Quote{Paragraph: q.Paragraph, Start: q.Start, End: q.End, Text: q.Text, Kind: q.Kind,
			Speaker: q.Speaker, RoleTitle: q.RoleTitle, Party: q.Party, Role: q.Role}
	}
	return out
}

func TestSnapshotDamageIsAnError(t *testing.T) {
	data := LoadSeeds().Articles[0].AppendSnapshot(nil)
	for _, n := range []int{0, 1, 5, len(data) / 2, len(data) - 1} {
		if _, err := ArticleFromSnapshot(data[:n]); err == nil {
			t.Errorf("snapshot cut at %d bytes was accepted", n)
		}
	}
	if _, err := ArticleFromSnapshot(append([]byte{99}, data[1:]...)); err == nil {
		t.Error("snapshot of another format was accepted")
	}
	if v := AnalysisVersion(); !strings.HasPrefix(v, engineRevision+"-") || v != AnalysisVersion() {
		t.Errorf("analysis version %q", v)
	}
}

func TestCitation(t *testing.T) {
	a, err := FromWeb(WebArticle{Title: "Border row", Outlet: "Example News", Published: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
		Text: "\"Ukraine is shelling civilians in our border region,\" Russian Foreign Minister Ivan Petrov said on Monday."})
	if err != nil || len(a.Quotes) == 0 {
		t.Fatalf("%v %+v", err, a)
	}
	if got, want := a.Citation(&a.Quotes[0]), "“Ukraine is shelling civilians in our border region,” — Ivan Petrov, Example News, 2 March 2026"; got != want {
		t.Errorf("citation %q, want %q", got, want)
	}
	// A file has no outlet: the attribution keeps what there is.
	q := Quote{Text: "We will appeal."}
	if got := (&Article{}).Citation(&q); got != "“We will appeal.”" {
		t.Errorf("bare citation %q", got)
	}
}
