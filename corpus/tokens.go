package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tQuote // a whole quotation, marks included, standing as one token
)

// token is a word, a punctuation mark, or a masked quotation.
//
// The fields are ordered widest first, so that the small ones share a word:
// 80 bytes instead of 96, for a slab of one token per word of the article.
type token struct {
	text       string // as written
	lower      string // lower case, possessive removed; "" for a capitalised word in no table
	base       string // as written, possessive removed ("China’s" → "China")
	start, end int    // byte offsets in the paragraph
	quote      int    // index into the article's quotes, for tQuote
	class      wordClass
	kind       tokKind
	cap        bool // starts with an upper-case letter
	poss       bool // ended in 's or ’s
}

// abbreviations keep their full stop, which then does not end a sentence.
var abbreviations = words(`mr mrs ms dr prof gen lt col maj capt adm sgt st jr sr rev sen rep gov
jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc ltd corp co`)

// tokenize splits a paragraph into tokens. quotes gives the quotations in
// this paragraph as (index, span) pairs, sorted; each becomes one tQuote
// token so that the words around it can be read as a sentence.
//
// Tokens are appended to buf, which the caller may reuse between articles:
// tokens never outlive the analysis.
func tokenize(buf []token, p string, quotes []quoteRef) []token {
	out := buf
	qi := 0
	// next is where the next quotation opens, len(p) when none is left:
	// one comparison per step instead of a look into quotes.
	next := len(p)
	if len(quotes) > 0 {
		next = quotes[0].open
	}
	for i := 0; i < len(p); {
		if i >= next {
			q := quotes[qi]
			out = append(out, token{kind: tQuote, text: p[q.open:q.close], start: q.open, end: q.close, quote: q.index})
			i = max(q.close, i+1)
			if qi++; qi < len(quotes) {
				next = quotes[qi].open
			} else {
				next = len(p)
			}
			continue
		}
		c := p[i]
		if asciiAlnum[c] {
			// A word of at most shortWordLen bytes is read from one or
			// two eight-byte loads: most words are such words ending at a
			// space or a mark that cannot go on a word. Any other word
			// takes the general path below, which gives the same token
			// for these.
			n, key, upper := 0, shortKey{}, false
			if i+8 <= len(p) {
				m, lowered, up := shortRun(load8(p[i : i+8]))
				if m < 8 {
					n, key, upper = m, shortKey{lo: lowered & (1<<(8*m) - 1)}, up != 0
				} else {
					n, key, upper = readLonger(p, i, lowered, up != 0)
				}
			}
			if n > 0 && i+n <= next && (!wordGoesOn[p[i+n]] || p[i+n] == '.' && fullStopEnds(p, i, n, key)) {
				// The token setWord makes, made here: a call per word
				// was a tenth of the tokeniser.
				end := i + n
				w := p[i:end]
				out = append(out, token{})
				t := &out[len(out)-1]
				t.kind, t.text, t.base, t.start, t.end = tWord, w, w, i, end
				t.cap = c <= 'Z' && c >= 'A'
				if e := findShort(key); e != nil {
					t.class, t.lower = e.class, w
					if upper {
						t.lower = e.word
					}
				} else if !upper {
					t.lower = w
				}
				i = end
				// Most words end at a single space, which needs no turn
				// of the loop (unless a quotation opens there).
				if end < next && p[end] == ' ' {
					i++
				}
				continue
			}
			// Longer words, and words near the end of the paragraph, are
			// scanned, lowered and hashed in one pass.
			end, h, upper := scanPlainWord(p, i)
			if end-i <= maxClassifyLen && end <= next && (end == len(p) || !wordGoesOn[p[end]]) {
				out = append(out, token{})
				setPlainWord(&out[len(out)-1], p[i:end], i, end, h, upper)
				i = end
				// Most words end at a single space, which needs no turn
				// of the loop (unless a quotation opens there).
				if end < next && p[end] == ' ' {
					i++
				}
				continue
			}
			i = appendWord(&out, p, i, next)
			continue
		}
		if c == ' ' || '\t' <= c && c <= '\r' {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(p[i:])
			switch {
			case isMarkRune(r):
				// A mark: the punctuation token below.
			case unicode.IsSpace(r):
				i += size
				continue
			case isWordRune(r):
				i = appendWord(&out, p, i, next)
				continue
			}
		}
		out = append(out, token{kind: tPunct, text: p[i : i+size], lower: p[i : i+size], start: i, end: i + size})
		i += size
	}
	return out
}

