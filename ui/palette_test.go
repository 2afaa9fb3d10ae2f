package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// luminance is WCAG 2 relative luminance of an sRGB colour.
func luminance(r, g, b uint8) float64 {
	lin := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b [3]uint8) float64 {
	la, lb := luminance(a[0], a[1], a[2]), luminance(b[0], b[1], b[2])
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func hexRGB(t *testing.T, s string) [3]uint8 {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		t.Fatalf("bad colour %q", s)
	}
	return [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

// xterm256 is the RGB of a 256-colour index (16 and up), as xterm defines it.
func xterm256(t *testing.T, s string) [3]uint8 {
	n, err := strconv.Atoi(s)
	if err != nil || n < 16 || n > 255 {
		t.Fatalf("256-colour value %q is not in 16..255", s)
	}
	if n >= 232 {
		v := uint8(8 + 10*(n-232))
		return [3]uint8{v, v, v}
	}
	n -= 16
	level := func(i int) uint8 {
		if i == 0 {
			return 0
		}
		return uint8(55 + 40*i)
	}
	return [3]uint8{level(n / 36), level(n / 6 % 6), level(n % 6)}
}

// Every speaker colour, and the grey of details, reaches 4.5:1 against the
// backgrounds it is drawn on: black and a common dark grey for the dark
// palette, white and a common off-white for the light one.
func TestPaletteContrast(t *testing.T) {
	dark := [][3]uint8{{0, 0, 0}, {0x1e, 0x1e, 0x1e}}
	light := [][3]uint8{{255, 255, 255}, {0xf6, 0xf8, 0xfa}}
	tones := map[string]tone{"details": subtle}
	for i, tn := range palette {
		tones[fmt.Sprintf("speaker %d", i)] = tn
	}
	for name, tn := range tones {
		for _, bg := range dark {
			if c := contrast(hexRGB(t, tn.dark), bg); c < 4.5 {
				t.Errorf("%s: %s on %v is %.1f:1", name, tn.dark, bg, c)
			}
			if c := contrast(xterm256(t, tn.dark256), bg); c < 4.5 {
				t.Errorf("%s: 256-colour %s on %v is %.1f:1", name, tn.dark256, bg, c)
			}
		}
		for _, bg := range light {
			if c := contrast(hexRGB(t, tn.light), bg); c < 4.5 {
				t.Errorf("%s: %s on %v is %.1f:1", name, tn.light, bg, c)
			}
			if c := contrast(xterm256(t, tn.light256), bg); c < 4.5 {
				t.Errorf("%s: 256-colour %s on %v is %.1f:1", name, tn.light256, bg, c)
			}
		}
	}
}

// At every depth (16 colours most of all) speakers get ten distinct
// colours, none of which the interface uses for itself.
func TestSpeakerColoursAreDistinct(t *testing.T) {
	depths := map[string]func(tone) string{
		"dark16": func(t tone) string { return t.dark16 }, "light16": func(t tone) string { return t.light16 },
		"dark256": func(t tone) string { return t.dark256 }, "light256": func(t tone) string { return t.light256 },
		"dark": func(t tone) string { return t.dark }, "light": func(t tone) string { return t.light },
	}
	for dark, pick := range depths {
		ui := map[string]bool{}
		for _, tn := range []tone{subtle, border, accent, selection, errorTone} {
			ui[pick(tn)] = true
		}
		seen := map[string]int{}
		for i, tn := range palette {
			c := pick(tn)
			if j, ok := seen[c]; ok {
				t.Errorf("dark=%v: speakers %d and %d share colour %s", dark, j, i, c)
			}
			if ui[c] {
				t.Errorf("dark=%v: speaker %d has the interface's colour %s", dark, i, c)
			}
			seen[c] = i
		}
	}
}

// --style light is a light background: speakers and interface take the
// light palette, not only Glamour's text.
func TestStyleLightSwitchesEveryPalette(t *testing.T) {
	m := sized(120, 40, Options{Profile: colorprofile.TrueColor, Style: "light", Version: "test"})
	want := lookFor(false).colour(palette[0])
	if got := m.c.styles.speaker[0].GetForeground(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("--style light: speaker colour %v, want the light palette's %v", got, want)
	}
	if got, want := m.c.styles.Meta.GetForeground(), lookFor(false).colour(subtle); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("--style light: detail colour %v, want %v", got, want)
	}
}

func lookFor(dark bool) look { return look{dark: dark, profile: colorprofile.TrueColor} }

func TestSelectedDebateCellShowsWithoutColour(t *testing.T) {
	m := typeKeys(sized(120, 40, plainOptions()), "j", "enter", "d")
	lines := strings.Split(ansi.Strip(view(m)), "\n")
	marked := 0
	for _, l := range lines {
		if strings.Contains(l, "▌") {
			marked++
		}
	}
	if marked == 0 {
		t.Fatalf("the selected cell is invisible without colour")
	}
	m = typeKeys(m, "l")
	right := false
	for _, l := range strings.Split(ansi.Strip(view(m)), "\n") {
		if i := strings.Index(l, "│"); i >= 0 && strings.Contains(l[i:], "▌") {
			right = true
		}
	}
	if !right {
		t.Errorf("l did not move the visible selection to the right column")
	}
}

// A partial quotation keeps the words that frame it, so that "stop
// “stoking confrontation”" never reads as "“stoking confrontation”".
func TestPartialQuotesCarryTheirFramingWords(t *testing.T) {
	m := typeKeys(sized(120, 40, plainOptions()), "D")
	found := false
	for range len(m.debate.rows) {
		if strings.Contains(ansi.Strip(view(m)), "to stop “stoking") {
			found = true
			break
		}
		m = typeKeys(m, "j")
	}
	if !found {
		t.Errorf("the partial quotation “stoking political confrontation…” lacks its framing words")
	}
}

// No stranded words: a paragraph's last line never holds a single word
// when the line above could give it company.
func TestNoStrandedWords(t *testing.T) {
	for i, w := range []int{60, 76, 80, 96, 100, 61, 77, 99} {
		for _, a := range seedShared.Corpus.Articles {
			r := renderArticle(a, w, []string{"dark", "notty"}[i%2])
			for i := 1; i+1 < len(r.plain); i++ {
				line := strings.TrimSpace(r.plain[i])
				above := strings.TrimSpace(r.plain[i-1])
				if line == "" || above == "" || strings.TrimSpace(r.plain[i+1]) != "" || strings.HasPrefix(above, "---") {
					continue
				}
				if f := strings.Fields(line); len(f) == 1 && len(strings.Fields(above)) > 2 {
					t.Errorf("%s at width %d: %q stranded after %q", a.ID[:3], w, line, above)
				}
			}
		}
	}
}

// The legend explains every tag and colour the article shows, at 80x24.
func TestLegendExplainsEveryTag(t *testing.T) {
	m := sized(80, 24, plainOptions())
	for i, a := range seedShared.Corpus.Articles {
		m = run(m, openQuoteMsg{article: i, quote: -1})
		legend := ansi.Strip(strings.Join(m.reader.legendLines(), "\n"))
		for _, sp := range a.Speakers {
			if !strings.Contains(legend, m.reader.tags[sp.Name]+" "+sp.Name) {
				t.Errorf("%s: the legend does not explain %s's tag", a.ID[:3], sp.Name)
			}
		}
		for _, q := range a.Quotes {
			if q.Speaker == "" && !strings.Contains(legend, "? unattributed") {
				t.Errorf("%s: the legend does not explain ?", a.ID[:3])
				break
			}
		}
	}
}
