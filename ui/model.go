package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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

	focus    pane
	back     pane // where esc returns from the debate view
	showHelp bool
	mouse    bool // mouse capture: wheel and click work, the terminal's text selection does not
	width    int
	height   int
	look     look // the look until the corpus is loaded
	settled  bool // the background is known, or was waited for long enough
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
	m.c = newCommon(shared, m.opts)
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
	m.list.input.SetStyles(m.c.styles.Input)
	m.reader.input.SetStyles(m.c.styles.Input)
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
		m.width, m.height = msg.Width, msg.Height
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
		cmd := m.layout()
		return m, cmd
	case spinner.TickMsg:
		var cmd tea.Cmd
		if m.c == nil {
			m.spin, cmd = m.spin.Update(msg)
			return m, cmd
		}
		if m.reader.loading {
			m.reader.spin, cmd = m.reader.spin.Update(msg)
		}
		return m, cmd
	}
	if m.c == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "ctrl+c" || k.String() == "q") {
			return m, tea.Quit
		}
		return m, nil
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
		m.focus = paneReader
		cmd := tea.Batch(m.reader.open(msg.article, m.c.shared.Corpus.Articles[msg.article], msg.quote), m.layout())
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

// key routes a key press. A focused text input takes every key but the
// ones that leave it, so typing "q" or "?" in a search never quits or
// opens help.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	typing := m.typing()
	if !typing {
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		case key.Matches(msg, k.Help):
			m.showHelp = !m.showHelp
			return m, nil
		case key.Matches(msg, k.Mouse):
			m.mouse = !m.mouse
			return m, nil
		case m.showHelp && key.Matches(msg, k.Back):
			m.showHelp = false
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
		cmd, open := m.list.update(msg)
		if open {
			cmd = tea.Batch(cmd, m.openSelected())
			return m, cmd
		}
		cmd = tea.Batch(cmd, m.preview())
		return m, cmd
	case paneReader:
		if !typing {
			switch {
			case key.Matches(msg, k.Debate) && m.reader.article != nil:
				m.debate.showArticle(m.reader.index)
				m.back, m.focus = paneReader, paneDebate
				cmd := m.layout()
				return m, cmd
			case key.Matches(msg, k.Back) && m.reader.query == "" && !m.wide():
				m.focus = paneList
				return m, nil
			}
		}
		cmd := m.reader.update(msg)
		return m, cmd
	case paneDebate:
		if key.Matches(msg, k.Back) || key.Matches(msg, k.Debate) && !m.debate.corpus {
			m.focus = m.back
			cmd := m.layout()
			return m, cmd
		}
		cmd := m.debate.update(msg)
		return m, cmd
	}
	return m, nil
}

// preview shows the article under the list's cursor in the reader when
// both stand side by side, without moving the focus.
func (m *Model) preview() tea.Cmd {
	i, ok := m.list.selected()
	if !ok || !m.wide() || m.reader.article == m.c.shared.Corpus.Articles[i] {
		return nil
	}
	return m.reader.open(i, m.c.shared.Corpus.Articles[i], -1)
}

func (m *Model) openSelected() tea.Cmd {
	i, ok := m.list.selected()
	if !ok {
		return nil
	}
	m.focus = paneReader
	return tea.Batch(m.reader.open(i, m.c.shared.Corpus.Articles[i], -1), m.layout())
}