// isMarkRune reports whether a multi-byte rune is one of the common marks
// of news, which are no space, letter or digit: dashes, curly quotation
// marks, the ellipsis (U+2010 to U+2027, U+2030 to U+205E), and U+FFFD,
// which the sanitiser puts for invalid bytes. It spares asking the
// Unicode tables twice for each.
func isMarkRune(r rune) bool {
	return 0x2010 <= r && r <= 0x2027 || 0x2030 <= r && r <= 0x205E || r == utf8.RuneError
}

// appendWord appends the word at p[i] by the general path, cut where a
// quotation opens at next, and returns where it ends.
func appendWord(out *[]token, p string, i, next int) int {
	end := min(wordEnd(p, i), next)
	// Made in place: copying a whole token into a reused slab while the
	// collector runs costs a bulk write barrier.
	*out = append(*out, token{})
	setWord(&(*out)[len(*out)-1], p[i:end], i, end)
	return end
}

type quoteRef struct {
	index, open, close int
}

// wordEnd finds the end of the word starting at i. Hyphens, apostrophes,
// ampersands and dots stay inside a word when a letter follows ("U.S",
// "People’s", "Secretary-General"); an abbreviation keeps its final dot.
func wordEnd(p string, i int) int {
	j := i
	for j < len(p) {
		if asciiAlnum[p[j]] {
			j++
			continue
		}
		if c := p[j]; c < utf8.RuneSelf && c != '-' && c != '\'' && c != '.' && c != '&' {
			break // a space or a mark: no ASCII byte left can go on a word
		}
		r, size := utf8.DecodeRuneInString(p[j:])
		if isWordRune(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if (r == '-' || r == '\'' || r == '’' || r == '.' || r == '&') && j+size < len(p) {
			next, _ := utf8.DecodeRuneInString(p[j+size:])
			if r == '.' && j-i > 1 && 'a' <= p[j-1] && p[j-1] <= 'z' && unicode.IsUpper(next) {
				break // a missing space: "he said.Then"
			}
			if isWordRune(next) {
				j += size
				continue
			}
		}
		break
	}
	if j < len(p) && p[j] == '.' && (isAbbreviation(p[i:j]) || isInitials(p[i:j])) {
		j++
	}
	return j
}

// abbreviationLen is the length of the longest abbreviation: a longer word
// is none, and a shorter one is lowered on the stack.
var abbreviationLen = func() int {
	n := 0
	for w := range abbreviations {
		n = max(n, len(w))
	}
	return n
}()

// isAbbreviation reports whether w, in any case, is in abbreviations. The
// table is lower-case ASCII, which only ASCII words lower to (the Kelvin
// sign, lowering to k, meets no entry).
func isAbbreviation(w string) bool {
	if len(w) > abbreviationLen {
		return false
	}
	var buf [8]byte
	if len(w) > len(buf) {
		return abbreviations[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbreviations[string(buf[:len(w)])]
}

// asciiAlnum marks the bytes of ASCII letters and digits, one load per
// byte in the tokeniser's inner loop.
var asciiAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordGoesOn marks the bytes after a run of ASCII letters and digits at
// which wordEnd may carry the word on: a multi-byte rune, and the
// hyphen, apostrophe, full stop and ampersand.
var wordGoesOn = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || c == '-' || c == '\'' || c == '.' || c == '&'
	}
	return t
}()

// scanPlainWord returns the end of the run of ASCII letters and digits at
// i, the FNV-1a hash of the run in lower case (as hash gives it) and
// whether the run had a capital.
func scanPlainWord(p string, i int) (end int, h uint64, upper bool) {
	h = 14695981039346656037
	var diff byte // the bits lowering changed: non-zero after a capital
	for ; i < len(p); i++ {
		c := p[i]
		l := lowerAlnum[c]
		if l == 0 {
			break
		}
		diff |= c ^ l
		h ^= uint64(l)
		h *= 1099511628211
	}
	return i, h, diff != 0
}

// lowerAlnum is an ASCII letter or digit in lower case, 0 for any other
// byte: one load per byte both tests and lowers.
var lowerAlnum = func() (t [256]byte) {
	for c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case asciiAlnum[c]:
			t[c] = byte(c)
		}
	}
	return t
}()

