package corpus

import (
	"strings"
	"testing"
)

// Sentences invented for these tests: each one exercises one side or role
// rule on a dispute the gazetteer knows nothing about.

func TestPartyOfNamesAfterPlaces(t *testing.T) {
	tests := []struct{ phrase, party string }{
		{"Downing Street", "United Kingdom"}, // a seat of government, though "street" ends organisation names
		{"the White House", "United States"},
		{"Irish Ferries spokesperson", "Irish Ferries"}, // a company named after a country
		{"A German Steelworks spokesperson", "German Steelworks"},
		{"Japanese Foreign Ministry spokesman", "Japan"}, // a government stays a government
		{"UK Government", "United Kingdom"},
		{"French President", "France"},
		{"NATO Summit", "NATO"},
		{"Congress president", ""}, // no longer read as the United States
	}
	for _, tt := range tests {
		if got := partyOf(tt.phrase); got != tt.party {
			t.Errorf("partyOf(%q) = %q, want %q", tt.phrase, got, tt.party)
		}
	}
}

func TestLeadFramesTheSides(t *testing.T) {
	tests := []struct {
		name             string
		paras            []string
		accuser, accused string
	}{
		{
			name: "an accused person named by a participle",
			paras: []string{
				"The engineer accused of faking test results, Lena Vogt, spoke on Friday.",
				"“I never changed a single figure and I reject every claim,” Lena Vogt said.",
				"“Vogt altered the data and misled the board,” said Omar Saleh, head of the review panel.",
			},
			accuser: "Omar Saleh", accused: "Lena Vogt",
		},
		{
			name: "a present-tense rebuttal in the lead",
			paras: []string{
				"Harbour Freight Lines is refuting claims by the Port Workers Union that it cut safety checks.",
				"“The company cut corners on safety and put lives at risk,” said Dana Brooks of the Port Workers Union.",
			},
			accuser: "Port Workers Union", accused: "Harbour Freight Lines",
		},
		{
			name: "a warning of what may come is not a charge",
			paras: []string{
				"Skyway Airlines warned that pilots could lose their jobs if they strike.",
				"“Skyway has bullied its pilots for a year and broke the law,” said Mark Ellis of the Pilots Association.",
				"“These claims are false and we have always followed the law,” Skyway chief executive Jon Park said.",
			},
			accuser: "Pilots Association", accused: "Skyway Airlines",
		},
		{
			name: "a fine brought against a party",
			paras: []string{
				"The Rail Safety Board seeks a £2m fine against Northline Trains over signal failures.",
				"“We will contest this fine, which ignores the upgrades we have made,” said Northline Trains spokeswoman Kate Ford.",
			},
			accuser: "", accused: "Northline Trains",
		},
		{
			name: "a vote against a candidate charges no one",
			paras: []string{
				"When Mayor Ann Cole is matched against Tom Reid, more voters back the mayor.",
				"“The numbers are moving our way,” said Ann Cole.",
			},
			accuser: "", accused: "",
		},
		{
			name: "a punished party in the passive",
			paras: []string{
				"Riverside Rovers were banned from the cup by the County Football Association on Monday.",
				"“This ban is unjust and we will appeal,” said Rovers chairman Tom Hale.",
			},
			accuser: "County Football Association", accused: "Riverside Rovers",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysed(t, tt.paras...)
			if a.Accused != tt.accused || a.Accuser != tt.accuser {
				t.Errorf("%q accuses %q; want %q accusing %q", a.Accuser, a.Accused, tt.accuser, tt.accused)
			}
		})
	}
}

