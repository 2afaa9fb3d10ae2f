package ui

import (
	"strings"
	"unicode/utf8"
)

// SGR sequences the painter writes.
const (
	sgrReset      = "\x1b[0m"
	sgrQuoteOff   = "\x1b[39;22;24m" // default colour, normal weight, no underline
	sgrReverse    = "\x1b[7m"
	sgrReverseOff = "\x1b[27m"
	sgrUnderline  = "\x1b[4m"
)

// painter draws one rendered line with quotations in their speakers'
// colours and search matches in reverse video. It works on the visible
// lines only, at draw time, so focusing a speaker or moving between
// matches costs nothing but the redraw.
type painter struct {
	quoteStyle func(q int) string // SGR for quotation q
}

// markRange is a search match on a line: a byte range of its plain text.
// The current match is drawn in reverse video, the others underlined.
type markRange struct {
	start, end int
	current    bool
}

// Match states while painting a line.
const (
	noMatch = iota
	otherMatch
	currentMatch
)

var matchOn = [...]string{noMatch: "", otherMatch: sgrUnderline, currentMatch: sgrReverse}
var matchOff = [...]string{noMatch: "", otherMatch: "\x1b[24m", currentMatch: sgrReverseOff}

// paint returns the line ready for the terminal. spans and matches are
// byte ranges in the line's plain text (the line without escapes).
// Glamour styles words one by one and resets after each, so the current
// style is written again after every escape sequence of the line.
func (pt painter) paint(line string, spans []quoteSpan, matches []markRange) string {
	if len(spans) == 0 && len(matches) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 64)
	quote, inMatch := -1, noMatch
	plainOff := 0
	apply := func() {
		if quote >= 0 {
			b.WriteString(pt.quoteStyle(quote))
		}
		b.WriteString(matchOn[inMatch])
	}
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			n := escapeLen(line[i:])
			b.WriteString(line[i : i+n])
			i += n
			apply()
			continue
		}
		if q := spanAt(plainOff, spans); q != quote {
			if quote >= 0 {
				b.WriteString(sgrQuoteOff)
			}
			quote = q
			if quote >= 0 {
				b.WriteString(pt.quoteStyle(quote))
			}
		}
		if m := matchAt(plainOff, matches); m != inMatch {
			b.WriteString(matchOff[inMatch])
			if quote >= 0 {
				b.WriteString(pt.quoteStyle(quote)) // an underline's end may have ended the quote's
			}
			inMatch = m
			b.WriteString(matchOn[inMatch])
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		b.WriteString(line[i : i+size])
		i += size
		plainOff += size
	}
	b.WriteString(sgrReset)
	return b.String()
}

func spanAt(off int, spans []quoteSpan) int {
	for _, s := range spans {
		if off >= s.start && off < s.end {
			return s.quote
		}
	}
	return -1
}

func matchAt(off int, ranges []markRange) int {
	for _, r := range ranges {
		if off >= r.start && off < r.end {
			if r.current {
				return currentMatch
			}
			return otherMatch
		}
	}
	return noMatch
}

// escapeLen is the length of the escape sequence at the start of s.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters, then a final byte from @ to ~
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']': // OSC, ended by BEL or ST
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}
