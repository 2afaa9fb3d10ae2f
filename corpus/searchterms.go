package corpus

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// bodyTerms is the corpus's body prefix index: every distinct body word
// of every article (the words of its search text, see indexWords), sorted,
// each with the articles that use it. The words with a given prefix lie
// side by side in the sorted list, so a term of any length is answered for
// the whole corpus by one binary search and a walk over their articles,
// instead of a scan of every candidate's words. It was measured against a
// trigram index, which must still scan the bodies its trigrams leave in
// (see NOTES-README-prefix.md, and BenchmarkPrefixDesigns).
//
// The words are kept apart by first letter, as the search text groups
// them: a term's first letter picks the list it searches.
type bodyTerms struct {
	groups [27]termGroup
}

// termGroup is the sorted dictionary of the words of one first letter.
type termGroup struct {
	words []string // sorted; each shares the memory of an article's search text
	// starts[k] is where the articles of words[k] begin in postings;
	// starts[len(words)] is its end.
	starts []uint32
	// postings holds, for each word, the positions of the articles that
	// use it, ascending, each as the unsigned varint of its distance from
	// the one before (from 0 for the first): most are one byte.
	postings []byte
}

// newBodyTerms builds the index over the articles' search texts, as
// searchFields holds them. Each core takes a run of articles and reads
// each article's text once, from end to end, collecting its words with the
// positions of the articles that use them; the runs are then joined, in
// order, and the words sorted within each first letter.
func newBodyTerms(f *searchFields, articles []*Article) *bodyTerms {
	all := collectOnAllCores(len(articles), func(lo, hi int) termRun { return collectTerms(f, articles, lo, hi) })
	var groups [27][]int32
	for id, w := range all.words {
		b := bucketOf(w[0])
		groups[b] = append(groups[b], int32(id))
	}
	t := &bodyTerms{}
	for b, ids := range groups {
		t.groups[b] = all.group(ids)
	}
	return t
}

// collectOnAllCores splits n articles into a run for each core, collects
// the words of each run with collect, and joins the runs in order.
func collectOnAllCores(n int, collect func(lo, hi int) termRun) termRun {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/1000))
	runs := make([]termRun, workers)
	inRuns(n, workers, func(w, lo, hi int) { runs[w] = collect(lo, hi) })
	all := runs[0]
	for _, r := range runs[1:] {
		all.join(&r)
	}
	return all
}

// inRuns splits n items into workers runs of consecutive items and calls
// do with each run's number and bounds, each in its own goroutine, and
// returns once all are done. A run left empty, when n is small, is not
// called.
func inRuns(n, workers int, do func(w, lo, hi int)) {
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			do(w, lo, hi)
		}()
	}
	wg.Wait()
}

// termRun is the words of a run of articles, each with its list of
// articles (see termGroup.postings), in order of first use.
type termRun struct {
	ids   map[string]int32
	words []string
	lists [][]byte
	last  []int32 // the last article in each list
}

func (r *termRun) add(w string, article int32) {
	id, ok := r.ids[w]
	if !ok {
		r.newWord(w, binary.AppendUvarint(nil, uint64(article)), article)
		return
	}
	if r.last[id] == article {
		return // the article is on the list already
	}
	r.lists[id] = binary.AppendUvarint(r.lists[id], uint64(article-r.last[id]))
	r.last[id] = article
}

// newWord gives w, not yet in r, the next id, with its list of articles
// and the last article on it.
func (r *termRun) newWord(w string, list []byte, last int32) {
	r.ids[w] = int32(len(r.words))
	r.words = append(r.words, w)
	r.lists = append(r.lists, list)
	r.last = append(r.last, last)
}

// collectTerms reads the words of articles lo to hi.
func collectTerms(f *searchFields, articles []*Article, lo, hi int) termRun {
	r := termRun{ids: make(map[string]int32)}
	for i := lo; i < hi; i++ {
		s := f.allWords(articles, i)
		for s != "" {
			s = s[1:] // the space before each word
			end := strings.IndexByte(s, ' ')
			if end < 0 {
				end = len(s)
			}
			if end > 0 {
				r.add(s[:end], int32(i))
			}
			s = s[end:]
		}
	}
	return r
}

// join appends the lists of next, a run of later articles, to r's. Each
// of next's lists starts from 0; joined, it starts from r's last article.
func (r *termRun) join(next *termRun) {
	for k, w := range next.words {
		list := next.lists[k]
		first, n := binary.Uvarint(list)
		id, ok := r.ids[w]
		if !ok {
			r.newWord(w, list, next.last[k])
			continue
		}
		r.lists[id] = append(binary.AppendUvarint(r.lists[id], first-uint64(r.last[id])), list[n:]...)
		r.last[id] = next.last[k]
	}
}

// group sorts the words ids and lays their lists end to end.
func (r *termRun) group(ids []int32) termGroup {
	slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(r.words[a], r.words[b]) })
	size := 0
	for _, id := range ids {
		size += len(r.lists[id])
	}
	g := termGroup{
		words:    make([]string, len(ids)),
		starts:   make([]uint32, 0, len(ids)+1),
		postings: make([]byte, 0, size),
	}
	for k, id := range ids {
		g.words[k] = r.words[id]
		g.starts = append(g.starts, uint32(len(g.postings)))
		g.postings = append(g.postings, r.lists[id]...)
	}
	g.starts = append(g.starts, uint32(len(g.postings)))
	return g
}

// span returns the words of g that start with p: words[lo:hi].
func (g *termGroup) span(p string) (lo, hi int) {
	lo, _ = slices.BinarySearch(g.words, p)
	n, _ := slices.BinarySearchFunc(g.words[lo:], p, func(w, p string) int {
		if strings.HasPrefix(w, p) {
			return -1
		}
		return 1
	})
	return lo, lo + n
}

// withPrefix finds the articles with a body word that starts with p, a
// lower-case term without spaces: it returns a bitset of their positions,
// or nil when reading the index would cost more than scanning the
// candidates' words, which it judges from the size of the lists it would
// read against the number of candidates.
func (t *bodyTerms) withPrefix(p string, articles, candidates int) []uint64 {
	return t.groups[bucketOf(p[0])].withPrefix(p, articles, candidates)
}

// withPrefix is bodyTerms.withPrefix over the words of g.
func (g *termGroup) withPrefix(p string, articles, candidates int) []uint64 {
	lo, hi := g.span(p)
	if int(g.starts[hi]-g.starts[lo]) > postingsPerCandidate*candidates {
		return nil
	}
	set := make([]uint64, (articles+63)/64)
	for k := lo; k < hi; k++ {
		g.union(k, set)
	}
	return set
}

// postingsPerCandidate is how many bytes of article lists the index may
// read for each candidate before scanning the candidates is cheaper: a
// byte costs a nanosecond or two, a candidate's words a cache miss and a
// substring search over a hundred bytes or more.
const postingsPerCandidate = 64

// union marks the articles of words[k] in set.
func (g *termGroup) union(k int, set []uint64) {
	list := g.postings[g.starts[k]:g.starts[k+1]]
	at := uint64(0)
	for len(list) > 0 {
		d := uint64(list[0])
		n := 1
		if d >= 0x80 {
			d, n = binary.Uvarint(list)
		}
		list = list[n:]
		at += d
		set[at/64] |= 1 << (at % 64)
	}
}
