package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation marks, by family. A straight mark is decided by what stands
// around it; a curly one says which way it faces, except ’, which is also
// the apostrophe. (Compared rune by rune: strings.ContainsRune encodes a
// multi-byte rune on every call, a measurable cost on text of many marks.)
func isDblOpen(r rune) bool  { return r == '“' || r == '„' || r == '«' }
func isDblClose(r rune) bool { return r == '”' || r == '»' }

// span is one quotation in a paragraph: marks at [open, start) and
// [end, close); the quoted words at [start, end).
type span struct {
	open, start, end, close int
	openEnded               bool // no closing mark before the paragraph ended
}

// scanQuotes finds the top-level quotations in one paragraph. Quotes nested
// inside another are part of it and not returned, so spans never overlap.
// An opening mark that is never closed yields a final openEnded span running
// to the end of the paragraph; the caller decides whether it is a real
// quotation (one that runs on into the next paragraph) or a stray mark. A
// stray mark never reaches past its own paragraph.
func scanQuotes(p string) []span {
	var out []span
	const (
		none = iota
		double
		single
	)
	state, openAt, startAt := none, 0, 0
	twoApos := false // the open quotation began with '' (NYT archive style)
	nested := 0      // quotations opened inside the open double one
	lastCloser := -2 // last offset where a single mark could close; -2: not yet known
	for i := 0; i < len(p); {
		// Every mark is '"', '\'' or a multi-byte rune; other ASCII bytes
		// are skipped without decoding.
		c := p[i]
		if c < utf8.RuneSelf && c != '"' && c != '\'' {
			i = skipPlain(p, i)
			continue
		}
		if c >= utf8.RuneSelf && opensNoMark(c) {
			i++ // passed a byte at a time, undecoded
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		if c >= utf8.RuneSelf && !isQuoteMark(r) {
			i += size // a letter, a dash, a stray byte: no mark to weigh
			continue
		}
		prev := runeBefore(p, i)
		next := runeAt(p, i+size)
		if r == '\'' && i+1 < len(p) && p[i+1] == '\'' && (state == none || state == double && twoApos) {
			// Two apostrophes stand for a double mark: ''like this,'' he said.
			run := aposRun(p, i)
			if state == none {
				if opensHere(prev, runeAt(p, i+2)) {
					state, openAt, startAt, twoApos, nested = double, i, i+2, true, 0
					i += 2
					continue
				}
			} else {
				// ''' closes a nested single quotation, then the double one.
				before := prev
				if run > 2 {
					before = '\''
				}
				if closesInside(before, runeAt(p, i+run)) {
					out = append(out, trimmed(span{open: openAt, start: startAt, end: i + run - 2, close: i + run}, p))
					state, twoApos = none, false
				}
			}
			i += run
			continue
		}
		switch state {
		case none:
			switch {
			case isDblOpen(r) && opensCurly(p, i+size, prev, next),
				r == '"' && opensHere(prev, next):
				state, openAt, startAt, nested = double, i, i+size, 0
			case (r == '‘' || r == '\'') && opensHere(prev, next) && isWordRune(next):
				if lastCloser == -2 {
					lastCloser = lastSingleCloser(p)
				}
				// With no closing mark ahead, a single mark opens only a
				// statement introduced by a colon or opening the paragraph
				// (UK style: said: 'We will …), which runs on.
				if lastCloser > i || unicode.IsUpper(next) && (i == 0 || strings.HasSuffix(strings.TrimRight(p[:i], " "), ":")) {
					state, openAt, startAt = single, i, i+size
				}
			}
		case double:
			if twoApos {
				break
			}
			// A curly quotation may hold another, and a straight one a
			// curly one: “… dictatorship “has to do with it” makes clear …”.
			if r == '“' && isWordRune(next) && (unicode.IsSpace(prev) || prev == '(') && p[openAt] != '"' ||
				r == '“' && p[openAt] == '"' && opensHere(prev, next) {
				nested++
				break
			}
			if isDblClose(r) || (r == '"' || r == '“') && closesInside(prev, next) {
				if nested > 0 && r != '"' {
					nested--
					break
				}
				out = append(out, trimmed(span{open: openAt, start: startAt, end: i, close: i + size}, p))
				state = none
			}
		case single:
			if (r == '’' || r == '\'') && closesSingle(prev, next) {
				out = append(out, trimmed(span{open: openAt, start: startAt, end: i, close: i + size}, p))
				state = none
			}
		}
		i += size
	}
	if state != none {
		out = append(out, trimmed(span{open: openAt, start: startAt, end: len(p), close: len(p), openEnded: true}, p))
	}
	return dropEmpty(out)
}

// opensNoMark reports whether a byte of 0x80 or more starts no quotation
// mark: the curly marks are E2 80 xx, the guillemets C2 AB and C2 BB. No
// mark starts inside a rune, so any such byte is passed undecoded.
func opensNoMark(c byte) bool { return c != 0xE2 && c != 0xC2 }

// isQuoteMark reports whether a multi-byte rune is one of the marks
// scanQuotes weighs; any other is passed over without looking around it.
func isQuoteMark(r rune) bool {
	return r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '‘' || r == '’'
}

// opensCurly: a curly opening mark opens a quotation when text follows it,
// even after a stray space (“ you have to …”), but not when it ends the
// paragraph.
func opensCurly(p string, after int, prev, next rune) bool {
	if !unicode.IsSpace(next) {
		return true
	}
	rest := strings.TrimLeft(p[after:], " ")
	return rest != "" && (unicode.IsSpace(prev) || after == len("“")) && isWordRune(runeAt(rest, 0))
}

// closesInside: a mark inside an open quotation closes it when it follows
// text, when it follows punctuation even with no space after it
// (…audiences,"Katie Packer said), or when it stands between spaces
// (… 'like it is,' " she said), where it cannot open anything.
func closesInside(prev, next rune) bool {
	if closesHere(prev, next) || prev == ',' || prev == '.' || prev == '!' || prev == '?' {
		return true
	}
	return unicode.IsSpace(prev) && (unicode.IsSpace(next) || unicode.IsPunct(next))
}

// runeBefore is the rune ending at p[i], a space at the start.
func runeBefore(p string, i int) rune {
	if i == 0 {
		return ' '
	}
	if c := p[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(p[:i])
	return r
}

// runeAt is the rune starting at p[i], a space at the end.
func runeAt(p string, i int) rune {
	if i >= len(p) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(p[i:])
	return r
}

// aposRun is how many straight apostrophes stand in a row from p[i].
func aposRun(p string, i int) int {
	n := 0
	for i+n < len(p) && p[i+n] == '\'' {
		n++
	}
	return n
}

// opensHere: a mark opens a quotation when it follows a space, the start, or
// opening punctuation, and is followed by text.
func opensHere(prev, next rune) bool {
	if unicode.IsSpace(next) {
		return false
	}
	switch prev {
	case '(', '[', '{', '—', '–', '-', '/', ':':
		return true
	}
	return unicode.IsSpace(prev)
}

// closesHere: a mark closes when it follows text and is followed by a
// space, the end, or punctuation.
func closesHere(prev, next rune) bool {
	if unicode.IsSpace(prev) {
		return false
	}
	return unicode.IsSpace(next) || unicode.IsPunct(next) || unicode.IsSymbol(next)
}

// closesSingle is closesHere for ’ and ', which are also apostrophes: inside
// a word (don’t, People’s) they never close.
func closesSingle(prev, next rune) bool {
	return !unicode.IsSpace(prev) && !isWordRune(next)
}

// lastSingleCloser is the offset of the last mark in p that could close a
// single quotation (’ or ' after text and before no letter), or -1. An
// opening single mark is taken only when such a mark follows it; finding
// the last one once, rather than scanning ahead from every opening mark,
// keeps a paragraph of many stray marks linear.
func lastSingleCloser(p string) int {
	for i := len(p); i > 0; {
		r, size := utf8.DecodeLastRuneInString(p[:i])
		i -= size
		if r != '’' && r != '\'' || i == 0 {
			continue
		}
		if closesSingle(runeBefore(p, i), runeAt(p, i+size)) {
			return i
		}
	}
	return -1
}

// trimmed moves start and end inwards past spaces, so `“ words ”` gives
// "words".
func trimmed(s span, p string) span {
	for s.start < s.end {
		r, size := utf8.DecodeRuneInString(p[s.start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.start += size
	}
	for s.end > s.start {
		r, size := utf8.DecodeLastRuneInString(p[:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.end -= size
	}
	return s
}

func dropEmpty(spans []span) []span {
	out := spans[:0]
	for _, s := range spans {
		if s.end > s.start {
			out = append(out, s)
		}
	}
	return out
}

// startsWithOpenMark reports whether a paragraph opens with a quotation mark,
// which is how news marks a quotation carried on from the paragraph before.
func startsWithOpenMark(p string) bool {
	r, _ := utf8.DecodeRuneInString(p)
	return isDblOpen(r) || r == '"' || r == '‘' || strings.HasPrefix(p, "''") ||
		r == '\'' && unicode.IsUpper(runeAt(p, 1))
}

// afterSpeechVerb reports whether one of the last few words before a mark
// is a speech verb ("… the minister said “…").
func afterSpeechVerb(before string) bool {
	ws := strings.Fields(before)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-4; i-- {
		if speechForms[strings.ToLower(strings.Trim(ws[i], ",;"))] {
			return true
		}
	}
	return false
}

// extractQuotes finds every quotation in the body, paragraph by paragraph.
// Paragraphs listed in skip (transcript turns) are left out.
//
// Quotes are gathered in buf (scratch the caller reuses) and returned in a
// slice of exactly their number: the article keeps it, and a slice grown
// by doubling would keep its spare room for as long.
func extractQuotes(paras []string, skip []bool, buf []Quote) ([]Quote, []Quote) {
	out := buf[:0]
	prevOpen := false // the previous paragraph ended inside a quotation
	for i, p := range paras {
		if skip != nil && skip[i] {
			prevOpen = false
			continue
		}
		from := 0
		if prevOpen {
			// A hard-wrapped quotation: this paragraph only closes it.
			if end, close, ok := leadingCloser(p); ok {
				s := trimmed(span{start: 0, end: end, close: close}, p)
				if s.end > s.start {
					out = append(out, Quote{
						Paragraph: i, Start: s.start, End: s.end, Text: p[s.start:s.end],
						Kind: Direct, close: close, continued: true,
					})
				}
				from = close
			}
		}
		spans := scanQuotes(p[from:])
		thisOpen := false
		for k, s := range spans {
			s.open, s.start, s.end, s.close = s.open+from, s.start+from, s.end+from, s.close+from
			if s.openEnded {
				// Whether the next paragraph carries the quotation on is
				// asked only here: reading it for every paragraph was a
				// second pass over most of the text.
				next := ""
				if i+1 < len(paras) && (skip == nil || !skip[i+1]) {
					next = paras[i+1]
				}
				_, _, nextCloses := leadingCloser(next)
				nextContinues := startsWithOpenMark(next) || nextCloses
				atStart := s.open == 0
				lastPara := i == len(paras)-1
				before := p[:s.open]
				afterColon := strings.HasSuffix(strings.TrimSpace(before), ":")
				introduced := afterColon || nextContinues && (afterSpeechVerb(before) || afterSentence(before))
				if !atStart && !lastPara && !introduced {
					continue // a stray mark: it must not swallow the paragraph
				}
				thisOpen = nextContinues
			}
			out = append(out, Quote{
				Paragraph: i, Start: s.start, End: s.end, Text: p[s.start:s.end],
				Kind: Direct, open: s.open, close: s.close,
				continued: k == 0 && s.open == 0 && prevOpen,
				openEnded: s.openEnded,
			})
		}
		prevOpen = thisOpen
	}
	return slices.Clone(out), out
}

// leadingCloser finds a closing mark that comes before any opening one in
// a paragraph: the paragraph finishes a quotation a hard line break cut
// (“… getting them to take part\nin caucuses and primaries.” Cruz …). It
// returns where the quoted words end and where the mark ends.
func leadingCloser(p string) (end, close int, ok bool) {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf && c != '"' && c != '\'' {
			i = skipPlain(p, i)
			continue
		}
		if c >= utf8.RuneSelf && opensNoMark(c) {
			i++ // passed a byte at a time, undecoded
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == '”' || r == '»':
			return i, i + size, i > 0
		case r == '"':
			return i, i + size, i > 0 && closesHere(runeBefore(p, i), runeAt(p, i+size))
		case r == '\'' && strings.HasPrefix(p[i:], "''"):
			return i, i + 2, i > 0 && closesHere(runeBefore(p, i), runeAt(p, i+2))
		case r == '“' || r == '«' || r == '„' || r == '‘':
			return 0, 0, false
		}
		i += size
	}
	return 0, 0, false
}

// afterSentence reports whether a mark opens a new sentence: it follows a
// full stop, a question or exclamation mark, or a quotation that ended
// with one ("…," he said. “They …).
func afterSentence(before string) bool {
	b := strings.TrimRight(before, " ")
	b = trimRightSet(b, "”\"'’")
	return strings.HasSuffix(b, ".") || strings.HasSuffix(b, "?") || strings.HasSuffix(b, "!")
}
