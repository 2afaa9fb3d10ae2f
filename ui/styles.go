package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// paletteSize is the number of speaker colours.
const paletteSize = 10

// tone is one colour in its three depths (true colour, 256 colours, 16
// colours) for a dark and for a light background.
type tone struct {
	dark, dark256, dark16, light, light256, light16 string
}

// palette holds the speaker colours: a bright variant for dark
// backgrounds, a deep one for light backgrounds, each at least 4.5:1
// against its background (TestPaletteContrast). With 16 colours the
// terminal decides the shades; the ten are distinct, and the speaker tags
// tell apart speakers beyond them.
var palette = [paletteSize]tone{
	{"#FFA657", "215", "3", "#9A4A00", "94", "3"},    // orange
	{"#79C0FF", "117", "12", "#0550AE", "25", "4"},   // blue
	{"#7EE787", "114", "10", "#116329", "22", "2"},   // green
	{"#FF7EB6", "211", "13", "#A4246B", "125", "13"}, // pink
	{"#56D4DD", "80", "14", "#0B6A77", "23", "6"},    // cyan
	{"#F47067", "209", "1", "#A40E26", "88", "9"},    // red
	{"#D2A8FF", "183", "5", "#6639BA", "55", "5"},    // purple
	{"#E3B341", "178", "11", "#6F4E00", "58", "11"},  // gold
	{"#A5D6FF", "153", "4", "#1F4E9A", "18", "12"},   // sky
	{"#B4E37A", "150", "2", "#3D6B0F", "53", "10"},   // lime
}

// The interface's own colours. It keeps to greys, near-black or
// near-white and the error red, so that at every depth a colour that is
// not grey belongs to a speaker.
var (
	subtle    = tone{"#8B949E", "246", "8", "#656D76", "242", "8"}
	border    = tone{"#30363D", "237", "8", "#D0D7DE", "188", "7"}
	accent    = tone{"#E6EDF3", "255", "15", "#1F2328", "234", "0"}
	selection = tone{"#21262D", "235", "8", "#EAEEF2", "255", "7"}
	errorTone = tone{"#FF7B72", "203", "9", "#B31D28", "124", "1"}
)

// look is what a session's colours depend on: the terminal's background
// and its colour profile. Both can change while a session runs (the
// background answer arrives after the first frame).
type look struct {
	dark    bool
	profile colorprofile.Profile
}

// colour picks the tone's colour for the look: the exact 256- or 16-colour
// value chosen by hand, never a conversion of the true colour.
func (l look) colour(t tone) color.Color {
	d, d256, d16 := t.dark, t.dark256, t.dark16
	if !l.dark {
		d, d256, d16 = t.light, t.light256, t.light16
	}
	return lipgloss.Complete(l.profile)(lipgloss.Color(d16), lipgloss.Color(d256), lipgloss.Color(d))
}

// noColor reports a terminal that takes no colour.
func (l look) noColor() bool { return l.profile <= colorprofile.ASCII }

// Styles are built for one session's look, so that each SSH client gets
// colours for its own terminal and background. Lip Gloss styles are plain
// values: nothing here depends on the terminal the server runs in.
type Styles struct {
	look look

	Title, Meta, Dim, Selected, SelectedMeta, Match, Focused, Blurred lipgloss.Style
	Status, StatusKey, Error, Header, Cell, CellSelected, Swatch      lipgloss.Style
	speaker                                                           [paletteSize]lipgloss.Style
	quoteOn                                                           [paletteSize]string // SGR that starts a quote in a speaker's colour
	quoteDim                                                          string
	Input                                                             textinput.Styles
	Help                                                              help.Styles
	// The pane frames, drawn by hand: Lip Gloss would measure every line
	// again on every frame, and the panes already pad them to width.
	focusedFrame, blurredFrame boxBorder
}

// boxBorder is a pane border and the SGR that colours it ("" for none).
type boxBorder struct {
	border lipgloss.Border
	sgr    string
}