// An apology answers a charge; calling something a lie tells no side by
// itself; a lawsuit speaks for the side that sues.
func TestStatementsTellTheSides(t *testing.T) {
	a := analysed(t,
		"The chef spoke to reporters on Tuesday.",
		"“I made a terrible mistake with the menu and I am deeply sorry,” Marco Bellini said.",
		"“Bellini broke the hygiene rules and misled our inspectors,” said Ruth Cole, the city health inspector.",
	)
	if a.Accused != "Marco Bellini" {
		t.Errorf("the apologising chef: accused %q", a.Accused)
	}
	if q := quoteOf(t, a, "I made a terrible"); q.Role != Response {
		t.Errorf("apology: role %q, want response", q.Role)
	}

	b := analysed(t,
		"Union leader Nora Hills accused the mayor of breaking his promises.",
		"“The mayor's whole budget is built on lies,” Nora Hills said.",
		"“These claims are false and unfair,” Mayor Paul Greer said.",
	)
	if b.Accused != "Paul Greer" {
		t.Errorf("calling a budget lies accuses: %q accuses %q, want Paul Greer accused", b.Accuser, b.Accused)
	}
	if q := quoteOf(t, b, "The mayor's whole budget"); q.Role != Accusation {
		t.Errorf("the union leader's charge: role %q", q.Role)
	}

	c := analysed(t,
		"A worker's family has sued Granite Works over his death.",
		"“The company ignored every warning about the broken ladder,” the lawsuit says.",
		"“The ladder was inspected the week before and was safe,” Granite Works spokesman Ian Reed said.",
	)
	if c.Accused != "Granite Works" {
		t.Errorf("lawsuit: %q accuses %q, want Granite Works accused", c.Accuser, c.Accused)
	}
	if q := quoteOf(t, c, "The ladder was"); q.Role != Response {
		t.Errorf("the company's account: role %q, want response", q.Role)
	}
}

// A round-up carries a second, smaller story: a denial in the speaker's own
// name answers a charge even when the main dispute is about someone else.
func TestOwnDenialIsAResponse(t *testing.T) {
	a := analysed(t,
		"Tidewater Council accuses Harbour Board of ignoring flood warnings",
		"“The board ignored three flood warnings last winter,” said council leader Amy Shaw.",
		"“We acted on every warning we were given,” said board chairman Rob Lane.",
		"In other news, striker Leo Brandt has denied diving to win a penalty. “I categorically deny it and I never dive,” Brandt said. “To suggest otherwise is hurtful.”",
		"“The weather ruined the match for everyone,” said referee Sam Ortiz.",
	)
	for prefix, want := range map[string]Role{
		"I categorically deny":      Response,
		"To suggest otherwise":      Response, // the same statement, split by its attribution
		"The weather ruined":        Other,
		"The board ignored":         Accusation,
		"We acted on every warning": Response,
	} {
		if q := quoteOf(t, a, prefix); q.Role != want {
			t.Errorf("%q: role %q, want %q (party %q)", prefix, q.Role, want, q.Party)
		}
	}
}

// A statement running over two paragraphs is one statement with one role.
func TestStatementOverParagraphsSharesItsRole(t *testing.T) {
	a := analysed(t,
		"Lowland Water Authority fined Clearspring Utilities for polluting the river.",
		"“We want a clean river for every town in the valley.",
		"“Clearspring broke the discharge rules forty times and must pay for it,” said Rita Moss, chief executive of the Lowland Water Authority.",
		"“We will appeal this unjust fine,” Clearspring said in a statement.",
	)
	if q := quoteOf(t, a, "We want a clean river"); q.Role != Accusation {
		t.Errorf("first paragraph of the charge: role %q (speaker %q)", q.Role, q.Speaker)
	}
}

// The lead may name the accused side two ways: the one its speakers carry
// ("Opposition Leader …") is the one used.
func TestLeadSideNamedTwoWays(t *testing.T) {
	a := analysed(t,
		"The premier accused Greens of a dishonest campaign, with the opposition hitting back on Monday.",
		"“The Greens have told voters a dishonest story about taxes,” Premier Helen Ward said.",
		"“The premier is running a campaign of fear and nothing else,” Opposition Leader Sam Cole said.",
	)
	if a.Accused != "Opposition" {
		t.Errorf("accused %q, want the side Sam Cole speaks for", a.Accused)
	}
	if q := quoteOf(t, a, "The premier is running"); q.Role != Response {
		t.Errorf("the opposition's counter-attack: role %q", q.Role)
	}
}

