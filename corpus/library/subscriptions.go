package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"counterpoint/corpus"
	"counterpoint/corpus/feeds"
)

// Feed is a subscription with what the last refresh learnt of it.
type Feed struct {
	URL       string
	Title     string
	SiteURL   string
	Articles  int
	Checked   time.Time // zero if never fetched
	LastError string    // why the last refresh of it failed, or ""
	Listed    bool      // it comes from the feed list in the config dir
}

// ErrNotSubscribed is returned when removing a feed the library lacks.
var ErrNotSubscribed = errors.New("not subscribed")

// AddFeed subscribes to a feed; adding one already there changes nothing
// and reports added false.
func (l *Library) AddFeed(ctx context.Context, rawURL, title string) (added bool, err error) {
	if l.readOnly {
		return false, ErrReadOnly
	}
	u := corpus.SafeURL(rawURL)
	if u == "" {
		return false, fmt.Errorf("%s: not an http or https address", corpus.SanitizeLine(rawURL))
	}
	res, err := l.db.ExecContext(ctx, `INSERT INTO feeds (url, title, added) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING`,
		u, corpus.SanitizeLine(title), time.Now().Unix())
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// RemoveFeed unsubscribes and deletes the feed's articles, except those
// someone starred, which stay in the library without their feed.
func (l *Library) RemoveFeed(ctx context.Context, rawURL string) error {
	if l.readOnly {
		return ErrReadOnly
	}
	rawURL = strings.TrimSpace(rawURL)
	return l.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, rawURL).Scan(&id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("%s: %w", corpus.SanitizeLine(rawURL), ErrNotSubscribed)
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET feed = NULL WHERE feed = ?
			AND id IN (SELECT article FROM user_state WHERE starred)`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id); err != nil {
			return err
		}
		// The articles went with the feed; their analyses go too.
		_, err := tx.ExecContext(ctx, `DELETE FROM analyses WHERE hash NOT IN (SELECT hash FROM articles)`)
		return err
	})
}

// Feeds lists the subscriptions in the order they were added.
func (l *Library) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT f.url, f.title, f.site_url, f.checked, f.last_error, f.listed,
		(SELECT count(*) FROM articles a WHERE a.feed = f.id) FROM feeds f ORDER BY f.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var checked int64
		if err := rows.Scan(&f.URL, &f.Title, &f.SiteURL, &checked, &f.LastError, &f.Listed, &f.Articles); err != nil {
			return nil, err
		}
		if checked > 0 {
			f.Checked = time.Unix(checked, 0)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SyncList makes the subscriptions follow the feed list in the config dir:
// its addresses are subscribed to, and a feed that came from it and is no
// longer there is removed (as RemoveFeed does).
func (l *Library) SyncList(ctx context.Context, urls []string) (added, removed []string, err error) {
	if l.readOnly {
		return nil, nil, ErrReadOnly
	}
	want := map[string]bool{}
	for _, raw := range urls {
		u := corpus.SafeURL(raw)
		if u == "" {
			continue
		}
		want[u] = true
		var exists bool
		if err := l.db.QueryRowContext(ctx, `SELECT count(*) > 0 FROM feeds WHERE url = ?`, u).Scan(&exists); err != nil {
			return added, removed, err
		}
		if _, err := l.db.ExecContext(ctx, `INSERT INTO feeds (url, added, listed) VALUES (?, ?, 1)
			ON CONFLICT (url) DO UPDATE SET listed = 1`, u, time.Now().Unix()); err != nil {
			return added, removed, err
		}
		if !exists {
			added = append(added, u)
		}
	}
	fs, err := l.Feeds(ctx)
	if err != nil {
		return added, removed, err
	}
	for _, f := range fs {
		if f.Listed && !want[f.URL] {
			if err := l.RemoveFeed(ctx, f.URL); err != nil {
				return added, removed, err
			}
			removed = append(removed, f.URL)
		}
	}
	return added, removed, nil
}

// subscriptions are the feeds with their validators, for a refresh.
func (l *Library) subscriptions(ctx context.Context) ([]feeds.Subscription, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT url, title, etag, last_modified FROM feeds ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []feeds.Subscription
	for rows.Next() {
		var s feeds.Subscription
		if err := rows.Scan(&s.URL, &s.Title, &s.Validators.ETag, &s.Validators.LastModified); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (l *Library) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
