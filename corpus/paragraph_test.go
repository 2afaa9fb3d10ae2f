package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// cutPointByEnds is cutPoint's sentence ends as first written: a search
// for the last of each end in turn.
func cutPointByEnds(s string) (int, bool) {
	half := len(s) / 2
	for _, end := range sentenceEnds {
		if i := strings.LastIndex(s, end); i >= half {
			return i + len(end), true
		}
	}
	return 0, false
}

// sentenceCut finds the cut the search for each end in turn finds, on
// texts made of sentence ends, their parts and words.
func TestSentenceCutAsSearchByEnds(t *testing.T) {
	parts := []string{". ", "? ", "! ", ".” ", "” ", "a", " ", "”", ".", "é", "?", "word"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		gotCut, gotOK := sentenceCut(s)
		wantCut, wantOK := cutPointByEnds(s)
		if gotCut != wantCut || gotOK != wantOK {
			t.Fatalf("%q: cut %d %v, want %d %v", s, gotCut, gotOK, wantCut, wantOK)
		}
	}
}

// FuzzSentenceCut: any text gets the cut of the search by ends.
func FuzzSentenceCut(f *testing.F) {
	f.Add("He said. She said? ” ok.” yes")
	f.Fuzz(func(t *testing.T, s string) {
		gotCut, gotOK := sentenceCut(s)
		wantCut, wantOK := cutPointByEnds(s)
		if gotCut != wantCut || gotOK != wantOK {
			t.Fatalf("%q: cut %d %v, want %d %v", s, gotCut, gotOK, wantCut, wantOK)
		}
	})
}
