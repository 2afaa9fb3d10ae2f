package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Keys and navigation as a user meets them (issue 9).

func TestEscGoesBackInTheSideBySideLayout(t *testing.T) {
	m := typeKeys(sized(120, 40, plainOptions()), "tab")
	if m.focus != paneReader {
		t.Fatalf("tab did not focus the reader")
	}
	m = typeKeys(m, "esc")
	if m.focus != paneList {
		t.Errorf("esc in the side-by-side reader left focus on %d, want the list", m.focus)
	}
}

func TestEscFromDebateGoesWhereItCameFrom(t *testing.T) {
	m := typeKeys(sized(120, 40, plainOptions()), "D", "esc")
	if m.focus != paneList {
		t.Errorf("D then esc from the list: focus %d", m.focus)
	}
	m = typeKeys(sized(80, 24, plainOptions()), "enter", "d", "esc")
	if m.focus != paneReader {
		t.Errorf("d then esc from the reader: focus %d", m.focus)
	}
}

func TestLeavingTheFilterKeepsTheSelectedArticle(t *testing.T) {
	m := typeKeys(sized(80, 24, plainOptions()), "/", "s", "t", "o", "l", "t", "down", "down")
	want, _ := m.list.selected()
	m = typeKeys(m, "enter", "esc") // open it, back to the list
	if m.focus != paneList || m.list.query == "" {
		t.Fatalf("first esc should go back to the filtered list")
	}
	m = typeKeys(m, "esc") // second esc clears the filter
	if m.list.query != "" {
		t.Fatalf("second esc did not clear the filter")
	}
	if got, _ := m.list.selected(); got != want {
		t.Errorf("clearing the filter moved the cursor from article %d to %d", want, got)
	}
	m = typeKeys(m, "/", "s", "t", "o", "l", "t", "down", "down")
	want, _ = m.list.selected()
	m = typeKeys(m, "esc")
	if got, _ := m.list.selected(); got != want {
		t.Errorf("esc in the filter input moved the cursor from article %d to %d", want, got)
	}
}

func TestQuoteJumpsStartFromTheScreen(t *testing.T) {
	m := typeKeys(sized(80, 24, plainOptions()), "j", "enter") // 001: many quotations
	r := m.reader
	// Scroll past the first quotations without ] and press ].
	for range 20 {
		if m.reader.r.quoteLine[0] < m.reader.vp.YOffset() {
			break
		}
		m = typeKeys(m, "ctrl+d")
	}
	top := m.reader.vp.YOffset()
	if m.reader.r.quoteLine[0] >= top {
		t.Fatalf("test needs the first quotation above the screen (line %d, top %d)", r.r.quoteLine[0], top)
	}
	m = typeKeys(m, "]")
	if q := m.reader.quote; q < 0 || m.reader.r.quoteLine[q] < top {
		t.Fatalf("] from line %d went to quotation %d at line %d, above the screen", top, q, m.reader.r.quoteLine[max(q, 0)])
	}
	cur := m.reader.quote
	if !strings.Contains(ansi.Strip(view(m)), "▌") {
		t.Errorf("the current quotation is not marked")
	}
	m = typeKeys(m, "]")
	if m.reader.quote <= cur {
		t.Errorf("a second ] stayed at %d", m.reader.quote)
	}
	m = typeKeys(m, "G", "[")
	if q := m.reader.quote; q != len(m.Article().Quotes)-1 && m.reader.r.quoteLine[q+1] >= 0 && m.reader.r.quoteLine[q+1] < m.reader.vp.YOffset() {
		t.Errorf("[ from the bottom went to quotation %d, not the last one above the screen", q)
	}
}

func TestEnterInTheCorpusDebateOpensThatArticle(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		m := typeKeys(sized(size[0], size[1], plainOptions()), "D")
		// Find a row from another article than the list's selection.
		sel, _ := m.list.selected()
		// Far enough down its article that the top of it would not show.
		for range len(m.debate.rows) {
			r := m.debate.rows[m.debate.row]
			if r.article != sel && r.accIndex >= 7 {
				break
			}
			m = typeKeys(m, "j")
		}
		row := m.debate.rows[m.debate.row]
		if row.article == sel {
			t.Fatalf("no debate row outside the selected article")
		}
		m = typeKeys(m, "enter")
		if m.Article() != seedShared.Corpus.Articles[row.article] {
			t.Fatalf("%dx%d: enter opened %s, want %s", size[0], size[1], m.Article().ID, seedShared.Corpus.Articles[row.article].ID)
		}
		want := row.accIndex
		if want < 0 {
			want = row.respIndex
		}
		line, top := m.reader.r.quoteLine[want], m.reader.vp.YOffset()
		if m.reader.quote != want || line < top || line >= top+m.reader.vp.Height() {
			t.Errorf("%dx%d: opened at quotation %d (offset %d), want %d", size[0], size[1], m.reader.quote, m.reader.vp.YOffset(), want)
		}
	}
}

