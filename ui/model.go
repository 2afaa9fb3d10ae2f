package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"counterpoint/corpus"
)

// Layout limits.
const (
	minWidth    = 40 // below this, or minHeight, the screen says it is too small
	minHeight   = 12
	wideFrom    = 100 // from this width the list and the reader stand side by side
	listShare   = 0.4 // of the width, for the list when side by side
	minListWide = 34
	maxListWide = 64
)

type pane int

const (
	paneList pane = iota
	paneReader
	paneDebate
)

// Model is the reader: the list, the reading pane, the debate view, help
// and the status bar. Update never blocks: loading, searching and
// rendering run in tea.Cmds.
type Model struct {
	c       *common
	opts    Options
	load    func() (*Shared, error) // loads the corpus after the first frame, when not given
	loadErr error
	spin    spinner.Model

	list   listPane
	reader readerPane
	debate debateView
	help   help.Model
	lib    *libSession // library and link state (library.go)

	focus    pane
	back     pane // where esc returns from the debate view
	showHelp bool
	helpTop  int   // first line of help shown, when help is taller than the screen
	mouse    bool  // mouse capture: wheel and click work, the terminal's text selection does not
	f        frame // sizes, computed once per resize
	look     look  // the look until the corpus is loaded
	settled  bool  // the background is known, or was waited for long enough
}

// New returns a reader over an already loaded corpus.
func New(shared *Shared, opts Options) Model {
	m := Model{opts: opts, spin: spinner.New(spinner.WithSpinner(spinner.Dot)), mouse: !opts.NoMouse}
	m.init(shared)
	return m
}

// NewLoading returns a reader that shows a spinner while load runs, so that
// a large corpus never holds up the first frame.
func NewLoading(load func() (*Shared, error), opts Options) Model {
	return Model{opts: opts, load: load, spin: spinner.New(spinner.WithSpinner(spinner.Dot)), mouse: !opts.NoMouse}
}

func (m *Model) init(shared *Shared) {
	shared = shared.newest() // a later refresh of the library, if any
	m.c = newCommon(shared, m.opts)
	if m.lib == nil {
		m.lib = newLibSession(shared, m.opts)
	}
	m.lib.shared, m.c.lib = shared, m.lib
	m.lib.enableLibraryKeys(&m.c.keys)
	if m.look.profile != 0 {
		m.c.setLook(m.look) // what the terminal said while the corpus loaded
	}
	m.c.settled = m.c.settled || m.settled
	m.list = newListPane(m.c)
	m.reader = newReaderPane(m.c)
	m.debate = debateView{c: m.c}
	m.help = help.New()
	m.restyle()
}

// restyle hands the bubbles the session's styles, after a change of look.
func (m *Model) restyle() {
	m.look = m.c.look
	m.help.Styles = m.c.styles.Help
	m.list.restyle(m.c.styles.Input)
	m.reader.restyle(m.c.styles.Input)
}

// setLook follows the terminal's background and colour profile, as Bubble
// Tea reports them: styles are rebuilt and the article is laid out again
// when its Glamour style changes.
func (m *Model) setLook(l look) tea.Cmd {
	if m.c == nil {
		m.look = l
		return nil
	}
	if l == m.c.look {
		return nil
	}
	m.c.setLook(l)
	m.restyle()
	return m.reader.ensureRender()
}

// Init asks the terminal for its background colour (the answer arrives as
// a message, whenever it comes, and is never mistaken for keys), and
// starts loading when the corpus is not there yet.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.lib != nil {
		cmds = append(cmds, m.lib.loadMarks())
	}
	if m.opts.AwaitBackground {
		cmds = append(cmds, tea.Tick(backgroundWait, func(time.Time) tea.Msg { return backgroundWaitMsg{} }))
	}
	if m.c == nil && m.load != nil {
		load := m.load
		cmds = append(cmds, m.spin.Tick, func() tea.Msg {
			s, err := load()
			return corpusLoadedMsg{shared: s, err: err}
		})
	}
	return tea.Batch(cmds...)
}

// settle lets articles be laid out, now that the background is known or
// was waited for long enough.
func (m *Model) settle() tea.Cmd {
	m.settled = true
	if m.c == nil || m.c.settled {
		return nil
	}
	m.c.settled = true
	return m.layout()
}

// Ready reports that the first frame is worth drawing: the screen's size
// is known, and so is the terminal's background (or it was waited for
// long enough), so the frame will not be drawn again at once in other
// colours.
func (m Model) Ready() bool { return m.f.width > 0 && m.settled }

