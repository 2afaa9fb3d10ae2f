package corpus

import (
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
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
	first         rune // the first letter of text
	maxSpan       int  // the most runes a tight fuzzy match may span
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

// Search returns the articles matching query, best first, and among equal
// scores in corpus order. within, when not nil, limits the search to those
// article positions (the previous hits of a query this one narrows).
func (c *Corpus) Search(query string, within []int) []Hit {
	terms := parseQuery(query)
	var cands []int // nil: every article
	n := len(c.Articles)
	if within != nil {
		cands = c.inOrder(within)
		n = len(cands)
	}
	if len(terms) == 0 {
		return hitsOf(cands, n)
	}
	workers := 1
	if n >= parallelFrom {
		workers = runtime.GOMAXPROCS(0)
	}
	parts := make([][]Hit, workers)
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = c.searchRange(terms, cands, lo, hi)
		}()
	}
	wg.Wait()
	hits := rank(parts)
	for _, p := range parts {
		putHitBuffer(p)
	}
	return hits
}

// hitBuffers hold the workers' hits between searches: ranking copies them
// into the result, and a first letter over 100k articles would otherwise
// leave 10 MB of garbage per keystroke for the collector, whose every
// cycle marks the whole corpus.
var hitBuffers sync.Pool

func getHitBuffer() []Hit {
	if b, ok := hitBuffers.Get().(*[]Hit); ok {
		return (*b)[:0]
	}
	return make([]Hit, 0, 1024)
}

func putHitBuffer(b []Hit) {
	if cap(b) == 0 {
		return
	}
	clear(b) // drop the lit offsets, which the results now own
	hitBuffers.Put(&b)
}

// inOrder returns the positions of within in corpus order, whatever its
// order (a previous ranking): marked in a bitset rather than sorted.
func (c *Corpus) inOrder(within []int) []int {
	marks := make([]uint64, (len(c.Articles)+63)/64)
	for _, i := range within {
		marks[i/64] |= 1 << (i % 64)
	}
	out := make([]int, 0, len(within))
	for w, bits := range marks {
		for bits != 0 {
			out = append(out, w*64+tz(bits))
			bits &= bits - 1
		}
	}
	return out
}