// NewStyles builds the styles for one look.
func NewStyles(l look) *Styles {
	s := &Styles{look: l}
	sub, acc := l.colour(subtle), l.colour(accent)
	s.Title = lipgloss.NewStyle().Bold(true)
	s.Meta = lipgloss.NewStyle().Foreground(sub)
	s.Dim = lipgloss.NewStyle().Foreground(sub).Faint(true)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(acc)
	s.SelectedMeta = lipgloss.NewStyle().Foreground(sub)
	s.Match = lipgloss.NewStyle().Underline(true).Bold(true)
	s.Focused = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(acc)
	s.Blurred = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(l.colour(border))
	s.focusedFrame = boxBorder{lipgloss.RoundedBorder(), ansi.NewStyle().ForegroundColor(acc).String()}
	s.blurredFrame = boxBorder{lipgloss.RoundedBorder(), ansi.NewStyle().ForegroundColor(l.colour(border)).String()}
	s.Status = lipgloss.NewStyle().Foreground(sub)
	s.StatusKey = lipgloss.NewStyle().Foreground(acc).Bold(true)
	s.Error = lipgloss.NewStyle().Foreground(l.colour(errorTone)).Bold(true)
	s.Header = lipgloss.NewStyle().Bold(true).Underline(true)
	s.Cell = lipgloss.NewStyle()
	s.CellSelected = lipgloss.NewStyle().Background(l.colour(selection))
	s.Swatch = lipgloss.NewStyle()
	for i, t := range palette {
		c := l.colour(t)
		s.speaker[i] = lipgloss.NewStyle().Foreground(c).Bold(true)
		s.quoteOn[i] = ansi.NewStyle().ForegroundColor(c).String()
	}
	s.quoteDim = ansi.NewStyle().ForegroundColor(sub).String()
	if l.noColor() {
		// Without colour the focused pane shows by its heavier border,
		// quotations by bold type and their speakers' tags in the margin
		// (underline is left to search matches).
		s.Focused = lipgloss.NewStyle().Border(lipgloss.ThickBorder())
		s.Blurred = lipgloss.NewStyle().Border(lipgloss.RoundedBorder())
		s.focusedFrame = boxBorder{lipgloss.ThickBorder(), ""}
		s.blurredFrame = boxBorder{lipgloss.RoundedBorder(), ""}
		for i := range s.quoteOn {
			s.speaker[i] = lipgloss.NewStyle()
			s.quoteOn[i] = "\x1b[1m"
		}
		s.quoteDim = ""
	}
	// The bubbles' own styles come from here too, never from their
	// defaults (which assume a background).
	s.Input = textinput.DefaultStyles(l.dark)
	for _, st := range []*textinput.StyleState{&s.Input.Focused, &s.Input.Blurred} {
		st.Placeholder = s.Meta
		st.Suggestion = s.Meta
		st.Prompt = s.StatusKey
		st.Text = lipgloss.NewStyle()
	}
	s.Input.Cursor.Color = nil
	// A steady cursor: a blinking one redraws the screen twice a second,
	// which over SSH is bandwidth for nothing.
	s.Input.Cursor.Blink = false
	s.Help = help.Styles{
		Ellipsis: s.Status, ShortKey: s.StatusKey, ShortDesc: s.Status, ShortSeparator: s.Status,
		FullKey: s.StatusKey, FullDesc: s.Status, FullSeparator: s.Status,
	}
	return s
}

// Speaker is the style of a speaker's name in their colour.
func (s *Styles) Speaker(slot int) lipgloss.Style {
	if slot < 0 {
		return s.Meta
	}
	return s.speaker[slot%paletteSize]
}

// swatch is a coloured bullet for legends.
func (s *Styles) swatch(slot int) string {
	if s.look.noColor() || slot < 0 {
		return "•"
	}
	return s.Speaker(slot).Render("●")
}
