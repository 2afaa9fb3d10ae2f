package ui

import (
	"os"
	"runtime"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// libraryMsg is every message the library side of the reader answers.
type libraryMsg interface{ libraryMsg() }

// libraryBindings are the keys of the library and of links. They are
// added to the one keymap; the ones a session cannot use are disabled, so
// help never offers them.
func libraryBindings(k *KeyMap) {
	k.ToggleRead = key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "read"))
	k.Star = key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "star"))
	k.UnreadOnly = key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "unread only"))
	k.SortOrder = key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "date/feed order"))
	k.NextFeed = key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "next feed"))
	k.Refresh = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh"))
	k.OpenLink = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser"))
	k.CopyQuote = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy quotation"))
	k.Export = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "debate to .md"))
}

// enableLibraryKeys turns off the keys this session cannot use: the
// library's without a library, refresh, browser and files over SSH.
func (s *libSession) enableLibraryKeys(k *KeyMap) {
	lib := s.hasLibrary()
	for _, b := range []*key.Binding{&k.ToggleRead, &k.Star, &k.UnreadOnly, &k.SortOrder, &k.NextFeed} {
		b.SetEnabled(lib)
	}
	k.Refresh.SetEnabled(s.canRefresh())
	k.OpenLink.SetEnabled(s.local)
	k.Export.SetEnabled(s.local)
}

// libraryHelp is the help for these keys: the library's, then the
// links'. Help leaves the disabled ones out.
func (k KeyMap) libraryHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.ToggleRead, k.Star, k.UnreadOnly, k.SortOrder, k.NextFeed},
		{k.Refresh, k.OpenLink, k.CopyQuote, k.Export},
	}
}

// current is the article the library keys act on: the open one in the
// reader, the one under the cursor in the list.
func (m *Model) current() *corpus.Article {
	switch m.focus {
	case paneReader:
		return m.reader.shown()
	case paneList:
		if i, ok := m.list.selected(); ok {
			return m.c.shared.Corpus.Articles[i]
		}
	}
	return nil
}

// libraryKey handles the library and link keys; ok is false for any
// other key, which then goes where it went before.
func (m *Model) libraryKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k, s := m.c.keys, m.lib
	enabled := func(b key.Binding) bool { return b.Enabled() && key.Matches(msg, b) }
	// pressed matches a key even where it is disabled, to say why it does
	// nothing there.
	pressed := func(b key.Binding) bool { return slices.Contains(b.Keys(), msg.String()) }
	switch {
	case m.showHelp:
		return nil, false
	case m.focus == paneDebate && pressed(k.Export):
		return m.exportDebate(), true
	case m.focus == paneDebate && key.Matches(msg, k.CopyQuote):
		a, q := m.debateQuote()
		return s.copyQuote(a, q), true
	case m.focus == paneDebate:
		return nil, false
	case enabled(k.ToggleRead):
		if a := m.current(); a != nil {
			read := !s.marks[a.ID].Read
			return tea.Batch(s.setMark(a.ID, &read, nil), m.rearrange()), true
		}
	case enabled(k.Star):
		if a := m.current(); a != nil {
			star := !s.marks[a.ID].Starred
			return s.setMark(a.ID, nil, &star), true
		}
	case enabled(k.UnreadOnly):
		s.unreadOnly, s.kept = !s.unreadOnly, map[string]bool{}
		return m.rearrange(), true
	case enabled(k.SortOrder):
		s.order = 1 - s.order
		return m.rearrange(), true
	case enabled(k.NextFeed):
		s.nextFeed()
		return m.rearrange(), true
	case pressed(k.Refresh) && s.hasLibrary():
		return s.startRefresh(), true
	case pressed(k.OpenLink):
		return s.openLink(m.current(), os.Getenv, runtime.GOOS), true
	case key.Matches(msg, k.CopyQuote) && m.focus == paneReader:
		return s.copyQuote(m.reader.shown(), m.reader.markedQuote()), true
	default:
		return nil, false
	}
	return nil, true
}

// rearrange orders and filters the list again, keeping the cursor on its
// article.
func (m *Model) rearrange() tea.Cmd {
	if i, ok := m.list.selected(); ok {
		m.lib.keepID = m.c.shared.Corpus.Articles[i].ID
	}
	return m.list.search()
}

// debateQuote is the quotation under the debate view's cursor.
func (m *Model) debateQuote() (*corpus.Article, int) {
	d := m.debate
	if d.row < 0 || d.row >= len(d.rows) || d.rows[d.row].heading != "" {
		return nil, -1
	}
	r := d.rows[d.row]
	q := r.accIndex
	if d.col == 1 || q < 0 {
		q = r.respIndex
	}
	return m.c.shared.Corpus.Articles[r.article], q
}