func (m *Model) openCorpusDebate() tea.Cmd {
	var idx []int
	for _, h := range m.list.hits {
		idx = append(idx, h.Index)
	}
	m.debate.showCorpus(idx)
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
		if m.reader.article == nil {
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
	listW, _ := m.paneWidths()
	overList := m.wide() && ev.X < listW || !m.wide() && m.focus == paneList
	switch msg.(type) {
	case tea.MouseWheelMsg:
		var delta int
		switch ev.Button {
		case tea.MouseWheelUp:
			delta = -1
		case tea.MouseWheelDown:
			delta = 1
		}
		if overList {
			m.list.move(delta)
		} else {
			m.reader.vp.ScrollDown(3 * delta)
		}
	case tea.MouseClickMsg:
		if ev.Button == tea.MouseLeft && overList && m.list.clickRow(ev.Y-1) { // the pane border takes the first line
			m.focus = paneList
			return m.openSelected()
		}
	}
	return nil
}

func (m Model) wide() bool { return m.width >= wideFrom }

// paneWidths gives the inner widths of the list and the reader.
func (m Model) paneWidths() (list, reader int) {
	if !m.wide() {
		return m.width - 2, m.width - 2
	}
	list = min(max(int(float64(m.width)*listShare), minListWide), maxListWide)
	return list, m.width - list - 4
}

// layout hands every pane its size; a resize reflows at once, and the
// reader re-renders for its new width (from the cache when it can).
func (m *Model) layout() tea.Cmd {
	if m.c == nil || m.width == 0 {
		return nil
	}
	h := m.height - 3 // status bar and pane borders
	listW, readerW := m.paneWidths()
	m.list.setSize(listW, h)
	m.debate.width, m.debate.height = m.width-2, h
	m.help.SetWidth(m.width)
	return tea.Batch(m.reader.setSize(readerW, h), m.preview())
}

// View draws the screen on the alternate screen, with mouse capture when
// it is on.
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (m Model) content() string {
	if m.width == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		msg := fmt.Sprintf("Terminal too small\n%d×%d, needs %d×%d\nq quits", m.width, m.height, minWidth, minHeight)
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, ansi.Truncate(msg, m.width*3, ""))
	}
	if m.c == nil {
		text := m.spin.View() + " Loading articles…"
		if m.loadErr != nil {
			text = "Could not load any article: " + m.loadErr.Error() + "\nq quits."
		}
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, text)
	}
	s := m.c.styles
	h := m.height - 1
	var main string
	switch {
	case m.showHelp:
		main = m.box(m.helpView(), m.width-2, h-2, true)
	case m.focus == paneDebate:
		main = m.box(m.debate.view(), m.width-2, h-2, true)
	case m.wide():
		listW, readerW := m.paneWidths()
		main = joinRows(
			m.box(m.list.view(m.focus == paneList), listW, h-2, m.focus == paneList),
			m.box(m.reader.view(), readerW, h-2, m.focus == paneReader))
	case m.focus == paneList:
		main = m.box(m.list.view(true), m.width-2, h-2, true)
	default:
		main = m.box(m.reader.view(), m.width-2, h-2, true)
	}
	return main + "\n" + m.statusBar(s)
}

