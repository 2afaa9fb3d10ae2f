package corpus

import (
	"cmp"
	"slices"
)

// screenful is how many hits a search ranks before anything is read: more
// than a list shows at once.
const screenful = 64

// Result is a search's answer. It knows at once how many articles match,
// but ranks them only as far as they are read: the best screenful first,
// and more, doubling, when a reader goes past them. A first letter over
// 100k articles matches nearly all of them, and ordering them all, with
// their lit letters, cost more than finding them while a list shows a
// dozen.
//
// Reading a Result ranks more of it, so one goroutine reads it; a search
// that narrows it (Find's within) only reads its hits, which never change,
// and may run on another.
type Result struct {
	c     *Corpus
	terms []term
	parts []searchPart
	n     int
	// ranked are the best len(ranked) hits, best first, with their lit
	// letters.
	ranked []Hit
	// unranked is set for an empty query: the candidates in corpus order,
	// cands or, when nil, every article.
	unranked bool
	cands    []int32
}

// Len is the number of articles that match.
func (r *Result) Len() int {
	if r == nil {
		return 0
	}
	return r.n
}

// At returns the i-th best hit, 0 <= i < Len().
func (r *Result) At(i int) Hit {
	if r.unranked {
		return Hit{Index: r.candidate(i)}
	}
	r.rankTo(i + 1)
	return r.ranked[i]
}

// Window returns the hits ranked from to from+n (fewer at the end).
func (r *Result) Window(from, n int) []Hit {
	from = min(max(from, 0), r.Len())
	to := min(from+n, r.Len())
	if r.unranked {
		out := make([]Hit, 0, to-from)
		for i := from; i < to; i++ {
			out = append(out, Hit{Index: r.candidate(i)})
		}
		return out
	}
	r.rankTo(to)
	return r.ranked[from:to]
}

// All returns every hit, best first.
func (r *Result) All() []Hit { return r.Window(0, r.Len()) }

// Ranked wraps hits already in order (a list arranged by date, say) as a
// Result.
func Ranked(c *Corpus, hits []Hit) *Result {
	return &Result{c: c, n: len(hits), ranked: hits}
}

func (r *Result) candidate(i int) int {
	if r.cands == nil {
		return i
	}
	return int(r.cands[i])
}

// indexes returns the positions of the hits in corpus order.
func (r *Result) indexes() []int32 {
	if r.unranked && r.cands != nil {
		return r.cands
	}
	out := make([]int32, 0, r.n)
	switch {
	case r.unranked:
		for i := range r.n {
			out = append(out, int32(i))
		}
	case r.parts == nil: // made by Ranked
		for _, h := range r.ranked {
			out = append(out, int32(h.Index))
		}
		slices.Sort(out)
	default:
		for _, p := range r.parts {
			for _, h := range p.hits {
				out = append(out, h.index)
			}
		}
	}
	return out
}

// Position returns the rank of an article among the hits, and whether it
// is one. It counts the hits that rank before it rather than ranking them.
func (r *Result) Position(article int) (int, bool) {
	if r == nil {
		return 0, false
	}
	switch {
	case r.unranked && r.cands == nil:
		return article, article >= 0 && article < r.n
	case r.unranked:
		return slices.BinarySearch(r.cands, int32(article))
	case r.parts == nil:
		for i, h := range r.ranked {
			if h.Index == article {
				return i, true
			}
		}
		return 0, false
	}
	var me scoredHit
	found := false
	for _, p := range r.parts {
		for _, h := range p.hits {
			if int(h.index) == article {
				me, found = h, true
			}
		}
	}
	if !found {
		return 0, false
	}
	before := 0
	for _, p := range r.parts {
		for _, h := range p.hits {
			if better(h, me) {
				before++
			}
		}
	}
	return before, true
}

// better orders hits: higher score first, then corpus order.
func better(a, b scoredHit) bool {
	return a.score > b.score || a.score == b.score && a.index < b.index
}

// entry is a hit and where it lies in the parts.
type entry struct {
	scoredHit
	part, pos int32
}

