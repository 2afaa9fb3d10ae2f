package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// fixtureServer serves the files of testdata with {{BASE}} replaced by its
// own address, plus whatever extra handlers a test adds.
type fixtureServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int
	headers  map[string]http.Header
}

func newFixtureServer(t *testing.T, extra map[string]http.HandlerFunc) *fixtureServer {
	t.Helper()
	fs := &fixtureServer{requests: map[string]int{}, headers: map[string]http.Header{}}
	mux := http.NewServeMux()
	files := map[string]string{
		"/rss2.xml": "rss2.xml", "/rss091.xml": "rss091.xml", "/rss1.rdf": "rss1.rdf",
		"/atom.xml": "atom.xml", "/feed.json": "feed.json", "/broken.xml": "broken.xml",
		"/fulltext.xml": "fulltext.xml", "/articles/ferry": "article.html", "/articles/library": "article.html",
	}
	for p, name := range files {
		raw, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			body := strings.ReplaceAll(string(raw), "{{BASE}}", fs.URL)
			if strings.HasSuffix(name, ".html") {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
			}
			w.Write([]byte(body))
		})
	}
	for p, h := range extra {
		mux.HandleFunc(p, h)
	}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.requests[r.URL.Path]++
		fs.headers[r.URL.Path] = r.Header.Clone()
		fs.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *fixtureServer) count(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.requests[path]
}

func nothingKnown(string) bool { return false }

// junk is text of the page furniture that must never reach an article.
var junk = []string{"SCRIPT-TEXT", "NAVIGATION-SPORT", "ADVERT-BUY", "SIDEBAR-RELATED", "COMMENT-TEXT", "FOOTER-COPYRIGHT", "<p>", "&amp;"}

func TestEveryFeedFormatGivesTheArticleFromItsPage(t *testing.T) {
	srv := newFixtureServer(t, nil)
	f := NewFetcher(Options{})
	for _, path := range []string{"/rss2.xml", "/rss091.xml", "/rss1.rdf", "/atom.xml", "/feed.json"} {
		t.Run(path, func(t *testing.T) {
			res := f.Update(context.Background(), Subscription{URL: srv.URL + path}, nothingKnown)
			if res.Err != nil {
				t.Fatalf("feed failed: %v", res.Err)
			}
			if len(res.Articles) == 0 {
				t.Fatalf("no articles; failures: %v", res.Failures)
			}
			a := res.Articles[0]
			if a.URL != srv.URL+"/articles/ferry" || !strings.HasPrefix(a.Title, "Ferry") || !strings.Contains(a.Title, "port row deepens") {
				t.Errorf("url %q title %q", a.URL, a.Title)
			}
			if strings.Contains(a.Title, "<") || strings.Contains(a.Title, "&amp;") {
				t.Errorf("markup left in the title: %q", a.Title)
			}
			for _, want := range []string{"ferry union had broken an agreement", "We never signed any such deal", "no warning of the cancellations"} {
				if !strings.Contains(a.Text, want) {
					t.Errorf("article text lacks %q:\n%s", want, a.Text)
				}
			}
			for _, bad := range junk {
				if strings.Contains(a.Text, bad) {
					t.Errorf("article text keeps %q:\n%s", bad, a.Text)
				}
			}
			if a.Outlet != "Harbour Gazette" {
				t.Errorf("outlet %q, want the page's site name", a.Outlet)
			}
		})
	}
	if ua := srv.headers["/rss2.xml"].Get("User-Agent"); !strings.HasPrefix(ua, "counterpoint/") {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestBrokenFeedIsReportedWithItsURL(t *testing.T) {
	srv := newFixtureServer(t, nil)
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/broken.xml"}, nothingKnown)
	if res.Err == nil || res.Err.URL != srv.URL+"/broken.xml" || !strings.Contains(res.Err.Reason, "not a feed") {
		t.Fatalf("broken XML: %+v", res.Err)
	}
}

func TestFullTextFeedNeedsNoPageFetch(t *testing.T) {
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/never-fetched": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", 500) },
	})
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/fulltext.xml"}, nothingKnown)
	if res.Err != nil || len(res.Articles) != 1 {
		t.Fatalf("%+v", res)
	}
	a := res.Articles[0]
	if !strings.Contains(a.Text, "about a fifth of the water it pumps is lost") || strings.Count(a.Text, "\n") < 5 {
		t.Errorf("full text not kept paragraph by paragraph:\n%s", a.Text)
	}
	if strings.Contains(a.Text, "SCRIPT-IN-FEED") || strings.Contains(a.Text, "<") {
		t.Errorf("script or markup in the text:\n%s", a.Text)
	}
	if a.Published.IsZero() || a.Published.Day() != 5 {
		t.Errorf("published %v", a.Published)
	}
	if n := srv.count("/never-fetched"); n != 0 {
		t.Errorf("the page of a full-text item was fetched %d times", n)
	}
}

