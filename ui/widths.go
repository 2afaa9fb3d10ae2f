package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The frame is laid out with Lip Gloss's width (one grapheme cluster, as
// a terminal that understands emoji sequences draws it), but Bubble Tea's
// renderer counts cells per code point (wcwidth) unless the terminal says
// it supports grapheme clusters (mode 2027), and so do tmux and most
// terminals. Where the two disagree (emoji with a skin-tone modifier, ZWJ
// sequences, a variation selector, a keycap, a lone regional indicator)
// the line came out wider or narrower than laid out, and the pane's right
// border moved. Such a cluster is drawn as its first character, padded
// to the width it was laid out for: every measure then agrees.

// evenWidths returns the frame with every cluster whose widths disagree
// replaced; a frame without any (nearly all) is returned as it is.
func evenWidths(frame string) string {
	if !mayDisagree(frame) {
		return frame
	}
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		if mayDisagree(l) {
			lines[i] = evenLine(l)
		}
	}
	return strings.Join(lines, "\n")
}

// mayDisagree spots text holding a character outside the Basic
// Multilingual Plane (emoji, regional indicators, modifiers) or a joiner,
// variation selector or combining keycap, with a scan of its bytes.
func mayDisagree(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 0xf0:
			return true
		case (b == 0xe2 || b == 0xef) && i+2 < len(s):
			switch s[i : i+3] {
			case "\u200d", "\ufe0f", "\u20e3", "\ufe0e":
				return true
			}
		}
	}
	return false
}

// evenLine replaces the clusters of one line whose widths disagree,
// leaving escape sequences as they are.
func evenLine(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n := escapeLen(line[i:])
			b.WriteString(line[i : i+n])
			i += n
			continue
		}
		cluster, width := ansi.FirstGraphemeCluster(line[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			cluster = line[i : i+1]
		}
		i += len(cluster)
		switch {
		case len(cluster) == 1 || !emojiLike(cluster) || ansi.StringWidthWc(cluster) == width:
			b.WriteString(cluster)
		case width > 0: // a cluster laid out as no cells (a stray joiner) is left out
			b.WriteString(evenCluster(cluster, width))
		}
	}
	return b.String()
}

// emojiLike: the cluster starts with a symbol or a character outside the
// Basic Multilingual Plane, or is a keycap. Letters of other scripts (a
// Devanagari conjunct joined by ZWJ) are left as they are, even where the
// two measures differ.
func emojiLike(cluster string) bool {
	r, _ := utf8.DecodeRuneInString(cluster)
	return r >= 0x10000 || unicode.In(r, unicode.So, unicode.Sk) || strings.Contains(cluster, "\u20e3")
}

// evenCluster is the cluster's first character padded to width cells,
// or a replacement character when that character alone is wider still.
func evenCluster(cluster string, width int) string {
	r, _ := utf8.DecodeRuneInString(cluster)
	first := string(r)
	w := ansi.StringWidth(first)
	if w != ansi.StringWidthWc(first) || w > width || w == 0 {
		first, w = "\ufffd", 1
	}
	return first + strings.Repeat(" ", max(width-w, 0))
}