// rankTo ranks at least the best k hits, doubling what is ranked so that
// reading down a list ranks in a few steps.
func (r *Result) rankTo(k int) {
	if r.unranked || r.parts == nil {
		return
	}
	k = min(max(k, 2*len(r.ranked)), r.n)
	if k <= len(r.ranked) {
		return
	}
	best := r.best(k)
	for _, e := range best[len(r.ranked):] {
		r.ranked = append(r.ranked, r.hit(e))
	}
}

// best returns the best k hits in order. A few are kept in a heap whose
// root is the worst of them: most hits do not beat it and cost one
// comparison. Past a quarter of the hits, sorting them all is cheaper.
func (r *Result) best(k int) []entry {
	if 4*k >= r.n {
		all := make([]entry, 0, r.n)
		for pi, p := range r.parts {
			for j, h := range p.hits {
				all = append(all, entry{h, int32(pi), int32(j)})
			}
		}
		slices.SortFunc(all, compareEntries)
		return all[:k]
	}
	heap := make([]entry, 0, k)
	for pi, p := range r.parts {
		for j, h := range p.hits {
			switch {
			case len(heap) < k:
				heap = append(heap, entry{h, int32(pi), int32(j)})
				siftUp(heap, len(heap)-1)
			case better(h, heap[0].scoredHit):
				heap[0] = entry{h, int32(pi), int32(j)}
				siftDown(heap, 0)
			}
		}
	}
	slices.SortFunc(heap, compareEntries)
	return heap
}

func compareEntries(a, b entry) int {
	return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.index, b.index))
}

// siftUp and siftDown keep the worst entry at the root.
func siftUp(h []entry, i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !better(h[parent].scoredHit, h[i].scoredHit) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func siftDown(h []entry, i int) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && better(h[worst].scoredHit, h[l].scoredHit) {
			worst = l
		}
		if r < len(h) && better(h[worst].scoredHit, h[r].scoredHit) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// hit makes a ranked hit, with the letters of the title its terms lit: a
// fuzzy term's from its window's match, an exact term's where it stands.
func (r *Result) hit(e entry) Hit {
	i := int(e.index)
	h := Hit{Index: i, Score: int(e.score)}
	p := &r.parts[e.part]
	w := 0
	for k := range r.terms {
		t := &r.terms[k]
		title := r.c.fields.field(i, fieldTitle, t.lower)
		switch {
		case fuzzyTerm(t):
			id := p.windows[int(e.pos)*len(p.tables)+w]
			w++
			if id < 0 || p.lit[w-1][id] == nil {
				continue
			}
			lo, _, _ := tightWindow(t, title)
			offsets := make([]int, len(p.lit[w-1][id]))
			for n, off := range p.lit[w-1][id] {
				offsets[n] = lo + off
			}
			h.Title = mergeOffsets(h.Title, r.c.Articles[i].originalOffsets(offsets))
		case t.kind == tExact && !t.negate:
			if lo := index(title, t); lo >= 0 {
				h.Title = mergeOffsets(h.Title, r.c.Articles[i].titleOffsets(lo, lo+len(t.text)))
			}
		}
	}
	return h
}

// Keep returns the hits of r for which keep is true, in the same order,
// without ranking them: a list's own filters (a feed, unread articles)
// cost one call per hit.
func (r *Result) Keep(keep func(article int) bool) *Result {
	out := &Result{c: r.c, terms: r.terms, unranked: r.unranked}
	switch {
	case r.unranked:
		out.cands = make([]int32, 0, r.n)
		for i := range r.n {
			if a := r.candidate(i); keep(a) {
				out.cands = append(out.cands, int32(a))
			}
		}
		out.n = len(out.cands)
	case r.parts == nil:
		for _, h := range r.ranked {
			if keep(h.Index) {
				out.ranked = append(out.ranked, h)
			}
		}
		out.n = len(out.ranked)
	default:
		out.parts = make([]searchPart, len(r.parts))
		for k, p := range r.parts {
			q := searchPart{tables: p.tables, lit: p.lit}
			nw := len(p.tables)
			for j, h := range p.hits {
				if keep(int(h.index)) {
					q.hits = append(q.hits, h)
					q.windows = append(q.windows, p.windows[j*nw:(j+1)*nw]...)
				}
			}
			out.parts[k] = q
			out.n += len(q.hits)
		}
	}
	return out
}
