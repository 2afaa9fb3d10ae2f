package corpus

import (
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// This file holds the other design measured for the body prefix index, a
// trigram index, and the benchmark that set the two and the scan side by
// side; the sorted dictionary won (see bodyTerms).

// trigramIndex lists, for each three bytes of " word" (the word's start
// with the space before it, then every three letters on), the articles
// whose search text holds them. A prefix's trigrams narrow the articles
// to those holding all of them, which must then be scanned: "sor" and
// "ore" do not make "sore".
type trigramIndex struct {
	lists map[uint32][]byte // delta-coded article positions, as bodyTerms
}

func newTrigramIndex(f *searchFields, articles []*Article) *trigramIndex {
	type list struct {
		last  int32
		bytes []byte
	}
	lists := map[uint32]*list{}
	for i := range articles {
		for b := range 27 {
			s := f.bucketWords(articles, i, b)
			for j := 0; j+3 <= len(s); j++ {
				if s[j+1] == ' ' || s[j+2] == ' ' {
					continue // across two words
				}
				key := uint32(s[j])<<16 | uint32(s[j+1])<<8 | uint32(s[j+2])
				l := lists[key]
				if l == nil {
					l = &list{}
					lists[key] = l
				} else if l.last == int32(i) && len(l.bytes) > 0 {
					continue
				}
				l.bytes = binary.AppendUvarint(l.bytes, uint64(int32(i)-l.last))
				l.last = int32(i)
			}
		}
	}
	t := &trigramIndex{lists: make(map[uint32][]byte, len(lists))}
	for k, l := range lists {
		t.lists[k] = slices.Clip(l.bytes)
	}
	return t
}

func (t *trigramIndex) size() int {
	n := 0
	for _, l := range t.lists {
		n += len(l) + 24 + 8 // the bytes, a slice header and a key in the map
	}
	return n
}

// withPrefix marks the articles with a body word starting with p: those
// holding every trigram of " "+p, scanned.
func (t *trigramIndex) withPrefix(f *searchFields, articles []*Article, p string) []uint64 {
	s := " " + p
	var set, one []uint64
	for j := 0; j+3 <= len(s); j++ {
		l := t.lists[uint32(s[j])<<16|uint32(s[j+1])<<8|uint32(s[j+2])]
		one = make([]uint64, (len(articles)+63)/64)
		g := termGroup{starts: []uint32{0, uint32(len(l))}, postings: l}
		g.union(0, one)
		if set == nil {
			set = one
			continue
		}
		for w := range set {
			set[w] &= one[w]
		}
	}
	b := bucketOf(p[0])
	for w, bits := range set {
		for bits != 0 {
			i := w*64 + tz(bits)
			bits &= bits - 1
			if !strings.Contains(f.bucketWords(articles, i, b), s) {
				set[w] &^= 1 << (i % 64)
			}
		}
	}
	return set
}

// scanPrefix is what the search did before the index: each article's
// words of the prefix's first letter scanned.
func scanPrefix(f *searchFields, articles []*Article, p string) []uint64 {
	set := make([]uint64, (len(articles)+63)/64)
	b := bucketOf(p[0])
	for i := range articles {
		if f.prefixes[i].answer(p) != prefixAbsent && strings.Contains(f.bucketWords(articles, i, b), " "+p) {
			set[i/64] |= 1 << (i % 64)
		}
	}
	return set
}

// heapAfter is the live heap once build has run and what it made is kept.
func heapAfter(build func() any) (kept any, heap uint64, took time.Duration) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.HeapAlloc
	start := time.Now()
	kept = build()
	took = time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&m)
	return kept, m.HeapAlloc - before, took
}

