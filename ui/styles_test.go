package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

var colourParam = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// Defect 10: every colour of the interface comes from the session's own
// look. A 16-colour terminal gets only 16-colour codes (no 256-colour or
// true colour from a bubble's default style, such as the filter's
// placeholder), and a terminal without colour gets none, in the list, the
// filter and help. (Glamour's article text keeps its own colours, which
// Bubble Tea fits to each terminal as it draws.)
func TestEveryColourComesFromTheSession(t *testing.T) {
	for _, tc := range []struct {
		name    string
		profile colorprofile.Profile
		allowed func(code string) bool
	}{
		{"16 colours", colorprofile.ANSI, func(code string) bool {
			return !strings.Contains(code, "38;5") && !strings.Contains(code, "48;5") &&
				!strings.Contains(code, "38;2") && !strings.Contains(code, "48;2")
		}},
		{"no colour", colorprofile.ASCII, func(code string) bool {
			for _, p := range strings.Split(strings.Trim(code, "\x1b[m"), ";") {
				if len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p != "39" && p != "49" {
					return false
				}
				if strings.HasPrefix(p, "38") || strings.HasPrefix(p, "48") {
					return false
				}
			}
			return true
		}},
	} {
		opts := Options{Profile: tc.profile, Light: true, Version: "test"}
		m := sized(80, 24, opts) // one pane at a time: no article beside the list
		screens := map[string]Model{
			"list":   m,
			"filter": typeKeys(m, "/"),
			"help":   typeKeys(m, "?"),
		}
		for name, s := range screens {
			for _, code := range colourParam.FindAllString(view(s), -1) {
				if !tc.allowed(code) {
					t.Errorf("%s, %s: %q is not the session's colour", tc.name, name, code)
					break
				}
			}
		}
	}
}
