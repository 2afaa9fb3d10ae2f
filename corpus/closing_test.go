package corpus

import "testing"

// A quotation that ends, with its own full stop, a sentence whose speech
// verb stands before it: the capitalised words after it open the next
// sentence, whose cue is someone else's.
func TestQuotationClosesSaidSentence(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the speaker before the quotation keeps it",
			[]string{"At a rally on Monday, Senator Tom Hale said Ann Lee is “unfit for office now.” Senator Greg Moss, also a candidate, called the plan “a bad joke for all of us“ in a post on Sunday."},
			"unfit for office", "Tom Hale"},
		{"the next sentence's quotation is its own subject's, apposition and all",
			[]string{"At a rally on Monday, Senator Tom Hale said Ann Lee is “unfit for office now.” Senator Greg Moss, also a candidate, called the plan “a bad joke for all of us“ in a post on Sunday."},
			"a bad joke", "Greg Moss"},
		{"a name-first cue after the full stop does not take the quotation",
			[]string{"Former governor Tom Hale called the order “quite dangerous.” Ohio Gov. Greg Moss, hoping to win, called Lee a “petulant child” who acts “as if she is a queen.”"},
			"quite dangerous", "Tom Hale"},
		{"a verb-first cue after the quotation still takes it",
			[]string{"As many people believe, and some have said — “why would you not ask about it?” asked Ann Lee, a former mayor."},
			"why would you not", "Ann Lee"},
		{"he in the next paragraph is the subject of the new sentence",
			[]string{
				"Tom Hale called the ruling “unfair.” Greg Moss, a lawyer for the town, warned that the ruling would cost it dearly.",
				"“The town cannot pay this,” he wrote in a letter.",
			},
			"The town cannot pay", "Greg Moss"},
	})
}
