package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkReaderScroll is one j in a full-screen article, to the frame:
// the cost of painting quotations, the margin and the legend per frame.
func BenchmarkReaderScroll(b *testing.B) {
	m := run(New(seedShared, colourOptions()), tea.WindowSizeMsg{Width: 120, Height: 40})
	m = run(m, press("j"), press("enter"))
	if m.focus != paneReader {
		b.Fatal("the reader does not have the keyboard")
	}
	for b.Loop() {
		nm, _ := m.Update(press("j"))
		_ = nm.(Model).View()
	}
}