// An official known only by a bare title speaks for the body the sentence
// before names; a statement naming its issuer speaks for it.
func TestUnaffiliatedSpeakers(t *testing.T) {
	a := analysed(t,
		"Dockers Union called a strike at the port on Friday.",
		"Dockers Union said the port owner had broken its promises.",
		"“Our members have been cheated out of their overtime,” said general secretary Ann Lee.",
	)
	if q := quoteOf(t, a, "Our members"); q.Party != "Dockers Union" {
		t.Errorf("general secretary: party %q, want Dockers Union", q.Party)
	}
	b := analysed(t,
		"The ministry issued a statement late on Monday.",
		"“Brazil rejects the claims made by Lima about the border incident,” the ministry statement read.",
	)
	if q := quoteOf(t, b, "Brazil rejects"); q.Party != "Brazil" {
		t.Errorf("self-named statement: party %q (speaker %q), want Brazil", q.Party, q.Speaker)
	}
}

// A response from the accused side answers the accuser's charge even when
// they share no words; a party never answers its own words.
func TestResponsesAnswerTheChargeInOtherWords(t *testing.T) {
	a := analysed(t,
		"Coastal Rail accused Metro Buses of poaching its drivers.",
		"“They have been poaching our drivers with secret bonuses,” said Coastal Rail chief executive Paula Hart.",
		"“We hire people who apply to us, nothing more,” Metro Buses spokesman Dan Price said.",
	)
	var got *Quote
	for _, p := range a.Debate {
		if p.Response != nil && p.Response.Speaker == "Dan Price" {
			got = p.Accusation
		}
	}
	if got == nil || got.Speaker != "Paula Hart" {
		t.Errorf("Metro's answer paired with %+v, want Paula Hart's charge", got)
	}
}

