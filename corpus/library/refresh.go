package library

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"

	"counterpoint/corpus"
	"counterpoint/corpus/feeds"
)

// Progress is reported after each feed of a refresh.
type Progress struct {
	FeedsDone, FeedsTotal int
	NewArticles           int             // over the whole refresh so far
	Feed                  string          // the feed just done (its subscription URL)
	Title                 string          // its title, when it has one
	Added                 int             // its new articles
	NotModified           bool            // it answered 304
	Err                   *feeds.Failure  // it failed as a whole
	Failures              []feeds.Failure // its pages or items that failed
}

// Summary is what a whole refresh did.
type Summary struct {
	Feeds, FeedsFailed, NewArticles int
	Failures                        []feeds.Failure // feeds, pages and items that failed
}

// feedWorkers is how many feeds are fetched at once; the Fetcher's own
// limits (two per host, a global cap) bound the requests underneath.
const feedWorkers = 8

// Refresh fetches every subscription, and the pages of their new items,
// and stores the new articles. progress, if not nil, is called after each
// feed, from one goroutine at a time, while the next feed's articles wait
// to be stored: it should hand the news on (a buffered channel) and return. One feed or page that fails never
// stops the others: it is reported in progress and in the summary. The
// error is for the library itself failing, or ctx ending.
func (l *Library) Refresh(ctx context.Context, f *feeds.Fetcher, progress func(Progress)) (Summary, error) {
	var sum Summary
	if l.readOnly {
		return sum, ErrReadOnly
	}
	subs, err := l.subscriptions(ctx)
	if err != nil {
		return sum, err
	}
	known, err := l.knownItems(ctx)
	if err != nil {
		return sum, err
	}
	var knownMu sync.RWMutex
	isKnown := func(id string) bool {
		knownMu.RLock()
		defer knownMu.RUnlock()
		return known[id]
	}
	sum.Feeds = len(subs)

	var (
		mu       sync.Mutex // guards sum, done, the progress calls and the writes
		done     int
		firstErr error
		wg       sync.WaitGroup
	)
	next := make(chan feeds.Subscription)
	for range min(feedWorkers, max(len(subs), 1)) {
		wg.Go(func() {
			for sub := range next {
				res := f.Update(ctx, sub, isKnown)
				// Analysis runs here, in parallel, outside the lock.
				var preps []*prepared
				for _, w := range res.Articles {
					p, err := prepare(w)
					if err != nil {
						res.Failures = append(res.Failures, feeds.Failure{URL: cmpOr(w.URL, w.ID), Reason: err.Error()})
						continue
					}
					preps = append(preps, p)
				}
				mu.Lock()
				added, err := l.store(ctx, res, preps)
				if err != nil && firstErr == nil {
					firstErr = err
				}
				knownMu.Lock()
				for _, p := range preps {
					known[p.web.ID] = true
				}
				knownMu.Unlock()
				sum.NewArticles += added
				if res.Err != nil {
					sum.FeedsFailed++
					sum.Failures = append(sum.Failures, *res.Err)
				}
				sum.Failures = append(sum.Failures, res.Failures...)
				done++
				if progress != nil {
					progress(Progress{
						FeedsDone: done, FeedsTotal: len(subs), NewArticles: sum.NewArticles,
						Feed: sub.URL, Title: corpus.SanitizeLine(cmpOr(res.Title, sub.Title)), Added: added, NotModified: res.NotModified, Err: res.Err, Failures: res.Failures,
					})
				}
				mu.Unlock()
			}
		})
	}
	for _, s := range subs {
		select {
		case next <- s:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return sum, firstErr
}

// store saves one feed's result: its metadata and validators, and its new
// articles, in one transaction.
func (l *Library) store(ctx context.Context, res feeds.Result, preps []*prepared) (int, error) {
	added := 0
	err := l.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, res.Feed).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // removed while it was being fetched: nothing to store
		} else if err != nil {
			return err
		}
		lastErr := ""
		if res.Err != nil {
			lastErr = res.Err.Reason
		}
		if _, err := tx.ExecContext(ctx, `UPDATE feeds SET checked = ?, last_error = ? WHERE id = ?`, time.Now().Unix(), lastErr, id); err != nil {
			return err
		}
		if res.Err != nil {
			return nil
		}
		// With items that failed, the next refresh must fetch the feed
		// whole to try them again: a 304 would hide them.
		v := res.Validators
		if len(res.Failures) > 0 {
			v = feeds.Conditional{}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?`,
			v.ETag, v.LastModified, id); err != nil {
			return err
		}
		if res.Title != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE feeds SET title = ?, site_url = ? WHERE id = ?`,
				corpus.SanitizeLine(res.Title), res.SiteURL, id); err != nil {
				return err
			}
		}
		added, err = l.save(ctx, tx, id, preps)
		return err
	})
	return added, err
}

// RefreshEvery refreshes at once and then every interval until ctx ends,
// calling done after each refresh: the operator's schedule for a server
// (`serve --refresh 30m`), where users can never make it fetch.
func (l *Library) RefreshEvery(ctx context.Context, f *feeds.Fetcher, every time.Duration, done func(Summary, error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		sum, err := l.Refresh(ctx, f, nil)
		if ctx.Err() != nil {
			return
		}
		if done != nil {
			done(sum, err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
