package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// matchLabel reads a label in one pass: it must agree with labelRe, the
// expression it stands for, on labels, near-labels and runs of the
// characters where they could differ.
func TestMatchLabelAgreesWithTheExpression(t *testing.T) {
	texts := []string{
		"Q: Why?", "A: Because.", "Q:Why?", "Q: ", "Q:  x", "Q :\tx", "Question: x", "[John] Harwood: x",
		"MR SMITH: x", "Mr. Smith: x", "Jean-Luc O’Neil: x", "Émile Zola: x", "Ann Lee Kim Park: x",
		"Ann Lee Kim Park Cho: x", "ann: x", "Note: x", "Q\v: x", "Q:\vx", "Q:\nx", "[Q]: x", "[[Q: x",
		"Q]]: x", "Dr. Ann-Marie  Lee  : x", "Q", ":", "", "É\u0301: x", "Q: \xff", "\xffQ: x",
		"BEIJING: The ministry said", "Lee said: “We won.”", "A B C D: x", "A b: x",
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"Q", "a", "É", "é", "\u0301", "[", "]", " ", "\t", "\v", ":", ".", "-", "'", "’", "x", "1", "\n", "Lee", " Kim"}
	for range 20000 {
		var b strings.Builder
		for n := r.IntN(10); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, p := range texts {
		m := labelRe.FindStringSubmatch(p)
		got, ok := matchLabel(p)
		if ok != (m != nil) || ok && got != m[1] {
			t.Fatalf("matchLabel(%q) = %q, %v; the expression finds %q", p, got, ok, m)
		}
	}
}
