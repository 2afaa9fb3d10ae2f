package ui

import "charm.land/bubbles/v2/key"

// KeyMap is the one keymap of the reader. No two bindings that can be
// active together share a key; help is built from it, never typed by hand.
type KeyMap struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	Open, Back, NextPane, PrevPane                            key.Binding
	Search, NextMatch, PrevMatch                              key.Binding
	NextQuote, PrevQuote, FocusSpeaker                        key.Binding
	Debate, CorpusDebate, Left, Right                         key.Binding
	Mouse, Help, Quit                                         key.Binding
	// The library and links (librarykeys.go).
	ToggleRead, Star, UnreadOnly, SortOrder, NextFeed key.Binding
	Refresh, OpenLink, CopyQuote, Export              key.Binding
}

// DefaultKeyMap holds vim keys and arrows.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("pgdn/space", "page down")),
		HalfUp:       key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		HalfDown:     key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back / clear")),
		NextPane:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/prev match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		NextQuote:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]/[", "next/prev quote")),
		PrevQuote:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous quote")),
		FocusSpeaker: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "focus a speaker")),
		Debate:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "debate view")),
		CorpusDebate: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "debate, all articles")),
		Left:         key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "left column")),
		Right:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right column")),
		Mouse:        key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mouse capture on/off")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
	libraryBindings(&k)
	return k
}
