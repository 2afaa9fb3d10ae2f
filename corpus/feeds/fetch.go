// Package feeds subscribes to news feeds and fetches their articles: HTTP
// that is polite and bounded, feed formats (RSS, Atom, JSON Feed), pages
// reduced to their readable text, OPML and the plain feed list. It stores
// nothing: corpus/library keeps what it fetches.
package feeds

import (
	"counterpoint/corpus"

	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Limits on fetching. Every one of them can be lowered for a test.
type Options struct {
	UserAgent    string        // default "counterpoint/dev (terminal news reader)"
	Timeout      time.Duration // a whole request with its body; default 30 s
	MaxFeedBytes int64         // a feed document after decompression; default 8 MiB
	MaxPageBytes int64         // an article page after decompression; default 4 MiB
	MaxRedirects int           // default 5
	PerHost      int           // requests at once to one host; default 2
	Global       int           // requests at once in all; default 8
}

const (
	defaultTimeout      = 30 * time.Second
	defaultMaxFeedBytes = 8 << 20
	defaultMaxPageBytes = 4 << 20
	defaultMaxRedirects = 5
	defaultPerHost      = 2
	defaultGlobal       = 8
)

// Fetcher makes HTTP requests within the limits; one is shared by every
// feed of a refresh, so the per-host and global limits hold across them.
// It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
	global chan struct{}

	mu    sync.Mutex
	hosts map[string]chan struct{}

	// waiting counts requests waiting for a slot: tests use it to know
	// that every request that can start has started.
	waiting atomic.Int64
}

// NewFetcher makes a Fetcher; zero options take the defaults.
func NewFetcher(opts Options) *Fetcher {
	if opts.UserAgent == "" {
		opts.UserAgent = "counterpoint/dev (terminal news reader)"
	}
	opts.Timeout = cmpOr(opts.Timeout, defaultTimeout)
	opts.MaxFeedBytes = cmpOr(opts.MaxFeedBytes, defaultMaxFeedBytes)
	opts.MaxPageBytes = cmpOr(opts.MaxPageBytes, defaultMaxPageBytes)
	opts.MaxRedirects = cmpOr(opts.MaxRedirects, defaultMaxRedirects)
	opts.PerHost = cmpOr(opts.PerHost, defaultPerHost)
	opts.Global = cmpOr(opts.Global, defaultGlobal)
	dialer := &net.Dialer{Timeout: min(opts.Timeout, 10*time.Second)}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   min(opts.Timeout, 10*time.Second),
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   opts.PerHost,
		IdleConnTimeout:       30 * time.Second,
		// Left unset, Accept-Encoding is added by the transport, which
		// then decompresses gzip itself: the size cap below counts the
		// decompressed bytes, so a gzip bomb is cut like any long body.
	}
	f := &Fetcher{opts: opts, global: make(chan struct{}, opts.Global), hosts: map[string]chan struct{}{}}
	f.client = &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s: address refused", req.URL.Scheme)
			}
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("more than %d redirects", opts.MaxRedirects)
			}
			return nil
		},
	}
	return f
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Conditional holds the validators of the last answer, for a conditional
// GET: a feed that has not changed answers 304 and sends nothing.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a fetched document.
type Response struct {
	URL         string // after redirects
	Body        []byte
	ContentType string
	NotModified bool // 304: Body is empty, keep what you have
	Validators  Conditional
}

// Error is a request that failed, with a short reason for the user.
type Error struct {
	URL    string
	Reason string
}

func (e *Error) Error() string { return e.URL + ": " + e.Reason }

// ErrTooLarge is wrapped by the reason of a body over the cap.
var ErrTooLarge = errors.New("too large")

// Get fetches url, sending the validators in cond, and reads at most limit
// bytes of the (decompressed) body. Every failure is an *Error.
func (f *Fetcher) Get(ctx context.Context, rawURL string, cond Conditional, limit int64) (*Response, error) {
	fail := func(reason string) (*Response, error) { return nil, &Error{URL: rawURL, Reason: reason} }
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fail("not an http or https address")
	}
	release, err := f.acquire(ctx, u.Host)
	if err != nil {
		return fail(reason(err, f.opts.Timeout))
	}
	defer release()

	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return fail(err.Error())
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return fail(reason(err, f.opts.Timeout))
	}
	defer resp.Body.Close()
	out := &Response{
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Conditional{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fail("HTTP " + resp.Status)
	}
	if resp.ContentLength > limit {
		return fail(fmt.Sprintf("%v: %s, the limit is %s", ErrTooLarge, corpus.HumanBytes(resp.ContentLength), corpus.HumanBytes(limit)))
	}
	// One byte more than the cap tells a body at the cap from one past it.
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return fail(reason(err, f.opts.Timeout))
	}
	if int64(len(body)) > limit {
		return fail(fmt.Sprintf("%v: more than %s", ErrTooLarge, corpus.HumanBytes(limit)))
	}
	out.Body = body
	return out, nil
}

// acquire takes a slot of the host's and of the global limit, in that
// order, so a busy host does not hold global slots while it waits.
func (f *Fetcher) acquire(ctx context.Context, host string) (func(), error) {
	f.waiting.Add(1)
	defer f.waiting.Add(-1)
	f.mu.Lock()
	h, ok := f.hosts[host]
	if !ok {
		h = make(chan struct{}, f.opts.PerHost)
		f.hosts[host] = h
	}
	f.mu.Unlock()
	select {
	case h <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case f.global <- struct{}{}:
	case <-ctx.Done():
		<-h
		return nil, ctx.Err()
	}
	return func() { <-f.global; <-h }, nil
}

// reason turns a transport error into a short phrase.
func reason(err error, timeout time.Duration) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "no answer within " + timeout.String()
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return strings.TrimSpace(err.Error())
}
