package feeds

import (
	"reflect"
	"strings"
	"testing"
)

func TestOPMLImportFlattensFoldersAndSkipsBadAddresses(t *testing.T) {
	doc := `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline text="Harbour Gazette" type="rss" xmlUrl="https://harbour.example/rss"/>
    <outline text="Caf` + "\xe9" + ` Wire" title="Caf` + "\xe9" + ` Wire" xmlUrl="http://cafe.example/feed.xml"/>
  </outline>
  <outline text="Dup" xmlUrl="https://harbour.example/rss"/>
  <outline text="Local file" xmlUrl="file:///home/me/feed.xml"/>
  <outline text="Just a folder"/>
</body></opml>`
	subs, skipped, err := ReadOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{{URL: "https://harbour.example/rss", Title: "Harbour Gazette"}, {URL: "http://cafe.example/feed.xml", Title: "Café Wire"}}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("subscriptions %+v", subs)
	}
	if len(skipped) != 1 || skipped[0].URL != "file:///home/me/feed.xml" {
		t.Errorf("skipped %+v", skipped)
	}
	if _, _, err := ReadOPML(strings.NewReader("<html><body>not opml")); err == nil {
		t.Error("a page that is not OPML was read as OPML")
	}
}

func TestOPMLExportReadsBack(t *testing.T) {
	subs := []Subscription{{URL: "https://a.example/rss?x=1&y=2", Title: `Tom & "Jerry" <News>`}, {URL: "https://b.example/atom"}}
	var b strings.Builder
	if err := WriteOPML(&b, "counterpoint subscriptions", subs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `xmlUrl="https://a.example/rss?x=1&amp;y=2"`) {
		t.Errorf("export:\n%s", b.String())
	}
	back, _, err := ReadOPML(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	subs[1].Title = subs[1].URL // an untitled feed is named by its address
	if !reflect.DeepEqual(back, subs) {
		t.Errorf("read back %+v", back)
	}
}

func TestFeedList(t *testing.T) {
	list := "# my feeds\n\nhttps://a.example/rss\n  https://b.example/atom   # the B wire\nhttps://a.example/rss\nftp://c.example/x\nnot a url\n"
	urls, bad := ReadList(strings.NewReader(list), "feeds")
	if !reflect.DeepEqual(urls, []string{"https://a.example/rss", "https://b.example/atom"}) {
		t.Errorf("urls %q", urls)
	}
	if len(bad) != 2 || bad[0].URL != "feeds:6" || bad[1].URL != "feeds:7" {
		t.Errorf("bad lines %+v", bad)
	}
}

func TestExtractPageWithoutArticle(t *testing.T) {
	if _, err := ExtractPage([]byte("<html><body><nav><a href=/>Home</a></nav></body></html>"), "text/html", "http://x.example/"); err == nil {
		t.Error("a page of navigation alone gave an article")
	}
	// A page in another charset is decoded, not mangled.
	page := "<html><head><meta charset=iso-8859-1></head><body><article>" +
		strings.Repeat("<p>Der Stadtrat hat am Montag beschlossen, die Br\xfccke zu erneuern, und die B\xfcrger sind sehr zufrieden damit.</p>", 5) +
		"</article></body></html>"
	p, err := ExtractPage([]byte(page), "text/html", "http://x.example/a")
	if err != nil || !strings.Contains(p.Text, "Brücke") {
		t.Errorf("latin-1 page: %v %q", err, p)
	}
}
