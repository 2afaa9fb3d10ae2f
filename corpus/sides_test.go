package corpus

import (
	"testing"
	"time"
)

func TestGazetteer(t *testing.T) {
	tests := []struct{ phrase, party string }{
		{"Beijing", "China"},
		{"the White House", "United States"},
		{"Kremlin", "Russia"},
		{"Chinese Foreign Ministry spokesman", "China"},
		{"U.S. Secretary of State", "United States"},
		{"NATO Secretary-General", "NATO"},
		{"spokesperson for China’s Foreign Ministry", "China"},
		{"North Korean hackers", "North Korea"},
		{"executive editor of the Washington Post", "Washington Post"}, // an organisation, not Washington
		{"us", ""},               // the pronoun is not the United States
		{"Eir spokesperson", ""}, // not in the gazetteer: capitalisedOrg handles it
	}
	for _, tt := range tests {
		if got := partyOf(tt.phrase); got != tt.party {
			t.Errorf("partyOf(%q) = %q, want %q", tt.phrase, got, tt.party)
		}
	}
}

// A dispute between a company and a regulator, written for the test: no
// gazetteer entry helps, the sides come from the lead and the statements.
func TestCompanyAgainstRegulator(t *testing.T) {
	a := analysed(t,
		"Brightwave rejects watchdog’s findings on billing",
		"The Energy Standards Authority fined Brightwave on Tuesday for overcharging thousands of customers.",
		"“Brightwave misled its customers and broke the billing rules for two years,” said Helen Marsh, chief executive of the Energy Standards Authority.",
		"“These findings are wrong and we reject them. We will appeal,” a Brightwave spokesperson said.",
		"“The authority ignored the evidence we gave it and its claims against us are baseless,” the spokesperson added.",
		"Consumer groups said bills had risen across the industry.",
	)
	if a.Accused != "Brightwave" || a.Accuser != "Energy Standards Authority" {
		t.Errorf("sides: %q accuses %q; want Energy Standards Authority accusing Brightwave", a.Accuser, a.Accused)
	}
	roles := map[string]Role{
		"Brightwave misled":                  Accusation,
		"These findings":                     Response,
		"The authority ignored the evidence": Response, // a counter-attack by the accused side
	}
	for prefix, want := range roles {
		if q := quoteOf(t, a, prefix); q.Role != want {
			t.Errorf("%q: role %q, want %q (speaker %q, party %q)", prefix, q.Role, want, q.Speaker, q.Party)
		}
	}
	if len(a.Debate) == 0 || a.Debate[0].Accusation == nil || a.Debate[0].Response == nil {
		t.Fatalf("debate %+v: want the charge paired with a response", a.Debate)
	}
}

// Two governments: the accused side's counter-accusation is a response
// even though it uses accusation words.
func TestCounterAccusationIsAResponse(t *testing.T) {
	a := analysed(t,
		"Norway accuses Belarus of hacking parliament",
		"“Belarusian intelligence attacked our parliament’s email system,” Norwegian Foreign Minister Kari Holm said.",
		"In Minsk, Foreign Ministry spokesman Pavel Lenko denied the charge. “Norway is the one attacking us: its hackers have targeted our ministries for years,” Lenko said.",
		"“We reject these baseless claims,” Lenko added.",
	)
	if a.Accuser != "Norway" || a.Accused != "Belarus" {
		t.Errorf("sides: %q accuses %q", a.Accuser, a.Accused)
	}
	if q := quoteOf(t, a, "Norway is the one attacking us"); q.Role != Response {
		t.Errorf("counter-attack: role %q (party %q), want response", q.Role, q.Party)
	}
	if q := quoteOf(t, a, "Belarusian intelligence"); q.Role != Accusation || q.Party != "Norway" {
		t.Errorf("charge: role %q party %q", q.Role, q.Party)
	}
}

func TestNeutralRemarkIsOther(t *testing.T) {
	a := analysed(t,
		"Germany condemns Iran over cyberattack",
		"“Iranian hackers attacked our water utilities,” German Interior Minister Jonas Keller said.",
		"“Iran has nothing to do with this,” said Iranian spokesman Reza Amini.",
		"“The weather in Vienna was lovely during the talks,” said Swiss diplomat Anna Huber.",
	)
	if q := quoteOf(t, a, "The weather"); q.Role != Other {
		t.Errorf("third-party remark: role %q, want other", q.Role)
	}
}

func TestDebatePairsResponsesWithTheirCharges(t *testing.T) {
	a := analysed(t,
		"Canada accuses Russia over election hacking and pipeline attack",
		"“Russian operatives hacked the election commission’s voter database,” said Canadian minister Claire Dubois.",
		"“A Russian group also sabotaged the pipeline control software in Alberta,” Dubois said.",
		"Russia’s embassy said: “No Russian operative has ever touched any election database in Canada.”",
		"“The pipeline failure was caused by poor maintenance of the control software, not by sabotage,” the embassy added.",
	)
	rows := map[string]string{}
	for _, p := range a.Debate {
		if p.Accusation != nil && p.Response != nil {
			rows[p.Response.Text[:10]] = p.Accusation.Text[:10]
		}
	}
	if rows["No Russian"] != "Russian op" || rows["The pipeli"] != "A Russian " {
		t.Errorf("pairs %v: each response should sit next to the charge it answers", rows)
	}
}

// Organisations named by a plain noun ("the airline", "the authority's
// chief executive") are the ones the article named in full.
func TestPlainNounsResolveToNamedOrganisations(t *testing.T) {
	a := analysed(t,
		"The Civil Aviation Authority fined Northwind Airlines on Thursday for late refunds.",
		"“Northwind left passengers out of pocket for months,” said Priya Raman, the authority’s chief executive.",
		"“We refunded every eligible passenger,” a spokesperson for the airline told reporters. “We will appeal.”",
		"The airline’s chief executive, Tomas Berg, was more conciliatory. “We could have done better,” Berg said.",
	)
	cases := []struct{ quote, speaker, party string }{
		{"Northwind left", "Priya Raman", "Civil Aviation Authority"},
		{"We refunded", "Northwind Airlines", "Northwind Airlines"},
		{"We will appeal", "Northwind Airlines", "Northwind Airlines"}, // a whole sentence, not a scare quote
		{"We could have", "Tomas Berg", "Northwind Airlines"},
	}
	for _, c := range cases {
		q := quoteOf(t, a, c.quote)
		if q.Speaker != c.speaker || q.Party != c.party {
			t.Errorf("%q: %q of %q, want %q of %q", c.quote, q.Speaker, q.Party, c.speaker, c.party)
		}
	}
	if q := quoteOf(t, a, "Northwind left"); q.Role != Accusation {
		t.Errorf("the regulator's charge naming the airline: role %q", q.Role)
	}
}

// An empty word must not hang the scan of capital uses (strings.Index finds
// "" at every position): it is simply never seen.
func TestCapitalUseOfNothingEnds(t *testing.T) {
	done := make(chan bool)
	go func() {
		seen, _ := capitalUse("", []string{"Lee spoke. Hart answered."})
		done <- seen
	}()
	select {
	case seen := <-done:
		if seen {
			t.Error("an empty word was reported as seen")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("capitalUse(\"\") did not return")
	}
}