func TestKnownItemsAreNotFetchedAgain(t *testing.T) {
	srv := newFixtureServer(t, nil)
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/rss2.xml"},
		func(id string) bool { return true })
	if len(res.Articles) != 0 || srv.count("/articles/ferry") != 0 {
		t.Errorf("known items fetched: %d articles, %d page requests", len(res.Articles), srv.count("/articles/ferry"))
	}
}

func TestNotModifiedAnswer(t *testing.T) {
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/cond.xml": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Tue, 03 Mar 2026 08:30:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Last-Modified", "Tue, 03 Mar 2026 08:30:00 GMT")
			w.Write([]byte(`<rss version="2.0"><channel><title>C</title><item><title>T</title><link>http://127.0.0.1:1/x</link><description>` +
				strings.Repeat("word ", 200) + `</description></item></channel></rss>`))
		},
	})
	f := NewFetcher(Options{})
	first := f.Update(context.Background(), Subscription{URL: srv.URL + "/cond.xml"}, nothingKnown)
	if first.Err != nil || first.NotModified || first.Validators.ETag != `"v1"` || len(first.Articles) != 1 {
		t.Fatalf("first answer: %+v", first)
	}
	second := f.Update(context.Background(), Subscription{URL: srv.URL + "/cond.xml", Validators: first.Validators}, nothingKnown)
	if second.Err != nil || !second.NotModified || len(second.Articles) != 0 || second.Validators != first.Validators {
		t.Fatalf("conditional answer: %+v", second)
	}
}

func TestRedirects(t *testing.T) {
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/moved": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/rss2.xml", http.StatusMovedPermanently)
		},
		"/tofile": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		},
		"/loop": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) },
	})
	f := NewFetcher(Options{})
	if res := f.Update(context.Background(), Subscription{URL: srv.URL + "/moved"}, nothingKnown); res.Err != nil || len(res.Articles) == 0 {
		t.Errorf("redirect not followed: %+v", res)
	}
	res := f.Update(context.Background(), Subscription{URL: srv.URL + "/tofile"}, nothingKnown)
	if res.Err == nil || !strings.Contains(res.Err.Reason, "file") || !strings.Contains(res.Err.Reason, "refused") {
		t.Errorf("redirect to file:// not refused: %+v", res.Err)
	}
	res = f.Update(context.Background(), Subscription{URL: srv.URL + "/loop"}, nothingKnown)
	if res.Err == nil || !strings.Contains(res.Err.Reason, "more than 5 redirects") {
		t.Errorf("redirect loop: %+v", res.Err)
	}
	if n := srv.count("/loop"); n != 6 {
		t.Errorf("redirect loop requested %d times, want the first request and 5 redirects", n)
	}
}

func TestServerThatHangsTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/hang": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		},
	})
	t.Cleanup(func() { close(release) }) // runs before the server closes
	done := make(chan Result)
	go func() {
		done <- NewFetcher(Options{Timeout: 200 * time.Millisecond}).Update(context.Background(), Subscription{URL: srv.URL + "/hang"}, nothingKnown)
	}()
	select {
	case res := <-done:
		if res.Err == nil || !strings.Contains(res.Err.Reason, "no answer within 200ms") {
			t.Errorf("hanging server: %+v", res.Err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the fetch did not give up on a server that never answers")
	}
}

func TestOversizedBodiesAreCut(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 50 {
		zw.Write(zeros)
	}
	zw.Close()
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/endless": func(w http.ResponseWriter, r *http.Request) {
			chunk := bytes.Repeat([]byte("<rss>"), 1<<14)
			for sent := 0; sent < 50<<20; sent += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return // the client hung up, as it should
				}
			}
		},
		"/bomb.xml": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(bomb.Bytes())
		},
	})
	f := NewFetcher(Options{MaxFeedBytes: 1 << 20})
	for _, p := range []string{"/endless", "/bomb.xml"} {
		res := f.Update(context.Background(), Subscription{URL: srv.URL + p}, nothingKnown)
		if res.Err == nil || !strings.Contains(res.Err.Reason, "too large: more than 1.0 MiB") {
			t.Errorf("%s (50 MB): %+v", p, res.Err)
		}
	}
	if bomb.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed: it tests nothing", bomb.Len())
	}
}

