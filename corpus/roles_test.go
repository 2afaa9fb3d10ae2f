package corpus

import (
	"strings"
	"testing"
)

// Sentences invented for these tests, one made-up dispute per rule.

// pairedWith is the accusation text the debate sets the response starting
// with prefix against, or "" when it stands alone or is missing.
func pairedWith(a *Article, prefix string) string {
	for _, p := range a.Debate {
		if p.Response != nil && len(p.Response.Text) >= len(prefix) && p.Response.Text[:len(prefix)] == prefix && p.Accusation != nil {
			return p.Accusation.Text
		}
	}
	return ""
}

// An interviewer who puts a quoted charge to the accused relays it: the
// quoted words stand in the debate as the charge the answers rebut.
func TestInterviewerRelaysAQuotedCharge(t *testing.T) {
	tests := []struct {
		name, question, speaker string
	}{
		{"named relayer", `Lane: The council says you ignored the audit. Your critics say, "He is a crook." What do you say?`, "Your critics"},
		{"curly marks, no relayer", `Lane: You have been called “a crook who rigged the tender” by many. Fair?`, ""},
	}
	for _, tt := range tests {
		a := Parse("t", "t.txt", `Mayor Tom Hardy on the paving contract
This is my transcript of the radio interview. Mayor Tom Hardy clearly rigged the paving contract for his brother's firm.

`+tt.question+`

Hardy: That is completely false. The panel chose the cheapest bid and I never saw the scores.

Lane: Did you see the bids?

Hardy: I saw the summary the panel gave me, as every mayor does.
`)
		a.Analyse()
		var relayed *Quote
		for i, q := range a.Quotes {
			if q.Kind == Direct && q.Role == Accusation {
				relayed = &a.Quotes[i]
			}
		}
		if relayed == nil {
			t.Errorf("%s: no relayed charge among %+v", tt.name, a.Quotes)
			continue
		}
		if relayed.Speaker != tt.speaker {
			t.Errorf("%s: relayed charge spoken by %q, want %q", tt.name, relayed.Speaker, tt.speaker)
		}
		if got := pairedWith(a, "That is completely"); got != relayed.Text {
			t.Errorf("%s: the denial is set against %q, want %q", tt.name, got, relayed.Text)
		}
	}
}

// A question quoting words that charge no one ("Lovely day") relays no
// charge.
func TestQuestionQuotingNoChargeRelaysNone(t *testing.T) {
	a := Parse("t", "t.txt", `Mayor Tom Hardy on the festival
This is my transcript of the radio interview about the festival budget.

Lane: Your slogan was "A festival for every family." Will it happen?

Hardy: We will spend the same as last year on the festival.

Lane: And the parade?

Hardy: The parade goes ahead as planned.
`)
	a.Analyse()
	for _, q := range a.Quotes {
		if q.Kind == Direct {
			t.Errorf("a quotation relayed from a question with no charge: %+v", q)
		}
	}
}