// rank joins the workers' hits, each part in corpus order and the parts in
// turn, and orders them by score, keeping corpus order among equal scores.
// Scores take few values (a fixed score for each field, plus the fuzzy
// score of a title), so the hits are counted into one bucket per score and
// placed straight into the result: linear in the hits, and one allocation,
// where a sort of 100k hits on every keystroke cost more than the search
// itself.
func rank(parts [][]Hit) []Hit {
	total := 0
	lo, hi := 0, 0
	for _, p := range parts {
		for _, h := range p {
			if total == 0 {
				lo, hi = h.Score, h.Score
			}
			lo, hi = min(lo, h.Score), max(hi, h.Score)
			total++
		}
	}
	out := make([]Hit, 0, total)
	if hi-lo > 4*total {
		// Spread too thin for buckets (never with real scores).
		for _, p := range parts {
			out = append(out, p...)
		}
		slices.SortStableFunc(out, func(a, b Hit) int { return b.Score - a.Score })
		return out
	}
	out = out[:total]
	count := make([]int, hi-lo+2)
	for _, p := range parts {
		for _, h := range p {
			count[hi-h.Score+1]++
		}
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	for _, p := range parts {
		for _, h := range p {
			k := hi - h.Score
			out[count[k]] = h
			count[k]++
		}
	}
	return out
}

// hitsOf lists the candidates unranked: idx, or the first n articles when
// idx is nil.
func hitsOf(idx []int, n int) []Hit {
	out := make([]Hit, n)
	for i := range out {
		out[i] = Hit{Index: i}
		if idx != nil {
			out[i].Index = idx[i]
		}
	}
	return out
}

// titleWindow is where in the (folded) title of hit a term matched
// tightly; the fuzzy matcher scores it once every candidate is known.
type titleWindow struct {
	hit    int
	lo, hi int
}

// searchRange matches terms against the candidates, in order. Each term is
// tried on the fields from the cheapest decisive test up; the fuzzy
// matcher then runs once per term over all the title windows that
// matched, for their scores and lit letters, instead of once per article.
//
// The candidates are cands[lo:hi], or the articles lo to hi when cands is
// nil (a fresh search, which need not list every position first).
func (c *Corpus) searchRange(terms []term, cands []int, lo, hi int) []Hit {
	out := getHitBuffer()
	windows := make([][]titleWindow, len(terms))
	pending := make([]titleWindow, len(terms)) // this article's, by term; hi 0 for none
next:
	for j := lo; j < hi; j++ {
		i := j
		if cands != nil {
			i = cands[j]
		}
		a := c.Articles[i]
		score := 0
		var title []int
		for k := range terms {
			t := &terms[k]
			s, lo, hi, exact := a.match(t)
			pending[k].hi = 0
			if t.negate {
				if s > 0 {
					continue next
				}
				continue
			}
			if s == 0 {
				continue next
			}
			score += s
			switch {
			case exact:
				title = mergeOffsets(title, a.titleOffsets(lo, hi))
			case hi > lo:
				pending[k] = titleWindow{len(out), lo, hi}
			}
		}
		for k, w := range pending {
			if w.hi > 0 {
				windows[k] = append(windows[k], w)
			}
		}
		out = append(out, Hit{Index: i, Score: score, Title: title})
	}
	for k, ws := range windows {
		if len(ws) > 0 {
			c.scoreTitles(&terms[k], ws, out)
		}
	}
	return out
}

// scoreTitles runs the fuzzy matcher over the title windows where term t
// matched, adding its score and the matched letters to each hit. A window
// is a few letters of a title, so many hits share one text (every title
// with "so" in a word for the query "so"): the matcher, whose result
// depends on the text alone, runs once per distinct window, and all the
// lit offsets share one allocation.
func (c *Corpus) scoreTitles(t *term, ws []titleWindow, hits []Hit) {
	window := func(w titleWindow) string {
		s, _ := c.Articles[hits[w.hit].Index].searchTitle()
		return s[w.lo:w.hi]
	}
	distinct := map[string]int{}
	var texts []string
	slot := make([]int, len(ws))
	for k, w := range ws {
		s := window(w)
		u, ok := distinct[s]
		if !ok {
			u = len(texts)
			distinct[s] = u
			texts = append(texts, s)
		}
		slot[k] = u
	}
	found := make([]*fuzzy.Match, len(texts))
	ms := fuzzy.FindNoSort(t.text, texts)
	for i := range ms {
		found[ms[i].Index] = &ms[i]
	}
	total := 0
	for k := range ws {
		if m := found[slot[k]]; m != nil {
			total += len(m.MatchedIndexes)
		}
	}
	offsets := make([]int, 0, total)
	for k, w := range ws {
		m := found[slot[k]]
		if m == nil || t.caseSensitive && !sameLetters(t.text, window(w), m.MatchedIndexes) {
			continue // the matcher lit other letters than the exact ones
		}
		h := &hits[w.hit]
		h.Score += m.Score
		_, at := c.Articles[h.Index].searchTitle()
		start := len(offsets)
		for _, off := range m.MatchedIndexes {
			off += w.lo
			if at != nil {
				off = int(at[off])
			}
			offsets = append(offsets, off)
		}
		h.Title = mergeOffsets(h.Title, offsets[start:len(offsets):len(offsets)])
	}
}

// sameLetters reports whether the letters at offsets in s are exactly
// those of text, case included.
func sameLetters(text, s string, offsets []int) bool {
	k := 0
	for _, r := range text {
		if k >= len(offsets) {
			return false
		}
		got, _ := utf8.DecodeRuneInString(s[offsets[k]:])
		if got != r {
			return false
		}
		k++
	}
	return true
}

// titleOffsets gives the offsets in Title of the folded title's bytes
// [lo, hi), one per letter.
func (a *Article) titleOffsets(lo, hi int) []int {
	_, at := a.searchTitle()
	var out []int
	for i := lo; i < hi; i++ {
		off := i
		if at != nil {
			off = int(at[i])
		}
		if len(out) == 0 || out[len(out)-1] != off {
			out = append(out, off)
		}
	}
	return out
}

// match scores one term against an article: 0 for no match. A fuzzy title
// match gives the window [lo, hi) of the folded title it lies in; an exact
// one gives the matched bytes, and exact is true.
func (a *Article) match(t *term) (score, lo, hi int, exact bool) {
	switch t.kind {
	case tSpeaker:
		for k := range a.Speakers {
			if _, _, ok := tightWindow(t, a.speakerName(k)); ok {
				return scoreSpeaker, 0, 0, false
			}
		}
		return 0, 0, 0, false
	case tExact:
		title, _ := a.searchTitle()
		if i := index(title, t); i >= 0 {
			return scoreTitle, i, i + len(t.text), true
		}
		switch {
		case contains(a.searchDek(), t):
			return scoreDek, 0, 0, false
		case a.speakerContains(t):
			return scoreSpeaker, 0, 0, false
		case a.bodyContains(t):
			return scoreBody, 0, 0, false
		}
		return 0, 0, 0, false
	}
	title, _ := a.searchTitle()
	if lo, hi, ok := tightWindow(t, title); ok {
		return scoreTitle, lo, hi, false
	}
	if _, _, ok := tightWindow(t, a.searchDek()); ok {
		return scoreDek, 0, 0, false
	}
	for k := range a.Speakers {
		if _, _, ok := tightWindow(t, a.speakerName(k)); ok {
			return scoreSpeaker, 0, 0, false
		}
	}
	if a.hasWordPrefix(t) {
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
			end := i
			for k := 0; k < t.maxSpan && end < len(s); k++ {
				if s[end] < utf8.RuneSelf {
					end++
				} else {
					_, size := utf8.DecodeRuneInString(s[end:])
					end += size
				}
			}
			if subsequence(t, s[i:end]) {
				return i, end, true
			}
		}
	}
	return 0, 0, false
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

func index(s string, t *term) int {
	if t.caseSensitive {
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

func (a *Article) speakerContains(t *term) bool {
	for k := range a.Speakers {
		if contains(a.speakerName(k), t) {
			return true
		}
	}
	return false
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

// hasWordPrefix reports whether a body word starts with the term.
func (a *Article) hasWordPrefix(t *term) bool {
	if !t.caseSensitive {
		switch a.prefixes.answer(t.text) {
		case prefixAbsent:
			return false
		case prefixPresent:
			return true
		}
		return strings.Contains(a.wordsStarting(t.text[0]), " "+t.text)
	}
	for _, p := range a.Paragraphs {
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
// narrowing the last one's hits when it can, as the list does; it calls
// timed with the length of each prefix less one and the time its search
// took. It is for benchmarks and load tests.
func TypeQuery(c *Corpus, q string, timed func(i int, d time.Duration)) {
	var (
		prev string
		hits []Hit
	)
	for i := range len(q) {
		next := q[:i+1]
		var within []int
		if Narrows(prev, next) {
			within = make([]int, len(hits))
			for k, h := range hits {
				within[k] = h.Index
			}
		}
		start := time.Now()
		hits = c.Search(next, within)
		timed(i, time.Since(start))
		prev = next
	}
}
