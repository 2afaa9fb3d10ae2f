package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// frame is the screen's geometry, computed once per resize: every pane's
// size comes from here, so the side-by-side panes, the mouse and the
// boxes never disagree.
type frame struct {
	width, height int  // the terminal
	wide          bool // the list and the reader stand side by side
	listW         int  // inner width of the list pane
	readerW       int  // inner width of the reader pane
	fullW         int  // inner width of a pane that takes the whole screen
	paneH         int  // inner height of every pane: less the status bar and borders
}

func newFrame(w, h int) frame {
	f := frame{width: w, height: h, wide: w >= wideFrom, fullW: max(w-2, 0), paneH: max(h-3, 0)}
	f.listW, f.readerW = f.fullW, f.fullW
	if f.wide {
		f.listW = min(max(int(float64(w)*listShare), minListWide), maxListWide)
		f.readerW = w - f.listW - 4 // two borders each
	}
	return f
}

// tooSmall reports a screen the reader cannot be drawn on.
func (f frame) tooSmall() bool { return f.width < minWidth || f.height < minHeight }

// layout hands every pane its size; a resize reflows at once, and the
// reader re-renders for its new width (from the cache when it can).
func (m *Model) layout() tea.Cmd {
	if m.c == nil || m.f.width == 0 {
		return nil
	}
	f := m.f
	m.list.setSize(f.listW, f.paneH)
	m.debate.setSize(f.fullW, f.paneH)
	m.help.SetWidth(f.width)
	return tea.Batch(m.reader.setSize(f.readerW, f.paneH), m.preview())
}

// View draws the screen on the alternate screen, with mouse capture when
// it is on.
func (m Model) View() tea.View {
	v := tea.NewView(evenWidths(m.content()))
	v.AltScreen = true
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (m Model) content() string {
	if m.f.width == 0 {
		return ""
	}
	if m.f.tooSmall() {
		msg := fmt.Sprintf("Terminal too small\n%d×%d, needs %d×%d\nq quits", m.f.width, m.f.height, minWidth, minHeight)
		return lipgloss.Place(m.f.width, m.f.height, lipgloss.Center, lipgloss.Center, ansi.Truncate(msg, m.f.width*3, ""))
	}
	if m.c == nil {
		text := m.spin.View() + " Loading articles…"
		if m.loadErr != nil {
			text = "Could not load any article: " + m.loadErr.Error() + "\nq quits."
		}
		return lipgloss.Place(m.f.width, m.f.height, lipgloss.Center, lipgloss.Center, text)
	}
	s, f := m.c.styles, m.f
	var main string
	switch {
	case m.showHelp:
		main = m.box(m.helpView(), f.fullW, f.paneH, true)
	case m.focus == paneDebate:
		main = m.box(m.debate.view(), f.fullW, f.paneH, true)
	case f.wide:
		main = joinRows(
			m.box(m.list.view(m.focus == paneList), f.listW, f.paneH, m.focus == paneList),
			m.box(m.reader.view(), f.readerW, f.paneH, m.focus == paneReader))
	case m.focus == paneList:
		main = m.box(m.list.view(true), f.fullW, f.paneH, true)
	default:
		main = m.box(m.reader.view(), f.fullW, f.paneH, true)
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
	left := m.list.status()
	if n := len(m.c.shared.Corpus.Skipped); n > 0 {
		left = append(left, s.Error.Render(fmt.Sprintf("%d skipped (? names them)", n)))
	}
	left = append(left, m.libraryStatus(s)...)
	hints := m.help.ShortHelpView(m.shortHelp())
	line := s.Status.Render(strings.Join(left, " · ")) + "  " + hints
	return ansi.Truncate(line, m.f.width, "…")
}
