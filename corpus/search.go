package corpus

import (
	"runtime"
	"slices"
	"strings"
	"sync"
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
	text          string
	kind          termKind
	negate        bool
	caseSensitive bool
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
		t.text = f
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

// Search returns the articles matching query, best first. within, when not
// nil, limits the search to those article positions (the previous hits of
// a query this one narrows).
func (c *Corpus) Search(query string, within []int) []Hit {
	terms := parseQuery(query)
	if len(terms) == 0 {
		if within != nil {
			return hitsOf(within)
		}
		all := make([]int, len(c.Articles))
		for i := range all {
			all[i] = i
		}
		return hitsOf(all)
	}
	cands := within
	if cands == nil {
		cands = make([]int, len(c.Articles))
		for i := range cands {
			cands[i] = i
		}
	}
	var hits []Hit
	if len(cands) < parallelFrom {
		hits = c.searchRange(terms, cands)
	} else {
		workers := runtime.GOMAXPROCS(0)
		parts := make([][]Hit, workers)
		var wg sync.WaitGroup
		chunk := (len(cands) + workers - 1) / workers
		for w := range workers {
			lo, hi := w*chunk, min((w+1)*chunk, len(cands))
			if lo >= hi {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				parts[w] = c.searchRange(terms, cands[lo:hi])
			}()
		}
		wg.Wait()
		for _, p := range parts {
			hits = append(hits, p...)
		}
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return a.Index - b.Index
	})
	return hits
}

func hitsOf(idx []int) []Hit {
	out := make([]Hit, len(idx))
	for i, k := range idx {
		out[i] = Hit{Index: k}
	}
	return out
}

func (c *Corpus) searchRange(terms []term, cands []int) []Hit {
	var out []Hit
next:
	for _, i := range cands {
		a := c.Articles[i]
		hit := Hit{Index: i}
		for _, t := range terms {
			score, title := a.match(t)
			if t.negate {
				if score > 0 {
					continue next
				}
				continue
			}
			if score == 0 {
				continue next
			}
			hit.Score += score
			hit.Title = mergeOffsets(hit.Title, title)
		}
		out = append(out, hit)
	}
	return out
}

// match scores one term against an article: 0 for no match.
func (a *Article) match(t term) (int, []int) {
	switch t.kind {
	case tSpeaker:
		for _, s := range a.Speakers {
			if _, ok := tightFuzzy(t, s.Name); ok {
				return scoreSpeaker, nil
			}
		}
		return 0, nil
	case tExact:
		switch {
		case contains(a.Title, t):
			i := index(a.Title, t)
			return scoreTitle, spanOffsets(i, len(t.text))
		case contains(a.Dek, t):
			return scoreDek, nil
		case a.speakerContains(t):
			return scoreSpeaker, nil
		case a.bodyContains(t):
			return scoreBody, nil
		}
		return 0, nil
	}
	if m, ok := tightFuzzy(t, a.Title); ok {
		return scoreTitle + m.Score, m.MatchedIndexes
	}
	if _, ok := tightFuzzy(t, a.Dek); ok {
		return scoreDek, nil
	}
	for _, s := range a.Speakers {
		if _, ok := tightFuzzy(t, s.Name); ok {
			return scoreSpeaker, nil
		}
	}
	if a.hasWordPrefix(t) {
		return scoreBody, nil
	}
	return 0, nil
}

// tightFuzzy matches a term fuzzily, but only when the matched letters lie
// close together: their span is at most half as long again as the term,
// plus one, which allows a dropped letter or two (a typo) but not the
// letters of "jens" scattered over a long title.
//
// sahilm/fuzzy matches greedily from the left, so it is run on a window
// starting at each place the term's first letter occurs, word starts
// first, and the first tight match wins.
func tightFuzzy(t term, s string) (fuzzy.Match, bool) {
	if s == "" || !subsequence(t, s) {
		return fuzzy.Match{}, false
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	n := utf8.RuneCountInString(t.text)
	maxSpan := n + n/2 + 1
	for _, wordStart := range []bool{true, false} {
		for i, r := range s {
			if r != first && (t.caseSensitive || unicode.ToLower(r) != first) {
				continue
			}
			if atWordStart(s, i) != wordStart {
				continue
			}
			if m, ok := fuzzyIn(t, s, i, maxSpan); ok {
				return m, true
			}
		}
	}
	return fuzzy.Match{}, false
}

func atWordStart(s string, i int) bool {
	return i == 0 || !isWordRune(lastRune(s[:i]))
}

// fuzzyIn runs the fuzzy matcher on the maxSpan runes of s from byte i.
func fuzzyIn(t term, s string, i, maxSpan int) (fuzzy.Match, bool) {
	end := i
	for k := 0; k < maxSpan && end < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	ms := fuzzy.Find(t.text, []string{s[i:end]})
	if len(ms) == 0 {
		return fuzzy.Match{}, false
	}
	m := ms[0]
	for k := range m.MatchedIndexes {
		m.MatchedIndexes[k] += i
	}
	idx := m.MatchedIndexes
	if t.caseSensitive {
		k := 0
		for _, r := range t.text {
			got, _ := utf8.DecodeRuneInString(s[idx[k]:])
			if got != r {
				return fuzzy.Match{}, false
			}
			k++
		}
	}
	return m, true
}

// subsequence is the cheap test before the fuzzy matcher: do the term's
// letters occur in s in order at all?
func subsequence(t term, s string) bool {
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

func contains(s string, t term) bool { return index(s, t) >= 0 }

func index(s string, t term) int {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func spanOffsets(start, n int) []int {
	if start < 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = start + i
	}
	return out
}

func mergeOffsets(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func (a *Article) speakerContains(t term) bool {
	for _, s := range a.Speakers {
		if contains(s.Name, t) {
			return true
		}
	}
	return false
}

func (a *Article) bodyContains(t term) bool {
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
func (a *Article) hasWordPrefix(t term) bool {
	if !t.caseSensitive {
		switch a.prefixes.answer(t.text) {
		case prefixAbsent:
			return false
		case prefixPresent:
			return true
		}
		return strings.Contains(a.words, " "+t.text)
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
