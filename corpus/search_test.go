package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"counterpoint/corpus/synth"
)

func hitIDs(c *Corpus, hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, c.Articles[h.Index].ID[:3])
	}
	return out
}

// Expected hits read off the seeds by hand: Stoltenberg is named in 000,
// 001 and 003; Zhao Lijian is quoted in 000 and 001.
func TestSearchSeeds(t *testing.T) {
	c := LoadSeeds()
	tests := []struct {
		query string
		want  []string
	}{
		{"stolt", []string{"003", "000", "001"}}, // 003 names him in its subtitle, ranked first
		{"Jens Stoltenberg", []string{"003", "000", "001"}},
		{"@zhao", []string{"000", "001"}},
		{"stolt !hafnium", []string{"003", "000"}},
		{"'Strategic Concept", []string{"000"}},
		{"condemn", []string{"002", "001"}}, // 002's title, then body words in 001 (condemned, condemnations)
		{"condemns", []string{"002"}},
		{"'NATO", []string{"000", "002", "003", "001"}}, // titles of 000 and 002 first
		{"xyzzy", nil},
	}
	for _, tt := range tests {
		if got := hitIDs(c, c.Search(tt.query, nil)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchSmartCase(t *testing.T) {
	c := NewCorpus([]*Article{
		analysedArticle("Apple pie recipes"),
		analysedArticle("APPLE sues regulator"),
	}, nil)
	if got := len(c.Search("apple", nil)); got != 2 {
		t.Errorf("lower case matches %d, want both", got)
	}
	if got := c.Search("APPLE", nil); len(got) != 1 || got[0].Index != 1 {
		t.Errorf("capitals must match case-sensitively: %v", got)
	}
}

func analysedArticle(title string, body ...string) *Article {
	a := Parse(strings.ToLower(strings.Fields(title)[0]), "x", title+"\n\n"+strings.Join(append(body, "Body text."), "\n")+"\n")
	a.Analyse()
	return a
}

func TestSearchBodyIsWordPrefixNotFuzzy(t *testing.T) {
	c := NewCorpus([]*Article{
		analysedArticle("First", "The ministry published its cybersecurity strategy."),
		analysedArticle("Second", "Citizens buy electronic readers."),
	}, nil)
	if got := hitIDs(c, c.Search("cyber", nil)); !slices.Equal(got, []string{"fir"}) {
		t.Errorf("word prefix: %v", got)
	}
	// c-y-b-e-r are scattered over the second body; that must not match.
	if got := hitIDs(c, c.Search("cybr", nil)); len(got) != 0 {
		t.Errorf("scattered letters in a body matched: %v", got)
	}
}

func TestSearchHighlightsAccentedTitles(t *testing.T) {
	c := NewCorpus([]*Article{analysedArticle("Zürich café hacked")}, nil)
	hits := c.Search("zür", nil)
	if len(hits) != 1 {
		t.Fatalf("no hit")
	}
	title := c.Articles[0].Title
	var got []rune
	for _, off := range hits[0].Title {
		r, _ := utf8.DecodeRuneInString(title[off:])
		got = append(got, r)
	}
	if string(got) != "Zür" {
		t.Errorf("highlighted %q, want the letters Z, ü, r", string(got))
	}
}

func TestNarrows(t *testing.T) {
	tests := []struct {
		prev, next string
		want       bool
	}{
		{"sto", "stol", true},
		{"sto", "sto nato", true},
		{"sto", "sto !nato", true},
		{"!sto", "!stol", false}, // a longer exclusion excludes less
		{"stol", "sto", false},
		{"", "s", false},
	}
	for _, tt := range tests {
		if got := Narrows(tt.prev, tt.next); got != tt.want {
			t.Errorf("Narrows(%q, %q) = %v", tt.prev, tt.next, got)
		}
	}
}

func TestNarrowingGivesTheSameHits(t *testing.T) {
	c := synthCorpus(500)
	prev := c.Search("accus", nil)
	var within []int
	for _, h := range prev {
		within = append(within, h.Index)
	}
	full, narrowed := c.Search("accuse", nil), c.Search("accuse", within)
	if !slices.EqualFunc(full, narrowed, func(a, b Hit) bool { return a.Index == b.Index }) {
		t.Errorf("narrowed search differs: %d vs %d hits", len(narrowed), len(full))
	}
}

func synthCorpus(n int) *Corpus {
	articles := make([]*Article, n)
	for i := range articles {
		articles[i] = Parse(fmt.Sprint(i), "synth", synth.Article(i))
		articles[i].Analyse()
	}
	return NewCorpus(articles, nil)
}

// keystrokeQueries are typed a letter at a time by BenchmarkKeystrokes:
// names and words of the synthetic corpus, a word it lacks, and two terms.
var keystrokeQueries = []string{"sorensen", "stoltenberg", "nato", "cyber norway"}

// BenchmarkKeystrokes is the filter cost of every letter of a query, typed
// as the list does it: a letter that extends the query searches only the
// previous hits. It reports the median time of each prefix and the worst
// of them (targets: each letter within fzf's time over the same titles and
// speakers, and under 16 ms at 10k articles, a frame).
func BenchmarkKeystrokes(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		if testing.Short() && n > 10_000 {
			continue
		}
		c := synthCorpus(n)
		for _, q := range keystrokeQueries {
			b.Run(fmt.Sprintf("articles=%d/q=%s", n, strings.ReplaceAll(q, " ", "_")), func(b *testing.B) {
				times := make([][]time.Duration, len(q))
				for b.Loop() {
					TypeQuery(c, q, func(i int, d time.Duration) { times[i] = append(times[i], d) })
				}
				worst := 0.0
				for i, ts := range times {
					slices.Sort(ts)
					ms := float64(ts[len(ts)/2]) / 1e6
					worst = max(worst, ms)
					b.ReportMetric(ms, "ms/"+strings.ReplaceAll(q[:i+1], " ", "_"))
				}
				b.ReportMetric(worst, "ms/worst")
			})
		}
	}
}

// More distinct words than the line count suggests (no spaces, many
// punctuation-separated words) must not fill the word set.
func TestIndexWordsGrows(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "w%d,", i)
	}
	a := Parse("x", "x", "Title\n\n"+b.String()+"\n")
	a.Analyse()
	if !strings.Contains(a.words, " w4999 ") {
		t.Errorf("the last word is missing from the index")
	}
}

