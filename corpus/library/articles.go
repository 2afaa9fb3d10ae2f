package library

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"counterpoint/corpus"
)

// Entry is what the library knows of an article beyond the article itself.
type Entry struct {
	Feed      string // the subscription's URL; "" for a starred article whose feed was removed
	FeedTitle string
	Fetched   time.Time
}

// Shelf is the loaded library: the analysed articles, newest first, and
// their entries by article ID.
type Shelf struct {
	Corpus  *corpus.Corpus
	Entries map[string]Entry
}

// prepared is a web article analysed and ready to store.
type prepared struct {
	web  corpus.WebArticle
	art  *corpus.Article
	hash []byte
	snap []byte
}

// prepare analyses a web article (through corpus.FromWeb, the path every
// article takes) and makes its snapshot.
func prepare(w corpus.WebArticle) (*prepared, error) {
	a, err := corpus.FromWeb(w)
	if err != nil {
		return nil, err
	}
	return &prepared{web: w, art: a, hash: contentHash(w), snap: a.AppendSnapshot(nil)}, nil
}

// contentHash names the text an analysis was made from: the same text
// analysed by the same engine gives the same snapshot.
func contentHash(w corpus.WebArticle) []byte {
	h := sha256.New()
	var pub string
	if !w.Published.IsZero() {
		pub = w.Published.UTC().Format(time.DateOnly)
	}
	for _, s := range []string{w.Title, w.Dek, pub, w.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return h.Sum(nil)
}

// slug makes the article's ID: its title in lower-case ASCII words, and a
// short hash of its item so two articles with one title differ.
func slug(title, item string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(title)) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case unicode.Is(unicode.Mn, r): // accents split off by NFKD
		default:
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	sum := sha256.Sum256([]byte(item))
	if b.Len() == 0 {
		return hex.EncodeToString(sum[:6])
	}
	return b.String() + "-" + hex.EncodeToString(sum[:3])
}

