package corpus

import "testing"

// The cue shapes added for news the engine was not written for, each on
// sentences written for the test.
func TestCueShapes(t *testing.T) {
	tests := []struct {
		name    string
		body    []string
		quote   string // prefix of the statement
		speaker string
	}{
		{"name, apposition of any shape, then the verb",
			[]string{"Governor Dale Pruitt leads the field.", "“We will carry the state by ten points,” Pruitt, the front-runner in most of the polls taken since May, told supporters."},
			"We will carry", "Dale Pruitt"},
		{"name, age, verb",
			[]string{"The mayor, Grace Okonkwo, spoke first.", "“It is a fair question,” Okonkwo, 58, told a local radio station."},
			"It is a fair", "Grace Okonkwo"},
		{"a party and a job before the name",
			[]string{"“Turnout will decide this,” Green party strategist Maya Lindqvist said."},
			"Turnout will", "Maya Lindqvist"},
		{"a group's office before the name",
			[]string{"“The ruling changes nothing,” watchdog group president Tom Farrow said on Monday."},
			"The ruling", "Tom Farrow"},
		{"a colon with no verb",
			[]string{"The result did not surprise pollster Dana Whitfield: “Newcomers who win early contests always get a lift in the national polls.”"},
			"Newcomers who", "Dana Whitfield"},
		{"a place and a job before the name",
			[]string{"“We are all props in this show,” said Ohio delegate Rosa Quint."},
			"We are all", "Rosa Quint"},
		{"a possessive and a job before the name",
			[]string{"“This has never happened before,” said Moreno’s senior policy aide Jan Vilks."},
			"This has never", "Jan Vilks"},
		{"a dateline before the subject",
			[]string{"MADRID – Senator Lucia Ferrer has called the plan “a betrayal of every promise we made.”"},
			"a betrayal", "Lucia Ferrer"},
		{"a question, then said and a name with a long apposition",
			[]string{"“Do you want a company reading every message you send?” said Mira Osei, an assistant professor of computing at a large state university in the Midwest."},
			"Do you want", "Mira Osei"},
		{"an exclamation, then the name and the verb",
			[]string{"“We will win this state in November!” Governor Tom Beale said as the crowd cheered."},
			"We will win", "Tom Beale"},
		{"a role, then the name set off by commas, then the verb",
			[]string{"“The program deserves a close look,” the Treasury spokesman, Owen Marsh, said on Thursday."},
			"The program", "Owen Marsh"},
		{"Said opening the sentence",
			[]string{"Said Rhoda Finch, who grew up on the same street, “We were all so proud of her.”"},
			"We were all", "Rhoda Finch"},
		{"as X put it",
			[]string{"Or, as Gil Navarro, a former minister, put it: “The barbarians are already inside the gate.”"},
			"The barbarians", "Gil Navarro"},
		{"a surname that is also a title, after Mr.",
			[]string{"Pollster Carl King has run surveys for both parties.", "“The drop-off in the suburbs is real,” Mr. King said."},
			"The drop-off", "Carl King"},
		{"a surname that is also a country, after a given name",
			[]string{"“Read the numbers from last year first,” said Representative Dan Israel of Ohio."},
			"Read the numbers", "Dan Israel"},
		{"an introduction with a place and a time before the subject",
			[]string{"At a rally in Ames, Iowa, on Sunday, Senator Rita Vance promised “a budget that finally balances.”"},
			"a budget", "Rita Vance"},
		{"said, a place, a job, then the name",
			[]string{"“The court seat matters most to me,” said Idaho software executive Frank Vance, who backs the senator."},
			"The court seat", "Frank Vance"},
		{"according to someone's job and name",
			[]string{"The speech, according to the governor's former budget director Ada Kemp, is “a real test of his nerve.”"},
			"a real test", "Ada Kemp"},
		{"a name, an apposition opening with a, then the verb",
			[]string{"Former House speaker Ned Gable, a longtime ally, said in an interview that the mayor should “ignore the noise.”"},
			"ignore the noise", "Ned Gable"},
		{"an aside of the writer's between the quotation and the cue",
			[]string{"“To see how many cases could change is stunning,” since so many were decided by one vote, said Lena Ortiz, who teaches law."},
			"To see how many", "Lena Ortiz"},
		{"a missing space after the cue",
			[]string{"“The deal is dead,” Mayor Anton Reyes said.Reyes then left the room."},
			"The deal is dead", "Anton Reyes"},
		{"a capitalised verb after a name and an apposition",
			[]string{"Ivo Murnane runs the group.", "“Not us, but we cannot argue with it!” Murnane, the head of the group, Tweeted on Friday."},
			"Not us", "Ivo Murnane"},
		{"a person issues a statement saying",
			[]string{"On Saturday, Governor Leah Brandt issued a statement saying that the judge was “a brilliant and fair mind.”"},
			"a brilliant", "Leah Brandt"},
		{"a short place aside between the name and the verb",
			[]string{"Governor Hal Brook, in Dayton, said on Tuesday that his rival was “a total lightweight on every issue.”"},
			"a total lightweight", "Hal Brook"},
		{"a speech verb outside the core list",
			[]string{"The bill was drafted by Erik Halvorsen.", "“Go and read the bill first,” Halvorsen snapped as he left the room."},
			"Go and read", "Erik Halvorsen"},
		{"a partial quotation inside reported speech",
			[]string{"Senator Ines Moreau mocked her rival for “having a very bad night” after the returns came in."},
			"having a very", "Ines Moreau"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, append([]string{"The campaign entered its last week."}, tt.body...)...)
			if q := quoteOf(t, a, tt.quote); q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

func TestPronounsByGenderAndSubject(t *testing.T) {
	tests := []struct {
		name    string
		body    []string
		quote   string
		speaker string
	}{
		{"he goes to the subject, not the person the sentence mentions",
			[]string{
				"“We need a vote this week,” Senator Paul Whitman said.",
				"Councillor Mark Dunne said Governor Alan Reyes had ignored the plan.",
				"“He never once asked for our view,” he said.",
			},
			"He never once", "Mark Dunne"},
		{"she never goes to a man",
			[]string{
				"Judge Karen Holt heard the case in the morning.",
				"Lawyer Thomas Greer argued for the company.",
				"“The record speaks for itself,” she said.",
			},
			"The record", "Karen Holt"},
		{"a place named first is no one's pronoun",
			[]string{
				"Analyst Victor Brandt studied the returns.",
				"In states like South Carolina, he said, “the old coalitions still hold.”",
			},
			"the old coalitions", "Victor Brandt"},
		{"a colon hands the quotation to the sentence's pronoun subject",
			[]string{
				"“I have won more votes than anyone,” Senator Alma Reyes said.",
				"She then turned to the protesters: “Here is what I regret. I regret that you will not listen.”",
			},
			"Here is what", "Alma Reyes"},
		{"a given name that is also a common word opens a name",
			[]string{
				"“We will win the state,” Senator Ada Ruiz said on Friday.",
				"Bill Tovey, a pollster for two newspapers, sounded a cautious note. While confidence is high, he said, “this has done nothing to calm voters.”",
			},
			"this has done", "Bill Tovey"},
		{"he skips the last speaker when she is a woman",
			[]string{
				"“The numbers are bad,” Mayor Linda Park said.",
				"Treasurer David Cole disagreed.",
				"“The numbers are fine,” he said.",
			},
			"The numbers are fine", "David Cole"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, append([]string{"The council met on Monday."}, tt.body...)...)
			if q := quoteOf(t, a, tt.quote); q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

func TestNameGender(t *testing.T) {
	for _, tt := range []struct {
		name string
		want byte
	}{
		{"Karen Holt", 'f'}, {"David Cole", 'm'}, {"Mrs. Holt", 'f'}, {"Okafor", 0}, {"Jordan Okafor", 0},
	} {
		if got := nameGender(tt.name); got != tt.want {
			t.Errorf("nameGender(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if fits("she", "David Cole") || !fits("she", "Okafor") || !fits("they", "David Cole") {
		t.Error("fits: a pronoun must rule out only a known other gender")
	}
}

func TestSubjectBehindAnIntroOrModifiers(t *testing.T) {
	tests := []struct {
		name    string
		body    []string
		quote   string
		speaker string
	}{
		{"a participle phrase opens the sentence",
			[]string{"Speaking at a county fair in Ohio, Senator Maria Lopez called the bill “a gift to the banks.”"},
			"a gift to", "Maria Lopez"},
		{"describing words before the subject's name",
			[]string{"Independent presidential candidate Walter Price is refusing to answer what he calls “a smear campaign by insiders.”"},
			"a smear", "Walter Price"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, append([]string{"The race tightened this week."}, tt.body...)...)
			if q := quoteOf(t, a, tt.quote); q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

func TestQuotationAfterReportedSpeech(t *testing.T) {
	tests := []struct {
		name    string
		body    []string
		quote   string
		speaker string
	}{
		{"in the same paragraph",
			[]string{`Referee Alan Dawes said there had been a complaint after the game. "The visiting players found the door open and walked in." The club disputes his account.`},
			"The visiting", "Alan Dawes"},
		{"in the next paragraph",
			[]string{"Economist Ruth Mbeki said the figures were worse than they looked.", "“Wages have not kept up with rents for a decade.”"},
			"Wages have", "Ruth Mbeki"},
		{"a quoted sentence runs straight into the next one",
			[]string{`"I was shocked when I heard it," Tom Ashby said. "To say I would cheat is very hurtful." Officials studied the tape and said there was no case.`},
			"To say I", "Tom Ashby"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, append([]string{"The hearing is next week."}, tt.body...)...)
			if q := quoteOf(t, a, tt.quote); q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

func TestUnnamedSpokespeopleGoToTheirOrganisation(t *testing.T) {
	tests := []struct {
		name    string
		body    []string
		quote   string
		speaker string
	}{
		{"the agency said in a statement: the public body named",
			[]string{"The FCA fined Northwind Bank on Tuesday.", `"The bank ignored clear warnings for two years," the agency said in a statement.`},
			"The bank ignored", "FCA"},
		{"the airline said: the company whose name holds the noun",
			[]string{"The CAA fined Baltic Airlines over late refunds.", `"We do not accept the findings," the airline said.`},
			"We do not accept", "Baltic Airlines"},
		{"the regulator said: a body named in full",
			[]string{"The Food Standards Authority banned the drink.", "The regulator said: “The label misled buyers about the sugar in it.”"},
			"The label", "Food Standards Authority"},
		{"it said: never a person",
			[]string{"Senator Joan Pike asked the CDC to explain the delay.", `"We will publish the data next month," it said.`},
			"We will publish", "CDC"},
		{"a place and an organisation word make an organisation, not a person",
			[]string{"Striker Tom Ames was reported to Northern Counties Police by fans.", `"I deny it completely," he said.`},
			"I deny", "Tom Ames"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, append([]string{"The decision came after a long inquiry."}, tt.body...)...)
			if q := quoteOf(t, a, tt.quote); q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
		})
	}
}

func TestTranscriptInitials(t *testing.T) {
	a := analysed(t,
		"Reporter Paula Grant put the claims to bank chief Simon Achebe.",
		"Achebe: We rejected those findings and we will appeal.",
		"Grant: When will you appeal?",
		"S: Within the month, once the lawyers have read the ruling.",
		"P: And if the appeal fails?",
		"SA: Then we will pay, but it will not fail.",
	)
	for _, w := range []struct{ prefix, speaker string }{
		{"Within the month", "Simon Achebe"},
		{"And if the appeal", "Paula Grant"},
		{"Then we will pay", "Simon Achebe"},
	} {
		if q := quoteOf(t, a, w.prefix); q.Speaker != w.speaker {
			t.Errorf("%q: speaker %q, want %q", w.prefix, q.Speaker, w.speaker)
		}
	}
	if got := byInitials("K", map[string]string{"kay": "Ann Kay", "kent": "Kim Kent"}); got != "" {
		t.Errorf("an initial that fits two people gave %q", got)
	}
}

func TestAPersonCallingSomethingSaysIt(t *testing.T) {
	a := analysed(t,
		"The campaign grew bitter in its last week.",
		"Governor Nora Blythe said her rival's budget was “a fantasy” and called his aides “amateurs.”",
		"Hackers called “Graywolf” were blamed, the ministry said.",
	)
	for _, text := range []string{"a fantasy", "amateurs"} {
		if q := quoteOf(t, a, text); q.Kind != Direct || q.Speaker != "Nora Blythe" {
			t.Errorf("%q: kind %q speaker %q, want direct by Nora Blythe", text, q.Kind, q.Speaker)
		}
	}
	if q := quoteOf(t, a, "Graywolf"); q.Kind != Scare || q.Speaker != "" {
		t.Errorf("a name: kind %q speaker %q, want a scare quote with no speaker", q.Kind, q.Speaker)
	}
}

func TestHeadlineWordsAreNeverSpeakers(t *testing.T) {
	a := Parse("t", "t.txt", "Does Harlow Deliver? Northwind Hits Back At Critics\n\n"+
		"The airline answered its critics on Monday.\n\n"+
		"“We have nothing to hide from anyone,” he said.\n\n"+
		"Chief executive Ian Harlow later said the inquiry was “a waste of public money.”\n")
	a.Analyse()
	if q := quoteOf(t, a, "We have nothing"); q.Speaker != "" {
		t.Errorf("a pronoun with no one named in the body went to %q", q.Speaker)
	}
	if q := quoteOf(t, a, "a waste"); q.Speaker != "Ian Harlow" {
		t.Errorf("speaker %q, want Ian Harlow", q.Speaker)
	}
}

func TestArticlesAsTheyCome(t *testing.T) {
	t.Run("a first line that is a lead paragraph keeps its quotations", func(t *testing.T) {
		lead := "The regulator on Tuesday fined the largest lender in the region for what its chair, Ana Prieto, called “years of reckless lending to people who could never pay,” and ordered it to repay its customers."
		a := Parse("t", "t.txt", lead+"\n\nThe bank said it would appeal.\n")
		a.Analyse()
		if q := quoteOf(t, a, "years of reckless"); q.Paragraph != 0 || q.Speaker != "Ana Prieto" {
			t.Errorf("paragraph %d speaker %q, want paragraph 0 by Ana Prieto", q.Paragraph, q.Speaker)
		}
		if a.Title != lead || a.Words != countWords(lead)+6 {
			t.Errorf("title %q, %d words", a.Title, a.Words)
		}
	})
	t.Run("a body and its document are one speaker", func(t *testing.T) {
		a := analysed(t,
			"The alliance met in Lisbon.",
			"The Northern League’s 2024 Charter warned that “the seas are contested every day.”",
			"“We will defend every member,” the Northern League said in a communiqué.",
		)
		doc, body := quoteOf(t, a, "the seas"), quoteOf(t, a, "We will defend")
		if doc.Speaker != body.Speaker {
			t.Errorf("document by %q, body by %q: want one speaker", doc.Speaker, body.Speaker)
		}
	})
}

func TestLabelsAndNamesStayScareQuotes(t *testing.T) {
	a := analysed(t,
		"The summit ended on Friday.",
		"Minister Hana Sato criticised the “no-limits” partnership between the two powers.",
		"Recently, envoy Paul Dorn gave an interview to the state-owned media platform “Morning Bell,” where he discussed the talks.",
		"At least ten member states were named in a report, while two were shown to have a high ‘troll score’ on social media.",
	)
	for _, text := range []string{"no-limits", "Morning Bell", "troll score"} {
		if q := quoteOf(t, a, text); q.Kind != Scare || q.Speaker != "" {
			t.Errorf("%q: kind %q speaker %q, want a scare quote", text, q.Kind, q.Speaker)
		}
	}
}

func TestOneCueCoversTheSentencesShortQuotes(t *testing.T) {
	a := analysed(t,
		"The primary was on Tuesday.",
		"Governor Ray Dunmore said on Tuesday that his rival was “a lightweight” while the senator is “a liar.”",
		"Later, Chancellor Petra Lind said the alliance had adopted its “Strategic Compass” and called the threats “very real.”",
	)
	for _, text := range []string{"a lightweight", "a liar."} {
		if q := quoteOf(t, a, text); q.Kind != Direct || q.Speaker != "Ray Dunmore" {
			t.Errorf("%q: kind %q speaker %q, want direct by Ray Dunmore", text, q.Kind, q.Speaker)
		}
	}
	if q := quoteOf(t, a, "Strategic Compass"); q.Kind != Scare {
		t.Errorf("a title: kind %q speaker %q, want a scare quote", q.Kind, q.Speaker)
	}
}
