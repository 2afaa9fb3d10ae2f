package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// common is handed to every component: sizes, styles, the keymap and the
// shared corpus. There is no package-level state, so each SSH session
// builds its own from its own renderer.
type common struct {
	shared  *Shared
	styles  *Styles
	keys    KeyMap
	style   string // Glamour style: dark, light, notty or a JSON file
	profile termenv.Profile
}

// Options configure one reader session.
type Options struct {
	// Renderer draws for the session's terminal; nil means this process's
	// standard output.
	Renderer *lipgloss.Renderer
	// Style is the Glamour style: "dark", "light", "notty" or the path of
	// a JSON style file. Empty picks dark or light from the renderer.
	Style string
	// Mouse turns on mouse support (wheel and click). Off, text can be
	// selected with the terminal's own mouse handling.
	Mouse bool
	// Version is shown in the help screen.
	Version string
}

func newCommon(shared *Shared, opts Options) *common {
	r := opts.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	style := opts.Style
	if style == "" {
		style = "light"
		if r.HasDarkBackground() {
			style = "dark"
		}
	}
	if r.ColorProfile() == termenv.Ascii && style != "notty" && opts.Style == "" {
		style = "notty"
	}
	return &common{shared: shared, styles: NewStyles(r), keys: DefaultKeyMap(), style: style, profile: r.ColorProfile()}
}
