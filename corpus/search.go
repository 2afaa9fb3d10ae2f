package corpus

import (
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Search follows fzf: space-separated terms must all match. A term matches
// fuzzily on the title, subtitle or a speaker's name, or as the start of a
// word in the body (fuzzy letters scattered over a long body mean nothing).
// 'term matches exactly, !term excludes, @name keeps articles quoting a
// speaker of that name. Smart case: a term with a capital letter is
// matched case-sensitively.

// Hit is one article that matches a query.
type Hit struct {
	Index int   // position in Corpus.Articles
	Score int   // higher ranks first
	Title []int // byte offsets of the matched characters in the title
}

type termKind uint8

const (
	tPlain   termKind = iota
	tExact            // 'term
	tSpeaker          // @name
)

type term struct {
	text          string // without accents; lower case unless caseSensitive
	kind          termKind
	negate        bool
	caseSensitive bool
	first         rune   // the first letter of text
	maxSpan       int    // the most runes a tight fuzzy match may span
	mask          uint64 // its ASCII letters and digits, see letterMask
	lower         bool   // ASCII and case-insensitive: matched on lower-case fields
	bytewise      bool   // ASCII: its windows are found byte for byte (see tightWindowBytes)
	wordStart     string // " " and text: text at the start of a word of the body's search text
	// body, when set, marks the articles with a body word starting with
	// text, found in the corpus's prefix index (see bodyTerms) before the
	// search; otherwise each candidate's words are scanned.
	body []uint64
}

// Scores: a title match ranks above a subtitle or speaker match, which
// ranks above a word in the body.
const (
	scoreTitle   = 1000
	scoreDek     = 600
	scoreSpeaker = 500
	scoreBody    = 100
)

// parallelFrom is the number of candidates from which a search is split
// over all cores.
const parallelFrom = 2000

// ParseQuery splits a query into terms. An operator alone ("!", "'", "@")
// is not a term yet.
func parseQuery(q string) []term {
	var out []term
	for _, f := range strings.Fields(q) {
		t := term{}
		if strings.HasPrefix(f, "!") {
			t.negate, t.kind, f = true, tExact, f[1:]
		}
		switch {
		case strings.HasPrefix(f, "'"):
			t.kind, f = tExact, f[1:]
		case strings.HasPrefix(f, "@"):
			t.kind, f = tSpeaker, f[1:]
		}
		if f == "" {
			continue
		}
		t.caseSensitive = hasUpper(f)
		if !t.caseSensitive {
			f = strings.ToLower(f)
		}
		if f, _ = fold(f); f == "" {
			continue // accents alone
		}
		t.text = f
		t.wordStart = " " + f
		t.mask = letterMask(f)
		t.lower = !t.caseSensitive && isASCII(f)
		t.bytewise = isASCII(f)
		t.first, _ = utf8.DecodeRuneInString(f)
		n := utf8.RuneCountInString(f)
		t.maxSpan = n + n/2 + 1
		out = append(out, t)
	}
	return out
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// Narrows reports whether every article matching next also matches prev,
// so that a search for next need only look at prev's hits: next extends
// prev, and the term being extended is not an exclusion (a longer !term
// excludes less).
func Narrows(prev, next string) bool {
	if prev == "" || !strings.HasPrefix(next, prev) {
		return false
	}
	terms := strings.Fields(prev)
	if len(terms) == 0 {
		return false
	}
	extendsLast := !strings.HasSuffix(prev, " ") && !strings.HasPrefix(next[len(prev):], " ")
	return !(extendsLast && strings.HasPrefix(terms[len(terms)-1], "!"))
}

// match scores one term against article i: 0 for no match. A fuzzy title
// match gives the window [lo, hi) of the folded title it lies in; an exact
// one gives the matched bytes, and exact is true. It reads the flat fields
// (see searchFields), and the article itself only for its body.
func (c *Corpus) match(i int, t *term) (score, lo, hi int, exact bool) {
	f := &c.fields
	field := func(k int) string { return f.field(i, k, t.lower) }
	tight := func(s string) bool { _, _, ok := tightWindow(t, s); return ok }
	switch t.kind {
	case tSpeaker:
		if !f.lacks(i, fieldSpeakers, t) && f.anySpeaker(i, t.lower, tight) {
			return scoreSpeaker, 0, 0, false
		}
		return 0, 0, 0, false
	case tExact:
		if !f.lacks(i, fieldTitle, t) {
			if k := index(field(fieldTitle), t); k >= 0 {
				return scoreTitle, k, k + len(t.text), true
			}
		}
		switch {
		case !f.lacks(i, fieldDek, t) && contains(field(fieldDek), t):
			return scoreDek, 0, 0, false
		case !f.lacks(i, fieldSpeakers, t) && f.anySpeaker(i, t.lower, func(s string) bool { return contains(s, t) }):
			return scoreSpeaker, 0, 0, false
		case c.Articles[i].bodyContains(t):
			return scoreBody, 0, 0, false
		}
		return 0, 0, 0, false
	}
	if !f.lacks(i, fieldTitle, t) {
		if lo, hi, ok := tightWindow(t, field(fieldTitle)); ok {
			return scoreTitle, lo, hi, false
		}
	}
	switch {
	case !f.lacks(i, fieldDek, t) && tight(field(fieldDek)):
		return scoreDek, 0, 0, false
	case !f.lacks(i, fieldSpeakers, t) && f.anySpeaker(i, t.lower, tight):
		return scoreSpeaker, 0, 0, false
	case c.hasWordPrefix(i, t):
		return scoreBody, 0, 0, false
	}
	return 0, 0, 0, false
}

// tightWindow finds where a term matches s fuzzily but tightly: its
// letters in order within a span at most half as long again as the term,
// plus one, which allows a dropped letter or two (a typo) but not the
// letters of "jens" scattered over a long title. Windows start at each
// place the term's first letter occurs, word starts first, and the first
// that holds the term wins; [lo, hi) is that window. It allocates nothing:
// the fuzzy matcher, which takes its letters greedily from the left just
// as this test does, is run later on the winning window alone.
func tightWindow(t *term, s string) (lo, hi int, ok bool) {
	if t.bytewise {
		return tightWindowBytes(t, s)
	}
	if s == "" || !subsequence(t, s) {
		return 0, 0, false
	}
	asciiFirst := t.first < utf8.RuneSelf && !t.caseSensitive
	for _, wordStart := range [2]bool{true, false} {
		for i := 0; i < len(s); i++ {
			if asciiFirst {
				// Bytes, not runes: no byte of a multi-byte rune equals
				// an ASCII letter.
				if lowerByte(s[i]) != byte(t.first) {
					continue
				}
			} else {
				if !utf8.RuneStart(s[i]) {
					continue
				}
				r, _ := utf8.DecodeRuneInString(s[i:])
				if r != t.first && (t.caseSensitive || unicode.ToLower(r) != t.first) {
					continue
				}
			}
			if atWordStart(s, i) != wordStart {
				continue
			}
			end := spanEnd(s, i, t.maxSpan)
			if subsequence(t, s[i:end]) {
				return i, end, true
			}
		}
	}
	return 0, 0, false
}

// tightWindowBytes is tightWindow for an ASCII term, in a lower-cased
// text when the term is lower-case (see term.lower), else in the text as
// written, a capital matching only itself: a multi-byte rune never equals
// an ASCII byte, so comparing bytes is comparing runes. Each byte is found
// with a vectorised search, and the windows are tried in one pass, the
// first at a word start winning, else the first of all.
func tightWindowBytes(t *term, s string) (lo, hi int, ok bool) {
	if !subsequenceBytes(t.text, s) {
		return 0, 0, false
	}
	first := t.text[0]
	lo = -1
	for i := strings.IndexByte(s, first); i >= 0; {
		end := spanEnd(s, i, t.maxSpan)
		if subsequenceBytes(t.text[1:], s[i+1:end]) {
			if atWordStart(s, i) {
				return i, end, true
			}
			if lo < 0 {
				lo, hi = i, end
			}
		}
		j := strings.IndexByte(s[i+1:], first)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if lo < 0 {
		return 0, 0, false
	}
	return lo, hi, true
}

// subsequenceBytes reports whether the bytes of text occur in s in order.
func subsequenceBytes(text, s string) bool {
	for k := 0; k < len(text); k++ {
		j := strings.IndexByte(s, text[k])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// spanEnd is the offset n runes after i in s, or its end.
func spanEnd(s string, i, n int) int {
	end := i
	for k := 0; k < n && end < len(s); k++ {
		if s[end] < utf8.RuneSelf {
			end++
		} else {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
	}
	return end
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func atWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9')
	}
	return !isWordRune(lastRune(s[:i]))
}

// subsequence is the cheap test before the fuzzy matcher: do the term's
// letters occur in s in order at all?
func subsequence(t *term, s string) bool {
	if !t.caseSensitive && isASCII(t.text) {
		// Bytes, not runes: a multi-byte rune in s never equals an ASCII
		// letter, so skipping its bytes one by one is still exact.
		i := 0
		for k := 0; k < len(t.text); k++ {
			want := t.text[k]
			for {
				if i >= len(s) {
					return false
				}
				c := s[i]
				i++
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if c == want {
					break
				}
			}
		}
		return true
	}
	i := 0
	for _, r := range t.text {
		for {
			if i >= len(s) {
				return false
			}
			c, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if c == r || !t.caseSensitive && unicode.ToLower(c) == r {
				break
			}
		}
	}
	return true
}

func contains(s string, t *term) bool { return index(s, t) >= 0 }

// index finds t in s, a field in lower case if t.lower.
func index(s string, t *term) int {
	if t.caseSensitive || t.lower {
		return strings.Index(s, t.text)
	}
	return indexFold(s, t.text)
}

// indexFold finds a lower-case needle in s, ignoring case.
func indexFold(s, lower string) int {
	if isASCII(s) {
		for i := 0; i+len(lower) <= len(s); i++ {
			if strings.EqualFold(s[i:i+len(lower)], lower) {
				return i
			}
		}
		return -1
	}
	return strings.Index(strings.ToLower(s), lower) // offsets may shift for a few scripts; used for ranking only
}

func mergeOffsets(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func (a *Article) bodyContains(t *term) bool {
	if !t.caseSensitive {
		return strings.Contains(a.words, t.text) // every word, lower-case
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p, t.text) {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether a body word of article i starts with the
// term. The corpus's prefix index, looked up once per search, answers
// longer terms (t.body); the article's two-letter bitset answers most
// others without the article.
func (c *Corpus) hasWordPrefix(i int, t *term) bool {
	if t.body != nil {
		return t.body[i/64]&(1<<(i%64)) != 0
	}
	if !t.caseSensitive {
		switch c.fields.prefixes[i].answer(t.text) {
		case prefixAbsent:
			return false
		case prefixPresent:
			return true
		}
		return strings.Contains(c.fields.wordsStarting(c.Articles, i, t.text[0]), t.wordStart)
	}
	for _, p := range c.Articles[i].Paragraphs {
		for i := strings.Index(p, t.text); i >= 0; {
			if i == 0 || !isWordRune(lastRune(p[:i])) {
				return true
			}
			j := strings.Index(p[i+1:], t.text)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func tz(x uint64) int { return bits.TrailingZeros64(x) }

// TypeQuery searches q as a user types it, one byte at a time, each search
// narrowing the last one's hits when it can, as the list does, and ranking
// the first screenful; it calls timed with the length of each prefix less
// one and the time its search took. It is for benchmarks and load tests.
func TypeQuery(c *Corpus, q string, timed func(i int, d time.Duration)) {
	var (
		prev string
		res  *Result
	)
	for i := range len(q) {
		next := q[:i+1]
		within := res
		if !Narrows(prev, next) {
			within = nil
		}
		start := time.Now()
		res = c.Find(next, within)
		res.Window(0, screenful)
		timed(i, time.Since(start))
		prev = next
	}
}
