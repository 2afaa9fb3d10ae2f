package ui

import "counterpoint/corpus"

// Messages. Each async result says which request it answers, so a stale
// one (a search overtaken by a later keystroke, a render for a width the
// window no longer has) is dropped instead of landing last.

// corpusLoadedMsg carries the corpus loaded after the first frame.
type corpusLoadedMsg struct {
	shared *Shared
	err    error
}

// searchDoneMsg is the result of the list filter.
type searchDoneMsg struct {
	gen   int
	query string
	hits  *corpus.Result
}

// renderDoneMsg is a finished article layout.
type renderDoneMsg struct {
	key renderKey
	r   *rendered
}

// openQuoteMsg asks the reader to open an article at a quotation.
type openQuoteMsg struct {
	article int // index in the corpus
	quote   int // index in the article, or -1 for the top
}

// backgroundWaitMsg ends the wait for the terminal's background colour.
type backgroundWaitMsg struct{}
