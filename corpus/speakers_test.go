package corpus

import (
	"strings"
	"testing"
)

// analysed parses a made-up article: a title line, then one paragraph per
// line.
func analysed(t *testing.T, body ...string) *Article {
	t.Helper()
	a := Parse("test", "test.txt", "Test article\n\n"+strings.Join(body, "\n\n")+"\n")
	a.Analyse()
	return a
}

// quoteOf finds the statement whose text starts with prefix.
func quoteOf(t *testing.T, a *Article, prefix string) Quote {
	t.Helper()
	for _, q := range a.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q
		}
	}
	var got []string
	for _, q := range a.Quotes {
		got = append(got, q.Text)
	}
	t.Fatalf("no statement starting %q; have %q", prefix, got)
	return Quote{}
}

// speakerCase is one attribution rule at work: the paragraphs of a
// made-up article, the statement (by its first words) and who said it.
type speakerCase struct {
	name    string
	body    []string
	quote   string // prefix of the statement
	speaker string
}

// checkSpeakers analyses each case's article and checks that the
// statement is a direct quotation of the expected speaker.
func checkSpeakers(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, tt.body...)
			q := quoteOf(t, a, tt.quote)
			if q.Speaker != tt.speaker {
				t.Errorf("speaker = %q, want %q (cue: %q)", q.Speaker, tt.speaker, q.cue)
			}
			if q.Kind != Direct {
				t.Errorf("kind = %q, want direct", q.Kind)
			}
		})
	}
}

