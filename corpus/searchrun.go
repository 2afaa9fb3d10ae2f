package corpus

import (
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Find returns the articles matching query. within, when not nil, is the
// result of a query this one narrows (see Narrows): only its hits are
// searched again. The result counts every hit but ranks them only as far
// as they are read (see Result).
func (c *Corpus) Find(query string, within *Result) *Result {
	var cands []int32 // nil: every article
	n := len(c.Articles)
	if within != nil {
		cands = within.indexes()
		n = len(cands)
	}
	terms := parseQuery(query)
	if len(terms) == 0 {
		return &Result{c: c, n: n, unranked: true, cands: cands}
	}
	// Only terms read the search fields: the list that opens on an empty
	// query shows at once, while PrepareSearch runs in the background.
	c.PrepareSearch()
	c.lookUpPrefixes(terms, n)
	workers := 1
	if n >= parallelFrom {
		workers = runtime.GOMAXPROCS(0)
	}
	r := &Result{c: c, terms: terms, parts: make([]searchPart, workers)}
	inRuns(n, workers, func(w, lo, hi int) { r.parts[w] = c.searchRange(terms, cands, lo, hi) })
	for _, p := range r.parts {
		r.n += len(p.hits)
	}
	r.rankTo(screenful)
	return r
}

// lookUpPrefixes finds in the prefix indexes the articles whose body
// answers each plain term, when that is cheaper than scanning the
// candidates, n of them: a lower-case term of three letters or more (the
// two-letter bitsets answer shorter ones) in the search texts' words, and
// a term with capitals in the capitalised words of the paragraphs, once
// that index is built. A lower-case term with a space in it, should
// folding ever make one, is left to the scan, which reads it across two
// words as it always did, where the index holds single words.
func (c *Corpus) lookUpPrefixes(terms []term, n int) {
	for k := range terms {
		t := &terms[k]
		switch {
		case t.kind != tPlain:
		case t.caseSensitive:
			if c.fields.cased == nil || !casedTermFits(t.text) {
				continue
			}
			if g := c.fields.cased.group(c.Articles); g != nil {
				t.body = g.withPrefix(t.text, len(c.Articles), n)
			}
		case c.fields.terms != nil && len(t.text) >= 3 && strings.IndexByte(t.text, ' ') < 0:
			t.body = c.fields.terms.withPrefix(t.text, len(c.Articles), n)
		}
	}
}

// Search returns every article matching query, best first, and among
// equal scores in corpus order, each with its lit title letters. within,
// when not nil, limits the search to those article positions, in any
// order. It ranks all the hits: for a listing, not for a keystroke.
func (c *Corpus) Search(query string, within []int) []Hit {
	var prev *Result
	if within != nil {
		prev = &Result{c: c, unranked: true, cands: c.inOrder(within), n: len(within)}
	}
	return c.Find(query, prev).All()
}

// inOrder returns the positions of within in corpus order, whatever its
// order (a previous ranking): marked in a bitset rather than sorted.
func (c *Corpus) inOrder(within []int) []int32 {
	marks := make([]uint64, (len(c.Articles)+63)/64)
	for _, i := range within {
		marks[i/64] |= 1 << (i % 64)
	}
	out := make([]int32, 0, len(within))
	for w, bits := range marks {
		for bits != 0 {
			out = append(out, int32(w*64+tz(bits)))
			bits &= bits - 1
		}
	}
	return out
}

// searchPart is one worker's share of a search: its hits in corpus order,
// and the title windows its fuzzy terms matched.
type searchPart struct {
	hits []scoredHit
	// windows holds, for each hit, the number in tables[k] of the title
	// window where fuzzy term k matched (-1: elsewhere), for the lit
	// letters of the hits that get ranked.
	windows []int32
	tables  []*windowTable
	lit     [][][]int // per fuzzy term, per window: the matcher's letters, nil for none
}

type scoredHit struct{ index, score int32 }

// fuzzyTerm reports whether t is matched fuzzily, with a title window.
func fuzzyTerm(t *term) bool { return t.kind == tPlain && !t.negate }

// searchRange matches terms against the candidates, in order. Each term is
// tried on the fields from the cheapest decisive test up; the fuzzy
// matcher then runs once per term over the distinct title windows that
// matched, for their scores, instead of once per article.
//
// The candidates are cands[lo:hi], or the articles lo to hi when cands is
// nil (a fresh search, which need not list every position first).
func (c *Corpus) searchRange(terms []term, cands []int32, lo, hi int) searchPart {
	var p searchPart
	slot := make([]int, len(terms)) // term k's table, or -1
	for k := range terms {
		slot[k] = -1
		if fuzzyTerm(&terms[k]) {
			slot[k] = len(p.tables)
			p.tables = append(p.tables, newWindowTable())
		}
	}
	nw := len(p.tables)
	p.hits = make([]scoredHit, 0, hi-lo)
	if nw > 0 {
		p.windows = make([]int32, 0, (hi-lo)*nw)
	}
	pending := make([]int32, nw)
next:
	for j := lo; j < hi; j++ {
		i := j
		if cands != nil {
			i = int(cands[j])
		}
		score := 0
		for k := range terms {
			t := &terms[k]
			s, wlo, whi, exact := c.match(i, t)
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
			if w := slot[k]; w >= 0 {
				pending[w] = -1
				if whi > wlo && !exact {
					pending[w] = p.tables[w].id(c.fields.title(i)[wlo:whi])
				}
			}
		}
		p.hits = append(p.hits, scoredHit{int32(i), int32(score)})
		p.windows = append(p.windows, pending...)
	}
	p.lit = make([][][]int, nw)
	scores := make([][]int32, nw)
	for k := range terms {
		if w := slot[k]; w >= 0 {
			scores[w], p.lit[w] = scoreWindows(&terms[k], p.tables[w].texts)
		}
	}
	for h := range p.hits {
		for w := range nw {
			if id := p.windows[h*nw+w]; id >= 0 {
				p.hits[h].score += scores[w][id]
			}
		}
	}
	return p
}

// scoreWindows runs the fuzzy matcher once over the distinct windows of a
// term, for each window's score and lit letters. A window the matcher
// lights otherwise than the exact letters of a case-sensitive term scores
// nothing and lights nothing.
func scoreWindows(t *term, texts []string) ([]int32, [][]int) {
	scores := make([]int32, len(texts))
	lit := make([][]int, len(texts))
	for _, m := range fuzzy.FindNoSort(t.text, texts) {
		if t.caseSensitive && !sameLetters(t.text, texts[m.Index], m.MatchedIndexes) {
			continue
		}
		scores[m.Index], lit[m.Index] = int32(m.Score), m.MatchedIndexes
	}
	return scores, lit
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
