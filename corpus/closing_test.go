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

// A quotation after no more than a short phrase and a comma ("Unless …,
// “…”", "Then, “…”") carries on the speaker quoted before it in the
// paragraph.
func TestQuotationAfterIntroContinuesSpeaker(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an opening clause with no name or speech verb",
			[]string{"“It's a hard moment,” said Mark Hill, a local farmer. Unless the owners change course, “the valley will empty within ten years.”"},
			"the valley will empty", "Mark Hill"},
		{"a single opening word",
			[]string{"“Nobody came at first,” Ann Lee said. Then, “the whole street turned up at once.”"},
			"the whole street", "Ann Lee"},
	})
	// A name in the opening phrase makes it someone else's sentence.
	a := analysed(t, "“It's a hard moment,” said Mark Hill, a local farmer. For the owners at Ridge Mills, “the valley is worth the wait.”")
	if q := quoteOf(t, a, "the valley is worth"); q.Speaker == "Mark Hill" {
		t.Errorf("speaker = %q, want no carry-over past a phrase naming others", q.Speaker)
	}
}
