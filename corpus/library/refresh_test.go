package library

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"counterpoint/corpus/feeds"
)

// fullTextFeed is an RSS feed of n items whose content is the whole article.
func fullTextFeed(base string, from, n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example &amp; Co</title>`)
	for i := from; i < from+n; i++ {
		w := webArticle(i)
		var body strings.Builder
		for p := range strings.SplitSeq(w.Text, "\n") {
			body.WriteString("<p>" + p + "</p>")
		}
		b.WriteString("<item><title>" + w.Title + "</title><link>" + base + "/a/" + strings.TrimPrefix(w.URL, "https://news.example/") +
			"</link><pubDate>" + w.Published.Format(time.RFC1123Z) + "</pubDate><content:encoded><![CDATA[" + body.String() + "]]></content:encoded></item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func TestRefreshStoresNewArticlesAndReportsFailures(t *testing.T) {
	l, _ := openTemp(t, Options{})
	release := make(chan struct{})
	var srv *httptest.Server
	var mu sync.Mutex
	conditional := 0
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good.xml":
			if r.Header.Get("If-None-Match") == `"g1"` {
				mu.Lock()
				conditional++
				mu.Unlock()
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"g1"`)
			w.Write([]byte(fullTextFeed(srv.URL, 0, 4)))
		case "/second.xml":
			w.Write([]byte(fullTextFeed(srv.URL, 2, 4))) // two items shared with the first feed: stored once
		case "/broken.xml":
			w.Write([]byte("<rss><channel><title>x</ti"))
		case "/hang.xml":
			select {
			case <-release:
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	for _, p := range []string{"/good.xml", "/broken.xml", "/hang.xml", "/missing.xml", "/second.xml"} {
		if _, err := l.AddFeed(ctx, srv.URL+p, ""); err != nil {
			t.Fatal(err)
		}
	}
	f := feeds.NewFetcher(feeds.Options{Timeout: 300 * time.Millisecond})
	var events []Progress
	sum, err := l.Refresh(ctx, f, func(p Progress) { events = append(events, p) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Feeds != 5 || sum.FeedsFailed != 3 || sum.NewArticles != 6 {
		t.Errorf("summary %+v", sum)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[strings.TrimPrefix(f.URL, srv.URL)] = f.Reason
	}
	if !strings.Contains(reasons["/broken.xml"], "not a feed") || !strings.Contains(reasons["/hang.xml"], "no answer within") ||
		reasons["/missing.xml"] != "HTTP 404 Not Found" {
		t.Errorf("failures %v", reasons)
	}
	if len(events) != 5 || events[4].FeedsDone != 5 || events[4].FeedsTotal != 5 || events[4].NewArticles != 6 {
		t.Errorf("progress %+v", events)
	}
	shelf, err := l.Load(ctx)
	if err != nil || len(shelf.Corpus.Articles) != 6 {
		t.Fatalf("%v, %d articles", err, len(shelf.Corpus.Articles))
	}
	if a := shelf.Corpus.Articles[0]; a.Outlet != "Example & Co" || len(a.Quotes) == 0 || !strings.HasPrefix(a.URL, srv.URL+"/a/") {
		t.Errorf("newest article: outlet %q, %d quotes, url %s", a.Outlet, len(a.Quotes), a.URL)
	}
	fs, _ := l.Feeds(ctx)
	if fs[0].Title != "Example & Co" || fs[0].Articles+fs[4].Articles != 6 || fs[1].LastError == "" || fs[0].LastError != "" {
		t.Errorf("feeds %+v", fs)
	}

	// The next refresh asks conditionally and finds nothing new.
	sum, err = l.Refresh(ctx, f, nil)
	if err != nil || sum.NewArticles != 0 || conditional != 1 {
		t.Errorf("second refresh: %+v, %v, %d conditional requests", sum, err, conditional)
	}
}

func TestItemThatFailedIsTriedAgainEvenIfTheFeedIsUnchanged(t *testing.T) {
	l, _ := openTemp(t, Options{})
	var mu sync.Mutex
	pageCalls := 0
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			if r.Header.Get("If-None-Match") == `"v"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v"`)
			w.Write([]byte(`<rss version="2.0"><channel><title>F</title><item><title>Story</title><link>` + srv.URL + `/story</link></item></channel></rss>`))
		case "/story":
			mu.Lock()
			pageCalls++
			first := pageCalls == 1
			mu.Unlock()
			if first {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><article>" + strings.Repeat("<p>The council met on Tuesday and agreed to repair the old bridge over the river before the winter.</p>", 6) + "</article></body></html>"))
		}
	}))
	defer srv.Close()
	l.AddFeed(ctx, srv.URL+"/feed.xml", "")
	f := feeds.NewFetcher(feeds.Options{})
	if sum, _ := l.Refresh(ctx, f, nil); sum.NewArticles != 0 || len(sum.Failures) != 1 {
		t.Fatalf("first refresh %+v", sum)
	}
	if sum, _ := l.Refresh(ctx, f, nil); sum.NewArticles != 1 {
		t.Errorf("the failed page was not tried again: %+v", sum)
	}
	var p Progress
	l.Refresh(ctx, f, func(got Progress) { p = got })
	if !p.NotModified {
		t.Errorf("with nothing left to retry, the feed was not asked conditionally: %+v", p)
	}
}

func TestRefreshEveryRunsUntilCancelled(t *testing.T) {
	l, _ := openTemp(t, Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(fullTextFeed("http://127.0.0.1:1", 0, 1)))
	}))
	defer srv.Close()
	l.AddFeed(ctx, srv.URL+"/feed.xml", "")
	c, cancel := context.WithCancel(ctx)
	runs := make(chan Summary, 10)
	stopped := make(chan struct{})
	go func() {
		l.RefreshEvery(c, feeds.NewFetcher(feeds.Options{}), time.Millisecond, func(s Summary, err error) { runs <- s })
		close(stopped)
	}()
	for i := range 2 {
		select {
		case s := <-runs:
			if i == 0 && s.NewArticles != 1 || i == 1 && s.NewArticles != 0 {
				t.Errorf("run %d: %+v", i, s)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("no refresh")
		}
	}
	cancel()
	select {
	case <-stopped:
	case <-time.After(30 * time.Second):
		t.Fatal("RefreshEvery did not stop when cancelled")
	}
}