// Each attribution rule of the engine, on text written for the test.
func TestSpeakerRules(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"quote then X said",
			[]string{"“The network was never breached,” Maria Gonzalez said."},
			"The network", "Maria Gonzalez"},
		{"quote then said X with apposition",
			[]string{"“We will respond in kind,” said Henrik Dahl, spokesman for Norway’s Foreign Ministry."},
			"We will respond", "Henrik Dahl"},
		{"X said before the quote",
			[]string{"Prime Minister Aiko Sato said “the evidence is overwhelming and we will act.”"},
			"the evidence", "Aiko Sato"},
		{"X said that",
			[]string{"Minister Lars Olsen said that the breach was “a deliberate act of sabotage by a foreign power.”"},
			"a deliberate act", "Lars Olsen"},
		{"X told",
			[]string{"Senator Ruth Adeyemi told reporters that the company had “misled regulators for years on end.”"},
			"misled regulators", "Ruth Adeyemi"},
		{"according to X",
			[]string{"“The servers were wiped within hours of the intrusion,” according to Paulo Mendes, a researcher at the institute."},
			"The servers", "Paulo Mendes"},
		{"X was quoted as saying",
			[]string{"Chancellor Greta Brandt was quoted as saying “there can be no impunity for attacks like these.”"},
			"there can be no", "Greta Brandt"},
		{"X accused Y of",
			[]string{"Foreign Minister Omar Haddad accused Israel of “waging a campaign of digital sabotage against our hospitals.”"},
			"waging a campaign", "Omar Haddad"},
		{"X warned that",
			[]string{"Defence Secretary Kate Moreno warned that “further attacks on our grid will meet a firm response.”"},
			"further attacks", "Kate Moreno"},
		{"he said: the subject of the previous quotation",
			[]string{
				"“Our systems are secure,” Minister Ivo Petrov said.",
				"Critics disagreed with the minister.",
				"“We have nothing to hide and nothing to fear,” he said.",
			},
			"We have nothing", "Ivo Petrov"},
		{"he added: the person named since the last quotation",
			[]string{
				"“Our systems are secure,” Minister Ivo Petrov said.",
				"Opposition leader Dana Whitfield later spoke to the press.",
				"“The minister is hiding the scale of the damage from the public,” she added.",
			},
			"The minister is hiding", "Dana Whitfield"},
		{"a paragraph that is only a quotation continues the speaker",
			[]string{
				"“We reject these claims entirely,” said Chen Wei, a government spokesman.",
				"“They are baseless and politically motivated.”",
			},
			"They are baseless", "Chen Wei"},
		{"a surname resolves to the full name",
			[]string{
				"Regulator chief Ingrid Falk opened the hearing on Monday.",
				"“The firm ignored every warning we sent over three years,” Falk said.",
			},
			"The firm ignored", "Ingrid Falk"},
		{"a family name written first resolves too",
			[]string{
				"Foreign Ministry spokesman Liu Ming spoke on Tuesday.",
				"“The accusation is groundless,” Mr Liu said.",
			},
			"The accusation", "Liu Ming"},
		{"a role noun resolves to the person introduced with it",
			[]string{
				"Interior Ministry spokesman Tomasz Nowak held a briefing.",
				"The spokesman said the agency had “found no trace of foreign involvement at all.”",
			},
			"found no trace", "Tomasz Nowak"},
		{"an unnamed spokesperson speaks for the organisation",
			[]string{"An Acme Telecom spokesperson said: “We followed every rule the regulator set for us.”"},
			"We followed", "Acme Telecom"},
		{"an organisation speaks",
			[]string{"The White House said the attack was “reckless and dangerous for everyone online.”"},
			"reckless and dangerous", "White House"},
		{"a document speaks for its author",
			[]string{"A statement from the Football Association read: “The club broke the rules on several occasions.”"},
			"The club broke", "Football Association"},
		{"a group speaks",
			[]string{"Japanese officials said the claims were “entirely without foundation in fact.”"},
			"entirely without", "Japanese officials"},
		{"a second quotation in the sentence keeps the speaker",
			[]string{"“We are shocked,” Minister Eva Lind said, adding that the ruling was “unfair and unlawful in every respect.”"},
			"unfair and unlawful", "Eva Lind"},
		{"said, then a role with a describing word before it, then the name",
			[]string{"“The bridge will be finished by spring,” said longtime strategist Omar Haddad, who has run three campaigns."},
			"The bridge will", "Omar Haddad"},
		{"said, then two plain words and a role before the name",
			[]string{"“Nobody reads the small print,” said consumer rights lawyer Ines Varga."},
			"Nobody reads", "Ines Varga"},
		{"remembered as a cue",
			[]string{"“We slept in the car for a week,” remembered Paul Okoro, a farmer from the valley."},
			"We slept", "Paul Okoro"},
		{"an unnamed eyewitness speaks as the role",
			[]string{"“The water rose past the doors in minutes,” a witness told the radio station."},
			"The water rose", "witness"},
		{"an eyewitness is someone new, not the person quoted before",
			[]string{"“We are proud of the crews,” Mayor Ann Lee said.", "“The water rose past the doors in minutes,” an eyewitness told the paper."},
			"The water rose", "eyewitness"},
		{"the company named like a person, introduced by what it is",
			[]string{"Fashion label Ada Brandt rejected the claims made by a former employee.", "“The claims are false and we will say so in court,” the company said in a statement."},
			"The claims are false", "Ada Brandt"},
		{"the label named like a person",
			[]string{"Fashion label Ada Brandt rejected the claims made by a former employee.", "The label added: “Our staff are caring and diverse people.”"},
			"Our staff", "Ada Brandt"},
		{"a sentence opening with a quotation and no cue of its own continues the speaker",
			[]string{"“We will rebuild every street,” Mayor Ann Lee said on Monday. “Every family will have a home again” before the winter, under the plan."},
			"Every family", "Ann Lee"},
		{"an organisation's name ending in a word the stop list holds",
			[]string{"“The figures were wrong from the start,” said Civic Watch director Tom Hart."},
			"The figures", "Tom Hart"},
		{"a surname that is also a stop word",
			[]string{"The board of the drug maker met on Monday, its chief executive Ian Read said in a letter.", "“We assessed the risk of this deal with care,” Read said."},
			"We assessed", "Ian Read"},
		{"said, then describing words that are no role, then the name",
			[]string{"“It was a fair trial,” said retired surgeon Ben Osei, asked about the case."},
			"It was a fair trial", "Ben Osei"},
		{"said, then a capitalised word describing the noun after it, then the name",
			[]string{"“It was a fair trial,” said undecided Republican voter Ana Ruiz of Derry, before the meeting."},
			"It was a fair trial", "Ana Ruiz"},
		{"said, then a role, a comma and the name",
			[]string{"“It was a fair trial,” said another leading court advocate, Ana J. Ruiz of the law firm Smith Brown."},
			"It was a fair trial", "Ana J. Ruiz"},
		{"a name after adding that is not the speaker",
			[]string{"Tom Hart said the town “deserves a better plan than this,” adding that this is why Ann Lee “keeps attacking the plan every week.”"},
			"keeps attacking", "Tom Hart"},
		{"a person's name that only describes the role before the speaker's name",
			[]string{"Governor Ann Lee toured the flooded towns on Monday.", "“The governor has been clear about the money,” said Lee campaign spokesman Tom Hart."},
			"The governor has", "Tom Hart"},
		{"abbreviated titles are not part of the name",
			[]string{"“We will balance the budget,” said Ohio Gov. Ann Lee, standing next to Lt. Gov. Tom Hart."},
			"We will balance", "Ann Lee"},
		{"a state's abbreviation with its full stop inside the cue",
			[]string{"“We will not stand for it,” Senate leader Mitch Lee, R-Ky., said."},
			"We will not stand", "Mitch Lee"},
		{"a place with an abbreviated state in the apposition",
			[]string{"“I was in a cell for months,” Mr. Omar Bello, now retired in Dayton, Ohio., said by telephone."},
			"I was in a cell", "Omar Bello"},
		{"a named organisation with an apposition, then the verb",
			[]string{"“The visit was a provocation,” Tass, the state news agency, wrote."},
			"The visit was", "Tass"},
		{"an organisation's long apposition does not reach a verb of another clause",
			[]string{"Under what Mr. Hal Reed called “the old model of the trade,” the Ridge Club, a private course north of Dayton, Ohio., charged a large fee."},
			"the old model", "Hal Reed"},
		{"the verb right before the quotation wins over an earlier one",
			[]string{"Asked why the council ignored the mayor’s demand for a budget, Ann Lee replied, “We had no money left for anything.”"},
			"We had no money", "Ann Lee"},
		{"after an earlier verb, a participle before the quotation keeps the sentence's subject",
			[]string{"Ann Lee replied to Tom Hart writing, “We had no money left for anything.”"},
			"We had no money", "Ann Lee"},
		{"a description, the name set off by commas, then the verb",
			[]string{"“He had it coming,” the assailant, Tom Hart, told a television crew."},
			"He had it coming", "Tom Hart"},
		{"beamed as a cue",
			[]string{"“This is the best night of my life!” beamed Ana Ruiz of Dayton, who came with her sons."},
			"This is the best night", "Ana Ruiz"},
		{"a quotation standing alone after another's claim in the same paragraph goes to the claimant",
			[]string{"Tom Hart, the clerk, said the count was fair. “Every ballot was checked twice by two people.” But Ann Lee claims the hall was locked early. “I saw the doors shut at six and nobody could get in.”"},
			"I saw the doors", "Ann Lee"},
		{"as X, with an aside of any shape, put it",
			[]string{"As Ann Lee, professor of law at Yale, put it, “The threat is real and it is here.”"},
			"The threat is real", "Ann Lee"},
		{"as X puts it",
			[]string{"As the Daily Star’s Ann Lee puts it, “The threat is real and it is here.”"},
			"The threat is real", "Ann Lee"},
		{"a paragraph ending with a colon introduces the quotation of the next",
			[]string{"The storm hit the coast on Monday night and cut power to the towns.", "Governor Ann Lee issued the following statement:", "“The threat is real and it is here.”"},
			"The threat is real", "Ann Lee"},
		{"an adverb between the speaker and the verb",
			[]string{"Senator Tom Hart spoke at the fair.", "“The plan does not add up,” he often says. “Nobody has shown me the numbers.”"},
			"The plan does not", "Tom Hart"},
		{"a noun ending in -ly before the verb is no adverb",
			[]string{"“We will keep the farm,” Ann Lee said.", "The dispute between Lee and the Hart family echoes a quarrel of 1990 when Ann Lee accused Tom Hart of “stealing the water from the whole valley.”"},
			"stealing the water", "Ann Lee"},
		{"said, then a body's name and plain words describing the named speaker",
			[]string{"“Nobody saw the storm coming this early,” said Ridge State University climate scientist Ann Lee."},
			"Nobody saw", "Ann Lee"},
		{"a name's suffix is part of the name",
			[]string{"“Yes, I back the governor,” said Tom Hart III, founder of the Ridge Institute."},
			"Yes, I back", "Tom Hart III"},
		{"the speaker after a relative clause",
			[]string{"Prosecutor Noel Grant, who spoke after the verdict, cited “years of deliberate deception by the board.”"},
			"years of deliberate", "Noel Grant"},
	})
}