// The two-letter index answers short terms exactly as a scan would.
func TestPrefixBitsetAgreesWithTheScan(t *testing.T) {
	c := synthCorpus(200)
	c.PrepareSearch()
	for _, q := range []string{"a", "q", "x", "ac", "zz", "th", "sor", "q9"} {
		for i, a := range c.Articles {
			scan := strings.Contains(a.words, " "+q)
			if got := c.hasWordPrefix(i, &term{text: q, wordStart: " " + q}); got != scan {
				t.Fatalf("%q in %s: index says %v, the text says %v", q, a.ID, got, scan)
			}
		}
	}
}

// Accents are folded as fzf folds them, on both sides, and the lit letters
// are those of the title as written.
func TestSearchFoldsAccents(t *testing.T) {
	c := NewCorpus([]*Article{
		analysedArticle("Zürich café hacked"),
		analysedArticle("Markets steady", "Traders in Zürich and São Paulo were calm."),
		analysedArticle("Weather", "Rain over the lake."),
	}, nil)
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"zurich", []string{"zü", "mar"}}, // the title first, then the body word (IDs are cut to 3 bytes)
		{"zürich", []string{"zü", "mar"}},
		{"cafe", []string{"zü"}},
		{"'são", []string{"mar"}},
		{"sao", []string{"mar"}},
		{"Cafe", nil}, // a capital asks for case
	} {
		if got := hitIDs(c, c.Search(tt.query, nil)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
	}
	hits := c.Search("zurich", nil)
	title := c.Articles[0].Title
	var lit []rune
	for _, off := range hits[0].Title {
		r, _ := utf8.DecodeRuneInString(title[off:])
		lit = append(lit, r)
	}
	if string(lit) != "Zürich" {
		t.Errorf("lit %q, want the letters of Zürich", string(lit))
	}
}