// joinRows puts two boxes of the same height side by side, row by row:
// box pads them to exact sizes, so nothing needs measuring again.
func joinRows(left, right string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	var b strings.Builder
	b.Grow(len(left) + len(right))
	for i := range max(len(l), len(r)) {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(l) {
			b.WriteString(l[i])
		}
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

// box pads content to exactly w×h cells inside a border that shows focus,
// so panes joined side by side never drift.
func (m Model) box(content string, w, h int, focused bool) string {
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	f := m.c.styles.blurredFrame
	if focused {
		f = m.c.styles.focusedFrame
	}
	on, off := f.sgr, ""
	if on != "" {
		off = sgrReset
	}
	b := f.border
	var out strings.Builder
	out.Grow((h + 2) * (w + 16))
	out.WriteString(on + b.TopLeft + strings.Repeat(b.Top, w) + b.TopRight + off + "\n")
	left, right := on+b.Left+off, on+b.Right+off
	for _, l := range lines {
		out.WriteString(left)
		out.WriteString(pad(l, w))
		out.WriteString(right + "\n")
	}
	out.WriteString(on + b.BottomLeft + strings.Repeat(b.Bottom, w) + b.BottomRight + off)
	return out.String()
}

// statusBar shows the article position, the filter, skipped files and the
// main keys.
func (m Model) statusBar(s *Styles) string {
	var left []string
	total := len(m.c.shared.Corpus.Articles)
	if len(m.list.hits) > 0 {
		left = append(left, fmt.Sprintf("%d/%d", m.list.cursor+1, len(m.list.hits)))
	} else {
		left = append(left, fmt.Sprintf("0/%d", total))
	}
	if len(m.list.hits) != total {
		left = append(left, fmt.Sprintf("of %d", total))
	}
	if m.list.query != "" {
		left = append(left, "filter: "+m.list.query)
	}
	if n := len(m.c.shared.Corpus.Skipped); n > 0 {
		left = append(left, s.Error.Render(fmt.Sprintf("%d skipped (? names them)", n)))
	}
	hints := m.help.ShortHelpView(m.shortHelp())
	line := s.Status.Render(strings.Join(left, " · ")) + "  " + hints
	return ansi.Truncate(line, m.width, "…")
}

// shortHelp is the key hint for what has focus.
func (m Model) shortHelp() []key.Binding {
	k := m.c.keys
	switch {
	case m.showHelp:
		return []key.Binding{k.Help, k.Quit}
	case m.focus == paneDebate:
		return []key.Binding{k.Up, k.Left, k.Open, k.Back, k.Help}
	case m.focus == paneReader:
		return []key.Binding{k.NextQuote, k.FocusSpeaker, k.Search, k.Debate, k.Help, k.Quit}
	}
	return []key.Binding{k.Search, k.Open, k.NextPane, k.CorpusDebate, k.Help, k.Quit}
}

// fullHelp lists every key, by where it works.
func (m Model) fullHelp() [][]key.Binding {
	k := m.c.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfDown, k.Top, k.Bottom},
		{k.Open, k.Back, k.NextPane, k.PrevPane, k.Search, k.NextMatch},
		{k.NextQuote, k.FocusSpeaker, k.Debate, k.CorpusDebate, k.Left, k.Right},
		{k.Mouse, k.Help, k.Quit},
	}
}

func (m Model) helpView() string {
	s := m.c.styles
	var b strings.Builder
	b.WriteString(s.Title.Render("counterpoint "+m.opts.Version) + "\n\n")
	b.WriteString(m.help.FullHelpView(m.fullHelp()) + "\n\n")
	explain := []string{
		"Search: words match titles, subtitles and speakers fuzzily, and the start of body words.",
		"  'word matches exactly   !word excludes   @name keeps articles quoting that speaker",
		"  A capital letter makes a word case-sensitive. esc clears the filter.",
		"Colours: each speaker keeps one colour in the list, the article, the legend and the",
		"  debate view. Quotations are drawn in their speaker's colour; s dims all but one speaker.",
		"Debate: d shows this article's accusations next to the responses they drew;",
		"  D shows them for every article in the list, grouped by who accuses whom.",
		"Mouse: wheel scrolls, click opens. m turns mouse capture off, so text can be selected.",
	}
	for _, l := range explain {
		b.WriteString(s.Status.Render(l) + "\n")
	}
	if skipped := m.c.shared.Corpus.Skipped; len(skipped) > 0 {
		b.WriteString("\n" + s.Error.Render(fmt.Sprintf("%d files were skipped:", len(skipped))) + "\n")
		for _, sk := range skipped {
			// File names come from the disk: shown sanitised, one line each.
			b.WriteString(s.Status.Render("  "+ansi.Truncate(corpus.SanitizeLine(sk.String()), max(m.width-6, 10), "…")) + "\n")
		}
	}
	b.WriteString("\n" + s.Meta.Render("? or esc closes this help."))
	return b.String()
}

// Article returns the article open in the reader, for tests.
func (m Model) Article() *corpus.Article { return m.reader.article }

// LoadError is the error that stopped the corpus from loading, if any.
func (m Model) LoadError() error { return m.loadErr }
