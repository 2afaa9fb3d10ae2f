package corpus

import "testing"

// Speakers, parties and roles in the seed articles, checked by reading
// each article: who says the words, whose side they are on, and whether
// they accuse, answer, or do neither.
func TestSeedStatements(t *testing.T) {
	c := LoadSeeds()
	tests := []struct {
		article, quote string
		speaker, party string
		role           Role
		kind           Kind
	}{
		{"000_7b1d9f7975e765ac", "there are aspects increasingly", "Antony Blinken", "United States", Accusation, Direct},
		{"000_7b1d9f7975e765ac", "spreading Russian lies", "Jens Stoltenberg", "NATO", Accusation, Direct},
		{"000_7b1d9f7975e765ac", "This region, North America", "Jens Stoltenberg", "NATO", Accusation, Direct},
		{"000_7b1d9f7975e765ac", "stoking political confrontation", "Chinese officials", "China", Response, Direct},
		{"000_7b1d9f7975e765ac", "Some NATO member states", "Zhao Lijian", "China", Response, Direct},
		{"000_7b1d9f7975e765ac", "should discard the Cold War", "Zhao Lijian", "China", Response, Direct},
		{"000_7b1d9f7975e765ac", "Strategic Concept", "", "", Other, Scare},
		{"001_13f1f25d5283cfc5", "The United States and countries", "Antony Blinken", "", Accusation, Direct},
		{"001_13f1f25d5283cfc5", "The United States has gathered", "Zhao Lijian", "China", Response, Direct},
		{"001_13f1f25d5283cfc5", "not an adversary", "Jens Stoltenberg", "NATO", Other, Direct},
		{"001_13f1f25d5283cfc5", "when it comes to China", "Boris Johnson", "United Kingdom", Other, Direct},
		{"001_13f1f25d5283cfc5", "Hafnium", "", "", Other, Scare},
		{"002_0902d05ed713a115", "uphold their international", "NATO", "NATO", Accusation, Direct},
		{"002_0902d05ed713a115", "fabricated", "", "China", Response, Direct},
		{"003_4b8d0205e0dd6bfd", "We have seen the results", "Jens Stoltenberg", "NATO", Accusation, Direct},
		{"003_4b8d0205e0dd6bfd", "While China is not our adversary", "Jens Stoltenberg", "NATO", Accusation, Direct},
		{"004_0fbc94771a01f552", "We have made it clear to the Biden", "Wang Lei", "China", Response, Transcript},
		{"004_0fbc94771a01f552", "U.S. National Security Advisor Jake Sullivan", "Interviewer", "", Other, Transcript},
	}
	for _, tt := range tests {
		a := c.Article(tt.article)
		q := quoteOf(t, a, tt.quote)
		if tt.speaker != "" && q.Speaker != tt.speaker || tt.speaker == "" && tt.kind == Scare && q.Speaker != "" {
			t.Errorf("%s %q: speaker %q, want %q", tt.article[:3], tt.quote, q.Speaker, tt.speaker)
		}
		if tt.party != "" && q.Party != tt.party {
			t.Errorf("%s %q: party %q, want %q", tt.article[:3], tt.quote, q.Party, tt.party)
		}
		if q.Role != tt.role || q.Kind != tt.kind {
			t.Errorf("%s %q: %s %s, want %s %s", tt.article[:3], tt.quote, q.Role, q.Kind, tt.role, tt.kind)
		}
	}
}

// The debate of the 001 opinion piece puts Zhao Lijian's denial next to
// Blinken's charge, which it answers point by point.
func TestSeedDebate(t *testing.T) {
	a := LoadSeeds().Article("001_13f1f25d5283cfc5")
	for _, p := range a.Debate {
		if p.Response != nil && p.Response.Speaker == "Zhao Lijian" {
			if p.Accusation == nil || p.Accusation.Speaker != "Antony Blinken" {
				t.Errorf("Zhao's response is paired with %+v, want Blinken's charge", p.Accusation)
			}
			return
		}
	}
	t.Errorf("no row holds Zhao Lijian's response: %+v", a.Debate)
}

func TestSeedSides(t *testing.T) {
	c := LoadSeeds()
	for id, want := range map[string][2]string{
		"000_7b1d9f7975e765ac": {"NATO", "China"},
		"002_0902d05ed713a115": {"NATO", "China"},
	} {
		a := c.Article(id)
		if a.Accuser != want[0] || a.Accused != want[1] {
			t.Errorf("%s: %q accuses %q, want %q accusing %q", id[:3], a.Accuser, a.Accused, want[0], want[1])
		}
	}
	if a := c.Article("004_0fbc94771a01f552"); a.Accused != "China" {
		t.Errorf("004: accused %q, want China", a.Accused)
	}
}
