package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"counterpoint/corpus"
	"counterpoint/corpus/feeds"
	"counterpoint/corpus/library"
)

// refreshTimeout bounds a whole refresh from the reader; each request has
// the fetcher's own, shorter, timeout.
const refreshTimeout = 10 * time.Minute

// refreshState is a refresh under way: its progress arrives on updates,
// one message per feed, and the reloaded shelf when it is over.
type refreshState struct {
	updates <-chan tea.Msg
	cancel  context.CancelFunc
	last    library.Progress
	bar     progress.Model
	failed  int // feeds that failed so far
}

// refreshProgressMsg is one feed done.
type refreshProgressMsg struct{ p library.Progress }

// refreshDoneMsg ends a refresh: the library loaded again, or why not.
type refreshDoneMsg struct {
	sum    library.Summary
	err    error
	shared *Shared
}

func (refreshProgressMsg) libraryMsg() {}
func (refreshDoneMsg) libraryMsg()     {}

// startRefresh fetches every feed in a goroutine. The UI listens for its
// messages one at a time (waitRefresh), so it never blocks; the refresh
// never blocks on the UI either, as progress is buffered and the last
// messages are always delivered before the channel closes.
func (s *libSession) startRefresh() tea.Cmd {
	if s.refresh != nil {
		s.setNote("a refresh is already running", false)
		return nil
	}
	if !s.canRefresh() {
		s.setNote("refresh is not available here: the server refreshes on its own schedule", false)
		return nil
	}
	ui := s.shared.lib
	ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
	updates := make(chan tea.Msg, 64)
	fetcher := feeds.NewFetcher(feeds.Options{UserAgent: "counterpoint/" + s.version + " (terminal news reader)"})
	go func() {
		defer cancel()
		defer close(updates)
		sum, err := ui.lib.Refresh(ctx, fetcher, func(p library.Progress) {
			select { // a full buffer drops a progress step, never the refresh
			case updates <- refreshProgressMsg{p}:
			default:
			}
		})
		done := refreshDoneMsg{sum: sum, err: err}
		if err == nil {
			done.shared, done.err = ui.Reload(ctx)
		}
		updates <- done
	}()
	s.refresh = &refreshState{updates: updates, cancel: cancel,
		bar: progress.New(progress.WithWidth(16), progress.WithoutPercentage())}
	s.setNote("", false)
	return waitRefresh(updates)
}

// waitRefresh delivers the refresh's next message.
func waitRefresh(updates <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-updates
		if !ok {
			return nil
		}
		return msg
	}
}

// progressed takes one feed's progress and listens for the next.
func (s *libSession) progressed(msg refreshProgressMsg) tea.Cmd {
	if s.refresh == nil {
		return nil
	}
	s.refresh.last = msg.p
	if msg.p.Err != nil {
		s.refresh.failed++
	}
	return waitRefresh(s.refresh.updates)
}

// refreshed ends the refresh and says what it did; the caller shows the
// new shelf.
func (s *libSession) refreshed(msg refreshDoneMsg) {
	failed := 0
	if s.refresh != nil {
		failed = s.refresh.failed
	}
	s.refresh = nil
	switch {
	case msg.err != nil:
		s.setNote("refresh failed: "+msg.err.Error(), true)
	case msg.sum.Feeds == 0:
		s.setNote("no subscriptions: add one with `counterpoint add URL`", true)
	default:
		text := plural(msg.sum.NewArticles, "new article", "new articles") + " from " + plural(msg.sum.Feeds, "feed", "feeds")
		if failed > 0 {
			text += fmt.Sprintf("; %d failed (counterpoint fetch names them)", failed)
		}
		s.setNote(text, failed > 0)
	}
}

// refreshView is the progress bar and counts for the status bar.
func (s *libSession) refreshView() string {
	r := s.refresh
	if r == nil {
		return ""
	}
	p := r.last
	pct := 0.0
	if p.FeedsTotal > 0 {
		pct = float64(p.FeedsDone) / float64(p.FeedsTotal)
	}
	text := fmt.Sprintf("refreshing %s %d/%d feeds · %d new", r.bar.ViewAs(pct), p.FeedsDone, p.FeedsTotal, p.NewArticles)
	if p.FeedsTotal == 0 {
		text = "refreshing " + r.bar.ViewAs(0) + " starting…"
	}
	if r.failed > 0 {
		text += fmt.Sprintf(" · %d failed", r.failed)
	}
	return text // numbers and a bar: no feed text reaches it
}

// shelfCheck is how often a session that cannot refresh (over SSH) looks
// for a shelf the server's scheduled refresh loaded.
const shelfCheck = 30 * time.Second

// shelfCheckMsg asks whether a newer shelf is there.
type shelfCheckMsg struct{}

func (shelfCheckMsg) libraryMsg() {}

// watchShelf starts the session's checks for a newer shelf: only where
// the server refreshes (a local reader refreshes itself, with r).
func (s *libSession) watchShelf() tea.Cmd {
	if !s.hasLibrary() || s.canRefresh() {
		return nil
	}
	return tea.Tick(s.check, func(time.Time) tea.Msg { return shelfCheckMsg{} })
}

// newerShelf is the shelf loaded since this session's, or nil.
func (s *libSession) newerShelf() *Shared {
	if n := s.shared.newest(); n != s.shared {
		return n
	}
	return nil
}

// adopt shows a newly loaded shelf without losing the reader's place: the
// list's cursor stays on its article, the open article stays open at the
// same scroll position, the search and the focus stay.
func (m *Model) adopt(s *Shared) tea.Cmd {
	if s == nil || m.c == nil {
		return nil
	}
	listID := ""
	if i, ok := m.list.selected(); ok {
		listID = m.c.shared.Corpus.Articles[i].ID
	}
	var readerID string
	var anchor float64
	if m.reader.shown() != nil {
		readerID, anchor = m.reader.shown().ID, m.reader.scrollPercent()
	}
	focus, back, query := m.focus, m.back, m.list.input.Value()
	debateCorpus, debateID := m.debate.showsCorpus(), ""
	if focus == paneDebate && !debateCorpus && len(m.debate.rows) > 0 {
		debateID = m.c.shared.Corpus.Articles[m.debate.rows[0].article].ID
	}
	m.lib.shared = s
	m.lib.keepID = listID
	m.init(s)
	m.focus, m.back = focus, back
	c := s.Corpus
	m.list.cursor = m.lib.cursorAfterArrange(c, m.list.hits)
	m.list.clampOffset()
	var cmds []tea.Cmd
	if query != "" {
		m.list.input.SetValue(query)
		m.lib.keepID = listID
		cmds = append(cmds, m.list.search())
	}
	if a := c.Article(readerID); a != nil {
		if i := indexOf(c, a); i >= 0 {
			cmds = append(cmds, m.reader.open(i, a, -1))
			m.reader.anchor = anchor
		}
	} else if m.focus == paneReader {
		m.focus = paneList
	}
	if m.focus == paneDebate {
		switch a := c.Article(debateID); {
		case debateCorpus:
			cmds = append(cmds, m.openCorpusDebate())
		case a != nil:
			m.debate.showArticle(indexOf(c, a))
		default:
			m.focus = paneList
		}
	}
	return tea.Batch(append(cmds, m.layout())...)
}

// indexOf finds an article's index in its corpus.
func indexOf(c *corpus.Corpus, a *corpus.Article) int {
	for i, b := range c.Articles {
		if b == a {
			return i
		}
	}
	return -1
}