// Words in both tables ("misleading") tell no side: the regulator calling
// adverts misleading is not denying anything.
func TestWordsThatCutBothWays(t *testing.T) {
	a := analysed(t,
		"The Broadcasting Council ruled on Northway Telecom's adverts on Monday.",
		"“The adverts were misleading and must not appear again,” said council director Jane Pike.",
		"“We are disappointed with the ruling and will seek a review,” said Northway Telecom spokesman Tim Ross.",
	)
	if a.Accused != "Northway Telecom" {
		t.Errorf("%q accuses %q, want Northway Telecom accused", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "The adverts were"); q.Role != Accusation {
		t.Errorf("the ruling: role %q (party %q)", q.Role, q.Party)
	}
}

// In an interview, the interviewer takes no side; the interviewee the
// article frames as accused answers from the first words, and follow-up
// questions with no new topic carry the answer on.
func TestInterviewFollowUps(t *testing.T) {
	a := Parse("t", "t.txt", `Mayor on the paving contract
This is my transcript of the radio interview. Mayor Tom Hardy clearly rigged the paving contract for his brother's firm.

Hardy: Firstly, the contract went through the normal tender process and the panel chose the cheapest bid.

Lane: Did you see the bids?

Hardy: I saw the summary the panel gave me, as every mayor does.

Lane: And the tender scores?

Hardy: The scoring sheets were kept by the panel, and they were published.

Lane: Now, about next year's festival budget.

Hardy: We will spend the same as last year on the festival.
`)
	a.Analyse()
	if a.Accused != "Tom Hardy" {
		t.Fatalf("accused %q, want the interviewee", a.Accused)
	}
	for prefix, want := range map[string]Role{
		"Firstly, the contract":  Response,
		"I saw the summary":      Response, // "Did you see the bids?" brings no new topic
		"The scoring sheets":     Response, // "tender" carries the exchange on
		"We will spend the same": Other,    // a new topic
	} {
		if q := quoteOf(t, a, prefix); q.Role != want {
			t.Errorf("%q: role %q, want %q", prefix, q.Role, want)
		}
	}
}

// The debate sets a party's whole statements against the charge, not the
// word or two it is also quoted with, and prefers a whole charge to a
// fragment of one.
func TestDebateLeavesFragmentsOut(t *testing.T) {
	a := analysed(t,
		"Granary Foods accused Millbrook Bakery of copying its recipes.",
		"“Millbrook copied our recipes and sold them as its own,” said Granary Foods chief executive Alan Reyes, calling it “plain theft”.",
		"Millbrook Bakery called the claim “pure fiction”. “We developed every recipe in our own kitchen over ten years,” said Millbrook Bakery owner Rosa Diaz.",
	)
	for _, p := range a.Debate {
		if p.Response != nil && p.Response.Text == "pure fiction" {
			t.Errorf("the fragment “pure fiction” has a row of its own: %+v", p)
		}
		if p.Response != nil && p.Accusation != nil && p.Accusation.Text == "plain theft" {
			t.Errorf("the response is set against the fragment “plain theft”, not the whole charge")
		}
	}
}

// A report that only describes the accused ("tipped for promotion") is not
// the accuser, even when the sentence around it tells of the charge.
func TestDescriptionIsNotACharge(t *testing.T) {
	a := analysed(t,
		"Joel Amari has denied claims that he was the player arrested after a fight.",
		"Reports on Sunday said a player, described as “tipped for a big summer transfer”, was arrested on suspicion of assault.",
		"“These stories are false and they have hurt my family,” Joel Amari said.",
	)
	if a.Accused != "Joel Amari" || a.Accuser != "" {
		t.Errorf("%q accuses %q, want no accuser and Joel Amari accused", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "tipped for"); q.Role != Other {
		t.Errorf("the description: role %q (speaker %q)", q.Role, q.Speaker)
	}
}

// Two parties charging each other with no denial: the first to charge is
// the accuser, the other's charge a counter-attack.
func TestFirstToChargeAccuses(t *testing.T) {
	a := analysed(t,
		"The nurses' union will hold a new strike vote.",
		"“Our members face sanctions from a bullying employer,” said Mia Grant, general secretary of the Care Workers Union.",
		"“Care Workers Union hid the flaws in its ballot from its own members,” Harbourside Hospital said in a statement.",
	)
	if a.Accuser != "Care Workers Union" || a.Accused != "Harbourside Hospital" {
		t.Errorf("%q accuses %q, want Care Workers Union accusing Harbourside Hospital", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "Care Workers Union hid"); q.Role != Response {
		t.Errorf("the counter-charge: role %q", q.Role)
	}
}

// Allies name each other without answering anything: a speaker who only
// mentions the accuser is not made the accused.
func TestAllyIsNotTheAccused(t *testing.T) {
	a := analysed(t,
		"Senator Ruth Ames blamed the press for the campaign's bad week.",
		"“The press has distorted every word and ignored our plans,” Ruth Ames said.",
		"“Ruth Ames has been a great friend to this campaign,” candidate Leo Park said.",
	)
	if a.Accused == "Leo Park" {
		t.Errorf("the ally is made the accused: %q accuses %q", a.Accuser, a.Accused)
	}
}

// A charge against one of the accused side's people is a charge against
// that side.
func TestChargeAgainstTheAccusedsPeople(t *testing.T) {
	a := analysed(t,
		"Lumen Studios is rejecting claims made by Nia Hart, a former designer, in a lawsuit.",
		"The suit names Lumen Studios design director Paul Grey.",
		"“Grey shouted at me in front of the whole team,” Nia Hart said.",
		"“These claims are baseless and we will answer them in court,” Lumen Studios said in a statement.",
	)
	if q := quoteOf(t, a, "Grey shouted"); q.Role != Accusation {
		t.Errorf("the charge against the director: role %q (accuser %q, accused %q)", q.Role, a.Accuser, a.Accused)
	}
}

// One remark that names a party is too thin to make it the accused: a
// politician praising an ally while attacking someone else.
func TestWeakChargeNamesNoAccused(t *testing.T) {
	a := analysed(t,
		"The senator spoke at a rally on Saturday.",
		"“The governor has wrecked this state's economy,” said Senator Ruth Ames, standing beside her ally Leo Park.",
		"“Ruth Ames is the best friend this state has ever had,” Leo Park said.",
	)
	if a.Accused == "Leo Park" {
		t.Errorf("the ally is made the accused: %q accuses %q", a.Accuser, a.Accused)
	}
}

func TestPossessiveDocumentOwner(t *testing.T) {
	for speaker, want := range map[string]string{
		"Ward’s press release":    "Ward",
		"the Kremlin's statement": "Russia",
		"Acme Corp's letter":      "Acme Corp",
		"a statement":             "",
		"Marta Diaz":              "",
	} {
		if got := possessiveOwner(speaker); got != want {
			t.Errorf("possessiveOwner(%q) = %q, want %q", speaker, got, want)
		}
	}
}

func TestMoreChargeWords(t *testing.T) {
	for _, w := range []string{"bullied", "misled", "harassment", "dereliction", "kickbacks", "obstructed", "concealed"} {
		if !accusationWords.matches(w) {
			t.Errorf("%q reads as no charge", w)
		}
	}
	for _, w := range []string{"budget", "festival", "weather", "history"} {
		if accusationWords.matches(w) {
			t.Errorf("%q reads as a charge", w)
		}
	}
}

// A one-word capitalised description before a name is no organisation.
func TestDescriptionIsNoAffiliation(t *testing.T) {
	tests := []struct {
		titles []string
		want   string
	}{
		{[]string{"Singer"}, ""},
		{[]string{"Eir spokesperson"}, "Eir"},
		{[]string{"Unite general secretary"}, "Unite"},
	}
	for _, tt := range tests {
		e := &entity{name: "Ana Ruiz", kind: mPerson, titles: tt.titles}
		if got := e.affiliation(); got != tt.want {
			t.Errorf("affiliation of titles %q = %q, want %q", tt.titles, got, tt.want)
		}
	}
}

// With no dispute framed, a remark is an accusation only by its own words:
// a charge word in the sentence around it ("arrested for fraud") is the
// reporter's, not the speaker's.
func TestUnframedRemarkNeedsItsOwnCharge(t *testing.T) {
	a := analysed(t,
		"The town council met on Tuesday.",
		"“The roads need fixing before winter,” said Dev Patel, who sat beside the empty chair of a treasurer arrested for fraud.",
		"“The old treasurer stole from this town for a decade,” said councillor Mary Holt.",
	)
	if q := quoteOf(t, a, "The roads need"); q.Role != Other {
		t.Errorf("a remark beside a reported charge: role %q", q.Role)
	}
}

// sideCase is a made-up article with a headline, and the sides it frames.
type sideCase struct {
	name, title      string
	paras            []string
	accuser, accused string
}

func checkSides(t *testing.T, tests []sideCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysedTitled(t, tt.title, tt.paras...)
			if a.Accused != tt.accused || a.Accuser != tt.accuser {
				t.Errorf("%q accuses %q; want %q accusing %q", a.Accuser, a.Accused, tt.accuser, tt.accused)
			}
		})
	}
}