// exportDebate writes the debate shown: the article's (even when it has
// no pairs, the file says so), or every listed article's for the corpus
// view.
func (m *Model) exportDebate() tea.Cmd {
	c := m.c.shared.Corpus
	if !m.debate.showsCorpus() {
		a := m.reader.shown() // d opens the debate of the article in the reader
		if len(m.debate.rows) > 0 {
			a = c.Articles[m.debate.rows[0].article]
		}
		if a == nil {
			return nil
		}
		return m.lib.exportDebate(c, []*corpus.Article{a}, a.ID)
	}
	var arts []*corpus.Article
	for _, h := range m.list.hits.All() {
		arts = append(arts, c.Articles[h.Index])
	}
	return m.lib.exportDebate(c, arts, "")
}

// openedArticle marks an article read when the user opens it.
func (m *Model) openedArticle(index int) tea.Cmd {
	a := m.c.shared.Corpus.Articles[index]
	if !m.lib.hasLibrary() || m.lib.marks[a.ID].Read {
		return nil
	}
	read := true
	return m.lib.setMark(a.ID, &read, nil)
}

// updateLibrary routes the library's messages.
func (m Model) updateLibrary(msg libraryMsg) (tea.Model, tea.Cmd) {
	s := m.lib
	switch msg := msg.(type) {
	case marksLoadedMsg:
		if msg.err != nil {
			s.setNote("could not read your marks: "+msg.err.Error(), true)
			return m, nil
		}
		for id, st := range s.marks { // changes made while they loaded win
			msg.marks[id] = st
		}
		s.marks = msg.marks
		if s.unreadOnly {
			return m, m.rearrange()
		}
	case markSavedMsg:
		if msg.err != nil {
			s.setNote("could not save the mark: "+msg.err.Error(), true)
		}
	case refreshProgressMsg:
		return m, s.progressed(msg)
	case refreshDoneMsg:
		s.refreshed(msg)
		cmd := m.adopt(msg.shared)
		return m, cmd
	case shelfCheckMsg:
		var cmd tea.Cmd
		if n := s.newerShelf(); n != nil && m.lib.refresh == nil {
			n := len(n.Corpus.Articles) - len(s.shared.Corpus.Articles)
			cmd = m.adopt(s.shared.newest())
			if n > 0 {
				s.setNote(plural(n, "new article", "new articles")+" from the server's refresh", false)
			}
		}
		return m, tea.Batch(cmd, s.watchShelf())
	case linkedMsg:
		if msg.err != nil {
			s.setNote(msg.err.Error(), true)
		} else {
			s.setNote(msg.note, false)
		}
	}
	return m, nil
}

// libraryStatus is the status bar's part for the library: the view's
// filters, a refresh under way, or the last action's result.
func (m Model) libraryStatus(s *Styles) []string {
	l := m.lib
	if l == nil {
		return nil
	}
	var out []string
	if l.feed != "" {
		out = append(out, "feed: "+ansi.Truncate(corpus.SanitizeLine(l.feedName(l.feed)), 24, "…"))
	}
	if l.unreadOnly {
		out = append(out, "unread only")
	}
	if l.order == byFeed {
		out = append(out, "by feed")
	}
	switch {
	case l.refresh != nil:
		out = append(out, l.refreshView())
	case l.note != "" && l.noteErr:
		out = append(out, s.Error.Render(l.note))
	case l.note != "":
		out = append(out, l.note)
	}
	return out
}

// rowMarks is the unread dot and the star before a list row's title, and
// their width; nothing without a library.
func (s *libSession) rowMarks(st *Styles, id string) (string, int) {
	if s == nil || !s.hasLibrary() {
		return "", 0
	}
	m := s.marks[id]
	dot, star := " ", " "
	if !m.Read {
		dot = st.Selected.Render("●")
	}
	if m.Starred {
		star = st.Selected.Render("★")
	}
	return dot + star + " ", 3
}

// rowSource is the source and, when the article gives none, the date it
// was fetched, for a list row's details.
func (s *libSession) rowSource(a *corpus.Article) []string {
	if s == nil || !s.hasLibrary() {
		return nil
	}
	var out []string
	if src := s.source(a); src != "" {
		out = append(out, src)
	}
	if a.Date == "" {
		if t := s.entry(a.ID).Fetched; !t.IsZero() {
			out = append(out, t.Format("2 January 2006"))
		}
	}
	return out
}
