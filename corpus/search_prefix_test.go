package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// prefixTestCorpus is a generated corpus with a few articles written for
// accents, digits and a body too long for the flat fields, searched twice:
// through the prefix index, and by scanning each candidate's words, as
// before the index.
func prefixTestCorpus(t *testing.T) (indexed, scanned *Corpus) {
	t.Helper()
	articles := synthCorpus(400).Articles
	var long strings.Builder
	for i := range 15000 {
		fmt.Fprintf(&long, "w%d, ", i)
	}
	extra := []*Article{
		analysedArticle("Zürich café hacked", "Police in Zürich said the café's owner, Ørsted Łódź, was naïve."),
		analysedArticle("Markets steady", "Traders in São Paulo and Zurich were calm; the 2024 figures rose 12%."),
		analysedArticle("Straße closed", "The Straße near the Sorbonne stays closed until Sørensen reopens it.",
			"The ex-Minister met O'Brien and McDonald in the U.S. at 3M's site, where the iPhone sold; \"NATO-led\", she said."),
		Parse("long", "x", "Longread\n\n"+long.String()+"\n"),
	}
	extra[3].Analyse()
	// Mixed in, so the words' lists hold positions before and after them.
	articles = slices.Insert(articles, 150, extra...)
	indexed = NewCorpus(articles, nil)
	indexed.PrepareSearch()
	scanned = NewCorpus(articles, nil)
	scanned.PrepareSearch()
	scanned.fields.terms, scanned.fields.cased = nil, nil
	indexed.fields.cased.start.Do(func() {}) // built here, not in the background
	indexed.fields.cased.ready.Store(buildCasedTerms(articles))
	return indexed, scanned
}

// prefixTestQueries are every prefix of a spread of the corpus's own body
// words, and queries written for accents, operators, case and several
// terms.
func prefixTestQueries(c *Corpus) []string {
	seen := map[string]bool{}
	var words []string
	for i, a := range c.Articles {
		for k, w := range strings.Fields(a.words) {
			if (i+k)%97 == 0 && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	var qs []string
	for _, w := range words {
		for n := 1; n <= len(w); n++ {
			qs = append(qs, w[:n], strings.ToUpper(w[:1])+w[1:n])
		}
	}
	return append(qs,
		"zurich", "zür", "zü", "Zür", "cafe", "café", "sao", "são pau", "ørs", "orst", "lodz", "łód", "naiv", "naïve",
		"strasse", "straß", "stra", "sørensen", "sorensen", "soren", "sorb", "Sorb", "Sorbonne",
		"202", "2024", "12%", "w1499", "w14999", "w149990",
		"'sore", "!sore", "!sor nato", "@sor", "@soren", "'Zür",
		"cyber nor", "nor cyb", "sorensen norway", "acc !accus", "reg gov min", "the and",
		"Accus", "ACCUS", "xq", "zzzz", "qqq", "S", "St", "NA", "NATO", "Ø", "Ørs", "Łó", "Łódź", "São", "Sao",
		"Straße", "Stra", "W1", "Z", "Zü", "Zur", "Sor Zür", "Sor nato", "iPh", "U.S", "Mc", "O'Br", "Minis", "Brie", "Don", "LED", "Led",
	)
}

// hitsEqual compares hits as a user sees them: which articles, in which
// order, with which letters lit.
func hitsEqual(a, b []Hit) bool {
	return slices.EqualFunc(a, b, func(x, y Hit) bool {
		return x.Index == y.Index && x.Score == y.Score && slices.Equal(x.Title, y.Title)
	})
}

// The body prefix index answers exactly as the scan of every candidate's
// words did: the same hits, in the same order, with the same letters lit,
// for prefixes of every length, accents, operators and several terms,
// searched afresh and typed a letter at a time.
func TestPrefixIndexGivesTheScansAnswers(t *testing.T) {
	indexed, scanned := prefixTestCorpus(t)
	queries := prefixTestQueries(indexed)
	if len(queries) < 500 {
		t.Fatalf("only %d queries; the test needs hundreds", len(queries))
	}
	used := 0
	for _, q := range queries {
		got, want := indexed.Search(q, nil), scanned.Search(q, nil)
		if !hitsEqual(got, want) {
			t.Fatalf("%q: the index finds %d hits %v…, the scan %d %v…", q, len(got), got[:min(3, len(got))], len(want), want[:min(3, len(want))])
		}
		terms := parseQuery(q)
		indexed.lookUpPrefixes(terms, len(indexed.Articles))
		if slices.ContainsFunc(terms, func(t term) bool { return t.body != nil }) {
			used++
		}
	}
	if used < len(queries)/2 {
		t.Errorf("the index answered only %d of %d queries", used, len(queries))
	}
	for _, q := range []string{"sorensen", "zürich café", "cyber norway", "stra !sorb", "w14999", "Sorensen", "NATO Zür", "cyber Nor"} {
		var prevI, prevS *Result
		for i := range len(q) {
			next := q[:i+1]
			withinI, withinS := prevI, prevS
			if i == 0 || !Narrows(q[:i], next) {
				withinI, withinS = nil, nil
			}
			prevI, prevS = indexed.Find(next, withinI), scanned.Find(next, withinS)
			viaIndex, viaScan := prevI.All(), prevS.All()
			if !hitsEqual(viaIndex, viaScan) {
				t.Fatalf("typing %q, at %q: the index finds %d hits, the scan %d", q, next, len(viaIndex), len(viaScan))
			}
		}
	}
}

// The index is read only when it costs less than scanning the candidates:
// a term whose words fill long lists, searched within a few hits, is left
// to the scan, and answers the same.
func TestPrefixIndexLeavesFewCandidatesToTheScan(t *testing.T) {
	indexed, _ := prefixTestCorpus(t)
	n := len(indexed.Articles)
	if indexed.fields.terms.withPrefix("the", n, n) == nil {
		t.Fatalf("a fresh search for a common prefix does not read the index")
	}
	if indexed.fields.terms.withPrefix("the", n, 1) != nil {
		t.Errorf("one candidate reads the whole list of a common prefix")
	}
}
