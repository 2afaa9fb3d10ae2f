package ui

import (
	"cmp"
	"context"
	"slices"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"counterpoint/corpus"
	"counterpoint/corpus/library"
)

// Library connects readers to the article library. It is shared by every
// session, like Shared: it keeps the newest loaded shelf, so a session
// that starts after a refresh (the server's schedule, or r locally) gets
// the new articles.
type Library struct {
	lib     *library.Library
	current atomic.Pointer[Shared]
}

// LoadLibrary loads the library's articles for reading. The returned
// Shared carries the library: a reader given it shows sources, dates,
// read and starred marks, and may refresh when it runs locally.
func LoadLibrary(ctx context.Context, lib *library.Library) (*Shared, error) {
	l := &Library{lib: lib}
	return l.Reload(ctx)
}

// Reload loads the library again (after a refresh) and makes the result
// the shelf new sessions start with. Sessions already running keep theirs
// until they refresh.
func (l *Library) Reload(ctx context.Context) (*Shared, error) {
	shelf, err := l.lib.Load(ctx)
	if err != nil {
		return nil, err
	}
	s := NewShared(shelf.Corpus)
	s.lib, s.entries = l, shelf.Entries
	l.current.Store(s)
	return s, nil
}

// Library is the library these articles come from, or nil for files and
// seeds.
func (s *Shared) Library() *Library { return s.lib }

// newest is the most recently loaded shelf of s's library, or s itself.
func (s *Shared) newest() *Shared {
	if s.lib != nil {
		if n := s.lib.current.Load(); n != nil {
			return n
		}
	}
	return s
}

// sortOrder is how the list is ordered when no search ranks it.
type sortOrder int

const (
	byDate sortOrder = iota
	byFeed
)

// libSession is one session's library and link state: the user's marks,
// the list's order and filters, a refresh under way, and the last note
// for the status bar. Every session has one; without a library (files,
// seeds) only the link keys (o, y, e) do anything.
type libSession struct {
	shared  *Shared
	user    *library.User // nil without a library
	local   bool          // on the user's own terminal: o opens a browser, r fetches, e writes files
	version string

	marks      map[string]library.State
	order      sortOrder
	feed       string          // the one feed shown, "" for all
	unreadOnly bool            // only unread articles (and those read since the switch)
	kept       map[string]bool // read while unreadOnly was on: they stay until it is switched again
	keepID     string          // the article the cursor should land on after the next arrange

	refresh *refreshState // nil when no refresh runs
	check   time.Duration // how often to look for a shelf the server loaded
	note    string        // the last action's result, for the status bar
	noteErr bool
}

func newLibSession(shared *Shared, opts Options) *libSession {
	s := &libSession{shared: shared, local: opts.Local, version: opts.Version, marks: map[string]library.State{}, kept: map[string]bool{}, check: shelfCheck}
	if shared.lib != nil {
		s.user = shared.lib.lib.User(opts.Reader)
	}
	return s
}

// hasLibrary reports whether the articles come from the library.
func (s *libSession) hasLibrary() bool { return s.user != nil }

// canRefresh: only the local user fetches; over SSH the operator's
// schedule does (no user can make the server fetch anything).
func (s *libSession) canRefresh() bool {
	return s.hasLibrary() && s.local && !s.shared.lib.lib.ReadOnly()
}

// setNote shows the result of an action in the status bar.
func (s *libSession) setNote(text string, isErr bool) {
	s.note, s.noteErr = corpus.SanitizeLine(text), isErr
}

// marksLoadedMsg carries the user's marks, read from the database in a
// tea.Cmd.
type marksLoadedMsg struct {
	marks map[string]library.State
	err   error
}

func (marksLoadedMsg) libraryMsg() {}

// loadMarks reads the user's marks off the UI goroutine, and starts the
// watch for a newer shelf where the server refreshes.
func (s *libSession) loadMarks() tea.Cmd {
	if !s.hasLibrary() {
		return nil
	}
	u := s.user
	return tea.Batch(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		m, err := u.States(ctx)
		return marksLoadedMsg{marks: m, err: err}
	}, s.watchShelf())
}

// markSavedMsg reports a mark that could not be stored.
type markSavedMsg struct{ err error }

func (markSavedMsg) libraryMsg() {}

