package corpus

import "testing"

// One test per rule table: each checks words the table must hold and
// words it must not, so that an edit that breaks a rule shows here.

func TestSpeechVerbForms(t *testing.T) {
	for _, w := range []string{"said", "says", "told", "added", "warned", "accused", "denied", "insisted", "saying", "stated", "slammed", "testified", "rebutted", "conceded", "quipped", "reported", "posted", "echoed"} {
		if !speechForms[w] {
			t.Errorf("%q is not a speech verb", w)
		}
	}
	for _, w := range []string{"the", "walked", "report", "network", "States"} {
		if speechForms[w] {
			t.Errorf("%q taken for a speech verb", w)
		}
	}
}

func TestAccusationAndDenialWords(t *testing.T) {
	for _, w := range []string{"accused", "accusation", "condemns", "malicious", "hacking", "theft", "sanctions", "lawless", "denounced"} {
		if !accusationWords.matches(w) {
			t.Errorf("%q not an accusation word", w)
		}
	}
	if denialWords.matches("denounced") {
		t.Error("denouncing is a charge, not a denial")
	}
	for _, w := range []string{"denies", "rejected", "baseless", "groundless", "fabricated", "slander", "ill-founded", "unjust", "denial", "denying", "denied"} {
		if !denialWords.matches(w) {
			t.Errorf("%q not a denial word", w)
		}
	}
	// Place and given names that share a denial's first letters deny nothing.
	for _, w := range []string{"weather", "lovely", "talks", "denmark", "denver", "dennis", "dense"} {
		if accusationWords.matches(w) || denialWords.matches(w) {
			t.Errorf("%q should be neutral", w)
		}
	}
}

func TestLeadVerbTables(t *testing.T) {
	for _, w := range []string{"rejects", "dismissed", "slams", "pushes", "appeals"} {
		if !rebuttalVerbs[w] {
			t.Errorf("%q not a rebuttal verb", w)
		}
	}
	for _, w := range []string{"accuses", "condemned", "sanctions", "fined", "blames"} {
		if !accusingVerbs[w] {
			t.Errorf("%q not an accusing verb", w)
		}
	}
}

func TestWordClasses(t *testing.T) {
	tests := []struct {
		word  string
		class wordClass
	}{
		{"spokesman", cRole}, {"officials", cRole}, {"Secretary-General", cTitle}, {"League", cOrg},
		{"communiqué", cDoc}, {"Mr", cHonorific}, {"he", cPronoun}, {"the", cDeterminer},
		{"of", cConnector}, {"also", cFiller}, {"bin", cParticle}, {"club", cPlainOrg},
		{"said", cSpeech}, {"Rejects", cRebuttal}, {"Condemns", cAccusing}, {"called", cNaming},
		{"senior", cRoleAdj}, {"Beijing", cGazetteer}, {"However", cStop},
	}
	for _, tt := range tests {
		if c, _ := classify(tt.word); c&tt.class == 0 {
			t.Errorf("%q lacks class %b (has %b)", tt.word, tt.class, c)
		}
	}
	if c, lower := classify("Stoltenberg"); c != 0 || lower != "" {
		t.Errorf("a name in no table: class %b lower %q", c, lower)
	}
}

func TestGazetteerKeysAreLowerCaseAndAcronymsNeedCapitals(t *testing.T) {
	if p, _ := lookupParty([]string{"US"}); p != "United States" {
		t.Errorf("US → %q", p)
	}
	if p, _ := lookupParty([]string{"us"}); p != "" {
		t.Errorf("the pronoun us → %q", p)
	}
	if p, n := lookupParty([]string{"Hong", "Kong", "police"}); p != "Hong Kong" || n != 2 {
		t.Errorf("Hong Kong → %q, %d words", p, n)
	}
}

// lexiconsIn splits and matches in one pass; it must find what reading
// the text word by word finds, whatever the script, punctuation or word
// boundaries, and stop early only with what was asked for found.
func TestLexiconsInReadsEveryWord(t *testing.T) {
	texts := []string{
		"", "   ", "accused", "we deny it", "the minister, who denied the baseless allegations, resigned",
		"ill-founded claims—and lies", "they were victims of a smear-campaign", "accus", "ac",
		"an apology: sorry.", "café accusations", "accusations café", "the accusé denied", "denied—accused",
		"2024 accusations 99 bogus", "ALLEGATIONS", "allegation allegations allegationsx", "story cited said",
		"“incorrect” ‘allegations’", "x-accused accused-x", "naïve denial",
	}
	for _, text := range texts {
		want := lexiconsInWords(text, 0)
		if got := lexiconsIn(text, 0); got != want {
			t.Errorf("lexiconsIn(%q) = %b, word by word %b", text, got, want)
		}
		if want.has(accusationWords) && !lexiconsIn(text, accusationWords.bit).has(accusationWords) {
			t.Errorf("lexiconsIn(%q) stopped before the accusation it was asked for", text)
		}
	}
}
