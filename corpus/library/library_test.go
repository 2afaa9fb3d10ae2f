package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"counterpoint/corpus"
	"counterpoint/corpus/feeds"
	"counterpoint/corpus/synth"
)

var ctx = context.Background()

// isolate points the XDG folders and HOME at temporary folders, so nothing
// a test does can reach the real ones.
func isolate(t testing.TB) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
}

func openTemp(t testing.TB, opts Options) (*Library, string) {
	t.Helper()
	isolate(t)
	path, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

// webArticle is article i of the synthetic corpus as a web article.
func webArticle(i int) corpus.WebArticle {
	text := synth.Article(i)
	title, body, _ := strings.Cut(text, "\n")
	return corpus.WebArticle{
		ID: fmt.Sprintf("https://news.example/%d", i), URL: fmt.Sprintf("https://news.example/%d", i),
		Title: title, Outlet: "Example News", Text: body,
		Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
	}
}

// addArticles stores n synthetic articles under one feed, as a refresh would.
func addArticles(t testing.TB, l *Library, feed string, from, n int) {
	t.Helper()
	if _, err := l.AddFeed(ctx, feed, "Example feed"); err != nil {
		t.Fatal(err)
	}
	res := feeds.Result{Feed: feed}
	var preps []*prepared
	for i := from; i < from+n; i++ {
		p, err := prepare(webArticle(i))
		if err != nil {
			t.Fatal(err)
		}
		preps = append(preps, p)
	}
	if _, err := l.store(ctx, res, preps); err != nil {
		t.Fatal(err)
	}
}

func TestOpenCreatesTheLibraryInTheXDGDataDir(t *testing.T) {
	l, path := openTemp(t, Options{})
	if want := filepath.Join(os.Getenv("XDG_DATA_HOME"), "counterpoint", "library.db"); path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	var mode string
	l.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q", mode)
	}
	var v int
	l.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != len(migrations) {
		t.Errorf("schema %d, want %d", v, len(migrations))
	}
}

func TestMigrations(t *testing.T) {
	isolate(t)
	path := filepath.Join(t.TempDir(), "lib.db")
	// A library made before any migration (an empty database) is brought up to date.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("CREATE TABLE unrelated (x)")
	db.Close()
	l, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	addArticles(t, l, "https://feed.example/rss", 0, 2)
	l.Close()
	// Opening again applies nothing twice and keeps the articles.
	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := l.Count(ctx); n != 2 {
		t.Errorf("%d articles after reopening, want 2", n)
	}
	// A library from a newer counterpoint is refused, not damaged.
	l.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1))
	l.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "newer counterpoint") {
		t.Errorf("newer schema: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.db"), Options{ReadOnly: true}); err == nil {
		t.Error("read-only open created a library")
	}
}

func TestReadStateSurvivesRestartsPerUser(t *testing.T) {
	l, path := openTemp(t, Options{})
	addArticles(t, l, "https://feed.example/rss", 0, 3)
	shelf, err := l.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{shelf.Corpus.Articles[0].ID, shelf.Corpus.Articles[1].ID, shelf.Corpus.Articles[2].ID}
	local, alice := l.User(""), l.User("SHA256:alice")
	if err := local.SetRead(ctx, ids[0], true); err != nil {
		t.Fatal(err)
	}
	local.SetStarred(ctx, ids[1], true)
	alice.SetStarred(ctx, ids[0], true)
	if err := local.SetRead(ctx, "no-such-article", true); !errors.Is(err, ErrNoArticle) {
		t.Errorf("mark on a missing article: %v", err)
	}
	l.Close()

	l, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := l.User("").States(ctx)
	if got[ids[0]] != (State{Read: true}) || got[ids[1]] != (State{Starred: true}) || len(got) != 2 {
		t.Errorf("local marks after restart: %v", got)
	}
	got, _ = l.User("SHA256:alice").States(ctx)
	if got[ids[0]] != (State{Starred: true}) || len(got) != 1 {
		t.Errorf("alice's marks: %v", got)
	}
	l.User("").SetRead(ctx, ids[0], false)
	if got, _ := l.User("").States(ctx); got[ids[0]].Read {
		t.Error("unread did not stick")
	}
	l.Close()

	// Served read-only: the library cannot change, a keyed user keeps
	// marks, an anonymous one keeps none.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.AddFeed(ctx, "https://other.example/rss", ""); !errors.Is(err, ErrReadOnly) {
		t.Errorf("add feed read-only: %v", err)
	}
	if err := ro.RemoveFeed(ctx, "https://feed.example/rss"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("remove feed read-only: %v", err)
	}
	if _, err := ro.Refresh(ctx, feeds.NewFetcher(feeds.Options{}), nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("refresh read-only: %v", err)
	}
	if err := ro.User("SHA256:bob").SetRead(ctx, ids[1], true); err != nil {
		t.Fatal(err)
	}
	if got, _ := ro.User("SHA256:bob").States(ctx); !got[ids[1]].Read {
		t.Error("bob's mark was not kept")
	}
	anon := ro.User("")
	anon.SetStarred(ctx, ids[2], true)
	if got, _ := anon.States(ctx); len(got) != 0 || anon.Keeps() {
		t.Errorf("anonymous user got marks: %v", got)
	}
}

