package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"counterpoint/corpus"
)

// Help is modal: while it shows it takes every key, so nothing reaches the
// panes behind it. It is laid out for the width it has and scrolls when
// the screen is too short.

// helpKey handles a key while help shows: ?, q and esc close it; the
// movement keys scroll it; anything else is ignored.
func (m *Model) helpKey(msg tea.KeyPressMsg) {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Help, k.Quit, k.Back):
		m.showHelp = false
	case key.Matches(msg, k.Down):
		m.helpTop++
	case key.Matches(msg, k.Up):
		m.helpTop--
	case key.Matches(msg, k.PageDown, k.HalfDown):
		m.helpTop += m.helpHeight() / 2
	case key.Matches(msg, k.PageUp, k.HalfUp):
		m.helpTop -= m.helpHeight() / 2
	case key.Matches(msg, k.Top):
		m.helpTop = 0
	case key.Matches(msg, k.Bottom):
		m.helpTop = len(m.helpLines())
	}
	m.helpTop = min(max(m.helpTop, 0), max(len(m.helpLines())-m.helpHeight(), 0))
}

// helpHeight is the room for help inside its box.
func (m Model) helpHeight() int { return max(m.f.paneH, 1) }

// shortHelp is the key hint for what has focus: the focused pane's own
// keys, then help and quit.
func (m Model) shortHelp() []key.Binding {
	k := m.c.keys
	var keys []key.Binding
	switch {
	case m.showHelp:
		return []key.Binding{k.Down, k.Back, k.Quit}
	case m.focus == paneDebate:
		return append(m.debate.ShortHelp(), k.Help) // q closes the view here
	case m.focus == paneReader:
		keys = m.reader.ShortHelp()
	default:
		keys = m.list.ShortHelp()
	}
	return append(keys, k.Help, k.Quit)
}

// fullHelp lists every key: movement, then each pane's own keys, then the
// keys that work everywhere.
func (m Model) fullHelp() [][]key.Binding {
	k := m.c.keys
	groups := [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}}
	groups = append(groups, m.list.FullHelp()...)
	groups = append(groups, m.reader.FullHelp()...)
	groups = append(groups, m.debate.FullHelp()...)
	groups = append(groups, k.libraryHelp()...)
	return append(groups, []key.Binding{k.Mouse, k.Help, k.Quit})
}

// helpExplained says what the keys cannot: the search syntax, and what
// colours and marks mean.
var helpExplained = []string{
	"Search: words match titles, subtitles and speakers fuzzily, and the start of body words. 'word matches exactly, !word excludes, @name keeps articles quoting that speaker. A capital letter makes a word case-sensitive. esc clears the filter.",
	"Speakers: each speaker keeps one colour and one short tag (its initials) in the list, the legend, the article's margin and the debate view. The tag stands in the margin where a quotation starts, so who said what reads without colour too. ▌ in the margin marks the quotation ] and [ moved to; s dims all but one speaker.",
	"Search in an article: the current match is in reverse video, the others are underlined.",
	"Debate: d shows this article's accusations next to the responses they drew; D shows them for every article in the list, grouped by who accuses whom. ▌ marks the selected cell; enter opens its article at that quotation.",
	"Mouse: wheel scrolls, click opens. m turns mouse capture off, so text can be selected.",
}

// libraryExplained says what the list's marks mean, when there is a
// library to keep them.
const libraryExplained = "Library: ● before a title marks an article not yet read, ★ a starred one. Opening an article marks it read; u and * change the marks."

// helpLines lays help out for the screen's width: the keys in as many
// columns as fit, then the explanations wrapped.
func (m Model) helpLines() []string {
	s := m.c.styles
	w := max(m.f.fullW, 20)
	lines := []string{s.Title.Render("counterpoint " + m.opts.Version), ""}
	var keys, descs []string
	keyW, descW := 0, 0
	for _, group := range m.fullHelp() {
		for _, b := range group {
			if !b.Enabled() {
				continue // a key this session cannot use (the library's, over SSH)
			}
			keys = append(keys, b.Help().Key)
			descs = append(descs, b.Help().Desc)
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
			descW = max(descW, ansi.StringWidth(b.Help().Desc))
		}
	}
	const gap = 3
	cellW := keyW + 1 + descW
	cols := max(1, (w+gap)/(cellW+gap))
	rows := (len(keys) + cols - 1) / cols
	for r := range rows {
		var b strings.Builder
		for c := range cols {
			i := c*rows + r // column by column, so groups stay together
			if i >= len(keys) {
				break
			}
			if c > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			b.WriteString(pad(s.StatusKey.Render(keys[i]), keyW) + " " + pad(s.Status.Render(descs[i]), descW))
		}
		lines = append(lines, strings.TrimRight(b.String(), " "))
	}
	lines = append(lines, "")
	explained := helpExplained
	if m.lib != nil && m.lib.hasLibrary() {
		explained = append(explained[:len(explained):len(explained)], libraryExplained)
	}
	for _, e := range explained {
		lines = append(lines, wrapTo(s.Status.Render(e), w)...)
	}
	if skipped := m.c.shared.Corpus.Skipped; len(skipped) > 0 {
		lines = append(lines, "", s.Error.Render(fmt.Sprintf("%d files were skipped:", len(skipped))))
		for _, sk := range skipped {
			// File names come from the disk: shown sanitised, one line each.
			lines = append(lines, s.Status.Render("  "+ansi.Truncate(corpus.SanitizeLine(sk.String()), max(w-2, 10), "…")))
		}
	}
	return append(lines, "", s.Meta.Render("?, q or esc closes this help."))
}

// helpView is the part of help that fits, with a note when there is more.
func (m Model) helpView() string {
	lines := m.helpLines()
	h := m.helpHeight()
	if len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	top := min(m.helpTop, len(lines)-h)
	shown := append([]string(nil), lines[top:top+h]...)
	if top+h < len(lines) {
		shown[h-1] = m.c.styles.Meta.Render("↓ more: j, space or G")
	}
	return strings.Join(shown, "\n")
}
