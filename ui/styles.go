package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// paletteSize is the number of speaker colours.
const paletteSize = 10

// palette holds the speaker colours: a bright variant for dark
// backgrounds, a deep one for light backgrounds, each with 256-colour and
// 16-colour fallbacks (the 16-colour ones repeat after six hues).
var palette = [paletteSize]lipgloss.CompleteAdaptiveColor{
	adaptive("#FFA657", "215", "11", "#9A4A00", "130", "3"), // orange
	adaptive("#79C0FF", "117", "12", "#0550AE", "25", "4"),  // blue
	adaptive("#7EE787", "114", "10", "#116329", "22", "2"),  // green
	adaptive("#FF7EB6", "211", "13", "#A4246B", "125", "5"), // pink
	adaptive("#56D4DD", "80", "14", "#0B6A77", "30", "6"),   // cyan
	adaptive("#FF7B72", "203", "9", "#B31D28", "124", "1"),  // red
	adaptive("#D2A8FF", "183", "13", "#6639BA", "55", "5"),  // purple
	adaptive("#E3B341", "178", "11", "#6F4E00", "94", "3"),  // gold
	adaptive("#A5D6FF", "153", "12", "#1F4E9A", "18", "4"),  // sky
	adaptive("#B4E37A", "150", "10", "#3D6B0F", "64", "2"),  // lime
}

func adaptive(dark, dark256, dark16, light, light256, light16 string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Dark:  lipgloss.CompleteColor{TrueColor: dark, ANSI256: dark256, ANSI: dark16},
		Light: lipgloss.CompleteColor{TrueColor: light, ANSI256: light256, ANSI: light16},
	}
}

// Styles are built from one session's renderer, so that each SSH client
// gets colours for its own terminal and background.
type Styles struct {
	renderer *lipgloss.Renderer
	noColor  bool // the terminal takes no colour: quotes are marked with bold and underline

	Title, Meta, Dim, Selected, SelectedMeta, Match, Focused, Blurred lipgloss.Style
	Status, StatusKey, Error, Header, Cell, CellSelected, Swatch      lipgloss.Style
	speaker                                                           [paletteSize]lipgloss.Style
	quoteOn                                                           [paletteSize]string // SGR that starts a quote in a speaker's colour
	quoteDim                                                          string
}

// Subtle colours shared by the panes.
var (
	subtle    = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	border    = lipgloss.AdaptiveColor{Light: "#D0D7DE", Dark: "#30363D"}
	accent    = lipgloss.AdaptiveColor{Light: "#6639BA", Dark: "#D2A8FF"}
	selection = lipgloss.AdaptiveColor{Light: "#EAEEF2", Dark: "#21262D"}
)

// NewStyles builds the styles for one renderer.
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := &Styles{renderer: r, noColor: r.ColorProfile() == termenv.Ascii}
	s.Title = r.NewStyle().Bold(true)
	s.Meta = r.NewStyle().Foreground(subtle)
	s.Dim = r.NewStyle().Foreground(subtle).Faint(true)
	s.Selected = r.NewStyle().Bold(true).Foreground(accent)
	s.SelectedMeta = r.NewStyle().Foreground(subtle)
	s.Match = r.NewStyle().Underline(true).Bold(true)
	s.Focused = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent)
	s.Blurred = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border)
	s.Status = r.NewStyle().Foreground(subtle)
	s.StatusKey = r.NewStyle().Foreground(accent).Bold(true)
	s.Error = r.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B31D28", Dark: "#FF7B72"}).Bold(true)
	s.Header = r.NewStyle().Bold(true).Underline(true)
	s.Cell = r.NewStyle()
	s.CellSelected = r.NewStyle().Background(selection)
	s.Swatch = r.NewStyle()
	for i, c := range palette {
		s.speaker[i] = r.NewStyle().Foreground(c).Bold(true)
		s.quoteOn[i] = sgrOf(r.NewStyle().Foreground(c))
	}
	if s.noColor {
		// Without colour the focused pane shows by its heavier border.
		s.Focused = r.NewStyle().Border(lipgloss.ThickBorder())
		for i := range s.quoteOn {
			s.speaker[i] = r.NewStyle() // lipgloss drops every attribute without colour
			s.quoteOn[i] = "\x1b[1;4m"  // so quotes are marked with bold and underline
		}
	}
	s.quoteDim = sgrOf(r.NewStyle().Foreground(subtle))
	return s
}

// sgrOf extracts the escape sequence a style opens with.
func sgrOf(st lipgloss.Style) string {
	out := st.Render("x")
	for i := 0; i < len(out); i++ {
		if out[i] == 'x' {
			return out[:i]
		}
	}
	return ""
}

// Speaker is the style of a speaker's name in their colour.
func (s *Styles) Speaker(slot int) lipgloss.Style {
	if slot < 0 {
		return s.Meta
	}
	return s.speaker[slot%paletteSize]
}

// Swatchf is a coloured bullet for legends.
func (s *Styles) swatch(slot int) string {
	if s.noColor || slot < 0 {
		return "•"
	}
	return s.Speaker(slot).Render("●")
}
