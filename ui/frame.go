package ui

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