// Equal scores keep corpus order, whatever order the narrowed-from hits
// came in.
func TestSearchTiesInCorpusOrder(t *testing.T) {
	c := synthCorpus(300)
	full := c.Search("region", nil)
	within := make([]int, 0, len(full))
	for i := len(full) - 1; i >= 0; i-- {
		within = append(within, full[i].Index)
	}
	again := c.Search("region", within)
	if !slices.EqualFunc(full, again, func(a, b Hit) bool { return a.Index == b.Index && a.Score == b.Score }) {
		t.Fatalf("narrowed from a reversed list, the ranking changed")
	}
	for i := 1; i < len(full); i++ {
		a, b := full[i-1], full[i]
		if a.Score < b.Score || a.Score == b.Score && a.Index > b.Index {
			t.Fatalf("hits %d and %d out of order: %+v %+v", i-1, i, a, b)
		}
	}
}

// A search ranks only what is read: its first screens, ranked in a heap,
// must be those of a full sort, and an article's position must be found
// without ranking.
func TestResultRanksOnlyWhatIsRead(t *testing.T) {
	c := synthCorpus(600)
	for _, q := range []string{"re", "s", "cyber no"} {
		full := c.Search(q, nil)
		r := c.Find(q, nil)
		if r.Len() != len(full) || len(full) < 4*screenful {
			t.Fatalf("%q: %d hits counted, %d ranked (need more than %d for the heap)", q, r.Len(), len(full), 4*screenful)
		}
		if len(r.ranked) >= len(full) {
			t.Errorf("%q: all %d hits ranked before any was read", q, len(full))
		}
		top := r.Window(0, screenful+10) // past the first screenful: ranks more
		if !slices.EqualFunc(top, full[:len(top)], func(a, b Hit) bool {
			return a.Index == b.Index && a.Score == b.Score && slices.Equal(a.Title, b.Title)
		}) {
			t.Errorf("%q: the heap's first screens differ from a full sort", q)
		}
		for _, i := range []int{0, 5, len(full) / 2, len(full) - 1} {
			if pos, ok := r.Position(full[i].Index); !ok || pos != i {
				t.Errorf("%q: article %d at %d, want %d", q, full[i].Index, pos, i)
			}
		}
	}
}

// The bottom of a long result is ranked from its end, without ranking the
// hits above it: the last screens are those of a full sort, and reading
// up from the bottom, or the whole list after, still gives the full sort.
func TestResultRanksTheBottomFromTheEnd(t *testing.T) {
	c := synthCorpus(600)
	for _, q := range []string{"re", "s", "cyber no"} {
		full := c.Search(q, nil)
		n := len(full)
		r := c.Find(q, nil)
		bottom := r.Window(n-12, 12)
		if !hitsEqual(bottom, full[n-12:]) {
			t.Errorf("%q: the last screen differs from a full sort", q)
		}
		if len(r.ranked) > screenful || len(r.tail) >= n/2 {
			t.Errorf("%q: reading the bottom ranked %d from the top and %d from the end of %d", q, len(r.ranked), len(r.tail), n)
		}
		if last := r.At(n - 1); !hitsEqual([]Hit{last}, full[n-1:]) {
			t.Errorf("%q: the last hit is %d, want %d", q, last.Index, full[n-1].Index)
		}
		for from := n - 12; from > 0; from -= 37 { // up, a page at a time
			if got := r.Window(from, 12); !hitsEqual(got, full[from:min(from+12, n)]) {
				t.Fatalf("%q: rows %d on differ from a full sort", q, from)
			}
		}
		if !hitsEqual(r.All(), full) {
			t.Errorf("%q: the whole list, read after its bottom, differs from a full sort", q)
		}
	}
}

func TestNarrowingAResultGivesTheSameHits(t *testing.T) {
	c := synthCorpus(500)
	prev := c.Find("accus", nil)
	prev.Window(0, 10) // reading it ranks part of it; the narrowing must not care
	if got, want := c.Find("accuse", prev).All(), c.Search("accuse", nil); !slices.EqualFunc(got, want, func(a, b Hit) bool { return a.Index == b.Index }) {
		t.Errorf("narrowed search differs: %d vs %d hits", len(got), len(want))
	}
}