func TestPerHostConcurrencyIsTwo(t *testing.T) {
	const items = 10
	var (
		mu                      sync.Mutex
		inflight, peak, started int
	)
	var feed strings.Builder
	f := NewFetcher(Options{})
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/many.xml": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(feed.String())) },
		"/page/": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			inflight++
			started++
			peak = max(peak, inflight)
			mu.Unlock()
			// Hold the request until every other one has started or waits
			// for a slot, so a limit above two shows in the peak.
			deadline := time.Now().Add(10 * time.Second)
			for time.Now().Before(deadline) {
				mu.Lock()
				ok := inflight > 2 || int(f.waiting.Load()) >= items-started
				mu.Unlock()
				if ok {
					break
				}
				time.Sleep(time.Millisecond)
			}
			raw, _ := os.ReadFile("testdata/article.html")
			w.Header().Set("Content-Type", "text/html")
			w.Write(raw)
			mu.Lock()
			inflight--
			mu.Unlock()
		},
	})
	feed.WriteString(`<rss version="2.0"><channel><title>Many</title>`)
	for i := range items {
		feed.WriteString("<item><title>Item</title><link>" + srv.URL + "/page/" + string(rune('a'+i)) + "</link></item>")
	}
	feed.WriteString("</channel></rss>")
	res := f.Update(context.Background(), Subscription{URL: srv.URL + "/many.xml"}, nothingKnown)
	if len(res.Articles) != items {
		t.Fatalf("%d articles, failures %v", len(res.Articles), res.Failures)
	}
	if peak != 2 {
		t.Errorf("peak of %d requests at once to one host, want 2", peak)
	}
}

func TestFailingPagesAreReportedAndNeverStopTheRest(t *testing.T) {
	var body string
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/mixed.xml": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) },
		"/pdf": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.4"))
		},
		"/gone": func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
	})
	body = `<rss version="2.0"><channel><title>Mixed</title>` +
		`<item><title>A</title><link>` + srv.URL + `/pdf</link></item>` +
		`<item><title>B</title><link>` + srv.URL + `/gone</link></item>` +
		`<item><title>C</title><link>` + srv.URL + `/articles/ferry</link></item></channel></rss>`
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/mixed.xml"}, nothingKnown)
	if res.Err != nil || len(res.Articles) != 1 || res.Articles[0].URL != srv.URL+"/articles/ferry" {
		t.Fatalf("the good item was lost: %+v", res)
	}
	got := map[string]string{}
	for _, f := range res.Failures {
		got[f.URL] = f.Reason
	}
	if got[srv.URL+"/pdf"] != "not an HTML page (application/pdf)" || got[srv.URL+"/gone"] != "HTTP 404 Not Found" {
		t.Errorf("failures: %v", res.Failures)
	}
}

