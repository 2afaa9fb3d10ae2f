package corpus

import (
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
// them, and each group is built on its own core.
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
// searchFields holds them.
func newBodyTerms(f *searchFields, articles []*Article) *bodyTerms {
	t := &bodyTerms{}
	next := make(chan int, len(t.groups))
	for b := range t.groups {
		next <- b
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(t.groups)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range next {
				t.groups[b] = buildTermGroup(f, articles, b)
			}
		}()
	}
	wg.Wait()
	return t
}

// buildTermGroup collects the words of group b of every article, each
// with its articles' positions appended as they come (in corpus order, so
// already ascending), then sorts the words and lays their lists end to end.
func buildTermGroup(f *searchFields, articles []*Article, b int) termGroup {
	ids := make(map[string]int32)
	var (
		words []string
		lists [][]byte
		last  []int32
	)
	for i := range articles {
		s := f.bucketWords(articles, i, b)
		for s != "" {
			s = s[1:] // the space before each word
			end := strings.IndexByte(s, ' ')
			if end < 0 {
				end = len(s)
			}
			w := s[:end]
			s = s[end:]
			if w == "" {
				continue
			}
			id, ok := ids[w]
			if !ok {
				id = int32(len(words))
				ids[w] = id
				words = append(words, w)
				lists = append(lists, nil)
				last = append(last, 0)
			}
			if len(lists[id]) > 0 && last[id] == int32(i) {
				continue // a word twice in one article's text; not expected
			}
			lists[id] = appendUvarint(lists[id], uint64(int32(i)-last[id]))
			last[id] = int32(i)
		}
	}
	order := make([]int32, len(words))
	size := 0
	for k := range order {
		order[k] = int32(k)
		size += len(lists[k])
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(words[a], words[b]) })
	g := termGroup{
		words:    make([]string, len(words)),
		starts:   make([]uint32, 0, len(words)+1),
		postings: make([]byte, 0, size),
	}
	for k, id := range order {
		g.words[k] = words[id]
		g.starts = append(g.starts, uint32(len(g.postings)))
		g.postings = append(g.postings, lists[id]...)
	}
	g.starts = append(g.starts, uint32(len(g.postings)))
	return g
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
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
	g := &t.groups[bucketOf(p[0])]
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
	for i := 0; i < len(list); {
		var d uint64
		for shift := uint(0); ; shift += 7 {
			c := list[i]
			i++
			d |= uint64(c&0x7f) << shift
			if c < 0x80 {
				break
			}
		}
		at += d
		set[at/64] |= 1 << (at % 64)
	}
}
