package corpus

import (
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// casedTerms is the prefix index of terms with capitals, which are
// matched case-sensitively on the paragraphs as written (see
// hasWordPrefix): the runs of letters and digits that start a word there
// with a capital letter, as written, sorted, each with the articles that
// use it. A term of letters and digits that starts with a capital starts
// a word exactly when it starts one of these runs. Without it, a capital
// that matches few words ("St", "NA") read every paragraph of every
// candidate.
//
// Reading every paragraph to build it costs a second of CPU at 100k
// articles, so it is built in the background, the first time a search has
// a term with a capital; searches scan the paragraphs until it is ready.
type casedTerms struct {
	start sync.Once
	ready atomic.Pointer[termGroup]
}

// group returns the index, or nil while it is being built; the first call
// starts the build.
func (x *casedTerms) group(articles []*Article) *termGroup {
	x.start.Do(func() {
		go func() { x.ready.Store(buildCasedTerms(articles)) }()
	})
	return x.ready.Load()
}

// casedTermFits reports whether the index answers a case-sensitive term:
// one that starts with a capital and holds only letters and digits.
func casedTermFits(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(first) {
		return false
	}
	for _, r := range text {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

// buildCasedTerms reads the paragraphs of the articles, a run of them on
// each core, as newBodyTerms reads their search texts.
func buildCasedTerms(articles []*Article) *termGroup {
	all := collectOnAllCores(len(articles), func(lo, hi int) termRun { return collectCased(articles, lo, hi) })
	ids := make([]int32, len(all.words))
	for k := range ids {
		ids[k] = int32(k)
	}
	g := all.group(ids)
	return &g
}

// collectCased collects the capitalised runs of articles lo to hi. A word
// starts where the scan says one does: at a word rune after anything else.
func collectCased(articles []*Article, lo, hi int) termRun {
	r := termRun{ids: make(map[string]int32)}
	for i := lo; i < hi; i++ {
		for _, p := range articles[i].Paragraphs {
			for j := 0; j < len(p); {
				c := p[j]
				if c < utf8.RuneSelf && !asciiAlnum[c] {
					j++
					continue
				}
				first, size := rune(c), 1
				if c >= utf8.RuneSelf {
					if first, size = utf8.DecodeRuneInString(p[j:]); !isWordRune(first) {
						j += size
						continue
					}
				}
				end := wordRunEnd(p, j+size)
				if unicode.IsUpper(first) {
					r.add(p[j:end], int32(i))
				}
				j = end
			}
		}
	}
	return r
}

// wordRunEnd is where the run of word runes going on at j ends in p.
func wordRunEnd(p string, j int) int {
	for j < len(p) {
		if c := p[j]; c < utf8.RuneSelf {
			if !asciiAlnum[c] {
				return j
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[j:])
		if !isWordRune(r) {
			return j
		}
		j += size
	}
	return j
}
