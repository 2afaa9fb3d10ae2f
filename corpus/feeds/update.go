package feeds

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"

	"counterpoint/corpus"
)

// FullTextWords is the length from which a feed item's own content is
// taken as the whole article and its page is not fetched: summaries and
// teasers are a paragraph or two, articles are longer.
const FullTextWords = 100

// MaxItemsPerFeed bounds the new items taken from one feed in one refresh;
// the rest wait for the next (feeds list the newest first).
const MaxItemsPerFeed = 100

// Subscription is a feed as the library knows it.
type Subscription struct {
	URL        string
	Title      string
	Validators Conditional // from the last answer, for a conditional GET
}

// Failure is something that could not be fetched or read, and why.
type Failure struct {
	URL    string
	Reason string
}

func (f Failure) String() string {
	f = f.safe()
	return f.URL + ": " + f.Reason
}

// maxReason bounds a reason's length: some quote a server's words.
const maxReason = 200

func (f Failure) safe() Failure {
	f.URL, f.Reason = corpus.SanitizeLine(f.URL), corpus.SanitizeLine(f.Reason)
	if len(f.Reason) > maxReason {
		f.Reason = strings.ToValidUTF8(f.Reason[:maxReason], "") + "…"
	}
	return f
}

// Result is what one feed's update brought.
type Result struct {
	Feed        string      // the subscription's URL
	Title       string      // the feed's own title
	SiteURL     string      // the site it belongs to
	NotModified bool        // 304: nothing new
	Validators  Conditional // to send next time
	Articles    []corpus.WebArticle
	Failures    []Failure // pages or items that could not be read
	Err         *Failure  // the feed itself could not be fetched or read
}

// Update fetches one feed and the pages of its new items. known reports
// whether an item (by its ID) is already in the library, so its page is not
// fetched again; it is called from several goroutines. A failing page is
// listed in Failures and never stops the other items.
func (f *Fetcher) Update(ctx context.Context, sub Subscription, known func(id string) bool) (res Result) {
	res = Result{Feed: sub.URL, Title: sub.Title}
	// Reasons quote servers and feeds: they leave here safe to print.
	defer func() {
		for i := range res.Failures {
			res.Failures[i] = res.Failures[i].safe()
		}
		if res.Err != nil {
			e := res.Err.safe()
			res.Err = &e
		}
	}()
	resp, err := f.Get(ctx, sub.URL, sub.Validators, f.opts.MaxFeedBytes)
	if err != nil {
		res.Err = asFailure(sub.URL, err)
		return res
	}
	res.Validators = resp.Validators
	if resp.NotModified {
		res.NotModified = true
		res.Validators = sub.Validators
		if resp.Validators != (Conditional{}) {
			res.Validators = resp.Validators
		}
		return res
	}
	feed, err := ParseFeed(resp.Body)
	if err != nil {
		// A web page that announces its feed: read that instead.
		if alt := discoverFeed(resp.Body, resp.URL); alt != "" {
			if r2, err2 := f.Get(ctx, alt, Conditional{}, f.opts.MaxFeedBytes); err2 == nil && !r2.NotModified {
				feed, err = ParseFeed(r2.Body)
			}
		}
	}
	if err != nil {
		res.Err = &Failure{URL: sub.URL, Reason: err.Error()}
		return res
	}
	res.Title = feed.Title
	res.SiteURL = feed.SiteURL
	outlet := strings.TrimSpace(feed.Title)

	var fresh []Item
	seen := map[string]bool{}
	for _, it := range feed.Items {
		if it.ID == "" {
			res.Failures = append(res.Failures, Failure{URL: sub.URL, Reason: "an item with neither a link nor an ID: skipped"})
			continue
		}
		if !seen[it.ID] && !known(it.ID) && len(fresh) < MaxItemsPerFeed {
			fresh = append(fresh, it)
		}
		seen[it.ID] = true
	}
	articles := make([]*corpus.WebArticle, len(fresh))
	failures := make([]*Failure, len(fresh))
	var wg sync.WaitGroup
	for i, it := range fresh {
		wg.Go(func() { articles[i], failures[i] = f.article(ctx, it, outlet) })
	}
	wg.Wait()
	for i := range fresh {
		if articles[i] != nil {
			res.Articles = append(res.Articles, *articles[i])
		}
		if failures[i] != nil {
			res.Failures = append(res.Failures, *failures[i])
		}
	}
	return res
}

// article makes an item into a web article: from its own content when that
// is the full text, else from its page. The per-host limit of the Fetcher
// keeps a feed of a hundred new items from opening a hundred connections.
func (f *Fetcher) article(ctx context.Context, it Item, outlet string) (*corpus.WebArticle, *Failure) {
	w := &corpus.WebArticle{
		ID: it.ID, URL: it.URL, Title: it.Title, Byline: it.Author,
		Outlet: outlet, Published: it.Published,
	}
	if words(it.Summary) <= 60 && it.Summary != it.Content {
		w.Dek = it.Summary
	}
	body := it.Content
	if words(body) < words(it.Summary) {
		body = it.Summary
	}
	if words(body) >= FullTextWords || it.URL == "" {
		if strings.TrimSpace(body) == "" {
			return nil, &Failure{URL: it.ID, Reason: "the item has no text and no page to fetch"}
		}
		w.Text = body
		return w, nil
	}
	resp, err := f.Get(ctx, it.URL, Conditional{}, f.opts.MaxPageBytes)
	if err == nil && resp.NotModified {
		err = &Error{URL: it.URL, Reason: "answered 304 to a request that was not conditional"}
	}
	if err != nil {
		return nil, asFailure(it.URL, err)
	}
	// Servers often label pages wrongly (application/octet-stream, or no
	// type): what the body looks like decides when the label says no HTML.
	if ct := strings.ToLower(resp.ContentType); !strings.Contains(ct, "html") && !strings.HasPrefix(http.DetectContentType(resp.Body), "text/html") {
		if ct == "" {
			ct = http.DetectContentType(resp.Body)
		}
		return nil, &Failure{URL: it.URL, Reason: "not an HTML page (" + corpus.SanitizeLine(strings.SplitN(ct, ";", 2)[0]) + ")"}
	}
	page, err := ExtractPage(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return nil, &Failure{URL: it.URL, Reason: err.Error()}
	}
	w.Text = page.Text
	if w.Title == "" {
		w.Title = page.Title
	}
	if w.Byline == "" {
		w.Byline = page.Byline
	}
	if page.Site != "" {
		w.Outlet = page.Site
	}
	if w.Dek == "" && words(page.Excerpt) <= 60 {
		w.Dek = page.Excerpt
	}
	return w, nil
}

func asFailure(u string, err error) *Failure {
	var fe *Error
	if errors.As(err, &fe) {
		return &Failure{URL: fe.URL, Reason: fe.Reason}
	}
	return &Failure{URL: u, Reason: err.Error()}
}

func words(s string) int { return len(strings.Fields(s)) }