// The byte-search path for ASCII terms, lower-case or with capitals,
// finds the same windows as the general one, word starts first.
func TestTightWindowPathsAgree(t *testing.T) {
	texts := []string{
		"Germany accuses France of cyberattacks in report 12",
		"Stoltenberg says NATO stands firm; the STORM passed",
		"so-so: Sorensen, Søren and the Sorbonne",
		"Zürich café hacked, São Paulo calm",
		"",
	}
	for _, q := range []string{"s", "so", "sor", "sto", "storm", "nato", "cy", "ca", "zz", "12", "re",
		"S", "So", "Sor", "St", "STORM", "NATO", "NA", "Ger", "G", "Zu", "Pa", "SP"} {
		general := parseQuery(q)[0]
		general.lower, general.bytewise = false, false
		fast := parseQuery(q)[0]
		if !fast.bytewise || fast.lower == fast.caseSensitive {
			t.Fatalf("%q should take the byte path, on lower-case text unless it has capitals", q)
		}
		for _, s := range texts {
			folded, _ := fold(s)
			text := folded
			if fast.lower {
				text = lowerASCII(folded)
			}
			glo, ghi, gok := tightWindow(&general, folded)
			flo, fhi, fok := tightWindow(&fast, text)
			if glo != flo || ghi != fhi || gok != fok {
				t.Errorf("%q in %q: general [%d,%d) %v, fast [%d,%d) %v", q, s, glo, ghi, gok, flo, fhi, fok)
			}
		}
	}
}

// Keeping some hits keeps their ranking, lit letters included.
func TestKeepFiltersWithoutReordering(t *testing.T) {
	c := synthCorpus(600)
	even := func(i int) bool { return i%2 == 0 }
	var want []Hit
	for _, h := range c.Search("so", nil) {
		if even(h.Index) {
			want = append(want, h)
		}
	}
	kept := c.Find("so", nil).Keep(even)
	if kept.Len() != len(want) {
		t.Fatalf("kept %d hits, want %d", kept.Len(), len(want))
	}
	if got := kept.All(); !slices.EqualFunc(got, want, func(a, b Hit) bool {
		return a.Index == b.Index && a.Score == b.Score && slices.Equal(a.Title, b.Title)
	}) {
		t.Errorf("the kept hits are not in the search's order")
	}
	if n := c.Find("", nil).Keep(even).Len(); n != 300 {
		t.Errorf("an empty query kept %d of 600 articles, want the 300 even ones", n)
	}
}

// A body whose words outrun the flat fields' 16-bit offsets is searched
// through its article.
func TestSearchFindsWordsOfAVeryLongBody(t *testing.T) {
	var b strings.Builder
	for i := range 15000 {
		fmt.Fprintf(&b, "w%d, ", i)
	}
	long := Parse("long", "x", "Title\n\n"+b.String()+"\n")
	long.Analyse()
	if len(long.words) < 1<<16 {
		t.Fatalf("the body's words take %d bytes; the test needs more than 65535", len(long.words))
	}
	c := NewCorpus([]*Article{long, analysedArticle("Other", "Nothing here.")}, nil)
	if got := hitIDs(c, c.Search("w14999", nil)); !slices.Equal(got, []string{"lon"}) {
		t.Errorf("the last word of a long body: %v", got)
	}
}

// Distinct windows get distinct numbers, the same window the same one,
// past the table's first growth and for windows too long to pack.
func TestWindowTableNumbersDistinctWindows(t *testing.T) {
	tab := newWindowTable()
	var texts []string
	for i := range 1000 {
		texts = append(texts, fmt.Sprintf("w%d", i), fmt.Sprintf("a long window number %d", i))
	}
	for round := range 2 {
		for k, s := range texts {
			if id := tab.id(s); int(id) != k {
				t.Fatalf("round %d: %q numbered %d, want %d", round, s, id, k)
			}
		}
	}
	if len(tab.texts) != len(texts) {
		t.Errorf("%d windows kept, want %d", len(tab.texts), len(texts))
	}
}