// Quiet reports a message that changes nothing on screen (terminal
// reports the reader does not use, the end of a wait already over), so
// that the server need not lay the frame out again after it. It is asked
// before Update.
func (m Model) Quiet(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.EnvMsg, tea.ModeReportMsg, tea.KeyboardEnhancementsMsg, tea.CapabilityMsg, tea.TerminalVersionMsg:
		return true
	case backgroundWaitMsg:
		return m.settled
	}
	return false
}

// currentLook is the look in force, before or after the corpus loads.
func (m Model) currentLook() look {
	if m.c != nil {
		return m.c.look
	}
	if m.look.profile == 0 {
		return newCommon(nil, m.opts).look
	}
	return m.look
}

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.f = newFrame(msg.Width, msg.Height)
		cmd := m.layout()
		return m, cmd
	case tea.BackgroundColorMsg:
		l := m.currentLook()
		l.dark = msg.IsDark()
		cmd := m.setLook(l)
		return m, tea.Batch(cmd, m.settle())
	case backgroundWaitMsg:
		cmd := m.settle()
		return m, cmd
	case tea.ColorProfileMsg:
		l := m.currentLook()
		l.profile = msg.Profile
		cmd := m.setLook(l)
		return m, cmd
	case corpusLoadedMsg:
		if msg.err != nil {
			m.loadErr = msg.err
			return m, nil
		}
		m.init(msg.shared)
		cmd := tea.Batch(m.layout(), m.lib.loadMarks())
		return m, cmd
	case spinner.TickMsg:
		var cmd tea.Cmd
		if m.c == nil {
			m.spin, cmd = m.spin.Update(msg)
			return m, cmd
		}
		cmd = m.reader.tick(msg)
		return m, cmd
	}
	if m.c == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "ctrl+c" || k.String() == "q") {
			return m, tea.Quit
		}
		return m, nil
	}
	if msg, ok := msg.(libraryMsg); ok {
		return m.updateLibrary(msg)
	}
	switch msg := msg.(type) {
	case searchDoneMsg:
		m.list.applySearch(msg)
		cmd := m.preview()
		return m, cmd
	case renderDoneMsg:
		m.reader.applyRender(msg)
		return m, nil
	case openQuoteMsg:
		cmd := m.openQuote(&msg)
		return m, cmd
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		cmd := m.mouseEvent(msg.(tea.MouseMsg))
		cmd = tea.Batch(cmd, m.preview())
		return m, cmd
	case tea.PasteMsg:
		return m.paste(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// paste goes to the text input that has the keyboard, and nowhere else:
// pasted text is never taken for commands.
func (m Model) paste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.focus == paneList && m.list.filtering():
		cmd := m.list.paste(msg)
		return m, cmd
	case m.focus == paneReader && m.reader.searching():
		cmd := m.reader.paste(msg)
		return m, cmd
	}
	return m, nil
}

// typing reports whether a text input has the keyboard.
func (m Model) typing() bool {
	return m.focus == paneList && m.list.filtering() || m.focus == paneReader && m.reader.searching()
}

// key routes a key press. Help is modal: while it shows, it takes every
// key. A focused text input takes every key but the ones that leave it, so
// typing "q" or "?" in a search never quits or opens help. q and esc close
// what is open (help, the debate view) before q quits.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.showHelp {
		m.helpKey(msg)
		return m, nil
	}
	typing := m.typing()
	if !typing {
		if cmd, ok := m.libraryKey(msg); ok {
			return m, cmd
		}
		switch {
		case key.Matches(msg, k.Quit) && m.focus == paneDebate:
			cmd := m.leaveDebate()
			return m, cmd
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Help):
			m.showHelp, m.helpTop = true, 0
			return m, nil
		case key.Matches(msg, k.Mouse):
			m.mouse = !m.mouse
			return m, nil
		case key.Matches(msg, k.CorpusDebate):
			cmd := m.openCorpusDebate()
			return m, cmd
		case key.Matches(msg, k.NextPane), key.Matches(msg, k.PrevPane):
			cmd := m.cycleFocus()
			return m, cmd
		}
	}
	switch m.focus {
	case paneList:
		// Side by side, the article keys act on the article shown, even
		// while the list has the keyboard.
		if !typing && m.wide() && m.reader.shown() != nil && m.readerKey(msg) {
			return m.articleKey(msg, paneList)
		}
		cmd, open := m.list.update(msg)
		cmd = tea.Batch(cmd, m.openQuote(open), m.preview())
		return m, cmd
	case paneReader:
		if !typing {
			switch {
			case key.Matches(msg, k.Back) && !m.reader.hasQuery():
				m.focus = paneList
				cmd := m.layout()
				return m, cmd
			case m.readerKey(msg):
				return m.articleKey(msg, paneReader)
			}
		}
		cmd, _ := m.reader.update(msg)
		return m, cmd
	case paneDebate:
		if key.Matches(msg, k.Back) || key.Matches(msg, k.Debate) && !m.debate.showsCorpus() {
			cmd := m.leaveDebate()
			return m, cmd
		}
		cmd, open := m.debate.update(msg)
		cmd = tea.Batch(cmd, m.openQuote(open))
		return m, cmd
	}
	return m, nil
}

