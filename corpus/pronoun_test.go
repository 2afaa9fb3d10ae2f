package corpus

import "testing"

// The rules that decide whom "he" and "she" stand for, on text written for
// the test.
func TestPronounRules(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a sentence opening after a quotation's full stop has a subject of its own",
			[]string{
				"“We will carry the county,” said Mayor Tom Reyes, adding that “the numbers are with us.” Pollster Mark Whitfield disagreed with that reading. Looking at the turnout, he said, the county “leans the other way this year.”",
			},
			"leans the other way", "Mark Whitfield"},
		{"a name after the pronoun that opens a sentence is not its subject",
			[]string{
				"Tom Reyes spoke first at the hall on Monday.",
				"Then he praised Mark Hill for the work on the bridge. “It was a long road for all of us,” he said.",
			},
			"It was a long road", "Tom Reyes"},
		{"a place named like a woman before an abbreviated title is not part of the name",
			[]string{
				"Virginia Gov. Terry Lee signed the order on Friday.",
				"“This is a day for celebration in every county,” he said.",
			},
			"This is a day", "Terry Lee"},
		{"a name that only describes a role before another name is not the subject",
			[]string{
				"Governor Tom Lee toured the site on Monday.",
				"Lee spokesman Mark Hart later criticised the plan. “It is a waste of money,” he said.",
			},
			"It is a waste", "Mark Hart"},
		{"he said after the writer's words that carry on a quotation",
			[]string{
				"Tom Hart farms the land his father farmed.",
				"“The rules are just so unfair to small farms” in the county, he said in an interview.",
			},
			"The rules are just", "Tom Hart"},
		{"he after a sentence of reported speech that closes with its speaker",
			[]string{
				"Senator Ted Cruz spoke for an hour in the barn.",
				"Cruz won the small crowd over with his promises, Tom Hart said. “He was very sharp and well spoken,” he said.",
			},
			"He was very sharp", "Tom Hart"},
		{"a partial quotation in a sentence whose subject is a pronoun",
			[]string{
				"Ann Lee spoke at the rally on Monday.",
				"She ended her speech with “a promise to keep every library open.”",
			},
			"a promise to keep", "Ann Lee"},
		{"he after a subject known only by title and surname, whose full name was only quoted",
			[]string{
				"“The plan was drawn up under Walter Brennan,” Ann Lee said of the bridge.",
				"Officer Mark Hill guarded the site for a week.",
				"Mr. Brennan defended the plan on Tuesday. “It will pay for itself,” he said.",
			},
			"It will pay", "Brennan"},
		{"an honorific's gender decides for a subject known only by surname",
			[]string{
				"Tom Hale and Ms. Okafor met on Monday.",
				"Ms. Okafor spoke later, after Tom Hale. “We need more time,” she said.",
			},
			"We need more time", "Okafor"},
		{"a name in a phrase of place or company opening the sentence is not its subject",
			[]string{
				"Tom Hale has run the bakery for thirty years.",
				"At a lunch with Mark Hill, he spoke about his plans. “We will open a second shop,” he said.",
			},
			"We will open", "Tom Hale"},
		{"a name in an opening comparison is not the subject",
			[]string{
				"Tom Hale argued for the new road at the council.",
				"Like Mark Hill, Greg Moss opposed it. “It will cut the village in two,” he said.",
			},
			"It will cut the village", "Greg Moss"},
		{"a quotation may hold the comma that closes the opening phrase",
			[]string{
				"Greg Moss chaired the meeting.",
				"At a meeting with Grace Park billed as “Homes for All,” Tom Hale unveiled the plan. “It starts this spring,” he said.",
			},
			"It starts this spring", "Tom Hale"},
		{"a statement she released speaks for her",
			[]string{
				"Ann Lee runs the shelter on Dock Street.",
				"Later, she released a statement saying “the doors stay open all winter.”",
			},
			"the doors stay open", "Ann Lee"},
		{"a capitalised pronoun opening the sentence is its subject, not an introduction",
			[]string{
				"Tom Hale chairs the parks board.",
				"He also issued a statement on the closures, saying, “No park will shut this year.”",
			},
			"No park will shut", "Tom Hale"},
		{"a pronoun after a conjunction is the subject",
			[]string{
				"Ann Lee took questions from the floor for an hour.",
				"But she wanted to know, “Who will pay for the new roof?”",
			},
			"Who will pay", "Ann Lee"},
		{"a time phrase after a conjunction is still an introduction",
			[]string{
				"Ann Lee first backed the plan in March.",
				"But a few days later, Ann Lee reversed herself, telling the radio that the rules “are set for good and will stay that way.”",
			},
			"are set for good", "Ann Lee"},
		{"a word that only opens a name of a thing is no title",
			[]string{
				"Ann Lee spoke at the National Convention on Monday.",
				"“We need more time,” she said.",
			},
			"We need more time", "Ann Lee"},
	})
}

// A statement that closes a sentence about "him" speaks about him, not
// for him: the pronoun that opens the sentence is no cue.
func TestStatementAboutHimIsNotHis(t *testing.T) {
	a := analysed(t,
		"Tom Hale worked at the mill for ten years.",
		"He was “a kind and careful colleague,” the statement said.")
	if q := quoteOf(t, a, "a kind and careful"); q.Speaker == "Tom Hale" {
		t.Errorf("speaker = %q, want the statement's issuer, not the man it describes", q.Speaker)
	}
}