func TestEntityBombIsNotExpanded(t *testing.T) {
	bomb := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss version="2.0"><channel><title>&f;</title><item><title>&f;</title><description>&f;</description></item></channel></rss>`
	f, err := ParseFeed([]byte(bomb))
	if err == nil {
		for _, it := range append([]Item{{Title: f.Title}}, f.Items...) {
			if len(it.Title)+len(it.Summary) > 10000 {
				t.Fatalf("entities were expanded: %d bytes", len(it.Title)+len(it.Summary))
			}
		}
	}
}

func TestMislabelledPageIsReadByItsLooks(t *testing.T) {
	page, _ := os.ReadFile("testdata/article.html")
	var body string
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/feed.xml": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) },
		"/story": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(page)
		},
		"/binary": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte{0x89, 'P', 'N', 'G', 0, 0, 0})
		},
	})
	body = `<rss version="2.0"><channel><title>T</title><item><title>Ferry</title><link>` + srv.URL + `/story</link></item>` +
		`<item><title>Image</title><link>` + srv.URL + `/binary</link></item></channel></rss>`
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/feed.xml"}, nothingKnown)
	if len(res.Articles) != 1 || !strings.Contains(res.Articles[0].Text, "ferry union") {
		t.Errorf("an HTML page labelled octet-stream was not read: %+v", res)
	}
	if len(res.Failures) != 1 || res.Failures[0].Reason != "not an HTML page (application/octet-stream)" {
		t.Errorf("failures %+v", res.Failures)
	}
}

func TestFailureReasonsAreSafeToPrint(t *testing.T) {
	// An item whose ID (a GUID, not a link) carries escape sequences and
	// has no text fails, and the failure names it safely.
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/evil.xml": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<rss version=\"2.0\"><channel><title>E</title><item><title>x</title><guid>\x1b]0;pwned\x07" +
				strings.Repeat("y", 300) + "</guid></item></channel></rss>"))
		},
	})
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/evil.xml"}, nothingKnown)
	if len(res.Failures) != 1 || !strings.Contains(res.Failures[0].URL, "pwned") || strings.ContainsAny(res.Failures[0].URL, "\x1b\x07") {
		t.Errorf("failures %q", res.Failures)
	}
	long := Failure{URL: "u", Reason: "\x1b[2J" + strings.Repeat("é", 300)}.safe()
	if strings.Contains(long.Reason, "\x1b") || len(long.Reason) > maxReason+len("…") || !utf8.ValidString(long.Reason) {
		t.Errorf("reason %q", long.Reason)
	}
}

func TestHomePageLeadsToItsFeed(t *testing.T) {
	srv := newFixtureServer(t, map[string]http.HandlerFunc{
		"/home": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><title>Gazette</title><link rel="stylesheet" href="/s.css">` +
				`<link rel="alternate" type="application/atom+xml" title="Feed" href="atom.xml"></head><body><p>Welcome</p></body></html>`))
		},
		"/plain": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><link rel="alternate" type="text/html" href="/other"></head><body><link rel="alternate" type="application/rss+xml" href="/rss2.xml"></body></html>`))
		},
	})
	res := NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/home"}, nothingKnown)
	if res.Err != nil || res.Title != "Atomic Bulletin" || len(res.Articles) != 1 {
		t.Errorf("home page: %+v", res)
	}
	res = NewFetcher(Options{}).Update(context.Background(), Subscription{URL: srv.URL + "/plain"}, nothingKnown)
	if res.Err == nil || !strings.Contains(res.Err.Reason, "not a feed") {
		t.Errorf("a page announcing no feed in its head: %+v", res.Err)
	}
}

func TestGlobalLimitHoldsAcrossHosts(t *testing.T) {
	const hosts, pages, global = 3, 4, 3
	var (
		mu                      sync.Mutex
		inflight, peak, started int
	)
	page, _ := os.ReadFile("testdata/article.html")
	f := NewFetcher(Options{Global: global})
	handler := func(feed *string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/feed.xml" {
				w.Write([]byte(*feed))
				return
			}
			mu.Lock()
			inflight++
			started++
			peak = max(peak, inflight)
			mu.Unlock()
			// Hold until every other request has started or waits for a
			// slot, so a limit that does not hold shows in the peak.
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				mu.Lock()
				ok := inflight > global || int(f.waiting.Load()) >= hosts*pages-started
				mu.Unlock()
				if ok {
					break
				}
			}
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
			mu.Lock()
			inflight--
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	results := make([]Result, hosts)
	for h := range hosts {
		feed := new(string)
		srv := httptest.NewServer(handler(feed))
		t.Cleanup(srv.Close)
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>H</title>`)
		for p := range pages {
			fmt.Fprintf(&b, "<item><title>P</title><link>%s/p%d</link></item>", srv.URL, p)
		}
		b.WriteString("</channel></rss>")
		*feed = b.String()
		wg.Go(func() {
			results[h] = f.Update(context.Background(), Subscription{URL: srv.URL + "/feed.xml"}, nothingKnown)
		})
	}
	wg.Wait()
	for h, r := range results {
		if len(r.Articles) != pages {
			t.Errorf("host %d: %d articles, failures %v", h, len(r.Articles), r.Failures)
		}
	}
	if peak != global {
		t.Errorf("peak of %d page requests at once over %d hosts, want the global limit %d", peak, hosts, global)
	}
}