// Words that call a charge false belong to the side that denies it: they
// are no accusation, whoever the sentence seems to give them to.
func TestCallsChargeFalse(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"baseless allegations", true},
		{"the accusations are untrue and unfounded", true},
		{"incorrect allegations", true},
		{"false claims in its adverts", false},                 // a product's claims, not a charge
		{"they deny the allegations but we have proof", false}, // the accuser reporting a denial
		{"serious allegations of fraud", false},
	}
	for _, tt := range tests {
		if got := callsChargeFalse(tt.text); got != tt.want {
			t.Errorf("callsChargeFalse(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A response that names its accuser answers the accuser, not a third
// party's remark that happens to share more of its words.
func TestResponseNamingItsAccuserAnswersTheAccuser(t *testing.T) {
	a := analysed(t,
		"The Broadcasting Council fined Northway Telecom on Monday over its adverts.",
		"“Northway broke the rules on price adverts,” said council director Jane Pike.",
		"Judge Mary Stone called Northway’s adverts “a disgrace to the whole telecoms industry and its customers”.",
		"“The Broadcasting Council has served the whole telecoms industry and its customers badly, and we reject its ruling,” Northway Telecom said.",
	)
	if got := pairedWith(a, "The Broadcasting Council has"); got != "Northway broke the rules on price adverts," {
		t.Errorf("the answer to the council is set against %q", got)
	}
}

// A speaker on neither side who calls the accused's words a lie charges
// them; one who calls the charge a lie does not.
func TestThirdPartyCallingTheAccusedLiars(t *testing.T) {
	a := analysed(t,
		"Coastal Rail accused Metro Buses of poaching its drivers.",
		"“They have been poaching our drivers with secret bonuses,” said Coastal Rail chief executive Paula Hart.",
		"“We hire people who apply to us, nothing more,” said Metro Buses chief executive Sam Reed.",
		"“Whatever Sam Reed promises the drivers, it is all a lie,” said union organiser Kim Lowe.",
		"“The claims against Sam Reed are a lie from start to finish,” said his former colleague Joe Fry.",
	)
	if a.Accused != "Metro Buses" {
		t.Fatalf("accused %q", a.Accused)
	}
	for prefix, want := range map[string]Role{"Whatever Sam Reed": Accusation, "The claims against": Other} {
		if q := quoteOf(t, a, prefix); q.Role != want {
			t.Errorf("%q (%s of %s): role %q, want %q", prefix, q.Speaker, q.Party, q.Role, want)
		}
	}
}

func TestRefusesToAgree(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"we do not agree with the council's findings", true},
		{"i don't accept the ruling", true},
		{"we did not fully agree with it", true},
		{"we agree with the findings", false},
		{"we accept the ruling and will not appeal", false},
		{"not everyone will agree, but the plan stands", false}, // the negation is too far back
	}
	for _, tt := range tests {
		if got := refusesToAgree(tt.text); got != tt.want {
			t.Errorf("refusesToAgree(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A party outside the main dispute that will not agree with a ruling on
// itself answers it.
func TestDisagreeingWithTheFindingsAnswersThem(t *testing.T) {
	a := analysed(t,
		"The Broadcasting Council fined Northway Telecom on Monday over its adverts.",
		"“Northway broke the rules on price adverts,” said council director Jane Pike.",
		"The council also ruled on an advert by Eastgate Mobile.",
		"“We do not agree with the council’s findings on our advert,” Eastgate Mobile said.",
	)
	if q := quoteOf(t, a, "We do not agree"); q.Role != Response {
		t.Errorf("%s of %s: role %q, want response", q.Speaker, q.Party, q.Role)
	}
}

// A lead that quotes a few words of the accused's statement below gives
// them to the accused, even when the sentence carries the accuser's cue;
// words the accused denies stay the accuser's.
func TestLeadExcerptOfTheAccusedsStatement(t *testing.T) {
	tests := []struct {
		name, answer, speaker string
	}{
		{"excerpt", "“My rival is running on fear and greed. We offer hope,” Mr Lee said.", "Tom Lee"},
		{"denied", "“We are not running on fear and greed. We offer hope,” Mr Lee said.", "Anna Hale"},
	}
	for _, tt := range tests {
		a := analysed(t,
			"The campaign turned bitter, with premier Anna Hale accusing the Reform Party of a “shameful lie” and the opposition hitting back at a campaign of “fear and greed”.",
			"Reform Party leader Tom Lee spoke in Dover on Tuesday.",
			tt.answer,
			"“The Reform Party is telling a shameful lie about our pension plans,” Ms Hale said.",
		)
		if a.Accuser != "Anna Hale" || a.Accused != "Reform Party" {
			t.Fatalf("%s: sides %q → %q", tt.name, a.Accuser, a.Accused)
		}
		if q := quoteOf(t, a, "fear and greed"); q.Speaker != tt.speaker {
			t.Errorf("%s: the lead's “fear and greed” given to %q, want %q", tt.name, q.Speaker, tt.speaker)
		}
	}
}

// A party that accuses its punisher after being punished is hitting back:
// it stands accused, and the punisher accuses.
func TestPunishedPartyHittingBack(t *testing.T) {
	a := analysed(t,
		"Coach Dan Moss accuses county league of vendetta after Hillside Rovers are banned",
		"Dan Moss, the coach of Hillside Rovers, has accused the County League of a vendetta against him after receiving an order banning his club from playing.",
		"“I have never seen a club treated like this, and I will fight it,” Moss said.",
		"“The club breached the rules on player registration three times,” said County League secretary Joan Wells.",
	)
	if a.Accuser != "County League" {
		t.Errorf("sides %q → %q, want County League accusing", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "I have never seen"); q.Role != Response || q.Party != a.Accused {
		t.Errorf("the punished coach (party %q): role %q, want response", q.Party, q.Role)
	}
	if q := quoteOf(t, a, "The club breached"); q.Role != Accusation {
		t.Errorf("the league: role %q, want accusation", q.Role)
	}
}

// A party that denies a charge is on the accused side: charge words in its
// other statements ("to call me a racist is hurtful") do not make it the
// accuser.
func TestDenyingPartyIsNoAccuser(t *testing.T) {
	a := analysed(t,
		"Coach Dan Moss lashed out on Monday",
		"Dan Moss has hit back over his club's ban. “We will play on,” Moss said.",
		"In other news, winger Sam Cole spoke after Saturday's derby.",
		"“I was shocked by the accusations and I categorically deny them,” Cole said.",
		"“To suggest I would use racist language is deeply hurtful.”",
	)
	if a.Accuser == "Sam Cole" {
		t.Errorf("sides %q → %q: the denying winger taken for the accuser", a.Accuser, a.Accused)
	}
	for _, prefix := range []string{"I was shocked", "To suggest"} {
		if q := quoteOf(t, a, prefix); q.Role != Response {
			t.Errorf("%q: role %q, want response", prefix, q.Role)
		}
	}
}

// The accused paper's own earlier story, quoted, is what the charge is
// about: it answers nothing. Its editor's reply does.
func TestAccusedsPublishedStoryIsNoResponse(t *testing.T) {
	a := analysed(t,
		"Senator Ruth Kane accused the Daily Ledger of inventing sources.",
		"“The Ledger makes up its sources and prints lies,” Kane said.",
		"The Daily Ledger’s story cited “three senior managers who were at the plant that night.”",
		"“Every word we published was checked and true,” Daily Ledger editor Paul Mead said in response to the report.",
	)
	if a.Accused != "Daily Ledger" {
		t.Fatalf("sides %q → %q", a.Accuser, a.Accused)
	}
	for prefix, want := range map[string]Role{"three senior managers": Other, "Every word we published": Response} {
		if q := quoteOf(t, a, prefix); q.Role != want {
			t.Errorf("%q (%s of %s): role %q, want %q", prefix, q.Speaker, q.Party, q.Role, want)
		}
	}
}

func TestQuotesPublishedPiece(t *testing.T) {
	for cue, want := range map[string]bool{
		"the post's story cited nine unnamed":                true,
		"the report said":                                    true,
		"the company said in response to the report":         false,
		"we stand by our reporting, the paper's editor said": false,
	} {
		if got := quotesPublishedPiece(cue); got != want {
			t.Errorf("quotesPublishedPiece(%q) = %v, want %v", cue, got, want)
		}
	}
}

// The accuser speaking of its complaint presses the charge.
func TestAccuserSpeakingOfTheComplaint(t *testing.T) {
	a := analysed(t,
		"The County League has banned Hillside Rovers for two weeks.",
		"“The substance of the complaint was that their staff entered the referee’s room,” said County League secretary Joan Wells.",
		"“We deny it and will appeal,” said Hillside Rovers manager Dan Moss.",
	)
	if q := quoteOf(t, a, "The substance"); q.Role != Accusation {
		t.Errorf("the league on its complaint (%s of %s): role %q, want accusation", q.Speaker, q.Party, q.Role)
	}
}

// In a round-up, a player denying a charge of his own answers it, not the
// main story's accuser: his denial stands alone when his accusers are not
// quoted.
func TestSecondStoryDenialStandsAlone(t *testing.T) {
	a := analysed(t,
		"The County League has banned Hillside Rovers for two weeks.",
		"“The club breached the rules on player registration three times,” said County League secretary Joan Wells.",
		"“We will appeal against this ban,” said Hillside Rovers manager Dan Moss.",
		"Elsewhere, striker Leo Park has denied abusing a linesman. “I categorically deny it and I am hurt,” Park said.",
	)
	if q := quoteOf(t, a, "I categorically deny"); q.Role != Response {
		t.Errorf("the striker's denial: role %q", q.Role)
	}
	if got := pairedWith(a, "I categorically deny"); got != "" {
		t.Errorf("the striker's denial is set against %q", got)
	}
}

// A lone witness whose account the reporter gives as a claim ("reportedly
// told") accuses the person the article frames as denying it; an answer
// given "at the time" to an older charge answers nothing in this story.
func TestWitnessClaimAndOlderAnswer(t *testing.T) {
	a := analysed(t,
		"Singer Ana Vale denies new claims about a hotel row",
		"“She screamed at the staff and threw a glass at the manager,” hotel guest Rob Tate reportedly told a magazine.",
		"“The incident described did not happen, and nobody asked us for comment,” Vale said.",
		"Last year Vale was criticised over a tweet. She said at the time: “I never meant to hurt anyone and I apologise.”",
	)
	if a.Accuser != "Rob Tate" || a.Accused != "Ana Vale" {
		t.Fatalf("sides %q → %q, want Rob Tate accusing Ana Vale", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "She screamed"); q.Role != Accusation {
		t.Errorf("the witness's claim: role %q", q.Role)
	}
	if got := pairedWith(a, "The incident described"); got == "" || got[:12] != "She screamed" {
		t.Errorf("the denial is set against %q", got)
	}
	if got := pairedWith(a, "I never meant"); got != "" {
		t.Errorf("the answer given at the time is set against %q", got)
	}
}

// A round-up's lead frames its main dispute: a denial further down, in a
// second story, does not make its speaker the accused of the article.
func TestLeadFramingOutweighsASecondStorysDenial(t *testing.T) {
	a := analysed(t,
		"Hillside Rovers banned by County League",
		"The ban runs for two weeks from Monday.",
		"In other news, striker Leo Park spoke after the derby. “I categorically deny abusing the linesman,” Park said.",
	)
	if a.Accused == "Leo Park" {
		t.Errorf("sides %q → %q: the second story's denial framed the article", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "I categorically deny"); q.Role != Response {
		t.Errorf("the striker's denial: role %q", q.Role)
	}
}

// Someone else's punishment after "after" is the charge itself, not the
// accuser's own: the group accusing the police still accuses.
func TestOthersPunishmentIsTheCharge(t *testing.T) {
	a := analysed(t,
		"Civic Rights Trust accuses Harbour City Police of brutality after protesters were arrested",
		"“Officers assaulted people who were sitting peacefully,” said Civic Rights Trust director Mia Hart.",
		"“Our officers acted lawfully,” said Harbour City Police spokesman Ken Bray.",
	)
	if a.Accuser != "Civic Rights Trust" {
		t.Errorf("sides %q → %q, want Civic Rights Trust accusing", a.Accuser, a.Accused)
	}
}

// A lead subject set off from its verb by an aside with a clause of its
// own ("X, the coach who left Y last year, has accused …") is still the
// subject.
func TestLeadSubjectBeforeAnAside(t *testing.T) {
	a := analysed(t,
		"Dan Moss, the coach who quit Hillside last year, has accused the County League of bias.",
		"“We will keep playing whatever they decide,” Moss said.",
		"“We treat every club the same,” said County League secretary Joan Wells.",
	)
	if q := quoteOf(t, a, "We will keep"); a.Accuser == "" || a.Accuser != q.Party {
		t.Errorf("sides %q → %q, want Moss's side (%q) accusing", a.Accuser, a.Accused, q.Party)
	}
}

// The accuser's words may name the accused by the plain noun its name ends
// in ("the union"): they are the charge the union's counter-charge answers.
func TestAccuserNamesTheAccusedByItsNoun(t *testing.T) {
	a := analysedTitled(t, "Bakery and drivers trade blame over empty shelves",
		"Crumb Bakeries has blamed its drivers' union for a week of empty shelves.",
		"“The union's overtime ban has left our customers without bread,” Crumb Bakeries chief executive Lisa Hart said.",
		"“The company has been short of drivers for a year because it cut their pay. Blaming us is dishonest,” said Owen Price, secretary of the Bakery Drivers Union.",
	)
	if q := quoteOf(t, a, "The union's overtime"); q.Role != Accusation {
		t.Errorf("the bakery's charge is %s, want accusation", q.Role)
	}
	if got := pairedWith(a, "The company has been"); !strings.HasPrefix(got, "The union's overtime") {
		t.Errorf("the union's answer is set against %q", got)
	}
}

// "after his club was expelled": the owner hitting back at the body that
// punished his own club is on the accused side, one side with his club.
func TestOwnerOfAPunishedClubHitsBack(t *testing.T) {
	a := analysed(t,
		"Dan Moss, the property developer, has accused the county football association of a vendetta against him after his club Riverside Rangers were expelled from the league.",
		"“This has been a personal campaign against me from the start. They have wanted us out for years,” Moss said.",
	)
	if a.Accused != "Riverside Rangers" {
		t.Errorf("accused %q, want Riverside Rangers", a.Accused)
	}
	if q := quoteOf(t, a, "This has been"); q.Role != Response || q.Party != "Riverside Rangers" {
		t.Errorf("the owner's words are %s for %q, want a response for his club", q.Role, q.Party)
	}
}
