package corpus

import "testing"

// Read in one pass for many words, the paragraphs tell each word's use as
// capitalUse does word by word: at a sentence's or quotation's opening, in
// the middle of one, inside a longer word, or not at all.
func TestCapitalUsesAgreesWithCapitalUse(t *testing.T) {
	paras := []string{
		"Transport minister Rosa Lind said. Pop singers met Eir.",
		"“Unite will fight,” said Unite’s leader. Ölwerk denied it; Ölwerker did not.",
		"Acme2 and AT&T, said Bo. (Ça va.) “Nord,” Nord Group said.",
	}
	words := []string{"Transport", "Pop", "Eir", "Unite", "Ölwerk", "Ölwerker", "Acme", "Acme2", "AT&T", "Bo", "Ça", "Nord", "Rosa", "Lind", "Absent", "minister", "Group"}
	uses := capitalUses(words, paras)
	if len(words) <= maxScannedWords {
		t.Fatal("too few words to read them in one pass")
	}
	for _, w := range words {
		seen, mid := capitalUse(w, paras)
		if got := uses[w]; got != [2]bool{seen, mid} {
			t.Errorf("%q: one pass gives %v, capitalUse %v %v", w, got, seen, mid)
		}
	}
}