// setPlainWord makes *t, a zero token, the word w of ASCII letters and
// digits whose lower-case hash is h: the token setWord makes, without
// looking at the word again (such a word has no possessive ending).
func setPlainWord(t *token, w string, start, end int, h uint64, upper bool) {
	t.kind, t.text, t.base, t.start, t.end = tWord, w, w, start, end
	t.cap = 'A' <= w[0] && w[0] <= 'Z'
	e, ok := findFolded(&lexTable, h, w, upper)
	switch {
	case !upper:
		t.class, t.lower = e.class, w
	case ok:
		t.class, t.lower = e.class, e.word
	default:
		t.class = e.class
	}
}

// isInitials matches "U.S" and "J" (to become "U.S." and "J.").
func isInitials(w string) bool {
	for k, r := range w {
		if k%2 == 0 && !unicode.IsUpper(r) || k%2 == 1 && r != '.' {
			return false
		}
	}
	return len(w) > 0
}

// setWord makes *t, a zero token, the word w.
func setWord(t *token, w string, start, end int) {
	t.kind, t.text, t.base, t.start, t.end = tWord, w, w, start, end
	if n, last := len(w), w[len(w)-1]; last == 's' {
		// Only "’s" and "'s" of the suffixes below end in s.
		switch {
		case strings.HasSuffix(w, "’s") && n > len("’s"):
			t.base, t.poss = w[:n-len("’s")], true
		case n > len("'s") && w[n-2] == '\'':
			t.base, t.poss = w[:n-len("'s")], true
		}
	} else if last == '\'' || last == 0x99 { // 0x99 ends ’
		// "the Joneses’": a plural's possessive.
		for _, suffix := range []string{"’", "'"} {
			if strings.HasSuffix(w, suffix) && n > len(suffix) && strings.HasSuffix(w[:n-len(suffix)], "s") {
				t.base, t.poss = w[:n-len(suffix)], true
				break
			}
		}
	}
	t.class, t.lower = classify(t.base)
	if c := w[0]; c < utf8.RuneSelf {
		t.cap = 'A' <= c && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(r)
	}
}

// endsSentence reports whether a token closes a sentence.
func endsSentence(t *token) bool {
	return t.kind == tPunct && len(t.text) == 1 && (t.text[0] == '.' || t.text[0] == '!' || t.text[0] == '?' || t.text[0] == ';')
}

// quoteEndsSentence reports whether a masked quotation ends with its own
// full stop, so that the words after it start a new sentence.
func quoteEndsSentence(q string) bool {
	q = trimClosers(q)
	return strings.HasSuffix(q, ".") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?") || strings.HasSuffix(q, "…")
}

func joinTokens(ts []token, p string) string {
	if len(ts) == 0 {
		return ""
	}
	return p[ts[0].start:ts[len(ts)-1].end]
}

// cueBudget bounds the bytes of cue a sentence hands out over all its
// quotations, and minCue is the least each one keeps. Every quotation
// carries its sentence's cue words, which the role rules read again for
// each: a sentence of k quotations and n cue bytes would cost k·n, so a
// line of "Lee said “x.”" repeated cost 500 times its size. Real
// sentences stay far below the budget (the longest cue in 10k measured
// statements is 460 bytes, and no sentence has more than a handful of
// quotations), so it changes no real article.
const (
	cueBudget = 8 << 10
	minCue    = 128
)

// sentenceCue is cueText of a sentence holding quotes quotations, cut at a
// space (or, inside one long word, between runes) to its share of
// cueBudget.
func sentenceCue(s []token, p string, quotes int) string {
	cue := cueText(s, p)
	limit := max(minCue, cueBudget/max(quotes, 1))
	if len(cue) <= limit {
		return cue
	}
	if i := strings.LastIndexByte(cue[:limit+1], ' '); i > 0 {
		return cue[:i]
	}
	for limit > 0 && !utf8.RuneStart(cue[limit]) {
		limit-- // one word longer than the share: cut between runes
	}
	return cue[:limit]
}