// readerKey reports a key that acts on the article shown: d, s, ] and [.
func (m Model) readerKey(msg tea.KeyPressMsg) bool {
	k := m.c.keys
	return key.Matches(msg, k.Debate, k.FocusSpeaker, k.NextQuote, k.PrevQuote)
}

// articleKey handles d, s, ] and [ for the article shown; from is the pane
// the debate view returns to.
func (m Model) articleKey(msg tea.KeyPressMsg, from pane) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.c.keys.Debate) {
		if m.reader.shown() == nil {
			return m, nil
		}
		m.debate.showArticle(m.reader.shownIndex())
		m.back, m.focus = from, paneDebate
		cmd := m.layout()
		return m, cmd
	}
	cmd, _ := m.reader.update(msg)
	return m, cmd
}

// openQuote opens an article in the reader, at a quotation when asked,
// and puts the list's cursor on it.
func (m *Model) openQuote(o *openQuoteMsg) tea.Cmd {
	if o == nil {
		return nil
	}
	m.focus = paneReader
	m.list.selectArticle(o.article)
	return tea.Batch(m.reader.open(o.article, m.c.shared.Corpus.Articles[o.article], o.quote), m.layout(), m.openedArticle(o.article))
}

// leaveDebate goes back to where the debate view was opened from.
func (m *Model) leaveDebate() tea.Cmd {
	m.focus = m.back
	return m.layout()
}

// preview shows the article under the list's cursor in the reader when
// both stand side by side, without moving the focus.
func (m *Model) preview() tea.Cmd {
	i, ok := m.list.selected()
	if !ok || !m.wide() || m.focus != paneList || m.reader.shown() == m.c.shared.Corpus.Articles[i] {
		return nil
	}
	return m.reader.open(i, m.c.shared.Corpus.Articles[i], -1)
}

func (m *Model) openSelected() tea.Cmd { return m.openQuote(m.list.open()) }

func (m *Model) openCorpusDebate() tea.Cmd {
	m.debate.showCorpus(m.list.articles())
	if m.focus != paneDebate {
		m.back = m.focus
	}
	m.focus = paneDebate
	return m.layout()
}

// cycleFocus moves between the list and the reader (tab, shift+tab).
func (m *Model) cycleFocus() tea.Cmd {
	switch m.focus {
	case paneList:
		if m.reader.shown() == nil {
			return m.openSelected()
		}
		m.focus = paneReader
	default:
		m.focus = paneList
	}
	return m.layout()
}

func (m *Model) mouseEvent(msg tea.MouseMsg) tea.Cmd {
	if m.focus == paneDebate || m.showHelp || !m.mouse {
		return nil
	}
	ev := msg.Mouse()
	overList := m.f.wide && ev.X < m.f.listW+2 || !m.f.wide && m.focus == paneList
	switch msg.(type) {
	case tea.MouseWheelMsg:
		var delta int
		switch ev.Button {
		case tea.MouseWheelUp:
			delta = -1
		case tea.MouseWheelDown:
			delta = 1
		}
		switch {
		case overList:
			m.list.move(delta)
			if m.wide() {
				m.focus = paneList // the list being scrolled shows its article
			}
		default:
			m.reader.wheel(delta)
		}
	case tea.MouseClickMsg:
		if ev.Button == tea.MouseLeft && overList && m.list.clickRow(ev.Y-1) { // the pane border takes the first line
			m.focus = paneList
			return m.openSelected()
		}
	}
	return nil
}

func (m Model) wide() bool { return m.f.wide }

// Article returns the article open in the reader, for tests.
func (m Model) Article() *corpus.Article { return m.reader.shown() }

// LoadError is the error that stopped the corpus from loading, if any.
func (m Model) LoadError() error { return m.loadErr }
