package corpus

import "slices"

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
	// letters; tail are the worst len(tail), in the same order, ranked
	// from the other end for a reader who jumps to the bottom of the list.
	ranked, tail []Hit
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
	return r.ranks(i, i+1)[0]
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
	return r.ranks(from, to)
}

// ranks returns the hits ranked from to to, 0 <= from < to <= Len(),
// ranked from the nearer end of the list: the bottom of 100k hits costs a
// pass over them, like the top, not the ordering of all of them.
func (r *Result) ranks(from, to int) []Hit {
	if from >= to {
		return nil
	}
	tailFrom := r.n - len(r.tail)
	switch {
	case to <= len(r.ranked) || r.parts == nil:
		r.rankTo(to)
		return r.ranked[from:to]
	case from >= tailFrom:
	case r.n-from < to: // nearer the end
		r.rankTail(r.n - from)
		tailFrom = r.n - len(r.tail)
	default:
		r.rankTo(to)
		return r.ranked[from:to]
	}
	return r.tail[from-tailFrom : to-tailFrom]
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
	best := r.best(k, false)
	for _, e := range best[len(r.ranked):] {
		r.ranked = append(r.ranked, r.hit(e))
	}
}

// rankTail ranks at least the worst k hits, doubling as rankTo does.
func (r *Result) rankTail(k int) {
	k = min(max(k, screenful, 2*len(r.tail)), r.n)
	if k <= len(r.tail) {
		return
	}
	worst := r.best(k, true) // worst first
	tail := make([]Hit, 0, k)
	for j := k - 1; j >= len(r.tail); j-- {
		tail = append(tail, r.hit(worst[j]))
	}
	r.tail = append(tail, r.tail...)
}

// worse is better the other way round: the order of the list read from
// its end.
func worse(a, b scoredHit) bool { return better(b, a) }

// best returns the best k hits in order, or, fromEnd, the worst k,
// worst first. A few are kept in a heap whose root is the last of them
// in that order: most hits do not go before it and cost one comparison.
// The hits are read in corpus order, or backwards from the end, so that
// among equal scores (corpus order breaks the tie) each comes after the
// root. Past a quarter of the hits, sorting them all is cheaper.
func (r *Result) best(k int, fromEnd bool) []entry {
	first := better
	if fromEnd {
		first = worse
	}
	compare := func(a, b entry) int {
		switch {
		case first(a.scoredHit, b.scoredHit):
			return -1
		case first(b.scoredHit, a.scoredHit):
			return 1
		}
		return 0
	}
	if 4*k >= r.n {
		all := make([]entry, 0, r.n)
		for pi, p := range r.parts {
			for j, h := range p.hits {
				all = append(all, entry{h, int32(pi), int32(j)})
			}
		}
		slices.SortFunc(all, compare)
		return all[:k]
	}
	heap := make([]entry, 0, k)
	for a := range r.parts {
		pi := a
		if fromEnd {
			pi = len(r.parts) - 1 - a
		}
		hits := r.parts[pi].hits
		for b := range hits {
			j := b
			if fromEnd {
				j = len(hits) - 1 - b
			}
			h := hits[j]
			switch {
			case len(heap) < k:
				heap = append(heap, entry{h, int32(pi), int32(j)})
				siftUp(heap, len(heap)-1, first)
			case first(h, heap[0].scoredHit):
				heap[0] = entry{h, int32(pi), int32(j)}
				siftDown(heap, 0, first)
			}
		}
	}
	slices.SortFunc(heap, compare)
	return heap
}

// siftUp and siftDown keep the last entry, in the order first, at the
// root.
func siftUp(h []entry, i int, first func(a, b scoredHit) bool) {
	for i > 0 {
		parent := (i - 1) / 2
		if !first(h[parent].scoredHit, h[i].scoredHit) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func siftDown(h []entry, i int, first func(a, b scoredHit) bool) {
	for {
		last, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && first(h[last].scoredHit, h[l].scoredHit) {
			last = l
		}
		if r < len(h) && first(h[last].scoredHit, h[r].scoredHit) {
			last = r
		}
		if last == i {
			return
		}
		h[i], h[last] = h[last], h[i]
		i = last
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