// BenchmarkPrefixDesigns builds both prefix indexes over the same
// synthetic corpus and times, for every prefix of three letters or more
// of the keystroke queries, the articles each finds against the scan. It
// reports build time and heap for each, and per prefix the milliseconds
// of each design (median of the runs). COUNTERPOINT_PREFIX_N sets the
// corpus size (10000 by default); COUNTERPOINT_PREFIX_DIR, a folder to load
// instead (real news has far more distinct words than the generator):
//
//	COUNTERPOINT_PREFIX_N=100000 go test ./corpus -run '^$' -bench PrefixDesigns -benchtime 5x
func BenchmarkPrefixDesigns(b *testing.B) {
	n := 10_000
	if s := os.Getenv("COUNTERPOINT_PREFIX_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	var c *Corpus
	if dir := os.Getenv("COUNTERPOINT_PREFIX_DIR"); dir != "" {
		var err error
		if c, err = Load([]string{dir}, Options{}); err != nil {
			b.Fatal(err)
		}
	} else {
		c = synthCorpus(n)
	}
	c.PrepareSearch()
	f, arts := &c.fields, c.Articles
	dict, dictHeap, dictBuild := heapAfter(func() any { return newBodyTerms(f, arts) })
	tri, triHeap, triBuild := heapAfter(func() any { return newTrigramIndex(f, arts) })
	var prefixes []string
	for _, q := range keystrokeQueries {
		for _, w := range strings.Fields(q) {
			for k := 3; k <= len(w); k++ {
				prefixes = append(prefixes, w[:k])
			}
		}
	}
	designs := []struct {
		name string
		find func(p string) []uint64
	}{
		{"scan", func(p string) []uint64 { return scanPrefix(f, arts, p) }},
		{"dict", func(p string) []uint64 { return dict.(*bodyTerms).withPrefix(p, len(arts), len(arts)) }},
		{"trigram", func(p string) []uint64 { return tri.(*trigramIndex).withPrefix(f, arts, p) }},
	}
	times := make([][][]time.Duration, len(designs))
	for d := range designs {
		times[d] = make([][]time.Duration, len(prefixes))
	}
	for b.Loop() {
		for k, p := range prefixes {
			want := designs[0].find(p)
			for d, design := range designs {
				start := time.Now()
				got := design.find(p)
				times[d][k] = append(times[d][k], time.Since(start))
				if !slices.Equal(got, want) {
					b.Fatalf("%s finds other articles than the scan for %q", design.name, p)
				}
			}
		}
	}
	// After the loop, which clears what was reported before it.
	b.ReportMetric(float64(dictBuild.Milliseconds()), "dict-build-ms")
	b.ReportMetric(float64(dictHeap)/1e6, "dict-heap-MB")
	words, postings := 0, 0
	for _, g := range dict.(*bodyTerms).groups {
		words += len(g.words)
		postings += len(g.postings)
	}
	b.ReportMetric(float64(words), "dict-words")
	b.ReportMetric(float64(postings)/1e6, "dict-postings-MB")
	b.ReportMetric(float64(tri.(*trigramIndex).size())/1e6, "trigram-lists-MB")
	cased, casedHeap, casedBuild := heapAfter(func() any { return buildCasedTerms(arts) })
	b.ReportMetric(float64(casedBuild.Milliseconds()), "cased-build-ms")
	b.ReportMetric(float64(casedHeap)/1e6, "cased-heap-MB")
	b.ReportMetric(float64(len(cased.(*termGroup).words)), "cased-words")
	b.ReportMetric(float64(triBuild.Milliseconds()), "trigram-build-ms")
	b.ReportMetric(float64(triHeap)/1e6, "trigram-heap-MB")
	for d, design := range designs {
		for k, p := range prefixes {
			ts := times[d][k]
			slices.Sort(ts)
			b.ReportMetric(float64(ts[len(ts)/2])/1e6, fmt.Sprintf("%s-ms/%s", design.name, p))
		}
	}
}

// BenchmarkBodyTermsBuild is the cost the prefix index adds to preparing
// a search, over 10k synthetic articles, beside the cost of preparing the
// rest (fields-cpu-ms, the index left out), and the cost of the index of
// capitalised words, built the first time a term has a capital.
func BenchmarkBodyTermsBuild(b *testing.B) {
	c := synthCorpus(10_000)
	c.PrepareSearch()
	var fields, terms, cased time.Duration
	for b.Loop() {
		before := cpuTime()
		f := newSearchFields(c.Articles)
		mid := cpuTime()
		newBodyTerms(&f, c.Articles)
		terms += cpuTime() - mid
		fields += mid - before
		mid = cpuTime()
		buildCasedTerms(c.Articles)
		cased += cpuTime() - mid
	}
	// newSearchFields builds the index too: take it out.
	b.ReportMetric(float64((fields-terms).Microseconds())/1e3/float64(b.N), "fields-cpu-ms")
	b.ReportMetric(float64(terms.Microseconds())/1e3/float64(b.N), "index-cpu-ms")
	b.ReportMetric(float64(cased.Microseconds())/1e3/float64(b.N), "cased-cpu-ms")
}