// analysedTitled is analysed with a headline of its own.
func analysedTitled(t *testing.T, title string, body ...string) *Article {
	t.Helper()
	a := Parse("test", "test.txt", title+"\n\n"+strings.Join(body, "\n\n")+"\n")
	a.Analyse()
	return a
}

// A lead verb's object is often a description before the name ("her
// rival, banker Tom Reed,", "the ferry firm Blue Line Ferries"), or a
// plain noun for the organisation the article names ("its drivers'
// union"); a charge ("claims involving a singer") is no party.
func TestLeadObjectDescribedBeforeItsName(t *testing.T) {
	checkSides(t, []sideCase{
		{
			name:  "a name set off after a description",
			title: "Mayor accuses rival of hiding debts",
			paras: []string{
				"Mayor Ana Torres on Monday accused her rival, banker Tom Reed, of hiding the debts of his bank.",
				"“Voters deserve to see the books before they vote,” Torres said.",
				"“My accounts are public and every loan is listed,” Reed said.",
			},
			accuser: "Ana Torres", accused: "Tom Reed",
		},
		{
			name:  "a name after a description",
			title: "Passengers group hits out at ferry firm",
			paras: []string{
				"The Island Travellers Association has accused the ferry firm Blue Line Ferries of cancelling sailings without notice.",
				"“Blue Line cancelled forty sailings in May and told no one,” said association chairman Huw Evans.",
				"“Every cancellation was posted on our website the same day,” Blue Line Ferries director Sian Pugh said.",
			},
			accuser: "Island Travellers Association", accused: "Blue Line Ferries",
		},
		{
			name:  "a plain noun for the organisation named later",
			title: "A week of empty shelves",
			paras: []string{
				"Crumb Bakeries has blamed its drivers' union for a week of empty shelves.",
				"“Our shelves have been half empty all week,” Crumb Bakeries chief executive Lisa Hart said.",
				"“Our members worked every shift they were given,” said Owen Price, secretary of the Bakery Drivers Union.",
			},
			accuser: "Crumb Bakeries", accused: "Bakery Drivers Union",
		},
		{
			name:  "a charge's description names no party",
			title: "Shoe maker rejects bias claims",
			paras: []string{
				"Shoe maker Ferro Calzature is rejecting bias claims involving swimmer Ada Quinn that were made in a lawsuit by a former manager.",
				"“These claims are false and we will answer them in court,” Ferro Calzature said in a statement.",
			},
			accuser: "", accused: "Ferro Calzature",
		},
		{
			name:  "hitting back at a newspaper",
			title: "Minister hits back over expenses story",
			paras: []string{
				"Transport minister Rosa Lind has hit back at the Evening Courier over a report on her travel expenses.",
				"“Every trip was official and every receipt is published,” Lind said.",
			},
			accuser: "Evening Courier", accused: "Rosa Lind",
		},
		{
			name:  "a headline that drops the passive's auxiliary",
			title: "Harbour Town fined for crowd trouble",
			paras: []string{
				"Fans threw flares onto the pitch during the derby last month.",
				"“Our stewards acted at once and the fans responsible are banned,” said Harbour Town manager Paul Dunne.",
			},
			accuser: "", accused: "Harbour Town",
		},
	})
}