// setMark changes a mark at once on screen and stores it in a tea.Cmd.
func (s *libSession) setMark(id string, read, starred *bool) tea.Cmd {
	if !s.hasLibrary() || id == "" {
		return nil
	}
	st := s.marks[id]
	u := s.user
	var save func(context.Context) error
	switch {
	case read != nil:
		st.Read = *read
		if s.unreadOnly && *read {
			s.kept[id] = true
		}
		save = func(ctx context.Context) error { return u.SetRead(ctx, id, *read) }
	case starred != nil:
		st.Starred = *starred
		save = func(ctx context.Context) error { return u.SetStarred(ctx, id, *starred) }
	}
	s.marks[id] = st
	if !u.Keeps() {
		s.setNote("marks are not kept for anonymous users", false)
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return markSavedMsg{err: save(ctx)}
	}
}

// entry is what the library knows of an article beyond it.
func (s *libSession) entry(id string) library.Entry { return s.shared.entries[id] }

// when is an article's date for sorting: published, else fetched.
func (sh *Shared) when(a *corpus.Article) time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	return sh.entries[a.ID].Fetched
}

// source names where an article comes from: its outlet, else its feed.
func (s *libSession) source(a *corpus.Article) string { return s.shared.source(a) }

func (sh *Shared) source(a *corpus.Article) string {
	e := sh.entries[a.ID]
	return cmp.Or(a.Outlet, e.FeedTitle, e.Feed)
}

// feedName is the title of a feed, or its address.
func (s *libSession) feedName(feed string) string {
	for _, e := range s.shared.entries {
		if e.Feed == feed && e.FeedTitle != "" {
			return e.FeedTitle
		}
	}
	return feed
}

// arrange orders a list of hits by date or by feed when no search ranks
// them, then keeps those of the feed shown and, if asked, the unread ones.
// Without a library it returns the hits as they are.
func (s *libSession) arrange(c *corpus.Corpus, res *corpus.Result, query string) *corpus.Result {
	if order := s.sorter(query); order != nil {
		res = order(c, res)
	}
	return s.filter(c, res)
}

// sorter returns how to order the whole list when no search ranks it, or
// nil. The order reads only the shelf and the setting it was made with, so
// that it runs with the search, off the UI goroutine: sorting 100k
// articles by date there would hold every key back.
func (s *libSession) sorter(query string) func(*corpus.Corpus, *corpus.Result) *corpus.Result {
	if s == nil || !s.hasLibrary() || query != "" {
		return nil
	}
	shelf, byFeed := s.shared, s.order == byFeed
	return func(c *corpus.Corpus, res *corpus.Result) *corpus.Result {
		out := res.All()
		slices.SortStableFunc(out, func(x, y corpus.Hit) int {
			ax, ay := c.Articles[x.Index], c.Articles[y.Index]
			if byFeed {
				if d := cmp.Compare(shelf.source(ax), shelf.source(ay)); d != 0 {
					return d
				}
			}
			return shelf.when(ay).Compare(shelf.when(ax)) // newest first
		})
		return corpus.Ranked(c, out)
	}
}

// filter keeps the hits of the feed shown and, if asked, the unread ones,
// in their order and without ranking them: one test per hit at most.
func (s *libSession) filter(c *corpus.Corpus, res *corpus.Result) *corpus.Result {
	if s == nil || !s.hasLibrary() || s.feed == "" && !s.unreadOnly {
		return res
	}
	return res.Keep(func(i int) bool {
		a := c.Articles[i]
		if s.feed != "" && s.entry(a.ID).Feed != s.feed {
			return false
		}
		return !s.unreadOnly || !s.marks[a.ID].Read || s.kept[a.ID]
	})
}

// cursorAfterArrange is where the list's cursor goes after its hits
// changed: on the article it was on, when it is still listed.
func (s *libSession) cursorAfterArrange(c *corpus.Corpus, hits *corpus.Result) int {
	if s == nil || s.keepID == "" {
		return 0
	}
	a := c.Article(s.keepID)
	s.keepID = ""
	for i, x := range c.Articles {
		if x == a {
			pos, _ := hits.Position(i)
			return pos
		}
	}
	return 0
}

// feeds lists the feeds of the loaded articles, by name, for the per-feed
// view.
func (s *libSession) feeds() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range s.shared.entries {
		if e.Feed != "" && !seen[e.Feed] {
			seen[e.Feed] = true
			out = append(out, e.Feed)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(s.feedName(a), s.feedName(b)), cmp.Compare(a, b))
	})
	return out
}

// nextFeed moves the per-feed view to the next feed, then back to all.
func (s *libSession) nextFeed() {
	all := s.feeds()
	i := slices.Index(all, s.feed)
	switch {
	case len(all) == 0:
		s.feed = ""
	case s.feed == "":
		s.feed = all[0]
	case i < 0 || i == len(all)-1:
		s.feed = ""
	default:
		s.feed = all[i+1]
	}
}