// save stores analysed articles of a feed in one transaction; an article
// whose item is already stored is left as it is.
func (l *Library) save(ctx context.Context, tx *sql.Tx, feedID int64, arts []*prepared) (int, error) {
	engine := corpus.AnalysisVersion()
	now := time.Now().Unix()
	added := 0
	for _, p := range arts {
		var pub int64
		if !p.web.Published.IsZero() {
			pub = p.web.Published.Unix()
		}
		feed := sql.NullInt64{Int64: feedID, Valid: feedID != 0}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles (slug, item, feed, url, title, dek, byline, outlet, published, fetched, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			slug(p.art.Title, p.web.ID), p.web.ID, feed, p.art.URL, p.web.Title, p.web.Dek, p.art.Byline, p.art.Outlet,
			pub, now, p.hash)
		if err != nil {
			return added, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue
		}
		added++
		id, err := res.LastInsertId()
		if err != nil {
			return added, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO texts (article, body) VALUES (?, ?)`, id, p.web.Text); err != nil {
			return added, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO analyses (hash, engine, snapshot) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			p.hash, engine, p.snap); err != nil {
			return added, err
		}
	}
	return added, nil
}

// Count is the number of articles in the library.
func (l *Library) Count(ctx context.Context) (int, error) {
	var n int
	err := l.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

// knownItems lists the items already stored, so their pages are not
// fetched again.
func (l *Library) knownItems(ctx context.Context) (map[string]bool, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT item FROM articles`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		known[s] = true
	}
	return known, rows.Err()
}

// row is one article as read for loading.
type row struct {
	id                       int64
	slug, url, byline        string
	outlet, feedURL, feedTit string
	published, fetched       int64
	snap                     string
	hasSnap                  bool
}

// Load reads every article, newest first, with its cached analysis. An
// article whose analysis is missing or was made by another engine version
// is analysed again from its stored text (and the result cached, unless
// the library is read-only); one that fails is left out and named in
// Corpus.Skipped.
func (l *Library) Load(ctx context.Context) (*Shelf, error) {
	// Two plain scans, joined here: SQLite looking up each article's
	// analysis by its index cost more than reading them all in order, and
	// an ORDER BY would copy every snapshot through its sorter.
	snaps, err := l.snapshots(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := l.db.QueryContext(ctx, `SELECT a.id, a.slug, a.url, a.byline, a.outlet, a.published, a.fetched, a.hash,
			coalesce(f.url, ''), coalesce(f.title, '')
		FROM articles a LEFT JOIN feeds f ON f.id = a.feed`)
	if err != nil {
		return nil, err
	}
	var all []row
	var hash sql.RawBytes
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.slug, &r.url, &r.byline, &r.outlet, &r.published, &r.fetched, &hash,
			&r.feedURL, &r.feedTit); err != nil {
			rows.Close()
			return nil, err
		}
		r.snap, r.hasSnap = snaps[string(hash)]
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(all, func(a, b row) int {
		return cmp.Or(cmp.Compare(b.when(), a.when()), cmp.Compare(b.id, a.id))
	})

	articles := make([]*corpus.Article, len(all))
	reasons := make([]string, len(all))
	var stale []int // rows to analyse again
	var wg sync.WaitGroup
	next := make(chan int)
	var mu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a, err := corpus.ArticleFromSnapshotString(all[i].snap)
				if err != nil {
					mu.Lock()
					stale = append(stale, i)
					mu.Unlock()
					continue
				}
				articles[i] = a
			}
		})
	}
	for i := range all {
		if !all[i].hasSnap {
			stale = append(stale, i)
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if len(stale) > 0 {
		l.reanalyse(ctx, all, stale, articles, reasons)
	}

	shelf := &Shelf{Entries: make(map[string]Entry, len(all))}
	var kept []*corpus.Article
	var skipped []corpus.Skipped
	for i, r := range all {
		a := articles[i]
		if a == nil {
			skipped = append(skipped, corpus.Skipped{Path: corpus.SanitizeLine(cmpOr(r.url, r.slug)), Reason: reasons[i]})
			continue
		}
		a.ID, a.URL, a.Path, a.Byline, a.Outlet = r.slug, r.url, r.url, r.byline, cmpOr(r.outlet, r.feedTit)
		if r.published > 0 {
			a.Published = time.Unix(r.published, 0).UTC()
		}
		kept = append(kept, a)
		shelf.Entries[r.slug] = Entry{Feed: r.feedURL, FeedTitle: r.feedTit, Fetched: time.Unix(r.fetched, 0)}
	}
	shelf.Corpus = corpus.NewCorpus(kept, skipped)
	return shelf, nil
}

// snapshots reads the cached analyses of this engine by content hash.
func (l *Library) snapshots(ctx context.Context) (map[string]string, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT hash, snapshot FROM analyses WHERE engine = ?`, corpus.AnalysisVersion())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	var hash, snap sql.RawBytes // copied once, into the string the article shares
	for rows.Next() {
		if err := rows.Scan(&hash, &snap); err != nil {
			return nil, err
		}
		out[string(hash)] = string(snap)
	}
	return out, rows.Err()
}

// when orders the list: the publication time, or the fetch time for an
// article that gives none or claims one after it was fetched (a wrong
// clock or a feed that wants to stay on top).
func (r *row) when() int64 {
	if r.published > 0 {
		return min(r.published, r.fetched)
	}
	return r.fetched
}

// reanalyse analyses the stale rows from their stored text on all cores
// and caches the new snapshots.
func (l *Library) reanalyse(ctx context.Context, all []row, stale []int, articles []*corpus.Article, reasons []string) {
	preps := make([]*prepared, len(stale))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for k := range next {
				i := stale[k]
				w, err := l.webArticle(ctx, all[i].id)
				if err == nil {
					preps[k], err = prepare(w)
				}
				if err != nil {
					reasons[i] = err.Error()
					continue
				}
				articles[i] = preps[k].art
			}
		})
	}
	for k := range stale {
		next <- k
	}
	close(next)
	wg.Wait()
	if l.readOnly {
		return
	}
	engine := corpus.AnalysisVersion()
	l.inTx(ctx, func(tx *sql.Tx) error {
		for _, p := range preps {
			if p == nil {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO analyses (hash, engine, snapshot) VALUES (?, ?, ?)`, p.hash, engine, p.snap); err != nil {
				return err
			}
		}
		// Snapshots of other engine versions will not be read again.
		_, err := tx.ExecContext(ctx, `DELETE FROM analyses WHERE engine <> ?`, engine)
		return err
	})
}

// webArticle reads back the stored text of an article.
func (l *Library) webArticle(ctx context.Context, id int64) (corpus.WebArticle, error) {
	var w corpus.WebArticle
	var pub int64
	err := l.db.QueryRowContext(ctx, `SELECT a.slug, a.item, a.url, a.title, a.dek, a.byline, a.outlet, a.published, t.body
		FROM articles a JOIN texts t ON t.article = a.id WHERE a.id = ?`, id).
		Scan(&w.ID, new(string), &w.URL, &w.Title, &w.Dek, &w.Byline, &w.Outlet, &pub, &w.Text)
	if pub > 0 {
		w.Published = time.Unix(pub, 0).UTC()
	}
	return w, err
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