// A verb in -ed followed by an amount taken "from" someone is active: the
// one it is taken from stands accused.
func TestParticipleAlone(t *testing.T) {
	tests := []struct {
		sentence string
		passive  bool
	}{
		{"Harbour Town fined for crowd trouble", true},
		{"Rovers banned over unpaid fees", true},
		{"Harbour Town fined £20,000 by the league", true},
		{"Rovers deducted ten points", false}, // "ten" is no figure: read as active
		{"Rovers deducted 10 points", true},
		{"League deducted 10 points from Rovers", false},
		{"League fined Rovers for crowd trouble", false},
	}
	for _, tt := range tests {
		ts := tokenize(nil, tt.sentence, nil)
		v := -1
		for k, tok := range ts {
			if strings.HasSuffix(tok.text, "ed") && k > 0 {
				v = k
				break
			}
		}
		if got := participleAlone(ts, v); got != tt.passive {
			t.Errorf("participleAlone(%q) = %v, want %v", tt.sentence, got, tt.passive)
		}
	}
}

// An attack over a charge or a punishment answers it; an attack over
// anything else is a charge of its own.
func TestAttackOverAChargeAnswersIt(t *testing.T) {
	checkSides(t, []sideCase{
		{
			name:  "blasting a company over what it did",
			title: "Resident group blasts quarry over dust",
			paras: []string{
				"The Millbrook Residents Group has blasted Stonehill Quarries for covering the village in dust all summer.",
				"“Our cars and windows are grey every morning,” said group chair Ruth Ames.",
				"“Our dust monitors show levels well inside the permit,” a Stonehill Quarries spokesperson said.",
			},
			accuser: "Millbrook Residents Group", accused: "Stonehill Quarries",
		},
		{
			name:  "slamming a rival over its claims",
			title: "Port authority slams shipping line over safety claims",
			paras: []string{
				"The Eastport Authority has slammed Coastal Shipping over claims that its cranes are unsafe.",
				"“Every crane was inspected in March and passed,” said authority director Paul Berg.",
			},
			accuser: "Coastal Shipping", accused: "Eastport Authority",
		},
		{
			name:  "hitting out over a punishment",
			title: "Cyclist hits out at union over ban",
			paras: []string{
				"The cyclist Maya Holm has hit out at the Nordic Cycling Union over her six-month ban.",
				"“I was never given a hearing,” Holm said.",
			},
			accuser: "Nordic Cycling Union", accused: "Maya Holm",
		},
	})
}