func TestTitlesAndParties(t *testing.T) {
	a := analysed(t,
		"“We will not tolerate these attacks,” said NATO Secretary-General Mark Reiter.",
		"“The claims are fabricated,” said Zhou Bin, spokesperson for China’s Foreign Ministry.",
		"“This is a smear,” said Beijing.",
	)
	cases := []struct{ quote, title, party string }{
		{"We will not", "NATO Secretary-General", "NATO"},
		{"The claims", "spokesperson for China’s Foreign Ministry", "China"},
		{"This is a smear", "", "China"}, // a capital stands for its government
	}
	for _, c := range cases {
		q := quoteOf(t, a, c.quote)
		if q.RoleTitle != c.title || q.Party != c.party {
			t.Errorf("%q: title %q party %q, want %q and %q", c.quote, q.RoleTitle, q.Party, c.title, c.party)
		}
	}
}

func TestScareQuotesHaveNoSpeaker(t *testing.T) {
	a := analysed(t,
		"The group known as “Silent Lynx” targeted banks, and the alliance adopted its “Digital Shield” plan.",
		"Hackers called “Hafnium” were blamed, the ministry said.",
	)
	for _, text := range []string{"Silent Lynx", "Digital Shield", "Hafnium"} {
		q := quoteOf(t, a, text)
		if q.Kind != Scare || q.Speaker != "" {
			t.Errorf("%q: kind %q speaker %q, want a scare quote with no speaker", text, q.Kind, q.Speaker)
		}
	}
}

