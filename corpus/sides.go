package corpus

import (
	"slices"
	"strings"
)

// sides decides which party accuses and which is accused in an article.
// Who stands accused matters more than the verbs a statement uses: once an
// article frames a party as accused, its counter-attacks are responses.
//
// The evidence, weighed together:
//   - the lead (title, subtitle, first two paragraphs): the subject of a
//     rebuttal verb ("China rejected …") is accused, the subject of an
//     accusing verb ("NATO condemns …") accuses and its object is accused;
//   - the statements: a party whose statements deny is accused, a party
//     whose statements accuse without denying is the accuser.
type sides struct {
	accused, accuser map[string]int
}

// Weights of the evidence. A statement weighs less than the lead, but an
// article usually has several statements per party.
const (
	leadWeight      = 3
	statementWeight = 3
)

func decideSides(a *Article, lead [][]token, leadText []string, people *registry, quoteParty []string) (accuser, accused string) {
	s := sides{accused: map[string]int{}, accuser: map[string]int{}}
	for k, ts := range lead {
		s.readLead(ts, leadText[k], people)
	}
	for i, q := range a.Quotes {
		party := quoteParty[i]
		// Short quotations are too thin to tell a side by.
		if party == "" || q.Kind == Scare || q.question || isShort(q.Text) {
			continue
		}
		switch {
		case q.denies:
			s.accused[party] += statementWeight
		case q.accuses:
			s.accuser[party] += statementWeight
		}
	}
	accused = best(s.accused, "")
	accuser = best(s.accuser, accused)
	return accuser, accused
}

func (s *sides) readLead(ts []token, p string, people *registry) {
	for v, t := range ts {
		if t.kind != tWord {
			continue
		}
		passive := v > 0 && (ts[v-1].lower == "was" || ts[v-1].lower == "were" || ts[v-1].lower == "been" || ts[v-1].lower == "is" || ts[v-1].lower == "are")
		switch {
		case t.is(cRebuttal):
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accuser[party] += leadWeight
			}
		case t.is(cAccusing) && passive:
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accused[party] += leadWeight
			}
		case t.is(cAccusing):
			if party := s.partyBefore(ts, v, p, people); party != "" {
				s.accuser[party] += leadWeight
			}
			if party := s.partyAfter(ts, v+1, p, people); party != "" {
				s.accused[party] += leadWeight
			}
		}
	}
}

func (s *sides) partyBefore(ts []token, v int, p string, people *registry) string {
	np, appos := npBefore(ts, v)
	return mentionParty(interpret(np, appos, p, people), people)
}

// partyAfter reads the object of a verb: "rejected the US indictment",
// "pushes back against U.S. accusations", "accused China of".
func (s *sides) partyAfter(ts []token, i int, p string, people *registry) string {
	for i < len(ts) && ts[i].kind == tWord && (ts[i].lower == "back" || ts[i].lower == "against" || ts[i].lower == "on" || ts[i].lower == "to") {
		i++
	}
	np, appos := npAfter(ts, i)
	return mentionParty(interpret(np, appos, p, people), people)
}

// mentionParty is the side a lead mention stands for.
func mentionParty(m mention, people *registry) string {
	switch m.kind {
	case mPerson:
		e := &entity{name: m.name, kind: mPerson, titles: []string{m.title}}
		if pr := people.find(m.name); pr != nil {
			e.addTitle(pr.title)
		}
		return e.party()
	case mOrg, mGroup, mRole, mDoc:
		if m.name == "" {
			return ""
		}
		if p := partyOf(m.name); p != "" {
			return p
		}
		if m.kind == mOrg {
			return m.name
		}
		return orgPart(m.name, m.head)
	}
	return ""
}

func best(scores map[string]int, except string) string {
	top, who := 0, ""
	for party, n := range scores {
		if party == except {
			continue
		}
		if n > top || n == top && party < who {
			top, who = n, party
		}
	}
	return who
}

// assignRoles gives each statement its role from the speaker's side, and
// from its words when the speaker is on neither side.
func assignRoles(a *Article, turns []turnInfo) {
	for i := range a.Quotes {
		q := &a.Quotes[i]
		switch {
		case q.Kind == Scare || q.Speaker == "":
			q.Role = Other
		case q.Kind == Transcript:
			q.Role = turnRole(a, i, turns)
		case a.Accused != "" && q.Party == a.Accused:
			q.Role = Response
		case a.Accuser != "" && q.Party == a.Accuser:
			if q.accuses || mentionsParty(q.lower, a.Accused) {
				q.Role = Accusation
			} else {
				q.Role = Other
			}
		case q.accuses && (a.Accused == "" || mentionsParty(q.lower, a.Accused)):
			q.Role = Accusation
		default:
			q.Role = Other
		}
	}
}

// mentionsParty reports whether a lower-case text names a party or a
// place the gazetteer ties to it.
func mentionsParty(lower, party string) bool {
	if party == "" {
		return false
	}
	if strings.Contains(lower, strings.ToLower(party)) {
		return true
	}
	// "Northwind" stands for "Northwind Airlines": the distinctive words
	// of the party's name, not its organisation word.
	var own []string
	for _, w := range strings.Fields(strings.ToLower(party)) {
		if len(w) >= 4 && !orgWords[w] && !titleWords[w] && !orgWords[strings.TrimSuffix(w, "s")] {
			own = append(own, w)
		}
	}
	found := false
	forEachWord(lower, func(w string) bool {
		p, ok := gazetteer[w]
		found = ok && p == party || slices.Contains(own, w)
		return !found
	})
	return found
}
