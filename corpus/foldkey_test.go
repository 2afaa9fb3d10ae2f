package corpus

import (
	"strings"
	"testing"
)

// foldKey holds two strings equal exactly when strings.EqualFold does,
// with the runes whose case folds in threes (k, K and the Kelvin sign; s,
// S and the long s) and bytes that are not UTF-8.
func TestFoldKeyIsEqualFold(t *testing.T) {
	words := []string{"Kim", "KIM", "kim", "\u212aim", "Moss", "MOSS", "Mo\u017f\u017f", "Σίσυφος", "ΣΊΣΥΦΟΣ", "σίσυφοσ", "\xffa", "\uFFFDA", "Kimm", "", "Öz", "öZ"}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("%q, %q: same key %v, EqualFold %v", a, b, got, want)
			}
		}
	}
}

func FuzzFoldKey(f *testing.F) {
	f.Add("Kim", "\u212aIM")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
			t.Errorf("%q, %q: same key %v, EqualFold %v", a, b, got, want)
		}
	})
}
