package corpus

import "sync"

// Corpus is a loaded, analysed set of articles. It is read-only once built,
// so any number of readers (SSH sessions among them) may share one.
type Corpus struct {
	Articles []*Article
	Skipped  []Skipped
	byID     map[string]*Article
	fields   searchFields // what a search reads, laid out flat; see PrepareSearch
	prepared sync.Once
}

// NewCorpus indexes analysed articles.
func NewCorpus(articles []*Article, skipped []Skipped) *Corpus {
	c := &Corpus{Articles: articles, Skipped: skipped, byID: make(map[string]*Article, len(articles))}
	for _, a := range articles {
		c.byID[a.ID] = a
	}
	return c
}

// Article returns the article with the given ID, or nil.
func (c *Corpus) Article(id string) *Article { return c.byID[id] }

// PrepareSearch lays out what a search reads (see searchFields), once;
// the first search does it if nothing did before. A program that searches
// calls it ahead, in the background, so that the first letter typed does
// not wait for it; one that only lists or exports never pays for it.
func (c *Corpus) PrepareSearch() {
	c.prepared.Do(func() { c.fields = newSearchFields(c.Articles) })
}