// A party that "stands by" its work defends it; a headline's description
// ("Broadcaster", "the national broadcaster") is not a party of its own.
func TestStandingByItsStory(t *testing.T) {
	a := analysedTitled(t, "Broadcaster stands by film after mayor's complaint",
		"The regional broadcaster WestVision has stood by its film on the housing crisis after mayor Ellen Hart accused it of distortion.",
		"“The film cut every interview that did not fit its story,” Hart said.",
		"“The film is accurate, and the mayor's office was invited to take part,” WestVision said in a statement.",
	)
	if a.Accused != "WestVision" || a.Accuser != "Ellen Hart" {
		t.Errorf("%q accuses %q; want Ellen Hart accusing WestVision", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "The film is accurate"); q.Role != Response {
		t.Errorf("the broadcaster's answer: role %q", q.Role)
	}
}

// A one-word party is a description when the article capitalises it only
// where a sentence or quotation opens.
func TestOnlyOpensSentences(t *testing.T) {
	paras := []string{
		"Transport minister Rosa Lind said the trains would run. Pop music played.",
		"“The fares will rise,” Acme chief executive Jo Bell said. Acme shares fell.",
		"Shares in Brio rose. “Fine,” she said. Doorstep interviews followed.",
		"NorthCast said it would appeal.",
	}
	for word, want := range map[string]bool{
		"Transport": true,  // only ever opens a sentence
		"Pop":       true,  // likewise
		"Doorstep":  true,  // opens the sentence after a quotation's full stop
		"Acme":      false, // after a quotation closed on a comma
		"Brio":      false, // mid-sentence
		"NorthCast": false, // a capital inside the word
		"Absent":    false, // never written
	} {
		if got := onlyOpensSentences(word, paras); got != want {
			t.Errorf("onlyOpensSentences(%q) = %v, want %v", word, got, want)
		}
	}
}

// A lead that gives a party only by a noun ("claims by a young designer",
// "an eyewitness told") means the one speaker the article introduces so.
func TestLeadNounMeansTheSpeakerSoTitled(t *testing.T) {
	a := analysedTitled(t, "Fashion house denies copying designs",
		"The fashion house Vela Moda has denied claims by a young designer that it copied her handbags.",
		"“They copied my bags,” designer Nora Quist said.",
		"“The claims are false,” said Vela Moda spokesman Paolo Neri.",
	)
	if a.Accuser != "Nora Quist" || a.Accused != "Vela Moda" {
		t.Errorf("%q accuses %q; want Nora Quist accusing Vela Moda", a.Accuser, a.Accused)
	}
	// The lead answers her claims: her words are those claims.
	if q := quoteOf(t, a, "They copied"); q.Role != Accusation {
		t.Errorf("the designer's claim: role %q", q.Role)
	}
}

// The accuser speaking of the accused by their title ("the mayor") charges
// them.
func TestAccuserNamesTheAccusedByTitle(t *testing.T) {
	a := analysed(t,
		"Councillor Ann Ross on Monday accused Mayor Frank Dillon of corruption.",
		"“The mayor handed the harbour deal to his brother-in-law,” Ross said.",
		"“I never took a dime from anyone,” Dillon said.",
	)
	if a.Accuser != "Ann Ross" || a.Accused != "Frank Dillon" {
		t.Fatalf("%q accuses %q; want Ann Ross accusing Frank Dillon", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "The mayor handed"); q.Role != Accusation {
		t.Errorf("the councillor's charge: role %q", q.Role)
	}
}

// A former post ties no one to the organisation they left: a former chief
// executive suing the company is a side of their own.
func TestFormerPostIsNoAffiliation(t *testing.T) {
	tests := []struct {
		title string
		entity
		want string
	}{
		{"Brightline Software's former chief executive", entity{name: "Mark Olsen", kind: mPerson}, "Mark Olsen"},
		{"former Acme Foods employee", entity{name: "Jo Reyes", kind: mPerson}, "Jo Reyes"},
		{"Brightline Software chief executive", entity{name: "Ann Lee", kind: mPerson}, "Brightline Software"},
		{"former French President", entity{name: "Paul Girard", kind: mPerson}, "France"},
	}
	for _, tt := range tests {
		e := tt.entity
		e.titles = []string{tt.title}
		if got := e.party(); got != tt.want {
			t.Errorf("%s, %s: party %q, want %q", e.name, tt.title, got, tt.want)
		}
	}
}

// "a Copperhill spokesperson": the company speaks, whatever the paragraph
// before reports.
func TestSpokespersonTitledByTheCompany(t *testing.T) {
	a := analysed(t,
		"Copperhill Mining on Tuesday denied a newspaper report that it paid bribes to win a licence.",
		"The Daily Ledger reported that Copperhill made payments of $3 million to two officials.",
		"“We categorically deny these allegations,” a Copperhill spokesperson said.",
	)
	if q := quoteOf(t, a, "We categorically"); q.Party != "Copperhill Mining" || q.Role != Response {
		t.Errorf("the denial: party %q role %q, want Copperhill Mining's response", q.Party, q.Role)
	}
}

// A lead subject that is a name no table knows, written mid-sentence too
// ("the rights group Justice Watch", whose first word may open a title),
// is a party.
func TestUnknownNameAsLeadSubject(t *testing.T) {
	a := analysed(t,
		"The rights group Justice Watch has accused the Northland prison service of beating detainees.",
		"“Former prisoners described beatings every week,” said Amal Haddad of Justice Watch.",
		"“No such abuse has taken place,” said prison service director Lars Berg of the Northland Prison Service.",
	)
	if a.Accuser != "Justice Watch" {
		t.Errorf("accuser %q, want Justice Watch (accused %q)", a.Accuser, a.Accused)
	}
}

// A denied act that names whom it wronged ("denied racially abusing
// defender Joe Flint") makes that person, when quoted, the accuser, and
// their account the charge the denial answers.
func TestDeniedActNamesTheWronged(t *testing.T) {
	a := analysedTitled(t, "Winger denies abusing opponent",
		"Harbour winger Tom Eze has denied racially abusing Millfield defender Sam Cole during Saturday's match.",
		"“He called me a name I won't repeat, twice, in front of the referee,” Cole told reporters.",
		"“I have never used that word and I never would,” Eze said.",
	)
	if a.Accuser != "Sam Cole" || a.Accused != "Tom Eze" {
		t.Fatalf("%q accuses %q; want Sam Cole accusing Tom Eze", a.Accuser, a.Accused)
	}
	if got := pairedWith(a, "I have never used"); !strings.HasPrefix(got, "He called me") {
		t.Errorf("the denial is set against %q", got)
	}
}

// "a club spokesman" speaks for the club the paragraph before has
// denying, though its name reads like a person's.
func TestOrganisationSpokesmanAfterItsDenial(t *testing.T) {
	a := analysed(t,
		"Westfield United have denied claims by their former players that they are owed wages.",
		"“All wages have been paid in full and on time,” a club spokesman said.",
	)
	if q := quoteOf(t, a, "All wages"); q.Party != "Westfield United" || q.Role != Response {
		t.Errorf("the spokesman: party %q role %q, want Westfield United's response", q.Party, q.Role)
	}
}

// A prosecutor who speaks of "the mayor" answers to a lead that frames
// only the mayor: she is the accuser. "District Attorney" is her post,
// not a party called "District".
func TestAccuserFoundByTheAccusedsTitle(t *testing.T) {
	a := analysed(t,
		"Mayor Frank Dillon has vowed to fight charges that he took bribes, calling the case a political attack.",
		"“The mayor sold the city's contracts to the highest bidder,” District Attorney Maria Velez said.",
		"“I have never taken a dime from anyone,” Dillon said.",
	)
	if a.Accuser != "Maria Velez" || a.Accused != "Frank Dillon" {
		t.Errorf("%q accuses %q; want Maria Velez accusing Frank Dillon", a.Accuser, a.Accused)
	}
}