func TestLoadUsesTheCachedAnalysisAndRedoesAStaleOne(t *testing.T) {
	l, _ := openTemp(t, Options{})
	addArticles(t, l, "https://feed.example/rss", 0, 20)
	first, err := l.Load(ctx)
	if err != nil || len(first.Corpus.Articles) != 20 {
		t.Fatalf("%v, %d articles", err, len(first.Corpus.Articles))
	}
	// Newest first, with their feed.
	a := first.Corpus.Articles[0]
	if !strings.HasSuffix(a.URL, "/19") || a.Outlet != "Example News" || first.Entries[a.ID].Feed != "https://feed.example/rss" {
		t.Errorf("first article %s %q, entry %+v", a.URL, a.Outlet, first.Entries[a.ID])
	}
	direct, _ := corpus.FromWeb(webArticle(19))
	if len(a.Quotes) != len(direct.Quotes) || len(a.Debate) != len(direct.Debate) || a.Accuser != direct.Accuser {
		t.Errorf("cached analysis differs from analysing the text")
	}
	// An analysis made by another engine version is not used: the
	// article is analysed again and the new analysis cached.
	l.db.Exec(`UPDATE analyses SET engine = 'old'`)
	again, err := l.Load(ctx)
	if err != nil || len(again.Corpus.Articles) != 20 || len(again.Corpus.Articles[0].Quotes) != len(direct.Quotes) {
		t.Fatalf("reanalysis: %v", err)
	}
	var cur, old int
	l.db.QueryRow(`SELECT count(*) FROM analyses WHERE engine = ?`, corpus.AnalysisVersion()).Scan(&cur)
	l.db.QueryRow(`SELECT count(*) FROM analyses WHERE engine = 'old'`).Scan(&old)
	if cur != 20 || old != 0 {
		t.Errorf("analyses cached: %d current, %d old", cur, old)
	}
}

func TestRemoveFeedKeepsStarredArticles(t *testing.T) {
	l, _ := openTemp(t, Options{})
	addArticles(t, l, "https://feed.example/rss", 0, 3)
	addArticles(t, l, "https://other.example/rss", 3, 2)
	shelf, _ := l.Load(ctx)
	var starred string
	for _, a := range shelf.Corpus.Articles {
		if shelf.Entries[a.ID].Feed == "https://feed.example/rss" {
			starred = a.ID
			break
		}
	}
	l.User("SHA256:alice").SetStarred(ctx, starred, true)
	if err := l.RemoveFeed(ctx, "https://feed.example/rss"); err != nil {
		t.Fatal(err)
	}
	if err := l.RemoveFeed(ctx, "https://feed.example/rss"); !errors.Is(err, ErrNotSubscribed) {
		t.Errorf("removing twice: %v", err)
	}
	shelf, _ = l.Load(ctx)
	if len(shelf.Corpus.Articles) != 3 || shelf.Corpus.Article(starred) == nil || shelf.Entries[starred].Feed != "" {
		t.Errorf("after removal: %d articles, starred one kept: %v", len(shelf.Corpus.Articles), shelf.Corpus.Article(starred) != nil)
	}
	var analyses int
	l.db.QueryRow(`SELECT count(*) FROM analyses`).Scan(&analyses)
	if analyses != 3 {
		t.Errorf("%d analyses left for 3 articles", analyses)
	}
	fs, _ := l.Feeds(ctx)
	if len(fs) != 1 || fs[0].URL != "https://other.example/rss" || fs[0].Articles != 2 {
		t.Errorf("feeds %+v", fs)
	}
}

func TestSlug(t *testing.T) {
	for title, want := range map[string]string{
		"Ferry & port row: Deepens!": "ferry-port-row-deepens-",
		"Café über Straße":           "cafe-uber-stra-e-",
		"\x1b[31m":                   "31m-",
		"":                           "",
	} {
		got := slug(title, "item")
		if !strings.HasPrefix(got, want) || strings.ContainsAny(got, " \x1b&:!") {
			t.Errorf("slug(%q) = %q, want prefix %q", title, got, want)
		}
	}
	if slug("Same title", "a") == slug("Same title", "b") {
		t.Error("two items with one title share an ID")
	}
}

func TestSyncListFollowsTheFeedList(t *testing.T) {
	l, _ := openTemp(t, Options{})
	l.AddFeed(ctx, "https://mine.example/rss", "")
	added, removed, err := l.SyncList(ctx, []string{"https://a.example/rss", "https://mine.example/rss", "javascript:x"})
	if err != nil || len(added) != 1 || added[0] != "https://a.example/rss" || len(removed) != 0 {
		t.Fatalf("first sync: %v %v %v", added, removed, err)
	}
	// Both lines go: the feed that came only from the list is removed;
	// the one also added by hand was listed too, so it goes as well.
	added, removed, err = l.SyncList(ctx, nil)
	if err != nil || len(added) != 0 || len(removed) != 2 {
		t.Fatalf("second sync: %v %v %v", added, removed, err)
	}
	l.AddFeed(ctx, "https://kept.example/rss", "")
	if _, removed, _ := l.SyncList(ctx, []string{"https://b.example/rss"}); len(removed) != 0 {
		t.Errorf("a feed added by hand and never listed was removed: %v", removed)
	}
	fs, _ := l.Feeds(ctx)
	if len(fs) != 2 || fs[0].URL != "https://kept.example/rss" || fs[0].Listed || !fs[1].Listed {
		t.Errorf("feeds %+v", fs)
	}
}