func TestShortQuoteWithSpeechActIsDirect(t *testing.T) {
	a := analysed(t, "Foreign Minister Ana Ruiz said the charges were “fabricated”.")
	q := quoteOf(t, a, "fabricated")
	if q.Kind != Direct || q.Speaker != "Ana Ruiz" {
		t.Errorf("kind %q speaker %q, want direct by Ana Ruiz", q.Kind, q.Speaker)
	}
}

func TestIAndWeAreNeverSpeakerNames(t *testing.T) {
	a := analysed(t,
		"“We did nothing wrong,” we said.",
		"“I will not resign over this,” I said.",
	)
	for _, q := range a.Quotes {
		if q.Speaker == "we" || q.Speaker == "We" || q.Speaker == "I" {
			t.Errorf("%q attributed to %q", q.Text, q.Speaker)
		}
	}
}

func TestTranscripts(t *testing.T) {
	t.Run("Q and A labels", func(t *testing.T) {
		a := analysed(t,
			"Energy Minister Karl Weber spoke to reporter Jana Novak about the blackout.",
			"Q: Your government is accused of hiding the attack. Is that true?",
			"A: That is simply false. We published everything we knew.",
			"We will publish more when the inquiry ends.",
			"Q: Will anyone resign?",
			"A: No one has done anything wrong.",
		)
		want := []struct{ prefix, speaker string }{
			{"Your government", "Jana Novak"},
			{"That is simply false", "Karl Weber"},
			{"We will publish more", "Karl Weber"}, // an unlabelled paragraph continues the turn
			{"No one has done", "Karl Weber"},
		}
		for _, w := range want {
			q := quoteOf(t, a, w.prefix)
			if q.Kind != Transcript || q.Speaker != w.speaker {
				t.Errorf("%q: kind %q speaker %q, want transcript by %q", w.prefix, q.Kind, q.Speaker, w.speaker)
			}
		}
		if q := quoteOf(t, a, "That is simply false"); q.Role != Response {
			t.Errorf("answer to a charge: role %q, want response", q.Role)
		}
	})
	t.Run("name labels", func(t *testing.T) {
		a := analysed(t,
			"Paula Grant interviewed bank chief Simon Achebe.",
			"Grant: Regulators say your bank broke the law. Did it?",
			"Achebe: We rejected those findings and we will appeal.",
			"Grant: When?",
			"Achebe: Within the month.",
		)
		if q := quoteOf(t, a, "We rejected"); q.Speaker != "Simon Achebe" || q.Kind != Transcript {
			t.Errorf("answer: speaker %q kind %q, want a transcript turn by Simon Achebe", q.Speaker, q.Kind)
		}
		if q := quoteOf(t, a, "Regulators say"); q.Speaker != "Paula Grant" || q.Role != Other {
			t.Errorf("question: speaker %q role %q, want Paula Grant, other", q.Speaker, q.Role)
		}
	})
	t.Run("a single label is a dateline, not a transcript", func(t *testing.T) {
		a := analysed(t, "OSLO: The government said on Monday it had “no comment at this stage of the inquiry.”")
		for _, q := range a.Quotes {
			if q.Kind == Transcript {
				t.Errorf("%q taken for a transcript turn", q.Text)
			}
		}
	})
}