func TestHelpIsModal(t *testing.T) {
	m := typeKeys(sized(80, 24, plainOptions()), "?", "j", "j", "enter")
	if m.Article() != nil || !m.showHelp {
		t.Fatalf("keys reached the list behind help")
	}
	nm, cmd := m.Update(press("q"))
	m = nm.(Model)
	if cmd != nil && isQuit(cmd) || m.showHelp {
		t.Fatalf("q in help should close help, not quit")
	}
	m = typeKeys(m, "?", "esc")
	if m.showHelp {
		t.Errorf("esc did not close help")
	}
	m = typeKeys(m, "D")
	_, cmd = m.Update(press("q"))
	if cmd != nil && isQuit(cmd) {
		t.Errorf("q in the debate view quit instead of closing it")
	}
}

func isQuit(cmd tea.Cmd) bool {
	for _, msg := range results(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func TestHelpFitsEightyByTwentyFour(t *testing.T) {
	m := typeKeys(sized(80, 24, plainOptions()), "?")
	seen := ""
	for range 30 {
		seen += ansi.Strip(view(m))
		m = typeKeys(m, "j")
	}
	for _, l := range strings.Split(ansi.Strip(view(m)), "\n") {
		if strings.Contains(l, "…") {
			t.Errorf("help cut at 80 columns: %q", l)
		}
	}
	for _, group := range m.fullHelp() {
		for _, b := range group {
			if b.Enabled() && !strings.Contains(seen, b.Help().Desc) {
				t.Errorf("help never shows %q at 80x24", b.Help().Desc)
			}
		}
	}
}

func TestSideBySideKeysActOnTheShownArticle(t *testing.T) {
	m := sized(120, 40, colourOptions())
	shown := m.Article()
	if shown == nil || m.focus != paneList {
		t.Fatalf("the wide layout should preview the selected article")
	}
	m = typeKeys(m, "s")
	if m.reader.focus == "" {
		t.Errorf("s with the list focused did not focus a speaker")
	}
	m = typeKeys(m, "]")
	if m.reader.quote < 0 {
		t.Errorf("] with the list focused did not move to a quotation")
	}
	m = typeKeys(m, "d")
	if m.focus != paneDebate || m.debate.corpus || m.debate.title != shown.Title {
		t.Errorf("d with the list focused did not show this article's debate")
	}
	if m = typeKeys(m, "esc"); m.focus != paneList {
		t.Errorf("esc from that debate went to %d", m.focus)
	}
}

func TestWheelUpAtTheBottomAndCtrlU(t *testing.T) {
	m := typeKeys(sized(80, 24, plainOptions()), "j", "enter", "G")
	bottom := m.reader.vp.YOffset()
	m = run(m, tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelUp})
	if m.reader.vp.YOffset() >= bottom {
		t.Errorf("wheel up at the bottom did not scroll up")
	}
	m = typeKeys(m, "g", "ctrl+d", "ctrl+u")
	if m.reader.vp.YOffset() != 0 {
		t.Errorf("ctrl+u did not undo ctrl+d: offset %d", m.reader.vp.YOffset())
	}
}

func TestCurrentSearchMatchIsMarkedDifferently(t *testing.T) {
	m := typeKeys(sized(120, 40, plainOptions()), "tab", "/", "c", "h", "i", "n", "a", "enter")
	screen := view(m)
	if n := strings.Count(screen, sgrReverse); n != 1 {
		t.Errorf("%d matches in reverse video, want only the current one", n)
	}
	if !strings.Contains(screen, sgrUnderline) {
		t.Errorf("the other matches are not marked")
	}
}

func TestDebateKeepsItsSelectionWhenReopened(t *testing.T) {
	m := typeKeys(sized(80, 24, plainOptions()), "j", "enter", "d", "j", "l")
	row, col := m.debate.row, m.debate.col
	m = typeKeys(m, "esc", "d")
	if m.debate.row != row || m.debate.col != col {
		t.Errorf("reopened at %d,%d, want %d,%d", m.debate.row, m.debate.col, row, col)
	}
	m = typeKeys(m, "esc", "esc", "D", "j", "j", "esc", "D")
	if m.debate.row < 2 {
		t.Errorf("D reopened at row %d, not where it was left", m.debate.row)
	}
}

func TestNoSearchingFlashOnEveryKey(t *testing.T) {
	m := typeKeys(sized(120, 40, plainOptions()), "/", "s")
	nm, _ := m.Update(press("t")) // the search runs in a command not yet run
	if strings.Contains(view(nm.(Model)), "searching") {
		t.Errorf("a running search flashes “searching…”")
	}
}
