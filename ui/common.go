package ui

import (
	"time"

	"github.com/charmbracelet/colorprofile"
)

// common is handed to every component: styles, the keymap, the Glamour
// style and the shared corpus. There is no package-level state, so each
// SSH session builds its own, for its own terminal.
type common struct {
	shared *Shared
	styles *Styles
	keys   KeyMap
	style  string // Glamour style: dark, light, notty or a JSON file
	fixed  string // the style the user asked for, "" to follow the background
	look   look
	// settled: the background is known (or waited for long enough), so
	// articles can be laid out without a flash of the wrong palette.
	settled bool
	lib     *libSession // library and link state (library.go)
}

// Options configure one reader session.
type Options struct {
	// Profile is the terminal's colour profile until Bubble Tea reports
	// it; the zero value means 256 colours.
	Profile colorprofile.Profile
	// Light says the terminal's background is light until the terminal
	// answers the background query (which the reader sends at start).
	Light bool
	// Style is the Glamour style: "dark", "light", "notty" or the path of
	// a JSON style file. Empty picks dark or light from the background.
	Style string
	// NoMouse starts without mouse capture, so the terminal's own text
	// selection works; a key turns capture on and off.
	NoMouse bool
	// AwaitBackground holds article layout back until the terminal says
	// what its background is (at most backgroundWait), so that a light
	// terminal never gets a first article in dark-background colours. The
	// list draws at once either way.
	AwaitBackground bool
	// Version is shown in the help screen.
	Version string
	// Local: the reader runs on the user's own terminal, so o may start a
	// browser, e write a file and r fetch feeds. Never set over SSH.
	Local bool
	// Reader is the key fingerprint whose read and starred marks the
	// library keeps: "" for the local user (or an anonymous SSH user, who
	// keeps none, as the server's library is read-only).
	Reader string
}

// backgroundWait bounds how long article layout waits for the terminal's
// background colour. A later answer still changes the palette: it arrives
// as a message, never as keys.
const backgroundWait = 400 * time.Millisecond

func newCommon(shared *Shared, opts Options) *common {
	p := opts.Profile
	if p == colorprofile.Unknown {
		p = colorprofile.ANSI256
	}
	c := &common{shared: shared, keys: DefaultKeyMap(), fixed: opts.Style, settled: !opts.AwaitBackground}
	c.setLook(look{dark: !opts.Light, profile: p})
	return c
}

// setLook rebuilds the styles for a new background or colour profile.
func (c *common) setLook(l look) {
	// A style the user named says what the background is: --style light
	// takes the light palette for speakers and interface too.
	switch c.fixed {
	case "light":
		l.dark = false
	case "dark":
		l.dark = true
	}
	c.look = l
	c.styles = NewStyles(l)
	c.style = c.fixed
	if c.style == "" {
		c.style = "light"
		if l.dark {
			c.style = "dark"
		}
		if l.noColor() {
			c.style = "notty"
		}
	}
}
